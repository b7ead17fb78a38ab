import type { StorageAdapter } from 'grammy';
import { RedisAdapter } from '@grammyjs/storage-redis';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Redis } from '../../redis.js';

/**
 * Where grammY keeps sessions (`sess:`): Redis when configured, else the `session` table, so they
 * survive a restart either way. Writes go through {@link writeIfChanged}. (Multi-step input is not
 * kept here: open flows have their own store, src/flows/store.ts.)
 */
export function telegramSessions(redis: Redis | null, prisma: PrismaClient): StorageAdapter<unknown> {
  return writeIfChanged(redis ? redisStorage(redis, 'sess:') : new PrismaSessionStorage(prisma, 'sess:'));
}

/** grammY storage over ioredis under `namespace` (`sess:`). */
export function redisStorage<T>(redis: Redis, namespace: string): StorageAdapter<T> {
  const adapter = new RedisAdapter<T>({ instance: redis as never });
  return {
    read: (key) => adapter.read(namespace + key),
    write: (key, value) => adapter.write(namespace + key, value),
    delete: (key) => adapter.delete(namespace + key),
  };
}

/**
 * grammY storage in the `session` table, used when REDIS_URL is unset so sessions still
 * survive a restart. Values are JSON text.
 */
export class PrismaSessionStorage<T> implements StorageAdapter<T> {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly prefix = '',
  ) {}

  async read(key: string): Promise<T | undefined> {
    const row = await this.prisma.session.findUnique({ where: { key: this.prefix + key } });
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async write(key: string, value: T): Promise<void> {
    const text = JSON.stringify(value);
    await this.prisma.session.upsert({
      where: { key: this.prefix + key },
      create: { key: this.prefix + key, value: text },
      update: { value: text },
    });
  }

  async delete(key: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { key: this.prefix + key } });
  }
}

/**
 * Skips writes that would store exactly what was read during the same update. grammY writes a
 * session back whenever a handler looked at it, so without this every message costs a read and a
 * write round trip. The comparison is against this process's own read of the same key (updates of
 * one chat are sequential), so another instance's newer value is never overwritten by a stale skip.
 */
export function writeIfChanged<T>(storage: StorageAdapter<T>, maxKeys = 10_000): StorageAdapter<T> {
  const lastRead = new Map<string, string>();
  return {
    async read(key) {
      const value = await storage.read(key);
      if (lastRead.size >= maxKeys) lastRead.delete(lastRead.keys().next().value!);
      lastRead.set(key, JSON.stringify(value ?? null));
      return value;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      const seen = lastRead.get(key);
      lastRead.delete(key);
      if (seen === json) return;
      await storage.write(key, value);
    },
    async delete(key) {
      const seen = lastRead.get(key);
      lastRead.delete(key);
      if (seen === 'null') return;
      await storage.delete(key);
    },
  };
}
