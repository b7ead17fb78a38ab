import type { Channel, ChannelIdentity, Member, PrismaClient, Role, Unit } from '../generated/prisma/client.js';
import { prismaSql, type DriverSql } from '../db/sql.js';
import { fold } from '../domain/text.js';
import { authorize, loadActor, manages, type ActorRef, type AuthRefusal, type Db } from './actors.js';
import { writeAudit } from './audit.js';
import type { OutboxService } from './outbox.js';
import { recipientsOf } from './recipients.js';
import { roleChangeMessage } from '../messages/compose.js';
import { ancestorPaths, inSubtree, subtreeFilter } from '../domain/scope.js';
import { joinOutcome, type JoinVia } from '../domain/join-policy.js';
import { fileJoinRequest, notifyPendingJoin } from './join-requests.js';

export type { Member };

/** A member with their unit, as screens need it. */
export type MemberWithUnit = Member & { unit: Unit | null };

/** Someone who may move a member between units: an admin, or an officer whose unit covers both. */
export interface MoveAuthority {
  name: string;
  /** The officer's unit; null for an admin. */
  unit: string | null;
}

/** Result of {@link MemberService.changeOwnUnit}. */
export type ChangeUnitResult =
  | { ok: true; member: MemberWithUnit; moved: boolean }
  | { ok: false; reason: 'not_found' | 'unit_not_found' }
  | { ok: false; reason: 'would_widen_scope'; currentUnit: string | null; unit: string; whoCan: MoveAuthority[] }
  /** The unit is invite-only and was picked, not reached by its invite: ask its officer for the code. */
  | { ok: false; reason: 'invite_only'; unit: string }
  /** The unit needs approval: a join request was filed (replacing `replaced`'s); the person is not in it yet. */
  | { ok: false; reason: 'approval_required'; unit: string; requestId: number; replaced: string | null };

/** Result of {@link MemberService.moveMember}. */
export type MoveMemberResult =
  | { ok: true; member: MemberWithUnit; from: string | null }
  | { ok: false; reason: 'not_found' | 'unit_not_found' | 'forbidden' };

/** Result of {@link MemberService.changeRole}. */
export type ChangeRoleResult =
  | { ok: true; member: MemberWithUnit; from: Role }
  | { ok: false; reason: 'forbidden' | 'not_found' | 'no_unit' | 'configured_admin' }
  | { ok: false; reason: 'already'; role: Role };

/** How many people a refusal names as able to make a move. */
const MAX_AUTHORITIES = 5;

/** What a channel tells us about the person writing: their id there (as text) and what they call themselves. */
export interface ChannelUser {
  channel: Channel;
  externalId: string;
  firstName: string;
  lastName?: string | undefined;
  languageCode?: string | undefined;
}

/** A channel identity as ADMIN_IDS and the admin checks see it. */
export type IdentityKey = Pick<ChannelIdentity, 'channel' | 'externalId'>;

/**
 * ADMIN_IDS entries as identities: a bare number is a Telegram user id (as it always was),
 * `zalo:<id>` a Zalo user id.
 */
export function parseAdminIds(ids: readonly string[]): IdentityKey[] {
  return ids.map((id) => {
    const m = /^zalo:(.+)$/i.exec(id);
    return m ? { channel: 'ZALO' as const, externalId: m[1]! } : { channel: 'TELEGRAM' as const, externalId: id };
  });
}

