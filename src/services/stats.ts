/**
 * Số liệu thi đua — the live figures of one campaign per unit, for an officer's /stats, its chart and
 * the "Tổng hợp" sheet of /export. Channel-neutral: it returns numbers, never text.
 *
 * What is counted (one definition, shared by every screen and file that shows these figures):
 * - **audience**: members of the unit who have joined (named) and not left — the people reminders
 *   speak to, whether or not a channel reaches them now;
 * - **registered**: those with an individual registration that is not withdrawn (the reminders'
 *   definition of "has registered"), counted per title;
 * - **reports in the period**: progress reports of the unit's members in the current reporting
 *   period (the first PROGRESS_REPORT due at or after now; after the last one, the last one);
 * - **content lines** (NUMBER and YES_NO leaves; TEXT lines have nothing to add up): the sum of what
 *   members reported over all periods (each report holds its period's total) against the sum of
 *   their own targets (commitments of their registrations); a member reached their target when
 *   that sum is at least the target (a yes/no line: they reported "yes" on a "yes" commitment);
 * - **unreachable**: audience members no channel reaches (every identity blocked the bot);
 *   **opted out**: audience members who turned reminders off;
 * - **laggards**: audience members who have not done what the focus milestone asks — registered
 *   (registration still ahead) or reported in the current period — the people the Nudge action
 *   (ReminderService.nudge on `focus.milestoneId`) reminds.
 *
 * Who sees what is decided here: officers the audience units inside their own subtree, admins every
 * audience unit; a refusal is audited (REFUSED), a view too (OK), in one transaction with the reads.
 *
 * @example const r = await services.stats.forCampaign({ actor: { id }, campaignId });
 * if (r.ok) for (const u of r.stats.units) console.log(u.name, u.registered, '/', u.audience);
 */
import type { Measure, MilestoneKind, PrismaClient, Scope } from '../generated/prisma/client.js';
import { Prisma as P } from '../generated/prisma/client.js';
import { audienceUnitsSql } from '../db/audience.js';
import { currentPeriod, nextDeadline } from '../domain/periods.js';
import { subtreeLike } from '../domain/scope.js';
import { authorize, loadActor, type ActorRef, type AuthRefusal, type Db } from './actors.js';
import { writeAudit } from './audit.js';
import { hasRecipient } from './recipients.js';

/** Why {@link StatsService.forCampaign} refused: unknown or still a draft, or not the actor's to see. */
export type StatsRefusal = 'not_found' | 'not_launched' | AuthRefusal;

/** A title (danh hiệu) the campaign offers; standard ones are named by the locale files, custom ones here. */
export interface StatsTitle {
  code: string;
  /** Display name of a campaign's own honour; null for standard titles. */
  name: string | null;
  scope: Scope;
}

/** A content line (nội dung / chỉ tiêu) that adds up: NUMBER or YES_NO. */
export interface StatsLine {
  criterionId: number;
  code: string;
  title: string;
  measure: Extract<Measure, 'NUMBER' | 'YES_NO'>;
  /** Unit of measure ("ha", "buổi"), null when none. */
  unitOfMeasure: string | null;
}

/** One content line's progress in one unit (or in total). For YES_NO lines figures count members saying "yes". */
export interface LineProgress {
  criterionId: number;
  /** Sum of what members reported, over all periods (YES_NO: members who reported "yes"). */
  reported: number;
  /** Sum of members' own targets (YES_NO: members who committed to "yes"). */
  target: number;
  /** Members with a target on this line. */
  committed: number;
  /** Members whose reported sum reached their own target. */
  reached: number;
}

/** A member who has not done what the focus milestone asks. */
export interface Laggard {
  memberId: number;
  name: string;
}

