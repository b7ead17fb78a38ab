import type { Prisma, PrismaClient, Role } from '../generated/prisma/client.js';
import { writeAudit } from './audit.js';
import { inSubtree } from '../domain/scope.js';

/**
 * Who is acting, as a use case receives it: only the member id is trusted. Role and unit are
 * re-read from the database inside the use case, so a person revoked or moved in the middle of a
 * flow (a button pressed minutes after it was shown, a conversation step answered later) is judged
 * on what they are *now*, not on what they were when the flow began.
 *
 * @example await services.registrations.decide({ registrationId, actor: { id: member.id }, decision: 'APPROVE' })
 */
export interface ActorRef {
  id: number;
}

/** The acting member as stored right now: role, unit and the unit's tree path. */
export interface CurrentActor {
  id: number;
  role: Role;
  unitId: number | null;
  /** Materialised path of the member's unit ("/1/4/"), null without a unit. */
  unitPath: string | null;
  fullName: string | null;
  /** The channel identity for audit rows ("tg:123", else "zalo:…"), as the bot writes it; null without one. */
  ref: string | null;
}

/** A client or a transaction: use cases read the actor inside the transaction that acts. */
export type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Re-reads the actor. A member who has left (`leftAt`) keeps their row but acts as a plain member:
 * leaving must not leave officer rights behind.
 */
export async function loadActor(db: Db, actor: ActorRef): Promise<CurrentActor | null> {
  const m = await db.member.findUnique({
    where: { id: actor.id },
    include: { unit: { select: { path: true } }, identities: { select: { channel: true, externalId: true }, orderBy: { id: 'asc' } } },
  });
  if (!m) return null;
  const identity = m.identities.find((i) => i.channel === 'TELEGRAM') ?? m.identities[0];
  return {
    id: m.id,
    role: m.leftAt ? 'MEMBER' : m.role,
    unitId: m.unitId,
    unitPath: m.unit?.path ?? null,
    fullName: m.fullName,
    ref: identity ? `${identity.channel === 'TELEGRAM' ? 'tg' : 'zalo'}:${identity.externalId}` : null,
  };
}

/** True for officers and admins (people who manage something). */
export function isStaff(actor: CurrentActor | null): actor is CurrentActor {
  return !!actor && (actor.role === 'OFFICER' || actor.role === 'ADMIN');
}

/**
 * Whether the actor manages the unit at `path`: admins everywhere, officers inside their own unit's
 * subtree, members nowhere.
 */
export function manages(actor: CurrentActor | null, path: string | null | undefined): boolean {
  // Admins manage everything, also what belongs to no unit (a campaign imported by an admin who has none).
  if (actor?.role === 'ADMIN') return true;
  if (!actor || !path) return false;
  return actor.role === 'OFFICER' && inSubtree(path, actor.unitPath);
}

/** Who an action needs: staff (officers and admins) or admins only. */
export type Need = 'OFFICER' | 'ADMIN';

/** Why {@link authorize} refused: the role is short, or the target lies outside the actor's subtree. */
export type AuthRefusal = 'forbidden' | 'out_of_scope';

/** What an acting use case asks of {@link authorize}. */
export interface Permission {
  /** The audit action ("campaign.launch"). */
  action: string;
  /** The audit target ("campaign:12"). */
  target?: string | null;
  need: Need;
  /**
   * The unit path the action touches, checked against the actor's subtree (admins: everywhere).
   * `undefined` = no unit involved; `null` = a unit-less target, which only admins manage.
   */
  path?: string | null;
  /** Extra facts for the refusal's audit row. */
  details?: Record<string, string | number | boolean | null>;
}

/**
 * The permission check of a use case, in the use case's own transaction: re-reads the actor,
 * decides, and on refusal writes the REFUSED audit row through `db` (so it commits with whatever
 * else the transaction does — or, when the use case returns the refusal, alone). The caller writes
 * the OK row together with its change.
 *
 * @example
 * const who = await authorize(tx, input.actor, { action: 'unit.create', need: 'ADMIN', target: `unit:${code}` });
 * if (!who.ok) return who;
 */
export async function authorize(
  db: Db,
  ref: ActorRef,
  p: Permission,
): Promise<{ ok: true; actor: CurrentActor } | { ok: false; reason: AuthRefusal; actor: CurrentActor | null }> {
  const actor = await loadActor(db, ref);
  const roleOk = !!actor && (p.need === 'ADMIN' ? actor.role === 'ADMIN' : isStaff(actor));
  const reason: AuthRefusal | null = !roleOk ? 'forbidden' : p.path !== undefined && !manages(actor, p.path) ? 'out_of_scope' : null;
  if (reason === null) return { ok: true, actor: actor! };
  await writeAudit(db, {
    actorId: actor?.id ?? null,
    actorRef: actor?.ref ?? null,
    action: p.action,
    outcome: 'REFUSED',
    target: p.target ?? null,
    details: { reason, need: p.need, had: actor?.role ?? null, ...(p.details ?? {}) },
  });
  return { ok: false, reason, actor };
}
