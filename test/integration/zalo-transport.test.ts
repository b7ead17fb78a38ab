/**
 * The Zalo channel's transport against the fake Zalo Bot API over real HTTP, with the update
 * ledger in real Redis and real PostgreSQL: what comes in reaches the bot once, in order, in both
 * modes; what goes out is cut at 2,000 characters, paced, and survives 429s; errors say what the
 * dispatcher must do and never show the token.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, type Redis } from '../../src/redis.js';
import { databaseLedger, redisLedger, type UpdateLedger } from '../../src/updates/ledger.js';
import { ZaloApi, ZaloApiError, ZaloNetworkError, sendOutcome } from '../../src/channels/zalo/api.js';
import { ZALO_UPDATES, ZaloReceiver } from '../../src/channels/zalo/receiver.js';
import { ZaloPolling } from '../../src/channels/zalo/polling.js';
import { ZaloSender } from '../../src/channels/zalo/sender.js';
import { startZalo } from '../../src/channels/zalo/start.js';
import type { InboundEvent } from '../../src/channels/inbound.js';
import { createHttpApp, listen } from '../../src/http/server.js';
import { createMetrics } from '../../src/http/metrics.js';
import { FakeZalo, type ZaloUser } from '../support/fake-zalo.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { TEST_REDIS_URL, deleteRedisPrefix } from '../support/app-harness.js';

const logger = pino({ level: 'silent' });
const prefix = `test:zalo:${randomBytes(4).toString('hex')}:`;
let redis: Redis;
let database: TestDatabase;
let zalo: FakeZalo;

beforeAll(async () => {
  redis = createRedis(TEST_REDIS_URL, prefix);
  database = await createTestDatabase();
});
afterAll(async () => {
  redis.disconnect();
  await deleteRedisPrefix(prefix);
  await database.drop();
});
afterEach(async () => {
  await zalo?.close();
});

const apiFor = (fake: FakeZalo, token = fake.token) => new ZaloApi({ token, apiRoot: fake.apiRoot });

/** A receiver whose handler records events (and answers text through `sender` when given). */
function recordingReceiver(ledger: UpdateLedger<string>, onEvent?: (e: InboundEvent) => Promise<void>) {
  const events: InboundEvent[] = [];
  const receiver = new ZaloReceiver({
    ledger,
    logger,
    handle: async (e) => {
      events.push(e);
      await onEvent?.(e);
    },
  });
  return { receiver, events };
}

