/**
 * The fake Zalo Bot API itself, driven with plain HTTP: if it accepted what Zalo refuses, or
 * answered differently from Zalo's documented behaviour, every Zalo test built on it would prove
 * nothing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeZalo, TINY_JPEG, type FakeZaloOptions } from '../support/fake-zalo.js';

let zalo: FakeZalo;
afterEach(async () => {
  await zalo?.close();
});

async function start(opts: FakeZaloOptions = {}): Promise<FakeZalo> {
  zalo = await FakeZalo.start(opts);
  return zalo;
}

async function call(method: string, params: Record<string, unknown> = {}, token = zalo.token): Promise<{ status: number; body: { ok: boolean; result?: any; error_code?: number; description?: string } }> {
  const res = await fetch(`${zalo.apiRoot}/bot${token}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
  return { status: res.status, body: (await res.json()) as any };
}

describe('the fake Zalo Bot API', () => {
  it('answers getMe, and refuses an unknown token with 401 and an unknown method with 400', async () => {
    await start();
    expect((await call('getMe')).body).toMatchObject({ ok: true, result: { account_name: 'bot.ThiDuaTest', can_join_groups: true } });
    expect(await call('getMe', {}, '1:wrong')).toMatchObject({ status: 401, body: { ok: false, error_code: 401 } });
    expect((await call('sendMessageX')).body).toMatchObject({ ok: false, error_code: 400 });
  });

  it('delivers one update per getUpdates, in order, then 408 when nothing comes within the timeout', async () => {
    await start();
    const lan = zalo.user('Lan');
    zalo.userSays(lan, 'một');
    zalo.userSays(lan, 'hai');
    const first = await call('getUpdates', { timeout: '1' });
    expect(first.body.result).toMatchObject({ event_name: 'message.text.received', message: { text: 'một', from: { id: lan.id, display_name: 'Lan' }, chat: { id: lan.id, chat_type: 'PRIVATE' } } });
    expect(Array.isArray(first.body.result)).toBe(false);
    expect((await call('getUpdates', { timeout: '1' })).body.result.message.text).toBe('hai');
    const before = Date.now();
    expect(await call('getUpdates', { timeout: '1' })).toMatchObject({ status: 408, body: { ok: false, error_code: 408 } });
    expect(Date.now() - before).toBeGreaterThanOrEqual(900);
  });

  it('answers a waiting long poll as soon as a user writes', async () => {
    await start();
    const lan = zalo.user('Lan');
    const poll = call('getUpdates', { timeout: '20' });
    await new Promise((r) => setTimeout(r, 100));
    const before = Date.now();
    zalo.userSays(lan, 'xin chào');
    expect((await poll).body.result.message.text).toBe('xin chào');
    expect(Date.now() - before).toBeLessThan(1000);
  });

  it('refuses a text over 2,000 characters, an empty one, a missing chat_id and any button or formatting field with 400', async () => {
    await start();
    const lan = zalo.user('Lan');
    expect((await call('sendMessage', { chat_id: lan.id, text: 'x'.repeat(2000) })).body.ok).toBe(true);
    for (const params of [
      { chat_id: lan.id, text: 'x'.repeat(2001) },
      { chat_id: lan.id, text: '' },
      { text: 'hi' },
      { chat_id: lan.id, text: 'hi', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } },
      { chat_id: lan.id, text: '<b>hi</b>', parse_mode: 'HTML' },
    ]) {
      expect(await call('sendMessage', params)).toMatchObject({ status: 400, body: { ok: false, error_code: 400 } });
    }
    expect((await call('sendPhoto', { chat_id: lan.id, photo: 'https://x.vn/a.png', caption: 'c'.repeat(2001) })).status).toBe(400);
    expect((await call('sendPhoto', { chat_id: lan.id, photo: 'not-a-url' })).status).toBe(400);
    expect((await call('sendChatAction', { chat_id: lan.id, action: 'upload_photo' })).status).toBe(400);
    expect(zalo.textsTo(lan.id)).toEqual(['x'.repeat(2000)]);
  });

  it('records what the bot sent per chat: texts and photos by URL with their caption', async () => {
    await start();
    const lan = zalo.user('Lan');
    const minh = zalo.user('Minh');
    await call('sendMessage', { chat_id: lan.id, text: 'Chào Lan' });
    await call('sendPhoto', { chat_id: minh.id, photo: 'https://bot.example.vn/c/abc.png', caption: 'Biểu đồ' });
    expect(zalo.sentTo(lan.id)).toMatchObject([{ method: 'sendMessage', text: 'Chào Lan' }]);
    expect(zalo.sentTo(minh.id)).toMatchObject([{ method: 'sendPhoto', photo: 'https://bot.example.vn/c/abc.png', caption: 'Biểu đồ' }]);
    expect((await call('sendMessage', { chat_id: 'nobody-wrote', text: 'hi' })).body).toMatchObject({ ok: false, error_code: 404 });
  });

  it('serves the photo a user sends at its URL until the link expires', async () => {
    await start();
    const lan = zalo.user('Lan');
    const { update, url } = zalo.userSendsImage(lan, { caption: 'Ảnh minh chứng' });
    expect(update).toMatchObject({ event_name: 'message.image.received', message: { photo: url, caption: 'Ảnh minh chứng' } });
    const res = await fetch(url);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(TINY_JPEG);
    zalo.expireFile(url);
    expect((await fetch(url)).status).toBe(404);
  });

  it('injects stickers and unsupported messages as Zalo names them', async () => {
    await start();
    const lan = zalo.user('Lan');
    zalo.userSendsSticker(lan);
    zalo.userSendsUnsupported(lan);
    expect((await call('getUpdates', { timeout: '1' })).body.result).toMatchObject({ event_name: 'message.sticker.received', message: { sticker: expect.any(String), url: expect.any(String) } });
    expect((await call('getUpdates', { timeout: '1' })).body.result.event_name).toBe('message.unsupported.received');
  });

  it('answers 429 when told to, or when sends exceed a rate, and refuses sends to a user who blocked the bot', async () => {
    await start();
    const lan = zalo.user('Lan');
    zalo.failNext('sendMessage', { error_code: 429, description: 'Quota exceeded', parameters: { retry_after: 2 } });
    expect(await call('sendMessage', { chat_id: lan.id, text: 'a' })).toMatchObject({ status: 429, body: { error_code: 429 } });
    zalo.limitRate(2);
    const results = await Promise.all([1, 2, 3].map((i) => call('sendMessage', { chat_id: lan.id, text: String(i) })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 429]);
    zalo.blockBot(lan);
    expect((await call('sendMessage', { chat_id: lan.id, text: 'x' })).body).toMatchObject({ ok: false, description: expect.stringMatching(/blocked/) });
  });

  it('pushes updates to the webhook with the secret header, wrapped or bare, and refuses getUpdates meanwhile', async () => {
    const received: Array<{ secret: string | undefined; body: any }> = [];
    const hook = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        received.push({ secret: req.headers['x-bot-api-secret-token'] as string | undefined, body: JSON.parse(data) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    try {
      await start();
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/zalo`;
      expect((await call('setWebhook', { url, secret_token: 'short' })).status).toBe(400);
      expect((await call('setWebhook', { url: 'http://example.com/zalo', secret_token: 'long-enough-secret' })).status).toBe(400);
      expect((await call('setWebhook', { url, secret_token: 'long-enough-secret' })).body).toMatchObject({ ok: true, result: { url } });
      expect((await call('getWebhookInfo')).body.result.url).toBe(url);
      expect((await call('getUpdates', { timeout: '1' })).status).toBe(400);
      const lan = zalo.user('Lan');
      const update = zalo.userSays(lan, 'qua webhook');
      await waitUntil(() => received.length === 1);
      expect(received[0]).toEqual({ secret: 'long-enough-secret', body: { ok: true, result: update } });
      expect(await zalo.pushWebhook(update, { bare: true, secret: null })).toBe(200);
      expect(received[1]).toEqual({ secret: undefined, body: update });
      expect((await call('deleteWebhook')).body.result.url).toBe('');
    } finally {
      await new Promise((r) => hook.close(r));
    }
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
