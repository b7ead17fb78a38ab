/**
 * Text helpers for Vietnamese input: normalisation, diacritic-insensitive search, names, numbers
 * and yes/no answers typed by members. Pure functions; every user-caused failure is a reason code
 * that `bot/` renders through the locale files.
 */

/**
 * NFC-normalise a string. Telegram clients on some platforms send decomposed (NFD) Vietnamese;
 * we store and compare NFC only, so "Đồng Khởi" typed on macOS equals the one typed on Android.
 *
 * @example nfc('Nguye\u0302\u0303n') === 'Nguyễn'
 */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * Fold text for search: lower case, diacritics removed (including đ → d), whitespace collapsed.
 * Why: members search "dong khoi" and expect "Đồng Khởi"; the same fold fills `nameSearch` columns.
 *
 * @example fold('  Đồng   Khởi ') === 'dong khoi'
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether every word of `query` occurs in an already folded haystack (as a prefix or substring).
 * An empty query matches everything, so a bare "/tim" lists all.
 *
 * @example matchesQuery(fold('Phong trào Đồng khởi mới'), 'dong moi') === true
 */
export function matchesQuery(haystackFolded: string, query: string): boolean {
  const words = fold(query).split(' ').filter((w) => w.length > 0);
  return words.every((w) => haystackFolded.includes(w));
}

/** Longest person or unit name we accept, in Unicode code points. */
export const MAX_NAME_LENGTH = 100;

/** Why a typed name was refused; `bot/` turns it into a re-ask. */
export type NameRejection = 'name_empty' | 'name_too_long' | 'name_control_chars' | 'name_no_letters';

/** Result of {@link validatePersonName}. */
export type NameResult = { ok: true; name: string } | { ok: false; reason: NameRejection };

/**
 * C0/C1 controls, soft hyphen, zero-width characters, bidi embeddings/overrides/isolates and the BOM.
 * They make two names that look equal compare different, or reorder a name on screen (spoofing).
 */
const INVISIBLE_OR_CONTROL = /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/**
 * Validate a person's full name (họ và tên) as typed: NFC, trimmed, inner whitespace collapsed.
 * Refuses empty input, more than {@link MAX_NAME_LENGTH} characters, control/invisible characters,
 * and input with no letter at all (only emoji, digits or punctuation).
 *
 * @example validatePersonName(' Nguyễn  Thị Minh Khai ') // { ok: true, name: 'Nguyễn Thị Minh Khai' }
 */
export function validatePersonName(input: string): NameResult {
  // A tab is a stray separator; a line break inside means two things were pasted — refuse that.
  const trimmed = nfc(input).replace(/\t/g, ' ').trim();
  if (trimmed.length === 0) return { ok: false, reason: 'name_empty' };
  if (INVISIBLE_OR_CONTROL.test(trimmed)) return { ok: false, reason: 'name_control_chars' };
  const name = trimmed.replace(/\s+/gu, ' ');
  if ([...name].length > MAX_NAME_LENGTH) return { ok: false, reason: 'name_too_long' };
  if (!/\p{L}/u.test(name)) return { ok: false, reason: 'name_no_letters' };
  return { ok: true, name };
}

/**
 * Escape a user-supplied value for Telegram's HTML parse mode (&, <, > and " for attributes).
 *
 * @example escapeHtml('<b>A&B</b>') === '&lt;b&gt;A&amp;B&lt;/b&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Why a typed number was refused. */
export type NumberRejection = 'number_invalid' | 'number_negative' | 'number_out_of_range';

/** Result of {@link parseDecimalVi}: a canonical decimal string ("1234.5"), never a float. */
export type DecimalResult =
  | { ok: true; value: string; unit?: string }
  | { ok: false; reason: NumberRejection };

/** Options of {@link parseDecimalVi}. Defaults fit the `Decimal(18, 4)` report columns. */
export interface DecimalOptions {
  allowNegative?: boolean;
  maxIntegerDigits?: number;
  maxFractionDigits?: number;
}

/**
 * Parse a quantity a member reports ("1.234,5 ha"), Vietnamese conventions first.
 *
 * Rules, in order:
 * - Spaces (also no-break spaces) between digit groups of three are thousands separators: `1 234,5`.
 * - Both `.` and `,` present: the last one is the decimal mark, the other groups thousands
 *   (`1.234,5` and `1,234.5` are both 1234.5); groups must be of three digits.
 * - Only `,`: one comma is the decimal mark as in Vietnamese (`1,5` = 1.5, `1,234` = 1.234);
 *   several commas group thousands (`1,234,567`).
 * - Only `.`: several dots group thousands (`1.234.567`); a single dot followed by exactly three
 *   digits after a 1–3 digit non-zero-led integer is thousands in Vietnamese (`1.234` = 1234);
 *   otherwise it is a decimal mark (`1234.5`, `0.234`, `12.25`).
 * - A trailing unit word is allowed and returned (`12 ha` → unit "ha", `10%`, `5 m²`).
 * - A leading minus is refused (`number_negative`) unless `allowNegative`.
 * - More than 14 integer or 4 fraction digits is `number_out_of_range` (column `Decimal(18, 4)`).
 *
 * @example parseDecimalVi('1.234,5 ha') // { ok: true, value: '1234.5', unit: 'ha' }
 */
