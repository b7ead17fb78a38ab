import type { Prisma, PrismaClient, Role } from '../generated/prisma/client.js';
import type { DriverSql } from '../db/sql.js';
import { checkRegistrationRules, isTitleCode, TITLE_POLICY, type Basis, type RegistrationRefusal, type Scope } from '../domain/titles.js';
import { formatDateTime } from '../domain/dates.js';
import { nfc } from '../domain/text.js';
import type { CampaignService } from './campaigns.js';
import type { OutboxItem, OutboxService } from './outbox.js';
import { decisionMessage, digestMessages } from '../messages/compose.js';
import type { Services } from './index.js';
import { authorize, isStaff, loadActor, manages, type ActorRef, type AuthRefusal } from './actors.js';
import { writeAudit } from './audit.js';
import { inSubtree, subtreeFilter } from '../domain/scope.js';
import { recipientsOf } from './recipients.js';

export type { DigestEntry, DigestInput } from '../messages/compose.js';

/** A content line (nội dung / chỉ tiêu) as flows need it: plain JSON, safe for conversation state. */
export interface LineDto {
  id: number;
  code: string;
  parentId: number | null;
  title: string;
  measure: 'NUMBER' | 'YES_NO' | 'TEXT';
  unitOfMeasure: string | null;
  /** Lines without children are the ones members commit to and report on. */
  leaf: boolean;
}

/** A campaign open to the member, as JSON for conversation state. */
export interface CampaignDto {
  id: number;
  code: string;
  title: string;
  /** ISO time of the registration deadline (the last REGISTRATION milestone), or null. */
  registrationDueAt: string | null;
  registrationOpen: boolean;
  titles: Array<{ code: string; name: string | null; scope: Scope; custom: boolean }>;
  lines: LineDto[];
}

/** One commitment (chỉ tiêu / cam kết) as typed by the member. */
export interface CommitmentInput {
  criterionId: number;
  /** Canonical decimal string ("1234.5") for NUMBER lines. */
  number?: string | null;
  bool?: boolean | null;
  text?: string | null;
}

/** A stored registration, JSON-safe. */
export interface RegistrationDto {
  id: number;
  campaignId: number;
  scope: Scope;
  memberId: number | null;
  unitId: number | null;
  titleCode: string;
  basis: Basis | null;
  initiativeTitle: string | null;
  status: 'SUBMITTED' | 'RETURNED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
  returnReason: string | null;
  commitments: CommitmentInput[];
}

/** Input of {@link RegistrationService.submit}. */
export interface SubmitRegistration {
  campaignId: number;
  actorMemberId: number;
  scope: Scope;
  titleCode: string;
  basis?: Basis | null;
  initiativeTitle?: string | null;
  commitments: CommitmentInput[];
  /** What the member saw when they opened the campaign, if the caller kept it: saves a round trip when nothing changed since. */
  seen?: SeenFacts;
}

export type SubmitResult =
  | { ok: true; registration: RegistrationDto; created: boolean }
  | { ok: false; reason: RegistrationRefusal | 'campaign_not_open' | 'not_in_audience'; officerName?: string | null; citation?: string };

export type DecideResult =
  | { ok: true; registration: RegistrationDto }
  | { ok: false; reason: 'not_found' | 'not_pending' | 'reason_required' }
  /** The actor is no longer an officer (`forbidden`) or the registration lies outside their unit (`out_of_scope`). */
  | { ok: false; reason: 'forbidden' | 'out_of_scope'; unitId: number | null };

/** What {@link RegistrationService.submit} reads before deciding, in one query. */
interface SubmitFacts extends SeenFacts {
  actorId: number;
  campaignId: number;
  status: string;
  inAudience: boolean;
}

/**
 * The facts of a submission as the member saw them when they opened the campaign (its flow keeps
 * them): who they were, the campaign's registration deadline, titles and lines, and the status of
 * their registration then. {@link RegistrationService.submit} checks the rules on them and stores
 * in one round trip when the database still says the same; otherwise it decides on what it says now.
 */
