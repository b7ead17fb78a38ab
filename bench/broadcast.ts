/**
 * bench/broadcast — how close the outbox dispatcher gets to Telegram's flood limit without tripping
 * it, compared with the loop people usually write, in the same run against the same fake.
 *
 * Against our fake Bot API (real HTTP, in this process) enforcing Telegram's limits — 30 msg/s over
 * all chats, 1 msg/s per chat, retry_after 1 s — at each network round trip of BENCH_RTTS (a server
 * in Vietnam is 50–250 ms from Telegram; the fake answers that much later):
 *   (a) the dispatcher: a launch to N recipients through the outbox (PostgreSQL, Redis limiter),
 *       BROADCAST_RATE = BENCH_RATE (default 29/s, ~97% of 30);
 *   (b) naive `for (…) await bot.api.sendMessage(…)` with @grammyjs/auto-retry — what a competent
 *       grammY developer writes.
 * Then at 0 ms: (c) the loop with @grammyjs/transformer-throttler (its defaults), and, limits lifted
 * (paid broadcasts, allow_paid_broadcast), (d) the dispatcher at BROADCAST_PAID's 1000 msg/s and
 * (e) with no rate limit at all — its own ceiling.
 *
 * Rate = messages accepted / (last accepted − first accepted), seen at the fake. Lost = recipients
 * with no copy; duplicates = extra copies. Env: BENCH_RECIPIENTS (1000), BENCH_NAIVE_RECIPIENTS
 * (300), BENCH_RATE (29), BENCH_RTTS (0,50,200), BENCH_EXTRAS (1; 0 skips c–e).
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
import { followUpMessage } from '../src/messages/compose.js';
import { createI18n, translator } from '../src/channels/telegram/i18n.js';
import { telegramDelivery } from '../src/channels/telegram/sender.js';
import { Dispatcher } from '../src/jobs/dispatcher.js';
import { fmt, printTable } from './lib.js';
import { membersWithTelegram } from '../test/support/identities.js';

const N = Number(process.env.BENCH_RECIPIENTS ?? 1_000);
const NAIVE_N = Number(process.env.BENCH_NAIVE_RECIPIENTS ?? 300);
const RATE = Number(process.env.BENCH_RATE ?? 29);
const RTTS = (process.env.BENCH_RTTS ?? '0,50,200').split(',').map(Number);
const EXTRAS = process.env.BENCH_EXTRAS !== '0';
const LIMIT = 30;
const logger = pino({ level: 'silent' });
const t = translator(createI18n('vi'));

interface Row {
  variant: string;
  'round trip': string;
  recipients: number;
  'msg/s': string;
  'of limit': string;
  'of set rate': string;
  '429s': number;
  lost: number;
  duplicates: number;
  seconds: string;
}

/** Rate, loss and duplicates as seen by the fake (what Telegram would have delivered). */
function measure(
  fake: FakeTelegram,
  users: SimulatedUser[],
  marker: string,
  variant: string,
  limit: number | null,
  opts: { rttMs: number; setRate?: number },
): Row {
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
    'round trip': `${opts.rttMs} ms`,
    recipients: users.length,
    'msg/s': fmt(rate),
    'of limit': limit ? `${fmt((rate / limit) * 100)}%` : '—',
    'of set rate': opts.setRate ? `${fmt((rate / opts.setRate) * 100)}%` : '—',
    '429s': fake.stats.tooManyRequests,
    lost: counts.filter((c) => c === 0).length,
    duplicates: counts.reduce((a, c) => a + Math.max(0, c - 1), 0),
    seconds: fmt(seconds),
  };
}

