/**
 * Vinh danh (the honour roll): after the tổng kết an officer records who received which title or
 * commendation, as the decision says, and publishes it — an announcement to the campaign's audience
 * and linked groups, and a congratulation to each honoured member where they read the bot.
 *
 * Who may: admins for every campaign; an officer for a campaign their subtree owns or whose audience
 * takes in their unit, and only for members — and collectives (tập thể: units, for TTLĐTT, Cờ thi
 * đua…) — of the audience inside their subtree; members never. A collective's congratulation goes to
 * its officers; members of a unit see its awards in /my.
 * Every decision re-reads the actor and writes its audit row (OK or REFUSED) in the same transaction.
 *
 * What the law says about who may confer which title is not checked here: the bot records the
 * decision as the officer gives it (the conferring level is not among the checked legal facts).
 */
import type { Campaign, Prisma, PrismaClient } from '../generated/prisma/client.js';
import { Prisma as P } from '../generated/prisma/client.js';
import { authorize, loadActor, type ActorRef, type CurrentActor, type Db } from './actors.js';
import { writeAudit } from './audit.js';
import { recipientsOf } from './recipients.js';
import type { BroadcastService } from './broadcasts.js';
import type { CampaignService } from './campaigns.js';
import type { OutboxItem } from './outbox.js';
import { audienceUnitsSql, inAudienceSql } from '../db/audience.js';
import { inSubtree, subtreeLike } from '../domain/scope.js';
import { fold } from '../domain/text.js';
import { isTitleCode, TITLE_CODES, TITLE_POLICY } from '../domain/titles.js';
import type { HonourRow } from '../domain/honour-list.js';
import { congratulationMessage, honourRollMessage } from '../messages/compose.js';

/** A campaign's honour as offered to match against: a standard title or a custom honour. */
export interface CampaignHonour {
  code: string;
  /** A custom honour's own name; null for standard titles (named by the locale files). */
  name: string | null;
  /** For a person or a collective; absent in rolls drafted before collectives (read as a person's). */
  scope?: 'INDIVIDUAL' | 'COLLECTIVE';
}

/** A campaign as the honour roll needs it. */
export interface HonourCampaign {
  id: number;
  code: string;
  title: string;
  honours: CampaignHonour[];
  /** Awards published before (a second publication must be confirmed as such). */
  published: { count: number; lastAt: string } | null;
}

/** Why an entry of the roll will not be published. */
export type EntryProblem = 'unmatched' | 'ambiguous' | 'duplicate' | 'already';

/** One line of the roll, matched (stored in the flow state: plain JSON). */
export interface HonourEntry {
  /** Line of the typed list or file row; null for entries picked from registrations. */
  line: number | null;
  /** The member's (or collective's) name when matched, else as written. */
  who: string;
  memberId: number | null;
  /** The honoured collective (a unit), when the entry is one; then `memberId` is null. */
  unitId?: number | null;
  /** The member's unit (none for a collective). */
  unit: string | null;
  titleCode: string | null;
  /** A custom honour's name, or the free text written; null for a standard title. */
  titleName: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  problem: EntryProblem | null;
  /** For a name several members share: their codes and units ("#12 (Xã A), #15 (Xã B)"), to write instead. */
  alternatives?: string;
}

/** An approved registration an officer may honour: a person's, or a collective's (then `unitId`). */
export interface HonourCandidate {
  memberId: number | null;
  unitId?: number | null;
  /** The person's or the collective's name. */
  name: string;
  /** The person's unit (none for a collective). */
  unit: string | null;
  titleCode: string;
  titleName: string | null;
}

/** An award as /my shows it. */
export interface MyAward {
  campaign: string;
  /** The member's unit, when the award is the unit's (a collective's); null for their own. */
  unit: string | null;
  titleCode: string | null;
  titleName: string | null;
  decisionNumber: string | null;
  decisionDate: Date | null;
  publishedAt: Date | null;
}

