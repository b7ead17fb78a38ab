import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Redis } from '../../redis.js';

/** What a claim found: the update is ours to handle, already handled, or being handled elsewhere. */
export type Claim = 'new' | 'done' | 'busy';

/**
 * Which updates have been handled, shared by every instance, so an update Telegram delivers twice
 * (a webhook answer lost or too late, a redelivery after a 503) is handled once. An update is
 * claimed with a lease before it is handled and marked done after; a lease left by a crashed
 * instance expires. Telegram gives up on an update after 24 hours, so that is how long "done" is kept.
 */
export interface UpdateLedger {
  /** Claims `updateId`. `mine`: this process holds a lease it could not release (retaking it is fine). */
  claim(updateId: number, mine: boolean): Promise<Claim>;
  /** Records the update as handled. */
  complete(updateId: number): Promise<void>;
  /** Gives the claim back (the update will be handled again). */
  release(updateId: number): Promise<void>;
}

/** How long a claim holds without being completed: longer than any update takes to handle. */
export const LEASE_MS = 120_000;
/** How long "handled" is remembered: Telegram keeps an undelivered update for 24 hours. */
export const DONE_MS = 24 * 3600_000;

/**
 * The ledger in Redis (`upd:<update_id>` = `busy` with a lease, then `done` for a day): one
 * round trip per claim and per completion.
 */
export function redisLedger(redis: Redis): UpdateLedger {
  const key = (id: number) => `upd:${id}`;
  return {
    async claim(id, mine) {
      if (mine) {
        if ((await redis.get(key(id))) === 'done') return 'done';
        await redis.set(key(id), 'busy', 'PX', LEASE_MS);
        return 'new';
      }
      if ((await redis.set(key(id), 'busy', 'PX', LEASE_MS, 'NX')) === 'OK') return 'new';
      return (await redis.get(key(id))) === 'done' ? 'done' : 'busy';
    },
    async complete(id) {
      await redis.set(key(id), 'done', 'PX', DONE_MS);
    },
    async release(id) {
      const current = await redis.get(key(id));
      if (current === 'busy') await redis.del(key(id));
    },
  };
}

/**
 * The ledger in the database's key-value `session` table (`upd:<update_id>`), for deployments
 * without Redis. Rows older than a day are swept now and then by the instance that completes.
 */
export function databaseLedger(prisma: PrismaClient, now: () => Date = () => new Date()): UpdateLedger {
  const key = (id: number) => `upd:${id}`;
  let completions = 0;
  return {
    async claim(id, mine) {
      try {
        await prisma.session.create({ data: { key: key(id), value: 'busy' } });
        return 'new';
      } catch (err) {
        if ((err as { code?: string }).code !== 'P2002') throw err;
      }
      const row = await prisma.session.findUnique({ where: { key: key(id) } });
      if (row?.value === 'done') return 'done';
      const expired = new Date(now().getTime() - LEASE_MS);
      const taken = await prisma.session.updateMany({
        where: { key: key(id), value: 'busy', ...(mine ? {} : { updatedAt: { lt: expired } }) },
        data: { value: 'busy' },
      });
      return taken.count === 1 ? 'new' : 'busy';
    },
    async complete(id) {
      await prisma.session.upsert({ where: { key: key(id) }, create: { key: key(id), value: 'done' }, update: { value: 'done' } });
      if (++completions % 1000 === 1) {
        await prisma.session.deleteMany({ where: { key: { startsWith: 'upd:' }, updatedAt: { lt: new Date(now().getTime() - DONE_MS) } } });
      }
    },
    async release(id) {
      await prisma.session.deleteMany({ where: { key: key(id), value: 'busy' } });
    },
  };
}
