/**
 * bench/updates — how much our full stack costs per update compared with bare grammY.
 *
 * The same 10,000 synthetic updates (text messages and button presses from 1,000 onboarded members)
 * go through (a) a bare grammY bot with a trivial handler and (b) the real bot built by createApp
 * with flow state in Redis and PostgreSQL, via `bot.handleUpdate` in this process with 32 updates in
 * flight (as the runner would have across chats). Bot API calls are answered locally so the
 * figures measure our code, not the network. Prints updates/s, the ratio (b)/(a) and p50/p99.
 */
import { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { parseConfig } from '../src/config.js';
import { createApp } from '../src/app.js';
import { createEmptyTestDatabase } from '../test/support/databases.js';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../test/support/app-harness.js';
import { BOT_INFO, fmt, offlineApi, percentile, printTable, runConcurrently, seedMembers } from './lib.js';

const N = Number(process.env.BENCH_UPDATES ?? 10_000);
const MEMBERS = 1_000;
const CONCURRENCY = 32;
const BASE_ID = 800_000_000;

function makeUpdates(): Update[] {
  const updates: Update[] = [];
  for (let i = 0; i < N; i++) {
    const userId = BASE_ID + (i % MEMBERS);
    const from = { id: userId, is_bot: false, first_name: 'Thành viên', language_code: 'vi' };
    const chat = { id: userId, type: 'private' as const, first_name: 'Thành viên' };
    const date = Math.floor(Date.now() / 1000);
    if (i % 2 === 0) {
      updates.push({ update_id: i + 1, message: { message_id: i + 1, date, chat, from, text: i % 4 === 0 ? 'xin chào' : '/help' } } as Update);
    } else {
      updates.push({
        update_id: i + 1,
        callback_query: {
          id: String(i),
          from,
          chat_instance: 'ci',
          data: '1:pl',
          message: { message_id: 1, date, chat, from: { ...BOT_INFO }, text: 'hồ sơ' },
        },
      } as Update);
    }
  }
  return updates;
}

function summarise(name: string, latencies: number[], seconds: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { name, 'updates/s': Math.round(latencies.length / seconds), 'p50 ms': fmt(percentile(sorted, 50), 2), 'p99 ms': fmt(percentile(sorted, 99), 2) };
}

export async function benchUpdates(): Promise<void> {
  const updates = makeUpdates();

  // (a) bare grammY
  const bare = new Bot('123:bench', { botInfo: BOT_INFO });
  bare.api.config.use(offlineApi);
  bare.on('message:text', (ctx) => ctx.reply('ok'));
  bare.on('callback_query:data', (ctx) => ctx.answerCallbackQuery());
  await runConcurrently(updates.slice(0, 500), CONCURRENCY, (u) => bare.handleUpdate(u)); // warm-up
  let t0 = performance.now();
  const bareLat = await runConcurrently(updates, CONCURRENCY, (u) => bare.handleUpdate(u));
  const bareSec = (performance.now() - t0) / 1000;

  // (b) the full stack
  const database = await createEmptyTestDatabase('thidua_bench');
  const prefix = `bench:${Date.now()}:`;
  const parsed = parseConfig({ BOT_TOKEN: '123:bench', DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
  if (!parsed.ok) throw new Error(parsed.message);
  const app = await createApp(parsed.config, { logger: pino({ level: 'silent' }), http: false });
  try {
    const unit = await app.services.units.create({ code: 'BENCH', name: 'Đơn vị benchmark' });
    if (!unit.ok) throw new Error(unit.reason);
    await seedMembers(app.db.prisma, unit.unit.id, MEMBERS, BASE_ID);
    app.bot.botInfo = BOT_INFO;
    app.bot.api.config.use(offlineApi);
    // Warm-up over every member (the first update of each refreshes its last-seen time: a write).
    await runConcurrently(updates.slice(0, MEMBERS), CONCURRENCY, (u) => app.bot.handleUpdate(u));
    t0 = performance.now();
    const fullLat = await runConcurrently(updates, CONCURRENCY, (u) => app.bot.handleUpdate(u));
    const fullSec = (performance.now() - t0) / 1000;

    // (c) the same updates (fresh ids) through the update processor, as polling and the webhook
    // deliver them: the update_id ledger in Redis adds a claim and a completion per update.
    const fresh = updates.map((u) => ({ ...u, update_id: u.update_id + 10 * N }));
    t0 = performance.now();
    const ledgerLat = await runConcurrently(fresh, CONCURRENCY, (u) => app.updates.handle(u));
    const ledgerSec = (performance.now() - t0) / 1000;

    const a = summarise('(a) bare grammY, trivial handler', bareLat, bareSec);
    const b = summarise('(b) ThiĐua Bot: Redis + PostgreSQL', fullLat, fullSec);
    const c = summarise('(c) (b) through the update processor (update_id ledger)', ledgerLat, ledgerSec);
    printTable(`bench/updates — ${N} updates, ${MEMBERS} members, ${CONCURRENCY} in flight`, [a, b, c]);
    console.log(`ratio (b)/(a): ${fmt((b['updates/s'] / a['updates/s']) * 100)} % of bare grammY; target ≥ 1,000 updates/s and ≥ 50 %`);
    console.log(`ratio (c)/(b): ${fmt((c['updates/s'] / b['updates/s']) * 100)} % (cost of exactly-once handling per update_id)`);
  } finally {
    await app.stop();
    await database.drop();
    await deleteRedisPrefix(prefix);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchUpdates();
}
