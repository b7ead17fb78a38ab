/**
 * The decision's annex as a file (CSV or XLSX) → rows of the honour list (src/domain/honour-list.ts).
 * CSV is read as UTF-8 (a BOM is dropped; comma or semicolon); XLSX through exceljs, its first
 * worksheet, date cells as dates. Columns: name or member code, title, decision number, decision date.
 */
import ExcelJS from 'exceljs';
import { csvRows, readHonourRows, type Cell, type HonourRow, type HonourRowError } from '../domain/honour-list.js';

/** Largest annex read (a few thousand rows of XLSX stay far below). */
export const MAX_HONOUR_FILE_BYTES = 2 * 1024 * 1024;

/** The honour file formats, by file name. */
export function honourFileFormat(fileName: string): 'csv' | 'xlsx' | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return ext === 'csv' || ext === 'txt' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
}

/** An XLSX cell's value as text, number or date (formulas give their result, rich text its text). */
function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return null;
}

/** Reads the file: its rows and every problem, or why it could not be read at all. */
export async function readHonourFile(
  format: 'csv' | 'xlsx',
  bytes: Uint8Array,
  now: Date,
): Promise<{ ok: true; rows: HonourRow[]; errors: HonourRowError[] } | { ok: false; reason: 'unreadable' }> {
  if (format === 'csv') return { ok: true, ...readHonourRows(csvRows(Buffer.from(bytes).toString('utf8').normalize('NFC')), now) };
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { ok: false, reason: 'unreadable' };
  const rows: Array<{ line: number; cells: Cell[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 8); c++) {
      const v = cellValue(row.getCell(c).value);
      cells.push(typeof v === 'string' ? v.normalize('NFC') : v);
    }
    rows.push({ line, cells });
  });
  return { ok: true, ...readHonourRows(rows, now) };
}
