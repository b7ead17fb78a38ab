import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from 'grammy';
import { pino } from 'pino';
import { FakeTelegram } from '../support/fake-telegram.js';
import type { SimulatedUser } from '../support/simulated-user.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { RedisServer } from '../support/redis-server.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { createDatabase } from '../../src/db/index.js';
import { createServices, type Services } from '../../src/services/index.js';
import { createI18n, translator } from '../../src/channels/telegram/i18n.js';
import { createRedis } from '../../src/redis.js';
import { telegramDelivery } from '../../src/channels/telegram/sender.js';
import { Dispatcher } from '../../src/jobs/dispatcher.js';
import { membersWithTelegram } from '../support/identities.js';

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const RECIPIENTS = 60;

/** Each simulated user's count of bot messages containing `text`. */
function received(users: SimulatedUser[], text: string): number[] {
  return users.map((u) => u.messages.filter((m) => (m.text ?? '').includes(text)).length);
}

/** `count` members with a Telegram chat in the fake and a launch to all of them. */
async function launch(fake: FakeTelegram, tdb: TestDatabase, services: Services, count: number, tag: string, text: string) {
  const users = Array.from({ length: count }, (_, i) => fake.user({ firstName: `${tag}${i}` }));
  const members = await membersWithTelegram(tdb.db.prisma, users.map((u) => ({ telegramId: u.id, fullName: u.firstName })));
  const { broadcastId } = await services.broadcasts.start({
    kind: 'LAUNCH',
    items: members.map((m) => ({ chatId: m.telegramId, memberId: m.id, dedupeKey: `${tag}:${m.id}`, message: { text } })),
  });
  return { users, broadcastId };
}

/** Resolves when `check` holds; the test's own timeout bounds the wait. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 10));
}

describe('dispatcher when a store goes away mid-broadcast', () => {
  let fake: FakeTelegram;
  let tdb: TestDatabase;
  let services: Services;
  let redisServer: RedisServer;
  beforeAll(async () => {
    fake = await FakeTelegram.start();
    tdb = await createTestDatabase();
    services = createServices(tdb.db.prisma, { adminIds: [], defaultLocale: 'vi' });
    redisServer = await RedisServer.start();
  });
  afterAll(async () => {
    await redisServer.close();
    await fake.close();
    await tdb.drop();
  });

  it('when the rate limiter (Redis) goes away, stops the batch, keeps what was sent, and after it returns sends everyone exactly once', async () => {
    const { users, broadcastId } = await launch(fake, tdb, services, RECIPIENTS, 'Redis', 'Phát động thi đua (mất Redis)');
    // The production client (src/redis.ts): a command fails after a few reconnect attempts.
    const redis = createRedis(redisServer.url, 'outage:');
    // A short lease, so that a batch abandoned by the outage would come back (and be sent twice)
    // within the test rather than a minute later.
    const dispatcher = new Dispatcher({
      prisma: tdb.db.prisma,
      ...telegramDelivery(new Api(fake.token, { apiRoot: fake.apiRoot }), translator(createI18n('vi'))),
      redis,
      logger,
      now: services.now,
      rate: 30,
      leaseMs: 3_000,
      intervalMs: 20,
    });
    const sends = () => fake.callsOf('sendMessage').length;
    try {
      dispatcher.start();
      await until(() => sends() >= RECIPIENTS / 4);
      await redisServer.stop();
      const atOutage = sends();
      await new Promise((r) => setTimeout(r, 1_500));
      await redisServer.resume();
      await until(async () => (await services.broadcasts.progress(broadcastId)).pending === 0);
      expect(atOutage).toBeLessThan(RECIPIENTS); // the outage did fall in the middle of the broadcast
    } finally {
      await dispatcher.stop();
      redis.disconnect();
    }

    const counts = received(users, 'mất Redis');
    expect(counts.filter((c) => c === 0)).toHaveLength(0); // nobody lost
    expect(counts.filter((c) => c > 1)).toHaveLength(0); // nobody got it twice
    const p = await services.broadcasts.progress(broadcastId);
    expect(p).toMatchObject({ total: RECIPIENTS, sent: RECIPIENTS, pending: 0, failed: 0 });
  }, 30_000);

  it('when PostgreSQL goes away, records what was sent once it returns and sends everyone exactly once', async () => {
    const { users, broadcastId } = await launch(fake, tdb, services, RECIPIENTS, 'Postgres', 'Phát động thi đua (mất PostgreSQL)');
    // The dispatcher reaches PostgreSQL through a proxy the test can cut; the test itself does not.
    const upstream = new URL(tdb.url);
    const proxy = await TcpProxy.start(Number(upstream.port || 5432), upstream.hostname);
    const proxied = new URL(tdb.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const db = await createDatabase({ databaseUrl: proxied.toString(), dataDir: 'unused', logger });
    const sendsBefore = fake.callsOf('sendMessage').length;
    const sends = () => fake.callsOf('sendMessage').length - sendsBefore;
    const dispatcher = new Dispatcher({
      prisma: db.prisma,
      ...telegramDelivery(new Api(fake.token, { apiRoot: fake.apiRoot }), translator(createI18n('vi'))),
      logger,
      now: services.now,
      rate: 30,
      leaseMs: 3_000,
      intervalMs: 20,
    });
    try {
      dispatcher.start();
      await until(() => sends() >= RECIPIENTS / 4);
      await proxy.cut();
      const atOutage = sends();
      await new Promise((r) => setTimeout(r, 1_500));
      await proxy.restore();
      await until(async () => (await services.broadcasts.progress(broadcastId)).pending === 0);
      expect(atOutage).toBeLessThan(RECIPIENTS);
    } finally {
      await dispatcher.stop();
      await db.close();
      await proxy.close();
    }

    const counts = received(users, 'mất PostgreSQL');
    expect(counts.filter((c) => c === 0)).toHaveLength(0); // nobody lost
    expect(counts.filter((c) => c > 1)).toHaveLength(0); // nobody got it twice
    const p = await services.broadcasts.progress(broadcastId);
    expect(p).toMatchObject({ total: RECIPIENTS, sent: RECIPIENTS, pending: 0, failed: 0 });
  }, 30_000);
});
