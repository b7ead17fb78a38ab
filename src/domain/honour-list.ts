/**
 * Danh sách vinh danh as officers have it: typed one person per line, or the rows of the decision's
 * annex (CSV / XLSX). Each row is "name or member code, title, decision number, decision date", the
 * last two optional. Reading is lenient — the separator may be a tab, ";", "|", " - " or ",", a
 * leading "1." is a list number, a header row is passed over, "123/QĐ-UBND ngày 15/12/2025" in one
 * field is split — and every problem is reported at once with its line number, so the officer fixes
 * the list in one go. Matching names to members and titles to the campaign is the service's part.
 */
import { localDate, parseDate } from './dates.js';
import { fold } from './text.js';

/** One honoured person as the list says it (unmatched yet). */
export interface HonourRow {
  /** 1-based line (typed list) or row (file) number, for problems and the preview. */
  line: number;
  /** A full name, or a member code ("#12" / "12": the member's number in the bot). */
  who: string;
  /** The title or commendation as written ("LĐTT", "Chiến sĩ thi đua cơ sở", "Giấy khen"). */
  title: string;
  decisionNumber: string | null;
  /** The decision's date as an ISO instant (local midnight), null when not given. */
  decisionDate: string | null;
}

/** What is wrong with one line; `code` is a locale key suffix (honours-error-<code>). */
export interface HonourRowError {
  line: number;
  code: 'missing-title' | 'missing-name' | 'bad-date' | 'too-many-fields' | 'too-many-rows';
  value?: string;
}

/** A cell of a file row: text, a number (a member code), a date (XLSX date cell) or empty. */
export type Cell = string | number | Date | null | undefined;

/** Longest list read at once (a decision's annex is seldom longer; the preview must stay readable). */
export const MAX_HONOUR_ROWS = 500;

const SEPARATORS = ['\t', ';', '|', ' - ', ' – ', ','];
const DATE_SHAPE = /^(?:ngày\s+|ngay\s+)?(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})$/iu;
const DATE_IN_FIELD = /^(.*?)[\s,]+(?:ngay|ngày|date|dated)?\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})$/iu;

/** Header words of a first row ("Họ và tên; Danh hiệu; Số QĐ; Ngày"), folded. */
function isHeader(cells: readonly string[]): boolean {
  const f = cells.map((c) => fold(c));
  return f.length >= 2 && /(ten|name|ma |code)/.test(`${f[0]} `) && /(danh hieu|hinh thuc|title|honour|khen)/.test(f[1] ?? '');
}

function parseDay(text: string, now: Date): Date | null {
  const d = parseDate(text, now, { allowRelative: false, allowNoYear: false });
  return d.ok ? d.date : null;
}

/** A row's cells → a row or its problem. */
function rowOf(line: number, raw: readonly Cell[], now: Date): HonourRow | HonourRowError {
  const cells = raw.map((c) => (c instanceof Date ? c : c === null || c === undefined ? '' : String(c).trim()));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  if (cells.length > 4) return { line, code: 'too-many-fields', value: String(cells.length) };
  const [who = '', title = '', third = '', fourth = ''] = cells;
  if (typeof who !== 'string' || who === '') return { line, code: 'missing-name' };
  if (typeof title !== 'string' || title === '') return { line, code: 'missing-title', value: who };
  let decisionNumber: string | null = null;
  let dateCell: string | Date = fourth;
  if (third instanceof Date) {
    if (fourth !== '') return { line, code: 'too-many-fields', value: '4' };
    dateCell = third;
  } else if (third !== '') {
    const joined = fourth === '' ? DATE_IN_FIELD.exec(third) : null;
    // A date-shaped field is the date (a wrong one is reported, not taken for a decision number).
    if (fourth === '' && DATE_SHAPE.test(third)) dateCell = third;
    else if (joined) {
      decisionNumber = joined[1]!.replace(/^(?:số|so|no\.?)\s+/iu, '').trim() || null;
      dateCell = joined[2]!;
    } else decisionNumber = third.replace(/^(?:số|so|no\.?)\s+/iu, '').trim();
  }
  let decisionDate: string | null = null;
  if (dateCell instanceof Date) {
    // An XLSX date cell is a calendar day written at UTC midnight: that day, in Vietnam time.
    decisionDate = localDate(dateCell.getUTCFullYear(), dateCell.getUTCMonth() + 1, dateCell.getUTCDate()).toISOString();
  } else if (dateCell !== '') {
    const d = parseDay(dateCell, now);
    if (!d) return { line, code: 'bad-date', value: dateCell };
    decisionDate = d.toISOString();
  }
  return { line, who: who.replace(/^\d{1,3}[.)]\s+/, '').trim(), title, decisionNumber, decisionDate };
}

/**
 * "123/QĐ-UBND ngày 15/12/2025", "123/QĐ-UBND", "15/12/2025" or "số 45/QĐ 20/12/2025": the
 * decision's number and day (either may be missing); `bad-date` when a date-like part is no date.
 */
export function parseDecision(text: string, now: Date): { ok: true; decisionNumber: string | null; decisionDate: string | null } | { ok: false; value: string } {
  const row = rowOf(1, ['-', '-', text.normalize('NFC')], now);
  if ('code' in row) return { ok: false, value: row.value ?? text };
  return { ok: true, decisionNumber: row.decisionNumber, decisionDate: row.decisionDate };
}

/** Reads rows of cells (a file's rows, or split typed lines): the rows, and every problem at once. */
export function readHonourRows(rows: ReadonlyArray<{ line: number; cells: readonly Cell[] }>, now: Date): { rows: HonourRow[]; errors: HonourRowError[] } {
  const out: HonourRow[] = [];
  const errors: HonourRowError[] = [];
  const filled = rows.filter((r) => r.cells.some((c) => c !== null && c !== undefined && String(c).trim() !== ''));
  filled.forEach((r, i) => {
    if (i === 0 && isHeader(r.cells.map((c) => (c instanceof Date ? '' : String(c ?? ''))))) return;
    if (out.length + errors.length >= MAX_HONOUR_ROWS) {
      if (!errors.some((e) => e.code === 'too-many-rows')) errors.push({ line: r.line, code: 'too-many-rows', value: String(MAX_HONOUR_ROWS) });
      return;
    }
    const row = rowOf(r.line, r.cells, now);
    if ('code' in row) errors.push(row);
    else out.push(row);
  });
  return { rows: out, errors };
}

/** Splits one typed line at the first separator it uses. */
function splitLine(text: string): string[] {
  const body = text.trim().replace(/^\d{1,3}[.)]\s+/, '');
  for (const sep of SEPARATORS) if (body.includes(sep)) return body.split(sep).map((s) => s.trim());
  return [body];
}

/**
 * A typed list, one person per line: "Nguyễn Văn An; LĐTT; 123/QĐ-UBND; 15/12/2025".
 *
 * @example parseHonourText('Lê Văn Ba - Giấy khen - 45/QĐ-UBND ngày 20/12/2025', now).rows[0].decisionNumber === '45/QĐ-UBND'
 */
export function parseHonourText(text: string, now: Date): { rows: HonourRow[]; errors: HonourRowError[] } {
  const lines = text.normalize('NFC').split(/\r?\n/).map((l, i) => ({ line: i + 1, cells: splitLine(l) }));
  return readHonourRows(lines, now);
}

export { csvRows } from './csv.js';