/** Locales the bot speaks; anything else falls back to the default. */
export const SUPPORTED_LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export function pickLocale(languageCode: string | undefined, fallback: Locale): Locale {
  const base = (languageCode ?? '').toLowerCase().split('-')[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : fallback;
}

/** A row of {@link MemberService.touch}'s lookup: the identity's state and its member's columns. */
interface IdentityMemberRow {
  ci_id: number;
  ci_reachable: boolean;
  ci_last_seen_at: Date | null;
  id: number;
  full_name: string | null;
  name_search: string | null;
  unit_id: number | null;
  role: Role;
  locale: string;
  reminders_enabled: boolean;
  left_at: Date | null;
  last_seen_at: Date | null;
  pending_campaign: string | null;
  preferred_channel: Channel | null;
  created_at: Date;
  updated_at: Date;
}

/** A row of the lookup, keyed by the identity it answers. */
type LookupRow = IdentityMemberRow & { ci_external_id: string };

/** A channel identity (its id, reachability, last contact) with its member. */
type IdentityWithMember = Pick<ChannelIdentity, 'id' | 'reachable' | 'lastSeenAt'> & { member: Member };

/** An update waiting for its member lookup. */
interface LookupWaiter {
  resolve(found: IdentityWithMember | null): void;
  reject(err: unknown): void;
}

function toIdentityWithMember(r: IdentityMemberRow): IdentityWithMember {
  return {
    id: r.ci_id,
    reachable: r.ci_reachable,
    lastSeenAt: r.ci_last_seen_at,
    member: {
      id: r.id,
      fullName: r.full_name,
      nameSearch: r.name_search,
      unitId: r.unit_id,
      role: r.role,
      locale: r.locale,
      remindersEnabled: r.reminders_enabled,
      leftAt: r.left_at,
      lastSeenAt: r.last_seen_at,
      pendingCampaign: r.pending_campaign,
      preferredChannel: r.preferred_channel,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    },
  };
}

/** How often `lastSeenAt` is refreshed: every update would be a write per message. */
const SEEN_REFRESH_MS = 5 * 60_000;

/**
 * Thành viên — members, officers and admins. A member is found through a channel identity
 * (channel + the user's id there), so every channel calls the same methods with its own ids.
 */
export class MemberService {
  /** ADMIN_IDS as `CHANNEL:id` keys. */
  private readonly admins: ReadonlySet<string>;
  /** Member lookups asked in the current tick, by channel and external id (see identityWithMember). */
  private readonly lookups = new Map<Channel, Map<string, LookupWaiter[]>>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly opts: { adminIds: readonly string[]; defaultLocale: Locale; now?: () => Date; outbox?: OutboxService },
    /** The member lookup of every update runs on the driver (src/db/sql.ts). */
    private readonly sql: DriverSql = prismaSql(prisma),
  ) {
    this.admins = new Set(parseAdminIds(opts.adminIds).map((k) => `${k.channel}:${k.externalId}`));
  }

  /** Whether ADMIN_IDS lists this channel identity. */
  isListedAdmin(channel: Channel, externalId: string): boolean {
    return this.admins.has(`${channel}:${externalId}`);
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  /**
   * Finds the member behind a channel identity, creating both on first contact. Admins listed in
   * ADMIN_IDS are promoted from their first message; an identity marked unreachable (they had
   * blocked the bot there) becomes reachable again because they are writing to us on it now.
   */
  async touch(who: ChannelUser): Promise<Member> {
    const { channel, externalId } = who;
    const isAdmin = this.isListedAdmin(channel, externalId);
    const now = this.now();
    const key = { channel_externalId: { channel, externalId } };
    const existing = await this.identityWithMember(channel, externalId);
    if (!existing) {
      try {
        return await this.prisma.member.create({
          data: {
            locale: pickLocale(who.languageCode, this.opts.defaultLocale),
            role: isAdmin ? 'ADMIN' : 'MEMBER',
            lastSeenAt: now,
            identities: { create: { channel, externalId, lastSeenAt: now } },
          },
        });
      } catch (e) {
        // Two first updates of one user raced (webhook mode without per-chat ordering): read the winner.
        if ((e as { code?: string }).code === 'P2002') {
          return (await this.prisma.channelIdentity.findUniqueOrThrow({ where: key, include: { member: true } })).member;
        }
        throw e;
      }
    }
    const member = existing.member;
    const promote = isAdmin && member.role !== 'ADMIN';
    const stale = !existing.lastSeenAt || now.getTime() - existing.lastSeenAt.getTime() > SEEN_REFRESH_MS;
    if (promote || !existing.reachable || stale) {
      return this.prisma.member.update({
        where: { id: member.id },
        data: {
          lastSeenAt: now,
          ...(promote ? { role: 'ADMIN' as Role } : {}),
          identities: { update: { where: { id: existing.id }, data: { lastSeenAt: now, reachable: true } } },
        },
      });
    }
    return member;
  }

  /**
   * The identity and its member in one round trip: this runs on every update, and Prisma's
   * `include` would spend a second query on the member (and Prisma ≈ 0.2 ms of CPU on any query:
   * it goes to the driver). Lookups asked in the same tick (updates of several members arriving
   * together) share one statement, as Prisma's own `findUnique` batching did: nothing is cached,
   * each answer is read when it is asked.
   */
  private identityWithMember(channel: Channel, externalId: string): Promise<IdentityWithMember | null> {
    let batch = this.lookups.get(channel);
    if (!batch) {
      batch = new Map();
      this.lookups.set(channel, batch);
      const asked = batch;
      process.nextTick(() => {
        this.lookups.delete(channel);
        void this.lookUp(channel, asked);
      });
    }
    const waiting = batch.get(externalId) ?? [];
    batch.set(externalId, waiting);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  }

  /** Reads one tick's lookups of a channel in one statement and answers each. */
  private async lookUp(channel: Channel, asked: Map<string, LookupWaiter[]>): Promise<void> {
    try {
      const rows = await this.sql.rows<LookupRow>(
        `SELECT ci.external_id AS ci_external_id, ci.id AS ci_id, ci.reachable AS ci_reachable, ci.last_seen_at AS ci_last_seen_at,
                m.id, m.full_name, m.name_search, m.unit_id, m.role::text AS role, m.locale, m.reminders_enabled,
                m.left_at, m.last_seen_at, m.pending_campaign, m.preferred_channel::text AS preferred_channel, m.created_at, m.updated_at
         FROM channel_identity ci JOIN member m ON m.id = ci.member_id
         WHERE ci.channel = $1::"Channel" AND ci.external_id = ANY($2::text[])`,
        [channel, [...asked.keys()]],
      );
      const found = new Map(rows.map((r) => [r.ci_external_id, r]));
      for (const [externalId, waiters] of asked) {
        const r = found.get(externalId);
        for (const w of waiters) w.resolve(r ? toIdentityWithMember(r) : null);
      }
    } catch (err) {
      for (const waiters of asked.values()) for (const w of waiters) w.reject(err);
    }
  }

  byId(id: number) {
    return this.prisma.member.findUnique({ where: { id }, include: { unit: true } });
  }

  /** The member behind a channel identity (with their unit), or null. */
  byIdentity(channel: Channel, externalId: string) {
    return this.prisma.member.findFirst({ where: { identities: { some: { channel, externalId } } }, include: { unit: true } });
  }

  /** A member's identities, most recently seen first. */
  identities(memberId: number) {
    return this.prisma.channelIdentity.findMany({ where: { memberId }, orderBy: [{ lastSeenAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }] });
  }

  /** The member's user id on a channel (for channel-side settings such as Telegram's per-chat command menu), or null. */
  async externalIdOf(memberId: number, channel: Channel): Promise<string | null> {
    const identity = await this.prisma.channelIdentity.findFirst({ where: { memberId, channel }, orderBy: { id: 'desc' } });
    return identity?.externalId ?? null;
  }

  /**
   * Saves the member's full name. A join request filed before they had one is told to the unit's
   * officers now (a request from a nameless person would say nothing to them), in the same transaction.
   */
  setName(memberId: number, fullName: string) {
    return this.prisma.$transaction(async (tx) => {
      const member = await tx.member.update({ where: { id: memberId }, data: { fullName, nameSearch: fold(fullName) } });
      if (this.opts.outbox) await notifyPendingJoin(tx, { outbox: this.opts.outbox, now: () => this.now() }, memberId);
      return member;
    });
  }

  /** The unit the member asked to join and is waiting for (a unit whose joining needs approval), if any. */
  async pendingJoin(memberId: number): Promise<{ unit: string } | null> {
    const request = await this.prisma.joinRequest.findUnique({ where: { memberId }, select: { unit: { select: { name: true } } } });
    return request ? { unit: request.unit.name } : null;
  }

  /** Sets a member's unit without any rule: fixtures and seeds only; people go through {@link changeOwnUnit} / {@link moveMember}. */
  setUnit(memberId: number, unitId: number) {
    return this.prisma.member.update({ where: { id: memberId }, data: { unitId }, include: { unit: true } });
  }

  /**
   * Remembers (or forgets, with null) the campaign link a member opened before joining: registration
   * for it follows their onboarding, on whichever channel they finish it.
   */
  setPendingCampaign(memberId: number, code: string | null) {
    return this.prisma.member.update({ where: { id: memberId }, data: { pendingCampaign: code } });
  }

  setLocale(memberId: number, locale: Locale) {
    return this.prisma.member.update({ where: { id: memberId }, data: { locale } });
  }

  /** Sets a role without any rule: fixtures and seeds only; people go through {@link changeRole}. */
  setRole(memberId: number, role: Role) {
    return this.prisma.member.update({ where: { id: memberId }, data: { role }, include: { unit: true } });
  }

  /**
   * Where a member linked on several channels wants the bot's messages (/settings): a channel they
   * have an identity on, or null for "the one I used last". Refused for a channel they are not on.
   */
  async setPreferredChannel(memberId: number, channel: Channel | null): Promise<{ ok: true; member: Member } | { ok: false; reason: 'not_on_channel' }> {
    if (channel && !(await this.prisma.channelIdentity.findFirst({ where: { memberId, channel }, select: { id: true } }))) {
      return { ok: false, reason: 'not_on_channel' };
    }
    return { ok: true, member: await this.prisma.member.update({ where: { id: memberId }, data: { preferredChannel: channel } }) };
  }

  /** Marks one channel identity unreachable after the channel refused a message (blocked bot, deleted chat). */
  markUnreachable(identityId: number) {
    return this.prisma.channelIdentity.update({ where: { id: identityId }, data: { reachable: false } });
  }

  /**
   * Members whose name matches every word of the query, diacritics ignored ("nguyen van a"
   * finds "Nguyễn Văn A"), optionally limited to a set of units.
   */
  async search(query: string, opts: { unitIds?: number[]; limit?: number } = {}) {
    const words = fold(query).split(' ').filter(Boolean);
    if (words.length === 0) return [];
    return this.prisma.member.findMany({
      where: {
        AND: words.map((w) => ({ nameSearch: { contains: w } })),
        ...(opts.unitIds ? { unitId: { in: opts.unitIds } } : {}),
      },
      include: { unit: true, identities: { select: { channel: true, externalId: true } } },
      orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
      take: opts.limit ?? 10,
    });
  }

  /** Officers and admins (for command menus after a restart, and officer notices). */
  staff() {
    return this.prisma.member.findMany({ where: { role: { in: ['OFFICER', 'ADMIN'] } }, include: { unit: true } });
  }

  // ---- Use cases that decide permissions (actor re-read, audit row in the same transaction) -----

  /** Whether one of the member's identities is listed in ADMIN_IDS (such admins are managed by configuration only). */
  isConfiguredAdmin(member: { identities: readonly IdentityKey[] }): boolean {
    return member.identities.some((i) => this.isListedAdmin(i.channel, i.externalId));
  }

  /**
   * A person changes their own unit (/profile, another unit's invite link, the onboarding picker).
   * Members move freely. An officer's unit is their scope, so an officer may only move *inside*
   * their own subtree (which narrows what they manage); anything else would hand them another
   * unit's whole subtree and is refused, naming who can make the move (admins, and officers whose
   * unit covers both units). Admins manage everything already, so their unit is theirs to change.
   *
   * The unit's join policy then applies to whoever does not manage it (domain/join-policy.ts): an
   * invite-only unit is joined only with its invite code (`invite`, what the link or message
   * carried — checked here against the unit's), and a unit that needs approval gets a join request
   * instead of the member (the person stays where they were, or in no unit, until an officer decides).
   * Joining a unit, or choosing to stay in one's own, drops a pending request elsewhere.
   * Moves of staff and every refusal are audited in the same transaction.
   */
  async changeOwnUnit(input: { actor: ActorRef; unitId: number; invite?: string }): Promise<ChangeUnitResult> {
    return this.prisma.$transaction(async (tx) => {
      const actor = await loadActor(tx, input.actor);
      if (!actor) return { ok: false as const, reason: 'not_found' as const };
      const unit = await tx.unit.findUnique({ where: { id: input.unitId } });
      if (!unit) return { ok: false as const, reason: 'unit_not_found' as const };
      if (actor.unitId === unit.id) {
        await tx.joinRequest.deleteMany({ where: { memberId: actor.id } });
        const member = await tx.member.findUniqueOrThrow({ where: { id: actor.id }, include: { unit: true } });
        return { ok: true as const, member, moved: false };
      }
      const current = actor.unitId ? await tx.unit.findUnique({ where: { id: actor.unitId } }) : null;
      const audit = { actorId: actor.id, actorRef: actor.ref, action: 'member.unit.change', target: `member:${actor.id}` };
      if (actor.role === 'OFFICER' && !inSubtree(unit.path, actor.unitPath)) {
        const whoCan = await this.whoCanMove(tx, actor.id, [current?.path, unit.path]);
        await writeAudit(tx, {
          ...audit,
          outcome: 'REFUSED',
          details: { reason: 'would_widen_scope', role: actor.role, from: actor.unitId, to: unit.id },
        });
        return { ok: false as const, reason: 'would_widen_scope' as const, currentUnit: current?.name ?? null, unit: unit.name, whoCan };
      }
      // Those who manage the unit could hand themselves its invite: the policy is for everyone else.
      const via: JoinVia = input.invite !== undefined && input.invite === unit.inviteCode ? 'INVITE' : 'PICKER';
      const outcome = manages(actor, unit.path) ? 'join' : joinOutcome(unit.joinPolicy, via);
      if (outcome === 'refuse') {
        await writeAudit(tx, { ...audit, outcome: 'REFUSED', details: { reason: 'invite_only', role: actor.role, from: actor.unitId, to: unit.id } });
        return { ok: false as const, reason: 'invite_only' as const, unit: unit.name };
      }
      if (outcome === 'request') {
        const deps = { outbox: this.requireOutbox(), now: () => this.now() };
        const filed = await fileJoinRequest(tx, deps, { member: actor, unit, via });
        return { ok: false as const, reason: 'approval_required' as const, unit: unit.name, requestId: filed.id, replaced: filed.replaced };
      }
      await tx.joinRequest.deleteMany({ where: { memberId: actor.id } });
      const member = await tx.member.update({ where: { id: actor.id }, data: { unitId: unit.id }, include: { unit: true } });
      // A member's first unit is onboarding, not a move; staff moves and member moves are recorded.
      if (current) await writeAudit(tx, { ...audit, details: { role: actor.role, from: current.id, to: unit.id, via } });
      return { ok: true as const, member, moved: true };
    });
  }

  /** The outbox, which the composition root always gives (fixtures building a bare service do not file join requests). */
  private requireOutbox(): OutboxService {
    if (!this.opts.outbox) throw new Error('MemberService needs the outbox to file join requests');
    return this.opts.outbox;
  }

  /**
   * Moves another member to a unit: admins anywhere; an officer when both the member's current
   * unit and the new one lie in the officer's subtree (so the move widens nobody beyond what the
   * officer already manages). Admins are moved only by admins. Audited, refusals included. A join
   * request the person still has pending is withdrawn with the move.
   */
  async moveMember(input: { actor: ActorRef; memberId: number; unitId: number }): Promise<MoveMemberResult> {
    return this.prisma.$transaction(async (tx) => {
      const actor = await loadActor(tx, input.actor);
      const target = await tx.member.findUnique({ where: { id: input.memberId }, include: { unit: true } });
      const unit = await tx.unit.findUnique({ where: { id: input.unitId } });
      if (!actor || !target) return { ok: false as const, reason: 'not_found' as const };
      if (!unit) return { ok: false as const, reason: 'unit_not_found' as const };
      const allowed =
        actor.role === 'ADMIN' || (target.role !== 'ADMIN' && (!target.unit || manages(actor, target.unit.path)) && manages(actor, unit.path));
      const audit = { actorId: actor.id, actorRef: actor.ref, action: 'member.move', target: `member:${target.id}` };
      if (!allowed) {
        await writeAudit(tx, { ...audit, outcome: 'REFUSED', details: { reason: 'out_of_scope', role: actor.role, from: target.unitId, to: unit.id } });
        return { ok: false as const, reason: 'forbidden' as const };
      }
      // A request to join some unit, still waiting, is void once staff have placed the person: an
      // officer approving it later would move them again.
      const withdrawn = await tx.joinRequest.deleteMany({ where: { memberId: target.id } });
      const member = await tx.member.update({ where: { id: target.id }, data: { unitId: unit.id }, include: { unit: true } });
      await writeAudit(tx, { ...audit, details: { role: target.role, from: target.unitId, to: unit.id, ...(withdrawn.count > 0 ? { joinRequestWithdrawn: true } : {}) } });
      return { ok: true as const, member, from: target.unit?.name ?? null };
    });
  }

  /**
   * /moveunit UNIT_CODE | name: whom the actor may move into the unit — people matching the name
   * inside the actor's subtree (admins: anywhere), not already there. Refused (and audited) unless
   * the actor manages the unit; {@link moveMember} decides again when the move is confirmed.
   */
  async moveCandidates(input: { actor: ActorRef; unitCode: string; query: string }): Promise<
    | { ok: true; unit: Unit; found: MemberWithUnit[] }
    | { ok: false; reason: 'unit_not_found' }
    | { ok: false; reason: AuthRefusal; unit: string }
  > {
    const unit = await this.prisma.unit.findUnique({ where: { code: input.unitCode } });
    const who = await authorize(this.prisma, input.actor, {
      action: 'member.move',
      need: 'OFFICER',
      target: unit ? `unit:${unit.id}` : null,
      ...(unit ? { path: unit.path } : {}),
    });
    if (!who.ok) return { ok: false, reason: who.reason, unit: unit?.name ?? input.unitCode };
    if (!unit) return { ok: false, reason: 'unit_not_found' };
    const within = who.actor.role === 'ADMIN' ? {} : { unit: { path: subtreeFilter(who.actor.unitPath ?? '-') } };
    const words = fold(input.query).split(' ').filter(Boolean);
    if (words.length === 0) return { ok: true, unit, found: [] };
    const found = await this.prisma.member.findMany({
      // Not already in the unit (people without a unit, who only admins reach, included).
      where: { AND: [...words.map((w) => ({ nameSearch: { contains: w } })), { OR: [{ unitId: null }, { unitId: { not: unit.id } }] }], ...within },
      include: { unit: true },
      orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
      take: 8,
    });
    return { ok: true, unit, found };
  }

  /**
   * People who may move a member whose current and new units are at `paths`: officers whose unit
   * is an ancestor of (or equal to) every one of them, nearest first, then admins.
   */
  private async whoCanMove(db: Db, excludeId: number, paths: Array<string | null | undefined>): Promise<MoveAuthority[]> {
    const known = paths.filter((p): p is string => !!p);
    const common = known.length === 0 ? [] : ancestorPaths(known[0]!).filter((a) => known.every((p) => inSubtree(p, a)));
    const officers =
      common.length === 0
        ? []
        : await db.member.findMany({
            where: { role: 'OFFICER', leftAt: null, fullName: { not: null }, id: { not: excludeId }, unit: { path: { in: common } } },
            include: { unit: true },
          });
    officers.sort((a, b) => (b.unit?.path.length ?? 0) - (a.unit?.path.length ?? 0) || a.id - b.id);
    const admins = await db.member.findMany({
      where: { role: 'ADMIN', leftAt: null, fullName: { not: null }, id: { not: excludeId } },
      orderBy: { id: 'asc' },
      take: MAX_AUTHORITIES,
    });
    return [...officers.map((o) => ({ name: o.fullName!, unit: o.unit?.name ?? null })), ...admins.map((a) => ({ name: a.fullName!, unit: null }))].slice(
      0,
      MAX_AUTHORITIES,
    );
  }

  /**
   * Grants (OFFICER) or revokes (MEMBER) the officer role. Only admins decide; an admin who is not
   * listed in ADMIN_IDS can be revoked like an officer, one listed there only by editing the
   * configuration (the next start would promote them again). Audited in the same transaction.
   */
  async changeRole(input: { actor: ActorRef; memberId: number; role: 'OFFICER' | 'MEMBER' }): Promise<ChangeRoleResult> {
    const action = input.role === 'OFFICER' ? 'role.grant' : 'role.revoke';
    return this.prisma.$transaction(async (tx) => {
      const actor = await loadActor(tx, input.actor);
      const target = await tx.member.findUnique({ where: { id: input.memberId }, include: { unit: true, identities: true } });
      const refuse = async <R extends ChangeRoleResult>(result: R): Promise<R> => {
        if (result.ok) return result;
        await writeAudit(tx, { actorId: actor?.id ?? null, actorRef: actor?.ref ?? null, action, outcome: 'REFUSED', target: `member:${input.memberId}`, details: { ...result } });
        return result;
      };
      if (!actor || actor.role !== 'ADMIN') return refuse({ ok: false, reason: 'forbidden' } as const);
      if (!target) return { ok: false as const, reason: 'not_found' as const };
      if (input.role === 'OFFICER') {
        if (target.role !== 'MEMBER') return { ok: false as const, reason: 'already' as const, role: target.role };
        if (!target.unitId) return { ok: false as const, reason: 'no_unit' as const };
      } else {
        if (target.role === 'MEMBER') return { ok: false as const, reason: 'already' as const, role: target.role };
        if (target.role === 'ADMIN' && this.isConfiguredAdmin(target)) return refuse({ ok: false, reason: 'configured_admin' } as const);
      }
      const member = await tx.member.update({ where: { id: target.id }, data: { role: input.role }, include: { unit: true } });
      await writeAudit(tx, { actorId: actor.id, actorRef: actor.ref, action, target: `member:${target.id}`, details: { unitId: target.unitId, from: target.role } });
      // The person learns it from the bot, with what they can now (or no longer) do — in the same
      // transaction, so a role change is never made without its notice queued.
      const to = this.opts.outbox ? (await recipientsOf(tx, [target.id])).get(target.id) : undefined;
      if (to) {
        const at = (this.opts.now ?? (() => new Date()))();
        await this.opts.outbox!.enqueue(
          [{ ...to, memberId: target.id, message: roleChangeMessage({ granted: input.role === 'OFFICER', unit: member.unit?.name ?? '', by: actor.fullName ?? '', from: target.role }), dedupeKey: `role:${target.id}:${action}:${at.getTime()}` }],
          tx,
        );
      }
      return { ok: true as const, member, from: target.role };
    });
  }

  /**
   * Run at every start: admins none of whose identities is still in ADMIN_IDS become members again,
   * each demotion audited. Without it, removing someone from the configuration would leave them an
   * admin for ever (promotion happens on first contact, but nothing took the role back).
   *
   * @returns the members demoted
   */
  async demoteUnlistedAdmins(): Promise<Member[]> {
    const listed = parseAdminIds(this.opts.adminIds);
    return this.prisma.$transaction(async (tx) => {
      const stale = await tx.member.findMany({
        where: { role: 'ADMIN', ...(listed.length > 0 ? { NOT: { identities: { some: { OR: listed } } } } : {}) },
      });
      const demoted: Member[] = [];
      for (const m of stale) {
        demoted.push(await tx.member.update({ where: { id: m.id }, data: { role: 'MEMBER' } }));
        await writeAudit(tx, { actorRef: 'config:ADMIN_IDS', action: 'role.demote', target: `member:${m.id}`, details: { from: 'ADMIN', reason: 'not_in_ADMIN_IDS' } });
      }
      return demoted;
    });
  }
}
