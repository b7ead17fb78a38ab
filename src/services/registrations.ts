import { Prisma, type PrismaClient, type Role } from '../generated/prisma/client.js';
import { checkRegistrationRules, isTitleCode, TITLE_POLICY, type Basis, type RegistrationRefusal, type Scope } from '../domain/titles.js';
import { formatDateTime } from '../domain/dates.js';
import { escapeHtml, nfc } from '../domain/text.js';
import type { CampaignService } from './campaigns.js';
import type { OutboxItem, OutboxMessage, OutboxService } from './outbox.js';
import type { Services } from './index.js';
import { authorize, isStaff, loadActor, manages, type ActorRef, type AuthRefusal } from './actors.js';
import { writeAudit } from './audit.js';
import { inSubtree, subtreeFilter } from '../domain/scope.js';

/** Translate outside an update: (locale, key, vars) → text. Same shape as the bot's Translator. */
export type Translate = (locale: string, key: string, vars?: Record<string, string | number>) => string;

/**
 * How notices about registrations are rendered: text through the locale files, buttons through the
 * bot's callback codec. Injected by the bot when it is built (services know nothing of Telegram).
 */
export interface RegistrationPresenter {
  translate: Translate;
  approveButton(registrationId: number): string;
  returnButton(registrationId: number): string;
  /**
   * The officers' digest in `locale` as messages that fit the channel, each with the buttons of
   * the registrations it shows (`registrationIds`): a long digest is several messages, never one
   * the channel refuses.
   */
  digest(locale: string, input: DigestInput): Array<{ message: OutboxMessage; registrationIds: number[] }>;
}

/** One registration in an officer's digest. */
export interface DigestEntry {
  id: number;
  who: string;
  unit: string | null;
  titleCode: string;
  titleName?: string | null;
}

/** An officer's digest for one campaign. */
export interface DigestInput {
  campaign: string;
  at: Date;
  entries: DigestEntry[];
}

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
interface SubmitFacts {
  actorId: number;
  role: string;
  unitId: number | null;
  campaignId: number;
  status: string;
  deadline: Date | null;
  titles: Array<{ code: string; scope: Scope }>;
  lines: number[];
  inAudience: boolean;
  current: string | null;
}