type Refusal = 'forbidden' | 'not_found' | 'out_of_scope';

/** The honour key of an entry: one member (or unit) gets one honour of a campaign once. */
export function honourKey(e: { titleCode: string | null; titleName: string | null }): string {
  return e.titleCode ? `code:${e.titleCode}` : `text:${fold(e.titleName ?? '')}`;
}

/**
 * Matches a written title against the campaign's honours: a code ("LĐTT", "cstdcs"), a custom
 * honour's name, or a standard title's name in `names` (the officer's language). Anything else is
 * kept as free text (Giấy khen, Bằng khen … as the decision words it).
 */
export function matchTitle(text: string, honours: readonly CampaignHonour[], names: (code: string) => string): { titleCode: string | null; titleName: string | null } {
  const w = fold(text).replace(/[_.]/g, ' ').replace(/\s+/g, ' ');
  const compact = w.replace(/ /g, '');
  for (const h of honours) {
    const code = fold(h.code).replace(/_/g, ' ');
    if (w === code || compact === code.replace(/ /g, '')) return { titleCode: h.code, titleName: h.name };
    if (h.name && fold(h.name) === w) return { titleCode: h.code, titleName: h.name };
  }
  for (const code of TITLE_CODES) {
    if (fold(code).replace(/_/g, '') === compact || fold(names(code)) === w) return { titleCode: code, titleName: null };
  }
  return { titleCode: null, titleName: text.trim() };
}

/** Whether an honour is a collective's: a campaign title offered to tập thể, or a standard collective title. */
export function isCollectiveHonour(code: string | null, honours: readonly CampaignHonour[]): boolean {
  if (!code) return false;
  const offered = honours.find((h) => h.code === code);
  if (offered?.scope) return offered.scope === 'COLLECTIVE';
  return isTitleCode(code) && TITLE_POLICY[code].scope === 'COLLECTIVE';
}

