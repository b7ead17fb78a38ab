/**
 * Reminder offsets (mốc nhắc hạn): how long before a deadline a member is reminded, typed by
 * officers as `7d`, `4h`, `30m`, `1w` and stored as whole minutes (`Milestone.remindOffsets`).
 */

/** Minutes in a day / hour / week. */
const UNIT_MINUTES: Readonly<Record<string, number>> = {
  w: 7 * 1440,
  tuan: 7 * 1440,
  d: 1440,
  ngay: 1440,
  h: 60,
  g: 60,
  gio: 60,
  m: 1,
  p: 1,
  phut: 1,
  // Spelled out, as people write them ("4 tiếng", "2 days").
  tieng: 60,
  week: 7 * 1440,
  weeks: 7 * 1440,
  day: 1440,
  days: 1440,
  hour: 60,
  hours: 60,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
};

/** Default plan when a milestone says nothing: 7 days, 2 days and 4 hours before the deadline. */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = Object.freeze([7 * 1440, 2 * 1440, 240]);

/** Longest offset accepted at all (a year); longer is surely a typo. */
export const MAX_OFFSET_MINUTES = 366 * 1440;

/** Why an offset was refused. */
export type OffsetRejection = 'offset_invalid' | 'offset_negative' | 'offset_too_large';

/** Result of {@link parseOffset}. */
export type OffsetResult = { ok: true; minutes: number } | { ok: false; reason: OffsetRejection };

/**
 * Parse a reminder offset: a number and a unit (`w`, `d`, `h`, `m`; also Vietnamese `tuần`,
 * `ngày`, `giờ`/`g`, `phút`/`p`), several parts allowed (`1d12h`), case- and diacritic-insensitive.
 * Zero is refused (a reminder at the deadline itself reminds nobody in time), a leading minus is
 * `offset_negative`, more than a year is `offset_too_large`.
 *
 * @example parseOffset('7d') // { ok: true, minutes: 10080 }
 */
export function parseOffset(input: string): OffsetResult {
  const s = input
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, '');
  if (/^[-\u2212]/.test(s)) return { ok: false, reason: 'offset_negative' };
  const body = s.replace(/^\+/, '');
  if (!/^(?:\d+[a-z]+)+$/.test(body)) return { ok: false, reason: 'offset_invalid' };
  let minutes = 0;
  for (const part of body.matchAll(/(\d+)([a-z]+)/g)) {
    const factor = UNIT_MINUTES[part[2] ?? ''];
    if (factor === undefined) return { ok: false, reason: 'offset_invalid' };
    minutes += Number(part[1]) * factor;
  }
  if (minutes === 0) return { ok: false, reason: 'offset_invalid' };
  if (minutes > MAX_OFFSET_MINUTES) return { ok: false, reason: 'offset_too_large' };
  return { ok: true, minutes };
}

/** Result of {@link parseOffsetList}: the offsets in minutes, or the first part refused and why. */
export type OffsetListResult = { ok: true; minutes: number[] } | { ok: false; reason: OffsetRejection; value: string };

/** Most offsets one milestone may have. */
export const MAX_OFFSETS = 10;

/**
 * Reads a list of offsets the way people write them: "7 ngày, 2 ngày, 4 giờ", "7d 2d 4h",
 * "1 tuần", "7 ngày và 1 ngày trước". Commas, semicolons and «và»/«and» separate offsets; a number
 * and its unit may be apart ("7 ngày") and several pairs written together are one offset ("1d12h").
 * Space-separated pairs ("7d 2d") are separate offsets, as officers mean a list there. «trước»
 * (before) is ignored. Duplicates are kept: {@link normaliseOffsets} sorts and dedupes.
 *
 * @example parseOffsetList('7 ngày, 2 ngày, 4 giờ') // { ok: true, minutes: [10080, 2880, 240] }
 */
export function parseOffsetList(input: string): OffsetListResult {
  const folded = input
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\b(?:truoc|before)\b/g, ' ');
  const parts = folded
    .split(/[,;]|\bva\b|\band\b/)
    .flatMap((chunk) => chunk.replace(/([+\-\u2212]?\d+)\s+(?=[a-z])/g, '$1').trim().split(/\s+/))
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, reason: 'offset_invalid', value: input.trim() };
  const minutes: number[] = [];
  for (const part of parts) {
    const r = parseOffset(part);
    if (!r.ok) return { ok: false, reason: r.reason, value: part };
    minutes.push(r.minutes);
  }
  if (minutes.length > MAX_OFFSETS) return { ok: false, reason: 'offset_invalid', value: input.trim() };
  return { ok: true, minutes };
}

/**
 * Compact form of an offset in minutes, the inverse of {@link parseOffset} (weeks are shown as
 * days). Locale files render the words; this form is for files and logs.
 *
 * @example formatOffset(2160) === '1d12h'
 */
export function formatOffset(minutes: number): string {
  if (minutes <= 0) return '0m';
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return `${d ? `${d}d` : ''}${h ? `${h}h` : ''}${m ? `${m}m` : ''}`;
}

/** An offset refused by {@link validateOffsets}, with its position in the list. */
export interface OffsetIssue {
  index: number;
  reason: OffsetRejection;
}

/**
 * Check a milestone's offsets against the campaign: positive whole minutes, none longer than the
 * campaign itself (a 14-day reminder in a 10-day drive would fire before launch).
 *
 * @example validateOffsets([10080], 5 * 1440) // [{ index: 0, reason: 'offset_too_large' }]
 */
export function validateOffsets(offsets: readonly number[], campaignLengthMinutes: number): OffsetIssue[] {
  const issues: OffsetIssue[] = [];
  offsets.forEach((o, index) => {
    if (!Number.isInteger(o) || o === 0) issues.push({ index, reason: 'offset_invalid' });
    else if (o < 0) issues.push({ index, reason: 'offset_negative' });
    else if (o > campaignLengthMinutes || o > MAX_OFFSET_MINUTES) issues.push({ index, reason: 'offset_too_large' });
  });
  return issues;
}

/**
 * Offsets in reminder order: largest first, duplicates removed.
 *
 * @example normaliseOffsets([240, 10080, 240]) // [10080, 240]
 */
export function normaliseOffsets(offsets: readonly number[]): number[] {
  return [...new Set(offsets)].sort((a, b) => b - a);
}