export interface SeenFacts {
  role: string;
  unitId: number | null;
  /** ISO time. */
  deadline: string | null;
  titles: Array<{ code: string; scope: Scope }>;
  lines: number[];
  current: string | null;
}

/** The rules allowed the submission: the commitments kept and the parameters of `registration_store`. */
interface Decided {
  ok: true;
  commitments: CommitmentInput[];
  store: [campaignId: number, scope: Scope, memberId: number | null, unitId: number | null, titleCode: string, basis: string | null, initiativeTitle: string | null, submittedBy: number, commitments: string];
}

interface StoredRow {
  id: number;
  created: boolean;
}

/** The member as {@link RegistrationService.opening} reads them. */
interface OpeningMember {
  id: number;
  role: Role;
  unitId: number | null;
  fullName: string | null;
  locale: string;
  unitName: string | null;
}

/** A campaign of {@link RegistrationService.opening}'s query: titles, lines and the member's own registration as JSON. */
interface CampaignRow {
  id: number;
  code: string;
  title: string;
  /** JSON: an ISO time string. */
  regDue: string | null;
  titles: CampaignDto['titles'];
  lines: Array<Omit<LineDto, 'leaf'>>;
  own: RegistrationDto | null;
}

/** What opening registration needs: the member, the campaigns open to them and their own registration in each (by campaign id). */
export interface RegistrationOpening {
  member: (Omit<OpeningMember, 'unitName'> & { unitName: string }) | null;
  campaigns: CampaignDto[];
  own: Record<number, RegistrationDto>;
}

