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
 * A name typed all in lower case ("nguyễn thị lan"), as names are written: each word capitalised
 * ("Nguyễn Thị Lan"). Null when the name has an upper-case letter already (the person chose how to
 * write it: "McKay", "ĐINH Văn A") or no letter to capitalise.
 *
 * @example titleCaseName('nguyễn thị lan') === 'Nguyễn Thị Lan'
 * @example titleCaseName('Nguyễn thị Lan') === null
 */
export function titleCaseName(name: string): string | null {
  if (name !== name.toLocaleLowerCase('vi') || name === name.toLocaleUpperCase('vi')) return null;
  return name.replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toLocaleUpperCase('vi'));
}

/**
 * Escape a user-supplied value for Telegram's HTML parse mode (&, <, > and " for attributes).
 *
 * @example escapeHtml('<b>A&B</b>') === '&lt;b&gt;A&amp;B&lt;/b&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text Telegram shows for an HTML string: tags removed, entities decoded. Also how a text-only
 * channel shows a locale string written in Telegram HTML.
 *
 * @example htmlToPlain('<b>A&amp;B</b>') === 'A&B'
 */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-fA-F]+|lt|gt|amp|quot|apos|nbsp);/g, (_, name: string) =>
      NAMED_ENTITIES[name] ??
      String.fromCodePoint(name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)),
    );
}

/** Why a typed number was refused. */
export type NumberRejection = 'number_invalid' | 'number_negative' | 'number_out_of_range' | 'number_exponent';

/**
 * A figure whose only separator may group thousands or mark decimals ("500,000": 500.000 or 500?).
 * Both readings are given so the channel can ask the person which one they meant; guessing was a
 * 1,000× error nobody noticed.
 */
export interface AmbiguousNumber {
  ok: false;
  reason: 'number_ambiguous';
  /** Canonical decimal string when the separator groups thousands ("500000"). */
  thousands: string;
  /** Canonical decimal string when the separator is the decimal mark ("500"). */
  decimal: string;
  unit?: string;
}

/** Result of {@link parseDecimalVi}: a canonical decimal string ("1234.5"), never a float. */
export type DecimalResult =
  | { ok: true; value: string; unit?: string }
  | { ok: false; reason: NumberRejection }
  | AmbiguousNumber;

/** Options of {@link parseDecimalVi}. Defaults fit the `Decimal(18, 4)` report columns. */
export interface DecimalOptions {
  allowNegative?: boolean;
  maxIntegerDigits?: number;
  maxFractionDigits?: number;
  /**
   * Language the person writes in (default `vi`). In Vietnamese a lone dot before three digits
   * groups thousands (`1.234` = 1234); in English it is usually the decimal mark, so it is asked.
   */
  locale?: 'vi' | 'en';
}

/** Scientific notation ("1e9", "2,5E-3"): not a way anyone writes a Vietnamese figure. */
const EXPONENT = /^[-+\u2212]?\s*\d[\d.,]*\s*[eE]\s*[-+\u2212]?\d/u;

/** A 1–3 digit integer part that a thousands group may follow ("500" in "500,000"; not "0"). */
const GROUP_HEAD = /^[1-9]\d{0,2}$/;

/**
 * Parse a quantity a member reports ("1.234,5 ha"), Vietnamese conventions first.
 *
 * Rules, in order:
 * - Scientific notation (`1e9`) is refused (`number_exponent`), not read as 1 with the unit "e9".
 * - Spaces (also no-break spaces) between digit groups of three are thousands separators: `1 234,5`.
 * - Both `.` and `,` present: the last one is the decimal mark, the other groups thousands
 *   (`1.234,5` and `1,234.5` are both 1234.5); groups must be of three digits.
 * - Several of one mark group thousands (`1.234.567`, `1,234,567`).
 * - One `,` followed by exactly three digits after a 1–3 digit non-zero-led integer (`500,000`) is
 *   `number_ambiguous` with both readings: Vietnamese reads 500, English 500 000. Any other single
 *   comma is the decimal mark (`1,5`, `0,500`, `1234,567`).
 * - One `.` followed by exactly three digits after such an integer groups thousands in Vietnamese
 *   (`1.234` = 1234) and is `number_ambiguous` in English; otherwise it is the decimal mark
 *   (`1234.5`, `0.234`, `12.25`).
 * - A reading that does not fit the options (e.g. `maxFractionDigits: 0`) drops out, so the
 *   other one is returned without asking.
 * - A trailing unit word is allowed and returned (`12 ha` → unit "ha", `10%`, `5 m²`).
 * - A leading minus is refused (`number_negative`) unless `allowNegative`.
 * - More than 14 integer or 4 fraction digits is `number_out_of_range` (column `Decimal(18, 4)`).
 *
 * @example parseDecimalVi('1.234,5 ha') // { ok: true, value: '1234.5', unit: 'ha' }
 * @example parseDecimalVi('500,000') // { ok: false, reason: 'number_ambiguous', thousands: '500000', decimal: '500' }
 */
