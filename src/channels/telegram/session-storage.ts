import type { StorageAdapter } from 'grammy';
import { RedisAdapter } from '@grammyjs/storage-redis';
import type { ConversationData, VersionedState } from '@grammyjs/conversations';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Redis } from '../../redis.js';

/**
 * Where grammY keeps sessions (`sess:`) and the old @grammyjs/conversations state (`convo:`):
 * Redis when configured, else the `session` table, so both survive a restart either way. Session
 * writes go through {@link writeIfChanged}.
 */
export function telegramStorages(redis: Redis | null, prisma: PrismaClient): {
  sessions: StorageAdapter<unknown>;
  conversations: StorageAdapter<VersionedState<ConversationData>>;
} {
  if (redis) return { sessions: writeIfChanged(redisStorage(redis, 'sess:')), conversations: redisStorage(redis, 'convo:') };
  return {
    sessions: writeIfChanged(new PrismaSessionStorage(prisma, 'sess:')),
    conversations: new PrismaSessionStorage(prisma, 'convo:'),
  };
}

/** grammY storage over ioredis; `namespace` separates sessions (`sess:`) from conversations (`convo:`). */
export function redisStorage<T>(redis: Redis, namespace: string): StorageAdapter<T> {
  const adapter = new RedisAdapter<T>({ instance: redis as never });
  return {
    read: (key) => adapter.read(namespace + key),
    write: (key, value) => adapter.write(namespace + key, value),
    delete: (key) => adapter.delete(namespace + key),
  };
}

/**
 * grammY storage in the `session` table, used when REDIS_URL is unset so sessions and
 * conversation state still survive a restart. Values are JSON text.
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
