/**
 * Writes the /export workbook (.xlsx) sheet by sheet with exceljs's streaming writer, so memory
 * stays flat however many rows there are: each row is committed to the zip stream as it is added
 * and nothing of a sheet is kept once it is committed. Sheets are written one after another (a zip
 * entry cannot interleave with another), in the order given.
 *
 * What a reader of the annex needs from each sheet is done here once: a bold, frozen header row
 * with an autofilter, column widths by kind, numbers as numbers (not text), and dates as real
 * Excel dates showing Vietnam wall-clock time (Excel dates have no time zone: the cell holds the
 * time an officer in Asia/Ho_Chi_Minh reads, whatever the server's zone).
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { localParts } from '../domain/dates.js';

/** How a column's values are shown. */
export type ColumnKind = 'text' | 'longtext' | 'integer' | 'number' | 'percent' | 'date' | 'datetime';

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  /** Width in characters; default by kind. */
  width?: number;
}

/** A cell: text, a number, a date (an instant: shown in Vietnam time), or empty. */
export type CellValue = string | number | Date | null | undefined;

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  /** The data rows, one array of cells per row in column order; read lazily, page by page. */
  rows: AsyncIterable<CellValue[]> | Iterable<CellValue[]>;
}

const WIDTH: Record<ColumnKind, number> = { text: 22, longtext: 40, integer: 10, number: 14, percent: 10, date: 12, datetime: 17 };
/**
 * Number formats, only where a cell would be unreadable without one (a date is a serial number, a
 * share a fraction). Counts and quantities stay in Excel's General format: shown in the reader's
 * own locale, and each styled cell costs exceljs a style lookup (half the writing time at 100,000
 * rows, measured in bench/export).
 */
const FORMAT: Partial<Record<ColumnKind, string>> = {
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

/**
 * The Date exceljs must be given so the cell shows `instant` as read on a wall clock in Vietnam:
 * exceljs turns a Date into an Excel serial from its UTC fields.
 *
 * @example excelDate(new Date('2026-12-06T17:30:00Z')).toISOString() === '2026-12-07T00:30:00.000Z'
 */
export function excelDate(instant: Date): Date {
  const p = localParts(instant);
  return new Date(Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mm, instant.getUTCSeconds()));
}

function cell(value: CellValue, kind: ColumnKind): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return excelDate(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // Text is written as a string cell (never a formula: unlike CSV, "=…" typed by a member stays text).
  // A decimal read as text (PostgreSQL numeric) in a number column is written as a number.
  return (kind === 'integer' || kind === 'number') && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

/** A sheet, or how to get it when the writer reaches it (its columns may depend on the data). */
export type LazySheet = SheetSpec | (() => Promise<SheetSpec>);

/**
 * Streams the workbook into `out` (the caller ends nothing: exceljs ends `out` when done).
 * Returns the number of data rows written per sheet, in order.
 */
export async function writeWorkbook(sheets: LazySheet[], out: Writable): Promise<number[]> {
  // Loaded on first use: exceljs takes about a second to load, which every start of the bot (and
  // every script that builds the services) would otherwise pay for a command officers rarely send.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'ThiĐua Bot';
  wb.created = new Date();
  const counts: number[] = [];
  for (const lazy of sheets) {
    const sheet = typeof lazy === 'function' ? await lazy() : lazy;
    const ws = wb.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = sheet.columns.map((c, i) => ({
      key: `c${i}`,
      width: c.width ?? Math.max(WIDTH[c.kind], Math.min(40, c.header.length + 2)),
      ...(FORMAT[c.kind] ? { style: { numFmt: FORMAT[c.kind]! } } : {}),
    }));
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.commit();
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    let n = 0;
    for await (const values of sheet.rows) {
      ws.addRow(values.map((v, i) => cell(v, sheet.columns[i]?.kind ?? 'text'))).commit();
      n += 1;
    }
    await ws.commit();
    counts.push(n);
  }
  await wb.commit();
  return counts;
}
