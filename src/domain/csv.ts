/**
 * CSV as officers save it from Excel or Google Sheets: comma, semicolon or tab (read off the first
 * line with content), quotes as RFC 4180 (a quoted cell may hold the delimiter, "" and line breaks),
 * a UTF-8 BOM dropped. Rows keep the line they start on, so every problem names the line the person
 * sees. One reader for every file the bot takes as CSV (units, the honour roll).
 *
 * @example csvRows('code;name\nA;"B; C"') // [{ line: 1, cells: ['code', 'name'] }, { line: 2, cells: ['A', 'B; C'] }]
 */
/** CSV text (comma or semicolon, quotes as RFC 4180; a UTF-8 BOM is dropped) → rows of cells. */
export function csvRows(text: string): Array<{ line: number; cells: string[] }> {
  const src = text.replace(/^\uFEFF/, '');
  // The delimiter is read off the first line with content (a file may start with blank lines).
  const firstLine = src.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') (quoted = true), (cell = '');
    else if (ch === delimiter) cells.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) rows.push({ line: rowLine, cells: [...cells, cell] });
  return rows;
}
