import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Api } from 'grammy';
import { pino } from 'pino';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { FakeTelegram } from '../support/fake-telegram.js';
import type { SimulatedUser } from '../support/simulated-user.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../support/app-harness.js';
import { createDatabase, type Database } from '../../src/db/index.js';
import { createServices, type Services } from '../../src/services/index.js';
import { createI18n, translator } from '../../src/channels/telegram/i18n.js';
import { createMetrics } from '../../src/http/metrics.js';
import { telegramDelivery } from '../../src/channels/telegram/sender.js';
import { Dispatcher, type DispatcherOptions } from '../../src/jobs/dispatcher.js';
import { followUpMessage } from '../../src/messages/compose.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { telegram, telegramIdentity } from '../support/identities.js';

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const t = translator(createI18n('vi'));

let fake: FakeTelegram;
let api: Api;

/** Members with a Telegram chat in the fake; returns them in order. */
async function members(prisma: PrismaClient, n: number, tag: string): Promise<Array<{ id: number; user: SimulatedUser }>> {
  const out = [];
  for (let i = 0; i < n; i++) {
    const user = fake.user({ firstName: `${tag}${i}` });
    const m = await prisma.member.create({ data: { identities: telegram(BigInt(user.id)), fullName: `${tag} ${i}` } });
    out.push({ id: m.id, user });
  }
  return out;
}

function dispatcher(db: Database, services: Services, extra: Partial<DispatcherOptions> = {}): Dispatcher {
  return new Dispatcher({
    prisma: db.prisma,
    ...telegramDelivery(api, t),
    logger,
    metrics: createMetrics(),
    now: services.now,
    rate: 200,
    intervalMs: 20,
    ...extra,
  });
}

/** Each simulated user's count of bot messages containing `text`. */
function received(users: SimulatedUser[], text: string): number[] {
  return users.map((u) => u.messages.filter((m) => (m.text ?? '').includes(text)).length);
}

let tooManyBefore = 0;
/** 429 answers since the test started (one fake serves the whole file: user ids stay unique). */
const tooMany = () => fake.stats.tooManyRequests - tooManyBefore;

beforeAll(async () => {
  fake = await FakeTelegram.start();
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  tooManyBefore = fake.stats.tooManyRequests;
});
afterEach(() => {
  fake.disableLimits();
});

