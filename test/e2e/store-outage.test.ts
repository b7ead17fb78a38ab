/**
 * A member writes while PostgreSQL or Redis is briefly down. Nothing may be lost: in webhook mode
 * the bot answers Telegram 503 so the update is delivered again (and handled once); in polling mode
 * the bot tries the update again once the store is back, in the order the member wrote; a flow
 * answer whose state could not be saved asks the member to send it again.
 *
 * The outages are real: a private redis-server stopped and started again, and PostgreSQL reached
 * through a TCP proxy the test cuts (connections reset, new ones refused).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Update } from 'grammy/types';
import pg from 'pg';
import { drainBot } from '../../src/channels/telegram/index.js';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { RedisServer } from '../support/redis-server.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import type { SimulatedUser } from '../support/simulated-user.js';

const UNITS = [{ code: 'XA_AH', name: 'Xã An Hiệp' }];
const HELP = /Các lệnh của thành viên/;
const UNHANDLED = /Tôi chưa hiểu yêu cầu này/;
/** Short retries so a test outage of a second or two is noticed quickly. */
const FAST_RETRY = { firstDelayMs: 100, maxDelayMs: 500, giveUpAfterMs: 60_000 };
/** The fake keeps redelivering like Telegram, a little faster. */
const PATIENT_TELEGRAM = { webhookRetry: { attempts: 200, delayMs: 100 } };

async function joinedMember(h: Harness, firstName: string): Promise<SimulatedUser> {
  const unit = await h.app.services.units.byCode('XA_AH');
  const user = h.fake.user({ firstName });
  user.start(`u_${unit!.inviteCode}`);
  await user.waitFor(/họ và tên đầy đủ/);
  user.send(`Nguyễn Thị ${firstName}`);
  await user.waitFor(/Cảm ơn đồng chí/);
  // The answer is out, but the bot may still be saving the step: let it finish before any outage.
  await drainBot(h.app.bot);
  return user;
}

/** The update the fake queued for the message a simulated user just sent. */
function lastUpdateOf(h: Harness, user: SimulatedUser): Update {
  const update = [...h.fake.pendingUpdates].reverse().find((u) => u.message?.chat.id === user.id);
  if (!update) throw new Error('no pending update of this user');
  return update;
}

function statusesOf(h: Harness, update: Update): number[] {
  return h.fake.webhookAttempts.filter((a) => a.updateId === update.update_id).map((a) => a.status);
}

function answersSinceAction(user: SimulatedUser): string[] {
  return user.eventsSinceAction.filter((e) => e.kind === 'sent').map((e) => e.message?.text ?? '');
}

/** How many updates met an unavailable store and were put off, as /metrics reports it. */
async function deferredCount(h: Harness): Promise<number> {
  const metric = await h.app.metrics.registry.getSingleMetric('thidua_store_outage_updates_total')?.get();
  return metric?.values.find((v) => v.labels.outcome === 'deferred')?.value ?? 0;
}

describe('Redis briefly down (a private redis-server stopped and started again)', () => {
  let redis: RedisServer;
  let h: Harness | undefined;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterEach(async () => {
    await redis.resume();
    await h?.close();
    h = undefined;
  });
  afterAll(() => redis?.close());

  it('webhook: answers Telegram 503 while Redis is down, and handles the redelivered update once when it is back', async () => {
    h = await startHarness({ mode: 'webhook', env: { REDIS_URL: redis.url }, fake: PATIENT_TELEGRAM });
    await seedUnits(h.app, UNITS);
    const lan = await joinedMember(h, 'Lan');

    await redis.stop();
    lan.send('/help');
    const update = lastUpdateOf(h, lan);
    await vi.waitFor(() => expect(statusesOf(h!, update)).toContain(503), { timeout: 10_000 });
    expect(answersSinceAction(lan)).toEqual([]);

    await redis.resume();
    await lan.waitFor(HELP, { timeoutMs: 15_000 });
    await vi.waitFor(() => expect(statusesOf(h!, update).at(-1)).toBe(200), { timeout: 5_000 });
    expect(answersSinceAction(lan)).toHaveLength(1);
  }, 40_000);

  it('polling: answers the messages sent while Redis was down once it is back, in the order they were sent', async () => {
    h = await startHarness({ mode: 'polling', env: { REDIS_URL: redis.url }, retry: FAST_RETRY });
    await seedUnits(h.app, UNITS);
    const minh = await joinedMember(h, 'Minh');

    await redis.stop();
    minh.send('/help');
    minh.send('chào bot');
    await vi.waitFor(async () => expect(await deferredCount(h!)).toBeGreaterThan(0), { timeout: 10_000 });
    expect(answersSinceAction(minh)).toEqual([]);

    await redis.resume();
    await minh.waitFor(UNHANDLED, { timeoutMs: 15_000 });
    const answers = answersSinceAction(minh);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatch(HELP);
    expect(answers[1]).toMatch(UNHANDLED);
  }, 40_000);

  it('keeps an answer whose flow state was stored before Redis failed: no "send again", and the bot goes on once Redis is back', async () => {
    h = await startHarness({ mode: 'polling', env: { REDIS_URL: redis.url }, retry: FAST_RETRY });
    await seedUnits(h.app, UNITS);
    const unit = await h.app.services.units.byCode('XA_AH');
    const hoa = h.fake.user({ firstName: 'Hoa' });
    hoa.start(`u_${unit!.inviteCode}`);
    await hoa.waitFor(/họ và tên đầy đủ/);

    // Redis goes down while the bot is answering the name. Flows store their state before they
    // answer (issue 9), so the answer is already kept: nothing to send again.
    const answering = h.fake.holdNext('sendMessage');
    hoa.send('Trần Thị Hoa');
    await answering.reached;
    await redis.stop();
    answering.release();
    await hoa.waitFor(/Cảm ơn đồng chí Trần Thị Hoa/, { timeoutMs: 10_000 });
    await drainBot(h.app.bot);
    expect(answersSinceAction(hoa).join('\n')).not.toMatch(/chưa được ghi nhận/);
    expect((await h.app.services.members.byIdentity('TELEGRAM', String(hoa.id)))?.fullName).toBe('Trần Thị Hoa');

    await redis.resume();
    hoa.send('/help');
    await hoa.waitFor(HELP, { timeoutMs: 10_000 });
  }, 40_000);
});

