import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { Prisma as P } from '../generated/prisma/client.js';
import {
  DEFAULT_QUIET_HOURS,
  mergedReminderKey,
  offsetSchedule,
  offsetToPlan,
  renderTimeLeft,
  sendTimeFor,
  type QuietHours,
  type Translate,
} from '../domain/reminders.js';
import { localParts } from '../domain/dates.js';
import { audienceUnitsSql } from '../db/audience.js';
import { reminderMessage, summaryMessage, type ReminderItem } from '../messages/compose.js';
import type { MilestoneKind } from '../domain/periods.js';
import type { OutboxItem, OutboxService } from './outbox.js';
import { isStaff, loadActor, type ActorRef } from './actors.js';
import { writeAudit } from './audit.js';
import { inSubtree, subtreeLike } from '../domain/scope.js';
import { hasRecipient, recipientJoin, recipientOf } from './recipients.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** A reminder moves at most this much earlier than its offset because of quiet hours (window + 30 min). */
const MAX_QUIET_SHIFT_MS = 25 * HOUR_MS;
/** Longest offset accepted (domain/durations MAX_OFFSET_MINUTES). */
const MAX_OFFSET_MS = 366 * 1440 * MINUTE_MS;
/** Reminders claimed per transaction when queueing. */
const QUEUE_BATCH = 2000;
/** Laggard names listed per unit in an officer's summary. */
const SUMMARY_NAMES = 10;
/** Summaries older than this after a downtime are not sent any more (stale news). */
const SUMMARY_MAX_AGE_MS = 3 * 24 * HOUR_MS;

/** Options from configuration; the clock is injectable so tests control time. */
export interface ReminderOptions {
  now: () => Date;
  quiet?: QuietHours;
  /** Plan reminders sending within this much of now (the next tick's). Default 60 s. */
  lookAheadMs?: number;
}

/** Who acts (an officer pressing Nudge): only the id is trusted, role and unit are re-read. */
export type ReminderActor = ActorRef;

/** Result of one scheduler pass. */
export interface ReminderTickResult {
  planned: number;
  queued: number;
  deliveries: number;
  skipped: number;
  cancelled: number;
  summaries: number;
}

/** The milestone a nudge is about, with its campaign. */
export type NudgeMilestone = Prisma.MilestoneGetPayload<{ include: { campaign: true } }>;

/** One unit of a nudge preview: the names of its laggards. */
export interface NudgeUnit {
  unitId: number;
  name: string;
  names: string[];
}

/** Per-unit line of an officer's summary. */
export interface UnitProgress {
  unitId: number;
  name: string;
  path: string;
  total: number;
  done: number;
  laggards: string[];
}

type DueRow = {
  id: bigint;
  milestone_id: number;
  milestone_revision: number;
  revision: number;
  offset_minutes: number;
  member_id: number;
  due_at: Date;
  kind: MilestoneKind;
  m_title: string | null;
  deadline: Date;
  remind_offsets: number[];
  c_code: string;
  c_title: string;
  c_status: string;
  c_archived: Date | null;
  identity_id: number | null;
  channel: string | null;
  chat_id: string | null;
  locale: string;
  ok_member: boolean;
  acted: boolean;
};

type MilestoneRow = {
  id: number;
  revision: number;
  campaign_id: number;
  kind: MilestoneKind;
  due_at: Date;
  remind_offsets: number[];
  launched_at: Date | null;
  starts_at: Date;
};

/**
 * SQL: true when member `mem` has done what milestone `m` (of campaign `cid`) asks — registered
 * (individual, not withdrawn), reported in that period, or (review milestones) their unit has sent
 * its review report. CUSTOM milestones have no action the bot can see: never done.
 */