describe('dispatcher on PostgreSQL', () => {
  let tdb: TestDatabase;
  let services: Services;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    services = createServices(tdb.db.prisma, { adminIds: [], defaultLocale: 'vi' });
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('sends every row of a broadcast exactly once, with its Register button, and records Telegram message ids', async () => {
    const ms = await members(tdb.db.prisma, 40, 'once');
    const { broadcastId } = await services.broadcasts.start({
      kind: 'LAUNCH',
      items: ms.map((m) => ({
        chatId: String(m.user.id),
        memberId: m.id,
        dedupeKey: `once:${m.id}`,
        message: { text: '<b>Phát động</b> thi đua', parseMode: 'HTML', buttons: [[{ text: 'Đăng ký', url: 'https://t.me/bot?start=c_X' }]] },
      })),
    });
    const metrics = createMetrics();
    const d = dispatcher(tdb.db, services, { metrics });
    await d.drain();
    expect(received(ms.map((m) => m.user), 'Phát động')).toEqual(ms.map(() => 1));
    expect(await metrics.registry.getSingleMetricAsString('thidua_deliveries_total')).toContain('thidua_deliveries_total{status="SENT"} 40');
    expect(ms[0]!.user.buttons()).toEqual(['Đăng ký']);
    const rows = await tdb.db.prisma.delivery.findMany({ where: { broadcastId } });
    expect(rows.every((r) => r.status === 'SENT' && r.externalMessageId && r.sentAt)).toBe(true);
    const b = await tdb.db.prisma.broadcast.findUniqueOrThrow({ where: { id: broadcastId } });
    expect(b.status).toBe('DONE');
    expect(b.finishedAt).not.toBeNull();
  });

  it('after an upgrade, sends a row stored in the old pre-rendered shape as it was, and a new one in its reader’s language', async () => {
    const [old, english] = await members(tdb.db.prisma, 2, 'upgrade');
    await tdb.db.prisma.member.update({ where: { id: english!.id }, data: { locale: 'en' } });
    // Written by the previous version: finished HTML and buttons with callback data.
    await tdb.db.prisma.delivery.create({
      data: {
        chatId: String(old!.user.id),
        memberId: old!.id,
        dedupeKey: 'upgrade:old',
        payload: { text: '⏰ <b>Nhắc hạn</b> cũ', parseMode: 'HTML', buttons: [[{ text: '📊 Báo cáo', callbackData: '1:mr:7' }]] },
      },
    });
    await services.outbox.enqueue([
      { chatId: String(english!.user.id), memberId: english!.id, dedupeKey: 'upgrade:new', message: followUpMessage({ code: 'dk', title: 'Đồng <khởi>' }, 'Họp lúc 8 giờ') },
    ]);
    await dispatcher(tdb.db, services).drain();
    const [was] = old!.user.messages;
    expect(was?.text).toBe('⏰ Nhắc hạn cũ');
    expect(old!.user.buttons(was!)).toEqual(['📊 Báo cáo']);
    const [now] = english!.user.messages;
    expect(now?.text).toBe('📢 Update — Đồng <khởi>\n\nHọp lúc 8 giờ');
    expect(now?.reply_markup?.inline_keyboard).toEqual([[{ text: '📋 Open campaign', url: `https://t.me/thidua_test_bot?start=c_dk` }]]);
  });

  it('honours 429 retry_after for the whole dispatcher and still delivers everything once', async () => {
    const ms = await members(tdb.db.prisma, 60, 'flood');
    await services.outbox.enqueue(
      ms.map((m) => ({ chatId: String(m.user.id), memberId: m.id, dedupeKey: `flood:${m.id}`, message: { text: 'Nhắc hạn báo cáo' } })),
    );
    fake.enforceLimits({ globalPerSecond: 30, perChatPerSecond: 1, retryAfter: 1 });
    // A first burst far above Telegram's limit: the fake answers 429 once the window is full.
    const d = dispatcher(tdb.db, services, { rate: 1000, concurrency: 40 });
    const started = Date.now();
    await d.drain();
    fake.disableLimits();
    expect(received(ms.map((m) => m.user), 'Nhắc hạn')).toEqual(ms.map(() => 1));
    expect(tooMany()).toBeGreaterThan(0);
    // Only requests already in flight when the first 429 came back may meet another one (at most
    // the concurrency); a dispatcher that retried without pausing would collect far more.
    expect(tooMany()).toBeLessThanOrEqual(40);
    // retry_after was waited out rather than hammered.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const attempts = await tdb.db.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: 'flood:' } } });
    expect(attempts.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
  });

  it('marks the Telegram identity of a member who blocked the bot unreachable and drops its other queued messages', async () => {
    const [alice, blocked] = await members(tdb.db.prisma, 2, 'block');
    fake.blockBot(blocked!.user.id);
    await services.outbox.enqueue([
      { chatId: String(alice!.user.id), memberId: alice!.id, dedupeKey: 'block:a', message: { text: 'Thông báo A' } },
      { chatId: String(blocked!.user.id), memberId: blocked!.id, dedupeKey: 'block:b1', message: { text: 'Thông báo B' } },
      { chatId: String(blocked!.user.id), memberId: blocked!.id, dedupeKey: 'block:b2', message: { text: 'Nhắc B' } },
    ]);
    await dispatcher(tdb.db, services).drain();
    const rows = await tdb.db.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: 'block:' } }, orderBy: { dedupeKey: 'asc' } });
    expect(rows.map((r) => [r.dedupeKey, r.status])).toEqual([
      ['block:a', 'SENT'],
      ['block:b1', 'UNREACHABLE'],
      ['block:b2', 'UNREACHABLE'],
    ]);
    expect(rows[1]!.lastError).toMatch(/403/);
    expect((await telegramIdentity(tdb.db.prisma, blocked!.user.id))?.reachable).toBe(false);
    expect(fake.callsOf('sendMessage').filter((c) => String(c.payload.chat_id) === String(blocked!.user.id))).toHaveLength(1);
  });

  it('retries a 502 with backoff and sends the message on the next attempt', async () => {
    const [m] = await members(tdb.db.prisma, 1, 'retry');
    await services.outbox.enqueue([{ chatId: String(m!.user.id), memberId: m!.id, dedupeKey: 'retry:1', message: { text: 'Thử lại' } }]);
    fake.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    let clock = Date.now();
    const s = { ...services, now: () => new Date(clock) };
    const d = dispatcher(tdb.db, s, { now: s.now });
    expect(await d.runOnce()).toBe(1);
    let row = await tdb.db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey: 'retry:1' } });
    expect([row.status, row.attempts, row.lastError]).toEqual(['PENDING', 1, '502: Bad Gateway']);
    expect(await d.runOnce()).toBe(0); // not due yet: backing off
    clock += 10_000;
    expect(await d.runOnce()).toBe(1);
    row = await tdb.db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey: 'retry:1' } });
    expect([row.status, row.attempts]).toEqual(['SENT', 2]);
    expect(received([m!.user], 'Thử lại')).toEqual([1]);
  });

  it('gives up on a network failure after five attempts', async () => {
    const [m] = await members(tdb.db.prisma, 1, 'net');
    await services.outbox.enqueue([{ chatId: String(m!.user.id), memberId: m!.id, dedupeKey: 'net:1', message: { text: 'Mạng' } }]);
    fake.failNext('sendMessage', 'network', 5);
    let clock = Date.now();
    const d = dispatcher(tdb.db, services, { now: () => new Date(clock) });
    for (let i = 0; i < 5; i++) {
      expect(await d.runOnce()).toBe(1);
      clock += 600_000;
    }
    const row = await tdb.db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey: 'net:1' } });
    expect([row.status, row.attempts]).toEqual(['FAILED', 5]);
    expect(row.lastError).toMatch(/network/);
  });

  it('marks a message Telegram rejects (400 bad HTML) FAILED with the reason, without retrying', async () => {
    const [m] = await members(tdb.db.prisma, 1, 'bad');
    await services.outbox.enqueue([
      { chatId: String(m!.user.id), memberId: m!.id, dedupeKey: 'bad:1', message: { text: '<b>unclosed', parseMode: 'HTML' } },
    ]);
    await dispatcher(tdb.db, services).drain();
    const row = await tdb.db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey: 'bad:1' } });
    expect(row.status).toBe('FAILED');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/400: Bad Request: can't parse entities/);
  });

  it('returns a row left SENDING by a dead process to the queue once its lease expires', async () => {
    const [m] = await members(tdb.db.prisma, 1, 'lease');
    await services.outbox.enqueue([{ chatId: String(m!.user.id), memberId: m!.id, dedupeKey: 'lease:1', message: { text: 'Lease' } }]);
    const now = Date.now();
    await tdb.db.prisma.delivery.update({
      where: { dedupeKey: 'lease:1' },
      data: { status: 'SENDING', attempts: 1, leaseUntil: new Date(now + 30_000) },
    });
    const d = dispatcher(tdb.db, services, { now: () => new Date(now) });
    expect(await d.runOnce()).toBe(0); // lease still valid: another instance may be sending it
    const later = dispatcher(tdb.db, services, { now: () => new Date(now + 31_000) });
    expect(await later.runOnce()).toBe(1);
    expect(received([m!.user], 'Lease')).toEqual([1]);
    expect((await tdb.db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey: 'lease:1' } })).attempts).toBe(2);
  });

  it('spaces messages to one chat (≈1/s) so a reminder and an announcement never trip the per-chat limit', async () => {
    const [m] = await members(tdb.db.prisma, 1, 'spacing');
    fake.enforceLimits();
    await services.outbox.enqueue(
      [1, 2, 3].map((i) => ({ chatId: String(m!.user.id), memberId: m!.id, dedupeKey: `spacing:${i}`, message: { text: `Tin ${i}` } })),
    );
    await dispatcher(tdb.db, services).drain();
    fake.disableLimits();
    expect(m!.user.messages.map((x) => x.text)).toEqual(['Tin 1', 'Tin 2', 'Tin 3']);
    expect(tooMany()).toBe(0);
  });

  it('shares the work between two dispatchers on one database without sending any row twice', async () => {
    const ms = await members(tdb.db.prisma, 120, 'two');
    await services.outbox.enqueue(
      ms.map((m) => ({ chatId: String(m.user.id), memberId: m.id, dedupeKey: `two:${m.id}`, message: { text: 'Hai máy' } })),
    );
    const other = await createDatabase({ databaseUrl: tdb.url, dataDir: 'unused', logger });
    try {
      const a = dispatcher(tdb.db, services, { batchSize: 10 });
      const b = dispatcher(other, services, { batchSize: 10 });
      const [na, nb] = await Promise.all([a.drain(), b.drain()]);
      expect(na + nb).toBe(120);
      expect(na).toBeGreaterThan(0);
      expect(nb).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
    expect(received(ms.map((m) => m.user), 'Hai máy')).toEqual(ms.map(() => 1));
  });

  it('shares one rate budget through Redis between two instances', async () => {
    const prefix = `test:${randomBytes(4).toString('hex')}:`;
    const r1 = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
    const r2 = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
    try {
      const ms = await members(tdb.db.prisma, 40, 'shared');
      await services.outbox.enqueue(
        ms.map((m) => ({ chatId: String(m.user.id), memberId: m.id, dedupeKey: `shared:${m.id}`, message: { text: 'Chung' } })),
      );
      fake.enforceLimits({ globalPerSecond: 30 });
      const started = Date.now();
      const a = dispatcher(tdb.db, services, { rate: 25, redis: r1, batchSize: 10 });
      const b = dispatcher(tdb.db, services, { rate: 25, redis: r2, batchSize: 10 });
      await Promise.all([a.drain(), b.drain()]);
      fake.disableLimits();
      // 40 messages at 25/s shared: at least ~1.5 s, and no 429 although two processes sent.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
      expect(tooMany()).toBe(0);
      expect(received(ms.map((m) => m.user), 'Chung')).toEqual(ms.map(() => 1));
    } finally {
      r1.disconnect();
      r2.disconnect();
      await deleteRedisPrefix(prefix);
    }
  });

  it('keeps the officer informed with one progress message that ends in a summary, and cancels on request', async () => {
    const [officer, ...ms] = await members(tdb.db.prisma, 31, 'prog');
    await tdb.db.prisma.member.update({ where: { id: officer!.id }, data: { role: 'OFFICER' } });
    const { broadcastId } = await services.broadcasts.start({
      kind: 'ANNOUNCEMENT',
      createdById: officer!.id,
      progressChatId: String(officer!.user.id),
      items: ms.map((m) => ({ chatId: String(m.user.id), memberId: m.id, dedupeKey: `prog:${m.id}`, message: { text: 'Tin mới' } })),
    });
    const d = dispatcher(tdb.db, services, { rate: 5, batchSize: 5 });
    await d.runOnce();
    await d.runOnce();
    const progress = await officer!.user.waitFor(/Đang gửi thông báo/);
    expect(officer!.user.buttons(progress)).toEqual(['⏹ Dừng gửi']);
    const result = await services.broadcasts.cancelFor(broadcastId, { id: officer!.id });
    expect(result).toMatchObject({ ok: true });
    await d.drain();
    const summary = officer!.user.messages.at(-1)!;
    expect(officer!.user.messages).toHaveLength(1); // one message, edited in place
    expect(summary.message_id).toBe(progress.message_id);
    expect(summary.text).toMatch(/Đã dừng gửi/);
    expect(summary.text).toMatch(/Hủy, không gửi: (\d+)/);
    const p = await services.broadcasts.progress(broadcastId);
    expect(summary.text).toContain(`Hủy, không gửi: ${p.cancelled}`);
    expect(p.cancelled).toBeGreaterThan(15);
    expect(p.sent + p.cancelled).toBe(30);
    expect(received(ms.map((m) => m.user), 'Tin mới').reduce((a, b) => a + b, 0)).toBe(p.sent);
    expect(p.status).toBe('CANCELLED');
  });
});

