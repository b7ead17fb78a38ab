/**
 * One person, two channels (issue 10): `/link` on one channel gives a member a six-digit code valid
 * ten minutes; the code sent from another channel — where the bot knows that person as another
 * member, usually a fresh one — merges the two members into one. The member who asked for the code
 * survives (their unit, role and name stay); the other one's identities and everything they did move
 * over, and their empty row goes. One transaction, audited (`member.link`, OK and REFUSED).
 *
 * Refused: a wrong code (five wrong tries in ten minutes lock the trying member out for the rest of
 * those ten minutes, counted from their own REFUSED audit rows), an expired one, one's own code, two
 * members who both have an identity on the same channel, and two members who both registered for
 * the same campaign — unless the person said which registration to keep.
 */
import { randomInt } from 'node:crypto';
import type { Channel, Member, PrismaClient, RegistrationStatus } from '../generated/prisma/client.js';
import { loadActor, type ActorRef, type Db } from './actors.js';
import { writeAudit } from './audit.js';

/** How long a code is valid. */
export const LINK_CODE_TTL_MS = 10 * 60_000;
/** Wrong codes a member may send in {@link WRONG_TRY_WINDOW_MS} before being locked out. */
export const MAX_WRONG_TRIES = 5;
/** The window wrong tries are counted in (and the longest a lock lasts). */
export const WRONG_TRY_WINDOW_MS = 10 * 60_000;

/** The audit action of linking (and of every refusal to link). */
export const LINK_ACTION = 'member.link';
/** The audit action of asking for a code. */
const CODE_ACTION = 'member.link.code';
/** How often issuing retries when a random code is taken. */
const CODE_ATTEMPTS = 5;

/** The order channels are named and offered in, whichever was used last. */
export const CHANNEL_ORDER: readonly Channel[] = ['TELEGRAM', 'ZALO'];

/** True for what a member must type: six digits. */
export function isLinkCode(s: string): boolean {
  return /^\d{6}$/.test(s);
}

/** Which of the two registrations for one campaign survives the merge. */
export type KeepSide = 'issuer' | 'redeemer';

/** One side of a registration conflict, as the person is shown it. */
export interface ConflictSide {
  registrationId: number;
  titleCode: string;
  /** A campaign's own honour's name (standard titles are named by the locale files). */
  titleName: string | null;
  status: RegistrationStatus;
}

/** A campaign both members registered for: one registration has to go. */
export interface LinkConflict {
  campaignId: number;
  campaignTitle: string;
  issuer: ConflictSide;
  redeemer: ConflictSide;
}

/** What redeeming a code would do, for the confirmation. */
export interface LinkPreview {
  issuer: { id: number; name: string | null; unit: string | null; channels: Channel[] };
  redeemer: { id: number; channels: Channel[] };
  /** The channel the code was asked on. */
  codeChannel: Channel;
  conflicts: LinkConflict[];
}

/** Why a code was not accepted. */
export type LinkRefusal =
  | { ok: false; reason: 'not_found' | 'wrong_code' | 'expired' | 'same_channel' }
  /** The member sent the code on the channel they asked for it on. */
  | { ok: false; reason: 'own_code'; channel: Channel }
  /** The code is the member's own, sent from another of their channels: the two are one already. */
  | { ok: false; reason: 'already_linked' }
  /** Too many wrong codes: `until` is when a try is accepted again. */
  | { ok: false; reason: 'locked'; until: Date }
  /** Both registered for these campaigns and the person has not said which registration to keep. */
  | { ok: false; reason: 'conflict'; conflicts: LinkConflict[] };

/** The result of {@link IdentityLinkService.link}. */
export type LinkResult = { ok: true; member: Member; mergedFrom: number; channels: Channel[] } | LinkRefusal;

/** What a code is redeemed with: who types it, on which channel, and the clock. */
export interface RedeemInput {
  actor: ActorRef;
  /** The channel the code is typed on. */
  channel: Channel;
  code: string;
  now: Date;
}

/** The two members a valid code joins, read inside the transaction that checks it. */
interface Pair {
  issuerId: number;
  redeemerId: number;
  codeChannel: Channel;
  actorRef: string | null;
}