export function parseDecimalVi(input: string, opts: DecimalOptions = {}): DecimalResult {
  const s = nfc(input).trim().replace(/[\u00A0\u202F\u2007]/g, ' ');
  if (EXPONENT.test(s)) return { ok: false, reason: 'number_exponent' };
  const m = /^([-+\u2212]?)\s*(\d[\d.,\s]*?)\s*([\p{L}%°][\p{L}\p{M}\d%°²³/.\s-]*)?$/u.exec(s);
  if (!m) return { ok: false, reason: 'number_invalid' };
  const negative = m[1] === '-' || m[1] === '\u2212';
  const body = (m[2] ?? '').trim();
  const unitRaw = m[3]?.trim();
  if (unitRaw !== undefined && [...unitRaw].length > 40) return { ok: false, reason: 'number_invalid' };
  if (/[.,]$/.test(body)) return { ok: false, reason: 'number_invalid' };
  const unit = unitRaw ? { unit: unitRaw } : {};
  const read = (intDigits: string, fracDigits = ''): DecimalResult => {
    const r = canonicalDecimal(intDigits, fracDigits, negative, opts);
    return r.ok ? { ...r, ...unit } : r;
  };

  const dots = (body.match(/\./g) ?? []).length;
  const commas = (body.match(/,/g) ?? []).length;
  if (/\s/.test(body)) {
    // Spaces only ever group thousands; at most one mark then, and it is the decimal mark.
    if (dots + commas > 1) return { ok: false, reason: 'number_invalid' };
    const idx = body.search(/[.,]/);
    const intPart = idx >= 0 ? body.slice(0, idx) : body;
    if (!/^\d{1,3}(?: \d{3})+$/.test(intPart)) return { ok: false, reason: 'number_invalid' };
    return read(intPart.replace(/ /g, ''), idx >= 0 ? body.slice(idx + 1) : '');
  }
  if (dots > 0 && commas > 0) {
    const decIdx = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
    const thousands = body[decIdx] === '.' ? ',' : '.';
    const intPart = body.slice(0, decIdx);
    const grouped = new RegExp(`^\\d{1,3}(?:\\${thousands}\\d{3})+$`);
    if (!grouped.test(intPart)) return { ok: false, reason: 'number_invalid' };
    return read(intPart.split(thousands).join(''), body.slice(decIdx + 1));
  }
  if (commas > 1 || dots > 1) {
    const grouped = commas > 1 ? /^\d{1,3}(?:,\d{3})+$/ : /^\d{1,3}(?:\.\d{3})+$/;
    if (!grouped.test(body)) return { ok: false, reason: 'number_invalid' };
    return read(body.replace(/[.,]/g, ''));
  }
  if (commas + dots === 0) return read(body);
  const [a = '', b = ''] = body.split(/[.,]/);
  if (!GROUP_HEAD.test(a) || !/^\d{3}$/.test(b)) return read(a, b);
  if (dots === 1 && (opts.locale ?? 'vi') === 'vi') return read(a + b);
  return ambiguous(read(a + b), read(a, b), unit);
}

/** Both readings of an ambiguous figure, or the only one that fits the options. */
function ambiguous(asThousands: DecimalResult, asDecimal: DecimalResult, unit: { unit?: string }): DecimalResult {
  if (!asThousands.ok) return asDecimal;
  if (!asDecimal.ok) return asThousands;
  return { ok: false, reason: 'number_ambiguous', thousands: asThousands.value, decimal: asDecimal.value, ...unit };
}

/** Digits → canonical decimal string, with the sign and the size limits of the options. */
function canonicalDecimal(intIn: string, fracIn: string, negativeSign: boolean, opts: DecimalOptions): { ok: true; value: string } | { ok: false; reason: NumberRejection } {
  if (!/^\d+$/.test(intIn) || !/^\d*$/.test(fracIn)) return { ok: false, reason: 'number_invalid' };
  const intDigits = intIn.replace(/^0+(?=\d)/, '');
  const fracDigits = fracIn.replace(/0+$/, '');
  if (intDigits.length > (opts.maxIntegerDigits ?? 14) || fracDigits.length > (opts.maxFractionDigits ?? 4)) {
    return { ok: false, reason: 'number_out_of_range' };
  }
  const magnitude = fracDigits ? `${intDigits}.${fracDigits}` : intDigits;
  const negative = negativeSign && magnitude !== '0';
  if (negative && !opts.allowNegative) return { ok: false, reason: 'number_negative' };
  return { ok: true, value: negative ? `-${magnitude}` : magnitude };
}

/** Fraction digits {@link addDecimals} keeps: those of the `Decimal(18, 4)` columns. */
const SCALE = 4;

/**
 * Sum of two canonical decimal strings ("1234.5" + "0.5" = "1235"), exactly: a report that adds
 * to an earlier one must not pick up float noise (0.1 + 0.2).
 *
 * @example addDecimals('3', '2.25') === '5.25'
 */
export function addDecimals(a: string, b: string): string {
  const units = (s: string): bigint => {
    const [int = '0', frac = ''] = s.replace(/^-/, '').split('.');
    const u = BigInt(int + frac.padEnd(SCALE, '0').slice(0, SCALE));
    return s.startsWith('-') ? -u : u;
  };
  const sum = units(a) + units(b);
  const digits = (sum < 0n ? -sum : sum).toString().padStart(SCALE + 1, '0');
  const frac = digits.slice(-SCALE).replace(/0+$/, '');
  return (sum < 0n ? '-' : '') + digits.slice(0, -SCALE) + (frac ? `.${frac}` : '');
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

/** "1.2 MB" — file sizes shown to users (evidence limits, imports), the same on every channel. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