/** The figures of one audience unit (đơn vị). */
export interface UnitStats {
  unitId: number;
  code: string;
  name: string;
  /** Materialised path ("/1/4/"): the tree order units are listed in. */
  path: string;
  audience: number;
  /** Members with an individual registration (not withdrawn). */
  registered: number;
  /** `registered / audience` (0 for an empty unit), 0…1. */
  registeredShare: number;
  /** Registrations per title code. */
  byTitle: Record<string, number>;
  /** The unit's own collective registration (title code), null without one. */
  collectiveTitle: string | null;
  /** Progress reports sent in the current period by the unit's members. */
  reportsInPeriod: number;
  /** Members who sent at least one report in the current period. */
  reportersInPeriod: number;
  /** Per content line, in the campaign's order (every line, zeros included). */
  lines: LineProgress[];
  /** Commitments (member × line) whose target was reached, over all lines / commitments made: 0…1 (0 without commitments). */
  targetsReachedShare: number;
  unreachable: number;
  optedOut: number;
  /** Sorted by name. */
  laggards: Laggard[];
}

/** The milestone whose laggards are listed: registration while it is open, else the current report period. */
export interface FocusMilestone {
  milestoneId: number;
  kind: Extract<MilestoneKind, 'REGISTRATION' | 'PROGRESS_REPORT'>;
  title: string | null;
  dueAt: Date;
}

/** Everything /stats, the chart and the export's summary sheet show for one campaign. */
export interface CampaignStats {
  campaign: { id: number; code: string; title: string; status: 'LAUNCHED' | 'CLOSED'; startsAt: Date; endsAt: Date };
  /** When the figures were read. */
  at: Date;
  /** Whether the actor sees the whole audience (admin) or their subtree. */
  scope: 'all' | 'subtree';
  titles: StatsTitle[];
  lines: StatsLine[];
  /** The reporting period "reports in the period" counts, null for a campaign without one. */
  period: { milestoneId: number; title: string | null; dueAt: Date } | null;
  focus: FocusMilestone | null;
  /** Audience units in the actor's scope, in tree order. */
  units: UnitStats[];
  totals: {
    audience: number;
    registered: number;
    registeredShare: number;
    byTitle: Record<string, number>;
    reportsInPeriod: number;
    reportersInPeriod: number;
    unreachable: number;
    optedOut: number;
    laggards: number;
    targetsReachedShare: number;
    /** Per content line over all units, in the campaign's order. */
    lines: LineProgress[];
  };
}

/** Result of {@link StatsService.forCampaign}. */
export type StatsResult = { ok: true; stats: CampaignStats } | { ok: false; reason: StatsRefusal };

/** A campaign the actor may ask /stats for (the picker's list). */
export interface StatsCampaign {
  id: number;
  code: string;
  title: string;
  status: 'LAUNCHED' | 'CLOSED';
  startsAt: Date;
  endsAt: Date;
}

type MemberRow = {
  id: number;
  unit_id: number;
  full_name: string;
  reminders_enabled: boolean;
  reachable: boolean;
  title_code: string | null;
  period_reports: bigint;
  acted: boolean;
};

type LineRow = {
  unit_id: number;
  criterion_id: number;
  reported: P.Decimal | null;
  target: P.Decimal | null;
  committed: bigint;
  reached: bigint;
};

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