export class IdentityLinkService {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * A new code for the member, on the channel they asked on; the member's previous code (if any)
   * stops working, and expired codes of everybody are cleared on the way. Audited without the code.
   */
  async issue(input: { actor: ActorRef; channel: Channel; now: Date }): Promise<{ ok: true; code: string; expiresAt: Date } | { ok: false; reason: 'not_found' }> {
    const expiresAt = new Date(input.now.getTime() + LINK_CODE_TTL_MS);
    for (let attempt = 1; ; attempt++) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      try {
        return await this.prisma.$transaction(async (tx) => {
          const actor = await loadActor(tx, input.actor);
          if (!actor) return { ok: false as const, reason: 'not_found' as const };
          await tx.linkCode.deleteMany({ where: { OR: [{ memberId: actor.id }, { expiresAt: { lte: input.now } }] } });
          await tx.linkCode.create({ data: { memberId: actor.id, code, channel: input.channel, expiresAt, createdAt: input.now } });
          await writeAudit(tx, { actorId: actor.id, actorRef: actor.ref, action: CODE_ACTION, target: `member:${actor.id}`, details: { channel: input.channel, expiresAt: expiresAt.toISOString() }, at: input.now });
          return { ok: true as const, code, expiresAt };
        });
      } catch (e) {
        // Another live code has these digits (or the member asked twice at once): draw again.
        if ((e as { code?: string }).code === 'P2002' && attempt < CODE_ATTEMPTS) continue;
        throw e;
      }
    }
  }

  /**
   * Checks a code without using it, for the confirmation: who it joins and which campaigns both
   * registered for. A refusal is audited — a wrong code counts towards the lock.
   */
  async preview(input: RedeemInput): Promise<{ ok: true; preview: LinkPreview } | LinkRefusal> {
    return this.prisma.$transaction(async (tx) => {
      const pair = await this.validate(tx, input);
      if ('reason' in pair) return pair;
      // One query at a time: a transaction has one connection (and PGlite only one at all).
      const issuer = await tx.member.findUniqueOrThrow({ where: { id: pair.issuerId }, include: { unit: true } });
      const issuerIds = await channelsOf(tx, pair.issuerId);
      const redeemerIds = await channelsOf(tx, pair.redeemerId);
      const conflicts = await conflictsOf(tx, pair.issuerId, pair.redeemerId);
      return {
        ok: true as const,
        preview: {
          issuer: { id: issuer.id, name: issuer.fullName, unit: issuer.unit?.name ?? null, channels: issuerIds },
          redeemer: { id: pair.redeemerId, channels: redeemerIds },
          codeChannel: pair.codeChannel,
          conflicts,
        },
      };
    });
  }

  /**
   * Redeems a code: merges the member typing it into the member who asked for it, in one
   * transaction. `keep` says, per campaign id, which registration survives where both registered;
   * a conflict without an answer refuses the whole link. Everything is checked again here (the code
   * may have expired while the person read the confirmation).
   */
  async link(input: RedeemInput & { keep?: Readonly<Record<number, KeepSide>> }): Promise<LinkResult> {
    return this.prisma.$transaction(async (tx) => {
      const pair = await this.validate(tx, input);
      if ('reason' in pair) return pair;
      const { issuerId: a, redeemerId: b } = pair;
      const audit = { actorId: b, actorRef: pair.actorRef, action: LINK_ACTION, target: `member:${a}`, at: input.now };

      const conflicts = await conflictsOf(tx, a, b);
      const unresolved = conflicts.filter((c) => !input.keep?.[c.campaignId]);
      if (unresolved.length > 0) {
        await writeAudit(tx, { ...audit, outcome: 'REFUSED', details: { reason: 'conflict', campaigns: unresolved.map((c) => c.campaignId) } });
        return { ok: false as const, reason: 'conflict' as const, conflicts: unresolved };
      }
      // The registration not kept goes (its commitments with it); the kept one ends up the issuer's.
      const dropped = conflicts.map((c) => (input.keep![c.campaignId] === 'issuer' ? c.redeemer : c.issuer).registrationId);
      if (dropped.length > 0) await tx.registration.deleteMany({ where: { id: { in: dropped } } });

      const issuer = await tx.member.findUniqueOrThrow({ where: { id: a } });
      const redeemer = await tx.member.findUniqueOrThrow({ where: { id: b } });
      const from = { memberId: b };
      // A reminder both were planned for is sent once: the issuer's stays, the redeemer's goes.
      await tx.$executeRaw`
        DELETE FROM reminder r USING reminder k
        WHERE r.member_id = ${b} AND k.member_id = ${a} AND k.milestone_id = r.milestone_id
          AND k.milestone_revision = r.milestone_revision AND k.offset_minutes = r.offset_minutes`;
      const moved = {
        identities: (await tx.channelIdentity.updateMany({ where: from, data: { memberId: a } })).count,
        registrations: (await tx.registration.updateMany({ where: from, data: { memberId: a } })).count,
        reports: (await tx.progressReport.updateMany({ where: from, data: { memberId: a } })).count,
        deliveries: (await tx.delivery.updateMany({ where: from, data: { memberId: a } })).count,
        reminders: (await tx.reminder.updateMany({ where: from, data: { memberId: a } })).count,
      };
      await tx.registration.updateMany({ where: { submittedById: b }, data: { submittedById: a } });
      await tx.registration.updateMany({ where: { decidedById: b }, data: { decidedById: a } });
      await tx.reviewReport.updateMany({ where: { submittedById: b }, data: { submittedById: a } });
      await tx.campaign.updateMany({ where: { createdById: b }, data: { createdById: a } });
      await tx.broadcast.updateMany({ where: { createdById: b }, data: { createdById: a } });
      await tx.groupChat.updateMany({ where: { linkedById: b }, data: { linkedById: a } });
      // Awards (vinh danh) follow the person; one both accounts received is kept once.
      await tx.$executeRaw`
        DELETE FROM award r USING award k
        WHERE r.member_id = ${b} AND k.member_id = ${a} AND k.campaign_id = r.campaign_id AND k.honour_key = r.honour_key`;
      await tx.award.updateMany({ where: from, data: { memberId: a } });
      await tx.award.updateMany({ where: { recordedById: b }, data: { recordedById: a } });
      // The audit log is never rewritten: what the redeemer did stays under their old id (and channel
      // ref); the member.link row below records `mergedFrom`, which leads from that id to this member.
      await tx.linkCode.deleteMany({ where: { memberId: { in: [a, b] } } });
      await tx.member.delete({ where: { id: b } });

      // The issuer keeps unit, role, name and settings; only what they lack (a name, a unit, a campaign link opened before joining) is taken from the other.
      const lastSeen = [issuer.lastSeenAt, redeemer.lastSeenAt].filter((d): d is Date => !!d).sort((x, y) => y.getTime() - x.getTime())[0] ?? null;
      const member = await tx.member.update({
        where: { id: a },
        data: {
          lastSeenAt: lastSeen,
          ...(issuer.fullName === null && redeemer.fullName !== null ? { fullName: redeemer.fullName, nameSearch: redeemer.nameSearch } : {}),
          ...(issuer.unitId === null && redeemer.unitId !== null ? { unitId: redeemer.unitId } : {}),
          ...(issuer.pendingCampaign === null && redeemer.pendingCampaign !== null ? { pendingCampaign: redeemer.pendingCampaign } : {}),
        },
      });
      const channels = await channelsOf(tx, a);
      await writeAudit(tx, {
        ...audit,
        actorId: a,
        details: {
          mergedFrom: b,
          channels,
          codeChannel: pair.codeChannel,
          redeemerRole: redeemer.role,
          redeemerUnitId: redeemer.unitId,
          kept: conflicts.map((c) => ({ campaignId: c.campaignId, side: input.keep![c.campaignId]! })),
          moved,
        },
      });
      return { ok: true as const, member, mergedFrom: b, channels };
    });
  }

  /**
   * The checks every redemption makes, in order, inside the caller's transaction: the member, the
   * lock, the code, whose it is, the channels. A refusal is audited here.
   */
  private async validate(tx: Db, input: RedeemInput): Promise<Pair | LinkRefusal> {
    // One redemption per member at a time: concurrent wrong tries cannot slip past the count.
    await tx.$queryRaw`SELECT id FROM member WHERE id = ${input.actor.id} FOR UPDATE`;
    const actor = await loadActor(tx, input.actor);
    if (!actor) return { ok: false, reason: 'not_found' };
    const refuse = async <R extends LinkRefusal>(refusal: R, details: Record<string, string | number> = {}): Promise<R> => {
      await writeAudit(tx, {
        actorId: actor.id,
        actorRef: actor.ref,
        action: LINK_ACTION,
        outcome: 'REFUSED',
        target: `member:${actor.id}`,
        details: { reason: refusal.reason, channel: input.channel, ...details },
        at: input.now,
      });
      return refusal;
    };

    const since = new Date(input.now.getTime() - WRONG_TRY_WINDOW_MS);
    const wrong = await tx.auditLog.findMany({
      where: { action: LINK_ACTION, outcome: 'REFUSED', actorId: actor.id, at: { gt: since, lte: input.now }, details: { path: ['reason'], equals: 'wrong_code' } },
      orderBy: { at: 'desc' },
      take: MAX_WRONG_TRIES,
      select: { at: true },
    });
    if (wrong.length >= MAX_WRONG_TRIES) {
      const until = new Date(wrong[MAX_WRONG_TRIES - 1]!.at.getTime() + WRONG_TRY_WINDOW_MS);
      return refuse({ ok: false, reason: 'locked', until }, { until: until.toISOString() });
    }

    const code = isLinkCode(input.code) ? await tx.linkCode.findUnique({ where: { code: input.code } }) : null;
    if (!code) return refuse({ ok: false, reason: 'wrong_code' });
    if (code.expiresAt <= input.now) {
      await tx.linkCode.delete({ where: { id: code.id } });
      return refuse({ ok: false, reason: 'expired' }, { issuer: code.memberId });
    }
    if (code.memberId === actor.id) {
      if (code.channel === input.channel) return refuse({ ok: false, reason: 'own_code', channel: code.channel });
      return refuse({ ok: false, reason: 'already_linked' });
    }
    const issuerChannels = await channelsOf(tx, code.memberId);
    const redeemerChannels = await channelsOf(tx, actor.id);
    const shared = issuerChannels.filter((c) => redeemerChannels.includes(c));
    if (shared.length > 0) return refuse({ ok: false, reason: 'same_channel' }, { issuer: code.memberId, channels: shared.join(',') });
    return { issuerId: code.memberId, redeemerId: actor.id, codeChannel: code.channel, actorRef: actor.ref };
  }
}

