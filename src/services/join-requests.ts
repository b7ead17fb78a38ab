/**
 * Yêu cầu tham gia — join requests for units whose join policy is APPROVAL (domain/join-policy.ts).
 *
 * A person who picks such a unit, or opens its invite, is in no unit (and so in no launch audience)
 * until an officer whose subtree contains the unit — or an admin — approves. Filing a request is
 * part of `members.changeOwnUnit`'s transaction ({@link fileJoinRequest}); deciding one is
 * {@link JoinRequestService.decide}, which checks the decider as they are now and writes the change,
 * its audit row and the person's notice together. One pending request per person: picking another
 * unit replaces it under a new id, so the buttons of an older notice answer "no longer pending".
 */
import { Prisma, type PrismaClient, type Unit } from '../generated/prisma/client.js';
import { ancestorPaths, subtreeFilter } from '../domain/scope.js';
import type { JoinVia } from '../domain/join-policy.js';
import { authorize, type ActorRef, type AuthRefusal, type Db } from './actors.js';
import { writeAudit } from './audit.js';
import type { OutboxService } from './outbox.js';
import { recipientsOf } from './recipients.js';
import { inAudienceSql } from '../db/audience.js';
import { joinDecisionMessage, joinRequestMessage, type OpenCampaign } from '../messages/compose.js';

type Tx = Prisma.TransactionClient;

/** Open campaigns named in an approval notice (the rest are under /campaigns), as after onboarding. */
const MAX_CAMPAIGNS_TOLD = 5;

/** What filing needs: the outbox and the clock of the services. */
export interface JoinRequestDeps {
  outbox: OutboxService;
  now: () => Date;
}

/** A pending request as officers see it in /joins. */
export interface PendingJoin {
  id: number;
  name: string | null;
  unit: string;
  unitCode: string;
  via: JoinVia;
  at: Date;
}

/**
 * Files (or keeps) the member's request to join `unit`, in the caller's transaction, with its audit
 * row; a request for another unit is replaced. The unit's officers are told now when the person has
 * a name, else when they give it ({@link notifyPendingJoin} from `members.setName`).
 */
export async function fileJoinRequest(
  tx: Tx,
  deps: JoinRequestDeps,
  input: { member: { id: number; ref: string | null; fullName: string | null }; unit: Unit; via: JoinVia },
): Promise<{ id: number; replaced: string | null }> {
  const previous = await tx.joinRequest.findUnique({ where: { memberId: input.member.id }, include: { unit: true } });
  if (previous?.unitId === input.unit.id) return { id: previous.id, replaced: null };
  if (previous) await tx.joinRequest.delete({ where: { id: previous.id } });
  const request = await tx.joinRequest.create({ data: { memberId: input.member.id, unitId: input.unit.id, via: input.via } });
  await writeAudit(tx, {
    actorId: input.member.id,
    actorRef: input.member.ref,
    action: 'member.join.request',
    target: `unit:${input.unit.id}`,
    details: { request: request.id, via: input.via, replaced: previous?.unitId ?? null },
  });
  if (input.member.fullName) await notifyOfficers(tx, deps, request.id);
  return { id: request.id, replaced: previous?.unit.name ?? null };
}

/** Tells the unit's officers about the member's pending request if they were not told yet (the person just gave their name). */
export async function notifyPendingJoin(tx: Tx, deps: JoinRequestDeps, memberId: number): Promise<void> {
  const request = await tx.joinRequest.findUnique({ where: { memberId } });
  if (request && !request.notifiedAt) await notifyOfficers(tx, deps, request.id);
}

/**
 * Who decides a request for the unit at `path`: the officers of the nearest unit up the tree (the
 * unit itself first) that has any, else the admins — the people closest to knowing the person.
 */
async function decidersOf(db: Db, path: string): Promise<number[]> {
  const officers = await db.member.findMany({
    where: { role: 'OFFICER', leftAt: null, unit: { path: { in: ancestorPaths(path) } } },
    select: { id: true, unit: { select: { path: true } } },
  });
  const nearest = Math.max(0, ...officers.map((o) => o.unit?.path.length ?? 0));
  if (officers.length > 0) return officers.filter((o) => (o.unit?.path.length ?? 0) === nearest).map((o) => o.id);
  const admins = await db.member.findMany({ where: { role: 'ADMIN', leftAt: null }, select: { id: true } });
  return admins.map((a) => a.id);
}

async function notifyOfficers(tx: Tx, deps: JoinRequestDeps, requestId: number): Promise<void> {
  const request = await tx.joinRequest.findUniqueOrThrow({ where: { id: requestId }, include: { unit: true, member: true } });
  const deciders = await decidersOf(tx, request.unit.path);
  const to = await recipientsOf(tx, deciders);
  const message = joinRequestMessage({ id: request.id, name: request.member.fullName ?? '', unit: request.unit.name, via: request.via as JoinVia });
  await deps.outbox.enqueue(
    [...to].map(([memberId, r]) => ({ ...r, memberId, message, dedupeKey: `join:${request.id}:${memberId}` })),
    tx,
  );
  await tx.joinRequest.update({ where: { id: request.id }, data: { notifiedAt: deps.now() } });
}

/** Result of {@link JoinRequestService.decide}. */
export type JoinDecisionResult =
  | { ok: true; name: string; unit: string }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: AuthRefusal; unit: string | null };