/** PostgreSQL's text of a numeric(18,4) ("5.0000") as the canonical decimal the rest of the code uses ("5"). */
function trimDecimal(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** The statuses /registrations lists: waiting, approved, returned (the ones an officer can still change). */
export type ListStatus = 'SUBMITTED' | 'APPROVED' | 'RETURNED';

/** Registrations per /registrations page: two buttons each, and a screen an officer can read. */
export const REGISTRATIONS_PAGE_SIZE = 10;

/** A registration as /registrations shows it. */
export interface ListedRegistration {
  id: number;
  campaign: string;
  scope: Scope;
  who: string;
  unit: string | null;
  titleCode: string;
  titleName: string | null;
  status: ListStatus;
  returnReason: string | null;
  commitments: number;
  /** First submitted (waiting ones) or decided (approved, returned). */
  at: Date;
}

/** Result of {@link RegistrationService.listInScope}. */
export type ListResult =
  | { ok: true; items: ListedRegistration[]; total: number; page: number; pages: number; offset: number }
  | { ok: false; reason: 'forbidden' };

const registrationInclude = { commitments: { orderBy: { criterionId: 'asc' } } } as const satisfies Prisma.RegistrationInclude;
type RegistrationRow = Prisma.RegistrationGetPayload<{ include: typeof registrationInclude }>;

function toDto(r: RegistrationRow): RegistrationDto {
  return {
    id: r.id,
    campaignId: r.campaignId,
    scope: r.scope,
    memberId: r.memberId,
    unitId: r.unitId,
    titleCode: r.titleCode,
    basis: (r.basis as Basis | null) ?? null,
    initiativeTitle: r.initiativeTitle,
    status: r.status,
    returnReason: r.returnReason,
    commitments: r.commitments.map((c) => ({
      criterionId: c.criterionId,
      number: c.targetNumber === null ? null : c.targetNumber.toString(),
      bool: c.targetBool,
      text: c.targetText,
    })),
  };
}

/** Digest bucket: one officer digest per campaign per hour. */
export const DIGEST_WINDOW_MS = 60 * 60_000;

/**
 * Đăng ký thi đua: which campaigns a member can register for, storing a registration under the
 * rules of `domain/titles.ts` (registering again edits it), withdrawal, officers' approval or
 * return with a reason, and the hourly digest officers receive through the outbox.
 */
export class RegistrationService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly campaigns: CampaignService,
    private readonly outbox: OutboxService,
    private readonly now: () => Date,
    /** Opening and submitting run their functions on the driver (src/db/sql.ts): once per member each, right after a launch. */
    private readonly sql: DriverSql,
  ) {}

  /** Launched campaigns open to the member's unit (its audience includes the unit or an ancestor). */
  async campaignsFor(memberId: number): Promise<CampaignDto[]> {
    return (await this.opening(memberId)).campaigns;
  }

  /**
   * What opening registration needs, in one round trip: the member and their unit's name, the
   * campaigns open to them, and their own (individual) registration in each. It runs for every
   * member who opens registration — right after a launch, all of them at once.
   */
  async opening(memberId: number): Promise<RegistrationOpening> {
    // A plpgsql function (migration registration_functions): its plan is kept per connection,
    // where this statement sent on its own was planned anew every time.
    const [{ v: row } = { v: null }] = await this.sql.rows<{ v: { me: OpeningMember | null; campaigns: CampaignRow[] } | null }>(
      'SELECT "registration_opening"($1::int) AS v',
      [memberId],
    );
    const me = row?.me ?? null;
    if (!me?.unitId) return { member: me ? { ...me, unitName: me.unitName ?? '' } : null, campaigns: [], own: {} };
    const now = this.now();
    const own: Record<number, RegistrationDto> = {};
    const campaigns = (row?.campaigns ?? []).map((c) => {
      const regDue = c.regDue ? new Date(c.regDue) : null;
      const parents = new Set(c.lines.map((l) => l.parentId).filter((p): p is number => p !== null));
      if (c.own) own[c.id] = { ...c.own, commitments: c.own.commitments.map((cm) => ({ ...cm, number: cm.number == null ? null : trimDecimal(cm.number) })) };
      return {
        id: c.id,
        code: c.code,
        title: c.title,
        registrationDueAt: regDue ? regDue.toISOString() : null,
        registrationOpen: !regDue || now.getTime() <= regDue.getTime(),
        titles: c.titles,
        lines: c.lines.map((l) => ({ ...l, leaf: !parents.has(l.id) })),
      };
    });
    return { member: { ...me, unitName: me.unitName ?? '' }, campaigns, own };
  }

  /** The officer a member should contact about a unit: the nearest officer up the unit tree. */
  async contactOfficer(unitId: number): Promise<string | null> {
    const unit = await this.prisma.unit.findUnique({ where: { id: unitId } });
    if (!unit) return null;
    const ids = unit.path.split('/').filter(Boolean).map(Number).reverse();
    const officers = await this.prisma.member.findMany({
      where: { unitId: { in: ids }, role: 'OFFICER', fullName: { not: null }, leftAt: null },
      orderBy: { id: 'asc' },
    });
    for (const id of ids) {
      const o = officers.find((m) => m.unitId === id);
      if (o) return o.fullName;
    }
    return null;
  }

  /** The member's (individual) or their unit's (collective) registration in a campaign, if any. */
  async existing(campaignId: number, memberId: number, scope: Scope): Promise<RegistrationDto | null> {
    const where = await this.keyFor(campaignId, memberId, scope);
    if (!where) return null;
    const r = await this.prisma.registration.findFirst({ where, include: registrationInclude });
    return r ? toDto(r) : null;
  }

  private async keyFor(campaignId: number, memberId: number, scope: Scope): Promise<Prisma.RegistrationWhereInput | null> {
    if (scope === 'INDIVIDUAL') return { campaignId, memberId, scope: 'INDIVIDUAL' };
    const member = await this.prisma.member.findUnique({ where: { id: memberId } });
    return member?.unitId ? { campaignId, unitId: member.unitId, scope: 'COLLECTIVE' } : null;
  }

  /**
   * Stores a registration after checking the rules. Registering again edits the existing one (it
   * returns to SUBMITTED and waits for the officers again); a REJECTED one cannot be redone. Two
   * submissions racing for the same member or unit end as one row (unique keys; the loser edits).
   */
  async submit(input: SubmitRegistration): Promise<SubmitResult> {
    // The caller saw the facts when the member opened the campaign (`input.seen`): the rules are
    // checked on them and one round trip both re-reads the facts and stores, if they are still
    // the same (`registration_submit_seen`). Anything else — nothing seen, a refusal, facts that
    // changed since — is decided on facts read now.
    if (input.seen) {
      const decided = this.judge(input, { ...input.seen, actorId: input.actorMemberId, campaignId: input.campaignId, status: 'LAUNCHED', inAudience: true });
      if (decided.ok) {
        const [, , memberId, unitId, titleCode, basis, initiativeTitle, , rows] = decided.store;
        const seen = input.seen;
        const [{ v } = { v: null }] = await this.sql.rows<{ v: { stored?: StoredRow; facts?: SubmitFacts | null } | null }>(
          `SELECT "registration_submit_seen"($1::int, $2::int, $3::text, $4::text, $5::int, $6::timestamptz, $7::text[], $8::int[], $9::boolean,
             $10::int, $11::int, $12::text, $13::text, $14::text, $15::json) AS v`,
          [
            input.actorMemberId, input.campaignId, input.scope,
            seen.role, seen.unitId, seen.deadline, seen.titles.map((t) => `${t.code} ${t.scope}`), seen.lines, seen.current === 'REJECTED',
            memberId, unitId, titleCode, basis, initiativeTitle, rows,
          ],
        );
        if (v?.stored) return this.stored(input, decided, v.stored);
        return this.decideAndStore(input, v?.facts ?? null);
      }
    }
    // Everything the rules need in one round trip (a plpgsql function, its plan kept per
    // connection): the actor as they are now, the campaign's status, titles, lines and
    // registration deadline, whether the actor's unit is in its audience, and the registration
    // already stored for this member (or unit).
    const [{ v: facts } = { v: null }] = await this.sql.rows<{ v: SubmitFacts | null }>(
      'SELECT "registration_submit_facts"($1::int, $2::int, $3::text) AS v',
      [input.actorMemberId, input.campaignId, input.scope],
    );
    return this.decideAndStore(input, facts);
  }

  /** Decides on facts read from the database and, when the rules allow, stores. */
  private async decideAndStore(input: SubmitRegistration, facts: SubmitFacts | null): Promise<SubmitResult> {
    if (!facts) return { ok: false, reason: 'campaign_not_open' };
    const decided = this.judge(input, facts);
    if (!decided.ok) {
      const r = decided.refusal;
      const officerName = r.reason === 'registration_closed' && facts.unitId ? await this.contactOfficer(facts.unitId) : undefined;
      return { ...r, ...(officerName !== undefined ? { officerName } : {}) };
    }
    // One round trip, atomic: store (or edit — two racing submissions meet on the unique key and
    // the later one edits) the registration, then replace its commitments.
    const [written] = await this.sql.rows<{ v: StoredRow }>(
      'SELECT "registration_store"($1::int, $2::text, $3::int, $4::int, $5::text, $6::text, $7::text, $8::int, $9::json) AS v',
      decided.store,
    );
    return this.stored(input, decided, written!.v);
  }

  /** The rules on a set of facts: a refusal, or the row to store (the parameters of `registration_store`). */
  private judge(input: SubmitRegistration, facts: SubmitFacts): { ok: false; refusal: Extract<SubmitResult, { ok: false }> } | Decided {
    const refuse = (reason: Extract<SubmitResult, { ok: false }>['reason'], citation?: string) => ({ ok: false as const, refusal: { ok: false as const, reason, ...(citation ? { citation } : {}) } });
    if (facts.status !== 'LAUNCHED') return refuse('campaign_not_open');
    const actor = { id: facts.actorId, role: facts.role as Role, unitId: facts.unitId };
    if (!actor.unitId) return refuse('member_without_unit');
    if (!facts.inAudience) return refuse('not_in_audience');
    const rules = checkRegistrationRules({
      offered: facts.titles,
      title: input.titleCode,
      scope: input.scope,
      actor: { role: actor.role, unitId: actor.unitId, isOfficerOfTargetUnit: actor.role !== 'MEMBER' },
      ...(input.basis !== undefined ? { basis: input.basis } : {}),
      ...(facts.deadline ? { registrationDeadline: new Date(facts.deadline) } : {}),
      now: this.now(),
      // Registering again edits: only a REJECTED registration blocks a new one.
      existing: facts.current === 'REJECTED' ? 'REJECTED' : null,
    });
    if (!rules.ok) return refuse(rules.reason, rules.citation);
    const policy = isTitleCode(input.titleCode) ? TITLE_POLICY[input.titleCode] : null;
    const lineIds = new Set(facts.lines);
    // One commitment per line (the last typed wins), in line order as the DTO lists them.
    const byLine = new Map(input.commitments.filter((c) => lineIds.has(c.criterionId)).map((c) => [c.criterionId, c]));
    const commitments = [...byLine.values()].sort((x, y) => x.criterionId - y.criterionId);
    const basis = policy?.asksBasis ? (input.basis ?? null) : null;
    const initiativeTitle = policy?.asksBasis && input.basis !== 'EXCELLENT_RATING' && input.initiativeTitle ? nfc(input.initiativeTitle).trim() : null;
    const memberId = input.scope === 'INDIVIDUAL' ? actor.id : null;
    const unitId = input.scope === 'COLLECTIVE' ? actor.unitId : null;
    const rows = JSON.stringify(commitments.map((c) => ({ criterion_id: c.criterionId, target_number: c.number ?? null, target_bool: c.bool ?? null, target_text: c.text ?? null })));
    return { ok: true, commitments, store: [facts.campaignId, input.scope, memberId, unitId, input.titleCode, basis, initiativeTitle, actor.id, rows] };
  }

  private stored(input: SubmitRegistration, decided: Decided, stored: StoredRow): SubmitResult {
    const [campaignId, , memberId, unitId, titleCode, basis, initiativeTitle] = decided.store;
    const registration: RegistrationDto = {
      id: stored.id,
      campaignId,
      scope: input.scope,
      memberId,
      unitId,
      titleCode,
      basis: basis as Basis | null,
      initiativeTitle,
      status: 'SUBMITTED',
      returnReason: null,
      commitments: decided.commitments.map((c) => ({ criterionId: c.criterionId, number: c.number ?? null, bool: c.bool ?? null, text: c.text ?? null })),
    };
    return { ok: true, registration, created: stored.created };
  }

  /** Withdraws (rút đăng ký) a registration until the registration deadline. */
  async withdraw(registrationId: number, actorMemberId: number): Promise<{ ok: true } | { ok: false; reason: 'not_found' | 'registration_closed' }> {
    const reg = await this.prisma.registration.findUnique({ where: { id: registrationId }, include: { campaign: { include: { milestones: { where: { kind: 'REGISTRATION' } } } } } });
    const actor = await this.prisma.member.findUnique({ where: { id: actorMemberId } });
    if (!reg || !actor) return { ok: false, reason: 'not_found' };
    const mine = reg.scope === 'INDIVIDUAL' ? reg.memberId === actor.id : actor.role !== 'MEMBER' && reg.unitId === actor.unitId;
    if (!mine) return { ok: false, reason: 'not_found' };
    const deadline = reg.campaign.milestones.map((m) => m.dueAt).sort((a, b) => b.getTime() - a.getTime())[0];
    if (deadline && this.now().getTime() > deadline.getTime()) return { ok: false, reason: 'registration_closed' };
    await this.prisma.registration.update({ where: { id: reg.id }, data: { status: 'WITHDRAWN' } });
    return { ok: true };
  }

  /** A registration with who made it, for officers' screens. */
  byId(id: number) {
    return this.prisma.registration.findUnique({ where: { id }, include: { ...registrationInclude, member: true, unit: true, campaign: true, submittedBy: true } });
  }

  /**
   * Whether the actor may approve or return this registration now (role and scope re-read), asked
   * when "Return" is pressed, before the reason is typed; a refusal is audited. {@link decide}
   * asks again when the decision is made.
   */
  async mayDecide(input: { registrationId: number; actor: ActorRef; decision: 'APPROVE' | 'RETURN' }): Promise<
    { ok: true } | { ok: false; reason: 'not_found' } | { ok: false; reason: AuthRefusal; unit: string | null }
  > {
    const reg = await this.prisma.registration.findUnique({ where: { id: input.registrationId }, include: { unit: true, member: { include: { unit: true } } } });
    if (!reg) return { ok: false, reason: 'not_found' };
    const unit = reg.unit ?? reg.member?.unit ?? null;
    const who = await authorize(this.prisma, input.actor, {
      action: input.decision === 'APPROVE' ? 'registration.approve' : 'registration.return',
      need: 'OFFICER',
      target: `registration:${reg.id}`,
      path: unit?.path ?? null,
    });
    return who.ok ? { ok: true } : { ok: false, reason: who.reason, unit: unit?.name ?? null };
  }

  /**
   * An officer approves (duyệt) or returns (trả lại, with a reason) a registration in their scope;
   * the registrant is notified through the outbox in their own language. The actor's role and unit
   * are re-read inside the transaction, so an officer revoked or moved after the digest arrived (or
   * while typing a return reason) is refused at the moment of deciding; the decision or the
   * refusal is audited in the same transaction.
   */
  async decide(input: { registrationId: number; actor: ActorRef; decision: 'APPROVE' | 'RETURN'; reason?: string }): Promise<DecideResult> {
    const action = input.decision === 'APPROVE' ? 'registration.approve' : 'registration.return';
    const target = `registration:${input.registrationId}`;
    return this.prisma.$transaction(async (tx) => {
      const reg = await tx.registration.findUnique({
        where: { id: input.registrationId },
        include: { ...registrationInclude, member: { include: { unit: true } }, unit: true, campaign: true, submittedBy: true },
      });
      const officer = await loadActor(tx, input.actor);
      if (!reg || !officer) return { ok: false as const, reason: 'not_found' as const };
      const unitPath = reg.unit?.path ?? reg.member?.unit?.path ?? null;
      if (!isStaff(officer) || !manages(officer, unitPath)) {
        const reason = isStaff(officer) ? ('out_of_scope' as const) : ('forbidden' as const);
        await writeAudit(tx, { actorId: officer.id, actorRef: officer.ref, action, outcome: 'REFUSED', target, details: { reason, role: officer.role } });
        return { ok: false as const, reason, unitId: reg.unitId ?? reg.member?.unitId ?? null };
      }
      if (reg.status !== 'SUBMITTED' && reg.status !== 'APPROVED' && reg.status !== 'RETURNED') return { ok: false as const, reason: 'not_pending' as const };
      const reason = input.reason ? nfc(input.reason).trim().slice(0, 500) : '';
      if (input.decision === 'RETURN' && !reason) return { ok: false as const, reason: 'reason_required' as const };
      const recipient = reg.scope === 'INDIVIDUAL' ? reg.member : reg.submittedBy;
      const row = await tx.registration.update({
        where: { id: reg.id },
        data: {
          status: input.decision === 'APPROVE' ? 'APPROVED' : 'RETURNED',
          returnReason: input.decision === 'RETURN' ? reason : null,
          decidedById: officer.id,
          decidedAt: this.now(),
        },
        include: registrationInclude,
      });
      const to = recipient ? (await recipientsOf(tx, [recipient.id])).get(recipient.id) : undefined;
      if (recipient && to) {
        await this.outbox.enqueue(
          [
            {
              ...to,
              memberId: recipient.id,
              message: decisionMessage({
                decision: input.decision,
                campaign: reg.campaign.title,
                campaignCode: reg.campaign.code,
                titleCode: reg.titleCode,
                titleName: null,
                officer: officer.fullName ?? '',
                reason,
              }),
              dedupeKey: `reg-decision:${reg.id}:${row.updatedAt.getTime()}`,
            },
          ],
          tx,
        );
      }
      await writeAudit(tx, { actorId: officer.id, actorRef: officer.ref, action, target, details: { role: officer.role } });
      return { ok: true as const, registration: toDto(row) };
    });
  }

  /**
   * One page of the registrations in an officer's subtree (admins: all) with the given status, for
   * /registrations: waiting ones in the order they first came (ids; `updatedAt` moves when a digest
   * marks them), decided ones newest decision first. A member asking is refused and the refusal audited. A page past the end is clamped to
   * the last, so a stale "next" button still shows something.
   */
  async listInScope(actorId: number, opts: { status: ListStatus; page: number; pageSize?: number }): Promise<ListResult> {
    const who = await authorize(this.prisma, { id: actorId }, { action: 'registration.list', need: 'OFFICER' });
    if (!who.ok) return { ok: false, reason: 'forbidden' };
    const actor = who.actor;
    const size = opts.pageSize ?? REGISTRATIONS_PAGE_SIZE;
    if (actor.role !== 'ADMIN' && !actor.unitPath) return { ok: true, items: [], total: 0, page: 0, pages: 1, offset: 0 };
    const path = actor.role === 'ADMIN' ? '/' : actor.unitPath!;
    const where: Prisma.RegistrationWhereInput = {
      status: opts.status,
      OR: [{ unit: { path: subtreeFilter(path) } }, { member: { unit: { path: subtreeFilter(path) } } }],
    };
    const total = await this.prisma.registration.count({ where });
    const pages = Math.max(1, Math.ceil(total / size));
    const page = Math.min(Math.max(0, opts.page), pages - 1);
    const rows = await this.prisma.registration.findMany({
      where,
      include: { member: { include: { unit: true } }, unit: true, campaign: { include: { titles: true } }, _count: { select: { commitments: true } } },
      orderBy: opts.status === 'SUBMITTED' ? [{ id: 'asc' }] : [{ decidedAt: 'desc' }, { id: 'desc' }],
      skip: page * size,
      take: size,
    });
    return {
      ok: true,
      total,
      page,
      pages,
      offset: page * size,
      items: rows.map((r) => ({
        id: r.id,
        campaign: r.campaign.title,
        scope: r.scope,
        who: r.scope === 'COLLECTIVE' ? (r.unit?.name ?? '') : (r.member?.fullName ?? ''),
        unit: r.scope === 'COLLECTIVE' ? null : (r.member?.unit?.name ?? null),
        titleCode: r.titleCode,
        titleName: r.campaign.titles.find((t) => t.code === r.titleCode && t.custom)?.name ?? null,
        status: r.status as ListStatus,
        returnReason: r.returnReason,
        commitments: r._count.commitments,
        at: r.status === 'SUBMITTED' ? r.createdAt : (r.decidedAt ?? r.updatedAt),
      })),
    };
  }

  /** Registrations waiting for a decision in an officer's subtree (newest first). */
  async pendingInScope(officerId: number, limit = 10) {
    const officer = await this.prisma.member.findUnique({ where: { id: officerId }, include: { unit: true } });
    if (!officer?.unit || officer.leftAt || officer.role === 'MEMBER') return [];
    const path = officer.role === 'ADMIN' ? '/' : officer.unit.path;
    return this.prisma.registration.findMany({
      where: {
        status: 'SUBMITTED',
        OR: [{ unit: { path: subtreeFilter(path) } }, { member: { unit: { path: subtreeFilter(path) } } }],
      },
      include: { member: true, unit: true, campaign: true },
      orderBy: { updatedAt: 'desc' },
      take: limit,
    });
  }
}