async function dispatcherRun(
  variant: string,
  n: number,
  opts: { limits: boolean; rate: number; paid: boolean; limit: number | null; rttMs: number },
): Promise<Row> {
  const fake = await FakeTelegram.start({ roundTripMs: opts.rttMs });
  const tdb = await createTestDatabase();
  const prefix = `bench:${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix, enableAutoPipelining: true });
  try {
    const users = Array.from({ length: n }, (_, i) => fake.user({ firstName: `R${i}` }));
    const members = await membersWithTelegram(tdb.db.prisma, users.map((u) => ({ telegramId: u.id, fullName: u.firstName })));
    const services = createServices(tdb.db.prisma, { adminIds: [], defaultLocale: 'vi' });
    const marker = `[${variant} @${opts.rttMs}]`;
    await services.broadcasts.start({
      kind: 'LAUNCH',
      items: members.map((m) => ({
        chatId: m.telegramId,
        memberId: m.id,
        dedupeKey: `bench:${m.id}`,
        // As services enqueue it (data), so the sender's rendering at send time is part of the cost.
        message: followUpMessage({ code: 'DKM', title: 'Phát động phong trào thi đua' }, marker),
      })),
    });
    if (opts.limits) fake.enforceLimits({ globalPerSecond: LIMIT, perChatPerSecond: 1, retryAfter: 1 });
    const dispatcher = new Dispatcher({
      prisma: tdb.db.prisma,
      ...telegramDelivery(new Api(fake.token, { apiRoot: fake.apiRoot }), t, { paid: opts.paid, botUsername: () => 'thidua_bot' }),
      redis,
      logger,
      now: () => new Date(),
      rate: opts.rate,
      intervalMs: 20,
    });
    await dispatcher.drain();
    return measure(fake, users, marker, variant, opts.limit, { rttMs: opts.rttMs, ...(opts.limit === LIMIT ? { setRate: opts.rate } : {}) });
  } finally {
    redis.disconnect();
    await deleteRedisPrefix(prefix);
    await tdb.drop();
    await fake.close();
  }
}

async function loopRun(variant: string, n: number, rttMs: number, install: (api: Api) => void): Promise<Row> {
  const fake = await FakeTelegram.start({ roundTripMs: rttMs });
  try {
    const users = Array.from({ length: n }, (_, i) => fake.user({ firstName: `L${i}` }));
    fake.enforceLimits({ globalPerSecond: LIMIT, perChatPerSecond: 1, retryAfter: 1 });
    const api = new Api(fake.token, { apiRoot: fake.apiRoot });
    install(api);
    const marker = `[${variant} @${rttMs}]`;
    for (const u of users) {
      try {
        await api.sendMessage(u.id, `📣 <b>Phát động phong trào thi đua</b> ${marker}`, { parse_mode: 'HTML' });
      } catch {
        // The naive loop has no outbox: a message that still fails is simply lost.
      }
    }
    return measure(fake, users, marker, variant, LIMIT, { rttMs });
  } finally {
    await fake.close();
  }
}

const rows: Row[] = [];
const ratios: string[] = [];
console.log(`Fake Bot API limits: ${LIMIT} msg/s global, 1 msg/s per chat, retry_after 1 s. Dispatcher BROADCAST_RATE=${RATE}.`);
for (const rttMs of RTTS) {
  const dispatcher = await dispatcherRun('dispatcher (outbox)', N, { limits: true, rate: RATE, paid: false, limit: LIMIT, rttMs });
  console.log(`done: dispatcher at ${rttMs} ms`);
  const naive = await loopRun('naive loop + auto-retry', NAIVE_N, rttMs, (api) => api.config.use(autoRetry()));
  console.log(`done: naive + auto-retry at ${rttMs} ms`);
  rows.push(dispatcher, naive);
  ratios.push(`${rttMs} ms: ×${fmt(Number(dispatcher['msg/s']) / Number(naive['msg/s']), 2)}`);
}
if (EXTRAS) {
  rows.push(await loopRun('naive loop + throttler', NAIVE_N, 0, (api) => api.config.use(apiThrottler())));
  console.log('done: naive + throttler');
  rows.push(await dispatcherRun('dispatcher, paid (1000/s)', 3_000, { limits: false, rate: 1000, paid: true, limit: 1000, rttMs: 0 }));
  rows.push(await dispatcherRun('dispatcher, no rate limit', 3_000, { limits: false, rate: 1_000_000, paid: true, limit: null, rttMs: 0 }));
}
printTable(`bench/broadcast — ${N} recipients for the dispatcher, ${NAIVE_N} for the naive loops`, rows as never);
console.log(`dispatcher vs naive loop + auto-retry (rate): ${ratios.join(', ')}`);
process.exit(0);
