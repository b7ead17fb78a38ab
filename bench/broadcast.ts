/**
 * bench/broadcast — how close the outbox dispatcher gets to Telegram's flood limit without tripping
 * it, compared with the two patterns people usually write, in the same run against the same fake.
 *
 * Against our fake Bot API (real HTTP, in this process) enforcing Telegram's limits — 30 msg/s over
 * all chats, 1 msg/s per chat, retry_after 1 s:
 *   (a) the dispatcher: a launch to N recipients through the outbox (PostgreSQL, Redis limiter),
 *       BROADCAST_RATE = BENCH_RATE (default 29/s, ~97% of 30);
 *   (b) naive `for (…) await bot.api.sendMessage(…)` with @grammyjs/auto-retry;
 *   (c) the same loop with @grammyjs/transformer-throttler (its defaults).
 * Then, limits lifted (paid broadcasts, allow_paid_broadcast): (d) the dispatcher at
 * BROADCAST_PAID's 1000 msg/s, and (e) with no rate limit at all — its own ceiling.
 *
 * Rate = messages accepted / (last accepted − first accepted). Lost = recipients with no copy;
 * duplicates = extra copies. Env: BENCH_RECIPIENTS (3000), BENCH_NAIVE_RECIPIENTS (1000),
 * BENCH_RATE (29).
 */
import { Api } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { pino } from 'pino';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { FakeTelegram } from '../test/support/fake-telegram.js';
import type { SimulatedUser } from '../test/support/simulated-user.js';
import { createTestDatabase } from '../test/support/databases.js';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../test/support/app-harness.js';
import { createServices } from '../src/services/index.js';
import { createI18n, translator } from '../src/channels/telegram/i18n.js';
import { Dispatcher } from '../src/jobs/dispatcher.js';
import { fmt, printTable } from './lib.js';

const N = Number(process.env.BENCH_RECIPIENTS ?? 3_000);
const NAIVE_N = Number(process.env.BENCH_NAIVE_RECIPIENTS ?? 1_000);
const RATE = Number(process.env.BENCH_RATE ?? 29);
const LIMIT = 30;
const logger = pino({ level: 'silent' });
const t = translator(createI18n('vi'));

interface Row {
  variant: string;
  recipients: number;
  'msg/s': string;
  'of limit': string;
  '429s': number;
  lost: number;
  duplicates: number;
  seconds: string;
}

/** Rate, loss and duplicates as seen by the fake (what Telegram would have delivered). */
function measure(fake: FakeTelegram, users: SimulatedUser[], marker: string, variant: string, limit: number | null): Row {
  const counts = users.map((u) => u.messages.filter((m) => m.text?.includes(marker)).length);
  const accepted = counts.reduce((a, b) => a + b, 0);
  // Arrival times of the send calls; the first and the last of a run are accepted ones (a 429 is retried).
  const ok = fake.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.text ?? '').includes(marker));
  const first = ok[0]?.at ?? 0;
  const last = ok.at(-1)?.at ?? 0;
  const seconds = (last - first) / 1000;
  const rate = seconds > 0 ? (accepted - 1) / seconds : 0;
  return {
    variant,
    recipients: users.length,
    'msg/s': fmt(rate),
    'of limit': limit ? `${fmt((rate / limit) * 100)}%` : '—',
    '429s': fake.stats.tooManyRequests,
    lost: counts.filter((c) => c === 0).length,
    duplicates: counts.reduce((a, c) => a + Math.max(0, c - 1), 0),
    seconds: fmt(seconds),
  };
}

async function dispatcherRun(variant: string, n: number, opts: { limits: boolean; rate: number; paid: boolean; limit: number | null }): Promise<Row> {
  const fake = await FakeTelegram.start();
  const tdb = await createTestDatabase();
  const prefix = `bench:${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix, enableAutoPipelining: true });
  try {
    const users = Array.from({ length: n }, (_, i) => fake.user({ firstName: `R${i}` }));
    await tdb.db.prisma.member.createMany({ data: users.map((u) => ({ telegramId: BigInt(u.id), fullName: u.firstName })) });
    const members = await tdb.db.prisma.member.findMany({ orderBy: { id: 'asc' } });
    const services = createServices(tdb.db.prisma, { adminIds: [], defaultLocale: 'vi' });
    const marker = `[${variant}]`;
    await services.broadcasts.start({
      kind: 'LAUNCH',
      items: members.map((m) => ({
        chatId: String(m.telegramId),
        memberId: m.id,
        dedupeKey: `bench:${m.id}`,
        message: {
          text: `📣 <b>Phát động phong trào thi đua</b> ${marker}`,
          parseMode: 'HTML',
          buttons: [[{ text: 'Đăng ký', url: 'https://t.me/thidua_bot?start=c_DKM' }]],
        },
      })),
    });
    if (opts.limits) fake.enforceLimits({ globalPerSecond: LIMIT, perChatPerSecond: 1, retryAfter: 1 });
    const dispatcher = new Dispatcher({
      prisma: tdb.db.prisma,
      api: new Api(fake.token, { apiRoot: fake.apiRoot }),
      redis,
      logger,
      i18n: t,
      now: () => new Date(),
      rate: opts.rate,
      paid: opts.paid,
      intervalMs: 20,
    });
    await dispatcher.drain();
    return measure(fake, users, marker, variant, opts.limit);
  } finally {
    redis.disconnect();
    await deleteRedisPrefix(prefix);
    await tdb.drop();
    await fake.close();
  }
}

async function loopRun(variant: string, n: number, install: (api: Api) => void): Promise<Row> {
  const fake = await FakeTelegram.start();
  try {
    const users = Array.from({ length: n }, (_, i) => fake.user({ firstName: `L${i}` }));
    fake.enforceLimits({ globalPerSecond: LIMIT, perChatPerSecond: 1, retryAfter: 1 });
    const api = new Api(fake.token, { apiRoot: fake.apiRoot });
    install(api);
    const marker = `[${variant}]`;
    for (const u of users) {
      try {
        await api.sendMessage(u.id, `📣 <b>Phát động phong trào thi đua</b> ${marker}`, { parse_mode: 'HTML' });
      } catch {
        // The naive loop has no outbox: a message that still fails is simply lost.
      }
    }
    return measure(fake, users, marker, variant, LIMIT);
  } finally {
    await fake.close();
  }
}

const rows: Row[] = [];
console.log(`Fake Bot API limits: ${LIMIT} msg/s global, 1 msg/s per chat, retry_after 1 s. Dispatcher BROADCAST_RATE=${RATE}.`);
rows.push(await dispatcherRun('dispatcher (outbox)', N, { limits: true, rate: RATE, paid: false, limit: LIMIT }));
console.log('done: dispatcher');
rows.push(await loopRun('naive loop + auto-retry', NAIVE_N, (api) => api.config.use(autoRetry())));
console.log('done: naive + auto-retry');
rows.push(await loopRun('naive loop + throttler', NAIVE_N, (api) => api.config.use(apiThrottler())));
console.log('done: naive + throttler');
rows.push(await dispatcherRun('dispatcher, paid (1000/s)', N, { limits: false, rate: 1000, paid: true, limit: 1000 }));
rows.push(await dispatcherRun('dispatcher, no rate limit', N, { limits: false, rate: 1_000_000, paid: true, limit: null }));
printTable(`bench/broadcast — ${N} recipients for the dispatcher, ${NAIVE_N} for the naive loops`, rows as never);
const base = Number(rows[1]!['msg/s']);
console.log(`dispatcher vs naive+auto-retry: ×${fmt(Number(rows[0]!['msg/s']) / base, 2)} the rate`);
process.exit(0);
