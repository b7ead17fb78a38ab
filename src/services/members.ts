import type { Member, PrismaClient, Role } from '../generated/prisma/client.js';
import { fold } from '../domain/text.js';

export type { Member };

/** What a channel tells us about the person writing. */
export interface TelegramIdentity {
  telegramId: number | bigint;
  firstName: string;
  lastName?: string | undefined;
  languageCode?: string | undefined;
}

/** Locales the bot speaks; anything else falls back to the default. */
export const SUPPORTED_LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export function pickLocale(languageCode: string | undefined, fallback: Locale): Locale {
  const base = (languageCode ?? '').toLowerCase().split('-')[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : fallback;
}

/** How often `lastSeenAt` is refreshed: every update would be a write per message. */
const SEEN_REFRESH_MS = 5 * 60_000;

/**
 * Thành viên — members, officers and admins. Knows nothing about Telegram beyond its numeric id,
 * so the Zalo channel can call the same methods with its own identity later.
 */
export class MemberService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly opts: { adminIds: readonly string[]; defaultLocale: Locale; now?: () => Date },
  ) {}

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  /**
   * Finds the member behind a Telegram user, creating the row on first contact. Admins listed in
   * ADMIN_IDS are promoted from their first message; a member marked unreachable (they had blocked
   * the bot) becomes reachable again because they are writing to us now.
   */
  async touchTelegram(who: TelegramIdentity): Promise<Member> {
    const telegramId = BigInt(who.telegramId);
    const isAdmin = this.opts.adminIds.includes(telegramId.toString());
    const now = this.now();
    const existing = await this.prisma.member.findUnique({ where: { telegramId } });
    if (!existing) {
      try {
        return await this.prisma.member.create({
          data: {
            telegramId,
            locale: pickLocale(who.languageCode, this.opts.defaultLocale),
            role: isAdmin ? 'ADMIN' : 'MEMBER',
            lastSeenAt: now,
          },
        });
      } catch (e) {
        // Two first updates of one user raced (webhook mode without per-chat ordering): read the winner.
        if ((e as { code?: string }).code === 'P2002') {
          return this.prisma.member.findUniqueOrThrow({ where: { telegramId } });
        }
        throw e;
      }
    }
    const promote = isAdmin && existing.role !== 'ADMIN';
    const stale = !existing.lastSeenAt || now.getTime() - existing.lastSeenAt.getTime() > SEEN_REFRESH_MS;
    if (promote || !existing.reachable || stale) {
      return this.prisma.member.update({
        where: { id: existing.id },
        data: { lastSeenAt: now, reachable: true, ...(promote ? { role: 'ADMIN' as Role } : {}) },
      });
    }
    return existing;
  }

  byId(id: number) {
    return this.prisma.member.findUnique({ where: { id }, include: { unit: true } });
  }

  byTelegramId(telegramId: number | bigint | string) {
    return this.prisma.member.findUnique({ where: { telegramId: BigInt(telegramId) }, include: { unit: true } });
  }

  setName(memberId: number, fullName: string) {
    return this.prisma.member.update({ where: { id: memberId }, data: { fullName, nameSearch: fold(fullName) } });
  }

  setUnit(memberId: number, unitId: number) {
    return this.prisma.member.update({ where: { id: memberId }, data: { unitId }, include: { unit: true } });
  }

  setLocale(memberId: number, locale: Locale) {
    return this.prisma.member.update({ where: { id: memberId }, data: { locale } });
  }

  setRole(memberId: number, role: Role) {
    return this.prisma.member.update({ where: { id: memberId }, data: { role }, include: { unit: true } });
  }

  /** Marks a member unreachable after the channel refused a message (blocked bot, deleted chat). */
  markUnreachable(memberId: number) {
    return this.prisma.member.update({ where: { id: memberId }, data: { reachable: false } });
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
      include: { unit: true },
      orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
      take: opts.limit ?? 10,
    });
  }

  /** Officers and admins (for command menus after a restart, and officer notices). */
  staff() {
    return this.prisma.member.findMany({ where: { role: { in: ['OFFICER', 'ADMIN'] } }, include: { unit: true } });
  }
}