function addTitles(into: Record<string, number>, from: Record<string, number>) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** Live campaign figures per unit; see the module comment for what each figure means. */
export class StatsService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: () => Date,
  ) {}

  /**
   * The figures of one campaign as the actor may see them. `action` names the audit row
   * ("stats.view" for /stats, "stats.export" for a workbook), so the log says what was taken.
   */
  async forCampaign(input: { actor: ActorRef; campaignId: number; action?: string }): Promise<StatsResult> {
    const action = input.action ?? 'stats.view';
    const target = `campaign:${input.campaignId}`;
    return this.prisma.$transaction(
      async (tx) => {
        const who = await authorize(tx, input.actor, { action, need: 'OFFICER', target });
        if (!who.ok) return { ok: false as const, reason: who.reason };
        const refuse = async (reason: StatsRefusal) => {
          await writeAudit(tx, { actorId: who.actor.id, actorRef: who.actor.ref, action, target, outcome: 'REFUSED', details: { reason } });
          return { ok: false as const, reason };
        };
        const c = await tx.campaign.findUnique({
          where: { id: input.campaignId },
          include: {
            criteria: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, parentId: true, code: true, title: true, measure: true, unitOfMeasure: true } },
            titles: { orderBy: { position: 'asc' }, select: { code: true, name: true, scope: true } },
            milestones: { select: { id: true, kind: true, title: true, dueAt: true } },
          },
        });
        if (!c) return refuse('not_found');
        if (c.status === 'DRAFT') return refuse('not_launched');
        // Officers see the audience inside their subtree; an officer without a unit sees nothing.
        const withinPath = who.actor.role === 'ADMIN' ? null : who.actor.unitPath;
        if (who.actor.role !== 'ADMIN' && !withinPath) return refuse('out_of_scope');
        const within = withinPath ? P.sql`AND u.path LIKE ${subtreeLike(withinPath)}` : P.empty;
        const units = await tx.$queryRaw<Array<{ id: number; code: string; name: string; path: string }>>`
          SELECT u.id, u.code, u.name, u.path FROM unit u
          WHERE u.id IN (${audienceUnitsSql(c.id)}) ${within} ORDER BY u.path, u.id`;
        if (units.length === 0) return refuse('out_of_scope');

        const now = this.now();
        const reportMilestones = c.milestones.filter((m) => m.kind === 'PROGRESS_REPORT');
        const period =
          currentPeriod(c.milestones, now) ?? reportMilestones.reduce<(typeof reportMilestones)[number] | null>((a, m) => (!a || m.dueAt > a.dueAt ? m : a), null);
        const registration = nextDeadline(c.milestones, now, ['REGISTRATION']);
        const focusRow = registration ?? period;
        const focus: FocusMilestone | null = focusRow
          ? { milestoneId: focusRow.id, kind: focusRow.kind as FocusMilestone['kind'], title: focusRow.title, dueAt: focusRow.dueAt }
          : null;

        const unitIds = units.map((u) => u.id);
        const members = await this.members(tx, c.id, unitIds, period?.id ?? null, focus);
        const parents = new Set(c.criteria.map((x) => x.parentId).filter((x): x is number => x !== null));
        const lines: StatsLine[] = c.criteria
          .filter((x) => !parents.has(x.id) && (x.measure === 'NUMBER' || x.measure === 'YES_NO'))
          .map((x) => ({ criterionId: x.id, code: x.code, title: x.title, measure: x.measure as StatsLine['measure'], unitOfMeasure: x.unitOfMeasure }));
        const lineRows = lines.length ? await this.lineProgress(tx, c.id, unitIds) : [];

        const lineByUnit = new Map<string, LineRow>(lineRows.map((r) => [`${r.unit_id}:${r.criterion_id}`, r]));
        const byUnit = new Map<number, MemberRow[]>();
        for (const m of members) byUnit.set(m.unit_id, [...(byUnit.get(m.unit_id) ?? []), m]);
        const collective = await tx.registration.findMany({
          where: { campaignId: c.id, scope: 'COLLECTIVE', unitId: { in: unitIds }, status: { not: 'WITHDRAWN' } },
          select: { unitId: true, titleCode: true },
        });
        const collectiveOf = new Map(collective.map((r) => [r.unitId!, r.titleCode]));

        const unitStats: UnitStats[] = units.map((u) => {
          const ms = byUnit.get(u.id) ?? [];
          const byTitle: Record<string, number> = {};
          for (const m of ms) if (m.title_code) byTitle[m.title_code] = (byTitle[m.title_code] ?? 0) + 1;
          const registered = ms.filter((m) => m.title_code !== null).length;
          const unitLines = lines.map((l): LineProgress => {
            const r = lineByUnit.get(`${u.id}:${l.criterionId}`);
            return {
              criterionId: l.criterionId,
              reported: r?.reported ? Number(r.reported) : 0,
              target: r?.target ? Number(r.target) : 0,
              committed: Number(r?.committed ?? 0),
              reached: Number(r?.reached ?? 0),
            };
          });
          const committed = unitLines.reduce((a, l) => a + l.committed, 0);
          const reached = unitLines.reduce((a, l) => a + l.reached, 0);
          return {
            unitId: u.id,
            code: u.code,
            name: u.name,
            path: u.path,
            audience: ms.length,
            registered,
            registeredShare: share(registered, ms.length),
            byTitle,
            collectiveTitle: collectiveOf.get(u.id) ?? null,
            reportsInPeriod: ms.reduce((a, m) => a + Number(m.period_reports), 0),
            reportersInPeriod: ms.filter((m) => m.period_reports > 0n).length,
            lines: unitLines,
            targetsReachedShare: share(reached, committed),
            unreachable: ms.filter((m) => !m.reachable).length,
            optedOut: ms.filter((m) => !m.reminders_enabled).length,
            laggards: focus ? ms.filter((m) => !m.acted).map((m) => ({ memberId: m.id, name: m.full_name })) : [],
          };
        });

        const totals = this.totals(unitStats, lines);
        await writeAudit(tx, {
          actorId: who.actor.id,
          actorRef: who.actor.ref,
          action,
          target,
          details: { units: unitStats.length, audience: totals.audience },
        });
        const stats: CampaignStats = {
          campaign: { id: c.id, code: c.code, title: c.title, status: c.status as 'LAUNCHED' | 'CLOSED', startsAt: c.startsAt, endsAt: c.endsAt },
          at: now,
          scope: withinPath ? 'subtree' : 'all',
          titles: c.titles,
          lines,
          period: period ? { milestoneId: period.id, title: period.title, dueAt: period.dueAt } : null,
          focus,
          units: unitStats,
          totals,
        };
        return { ok: true as const, stats };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }

  /**
   * Launched or closed (not archived) campaigns whose audience reaches into the actor's subtree —
   * every one for admins —, newest first: what the /stats picker offers. Members get none.
   */
  async campaignsFor(actor: ActorRef): Promise<StatsCampaign[]> {
    const current = await loadActor(this.prisma, actor);
    if (current?.role !== 'ADMIN' && (current?.role !== 'OFFICER' || !current.unitPath)) return [];
    const within = current.role === 'ADMIN' ? P.empty : P.sql`AND EXISTS (SELECT 1 FROM unit u WHERE u.id IN (${audienceUnitsSql(P.sql`c.id`)}) AND u.path LIKE ${subtreeLike(current.unitPath!)})`;
    const rows = await this.prisma.$queryRaw<Array<{ id: number; code: string; title: string; status: 'LAUNCHED' | 'CLOSED'; starts_at: Date; ends_at: Date }>>`
      SELECT c.id, c.code, c.title, c.status::text AS status, c.starts_at, c.ends_at FROM campaign c
      WHERE c.status <> 'DRAFT' AND c.archived_at IS NULL ${within}
      ORDER BY c.starts_at DESC, c.id DESC LIMIT 30`;
    return rows.map((r) => ({ id: r.id, code: r.code, title: r.title, status: r.status, startsAt: r.starts_at, endsAt: r.ends_at }));
  }

  /** The audience members of `unitIds` with what each figure needs, one row per member. */
  private members(db: Db, campaignId: number, unitIds: number[], periodId: number | null, focus: FocusMilestone | null) {
    const acted = !focus
      ? P.sql`true`
      : focus.kind === 'REGISTRATION'
        ? P.sql`(g.id IS NOT NULL)`
        : P.sql`EXISTS (SELECT 1 FROM progress_report p WHERE p.milestone_id = ${focus.milestoneId} AND p.member_id = mem.id)`;
    return db.$queryRaw<MemberRow[]>`
      SELECT mem.id, mem.unit_id, mem.full_name, mem.reminders_enabled, ${hasRecipient('mem')} AS reachable,
             g.title_code,
             (SELECT count(*) FROM progress_report p WHERE p.milestone_id = ${periodId ?? -1} AND p.member_id = mem.id) AS period_reports,
             ${acted} AS acted
      FROM member mem
      LEFT JOIN registration g ON g.campaign_id = ${campaignId} AND g.member_id = mem.id AND g.status <> 'WITHDRAWN'
      WHERE mem.unit_id = ANY(${unitIds}::int[]) AND mem.left_at IS NULL AND mem.full_name IS NOT NULL
      ORDER BY mem.full_name, mem.id`;
  }

  /**
   * Per unit and content line: the sum reported against the sum of targets, and how many members
   * reached their own target — one statement over reports and commitments of the audience members.
   */
  private lineProgress(db: Db, campaignId: number, unitIds: number[]) {
    return db.$queryRaw<LineRow[]>`
      WITH aud AS (
        SELECT mem.id, mem.unit_id FROM member mem
        WHERE mem.unit_id = ANY(${unitIds}::int[]) AND mem.left_at IS NULL AND mem.full_name IS NOT NULL),
      tgt AS (
        SELECT g.member_id, cm.criterion_id, cm.target_number, cm.target_bool
        FROM registration g JOIN commitment cm ON cm.registration_id = g.id
        WHERE g.campaign_id = ${campaignId} AND g.scope = 'INDIVIDUAL' AND g.status <> 'WITHDRAWN' AND g.member_id IN (SELECT id FROM aud)
          AND (cm.target_number IS NOT NULL OR cm.target_bool IS NOT NULL)),
      got AS (
        SELECT p.member_id, p.criterion_id, sum(p.value_number) AS num, bool_or(p.value_bool) AS yes
        FROM progress_report p
        WHERE p.campaign_id = ${campaignId} AND p.member_id IN (SELECT id FROM aud)
        GROUP BY p.member_id, p.criterion_id),
      pairs AS (
        SELECT coalesce(t.member_id, r.member_id) AS member_id, coalesce(t.criterion_id, r.criterion_id) AS criterion_id,
               t.target_number, t.target_bool, r.num, r.yes
        FROM tgt t FULL JOIN got r ON r.member_id = t.member_id AND r.criterion_id = t.criterion_id)
      SELECT a.unit_id, p.criterion_id,
             CASE cr.measure WHEN 'YES_NO' THEN count(*) FILTER (WHERE p.yes) ELSE sum(p.num) END AS reported,
             CASE cr.measure WHEN 'YES_NO' THEN count(*) FILTER (WHERE p.target_bool) ELSE sum(p.target_number) END AS target,
             count(*) FILTER (WHERE CASE cr.measure WHEN 'YES_NO' THEN p.target_bool IS TRUE ELSE p.target_number IS NOT NULL END) AS committed,
             count(*) FILTER (WHERE CASE cr.measure WHEN 'YES_NO' THEN p.target_bool IS TRUE AND p.yes IS TRUE
                                     ELSE p.target_number IS NOT NULL AND coalesce(p.num, 0) >= p.target_number END) AS reached
      FROM pairs p JOIN aud a ON a.id = p.member_id JOIN criterion cr ON cr.id = p.criterion_id
      GROUP BY a.unit_id, p.criterion_id, cr.measure`;
  }

  private totals(units: UnitStats[], lines: StatsLine[]): CampaignStats['totals'] {
    const sum = (f: (u: UnitStats) => number) => units.reduce((a, u) => a + f(u), 0);
    const byTitle: Record<string, number> = {};
    for (const u of units) addTitles(byTitle, u.byTitle);
    const totalLines = lines.map((l, i): LineProgress => ({
      criterionId: l.criterionId,
      reported: sum((u) => u.lines[i]!.reported),
      target: sum((u) => u.lines[i]!.target),
      committed: sum((u) => u.lines[i]!.committed),
      reached: sum((u) => u.lines[i]!.reached),
    }));
    const audience = sum((u) => u.audience);
    const registered = sum((u) => u.registered);
    return {
      audience,
      registered,
      registeredShare: share(registered, audience),
      byTitle,
      reportsInPeriod: sum((u) => u.reportsInPeriod),
      reportersInPeriod: sum((u) => u.reportersInPeriod),
      unreachable: sum((u) => u.unreachable),
      optedOut: sum((u) => u.optedOut),
      laggards: sum((u) => u.laggards.length),
      targetsReachedShare: share(
        totalLines.reduce((a, l) => a + l.reached, 0),
        totalLines.reduce((a, l) => a + l.committed, 0),
      ),
      lines: totalLines,
    };
  }
}
