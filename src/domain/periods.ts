/**
 * Kỳ báo cáo (reporting periods): which deadline a progress report counts for, and what is due next.
 */

/** Milestone kinds, as in the Prisma schema. */
export type MilestoneKind = 'REGISTRATION' | 'PROGRESS_REPORT' | 'MIDTERM_REVIEW' | 'FINAL_REVIEW' | 'CUSTOM';

/** The part of a milestone these rules need; callers pass their own rows (ids and all). */
export interface MilestoneLike {
  kind: MilestoneKind;
  dueAt: Date;
}

/**
 * The reporting period a progress report sent `now` belongs to: the first PROGRESS_REPORT
 * milestone due at or after `now` (a report sent at 17:00 sharp on the deadline still counts).
 * Null after the last one. Order of the input does not matter.
 *
 * @example currentPeriod(milestones, now)?.dueAt // the next quarterly report deadline
 */
export function currentPeriod<M extends MilestoneLike>(milestones: readonly M[], now: Date): M | null {
  return nextDeadline(
    milestones.filter((m) => m.kind === 'PROGRESS_REPORT'),
    now,
  );
}

/**
 * The next milestone of any kind (optionally of the given kinds) due at or after `now`, or null.
 *
 * @example nextDeadline(milestones, now, ['REGISTRATION'])
 */
export function nextDeadline<M extends MilestoneLike>(
  milestones: readonly M[],
  now: Date,
  kinds?: readonly MilestoneKind[],
): M | null {
  let best: M | null = null;
  for (const m of milestones) {
    if (kinds && !kinds.includes(m.kind)) continue;
    if (m.dueAt.getTime() < now.getTime()) continue;
    if (!best || m.dueAt.getTime() < best.dueAt.getTime()) best = m;
  }
  return best;
}
