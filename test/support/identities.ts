/**
 * Test fixtures for channel identities: members are reached through `channel_identity` rows, so a
 * fixture member "on Telegram as 42" is a member plus its TELEGRAM identity.
 */
import type { Prisma, PrismaClient } from '../../src/generated/prisma/client.js';

/** The nested `identities` create of a member reached on Telegram as `id`: `member.create({ data: { identities: telegram(42), … } })`. */
export function telegram(id: number | bigint | string) {
  return { create: { channel: 'TELEGRAM' as const, externalId: String(id) } };
}

/** Creates one member reached on Telegram as `telegramId`. */
export function memberWithTelegram(prisma: PrismaClient, data: { telegramId: number | bigint | string } & Omit<Prisma.MemberUncheckedCreateInput, 'identities'>) {
  const { telegramId, ...rest } = data;
  return prisma.member.create({ data: { ...rest, identities: telegram(telegramId) } });
}

/**
 * Creates many members reached on Telegram (createMany cannot nest identities), in the given order;
 * returns them with `telegramId`. Each identity was last seen when its member was.
 */
export async function membersWithTelegram(
  prisma: PrismaClient,
  rows: Array<{ telegramId: number | bigint | string } & Omit<Prisma.MemberCreateManyInput, 'id'>>,
) {
  const created = await prisma.member.createManyAndReturn({ data: rows.map(({ telegramId: _, ...rest }) => rest), select: { id: true } });
  await prisma.channelIdentity.createMany({
    data: created.map((m, i) => ({ memberId: m.id, channel: 'TELEGRAM' as const, externalId: String(rows[i]!.telegramId), lastSeenAt: rows[i]!.lastSeenAt ?? null })),
  });
  return created.map((m, i) => ({ id: m.id, telegramId: String(rows[i]!.telegramId) }));
}

/** The member id behind Telegram user `id` (throws when unknown). */
export async function memberIdOfTelegram(prisma: PrismaClient, id: number | bigint | string): Promise<number> {
  const identity = await prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'TELEGRAM', externalId: String(id) } } });
  return identity.memberId;
}

/** The TELEGRAM identity row of Telegram user `id` (reachable, last seen), or null. */
export function telegramIdentity(prisma: PrismaClient, id: number | bigint | string) {
  return prisma.channelIdentity.findUnique({ where: { channel_externalId: { channel: 'TELEGRAM', externalId: String(id) } } });
}

/** The Telegram user id of a member (their TELEGRAM identity's external id). */
export async function telegramIdOf(prisma: PrismaClient, memberId: number): Promise<string> {
  return (await prisma.channelIdentity.findFirstOrThrow({ where: { memberId, channel: 'TELEGRAM' } })).externalId;
}