export function parseDecimalVi(input: string, opts: DecimalOptions = {}): DecimalResult {
  const maxInt = opts.maxIntegerDigits ?? 14;
  const maxFrac = opts.maxFractionDigits ?? 4;
  const s = nfc(input).trim().replace(/[\u00A0\u202F\u2007]/g, ' ');
  const m = /^([-+\u2212]?)\s*(\d[\d.,\s]*?)\s*([\p{L}%°][\p{L}\p{M}\d%°²³/.\s-]*)?$/u.exec(s);
  if (!m) return { ok: false, reason: 'number_invalid' };
  const sign = m[1] ?? '';
  const body = (m[2] ?? '').trim();
  const unitRaw = m[3]?.trim();
  if (unitRaw !== undefined && [...unitRaw].length > 40) return { ok: false, reason: 'number_invalid' };
  if (/[.,]$/.test(body)) return { ok: false, reason: 'number_invalid' };

  let intDigits: string;
  let fracDigits = '';
  const dots = (body.match(/\./g) ?? []).length;
  const commas = (body.match(/,/g) ?? []).length;
  if (/\s/.test(body)) {
    // Spaces only ever group thousands; at most one mark then, and it is the decimal mark.
    if (dots + commas > 1) return { ok: false, reason: 'number_invalid' };
    const idx = body.search(/[.,]/);
    const intPart = idx >= 0 ? body.slice(0, idx) : body;
    if (!/^\d{1,3}(?: \d{3})+$/.test(intPart)) return { ok: false, reason: 'number_invalid' };
    intDigits = intPart.replace(/ /g, '');
    fracDigits = idx >= 0 ? body.slice(idx + 1) : '';
  } else if (dots > 0 && commas > 0) {
    const decIdx = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
    const decMark = body[decIdx] === '.' ? '.' : ',';
    const thousands = decMark === '.' ? ',' : '.';
    const intPart = body.slice(0, decIdx);
    const grouped = new RegExp(`^\\d{1,3}(?:\\${thousands}\\d{3})+$`);
    if (!grouped.test(intPart)) return { ok: false, reason: 'number_invalid' };
    intDigits = intPart.split(thousands).join('');
    fracDigits = body.slice(decIdx + 1);
  } else if (commas > 1 || dots > 1) {
    const grouped = commas > 1 ? /^\d{1,3}(?:,\d{3})+$/ : /^\d{1,3}(?:\.\d{3})+$/;
    if (!grouped.test(body)) return { ok: false, reason: 'number_invalid' };
    intDigits = body.replace(/[.,]/g, '');
  } else if (commas === 1) {
    [intDigits = '', fracDigits = ''] = body.split(',');
  } else if (dots === 1) {
    const [a = '', b = ''] = body.split('.');
    if (/^[1-9]\d{0,2}$/.test(a) && /^\d{3}$/.test(b)) {
      intDigits = a + b;
    } else {
      intDigits = a;
      fracDigits = b;
    }
  } else {
    intDigits = body;
  }
  if (!/^\d+$/.test(intDigits) || !/^\d*$/.test(fracDigits)) return { ok: false, reason: 'number_invalid' };

  intDigits = intDigits.replace(/^0+(?=\d)/, '');
  fracDigits = fracDigits.replace(/0+$/, '');
  if (intDigits.length > maxInt || fracDigits.length > maxFrac) return { ok: false, reason: 'number_out_of_range' };
  const magnitude = fracDigits ? `${intDigits}.${fracDigits}` : intDigits;
  const negative = (sign === '-' || sign === '\u2212') && magnitude !== '0';
  if (negative && !opts.allowNegative) return { ok: false, reason: 'number_negative' };
  const value = negative ? `-${magnitude}` : magnitude;
  return unitRaw ? { ok: true, value, unit: unitRaw } : { ok: true, value };
}

const YES = new Set(['co', 'yes', 'y', 'roi', 'da roi', 'dat', '1', 'ok', 'true', 'x', '✅', '✔', '✔️', '👍']);
const NO = new Set(['khong', 'ko', 'no', 'n', 'chua', 'chua dat', 'khong dat', '0', 'false', '❌', '✖', '👎']);

/** Result of {@link parseYesNo}. */
export type YesNoResult = { ok: true; value: boolean } | { ok: false; reason: 'yes_no_invalid' };

/**
 * Read a YES_NO answer typed instead of tapped (Zalo has no buttons): có/co/yes/y/rồi/đạt/1
 * versus không/khong/ko/no/n/chưa/0, case- and diacritic-insensitive.
 *
 * @example parseYesNo('Rồi') // { ok: true, value: true }
 */
export function parseYesNo(input: string): YesNoResult {
  const f = fold(input).replace(/[.!]+$/u, '');
  if (YES.has(f)) return { ok: true, value: true };
  if (NO.has(f)) return { ok: true, value: false };
  return { ok: false, reason: 'yes_no_invalid' };
}