export function actedSql(kind: P.Sql, milestoneId: P.Sql, campaignId: P.Sql): P.Sql {
  return P.sql`(CASE ${kind}
      WHEN 'REGISTRATION' THEN EXISTS (SELECT 1 FROM registration g WHERE g.campaign_id = ${campaignId} AND g.member_id = mem.id AND g.status <> 'WITHDRAWN')
      WHEN 'PROGRESS_REPORT' THEN EXISTS (SELECT 1 FROM progress_report p WHERE p.milestone_id = ${milestoneId} AND p.member_id = mem.id)
      WHEN 'MIDTERM_REVIEW' THEN EXISTS (SELECT 1 FROM review_report rr WHERE rr.milestone_id = ${milestoneId} AND rr.unit_id = mem.unit_id)
      WHEN 'FINAL_REVIEW' THEN EXISTS (SELECT 1 FROM review_report rr WHERE rr.milestone_id = ${milestoneId} AND rr.unit_id = mem.unit_id)
      ELSE false END)`;
}

/** SQL: the member takes reminders (joined, named, reminders on), whatever their channels. */
const WANTS_REMINDERS = P.sql`mem.left_at IS NULL AND mem.reminders_enabled AND mem.full_name IS NOT NULL`;

/** SQL: the member can be reminded at all: {@link WANTS_REMINDERS} and a reachable channel identity. */
const REACHABLE = P.sql`${WANTS_REMINDERS} AND ${hasRecipient('mem')}`;

function isReview(kind: MilestoneKind): boolean {
  return kind === 'MIDTERM_REVIEW' || kind === 'FINAL_REVIEW';
}

/**
 * Nhắc hạn: plans reminders lazily (only the offsets sending now), queues due ones as one merged
 * outbox message per member, sends officers a summary an hour after each deadline, and nudges
 * laggards on request. Every write is idempotent so any number of instances and restarts agree:
 * planning is `INSERT … ON CONFLICT (milestone_id, milestone_revision, offset_minutes, member_id) DO
 * NOTHING` (a moved deadline is a new revision, reminded again for its new date), queueing
 * claims rows with `FOR UPDATE SKIP LOCKED`, deliveries carry dedupe keys.
 */
