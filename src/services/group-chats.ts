import type { PrismaClient } from '../generated/prisma/client.js';

/**
 * Nhóm chat của đơn vị: a unit's Telegram group, linked by an officer with /linkgroup so launch
 * announcements and follow-ups reach the group as well as each member.
 */
export class GroupChatService {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Links (or re-links) a chat to a unit. A chat belongs to one unit: linking it again from another
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
