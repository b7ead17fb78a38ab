/**
 * Nhắc hạn (deadline reminders), the pure rules: when each reminder offset of a milestone goes out
 * (quiet hours shift it), which offset is due now (catch-up after downtime sends only the latest
 * one), and how several reminders for one member merge into one message.
 *
 * No I/O here: the service (src/services/reminders.ts) asks these functions what to plan and what
 * to say, and tests can check every rule with plain dates.
 */
import { localParts, startOfLocalDay, timeLeft, type TzOptions } from './dates.js';
import type { MilestoneKind } from './periods.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Quiet hours as minutes after local midnight (`21:00-07:00` → { start: 1260, end: 420 }); null = off. */
export type QuietHours = { start: number; end: number } | null;

/** Default quiet hours (21:00–07:00), as in src/config.ts. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: 21 * 60, end: 7 * 60 };

/**
 * How long before quiet hours begin a reminder goes out when the deadline itself falls inside them
 * ("just before the window starts"): late enough to be evening news, early enough to be read.
 */
export const BEFORE_QUIET_MINUTES = 30;

/** Whether local minute-of-day `m` lies in the quiet window (which may wrap past midnight). */
export function isQuietMinute(m: number, quiet: QuietHours): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  return quiet.start < quiet.end ? m >= quiet.start && m < quiet.end : m >= quiet.start || m < quiet.end;
}

/** The quiet window (start and end instants) containing `at`, or null when `at` is not quiet. */
export function quietWindowAt(at: Date, quiet: QuietHours, opts?: TzOptions): { start: Date; end: Date } | null {
  if (!quiet) return null;
  const p = localParts(at, opts);
  const minute = p.hh * 60 + p.mm;
  if (!isQuietMinute(minute, quiet)) return null;
  const day = startOfLocalDay(at, opts).getTime();
  const at0 = (base: number, m: number) => new Date(base + m * MINUTE_MS);
  if (quiet.start < quiet.end) return { start: at0(day, quiet.start), end: at0(day, quiet.end) };
  // Wrapping window (21:00–07:00): either we are in its evening part or its morning part.
  return minute >= quiet.start
    ? { start: at0(day, quiet.start), end: at0(day + DAY_MS, quiet.end) }
    : { start: at0(day - DAY_MS, quiet.start), end: at0(day, quiet.end) };
}

/**
 * When a reminder planned for `at` actually goes out. Outside quiet hours: at `at`. Inside them:
 * at the end of the window (07:00) — unless the deadline falls inside the window too, then
 * {@link BEFORE_QUIET_MINUTES} before the window starts, so the member still has time to act.
 *
 * @example sendTimeFor(local 22:00, deadline in 2 days) // 07:00 next morning
 * @example sendTimeFor(local 22:00, deadline 02:00)     // 20:30 the same evening
 */
export function sendTimeFor(at: Date, deadline: Date, quiet: QuietHours, opts?: TzOptions): Date {
  const w = quietWindowAt(at, quiet, opts);
  if (!w) return at;
  if (deadline.getTime() > w.end.getTime()) return w.end;
  return new Date(w.start.getTime() - BEFORE_QUIET_MINUTES * MINUTE_MS);
}

/** A milestone as the planner sees it. */
export interface PlannableMilestone {
  dueAt: Date;
  /** Minutes before dueAt. */
  remindOffsets: readonly number[];
}

/** One reminder offset of a milestone with the instant it goes out. */
export interface PlannedOffset {
  offsetMinutes: number;
  sendAt: Date;
}

/** Every offset of a milestone with its (quiet-hours shifted) send time, earliest first. */
export function offsetSchedule(m: PlannableMilestone, quiet: QuietHours, opts?: TzOptions): PlannedOffset[] {
  return [...new Set(m.remindOffsets)]
    .filter((o) => Number.isInteger(o) && o > 0)
    .map((offsetMinutes) => ({
      offsetMinutes,
      sendAt: sendTimeFor(new Date(m.dueAt.getTime() - offsetMinutes * MINUTE_MS), m.dueAt, quiet, opts),
    }))
    .sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || b.offsetMinutes - a.offsetMinutes);
}