async function waitUntil(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the Zalo API client', () => {
  it('sends and reads through <root>/bot<token>/<method>, and a 408 long poll is "no update"', async () => {
    zalo = await FakeZalo.start({ maxPollMs: 200 });
    const api = apiFor(zalo);
    const lan = zalo.user('Lan');
    expect(await api.getMe()).toMatchObject({ account_name: 'bot.ThiDuaTest' });
    expect(await sendOutcome(() => api.sendMessage(lan.id, 'Xin chào'))).toEqual({ kind: 'sent', externalMessageId: zalo.sentTo(lan.id)[0]!.messageId });
    await api.sendPhoto(lan.id, 'https://bot.example.vn/f/x.png', 'Biểu đồ');
    await api.sendChatAction(lan.id);
    expect(zalo.sentTo(lan.id).map((m) => m.method)).toEqual(['sendMessage', 'sendPhoto']);
    expect(await api.getUpdates(30)).toEqual([]);
    expect(zalo.stats.pollTimeouts).toBe(1);
  });

  it('tells the dispatcher what each failure means: 429 waits (honouring a hint), blocked or unknown users are unreachable, a bad message failed, hiccups transient', async () => {
    zalo = await FakeZalo.start();
    const api = apiFor(zalo);
    const lan = zalo.user('Lan');
    const send = () => sendOutcome(() => api.sendMessage(lan.id, 'x'));
    zalo.failNext('sendMessage', { error_code: 429, description: 'Quota exceeded', parameters: { retry_after: 3 } });
    expect(await send()).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3000 });
    zalo.failNext('sendMessage', { error_code: 429, description: 'Quota exceeded' });
    expect(await send()).toMatchObject({ kind: 'rate_limited', retryAfterMs: 1000 });
    zalo.failNext('sendMessage', { error_code: 500, description: 'oops' });
    expect(await send()).toMatchObject({ kind: 'transient' });
    zalo.failNext('sendMessage', { error_code: 403, description: 'Internal server error' });
    expect(await send()).toMatchObject({ kind: 'transient' });
    zalo.failNext('sendMessage', 'network');
    expect(await send()).toMatchObject({ kind: 'transient' });
    expect(await sendOutcome(() => api.sendMessage(lan.id, 'x'.repeat(2001)))).toMatchObject({ kind: 'failed', error: expect.stringMatching(/1-2000/) });
    expect(await sendOutcome(() => api.sendMessage('never-wrote', 'x'))).toMatchObject({ kind: 'unreachable' });
    zalo.blockBot(lan);
    expect(await send()).toMatchObject({ kind: 'unreachable' });
  });

  it('takes a page that is not Zalo\'s answer (a proxy in the way) as a hiccup to retry, even with status 200', async () => {
    const proxy = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>portal</html>'));
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const api = new ZaloApi({ token: '1:t', apiRoot: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` });
      expect(await sendOutcome(() => api.sendMessage('u', 'x'))).toMatchObject({ kind: 'transient' });
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  });

  it('reads errors the same when Zalo answers them with HTTP 200 and ok:false', async () => {
    zalo = await FakeZalo.start({ errorsWithHttp200: true, maxPollMs: 100 });
    const api = apiFor(zalo);
    const lan = zalo.user('Lan');
    zalo.failNext('sendMessage', { error_code: 429, description: 'Quota exceeded' });
    expect(await sendOutcome(() => api.sendMessage(lan.id, 'x'))).toMatchObject({ kind: 'rate_limited' });
    expect(await api.getUpdates(1)).toEqual([]);
  });

  it('never shows the token: not for a refused token, not when an error echoes the URL, not for a dead host', async () => {
    zalo = await FakeZalo.start();
    const lan = zalo.user('Lan');
    const wrong = apiFor(zalo, '999:not-the-token');
    const refused = await wrong.getMe().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ZaloApiError);
    expect((refused as ZaloApiError).errorCode).toBe(401);
    expect(String((refused as Error).message)).not.toContain('not-the-token');
    zalo.failNext('sendMessage', { error_code: 400, description: `bad request to ${zalo.apiRoot}/bot${zalo.token}/sendMessage` });
    const echoed = await sendOutcome(() => apiFor(zalo).sendMessage(lan.id, 'x'));
    expect(echoed.kind).toBe('failed');
    expect(JSON.stringify(echoed)).not.toContain(zalo.token);
    expect(JSON.stringify(echoed)).toContain('<token>');
    const dead = new ZaloApi({ token: zalo.token, apiRoot: 'http://127.0.0.1:1' });
    const down = await dead.getMe().catch((e: unknown) => e);
    expect(down).toBeInstanceOf(ZaloNetworkError);
    expect(String((down as Error).message) + String((down as Error).stack)).not.toContain(zalo.token);
  });
});

describe('receiving by long polling', () => {
  it('deletes the webhook first, then hands over text, photo, sticker and unsupported messages in the order sent', async () => {
    zalo = await FakeZalo.start({ maxPollMs: 300 });
    const api = apiFor(zalo);
    await api.setWebhook(`http://127.0.0.1:1/zalo`, 'a-secret-of-length');
    const { receiver, events } = recordingReceiver(redisLedger<string>(redis, ZALO_UPDATES));
    const poller = new ZaloPolling({ api, receive: (u) => receiver.receive(u), logger, timeoutSec: 30 });
    poller.start();
    await waitUntil(() => zalo.callsOf('getUpdates').length > 0);
    expect(zalo.calls.map((c) => c.method).slice(-2)).toEqual(['deleteWebhook', 'getUpdates']);
    expect(zalo.webhookUrl).toBe('');
    const lan = zalo.user('Lan');
    zalo.userSays(lan, 'Đăng ký');
    const { url } = zalo.userSendsImage(lan, { caption: 'Ảnh' });
    zalo.userSendsSticker(lan);
    zalo.userSendsUnsupported(lan);
    await waitUntil(() => events.length === 4);
    await poller.stop();
    expect(events.map((e) => e.kind)).toEqual(['text', 'image', 'sticker', 'unsupported']);
    expect(events[0]).toMatchObject({ channel: 'ZALO', chatId: lan.id, chatType: 'private', from: { externalId: lan.id, name: 'Lan' }, text: 'Đăng ký' });
    expect(events[1]).toMatchObject({ imageUrl: url, caption: 'Ảnh' });
  });

  it('drops a malformed update with a log line and goes on with the next', async () => {
    zalo = await FakeZalo.start({ maxPollMs: 300 });
    const lines: string[] = [];
    const spy = pino({ level: 'warn' }, { write: (l: string) => void lines.push(l) });
    const events: InboundEvent[] = [];
    const receiver = new ZaloReceiver({ ledger: redisLedger<string>(redis, ZALO_UPDATES), logger: spy, handle: async (e) => void events.push(e) });
    const poller = new ZaloPolling({ api: apiFor(zalo), receive: (u) => receiver.receive(u), logger });
    poller.start();
    const lan = zalo.user('Lan');
    zalo.queueRaw({ event_name: 'message.text.received', message: { text: 'no ids' } });
    zalo.queueRaw('not even an object');
    zalo.userSays(lan, 'vẫn nghe');
    await waitUntil(() => events.length === 1);
    await poller.stop();
    expect(events[0]!.text).toBe('vẫn nghe');
    expect(lines.filter((l) => l.includes('zalo update dropped'))).toHaveLength(2);
  });

  it('backs off with jitter while Zalo fails, then carries on without losing the update', async () => {
    zalo = await FakeZalo.start({ maxPollMs: 300 });
    zalo.failNext('getUpdates', { error_code: 502, description: 'Bad Gateway' }, 3);
    const { receiver, events } = recordingReceiver(redisLedger<string>(redis, ZALO_UPDATES));
    const poller = new ZaloPolling({ api: apiFor(zalo), receive: (u) => receiver.receive(u), logger, firstDelayMs: 100, maxDelayMs: 1000 });
    const started = Date.now();
    poller.start();
    const lan = zalo.user('Lan');
    zalo.userSays(lan, 'sau sự cố');
    await waitUntil(() => events.length === 1);
    await poller.stop();
    // Three failures wait at least 50 + 100 + 200 ms (half of 100, 200, 400: the jitter's floor).
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    const polls = zalo.callsOf('getUpdates').map((c) => c.at);
    expect(polls[1]! - polls[0]!).toBeGreaterThanOrEqual(45);
    expect(polls[3]! - polls[2]!).toBeGreaterThanOrEqual(195);
  });

  it('stops promptly in the middle of a 30-second long poll', async () => {
    zalo = await FakeZalo.start();
    const poller = new ZaloPolling({ api: apiFor(zalo), receive: async () => undefined, logger, timeoutSec: 30 });
    poller.start();
    await waitUntil(() => zalo.callsOf('getUpdates').length === 1);
    const before = Date.now();
    await poller.stop();
    expect(Date.now() - before).toBeLessThan(500);
  });
});