export class HonourService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly deps: { campaigns: CampaignService; broadcasts: BroadcastService; now: () => Date },
  ) {}

  /** Whether the actor may keep the honour roll of `c` (see the module note); admins always. */
  private async mayKeep(db: Db, actor: CurrentActor, c: Pick<Campaign, 'id' | 'ownerUnitId'>): Promise<boolean> {
    if (actor.role === 'ADMIN') return true;
    if (actor.role !== 'OFFICER' || !actor.unitId || !actor.unitPath) return false;
    if (c.ownerUnitId) {
      const owner = await db.unit.findUnique({ where: { id: c.ownerUnitId }, select: { path: true } });
      if (owner && inSubtree(owner.path, actor.unitPath)) return true;
    }
    const rows = await db.$queryRaw<Array<{ ok: boolean }>>`SELECT ${inAudienceSql(c.id, actor.unitId)} AS ok`;
    return rows[0]?.ok === true;
  }

  /** Checks the actor for campaign `campaignId` in `db`, writing the refusal's audit row. */
  private async check(db: Db, ref: ActorRef, campaignId: number, action: string): Promise<{ ok: true; actor: CurrentActor; campaign: Campaign } | { ok: false; reason: Refusal }> {
    const target = `campaign:${campaignId}`;
    const who = await authorize(db, ref, { action, need: 'OFFICER', target });
    if (!who.ok) return { ok: false, reason: 'forbidden' };
    const campaign = await db.campaign.findUnique({ where: { id: campaignId } });
    if (!campaign || campaign.status === 'DRAFT') return { ok: false, reason: 'not_found' };
    if (!(await this.mayKeep(db, who.actor, campaign))) {
      await writeAudit(db, { actorId: who.actor.id, actorRef: who.actor.ref, action, target, outcome: 'REFUSED', details: { reason: 'out_of_scope' } });
      return { ok: false, reason: 'out_of_scope' };
    }
    return { ok: true, actor: who.actor, campaign };
  }

  /** Member ids (with name and unit) of the campaign's audience inside the actor's subtree. */
  private async scopeMembers(db: Db, actor: CurrentActor, campaignId: number) {
    const within = actor.role === 'ADMIN' ? P.sql`true` : P.sql`u.path LIKE ${subtreeLike(actor.unitPath ?? '/-/')}`;
    return db.$queryRaw<Array<{ id: number; full_name: string; unit: string }>>`
      SELECT m.id, m.full_name, u.name AS unit
      FROM member m JOIN unit u ON u.id = m.unit_id
      WHERE m.unit_id IN (${audienceUnitsSql(campaignId)}) AND m.full_name IS NOT NULL AND m.left_at IS NULL AND ${within}
      ORDER BY m.id`;
  }

  /** Units of the campaign's audience inside the actor's subtree: the collectives they may honour. */
  private async scopeUnits(db: Db, actor: CurrentActor, campaignId: number) {
    const within = actor.role === 'ADMIN' ? P.sql`true` : P.sql`u.path LIKE ${subtreeLike(actor.unitPath ?? '/-/')}`;
    return db.$queryRaw<Array<{ id: number; code: string; name: string }>>`
      SELECT u.id, u.code, u.name FROM unit u
      WHERE u.id IN (${audienceUnitsSql(campaignId)}) AND ${within}
      ORDER BY u.path`;
  }

  /**
   * Campaigns whose honour roll the actor may keep (launched or closed, not archived), newest first;
   * a member is refused and audited (`honours.record`).
   */
  async campaignsFor(ref: ActorRef): Promise<{ ok: true; campaigns: Array<{ id: number; code: string; title: string }> } | { ok: false; reason: Refusal }> {
    return this.prisma.$transaction(async (tx) => {
      const who = await authorize(tx, ref, { action: 'honours.record', need: 'OFFICER' });
      if (!who.ok) return { ok: false as const, reason: 'forbidden' as const };
      const all = await tx.campaign.findMany({ where: { status: { in: ['LAUNCHED', 'CLOSED'] }, archivedAt: null }, orderBy: [{ endsAt: 'desc' }, { id: 'desc' }], take: 200 });
      const mine: Array<{ id: number; code: string; title: string }> = [];
      for (const c of all) if (mine.length < 30 && (await this.mayKeep(tx, who.actor, c))) mine.push({ id: c.id, code: c.code, title: c.title });
      return { ok: true as const, campaigns: mine };
    });
  }

  /** Opens campaign `campaignId`'s roll for the actor: its honours and what was published before. */
  async open(campaignId: number, ref: ActorRef): Promise<{ ok: true; campaign: HonourCampaign } | { ok: false; reason: Refusal }> {
    return this.prisma.$transaction(async (tx) => {
      const r = await this.check(tx, ref, campaignId, 'honours.record');
      if (!r.ok) return r;
      const titles = await tx.campaignTitle.findMany({ where: { campaignId }, orderBy: { position: 'asc' } });
      const published = await tx.award.aggregate({ where: { campaignId, publishedAt: { not: null } }, _count: { _all: true }, _max: { publishedAt: true } });
      return {
        ok: true as const,
        campaign: {
          id: r.campaign.id,
          code: r.campaign.code,
          title: r.campaign.title,
          honours: titles.map((t) => ({ code: t.code, name: t.custom ? t.name : null, scope: t.scope })),
          published: published._count._all > 0 ? { count: published._count._all, lastAt: published._max.publishedAt!.toISOString() } : null,
        },
      };
    });
  }

  /**
   * Approved registrations the actor may honour, by title: people of the audience inside their
   * subtree, then collectives (units) of it.
   */
  async candidates(campaignId: number, ref: ActorRef): Promise<{ ok: true; candidates: HonourCandidate[] } | { ok: false; reason: Refusal }> {
    return this.prisma.$transaction(async (tx) => {
      const r = await this.check(tx, ref, campaignId, 'honours.record');
      if (!r.ok) return r;
      const scope = new Map((await this.scopeMembers(tx, r.actor, campaignId)).map((m) => [m.id, m]));
      const units = new Map((await this.scopeUnits(tx, r.actor, campaignId)).map((u) => [u.id, u]));
      const regs = await tx.registration.findMany({ where: { campaignId, scope: 'INDIVIDUAL', status: 'APPROVED', memberId: { in: [...scope.keys()] } }, orderBy: [{ titleCode: 'asc' }, { id: 'asc' }] });
      const collective = await tx.registration.findMany({ where: { campaignId, scope: 'COLLECTIVE', status: 'APPROVED', unitId: { in: [...units.keys()] } }, orderBy: [{ titleCode: 'asc' }, { id: 'asc' }] });
      const names = new Map((await tx.campaignTitle.findMany({ where: { campaignId, custom: true } })).map((t) => [t.code, t.name]));
      const people = regs.map((g): HonourCandidate => {
        const m = scope.get(g.memberId!)!;
        return { memberId: m.id, name: m.full_name, unit: m.unit, titleCode: g.titleCode, titleName: names.get(g.titleCode) ?? null };
      });
      const collectives = collective.map((g): HonourCandidate => {
        const u = units.get(g.unitId!)!;
        return { memberId: null, unitId: u.id, name: u.name, unit: null, titleCode: g.titleCode, titleName: names.get(g.titleCode) ?? null };
      });
      return { ok: true as const, candidates: [...people, ...collectives] };
    });
  }

  /**
   * Matches a list's rows to members the actor may honour (a name, or "#12" the member's number)
   * and to the campaign's honours; flags names not found or not unique, repeats within the list,
   * and awards already published. `names` gives a standard title's name in the officer's language.
   */
  async match(campaignId: number, ref: ActorRef, rows: readonly HonourRow[], names: (code: string) => string): Promise<{ ok: true; entries: HonourEntry[] } | { ok: false; reason: Refusal }> {
    const opened = await this.open(campaignId, ref);
    if (!opened.ok) return opened;
    const actor = (await loadActor(this.prisma, ref))!;
    const scope = await this.scopeMembers(this.prisma, actor, campaignId);
    const units = await this.scopeUnits(this.prisma, actor, campaignId);
    const byId = new Map(scope.map((m) => [m.id, m]));
    const byName = new Map<string, typeof scope>();
    for (const m of scope) {
      const k = fold(m.full_name);
      byName.set(k, [...(byName.get(k) ?? []), m]);
    }
    // A collective by its code ("XA_DK") or its name ("Xã Đồng Khởi").
    const unitsNamed = (who: string) => {
      const w = fold(who);
      return units.filter((u) => fold(u.code) === w || fold(u.name) === w);
    };
    const entries = rows.map((row): HonourEntry => {
      const title = matchTitle(row.title, opened.campaign.honours, names);
      const base = { line: row.line, ...title, decisionNumber: row.decisionNumber, decisionDate: row.decisionDate };
      // A collective title (TTLĐTT, Cờ thi đua, a campaign's own for tập thể) names a unit; any
      // other names a person — or, when no one has that name, a unit (a Giấy khen to a collective).
      const collectiveTitle = isCollectiveHonour(title.titleCode, opened.campaign.honours);
      const code = /^#?(\d{1,9})$/.exec(row.who.trim());
      const people = collectiveTitle ? [] : code ? (byId.has(Number(code[1])) ? [byId.get(Number(code[1]))!] : []) : (byName.get(fold(row.who)) ?? []);
      const collectives = people.length === 0 && !code ? unitsNamed(row.who) : [];
      if (people.length === 0 && collectives.length === 1) {
        const u = collectives[0]!;
        return { ...base, who: u.name, memberId: null, unitId: u.id, unit: null, problem: null };
      }
      const m = people.length === 1 ? people[0]! : null;
      return {
        ...base,
        who: m?.full_name ?? row.who,
        memberId: m?.id ?? null,
        unitId: null,
        unit: m?.unit ?? null,
        problem: people.length > 1 ? 'ambiguous' : m ? null : collectives.length > 1 ? 'ambiguous' : 'unmatched',
        ...(people.length > 1 ? { alternatives: people.slice(0, 5).map((x) => `#${x.id} (${x.unit})`).join(', ') } : {}),
        ...(collectives.length > 1 ? { alternatives: collectives.slice(0, 5).map((x) => x.code).join(', ') } : {}),
      };
    });
    return { ok: true, entries: await this.flagKnown(campaignId, entries) };
  }

  /** Marks repeats within the roll and awards already published (the roll is checked again on publication). */
  async flagKnown(campaignId: number, entries: HonourEntry[]): Promise<HonourEntry[]> {
    const ids = entries.flatMap((e) => (e.memberId ? [e.memberId] : []));
    const unitIds = entries.flatMap((e) => (e.unitId ? [e.unitId] : []));
    const stored = await this.prisma.award.findMany({ where: { campaignId, OR: [{ memberId: { in: ids } }, { unitId: { in: unitIds } }] }, select: { memberId: true, unitId: true, honourKey: true } });
    const whoKey = (x: { memberId: number | null; unitId?: number | null | undefined }) => (x.memberId ? `m${x.memberId}` : `u${x.unitId}`);
    const known = new Set(stored.map((a) => `${whoKey(a)}|${a.honourKey}`));
    const seen = new Set<string>();
    return entries.map((e) => {
      if (e.problem === 'unmatched' || e.problem === 'ambiguous' || (!e.memberId && !e.unitId)) return e;
      const k = `${whoKey(e)}|${honourKey(e)}`;
      const problem = known.has(k) ? 'already' : seen.has(k) ? 'duplicate' : null;
      seen.add(k);
      return { ...e, problem };
    });
  }

  /**
   * Công bố: records the roll's matched entries as awards and queues, in the same transaction, the
   * announcement to the campaign's audience and linked groups (the officer follows its progress in
   * `progressChatId`) and one congratulation per honoured member on their channel. Entries whose
   * member is no longer the actor's to honour, or who already has that honour, are left out. A
   * campaign that has published awards before is refused unless `again` (the officer confirmed a
   * second publication). `nonce` makes a repeated confirmation queue the announcement once.
   */
  async publish(input: {
    campaignId: number;
    actor: ActorRef;
    entries: readonly HonourEntry[];
    nonce: string;
    again: boolean;
    progressChatId: string | null;
  }): Promise<
    | { ok: true; awards: number; units: number; members: number; groups: number; congratulated: number; skipped: number }
    | { ok: false; reason: Refusal | 'nothing_new' | 'already_published'; count?: number }
  > {
    const action = 'honours.publish';
    return this.prisma.$transaction(
      async (tx) => {
        const r = await this.check(tx, input.actor, input.campaignId, action);
        if (!r.ok) return r;
        const base = { actorId: r.actor.id, actorRef: r.actor.ref, action, target: `campaign:${input.campaignId}` };
        const before = await tx.award.count({ where: { campaignId: input.campaignId, publishedAt: { not: null } } });
        if (before > 0 && !input.again) {
          await writeAudit(tx, { ...base, outcome: 'REFUSED', details: { reason: 'already_published', published: before } });
          return { ok: false as const, reason: 'already_published' as const, count: before };
        }
        const scope = new Map((await this.scopeMembers(tx, r.actor, input.campaignId)).map((m) => [m.id, m]));
        const units = new Map((await this.scopeUnits(tx, r.actor, input.campaignId)).map((u) => [u.id, u]));
        const wanted = input.entries.filter((e) => e.problem === null && ((e.memberId !== null && scope.has(e.memberId)) || (!e.memberId && !!e.unitId && units.has(e.unitId))));
        const now = this.deps.now();
        const created = await tx.award.createManyAndReturn({
          data: wanted.map((e) => ({
            campaignId: input.campaignId,
            memberId: e.memberId ?? null,
            unitId: e.memberId ? null : e.unitId!,
            titleCode: e.titleCode,
            titleText: e.titleName,
            honourKey: honourKey(e),
            decisionNumber: e.decisionNumber,
            decisionDate: e.decisionDate ? new Date(e.decisionDate) : null,
            recordedById: r.actor.id,
            publishedAt: now,
          })),
          skipDuplicates: true,
        });
        const skipped = input.entries.length - created.length;
        if (created.length === 0) {
          await writeAudit(tx, { ...base, outcome: 'REFUSED', details: { reason: 'nothing_new', entries: input.entries.length } });
          return { ok: false as const, reason: 'nothing_new' as const };
        }
        const entryOf = (a: (typeof created)[number]) => ({
          name: a.memberId ? scope.get(a.memberId)!.full_name : units.get(a.unitId!)!.name,
          unit: a.memberId ? scope.get(a.memberId)!.unit : null,
          collective: !a.memberId,
          titleCode: a.titleCode,
          titleName: a.titleText,
          decisionNumber: a.decisionNumber,
          decisionDate: a.decisionDate?.toISOString() ?? null,
        });
        const roll = honourRollMessage(r.campaign, created.map(entryOf));
        const audience = await this.deps.campaigns.audienceItems(tx, input.campaignId, roll, `honours:${input.campaignId}:${input.nonce}`);
        const announced = await this.deps.broadcasts.start(
          { kind: 'ANNOUNCEMENT', campaignId: input.campaignId, createdById: r.actor.id, progressChatId: input.progressChatId, items: audience.items },
          tx,
        );
        // A person is congratulated; a collective's congratulation goes to the unit's own officers.
        const officers = await tx.member.findMany({
          where: { unitId: { in: created.flatMap((a) => (a.unitId ? [a.unitId] : [])) }, role: 'OFFICER', leftAt: null, fullName: { not: null } },
          select: { id: true, unitId: true },
        });
        const told = created.flatMap((a) => (a.memberId ? [{ award: a, memberId: a.memberId }] : officers.filter((o) => o.unitId === a.unitId).map((o) => ({ award: a, memberId: o.id }))));
        const to = await recipientsOf(tx, told.map((x) => x.memberId));
        const personal: OutboxItem[] = told.flatMap(({ award: a, memberId }) => {
          const rcp = to.get(memberId);
          const dedupeKey = a.memberId ? `award:${a.id}` : `award:${a.id}:${memberId}`;
          return rcp ? [{ ...rcp, memberId, message: congratulationMessage(r.campaign, entryOf(a)), dedupeKey }] : [];
        });
        if (personal.length > 0) await this.deps.broadcasts.start({ kind: 'NOTICE', campaignId: input.campaignId, createdById: r.actor.id, items: personal }, tx);
        const result = { awards: created.length, units: created.filter((a) => a.unitId !== null).length, members: audience.members, groups: audience.groups, congratulated: personal.length, skipped };
        await writeAudit(tx, { ...base, details: { ...result, broadcastId: announced.broadcastId, again: before > 0, awardIds: created.map((a) => a.id) } as Prisma.InputJsonValue });
        return { ok: true as const, ...result };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }

  /** A member's published awards and their unit's, newest first (/my: the caller has just read the member). */
  async awardsOf(member: { id: number; unitId: number | null }): Promise<MyAward[]> {
    const rows = await this.prisma.award.findMany({
      where: { publishedAt: { not: null }, OR: [{ memberId: member.id }, ...(member.unitId ? [{ unitId: member.unitId }] : [])] },
      include: { campaign: { select: { title: true } }, unit: { select: { name: true } } },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: 20,
    });
    return rows.map((a) => ({
      campaign: a.campaign.title,
      unit: a.unit?.name ?? null,
      titleCode: a.titleCode,
      titleName: a.titleText,
      decisionNumber: a.decisionNumber,
      decisionDate: a.decisionDate,
      publishedAt: a.publishedAt,
    }));
  }
}
