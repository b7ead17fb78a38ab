/**
 * Dates as Vietnamese members type and read them, in Asia/Ho_Chi_Minh (UTC+7, no DST).
 *
 * Every instant is a plain UTC `Date`; "local" means shifted by a fixed offset (default +7 h), which
 * is exact for Vietnam because it has had no daylight saving time since 1975. The clock is always a
 * parameter (`now`) so tests and conversations stay deterministic.
 */
import { fold } from './text.js';

/** The one time zone the bot shows and reads dates in (the cron runs in it too). */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Asia/Ho_Chi_Minh offset from UTC in minutes. */
export const VN_OFFSET_MINUTES = 7 * 60;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Earliest and latest year accepted in typed dates (a typo like 20255 or 0225 is refused). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** Options shared by the local-time helpers. */
export interface TzOptions {
  /** Offset of local time from UTC in minutes; default {@link VN_OFFSET_MINUTES}. */
  tzOffsetMinutes?: number;
}

/** Options of {@link parseDate}. */
export interface ParseDateOptions extends TzOptions {
  /** Accept "hôm nay", "ngày mai", "today", "tomorrow" (default true; campaign files say false). */
  allowRelative?: boolean;
  /** Accept "30/06" meaning this local year (default true; campaign files say false). */
  allowNoYear?: boolean;
}

/** A calendar date read from user input; `date` is 00:00 local time as a UTC instant. */
export interface ParsedDate {
  ok: true;
  date: Date;
  y: number;
  m: number;
  d: number;
}

/** Why a typed date was refused: not shaped like a date, or shaped but not on the calendar. */
export type DateRejection = { ok: false; reason: 'date_invalid' | 'date_format' };

/** Local calendar and clock fields of an instant. */
export interface LocalParts {
  y: number;
  /** 1–12 */
  m: number;
  /** 1–31 */
  d: number;
  hh: number;
  mm: number;
  /** 0 = Sunday (Chủ nhật) … 6 = Saturday (Thứ Bảy), as `Date#getDay`. */
  weekday: number;
}

function offsetMs(opts?: TzOptions): number {
  return (opts?.tzOffsetMinutes ?? VN_OFFSET_MINUTES) * MINUTE_MS;
}

/**
 * Number of days in month `m` (1–12) of year `y`, Gregorian.
 *
 * @example daysInMonth(2024, 2) === 29
 */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Whether y-m-d is a real calendar date within {@link MIN_YEAR}–{@link MAX_YEAR}.
 *
 * @example isValidDate(2025, 2, 31) === false
 */
export function isValidDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

/**
 * The UTC instant of a local wall-clock time.
 *
 * @example localDate(2025, 6, 30, 17, 0).toISOString() === '2025-06-30T10:00:00.000Z'
 */
export function localDate(y: number, m: number, d: number, hh = 0, mm = 0, opts?: TzOptions): Date {
  return new Date(Date.UTC(y, m - 1, d, hh, mm) - offsetMs(opts));
}

/**
 * Local calendar/clock fields of an instant (what a member in Vietnam sees on the wall clock).
 *
 * @example localParts(new Date('2025-06-30T17:30:00Z')) // { y: 2025, m: 7, d: 1, hh: 0, mm: 30, weekday: 2 }
 */
export function localParts(date: Date, opts?: TzOptions): LocalParts {
  const s = new Date(date.getTime() + offsetMs(opts));
  return {
    y: s.getUTCFullYear(),
    m: s.getUTCMonth() + 1,
    d: s.getUTCDate(),
    hh: s.getUTCHours(),
    mm: s.getUTCMinutes(),
    weekday: s.getUTCDay(),
  };
}

/**
 * 00:00 local time of the day containing `date`.
 *
 * @example startOfLocalDay(new Date('2025-06-30T20:00:00Z')).toISOString() === '2025-06-30T17:00:00.000Z'
 */
export function startOfLocalDay(date: Date, opts?: TzOptions): Date {
  const p = localParts(date, opts);
  return localDate(p.y, p.m, p.d, 0, 0, opts);
}