/**
 * Queues the officers' digest of new registrations (đăng ký mới): for each campaign with
 * registrations not yet digested, a digest per officer whose unit contains the registrant, at most
 * one per campaign per clock hour. A long digest is several messages (src/messages/compose.ts
 * packs them by count and length), each its own outbox row (`regdigest:<campaign>:<hour>:<officer>:<part>`), all
 * queued in the transaction that marks the registrations digested — so a registration is marked
 * exactly when a message carrying it is in the outbox, which retries it until Telegram takes it.
 * A registration no officer can see stays undigested (and in /registrations) until one can.
 * Idempotent and safe to run from several instances; the scheduler calls it every minute.
 *
 * @returns how many digest messages were queued
 */
export async function queueRegistrationDigests(services: Services, now: Date): Promise<number> {
  const prisma = services.prisma;
  const hour = Math.floor(now.getTime() / DIGEST_WINDOW_MS);
  const pending = await prisma.registration.groupBy({ by: ['campaignId'], where: { digestedAt: null, status: 'SUBMITTED' } });
  let queued = 0;
  for (const { campaignId } of pending) {
    const already = await prisma.delivery.findFirst({ where: { dedupeKey: { startsWith: `regdigest:${campaignId}:${hour}:` } }, select: { id: true } });
    if (already) continue;
    const regs = await prisma.registration.findMany({
      where: { campaignId, digestedAt: null, status: 'SUBMITTED' },
      include: { member: { include: { unit: true } }, unit: true, campaign: { include: { titles: true } } },
      orderBy: { id: 'asc' },
    });
    if (regs.length === 0) continue;
    const officers = await prisma.member.findMany({
      where: { role: 'OFFICER', leftAt: null, unitId: { not: null } },
      include: { unit: true },
      orderBy: { id: 'asc' },
    });
    const to = await recipientsOf(prisma, officers.map((o) => o.id));
    const items: OutboxItem[] = [];
    const carried = new Set<number>();
    for (const officer of officers) {
      const recipient = to.get(officer.id);
      if (!recipient) continue;
      const mine = regs.filter((r) => {
        const path = r.unit?.path ?? r.member?.unit?.path;
        return inSubtree(path, officer.unit?.path);
      });
      if (mine.length === 0) continue;
      const parts = digestMessages({
        campaign: regs[0]!.campaign.title,
        at: now,
        entries: mine.map((r) => ({
          id: r.id,
          who: r.scope === 'COLLECTIVE' ? (r.unit?.name ?? '') : (r.member?.fullName ?? ''),
          unit: r.scope === 'COLLECTIVE' ? null : (r.member?.unit?.name ?? null),
          titleCode: r.titleCode,
          titleName: r.campaign.titles.find((t) => t.code === r.titleCode && t.custom)?.name ?? null,
        })),
      });
      parts.forEach((part, i) => {
        items.push({
          ...recipient,
          memberId: officer.id,
          message: part.message,
          dedupeKey: `regdigest:${campaignId}:${hour}:${officer.id}:${i + 1}`,
        });
        for (const id of part.registrationIds) carried.add(id);
      });
    }
    if (items.length === 0) continue;
    await prisma.$transaction(async (tx) => {
      queued += await services.outbox.enqueue(items, tx);
      await tx.registration.updateMany({ where: { id: { in: [...carried] }, digestedAt: null }, data: { digestedAt: now } });
    });
  }
  return queued;
}
