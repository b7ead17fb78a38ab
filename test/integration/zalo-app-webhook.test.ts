/**
 * A Zalo-only bot in webhook mode, wired by createApp: it registers `<PUBLIC_URL>/zalo` with the
 * secret at start, answers what Zalo posts there, answers a redelivered update once (the database
 * ledger: no Redis here), and refuses a post without the secret.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { parseConfig } from '../../src/config.js';
import { createApp, type App } from '../../src/app.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '../support/databases.js';

/** A port nobody listens on now (PUBLIC_URL must name it before the server starts). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('a Zalo-only bot in webhook mode', () => {
  let zalo: FakeZalo;
  let db: EmptyTestDatabase;
  let app: App;
  beforeAll(async () => {
    zalo = await FakeZalo.start();
    db = await createEmptyTestDatabase();
    const port = await freePort();
    const parsed = parseConfig({
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      ZALO_MODE: 'webhook',
      ZALO_WEBHOOK_SECRET: 'zalo-test-secret',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      METRICS_PORT: 'off',
      DATABASE_URL: db.url,
    });
    if (!parsed.ok) throw new Error(parsed.message);
    app = await createApp(parsed.config, { logger: pino({ level: 'silent' }) });
    await app.start();
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await zalo?.close();
    await db?.drop();
  });

  it('registers its webhook, answers a member once per update, and refuses a post without the secret', async () => {
    expect(app.telegram).toBeNull();
    expect(() => app.bot).toThrow(/no Telegram channel/);
    expect(zalo.webhookUrl).toBe(`${app.config.PUBLIC_URL}/zalo`);

    const lan = zalo.user('Lan');
    const update = zalo.userSays(lan, 'xin chào');
    const [welcome] = await zalo.waitForSent(lan.id, 1);
    expect(welcome!.text).toMatch(/Xin chào Lan! 👋[\s\S]*ngay trong Zalo/);

    // Zalo retries a webhook: the same update again is acknowledged and not answered twice.
    expect(await zalo.pushWebhook(update)).toBe(200);
    expect(await zalo.pushWebhook(zalo.userSays(lan, 'hủy'), { secret: 'wrong-secret' })).toBe(401);
    // "hủy" (delivered with the secret) is answered after the redelivery: one chat is handled in order.
    await zalo.waitForSent(lan.id, 2);
    await new Promise((r) => setTimeout(r, 200));
    const texts = zalo.textsTo(lan.id);
    expect(texts[1]).toMatch(/Đã hủy/);
    expect(texts.filter((t) => /Xin chào Lan/.test(t))).toHaveLength(1);
  }, 60_000);
});