/**
 * The last millisecond (23:59:59.999 local) of the day containing `date`: a campaign that "ends
 * 30/06/2025" still accepts a report at 22:00 that day.
 *
 * @example endOfLocalDay(localDate(2025, 6, 30)).toISOString() === '2025-06-30T16:59:59.999Z'
 */
export function endOfLocalDay(date: Date, opts?: TzOptions): Date {
  return new Date(startOfLocalDay(date, opts).getTime() + DAY_MS - 1);
}

/**
 * Move `n` local calendar days, keeping the wall-clock time (exact: no DST in Vietnam).
 *
 * @example addLocalDays(localDate(2025, 12, 31), 1) // 01/01/2026 00:00 local
 */
export function addLocalDays(date: Date, n: number): Date {
  return new Date(date.getTime() + n * DAY_MS);
}

/**
 * Add calendar months to a local date, keeping the anchor day-of-month clamped to the target
 * month's length: 31/01 + 1 month = 28/02 (29/02 in leap years), 31/01 + 2 months = 31/03.
 * Always computed from the anchor, never chained, so a series does not drift to the 28th.
 *
 * @example addMonthsClamped(2021, 3, 31, 3) // { y: 2021, m: 6, d: 30 }
 */
export function addMonthsClamped(y: number, m: number, d: number, months: number): { y: number; m: number; d: number } {
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return { y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) };
}

const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map([
  ['hom nay', 0],
  ['today', 0],
  ['ngay mai', 1],
  ['mai', 1],
  ['tomorrow', 1],
]);

/**
 * Read a date as Vietnamese members type it.
 *
 * Accepts `30/6/2025`, `30-06-2025`, `30.06.2025` (one separator kind), `2025-06-30`, `30/06`
 * (this local year), `hôm nay`/`hom nay`/`today`, `ngày mai`/`ngay mai`/`mai`/`tomorrow`, an optional
 * leading "ngày". Case-, NFC/NFD- and surrounding-space-insensitive. Two-digit years are refused
 * (`date_format`): "25" could be 1925 or 2025 and a re-ask is cheap. Shapes that are not dates give
 * `date_format`; shapes that are not on the calendar (31/02/2025, 29/02/2023, year 2200) give
 * `date_invalid`.
 *
 * @example parseDate('30/6', now) // { ok: true, y: <local year of now>, m: 6, d: 30, date }
 */
export function parseDate(input: string, now: Date, opts: ParseDateOptions = {}): ParsedDate | DateRejection {
  const s = fold(input);
  if (opts.allowRelative ?? true) {
    const rel = RELATIVE_DAYS.get(s);
    if (rel !== undefined) {
      const today = localParts(now, opts);
      const date = addLocalDays(localDate(today.y, today.m, today.d, 0, 0, opts), rel);
      const p = localParts(date, opts);
      return { ok: true, date, y: p.y, m: p.m, d: p.d };
    }
  }
  const body = s.replace(/^ngay\s+/, '');
  let y: number;
  let m: number;
  let d: number;
  const dmy = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}))?$/.exec(body);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(body);
  if (dmy) {
    d = Number(dmy[1]);
    m = Number(dmy[3]);
    if (dmy[4] === undefined) {
      if (!(opts.allowNoYear ?? true)) return { ok: false, reason: 'date_format' };
      y = localParts(now, opts).y;
    } else {
      y = Number(dmy[4]);
    }
  } else if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else {
    return { ok: false, reason: 'date_format' };
  }
  if (!isValidDate(y, m, d)) return { ok: false, reason: 'date_invalid' };
  return { ok: true, date: localDate(y, m, d, 0, 0, opts), y, m, d };
}

/** Options of {@link parseDateTime}. */
export interface ParseDateTimeOptions extends ParseDateOptions {
  /** Time used when only a date is typed; `HH:mm`, default `17:00` (end of office hours). */
  defaultTime?: string;
}

/** A date and time read from user input. */
export interface ParsedDateTime {
  ok: true;
  date: Date;
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
}

/** Why a typed date-time was refused; `time_invalid` for 25:00 or 17:75. */
export type DateTimeRejection = { ok: false; reason: 'date_invalid' | 'date_format' | 'time_invalid' };

