/**
 * Reading an uploaded .xlsx workbook (exceljs): the first worksheet's non-empty rows with their row
 * numbers, so every problem names the row the person sees. Cells come as their values (formulas
 * give their result, rich text its text, strings in NFC) or, for files read like CSV (the units
 * file), as text with dates dd/MM/yyyy in Vietnam time. One reader for every .xlsx the bot takes;
 * exceljs is loaded on the first workbook, not at start-up.
 */
import type ExcelJS from 'exceljs';
import { formatDate } from '../domain/dates.js';

/** A cell's value: text, a number, a date, or nothing. */
export type SheetCell = string | number | Date | null;

/** One non-empty row: its number in the sheet (1-based) and its cells. */
export interface SheetRow<C = string> {
  line: number;
  cells: C[];
}

/** A cell's value as it is meant (formulas give their result, rich text its text). */
function cellValue(v: ExcelJS.CellValue): SheetCell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number') return v;
  if (typeof v === 'string') return v.normalize('NFC');
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').normalize('NFC');
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).normalize('NFC');
  }
  return null;
}

/** The first worksheet's rows (at most `maxCols` cells each) as values, or null when the bytes are not a readable workbook. */
export async function readXlsxCells(bytes: Uint8Array, maxCols = 16): Promise<SheetRow<SheetCell>[] | null> {
  // Loaded when a workbook arrives, not at start-up (exceljs takes ≈ 1 s to load).
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = book.worksheets[0];
  if (!sheet) return null;
  const rows: SheetRow<SheetCell>[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: SheetCell[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, maxCols); c++) cells.push(cellValue(row.getCell(c).value));
    rows.push({ line, cells });
  });
  return rows;
}

/** The same rows as text (a date as dd/MM/yyyy), for files read like their CSV. */
export async function readXlsxRows(bytes: Uint8Array, maxCols = 16): Promise<SheetRow[] | null> {
  const rows = await readXlsxCells(bytes, maxCols);
  return rows && rows.map(({ line, cells }) => ({ line, cells: cells.map((v) => (v === null ? '' : v instanceof Date ? formatDate(v) : String(v).trim())) }));
}