describe('PostgreSQL briefly down (reached through a proxy the test cuts)', () => {
  let proxy: TcpProxy;
  let h: Harness | undefined;
  beforeAll(async () => {
    proxy = await TcpProxy.start(5432);
  });
  afterEach(async () => {
    await proxy.restore();
    await h?.close();
    h = undefined;
  });
  afterAll(() => proxy?.close());

  /** The test database as the test reaches it (directly), and as the bot does (through the proxy). */
  let directUrl = '';
  const throughProxy = (url: string) => {
    directUrl = url;
    const u = new URL(url);
    u.port = String(proxy.port);
    return u.toString();
  };

  it('webhook, flow state in the database: answers 503 while it is down, and handles the redelivered update once when it is back', async () => {
    h = await startHarness({ mode: 'webhook', storage: 'postgres', databaseUrl: throughProxy, fake: PATIENT_TELEGRAM });
    await seedUnits(h.app, UNITS);
    const lan = await joinedMember(h, 'Lan');

    await proxy.cut();
    lan.send('/help');
    const update = lastUpdateOf(h, lan);
    await vi.waitFor(() => expect(statusesOf(h!, update)).toContain(503), { timeout: 10_000 });
    expect(answersSinceAction(lan)).toEqual([]);

    await proxy.restore();
    await lan.waitFor(HELP, { timeoutMs: 15_000 });
    await vi.waitFor(() => expect(statusesOf(h!, update).at(-1)).toBe(200), { timeout: 5_000 });
    expect(answersSinceAction(lan)).toHaveLength(1);
  }, 40_000);

  it('webhook: when it goes down in the middle of a handler, answers 503 instead of an error message, and answers the redelivered update once', async () => {
    h = await startHarness({ mode: 'webhook', storage: 'postgres', databaseUrl: throughProxy, fake: PATIENT_TELEGRAM });
    await seedUnits(h.app, UNITS);
    const lan = await joinedMember(h, 'Lan');

    // The member's row is read; the campaigns query then waits on a lock while the
    // database goes away under it.
    const blocker = new pg.Client({ connectionString: directUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE "campaign" IN ACCESS EXCLUSIVE MODE');
      lan.send('/campaigns');
      const update = lastUpdateOf(h, lan);
      await vi.waitFor(
        async () => {
          const waiting = await blocker.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'campaign'::regclass`);
          expect(waiting.rows[0].n).toBeGreaterThan(0);
        },
        { timeout: 10_000 },
      );
      await proxy.cut();
      await vi.waitFor(() => expect(statusesOf(h!, update)).toContain(503), { timeout: 10_000 });
      expect(answersSinceAction(lan)).toEqual([]);

      await blocker.query('ROLLBACK');
      await proxy.restore();
      await lan.waitFor(/chưa có phong trào thi đua nào đang triển khai/, { timeoutMs: 15_000 });
      await vi.waitFor(() => expect(statusesOf(h!, update).at(-1)).toBe(200), { timeout: 5_000 });
      expect(answersSinceAction(lan)).toHaveLength(1);
    } finally {
      await blocker.end();
    }
  }, 40_000);

  it('polling, flow state in Redis: answers the message sent while it was down once it is back', async () => {
    h = await startHarness({ mode: 'polling', storage: 'postgres', redis: true, databaseUrl: throughProxy, retry: FAST_RETRY });
    await seedUnits(h.app, UNITS);
    const minh = await joinedMember(h, 'Minh');

    await proxy.cut();
    minh.send('/help');
    await vi.waitFor(async () => expect(await deferredCount(h!)).toBeGreaterThan(0), { timeout: 10_000 });
    expect(answersSinceAction(minh)).toEqual([]);

    await proxy.restore();
    await minh.waitFor(HELP, { timeoutMs: 15_000 });
    expect(answersSinceAction(minh)).toHaveLength(1);
  }, 40_000);
});