const TIME_TOKEN = /^(\d{1,2})(?::(\d{2})|[hg](\d{2})?)$/;

function parseTimeToken(token: string): { hh: number; mm: number } | 'time_invalid' | null {
  const t = TIME_TOKEN.exec(token);
  if (!t) return null;
  const hh = Number(t[1]);
  const mm = Number(t[2] ?? t[3] ?? '0');
  if (hh > 23 || mm > 59) return 'time_invalid';
  return { hh, mm };
}

/**
 * Read a deadline with its time: `30/06/2025 17:00`, `17:00 30/06/2025`, `30/06/2025 17h`,
 * `17h30 30/6/2025`, `mai 9h`, "lúc" between the parts; a date alone gets `defaultTime` (17:00).
 * Dates follow {@link parseDate}.
 *
 * @example parseDateTime('17h30 30/6/2025', now) // 30/06/2025 17:30 local
 */
export function parseDateTime(
  input: string,
  now: Date,
  opts: ParseDateTimeOptions = {},
): ParsedDateTime | DateTimeRejection {
  const s = fold(input).replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  const words = s.split(' ');
  let time: { hh: number; mm: number } | null = null;
  let dateText = s;
  for (const [idx, rest] of [
    [0, words.slice(1)],
    [words.length - 1, words.slice(0, -1)],
  ] as const) {
    if (words.length < 2) break;
    const t = parseTimeToken(words[idx] ?? '');
    if (t === 'time_invalid') return { ok: false, reason: 'time_invalid' };
    if (t) {
      time = t;
      dateText = rest.filter((w, i) => !(w === 'luc' && (i === 0 || i === rest.length - 1))).join(' ');
      break;
    }
  }
  if (!time) {
    const def = parseTimeToken(opts.defaultTime ?? '17:00');
    if (def === null || def === 'time_invalid') throw new Error(`defaultTime must be HH:mm, got ${opts.defaultTime}`);
    time = def;
  }
  const date = parseDate(dateText, now, opts);
  if (!date.ok) return date;
  return {
    ok: true,
    date: localDate(date.y, date.m, date.d, time.hh, time.mm, opts),
    y: date.y,
    m: date.m,
    d: date.d,
    hh: time.hh,
    mm: time.mm,
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Local date as Vietnamese documents write it.
 *
 * @example formatDate(localDate(2025, 6, 30)) === '30/06/2025'
 */
export function formatDate(date: Date, opts?: TzOptions): string {
  const p = localParts(date, opts);
  return `${pad2(p.d)}/${pad2(p.m)}/${p.y}`;
}

/**
 * Local time then date, the order of Vietnamese notices ("17:00 30/06/2025").
 *
 * @example formatDateTime(localDate(2025, 6, 30, 17)) === '17:00 30/06/2025'
 */
export function formatDateTime(date: Date, opts?: TzOptions): string {
  const p = localParts(date, opts);
  return `${pad2(p.hh)}:${pad2(p.mm)} ${pad2(p.d)}/${pad2(p.m)}/${p.y}`;
}

/** Time between two instants broken down for "còn 2 ngày 3 giờ" / "đã quá hạn 5 giờ". */
export interface TimeLeft {
  days: number;
  hours: number;
  minutes: number;
  /** Whole minutes of the absolute difference. */
  totalMinutes: number;
  /** True when `to` is before `from` (the deadline has passed). */
  past: boolean;
}

/**
 * How long from `from` until `to`, in whole minutes rounded down; for a passed deadline the parts
 * give how long ago, with `past: true`.
 *
 * @example timeLeft(now, addLocalDays(now, 2)) // { days: 2, hours: 0, minutes: 0, totalMinutes: 2880, past: false }
 */
export function timeLeft(from: Date, to: Date): TimeLeft {
  const diff = to.getTime() - from.getTime();
  const totalMinutes = Math.floor(Math.abs(diff) / MINUTE_MS);
  return {
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
    totalMinutes,
    past: diff < 0,
  };
}
