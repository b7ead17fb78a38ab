/**
 * Reading an uploaded .xlsx workbook (exceljs): the first worksheet's rows as text cells with their
 * row numbers, so a file an officer saved from Excel is read like the CSV it stands for and every
 * problem names the row they see. Formulas give their result, rich text its text, dates
 * dd/MM/yyyy in Vietnam time.
 */
import ExcelJS from 'exceljs';
import { formatDate } from '../domain/dates.js';

/** One non-empty row: its number in the sheet (1-based) and its cells as text. */
export interface SheetRow {
  line: number;
  cells: string[];
}

/** A cell's value as the text a person reads in it. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return formatDate(v);
  if (typeof v === 'string') return v.normalize('NFC');
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').normalize('NFC');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).normalize('NFC');
  }
  return '';
}

/** The first worksheet's rows (at most `maxCols` cells each), or null when the bytes are not a readable workbook. */
export async function readXlsxRows(bytes: Uint8Array, maxCols = 16): Promise<SheetRow[] | null> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = book.worksheets[0];
  if (!sheet) return null;
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, maxCols); c++) cells.push(cellText(row.getCell(c).value).trim());
    rows.push({ line, cells });
  });
  return rows;
}
