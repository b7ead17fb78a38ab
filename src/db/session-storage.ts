import type { StorageAdapter } from 'grammy';
import type { PrismaClient } from '../generated/prisma/client.js';

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