export class ReminderService {
  private readonly quiet: QuietHours;
  private readonly lookAheadMs: number;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly outbox: OutboxService,
    private readonly opts: ReminderOptions,
  ) {
    this.quiet = opts.quiet === undefined ? DEFAULT_QUIET_HOURS : opts.quiet;
    this.lookAheadMs = opts.lookAheadMs ?? 60_000;
  }

  // -------------------------------------------------------------------------------------------
  // Planning

  /**
   * Plans the reminders whose send time has come. `after` is the horizon of the previous pass:
   * only offsets sending after it are considered (steady state: cost grows with what is due);
   * null means catch-up — the latest passed offset of every open milestone, once.
   */
  async plan(now: Date, after: Date | null, campaignId?: number): Promise<number> {
    const horizon = new Date(now.getTime() + this.lookAheadMs);
    // Milestones with a deadline ahead and an offset that may send by the horizon (index milestone_due_idx).
    const upper = new Date(horizon.getTime() + MAX_OFFSET_MS + MAX_QUIET_SHIFT_MS);
    const lowerSend = after ? new Date(after.getTime() - MAX_QUIET_SHIFT_MS) : null;
    const rows = await this.prisma.$queryRaw<MilestoneRow[]>`
      SELECT m.id, m.revision, m.campaign_id, m.kind::text AS kind, m.due_at, m.remind_offsets, c.launched_at, c.starts_at
      FROM milestone m JOIN campaign c ON c.id = m.campaign_id
      WHERE m.due_at > ${now} AND m.due_at <= ${upper}
        AND c.status = 'LAUNCHED' AND c.archived_at IS NULL
        ${campaignId !== undefined ? P.sql`AND c.id = ${campaignId}` : P.empty}
        AND EXISTS (SELECT 1 FROM unnest(m.remind_offsets) o
                    WHERE m.due_at - make_interval(mins => o) <= ${new Date(horizon.getTime() + MAX_QUIET_SHIFT_MS)}
                    ${lowerSend ? P.sql`AND m.due_at - make_interval(mins => o) > ${lowerSend}` : P.empty})`;
    let planned = 0;
    for (const m of rows) {
      const pick = offsetToPlan({ dueAt: m.due_at, remindOffsets: m.remind_offsets }, this.quiet, {
        now,
        lookAheadMs: this.lookAheadMs,
        after,
        notBefore: m.launched_at ?? m.starts_at,
      });
      if (!pick) continue;
      // Per revision: a moved deadline (new revision) gets this offset again, for its new date.
      const exists = await this.prisma.reminder.findFirst({
        where: { milestoneId: m.id, milestoneRevision: m.revision, offsetMinutes: pick.offsetMinutes },
        select: { id: true },
      });
      if (exists) continue;
      planned += await this.planOffset(m.id, m.campaign_id, m.kind, pick.offsetMinutes, pick.sendAt, m.revision);
    }
    return planned;
  }

  /**
   * One INSERT … SELECT for one (milestone revision, offset): every audience member who has not
   * acted and can be reached. Idempotent; returns the rows inserted.
   */
  async planOffset(
    milestoneId: number,
    campaignId: number,
    kind: MilestoneKind,
    offsetMinutes: number,
    sendAt: Date,
    revision: number,
  ): Promise<number> {
    const officersOnly = isReview(kind) ? P.sql`AND mem.role = 'OFFICER'` : P.empty;
    return this.prisma.$executeRaw`
      INSERT INTO reminder (milestone_id, milestone_revision, offset_minutes, member_id, due_at, status)
      SELECT ${milestoneId}, ${revision}, ${offsetMinutes}, mem.id, ${sendAt}, 'PLANNED'
      FROM member mem
      WHERE mem.unit_id IN (${audienceUnitsSql(campaignId)})
        AND ${REACHABLE} ${officersOnly}
        AND NOT ${actedSql(P.sql`${kind}`, P.sql`${milestoneId}`, P.sql`${campaignId}`)}
      ON CONFLICT (milestone_id, milestone_revision, offset_minutes, member_id) DO NOTHING`;
  }

  /**
   * Call after a campaign changed (milestones edited, closed, archived, launched): pending
   * reminders are cancelled (closed/archived) or dropped and re-planned against the new dates, so
   * nothing stale is ever sent. Reminders already queued stay as they were (they were right then).
   */
  async onCampaignChanged(campaignId: number): Promise<{ cancelled: number; replanned: number }> {
    const campaign = await this.prisma.campaign.findUnique({ where: { id: campaignId }, select: { status: true, archivedAt: true } });
    const live = campaign?.status === 'LAUNCHED' && !campaign.archivedAt;
    if (!live) {
      const r = await this.prisma.reminder.updateMany({
        where: { status: 'PLANNED', milestone: { campaignId } },
        data: { status: 'CANCELLED' },
      });
      // Reminders already in the outbox but not sent yet are withdrawn too, unless the merged
      // message also carries another campaign's reminder.
      const withdrawn = await this.prisma.$executeRaw`
        UPDATE delivery d SET status = 'CANCELLED'
        WHERE d.status = 'PENDING'
          AND EXISTS (SELECT 1 FROM reminder r JOIN milestone m ON m.id = r.milestone_id WHERE r.delivery_id = d.id AND m.campaign_id = ${campaignId})
          AND NOT EXISTS (SELECT 1 FROM reminder r JOIN milestone m ON m.id = r.milestone_id WHERE r.delivery_id = d.id AND m.campaign_id <> ${campaignId})`;
      return { cancelled: r.count + withdrawn, replanned: 0 };
    }
    // Deleted rather than cancelled: the (milestone, revision, offset, member) key must be free for the new plan.
    const r = await this.prisma.reminder.deleteMany({ where: { status: 'PLANNED', milestone: { campaignId } } });
    const replanned = await this.plan(this.opts.now(), null, campaignId);
    return { cancelled: r.count, replanned };
  }

  /** Same as {@link onCampaignChanged} for the campaign of one milestone. */
  async onMilestoneChanged(milestoneId: number): Promise<{ cancelled: number; replanned: number }> {
    const m = await this.prisma.milestone.findUnique({ where: { id: milestoneId }, select: { campaignId: true } });
    if (!m) return { cancelled: 0, replanned: 0 };
    return this.onCampaignChanged(m.campaignId);
  }

  // -------------------------------------------------------------------------------------------
  // Queueing

  /**
   * Turns due PLANNED reminders into outbox rows: ONE merged message per member per pass. Rows are
   * claimed with FOR UPDATE SKIP LOCKED, so two instances never queue the same reminder; stale ones
   * (campaign closed, deadline moved or past) are cancelled, and members who acted since planning,
   * left, blocked the bot or turned reminders off are skipped.
   */
  async queueDue(now: Date): Promise<Pick<ReminderTickResult, 'queued' | 'deliveries' | 'skipped' | 'cancelled'>> {
    const total = { queued: 0, deliveries: 0, skipped: 0, cancelled: 0 };
    const replan = new Set<number>();
    for (;;) {
      const batch = await this.prisma.$transaction(
        async (tx) => {
          const rows = await tx.$queryRaw<DueRow[]>`
            SELECT r.id, r.milestone_id, r.milestone_revision, m.revision, r.offset_minutes, r.member_id, r.due_at,
                   m.kind::text AS kind, m.title AS m_title, m.due_at AS deadline, m.remind_offsets,
                   c.code AS c_code, c.title AS c_title, c.status::text AS c_status, c.archived_at AS c_archived,
                   rcp.identity_id, rcp.channel, rcp.chat_id, mem.locale, (${WANTS_REMINDERS}) AS ok_member,
                   ${actedSql(P.sql`m.kind::text`, P.sql`m.id`, P.sql`m.campaign_id`)} AS acted
            FROM reminder r
            JOIN milestone m ON m.id = r.milestone_id
            JOIN campaign c ON c.id = m.campaign_id
            JOIN member mem ON mem.id = r.member_id
            ${recipientJoin('mem')}
            WHERE r.id IN (SELECT id FROM reminder WHERE status = 'PLANNED' AND due_at <= ${now}
                           ORDER BY due_at LIMIT ${QUEUE_BATCH} FOR UPDATE SKIP LOCKED)`;
          if (rows.length === 0) return null;
          const cancel: bigint[] = [];
          const drop: bigint[] = [];
          const skip: bigint[] = [];
          const byMember = new Map<number, DueRow[]>();
          for (const r of rows) {
            const expected = sendTimeFor(new Date(r.deadline.getTime() - r.offset_minutes * MINUTE_MS), r.deadline, this.quiet);
            const stale =
              r.c_status !== 'LAUNCHED' ||
              r.c_archived !== null ||
              r.deadline.getTime() <= now.getTime() ||
              r.milestone_revision !== r.revision ||
              !r.remind_offsets.includes(r.offset_minutes) ||
              expected.getTime() !== r.due_at.getTime();
            if (stale) {
              const live = r.c_status === 'LAUNCHED' && !r.c_archived && r.deadline.getTime() > now.getTime();
              // Still running: dropped (not cancelled) so the (milestone, revision, offset, member) key is free to re-plan.
              (live ? drop : cancel).push(r.id);
              if (live) replan.add(r.milestone_id);
            } else if (!r.ok_member || r.acted || !recipientOf(r)) skip.push(r.id);
            else byMember.set(r.member_id, [...(byMember.get(r.member_id) ?? []), r]);
          }
          if (cancel.length) await tx.reminder.updateMany({ where: { id: { in: cancel } }, data: { status: 'CANCELLED' } });
          if (drop.length) await tx.reminder.deleteMany({ where: { id: { in: drop } } });
          if (skip.length) await tx.reminder.updateMany({ where: { id: { in: skip } }, data: { status: 'SKIPPED' } });
          const items: OutboxItem[] = [];
          const idsByKey = new Map<string, bigint[]>();
          for (const [memberId, list] of byMember) {
            const ids = list.map((r) => r.id);
            const key = mergedReminderKey(memberId, ids);
            idsByKey.set(key, ids);
            const first = list[0]!;
            // Several offsets of one milestone due at once say it once.
            const perMilestone = new Map(list.map((r) => [r.milestone_id, r]));
            const reminderItems: ReminderItem[] = [...perMilestone.values()].map((r) => ({
              milestoneId: r.milestone_id,
              kind: r.kind,
              milestoneTitle: r.m_title,
              dueAt: r.deadline,
              campaignCode: r.c_code,
              campaignTitle: r.c_title,
            }));
            items.push({
              ...recipientOf(first)!,
              memberId,
              message: reminderMessage(reminderItems, now),
              dedupeKey: key,
              notBefore: now,
            });
          }
          if (items.length) {
            await this.outbox.enqueue(items, tx);
            const deliveries = await tx.delivery.findMany({ where: { dedupeKey: { in: [...idsByKey.keys()] } }, select: { id: true, dedupeKey: true } });
            const rids: string[] = [];
            const dids: string[] = [];
            for (const d of deliveries) for (const rid of idsByKey.get(d.dedupeKey) ?? []) {
              rids.push(rid.toString());
              dids.push(d.id.toString());
            }
            await tx.$executeRaw`
              UPDATE reminder r SET status = 'QUEUED', delivery_id = x.did::bigint
              FROM unnest(${rids}::text[], ${dids}::text[]) AS x(rid, did)
              WHERE r.id = x.rid::bigint`;
          }
          return { queued: rows.length - cancel.length - drop.length - skip.length, deliveries: items.length, skipped: skip.length, cancelled: cancel.length + drop.length };
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
      if (!batch) break;
      total.queued += batch.queued;
      total.deliveries += batch.deliveries;
      total.skipped += batch.skipped;
      total.cancelled += batch.cancelled;
    }
    for (const milestoneId of replan) await this.onMilestoneChanged(milestoneId);
    return total;
  }

  // -------------------------------------------------------------------------------------------
  // Officers: summary after the deadline, nudges

  /**
   * Progress per audience unit for a milestone (done / total and up to 10 laggard names), limited
   * to the subtree of `withinPath` when given. Review milestones count units (1 = report sent).
   */
  async unitProgress(milestoneId: number, withinPath?: string | null): Promise<UnitProgress[]> {
    const m = await this.prisma.milestone.findUnique({ where: { id: milestoneId }, select: { kind: true, campaignId: true } });
    if (!m) return [];
    const within = withinPath ? P.sql`AND u.path LIKE ${subtreeLike(withinPath)}` : P.empty;
    if (isReview(m.kind)) {
      const rows = await this.prisma.$queryRaw<Array<{ id: number; name: string; path: string; done: boolean }>>`
        SELECT u.id, u.name, u.path, EXISTS (SELECT 1 FROM review_report rr WHERE rr.milestone_id = ${milestoneId} AND rr.unit_id = u.id) AS done
        FROM unit u WHERE u.id IN (${audienceUnitsSql(m.campaignId)}) ${within} ORDER BY u.path`;
      return rows.map((r) => ({ unitId: r.id, name: r.name, path: r.path, total: 1, done: r.done ? 1 : 0, laggards: [] }));
    }
    const rows = await this.prisma.$queryRaw<Array<{ id: number; name: string; path: string; total: bigint; done: bigint; laggards: string[] | null }>>`
      WITH mm AS (
        SELECT mem.id, mem.unit_id, mem.full_name, ${actedSql(P.sql`${m.kind}`, P.sql`${milestoneId}`, P.sql`${m.campaignId}`)} AS done
        FROM member mem
        WHERE mem.unit_id IN (${audienceUnitsSql(m.campaignId)}) AND mem.left_at IS NULL AND mem.full_name IS NOT NULL)
      SELECT u.id, u.name, u.path, count(mm.id) AS total, count(mm.id) FILTER (WHERE mm.done) AS done,
             (array_agg(mm.full_name ORDER BY mm.full_name) FILTER (WHERE NOT mm.done))[1:${P.raw(String(SUMMARY_NAMES))}] AS laggards
      FROM unit u LEFT JOIN mm ON mm.unit_id = u.id
      WHERE u.id IN (${audienceUnitsSql(m.campaignId)}) ${within}
      GROUP BY u.id, u.name, u.path ORDER BY u.path`;
    return rows.map((r) => ({ unitId: r.id, name: r.name, path: r.path, total: Number(r.total), done: Number(r.done), laggards: r.laggards ?? [] }));
  }

  /**
   * One hour after each deadline, officers responsible for the audience get a summary (done / not
   * done per unit, laggards by name) with a Nudge button. Each milestone is claimed once
   * (`summary_queued_at`, SKIP LOCKED), so two instances never both send it.
   */
  async queueSummaries(now: Date): Promise<number> {
    const claimed = await this.prisma.$queryRaw<Array<{ id: number }>>`
      UPDATE milestone SET summary_queued_at = ${now}
      WHERE id IN (
        SELECT m.id FROM milestone m JOIN campaign c ON c.id = m.campaign_id
        WHERE m.due_at <= ${new Date(now.getTime() - HOUR_MS)} AND m.due_at > ${new Date(now.getTime() - SUMMARY_MAX_AGE_MS)}
          AND m.summary_queued_at IS NULL AND m.kind <> 'CUSTOM'
          AND c.status = 'LAUNCHED' AND c.archived_at IS NULL AND m.due_at >= coalesce(c.launched_at, c.starts_at)
        FOR UPDATE OF m SKIP LOCKED)
      RETURNING id`;
    let sent = 0;
    for (const { id } of claimed) sent += await this.enqueueSummary(id, now);
    return sent;
  }

  /** Officers who should see a milestone's summary: officers of audience units and of the owner unit. */
  private async summaryRecipients(campaignId: number, ownerUnitId: number | null) {
    return this.prisma.$queryRaw<Array<{ id: number; identity_id: number; channel: string; chat_id: string; locale: string; path: string }>>`
      SELECT mem.id, rcp.identity_id, rcp.channel, rcp.chat_id, mem.locale, u.path FROM member mem JOIN unit u ON u.id = mem.unit_id
      ${recipientJoin('mem')}
      WHERE mem.role = 'OFFICER' AND ${REACHABLE}
        AND (mem.unit_id IN (${audienceUnitsSql(campaignId)}) OR mem.unit_id = ${ownerUnitId ?? -1})`;
  }

  private async enqueueSummary(milestoneId: number, now: Date): Promise<number> {
    const m = await this.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId }, include: { campaign: true } });
    const progress = await this.unitProgress(milestoneId);
    const officers = await this.summaryRecipients(m.campaignId, m.campaign.ownerUnitId);
    const items: OutboxItem[] = [];
    for (const o of officers) {
      const units = progress.filter((u) => inSubtree(u.path, o.path));
      if (units.length === 0) continue;
      items.push({
        ...recipientOf(o)!,
        memberId: o.id,
        message: summaryMessage(m, units, isReview(m.kind)),
        // A moved deadline (revision > 0) is summed up again after its new date.
        dedupeKey: `summary:${milestoneId}:${o.id}${m.revision > 0 ? `:r${m.revision}` : ''}`,
        notBefore: now,
      });
    }
    return this.outbox.enqueue(items);
  }

  /**
   * Who a nudge would remind, before anything is queued (/nudge's preview, issue 12 #11): the same
   * people {@link nudge} reminds — reachable members of the officer's subtree (everyone for admins)
   * who have not acted — with their names, grouped per unit. A refusal is decided and audited here.
   */
  async nudgePreview(
    milestoneId: number,
    actor: ReminderActor,
  ): Promise<
    | { ok: true; milestone: NudgeMilestone; units: NudgeUnit[]; laggards: number }
    | { ok: false; reason: 'not_found' | 'not_launched' | 'no_unit' | 'forbidden' }
  > {
    const m = await this.nudgeMilestone(milestoneId);
    if (!m.ok) return m;
    return this.prisma.$transaction(async (tx) => {
      const who = await this.nudger(tx, actor, m.milestone.id, 'preview');
      if (!who.ok) return who;
      const rows = await this.laggardsOf(tx, m.milestone, who.withinPath);
      const units = new Map<number, NudgeUnit>();
      for (const r of rows) {
        const u = units.get(r.unit_id) ?? { unitId: r.unit_id, name: r.unit_name, names: [] };
        u.names.push(r.full_name);
        units.set(r.unit_id, u);
      }
      return { ok: true as const, milestone: m.milestone, units: [...units.values()], laggards: rows.length };
    });
  }

  /** The milestone to nudge, with its campaign, if it can still be nudged. */
  private async nudgeMilestone(milestoneId: number) {
    const m = await this.prisma.milestone.findUnique({ where: { id: milestoneId }, include: { campaign: true } });
    if (!m) return { ok: false as const, reason: 'not_found' as const };
    if (m.campaign.status !== 'LAUNCHED' || m.campaign.archivedAt) return { ok: false as const, reason: 'not_launched' as const };
    return { ok: true as const, milestone: m };
  }

  /** Who is nudging, decided from their role and unit now; a refusal is audited in `tx`. */
  private async nudger(tx: Prisma.TransactionClient, actor: ReminderActor, milestoneId: number, step: 'preview' | 'send') {
    const current = await loadActor(tx, actor);
    if (!isStaff(current) || (current.role === 'OFFICER' && !current.unitPath)) {
      const reason = isStaff(current) ? ('no_unit' as const) : ('forbidden' as const);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRef: current?.ref ?? null,
        action: 'reminders.nudge',
        target: `milestone:${milestoneId}`,
        outcome: 'REFUSED',
        details: { reason, role: current?.role ?? null, step },
      });
      return { ok: false as const, reason };
    }
    return { ok: true as const, current, withinPath: current.role === 'ADMIN' ? null : current.unitPath };
  }

  /** The reachable members of the audience (within `withinPath`) who have not done what `m` asks, by unit and name. */
  private laggardsOf(tx: Prisma.TransactionClient, m: { id: number; kind: MilestoneKind; campaignId: number }, withinPath: string | null) {
    const officersOnly = isReview(m.kind) ? P.sql`AND mem.role = 'OFFICER'` : P.empty;
    return tx.$queryRaw<Array<{ id: number; identity_id: number; channel: string; chat_id: string; locale: string; full_name: string; unit_id: number; unit_name: string }>>`
      SELECT mem.id, rcp.identity_id, rcp.channel, rcp.chat_id, mem.locale, mem.full_name, u.id AS unit_id, u.name AS unit_name
      FROM member mem JOIN unit u ON u.id = mem.unit_id
      ${recipientJoin('mem')}
      WHERE mem.unit_id IN (${audienceUnitsSql(m.campaignId)})
        ${withinPath ? P.sql`AND u.path LIKE ${subtreeLike(withinPath)}` : P.empty}
        AND ${REACHABLE} ${officersOnly}
        AND NOT ${actedSql(P.sql`${m.kind}`, P.sql`${m.id}`, P.sql`${m.campaignId}`)}
      ORDER BY u.path, mem.full_name`;
  }

  /**
   * Reminds the laggards of a milestone once more (the officer's confirmed nudge, after its
   * preview): members of the officer's subtree (everyone for admins) who have not acted and can be
   * reached. At most once a day per member and milestone, so a double press does not spam.
   */
  async nudge(
    milestoneId: number,
    actor: ReminderActor,
  ): Promise<{ ok: true; queued: number; laggards: number } | { ok: false; reason: 'not_found' | 'not_launched' | 'no_unit' | 'forbidden' }> {
    const now = this.opts.now();
    const found = await this.nudgeMilestone(milestoneId);
    if (!found.ok) return found;
    const m = found.milestone;
    const item: ReminderItem = {
      milestoneId: m.id,
      kind: m.kind,
      milestoneTitle: m.title,
      dueAt: m.dueAt,
      campaignCode: m.campaign.code,
      campaignTitle: m.campaign.title,
    };
    const p = localParts(now);
    const day = `${p.y}${String(p.m).padStart(2, '0')}${String(p.d).padStart(2, '0')}`;
    // Who is pressing is decided inside the transaction that queues, from their role and unit now.
    return this.prisma.$transaction(async (tx) => {
      const who = await this.nudger(tx, actor, m.id, 'send');
      if (!who.ok) return who;
      const laggards = await this.laggardsOf(tx, m, who.withinPath);
      const message = reminderMessage([item], now, { nudge: true });
      const items: OutboxItem[] = laggards.map((l) => ({
        ...recipientOf(l)!,
        memberId: l.id,
        message,
        dedupeKey: `nudge:${m.id}:${l.id}:${day}`,
        notBefore: now,
      }));
      const queued = await this.outbox.enqueue(items, tx);
      await writeAudit(tx, { actorId: actor.id, actorRef: who.current.ref, action: 'reminders.nudge', target: `milestone:${m.id}`, details: { queued, laggards: laggards.length } });
      return { ok: true as const, queued, laggards: laggards.length };
    });
  }

  /**
   * Milestones an officer can nudge by hand (/nudge): of launched campaigns whose audience reaches
   * the officer's unit, due from 30 days ago to 30 days ahead, newest deadline first.
   */
  async nudgeable(actor: ReminderActor, now: Date) {
    const from = new Date(now.getTime() - 30 * 24 * HOUR_MS);
    const to = new Date(now.getTime() + 30 * 24 * HOUR_MS);
    const milestones = await this.prisma.milestone.findMany({
      where: { dueAt: { gte: from, lte: to }, kind: { not: 'CUSTOM' }, campaign: { status: 'LAUNCHED', archivedAt: null } },
      include: { campaign: { select: { id: true, title: true, ownerUnitId: true } } },
      orderBy: { dueAt: 'desc' },
      take: 50,
    });
    const current = await loadActor(this.prisma, actor);
    if (current?.role === 'ADMIN') return milestones.slice(0, 8);
    if (current?.role !== 'OFFICER' || !current.unitPath) return [];
    const unit = { id: current.unitId!, path: current.unitPath };
    const out: typeof milestones = [];
    const reach = new Map<number, boolean>();
    for (const m of milestones) {
      if (!reach.has(m.campaignId)) {
        const rows = await this.prisma.$queryRaw<Array<{ n: bigint }>>`
          SELECT count(*) AS n FROM unit u WHERE u.id IN (${audienceUnitsSql(m.campaignId)}) AND (u.path LIKE ${subtreeLike(unit.path)} OR ${unit.path} LIKE u.path || '%')`;
        reach.set(m.campaignId, Number(rows[0]?.n ?? 0) > 0 || m.campaign.ownerUnitId === unit.id);
      }
      if (reach.get(m.campaignId)) out.push(m);
      if (out.length >= 8) break;
    }
    return out;
  }

  /** /settings: reminders on or off for one member. */
  setEnabled(memberId: number, enabled: boolean) {
    return this.prisma.member.update({ where: { id: memberId }, data: { remindersEnabled: enabled } });
  }

  /** Time-left words (re-exported for screens). */
  timeLeft(t: Translate, locale: string, now: Date, deadline: Date): string {
    return renderTimeLeft(t, locale, now, deadline);
  }

  /** Offsets with their send times (for an officer's campaign screen). */
  schedule(m: { dueAt: Date; remindOffsets: number[] }) {
    return offsetSchedule(m, this.quiet);
  }
}

export type { Prisma };

