/**
 * The decision's annex as a file (CSV or XLSX) → rows of the honour list (src/domain/honour-list.ts).
 * CSV is read as UTF-8 (a BOM is dropped; comma or semicolon); XLSX through exceljs, its first
 * worksheet, date cells as dates. Columns: name or member code, title, decision number, decision date.
 */
import { readXlsxCells } from './spreadsheets.js';
import { csvRows, readHonourRows, type HonourRow, type HonourRowError } from '../domain/honour-list.js';

/** Largest annex read (a few thousand rows of XLSX stay far below). */
export const MAX_HONOUR_FILE_BYTES = 2 * 1024 * 1024;

/** The honour file formats, by file name. */
export function honourFileFormat(fileName: string): 'csv' | 'xlsx' | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return ext === 'csv' || ext === 'txt' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
}

/** Reads the file: its rows and every problem, or why it could not be read at all. */
export async function readHonourFile(
  format: 'csv' | 'xlsx',
  bytes: Uint8Array,
  now: Date,
): Promise<{ ok: true; rows: HonourRow[]; errors: HonourRowError[] } | { ok: false; reason: 'unreadable' }> {
  if (format === 'csv') return { ok: true, ...readHonourRows(csvRows(Buffer.from(bytes).toString('utf8').normalize('NFC')), now) };
  const rows = await readXlsxCells(bytes, 8);
  if (!rows) return { ok: false, reason: 'unreadable' };
  return { ok: true, ...readHonourRows(rows, now) };
}