describe('receiving by webhook (POST /zalo)', () => {
  const SECRET = 'zalo-webhook-secret-1';

  async function serve(receiver: ZaloReceiver) {
    const app = createHttpApp({ metrics: createMetrics(), health: async () => ({}), zalo: { secret: SECRET, receive: (b) => receiver.receive(b), logger } });
    return listen(app, 0, '127.0.0.1');
  }

  it('accepts Zalo posts with the secret, wrapped or bare, handles a redelivery once, and refuses anyone else with 401', async () => {
    zalo = await FakeZalo.start();
    const { receiver, events } = recordingReceiver(databaseLedger<string>(database.db.prisma, undefined, ZALO_UPDATES));
    const { server, port } = await serve(receiver);
    try {
      await apiFor(zalo).setWebhook(`http://127.0.0.1:${port}/zalo`, SECRET);
      const lan = zalo.user('Lan');
      const update = zalo.userSays(lan, 'qua webhook');
      await waitUntil(() => events.length === 1);
      expect(zalo.webhookAttempts[0]).toMatchObject({ status: 200, secretToken: SECRET });
      expect(await zalo.pushWebhook(update, { bare: true })).toBe(200);
      expect(await zalo.pushWebhook(update)).toBe(200);
      const bare = zalo.userSays(lan, 'không bọc');
      await waitUntil(() => events.length === 2);
      await receiver.drain();
      expect(events.map((e) => e.text)).toEqual(['qua webhook', 'không bọc']);
      expect(await zalo.pushWebhook(bare, { secret: 'zalo-webhook-secret-2' })).toBe(401);
      expect(await zalo.pushWebhook(bare, { secret: null })).toBe(401);
      expect(await zalo.pushWebhook(bare, { secret: SECRET.slice(0, -1) })).toBe(401);
      const notJson = await fetch(`http://127.0.0.1:${port}/zalo`, { method: 'POST', headers: { 'X-Bot-Api-Secret-Token': SECRET }, body: '{oops' });
      expect(notJson.status).toBe(400);
      expect(await zalo.pushWebhook({ event_name: 'user.follow' })).toBe(200);
      await receiver.drain();
      expect(events).toHaveLength(2);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('starting the Zalo channel', () => {
  it('in webhook mode registers <PUBLIC_URL>/zalo with the secret, and members\' messages arrive through it', async () => {
    zalo = await FakeZalo.start();
    const { receiver, events } = recordingReceiver(redisLedger<string>(redis, ZALO_UPDATES));
    const app = createHttpApp({ metrics: createMetrics(), health: async () => ({}), zalo: { secret: 'start-secret-123', receive: (b) => receiver.receive(b), logger } });
    const { server, port } = await listen(app, 0, '127.0.0.1');
    try {
      const started = await startZalo({ api: apiFor(zalo), mode: 'webhook', publicUrl: `http://127.0.0.1:${port}/`, secret: 'start-secret-123', receiver, logger });
      expect(zalo.webhookUrl).toBe(`http://127.0.0.1:${port}/zalo`);
      zalo.userSays(zalo.user('Lan'), 'đến qua webhook');
      await waitUntil(() => events.length === 1);
      await started.stop();
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('in polling mode receives until stopped, and refuses to start with a wrong token without showing it', async () => {
    zalo = await FakeZalo.start({ maxPollMs: 300 });
    const { receiver, events } = recordingReceiver(redisLedger<string>(redis, ZALO_UPDATES));
    const started = await startZalo({ api: apiFor(zalo), mode: 'polling', receiver, logger });
    zalo.userSays(zalo.user('Lan'), 'đến qua polling');
    await waitUntil(() => events.length === 1);
    await started.stop();
    const wrong = await startZalo({ api: apiFor(zalo, '7:wrong-secret'), mode: 'polling', receiver, logger }).catch((e: unknown) => e as Error);
    expect(wrong).toBeInstanceOf(ZaloApiError);
    expect((wrong as Error).message).toMatch(/401/);
    expect((wrong as Error).message).not.toContain('wrong-secret');
  });
});

describe('deduplication by event_name + message_id', () => {
  const update = (id: string) => ({
    ok: true,
    result: { event_name: 'message.text.received', message: { message_id: id, date: Date.now(), from: { id: 'u1', display_name: 'Lan' }, chat: { id: 'u1', chat_type: 'PRIVATE' }, text: 'x' } },
  });

  for (const store of ['redis', 'postgres'] as const) {
    it(`handles an update once across two instances sharing ${store}, and again only if handling failed`, async () => {
      const ledger = () => (store === 'redis' ? redisLedger<string>(redis, ZALO_UPDATES) : databaseLedger<string>(database.db.prisma, undefined, ZALO_UPDATES));
      const a = recordingReceiver(ledger());
      const b = recordingReceiver(ledger());
      const id = randomBytes(10).toString('hex');
      expect(await Promise.all([a.receiver.receive(update(id)), b.receiver.receive(update(id))])).toEqual(expect.arrayContaining(['handled', 'duplicate']));
      expect(await b.receiver.receive(update(id))).toBe('duplicate');
      expect(a.events.length + b.events.length).toBe(1);
      // A different message, or the same message id under another event, is another update.
      expect(await a.receiver.receive(update(randomBytes(10).toString('hex')))).toBe('handled');

      let fail = true;
      const flaky = new ZaloReceiver({ ledger: ledger(), logger, handle: async () => { if (fail) throw new Error('store down'); } });
      const other = randomBytes(10).toString('hex');
      expect(await flaky.receive(update(other))).toBe('failed');
      fail = false;
      expect(await flaky.receive(update(other))).toBe('handled');
      expect(await flaky.receive(update(other))).toBe('duplicate');
    });
  }

  it('handles a chat\'s updates in the order they came even when the first is slow, without holding up other chats', async () => {
    const done: string[] = [];
    const receiver = new ZaloReceiver({
      ledger: redisLedger<string>(redis, ZALO_UPDATES),
      logger,
      handle: async (e) => {
        if (e.text === 'một') await new Promise((r) => setTimeout(r, 300));
        done.push(`${e.chatId}:${e.text}`);
      },
    });
    const say = (chat: string, text: string) => ({ ...update(randomBytes(10).toString('hex')).result, message: { message_id: randomBytes(10).toString('hex'), date: Date.now(), from: { id: chat }, chat: { id: chat, chat_type: 'PRIVATE' }, text } });
    await Promise.all([receiver.receive(say('lan', 'một')), receiver.receive(say('lan', 'hai')), receiver.receive(say('minh', 'khác'))]);
    expect(done).toEqual(['minh:khác', 'lan:một', 'lan:hai']);
  });

  it('remembers a handled update for at least ten minutes, under Zalo keys that leave Telegram\'s upd:<id> as it was', async () => {
    const { receiver } = recordingReceiver(redisLedger<string>(redis, ZALO_UPDATES));
    const id = randomBytes(10).toString('hex');
    await receiver.receive(update(id));
    expect(await redis.pttl(`zalo:upd:message.text.received:${id}`)).toBeGreaterThan(10 * 60_000);
    const telegram = redisLedger(redis);
    expect(await telegram.claim(424242, false)).toBe('new');
    await telegram.complete(424242);
    expect(await redis.get('upd:424242')).toBe('done');
    expect(await redis.pttl('upd:424242')).toBeGreaterThan(23 * 3600_000);
    const row = await database.db.prisma.session.findMany({ where: { key: { startsWith: 'zalo:upd:' } } });
    expect(row.every((r) => r.value === 'done')).toBe(true);
  });
});

describe('sending on Zalo', () => {
  let lan: ZaloUser;

  it('sends a long text as ordered parts of at most 2,000 characters, cut at paragraphs', async () => {
    zalo = await FakeZalo.start();
    lan = zalo.user('Lan');
    const sender = new ZaloSender({ api: apiFor(zalo), rate: 50 });
    const paragraphs = ['Một. ' + 'a'.repeat(1400), 'Hai. ' + 'b'.repeat(1400), 'Ba. ' + 'c'.repeat(1400)];
    const r = await sender.sendText(lan.id, paragraphs.join('\n\n'));
    expect(r).toMatchObject({ kind: 'sent', parts: 3, partsSent: 3 });
    expect(zalo.textsTo(lan.id)).toEqual(paragraphs);
  });

  it('paces messages at ZALO_RATE per second over all chats, shared through Redis', async () => {
    zalo = await FakeZalo.start();
    const users = [zalo.user('A'), zalo.user('B'), zalo.user('C')];
    const api = apiFor(zalo);
    const one = new ZaloSender({ api, rate: 5, redis });
    const two = new ZaloSender({ api, rate: 5, redis });
    const started = Date.now();
    await Promise.all(users.flatMap((u, i) => [one.sendText(u.id, `một ${i}`), two.sendText(u.id, `hai ${i}`)]));
    // Six messages at 5/s: the sixth leaves a full second after the first.
    const at = zalo.callsOf('sendMessage').map((c) => c.at);
    expect(at).toHaveLength(6);
    expect(at[5]! - at[0]!).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('waits out a 429 (its hint when given) and delivers; gives up as rate_limited after too many, saying how far it got', async () => {
    zalo = await FakeZalo.start();
    lan = zalo.user('Lan');
    const sender = new ZaloSender({ api: apiFor(zalo), rate: 50, attempts: 2 });
    zalo.failNext('sendMessage', { error_code: 429, description: 'Quota exceeded', parameters: { retry_after: 1 } });
    const before = Date.now();
    expect(await sender.sendText(lan.id, 'sau 429')).toMatchObject({ kind: 'sent' });
    expect(Date.now() - before).toBeGreaterThanOrEqual(950);
    expect(zalo.textsTo(lan.id)).toEqual(['sau 429']);

    // Part two of a long text meets two 429s in a row: the caller learns one part is out, and resumes.
    const text = `${'x'.repeat(1500)}\n\n${'y'.repeat(1500)}`;
    zalo.failNext('sendMessage', { error_code: 429, description: 'Quota exceeded', parameters: { retry_after: 0 } }, 2, { after: 1 });
    const r = await sender.sendText(lan.id, text);
    expect(r).toMatchObject({ kind: 'rate_limited', parts: 2, partsSent: 1 });
    expect(await sender.sendText(lan.id, text, { fromPart: r.partsSent })).toMatchObject({ kind: 'sent', partsSent: 2 });
    expect(zalo.textsTo(lan.id).slice(-2)).toEqual(['x'.repeat(1500), 'y'.repeat(1500)]);
  });

  it('reports a user who blocked the bot as unreachable without retrying, and refuses an empty text', async () => {
    zalo = await FakeZalo.start();
    lan = zalo.user('Lan');
    zalo.blockBot(lan);
    const sender = new ZaloSender({ api: apiFor(zalo), rate: 50 });
    expect(await sender.sendText(lan.id, 'chào')).toMatchObject({ kind: 'unreachable', partsSent: 0 });
    expect(zalo.callsOf('sendMessage')).toHaveLength(1);
    expect(await sender.sendText(lan.id, '  ')).toMatchObject({ kind: 'failed' });
  });
});
