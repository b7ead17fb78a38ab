/**
 * Telegram delivers an update again when it did not get the webhook's answer in time (or at all).
 * The member must still get one answer: a redelivered update_id is recognised — by this instance,
 * by another one, after a restart — and a slow update is acknowledged before Telegram gives up on
 * the call, then finished in the background.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import type { Update } from 'grammy/types';
import { drainBot } from '../../src/channels/telegram/index.js';
import { startHarness, type Harness } from '../support/app-harness.js';
import type { SimulatedUser } from '../support/simulated-user.js';

const HELP = /Các lệnh của thành viên/;

function lastUpdateOf(h: Harness, user: SimulatedUser): Update {
  const update = [...h.fake.pendingUpdates].reverse().find((u) => u.message?.chat.id === user.id);
  if (!update) throw new Error('no pending update of this user');
  return update;
}

function helpAnswers(user: SimulatedUser): number {
  return user.events.filter((e) => e.kind === 'sent' && HELP.test(e.message?.text ?? '')).length;
}

describe('an update delivered twice by Telegram (webhook mode)', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('answers the member once when the same update_id comes again, also after a restart', async () => {
    h = await startHarness({ mode: 'webhook', storage: 'postgres', redis: true });
    const lan = h.fake.user({ firstName: 'Lan' });
    lan.send('/help');
    const update = lastUpdateOf(h, lan);
    await lan.waitFor(HELP);
    await vi.waitFor(() => expect(h!.fake.pendingUpdates).toHaveLength(0));

    // The answer to the first delivery was lost: Telegram posts the update again.
    expect(await h.fake.redeliverWebhook(update)).toBe(200);
    await drainBot(h.app.bot);
    expect(helpAnswers(lan)).toBe(1);

    // Another instance (here: the restarted process, with an empty memory) gets it once more.
    await h.restart();
    expect(await h.fake.redeliverWebhook(update)).toBe(200);
    await drainBot(h.app.bot);
    expect(helpAnswers(lan)).toBe(1);
  }, 30_000);

  it('answers Telegram before it gives up on a slow update, and handles that update once', async () => {
    h = await startHarness({
      mode: 'webhook',
      storage: 'postgres',
      env: { WEBHOOK_ACK_MS: '300' },
      // Telegram abandons a webhook call that takes too long and delivers the update again.
      fake: { webhookTimeoutMs: 1_500, webhookRetry: { attempts: 5, delayMs: 100 } },
    });
    const minh = h.fake.user({ firstName: 'Minh' });
    minh.send('/start');
    await minh.waitFor(/Đồng chí thuộc đơn vị nào|Xin chào/);
    await vi.waitFor(() => expect(h!.fake.pendingUpdates).toHaveLength(0));

    // The database is slow: every member lookup waits for a lock held by someone else.
    const blocker = new pg.Client({ connectionString: h.config.DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE "member" IN ACCESS EXCLUSIVE MODE');
      minh.send('/help');
      const update = lastUpdateOf(h, minh);
      // Longer than Telegram waits for one call: without an early answer it would deliver again.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await blocker.query('ROLLBACK');

      await minh.waitFor(HELP, { timeoutMs: 10_000 });
      await vi.waitFor(() => expect(h!.fake.pendingUpdates).toHaveLength(0), { timeout: 10_000 });
      await drainBot(h.app.bot);
      expect(helpAnswers(minh)).toBe(1);
      expect(h.fake.webhookAttempts.filter((a) => a.updateId === update.update_id).map((a) => a.status)).toEqual([200]);
    } finally {
      await blocker.end();
    }
  }, 30_000);
});
