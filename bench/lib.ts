/**
 * Shared helpers for benchmarks: percentiles, a fake Bot API transformer (no HTTP, so the figure is
 * our code's cost, not the network's), and table printing.
 */
import type { Transformer } from 'grammy';
import { FAKE_BOT_IDENTITY } from '../test/support/fake-telegram.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { membersWithTelegram } from '../test/support/identities.js';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

let messageId = 1;

/** Answers every Bot API call locally with a plausible result. */
export const offlineApi: Transformer = async (_prev, method, payload) => {
  const p = payload as Record<string, unknown>;
  const chat = { id: Number(p.chat_id ?? 1), type: 'private' as const, first_name: 'x' };
  const result =
    method === 'sendMessage' || method === 'editMessageText' || method === 'sendPhoto' || method === 'sendDocument'
      ? { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat, text: String(p.text ?? '') }
      : true;
  return { ok: true, result } as never;
};

/** The fake Bot API's identity, under a benchmark username. */
export const BOT_INFO = { ...FAKE_BOT_IDENTITY, username: 'thidua_bench_bot' };

/** Runs `fn` over items with at most `concurrency` in flight; returns per-item latencies (ms). */
export async function runConcurrently<T>(items: T[], concurrency: number, fn: (item: T) => Promise<unknown>): Promise<number[]> {
  const latencies = new Array<number>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const t0 = performance.now();
      await fn(items[i]!);
      latencies[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies;
}

export function printTable(title: string, rows: Array<Record<string, string | number>>): void {
  console.log(`\n${title}`);
  console.table(rows);
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** `count` onboarded members of one unit with Telegram ids from `baseId`, in one statement. */
export async function seedMembers(prisma: PrismaClient, unitId: number, count: number, baseId: number): Promise<void> {
  await membersWithTelegram(
    prisma,
    Array.from({ length: count }, (_, i) => ({
      telegramId: baseId + i,
      fullName: `Thành viên ${i}`,
      nameSearch: `thanh vien ${i}`,
      unitId,
      lastSeenAt: new Date(),
    })),
  );
}