/** Bounds of one planning pass. */
export interface PlanWindow {
  now: Date;
  /** Plan offsets whose send time is at most `now + lookAheadMs` (the next tick's reminders). */
  lookAheadMs: number;
  /** Only offsets sending after this instant (the previous pass); null = catch-up (no lower bound). */
  after: Date | null;
  /** Offsets that would have gone out before this instant (the launch) are never sent. */
  notBefore: Date | null;
}

/**
 * The one offset of a milestone to plan in this pass, or null. Among the offsets whose send time
 * has come (within the look-ahead) and lies in the window, only the latest is chosen — after a
 * downtime the member gets one timely reminder, not a burst of stale ones — and nothing at all once
 * the deadline has passed.
 *
 * @example offsetToPlan({ dueAt, remindOffsets: [10080, 2880, 240] }, quiet, { now: dueAt − 3 d, … }) // 7d offset
 */
export function offsetToPlan(
  m: PlannableMilestone,
  quiet: QuietHours,
  w: PlanWindow,
  opts?: TzOptions,
): PlannedOffset | null {
  if (m.dueAt.getTime() <= w.now.getTime()) return null;
  const horizon = w.now.getTime() + w.lookAheadMs;
  let best: PlannedOffset | null = null;
  for (const p of offsetSchedule(m, quiet, opts)) {
    const t = p.sendAt.getTime();
    if (t > horizon) continue;
    if (w.notBefore && t < w.notBefore.getTime()) continue;
    if (!best || t >= best.sendAt.getTime()) best = p;
  }
  if (!best) return null;
  // The latest due offset is the only candidate; if it was already considered by an earlier
  // pass, there is nothing new to plan (an earlier offset must not resurface).
  if (w.after && best.sendAt.getTime() <= w.after.getTime()) return null;
  return best;
}

/** "còn 2 ngày", "còn 4 giờ": the parts a locale needs to say how long is left. */
export interface TimeLeftWords {
  key: 'days' | 'days-hours' | 'hours' | 'hours-minutes' | 'minutes' | 'past';
  days: number;
  hours: number;
  minutes: number;
}

/**
 * How much time is left, rounded up to the minute (a tick a few seconds after 09:00 still says
 * "2 days" for a deadline two days later at 09:00), in the largest two units that matter.
 *
 * @example timeLeftWords(now, now + 2 d) // { key: 'days', days: 2, hours: 0, minutes: 0 }
 */
export function timeLeftWords(now: Date, deadline: Date): TimeLeftWords {
  const diff = deadline.getTime() - now.getTime();
  if (diff <= 0) {
    const t = timeLeft(now, deadline);
    return { key: 'past', days: t.days, hours: t.hours, minutes: t.minutes };
  }
  const total = Math.ceil(diff / MINUTE_MS);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  if (days > 0) return { key: hours > 0 ? 'days-hours' : 'days', days, hours, minutes };
  if (hours > 0) return { key: minutes > 0 ? 'hours-minutes' : 'hours', days, hours, minutes };
  return { key: 'minutes', days, hours, minutes: Math.max(1, minutes) };
}

/** Translate outside an update: (locale, key, vars) → text. */
export type Translate = (locale: string, key: string, vars?: Record<string, string | number>) => string;

/** "còn 2 ngày" in the member's locale. */
export function renderTimeLeft(t: Translate, locale: string, now: Date, deadline: Date): string {
  const w = timeLeftWords(now, deadline);
  return t(locale, `reminder-left-${w.key}`, { days: w.days, hours: w.hours, minutes: w.minutes });
}

/** Cuts a title for a button label. */
export function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/** Stable, short dedupe key for a merged reminder: the member and the sorted reminder ids. */
export function mergedReminderKey(memberId: number, reminderIds: ReadonlyArray<bigint | number | string>): string {
  const ids = reminderIds.map(String).sort((a, b) => (a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0));
  const joined = ids.join(',');
  if (joined.length <= 120) return `reminder:${memberId}:${joined}`;
  // Long lists: a cheap deterministic hash (FNV-1a, two seeds) keeps the key short and unique enough.
  return `reminder:${memberId}:${ids[0]}-${ids[ids.length - 1]}:${ids.length}:${fnv(joined, 0x811c9dc5)}${fnv(joined, 0x01000193)}`;
}

function fnv(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
