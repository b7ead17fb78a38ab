import type { GroupChat, PrismaClient, Unit } from '../generated/prisma/client.js';
import { isStaff, loadActor, manages, type ActorRef } from './actors.js';
import { writeAudit } from './audit.js';

/** Why linking a group chat was refused. */
export type GroupLinkRefusal = 'not_officer' | 'no_unit' | 'not_chat_admin' | 'unit_changed' | 'unknown_unit' | 'out_of_scope';

/** The message each refusal is told with, on every channel (locales/*.ftl keys). */
export const GROUP_LINK_REFUSAL_KEYS: Record<GroupLinkRefusal, string> = {
  not_officer: 'group-link-forbidden',
  no_unit: 'officer-needs-unit',
  not_chat_admin: 'group-link-not-chat-admin',
  unit_changed: 'button-expired',
  unknown_unit: 'group-link-unknown-unit',
  out_of_scope: 'group-link-out-of-scope',
};

/** Result of {@link GroupChatService.linkByOfficer}. */
export type LinkGroupResult =
  | { ok: true; group: GroupChat & { unit: Unit }; movedFrom: string | null }
  | { ok: false; reason: GroupLinkRefusal }
  /** The chat is linked to another unit: ask the officer to confirm the move (`confirmMove`). */
  | { ok: false; reason: 'needs_confirmation'; currentUnit: string; unit: string; unitId: number };

/**
 * Nhóm chat của đơn vị: a unit's Telegram or Zalo group, linked by an officer with /linkgroup so launch
 * announcements and follow-ups reach the group as well as each member.
 */
export class GroupChatService {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * /linkgroup: an officer links the group they are in to their own unit. Allowed only when the
   * sender is an officer (or admin) with a unit — re-read now — *and* an administrator of that
   * group (the channel asks the platform and passes the answer as `senderIsChatAdmin`): anyone can
   * add a bot to a group, so without the second check an officer could pull a random group into
   * their broadcasts. A group already linked to another unit moves only when the officer confirms
   * (`confirmMove` with the unit they saw, `expectUnitId`). Every outcome is audited in the same
   * transaction.
   *
   * `senderIsChatAdmin: null` is for platforms that cannot say (Zalo's Bot API has no
   * getChatMember): the officer role and scope are then the whole check, and the audit row says
   * the group-admin check was not possible. `unitRef` (a unit's invite code or code) links to that
   * unit instead of the officer's own, refused outside the officer's scope.
   */
  async linkByOfficer(input: {
    actor: ActorRef;
    chatId: string;
    title: string | null;
    senderIsChatAdmin: boolean | null;
    unitRef?: string;
    confirmMove?: boolean;
    expectUnitId?: number;
    channel?: 'TELEGRAM' | 'ZALO';
  }): Promise<LinkGroupResult> {
    const channel = input.channel ?? 'TELEGRAM';
    return this.prisma.$transaction(async (tx) => {
      const actor = await loadActor(tx, input.actor);
      const audit = { actorId: input.actor.id, actorRef: actor?.ref ?? null, action: 'group.link', target: `chat:${input.chatId}` };
      const refuse = async <R extends LinkGroupResult>(result: R, details: Record<string, string | number | null> = {}): Promise<R> => {
        await writeAudit(tx, { ...audit, outcome: 'REFUSED', details: { reason: result.ok ? null : result.reason, role: actor?.role ?? null, ...details } });
        return result;
      };
      if (!isStaff(actor)) return refuse({ ok: false, reason: 'not_officer' } as const);
      if (!actor.unitId) return refuse({ ok: false, reason: 'no_unit' } as const);
      if (input.senderIsChatAdmin === false) return refuse({ ok: false, reason: 'not_chat_admin' } as const);
      const ref = input.unitRef?.trim().replace(/^u_/i, '');
      const named = ref ? await tx.unit.findFirst({ where: { OR: [{ inviteCode: ref.toLowerCase() }, { code: ref }, { code: { equals: ref, mode: 'insensitive' } }] } }) : null;
      if (ref && !named) return refuse({ ok: false, reason: 'unknown_unit' } as const, { unitRef: ref.slice(0, 64) });
      if (named && !manages(actor, named.path)) return refuse({ ok: false, reason: 'out_of_scope' } as const, { unitId: named.id });
      const unit = named ?? (await tx.unit.findUniqueOrThrow({ where: { id: actor.unitId } }));
      if (input.expectUnitId !== undefined && input.expectUnitId !== unit.id) return refuse({ ok: false, reason: 'unit_changed' } as const);
      const existing = await tx.groupChat.findUnique({ where: { channel_chatId: { channel, chatId: input.chatId } }, include: { unit: true } });
      const moving = !!existing && existing.unitId !== unit.id;
      if (moving && !input.confirmMove) {
        // Not a refusal yet: nothing changes until the officer confirms.
        return { ok: false as const, reason: 'needs_confirmation' as const, currentUnit: existing.unit.name, unit: unit.name, unitId: unit.id };
      }
      const group = await tx.groupChat.upsert({
        where: { channel_chatId: { channel, chatId: input.chatId } },
        create: { channel, chatId: input.chatId, title: input.title, unitId: unit.id, linkedById: actor.id },
        update: { title: input.title, unitId: unit.id, linkedById: actor.id, active: true, linkedAt: new Date() },
        include: { unit: true },
      });
      await writeAudit(tx, {
        ...audit,
        target: `group_chat:${group.id}`,
        details: { unitId: unit.id, chatId: input.chatId, channel, ...(input.senderIsChatAdmin === null ? { chatAdmin: 'unknown' } : {}), ...(moving ? { movedFromUnitId: existing.unitId } : {}) },
      });
      return { ok: true as const, group, movedFrom: moving ? existing.unit.name : null };
    });
  }

  /**
   * Links (or re-links) a chat to a unit without any check — fixtures and seeds; people go through
   * {@link linkByOfficer}. A chat belongs to one unit: linking it again from another
   * unit moves it, and a group the bot had left becomes active again.
   */
  async link(input: { chatId: string; title: string | null; unitId: number; linkedById: number; channel?: 'TELEGRAM' | 'ZALO' }) {
    const channel = input.channel ?? 'TELEGRAM';
    return this.prisma.groupChat.upsert({
      where: { channel_chatId: { channel, chatId: input.chatId } },
      create: { channel, chatId: input.chatId, title: input.title, unitId: input.unitId, linkedById: input.linkedById },
      update: { title: input.title, unitId: input.unitId, linkedById: input.linkedById, active: true, linkedAt: new Date() },
      include: { unit: true },
    });
  }

  /** The bot was removed from the group: stop sending there (the link is kept for a re-add). */
  async deactivate(chatId: string, channel: 'TELEGRAM' | 'ZALO' = 'TELEGRAM'): Promise<void> {
    await this.prisma.groupChat.updateMany({ where: { channel, chatId }, data: { active: false } });
  }

  byChat(chatId: string, channel: 'TELEGRAM' | 'ZALO' = 'TELEGRAM') {
    return this.prisma.groupChat.findUnique({ where: { channel_chatId: { channel, chatId } }, include: { unit: true } });
  }
}
