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