/** The channels a member has an identity on, in {@link CHANNEL_ORDER}. */
async function channelsOf(db: Db, memberId: number): Promise<Channel[]> {
  const on = new Set((await db.channelIdentity.findMany({ where: { memberId }, select: { channel: true } })).map((r) => r.channel));
  return CHANNEL_ORDER.filter((c) => on.has(c));
}

/** Campaigns both members registered for (individually), each side's registration. */
async function conflictsOf(db: Db, issuerId: number, redeemerId: number): Promise<LinkConflict[]> {
  const regs = await db.registration.findMany({
    where: { memberId: { in: [issuerId, redeemerId] } },
    include: { campaign: { select: { title: true, titles: { select: { code: true, name: true } } } } },
    orderBy: { campaignId: 'asc' },
  });
  const side = (r: (typeof regs)[number]): ConflictSide => ({
    registrationId: r.id,
    titleCode: r.titleCode,
    titleName: r.campaign.titles.find((t) => t.code === r.titleCode)?.name ?? null,
    status: r.status,
  });
  const out: LinkConflict[] = [];
  for (const mine of regs.filter((r) => r.memberId === issuerId)) {
    const theirs = regs.find((r) => r.memberId === redeemerId && r.campaignId === mine.campaignId);
    if (theirs) out.push({ campaignId: mine.campaignId, campaignTitle: mine.campaign.title, issuer: side(mine), redeemer: side(theirs) });
  }
  return out;
}