/** A row of {@link RegistrationService.campaignsFor}'s query: a campaign with its titles and lines as JSON. */
interface CampaignRow {
  id: number;
  code: string;
  title: string;
  regDue: Date | null;
  titles: CampaignDto['titles'];
  lines: Array<Omit<LineDto, 'leaf'>>;
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
  private presenter: RegistrationPresenter | null = null;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly campaigns: CampaignService,
    private readonly outbox: OutboxService,
    private readonly now: () => Date,
  ) {}

  /** Called once by the bot so notices can be rendered in each recipient's language. */
  setPresenter(presenter: RegistrationPresenter): void {
    this.presenter = presenter;
  }

  getPresenter(): RegistrationPresenter | null {
    return this.presenter;
  }

  /** Launched campaigns whose audience includes the member's unit, newest first, as JSON. */
  async campaignsFor(memberId: number): Promise<CampaignDto[]> {
    // One round trip instead of a dozen (member, unit, ancestors, campaigns and four relations):
    // this runs when every member opens registration, right after a launch.
    const rows = await this.prisma.$queryRaw<CampaignRow[]>`
      WITH me AS (
        SELECT u.path FROM "member" m JOIN "unit" u ON u.id = m.unit_id WHERE m.id = ${memberId}
      ), anc AS (
        SELECT a.id, a.group_id FROM "unit" a, me
        WHERE a.id::text = ANY (string_to_array(trim(both '/' from me.path), '/'))
      )
      SELECT c.id, c.code, c.title,
        (SELECT max(m.due_at) FROM "milestone" m WHERE m.campaign_id = c.id AND m.kind = 'REGISTRATION') AS "regDue",
        COALESCE((SELECT json_agg(json_build_object('code', t.code, 'name', t.name, 'scope', t.scope, 'custom', t.custom) ORDER BY t.position, t.id)
                  FROM "campaign_title" t WHERE t.campaign_id = c.id), '[]'::json) AS titles,
        COALESCE((SELECT json_agg(json_build_object('id', cr.id, 'code', cr.code, 'parentId', cr.parent_id, 'title', cr.title,
                                                    'measure', cr.measure, 'unitOfMeasure', cr.unit_of_measure) ORDER BY cr.position, cr.id)
                  FROM "criterion" cr WHERE cr.campaign_id = c.id), '[]'::json) AS lines
      FROM "campaign" c
      WHERE c.status = 'LAUNCHED' AND c.archived_at IS NULL
        AND (EXISTS (SELECT 1 FROM "campaign_audience_unit" au WHERE au.campaign_id = c.id AND au.unit_id IN (SELECT id FROM anc))
          OR EXISTS (SELECT 1 FROM "campaign_audience_group" ag WHERE ag.campaign_id = c.id AND ag.group_id IN (SELECT group_id FROM anc)))
      ORDER BY c.starts_at DESC, c.id`;
    const now = this.now();
    return rows.map((c) => {
      const parents = new Set(c.lines.map((l) => l.parentId).filter((p): p is number => p !== null));
      return {
        id: c.id,
        code: c.code,
        title: c.title,
        registrationDueAt: c.regDue ? c.regDue.toISOString() : null,
        registrationOpen: !c.regDue || now.getTime() <= c.regDue.getTime(),
        titles: c.titles,
        lines: c.lines.map((l) => ({ ...l, leaf: !parents.has(l.id) })),
      };
    });
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
    // Everything the rules need in one round trip: the actor as they are now, the campaign's
    // status, titles, lines and registration deadline, whether the actor's unit is in its
    // audience, and the registration already stored for this member (or unit).
    const [facts] = await this.prisma.$queryRaw<SubmitFacts[]>`
      SELECT m.id AS "actorId", m.role::text AS role, m.unit_id AS "unitId", c.id AS "campaignId", c.status::text AS status,
        (SELECT max(ms.due_at) FROM "milestone" ms WHERE ms.campaign_id = c.id AND ms.kind = 'REGISTRATION') AS deadline,
        COALESCE((SELECT json_agg(json_build_object('code', t.code, 'scope', t.scope)) FROM "campaign_title" t WHERE t.campaign_id = c.id), '[]'::json) AS titles,
        COALESCE((SELECT json_agg(cr.id) FROM "criterion" cr WHERE cr.campaign_id = c.id), '[]'::json) AS lines,
        EXISTS (
          SELECT 1 FROM "unit" u JOIN "unit" root ON u.path LIKE root.path || '%'
          WHERE u.id = m.unit_id
            AND (root.id IN (SELECT unit_id FROM "campaign_audience_unit" WHERE campaign_id = c.id)
              OR root.group_id IN (SELECT group_id FROM "campaign_audience_group" WHERE campaign_id = c.id))
        ) AS "inAudience",
        (SELECT r.status::text FROM "registration" r WHERE r.campaign_id = c.id
           AND CASE WHEN ${input.scope} = 'INDIVIDUAL' THEN r.member_id = m.id ELSE r.unit_id = m.unit_id AND r.scope = 'COLLECTIVE' END) AS current
      FROM "member" m, "campaign" c
      WHERE m.id = ${input.actorMemberId} AND c.id = ${input.campaignId}`;
    if (!facts || facts.status !== 'LAUNCHED') return { ok: false, reason: 'campaign_not_open' };
    const actor = { id: facts.actorId, role: facts.role as Role, unitId: facts.unitId };
    if (!actor.unitId) return { ok: false, reason: 'member_without_unit' };
    if (!facts.inAudience) return { ok: false, reason: 'not_in_audience' };
    const rules = checkRegistrationRules({
      offered: facts.titles,
      title: input.titleCode,
      scope: input.scope,
      actor: { role: actor.role, unitId: actor.unitId, isOfficerOfTargetUnit: actor.role !== 'MEMBER' },
      ...(input.basis !== undefined ? { basis: input.basis } : {}),
      ...(facts.deadline ? { registrationDeadline: facts.deadline } : {}),
      now: this.now(),
      // Registering again edits: only a REJECTED registration blocks a new one.
      existing: facts.current === 'REJECTED' ? 'REJECTED' : null,
    });
    if (!rules.ok) {
      const officerName = rules.reason === 'registration_closed' ? await this.contactOfficer(actor.unitId) : undefined;
      return { ok: false, reason: rules.reason, ...(officerName !== undefined ? { officerName } : {}), ...(rules.citation ? { citation: rules.citation } : {}) };
    }
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
    // One statement, so one round trip and atomic: store (or edit — two racing submissions meet on
    // the unique key and the later one edits) the registration, then replace its commitments.
    const conflict = input.scope === 'INDIVIDUAL' ? Prisma.sql`("campaign_id", "member_id")` : Prisma.sql`("campaign_id", "unit_id")`;
    const [stored] = await this.prisma.$queryRaw<Array<{ id: number; created: boolean }>>`
      WITH reg AS (
        INSERT INTO "registration" ("campaign_id", "scope", "member_id", "unit_id", "title_code", "basis", "initiative_title", "status", "submitted_by_id", "created_at", "updated_at")
        VALUES (${facts.campaignId}, ${input.scope}::"Scope", ${memberId}, ${unitId}, ${input.titleCode}, ${basis}, ${initiativeTitle}, 'SUBMITTED', ${actor.id}, now(), now())
        ON CONFLICT ${conflict} DO UPDATE SET
          "title_code" = EXCLUDED."title_code", "basis" = EXCLUDED."basis", "initiative_title" = EXCLUDED."initiative_title",
          "status" = 'SUBMITTED', "return_reason" = NULL, "decided_by_id" = NULL, "decided_at" = NULL, "digested_at" = NULL,
          "submitted_by_id" = EXCLUDED."submitted_by_id", "updated_at" = now()
        RETURNING "id", (xmax = 0) AS created
      ), input AS (
        SELECT * FROM json_to_recordset(${rows}::json) AS x(criterion_id int, target_number numeric, target_bool boolean, target_text text)
      ), dropped AS (
        DELETE FROM "commitment" WHERE "registration_id" = (SELECT "id" FROM reg) AND "criterion_id" NOT IN (SELECT criterion_id FROM input)
      ), written AS (
        INSERT INTO "commitment" ("registration_id", "criterion_id", "target_number", "target_bool", "target_text")
        SELECT (SELECT "id" FROM reg), criterion_id, target_number, target_bool, target_text FROM input
        ON CONFLICT ("registration_id", "criterion_id") DO UPDATE SET
          "target_number" = EXCLUDED."target_number", "target_bool" = EXCLUDED."target_bool", "target_text" = EXCLUDED."target_text"
      )
      SELECT "id", created FROM reg`;
    const registration: RegistrationDto = {
      id: stored!.id,
      campaignId: facts.campaignId,
      scope: input.scope,
      memberId,
      unitId,
      titleCode: input.titleCode,
      basis,
      initiativeTitle,
      status: 'SUBMITTED',
      returnReason: null,
      commitments: commitments.map((c) => ({ criterionId: c.criterionId, number: c.number ?? null, bool: c.bool ?? null, text: c.text ?? null })),
    };
    return { ok: true, registration, created: stored!.created };
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
      const p = this.presenter;
      if (p && recipient?.telegramId) {
        const vars = {
          campaign: escapeHtml(reg.campaign.title),
          title: escapeHtml(titleName(p.translate, recipient.locale, reg.titleCode, null)),
          officer: escapeHtml(officer.fullName ?? ''),
          reason: escapeHtml(reason),
        };
        await this.outbox.enqueue(
          [
            {
              chatId: recipient.telegramId.toString(),
              memberId: recipient.id,
              message: { text: p.translate(recipient.locale, input.decision === 'APPROVE' ? 'reg-notice-approved' : 'reg-notice-returned', vars), parseMode: 'HTML' },
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

/** Display name of a title: a custom honour's own name, or the locale's name of a standard code. */
export function titleName(t: Translate, locale: string, code: string, customName: string | null): string {
  if (customName) return customName;
  return isTitleCode(code) ? t(locale, `reg-title-${code}`) : code;
}

/**
 * Queues the officers' digest of new registrations (đăng ký mới): for each campaign with
 * registrations not yet digested, a digest per officer whose unit contains the registrant, at most
 * one per campaign per clock hour. A long digest is several messages (the presenter cuts it to fit
 * the channel), each its own outbox row (`regdigest:<campaign>:<hour>:<officer>:<part>`), all
 * queued in the transaction that marks the registrations digested — so a registration is marked
 * exactly when a message carrying it is in the outbox, which retries it until Telegram takes it.
 * A registration no officer can see stays undigested (and in /registrations) until one can.
 * Idempotent and safe to run from several instances; the scheduler calls it every minute.
 *
 * @returns how many digest messages were queued
 */
export async function queueRegistrationDigests(services: Services, now: Date, presenter?: RegistrationPresenter): Promise<number> {
  const p = presenter ?? services.registrations.getPresenter();
  if (!p) throw new Error('queueRegistrationDigests: no presenter (the bot sets one when it is built)');
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
      where: { role: 'OFFICER', leftAt: null, telegramId: { not: null }, unitId: { not: null } },
      include: { unit: true },
      orderBy: { id: 'asc' },
    });
    const items: OutboxItem[] = [];
    const carried = new Set<number>();
    for (const officer of officers) {
      const mine = regs.filter((r) => {
        const path = r.unit?.path ?? r.member?.unit?.path;
        return inSubtree(path, officer.unit?.path);
      });
      if (mine.length === 0) continue;
      const parts = p.digest(officer.locale, {
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
          chatId: officer.telegramId!.toString(),
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