/** Officers' side of join requests: the pending list and the decision. */
export class JoinRequestService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly deps: JoinRequestDeps,
  ) {}

  /** The member's pending request, with its unit (null when none). */
  pendingOf(memberId: number) {
    return this.prisma.joinRequest.findUnique({ where: { memberId }, include: { unit: true } });
  }

  /**
   * /joins, «yêu cầu tham gia»: pending requests for units in the officer's subtree (admins: all),
   * oldest first. Refusals are audited.
   */
  async listInScope(actor: ActorRef, opts: { limit?: number } = {}): Promise<{ ok: true; items: PendingJoin[]; total: number } | { ok: false; reason: AuthRefusal | 'no_unit' }> {
    const who = await authorize(this.prisma, actor, { action: 'join.list', need: 'OFFICER' });
    if (!who.ok) return { ok: false, reason: who.reason };
    if (who.actor.role !== 'ADMIN' && !who.actor.unitPath) return { ok: false, reason: 'no_unit' };
    const where = who.actor.role === 'ADMIN' ? {} : { unit: { path: subtreeFilter(who.actor.unitPath!) } };
    const [rows, total] = await Promise.all([
      this.prisma.joinRequest.findMany({ where, include: { unit: true, member: true }, orderBy: { id: 'asc' }, take: opts.limit ?? 20 }),
      this.prisma.joinRequest.count({ where }),
    ]);
    return {
      ok: true,
      total,
      items: rows.map((r) => ({ id: r.id, name: r.member.fullName, unit: r.unit.name, unitCode: r.unit.code, via: r.via as JoinVia, at: r.createdAt })),
    };
  }

  /**
   * Whether the actor may decide the request (asked before a decline's reason is typed; `decide`
   * asks again when it acts). Refusals are audited.
   */
  async mayDecide(input: { actor: ActorRef; requestId: number }): Promise<{ ok: true } | Extract<JoinDecisionResult, { ok: false }>> {
    const request = await this.prisma.joinRequest.findUnique({ where: { id: input.requestId }, include: { unit: true } });
    const who = await authorize(this.prisma, input.actor, {
      action: 'member.join.decline',
      need: 'OFFICER',
      target: `join_request:${input.requestId}`,
      ...(request ? { path: request.unit.path } : {}),
    });
    if (!who.ok) return { ok: false, reason: who.reason, unit: request?.unit.name ?? null };
    return request ? { ok: true } : { ok: false, reason: 'not_found' };
  }

  /**
   * An officer whose subtree contains the unit, or an admin, approves or declines a request (a
   * decline with an optional reason). Approving puts the person in the unit — and so in the
   * audiences of its campaigns from then on. The change, the audit row and the person's notice
   * (approved: with the campaigns open to them now and how to register; declined: with the reason)
   * commit together; a refusal is audited. A request already decided or replaced is `not_found`.
   */
  async decide(input: { actor: ActorRef; requestId: number; decision: 'APPROVE' | 'DECLINE'; reason?: string }): Promise<JoinDecisionResult> {
    const action = input.decision === 'APPROVE' ? 'member.join.approve' : 'member.join.decline';
    return this.prisma.$transaction(async (tx) => {
      const request = await tx.joinRequest.findUnique({ where: { id: input.requestId }, include: { unit: true, member: true } });
      const target = `join_request:${input.requestId}`;
      const who = await authorize(tx, input.actor, { action, need: 'OFFICER', target, ...(request ? { path: request.unit.path } : {}) });
      if (!who.ok) return { ok: false as const, reason: who.reason, unit: request?.unit.name ?? null };
      if (!request) return { ok: false as const, reason: 'not_found' as const };
      const reason = (input.reason ?? '').trim().slice(0, 500);
      await tx.joinRequest.delete({ where: { id: request.id } });
      if (input.decision === 'APPROVE') await tx.member.update({ where: { id: request.memberId }, data: { unitId: request.unitId } });
      await writeAudit(tx, {
        actorId: who.actor.id,
        actorRef: who.actor.ref,
        action,
        target,
        details: { member: request.memberId, unit: request.unitId, via: request.via, from: request.member.unitId, ...(reason ? { reason } : {}) },
      });
      const to = (await recipientsOf(tx, [request.memberId])).get(request.memberId);
      if (to) {
        const campaigns = input.decision === 'APPROVE' ? await openCampaignsOf(tx, request.unitId, this.deps.now()) : [];
        const message = joinDecisionMessage({ approved: input.decision === 'APPROVE', unit: request.unit.name, by: who.actor.fullName ?? '', reason, campaigns: campaigns.slice(0, MAX_CAMPAIGNS_TOLD), count: campaigns.length });
        await this.deps.outbox.enqueue([{ ...to, memberId: request.memberId, message, dedupeKey: `join:${request.id}:decided` }], tx);
      }
      return { ok: true as const, name: request.member.fullName ?? '', unit: request.unit.name };
    });
  }
}

/**
 * Launched campaigns whose audience includes the unit and whose registration is still open, newest
 * first — what onboarding tells a member who joins (RegistrationService.campaignsFor), read here in
 * the deciding transaction.
 */
async function openCampaignsOf(tx: Tx, unitId: number, now: Date): Promise<OpenCampaign[]> {
  const rows = await tx.$queryRaw<Array<{ code: string; title: string; reg_due: Date | null }>>`
    SELECT c.code, c.title, (SELECT max(ms.due_at) FROM milestone ms WHERE ms.campaign_id = c.id AND ms.kind = 'REGISTRATION') AS reg_due
    FROM campaign c
    WHERE c.status = 'LAUNCHED' AND c.archived_at IS NULL AND ${inAudienceSql(Prisma.sql`c.id`, unitId)}
    ORDER BY c.starts_at DESC, c.id`;
  return rows
    .filter((r) => !r.reg_due || now.getTime() <= r.reg_due.getTime())
    .map((r) => ({ code: r.code, title: r.title, registrationDueAt: r.reg_due ? r.reg_due.toISOString() : null }));
}
