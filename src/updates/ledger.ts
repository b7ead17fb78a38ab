import type { PrismaClient } from '../generated/prisma/client.js';
import type { Redis } from '../redis.js';

/**
 * Which inbound updates have been handled, shared by every instance, so an update a channel
 * delivers twice (a webhook answer lost or too late, a redelivery after a 503, a Zalo webhook
 * retried) is handled once. An update is claimed with a lease before it is handled and marked done
 * after; a lease left by a crashed instance expires. Channel-neutral: each channel names its own
 * key space ({@link LedgerSpace}) — Telegram's numeric `update_id`s, Zalo's `event_name:message_id`.
 */

/** What a claim found: the update is ours to handle, already handled, or being handled elsewhere. */
export type Claim = 'new' | 'done' | 'busy';

/** The ledger of one channel's updates, keyed by that channel's update id. */
export interface UpdateLedger<K extends string | number = number> {
  /** Claims `updateId`. `mine`: this process holds a lease it could not release (retaking it is fine). */
  claim(updateId: K, mine: boolean): Promise<Claim>;
  /** Records the update as handled. */
  complete(updateId: K): Promise<void>;
  /** Gives the claim back (the update will be handled again). */
  release(updateId: K): Promise<void>;
}

/**
 * One channel's keys: their prefix (distinct per channel, and none a prefix of another, since old
 * rows are swept by prefix) and how long "handled" is remembered — as long as that channel may
 * deliver the same update again.
 */
export interface LedgerSpace {
  prefix: string;
  doneMs: number;
}

/** How long a claim holds without being completed: longer than any update takes to handle. */
export const LEASE_MS = 120_000;
/** How long "handled" is remembered for Telegram: it keeps an undelivered update for 24 hours. */
export const DONE_MS = 24 * 3600_000;
/** Telegram's key space (`upd:<update_id>`), as it has always been. */
export const TELEGRAM_UPDATES: LedgerSpace = { prefix: 'upd:', doneMs: DONE_MS };

/**
 * The ledger in Redis (`<prefix><id>` = `busy` with a lease, then `done` for `doneMs`): one
 * round trip per claim and per completion.
 */
export function redisLedger<K extends string | number = number>(redis: Redis, space: LedgerSpace = TELEGRAM_UPDATES): UpdateLedger<K> {
  const key = (id: K) => `${space.prefix}${id}`;
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
      await redis.set(key(id), 'done', 'PX', space.doneMs);
    },
    async release(id) {
      const current = await redis.get(key(id));
      if (current === 'busy') await redis.del(key(id));
    },
  };
}

/**
 * The ledger in the database's key-value `session` table (`<prefix><id>`), for deployments
 * without Redis. Rows older than `doneMs` are swept now and then by the instance that completes
 * (until then a "done" row stays done: remembering longer never handles an update twice).
 */
export function databaseLedger<K extends string | number = number>(
  prisma: PrismaClient,
  now: () => Date = () => new Date(),
  space: LedgerSpace = TELEGRAM_UPDATES,
): UpdateLedger<K> {
  const key = (id: K) => `${space.prefix}${id}`;
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
        await prisma.session.deleteMany({ where: { key: { startsWith: space.prefix }, updatedAt: { lt: new Date(now().getTime() - space.doneMs) } } });
      }
    },
    async release(id) {
      await prisma.session.deleteMany({ where: { key: key(id), value: 'busy' } });
    },
  };
}