describe('dispatcher on embedded PGlite', () => {
  let db: Database;
  let services: Services;
  beforeAll(async () => {
    db = await createDatabase({ dataDir: 'memory://', logger });
    services = createServices(db.prisma, { adminIds: [], defaultLocale: 'vi' });
  });
  afterAll(async () => {
    await db.close();
  });

  it('claims, sends and records a broadcast through the same SQL', async () => {
    const ms = await members(db.prisma, 25, 'lite');
    const [blocked] = ms;
    fake.blockBot(blocked!.user.id);
    const { broadcastId } = await services.broadcasts.start({
      kind: 'LAUNCH',
      items: ms.map((m) => ({ chatId: String(m.user.id), memberId: m.id, dedupeKey: `lite:${m.id}`, message: { text: 'Nhúng' } })),
    });
    fake.failNext('sendMessage', { error_code: 500, description: 'Internal Server Error' });
    let clock = Date.now();
    const d = dispatcher(db, services, { now: () => new Date(clock) });
    await d.runOnce();
    clock += 10_000;
    await d.drain();
    const p = await services.broadcasts.progress(broadcastId);
    expect(p).toMatchObject({ total: 25, sent: 24, unreachable: 1, pending: 0, failed: 0, status: 'DONE' });
    expect(received(ms.slice(1).map((m) => m.user), 'Nhúng')).toEqual(ms.slice(1).map(() => 1));
  });
});
