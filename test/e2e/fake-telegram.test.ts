import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Bot, GrammyError, HttpError, InlineKeyboard, InputFile, webhookCallback, InputMediaBuilder } from 'grammy';
import { FakeTelegram } from '../support/fake-telegram.js';

/** A tiny bot exercising the API surface the fake must get right. */
function buildBot(fake: FakeTelegram): Bot {
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
  bot.command('start', (ctx) =>
    ctx.reply('Chào mừng! Chọn phong trào:', {
      reply_markup: new InlineKeyboard().text('Xanh', 'camp:green').text('Sạch', 'camp:clean'),
    }),
  );
  bot.command('ping', (ctx) => ctx.reply('<b>pong</b>', { parse_mode: 'HTML' }));
  bot.callbackQuery(/^camp:(.+)$/, async (ctx) => {
    await ctx.answerCallbackQuery({ text: 'Đã chọn' });
    await ctx.editMessageText(`Bạn đã chọn ${ctx.match[1] ?? '?'}`);
  });
  return bot;
}

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

describe('FakeTelegram', () => {
  let fake: FakeTelegram;

  beforeEach(async () => {
    fake = await FakeTelegram.start();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('serves a polling bot: /start, a button press, the answer and the edit', async () => {
    const bot = buildBot(fake);
    const started = new Promise<void>((resolve) => {
      void bot.start({ onStart: () => resolve() });
    });
    await started;
    try {
      const lan = fake.user({ firstName: 'Lan', username: 'lan_hs' });
      lan.start();
      const welcome = await lan.waitFor(/Chào mừng/);
      expect(lan.buttons()).toEqual(['Xanh', 'Sạch']);
      expect(welcome.from?.username).toBe('thidua_test_bot');

      lan.press('Sạch');
      expect(await lan.waitForCallbackAnswer()).toMatchObject({ text: 'Đã chọn' });
      const edited = await lan.waitFor('Bạn đã chọn clean');
      expect(edited.message_id).toBe(welcome.message_id);
      expect(edited.reply_markup).toBeUndefined();
      expect(lan.edits).toHaveLength(1);
      expect(lan.messages).toHaveLength(1);

      lan.send('/ping');
      expect((await lan.waitFor('pong')).text).toBe('pong'); // HTML is parsed away like Telegram does

      expect(() => lan.press('Không có')).toThrow(/no bot message with an inline keyboard/);
      expect(fake.callsOf('getUpdates').length).toBeGreaterThan(0);
    } finally {
      await bot.stop();
    }
  });

  it('explains what did arrive when waitFor times out', async () => {
    const bot = buildBot(fake);
    await new Promise<void>((resolve) => void bot.start({ onStart: () => resolve() }));
    try {
      const minh = fake.user({ firstName: 'Minh' });
      minh.start();
      await expect(minh.waitFor(/không bao giờ/, { timeoutMs: 500 })).rejects.toThrow(
        /User Minh .* received:\n {2}sent: #2 "Chào mừng! Chọn phong trào:" \[buttons: Xanh \| Sạch\]/s,
      );
      expect(() => minh.press('Đỏ')).toThrow(/visible buttons: "Xanh", "Sạch"/);
    } finally {
      await bot.stop();
    }
  });

  it('delivers to a webhook with the secret header; grammY rejects a wrong secret', async () => {
    const bot = buildBot(fake);
    const server = http.createServer(webhookCallback(bot, 'http', { secretToken: 'sekret_1' }));
    const url = await listen(server);
    try {
      await bot.api.setWebhook(url, { secret_token: 'sekret_1' });
      expect((await bot.api.getWebhookInfo()).url).toBe(url);
      await expect(bot.api.getUpdates()).rejects.toMatchObject({ error_code: 409 });

      const hoa = fake.user({ firstName: 'Hoa' });
      hoa.send('/ping');
      await hoa.waitFor('pong');
      // The attempt is recorded once the bot's handler has finished and answered the POST.
      await vi.waitFor(() =>
        expect(fake.webhookAttempts[0]).toMatchObject({ status: 200, secretToken: 'sekret_1' }),
      );

      const wrong = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'wrong' },
        body: JSON.stringify({ update_id: 1 }),
      });
      expect(wrong.status).toBe(401);

      await bot.api.deleteWebhook();
      expect((await bot.api.getWebhookInfo()).url).toBe('');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('retries a webhook that answers non-2xx', async () => {
    let calls = 0;
    const server = http.createServer((req, res) => {
      calls += 1;
      req.resume();
      res.statusCode = calls < 3 ? 500 : 200;
      res.end();
    });
    const url = await listen(server);
    try {
      const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
      await bot.api.setWebhook(url);
      const update = fake.user({ firstName: 'Bình' });
      update.send('xin chào');
      await vi.waitFor(() => expect(fake.stats.webhookDeliveries).toBe(1));
      expect(fake.webhookAttempts.map((a) => a.status)).toEqual([500, 500, 200]);
      expect(fake.pendingUpdates).toHaveLength(0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers 429 with retry_after when a burst exceeds the flood limits', async () => {
    fake.enforceLimits({ globalPerSecond: 30, retryAfter: 2 });
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    const users = Array.from({ length: 40 }, (_, i) => fake.user({ firstName: `U${i}` }));
    const results = await Promise.allSettled(users.map((u) => bot.api.sendMessage(u.id, 'Thông báo')));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(10);
    const error = rejected[0]?.reason as unknown;
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 429, parameters: { retry_after: 2 } });
    expect(fake.stats.tooManyRequests).toBe(10);

    // One private chat: the second message within a second is refused.
    const single = fake.user({ firstName: 'Solo' });
    fake.disableLimits();
    fake.enforceLimits({ globalPerSecond: 1000 });
    await bot.api.sendMessage(single.id, 'một');
    await expect(bot.api.sendMessage(single.id, 'hai')).rejects.toMatchObject({ error_code: 429 });
  });

  it('reproduces blocked users, unknown chats, bad input and injected faults', async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    const tuan = fake.user({ firstName: 'Tuấn' });
    fake.blockBot(tuan.id);
    await expect(bot.api.sendMessage(tuan.id, 'xin chào')).rejects.toMatchObject({
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    fake.unblockBot(tuan.id);
    await bot.api.sendMessage(tuan.id, 'xin chào');

    await expect(bot.api.sendMessage(42, 'ai đó')).rejects.toMatchObject({
      error_code: 400,
      description: 'Bad Request: chat not found',
    });
    await expect(bot.api.sendMessage(tuan.id, 'x'.repeat(4097))).rejects.toMatchObject({
      description: 'Bad Request: message is too long',
    });
    await expect(bot.api.sendMessage(tuan.id, '<br>', { parse_mode: 'HTML' })).rejects.toMatchObject({
      error_code: 400,
    });
    await expect(bot.api.sendMessage(tuan.id, 'Hết hạn.', { parse_mode: 'MarkdownV2' })).rejects.toThrow(
      /Character '\.' is reserved/,
    );

    const sent = await bot.api.sendMessage(tuan.id, 'a', {
      reply_markup: new InlineKeyboard().text('x', 'x'),
    });
    await expect(
      bot.api.editMessageReplyMarkup(tuan.id, sent.message_id, {
        reply_markup: new InlineKeyboard().text('x', 'x'),
      }),
    ).rejects.toThrow(/message is not modified/);
    await expect(bot.api.answerCallbackQuery('nope')).rejects.toMatchObject({ error_code: 400 });

    fake.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    await expect(bot.api.sendMessage(tuan.id, 'lỗi')).rejects.toMatchObject({ error_code: 502 });
    fake.failNext('sendMessage', 'network');
    await expect(bot.api.sendMessage(tuan.id, 'lỗi mạng')).rejects.toBeInstanceOf(HttpError);
    await bot.api.sendMessage(tuan.id, 'ổn rồi');

    const raw = await fetch(`${fake.apiRoot}/botWRONG/getMe`, { method: 'POST' });
    expect(raw.status).toBe(401);
    const unknown = await fetch(`${fake.apiRoot}/bot${fake.token}/sendTeleport`, { method: 'POST' });
    expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found: method not found' });
  });

  it("refuses what Telegram refuses: long text after entity parsing, broken HTML, big keyboards, long callback data", async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    const lan = fake.user({ firstName: 'Lan' });
    const tooLong = { error_code: 400, description: 'Bad Request: message is too long' };

    // 4,096 characters after parsing pass, whatever the markup and entities cost; one more does not.
    await bot.api.sendMessage(lan.id, `<b>${'x'.repeat(4090)}</b>&amp;&lt;&gt;&quot;&#273;&#x111;`, { parse_mode: 'HTML' });
    await expect(bot.api.sendMessage(lan.id, `<b>${'x'.repeat(4096)}</b>&amp;`, { parse_mode: 'HTML' })).rejects.toMatchObject(tooLong);
    await expect(bot.api.sendMessage(lan.id, 'đ'.repeat(4097))).rejects.toMatchObject(tooLong);
    await bot.api.sendPhoto(lan.id, new InputFile(Buffer.from('img'), 'a.jpg'), { caption: `<i>${'c'.repeat(1024)}</i>`, parse_mode: 'HTML' });
    await expect(bot.api.sendPhoto(lan.id, new InputFile(Buffer.from('img'), 'a.jpg'), { caption: 'c'.repeat(1025) })).rejects.toMatchObject({
      description: 'Bad Request: message caption is too long',
    });
    const sent = await bot.api.sendMessage(lan.id, 'ngắn');
    await expect(bot.api.editMessageText(lan.id, sent.message_id, 'y'.repeat(4097))).rejects.toMatchObject(tooLong);
    // An album: 2–10 photos (or documents, not both), a caption each within 1,024 characters.
    const photo = (caption?: string) => InputMediaBuilder.photo(new InputFile(Buffer.from('img'), 'a.jpg'), caption ? { caption } : {});
    const album = await bot.api.sendMediaGroup(lan.id, [photo('trang 1'), photo()]);
    expect(album).toHaveLength(2);
    expect((album[0] as { media_group_id?: string }).media_group_id).toBeDefined();
    expect((album[0] as { media_group_id?: string }).media_group_id).toBe((album[1] as { media_group_id?: string }).media_group_id);
    const wrongCount = { error_code: 400, description: 'Bad Request: wrong number of media in the album: must include 2-10 items' };
    await expect(bot.api.sendMediaGroup(lan.id, [photo()])).rejects.toMatchObject(wrongCount);
    await expect(bot.api.sendMediaGroup(lan.id, Array.from({ length: 11 }, () => photo()))).rejects.toMatchObject(wrongCount);
    // grammY's types forbid mixing too; the fake refuses what a looser client would send.
    const mixed = [photo(), InputMediaBuilder.document(new InputFile(Buffer.from('%PDF'), 'a.pdf'))] as unknown as Parameters<typeof bot.api.sendMediaGroup>[1];
    await expect(bot.api.sendMediaGroup(lan.id, mixed)).rejects.toMatchObject({ error_code: 400 });
    await expect(bot.api.sendMediaGroup(lan.id, [photo('c'.repeat(1025)), photo()])).rejects.toMatchObject({ description: 'Bad Request: message caption is too long' });

    // Tags must balance and be ones Telegram knows, or nothing is sent.
    for (const broken of ['<b>đậm', '<b>đậm <i>nghiêng</b></i>', 'dòng<br>mới', '<b>a</b></b>']) {
      await expect(bot.api.sendMessage(lan.id, broken, { parse_mode: 'HTML' })).rejects.toMatchObject({
        error_code: 400,
        description: expect.stringMatching(/^Bad Request: can't parse entities/),
      });
    }

    // At most 100 inline buttons, on send and on edit.
    const keyboard = (n: number): InlineKeyboard => {
      const kb = new InlineKeyboard();
      for (let i = 0; i < n; i += 1) kb.text(`n${i}`, `d${i}`).row();
      return kb;
    };
    const hundred = await bot.api.sendMessage(lan.id, 'trăm nút', { reply_markup: keyboard(100) });
    await expect(bot.api.sendMessage(lan.id, 'quá nhiều', { reply_markup: keyboard(101) })).rejects.toMatchObject({
      error_code: 400,
      description: 'Bad Request: reply markup is too long',
    });
    await expect(bot.api.editMessageReplyMarkup(lan.id, hundred.message_id, { reply_markup: keyboard(101) })).rejects.toMatchObject({
      description: 'Bad Request: reply markup is too long',
    });

    // Callback data is at most 64 bytes (not characters: "đ" is two).
    await bot.api.sendMessage(lan.id, '64', { reply_markup: new InlineKeyboard().text('ok', 'đ'.repeat(32)) });
    await expect(bot.api.sendMessage(lan.id, '65', { reply_markup: new InlineKeyboard().text('dài', `${'đ'.repeat(32)}x`) })).rejects.toMatchObject({
      error_code: 400,
      description: 'Bad Request: BUTTON_DATA_INVALID',
    });
    // Nothing refused reached the user.
    expect(lan.messages.map((m) => m.text ?? m.caption?.slice(0, 3))).toEqual([expect.stringMatching(/^x+&<>"đđ$/), 'ccc', 'ngắn', 'tra', undefined, 'trăm nút', '64']);
  });

  it('accepts multipart uploads and serves files back', async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    const mai = fake.user({ firstName: 'Mai' });
    mai.send('/baocao');
    const sent = await bot.api.sendDocument(mai.id, new InputFile(Buffer.from('x'), 'a.pdf'), {
      caption: 'Báo cáo',
      reply_markup: new InlineKeyboard().text('OK', 'ok'),
    });
    expect(sent.document).toMatchObject({ file_name: 'a.pdf', mime_type: 'application/pdf', file_size: 1 });
    expect((await mai.waitForDocument()).caption).toBe('Báo cáo');
    expect(mai.buttons()).toEqual(['OK']);

    const file = await bot.api.getFile(sent.document.file_id);
    const download = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path ?? ''}`);
    expect(await download.text()).toBe('x');
    expect(fake.callsOf('sendDocument')[0]?.payload).toMatchObject({ chat_id: mai.id, document: { upload: 'a.pdf' } });

    // A user's own upload resolves through getFile too.
    const upload = mai.sendDocument({ fileName: 'ke-hoach.xlsx', mimeType: 'application/vnd.ms-excel', fileSize: 10 });
    const info = await bot.api.getFile(upload.document?.file_id ?? '');
    expect(info.file_path).toMatch(/^documents\/file_\d+\.xlsx$/);

    await bot.api.setMyCommands([{ command: 'start', description: 'Bắt đầu' }], { language_code: 'vi' });
    expect(await bot.api.getMyCommands({ language_code: 'vi' })).toEqual([{ command: 'start', description: 'Bắt đầu' }]);
    expect(await bot.api.getMyCommands()).toEqual([]);
  });

  it('handles groups: the bot is added, members post, the bot answers in the group', async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    bot.on('my_chat_member', (ctx) => ctx.reply('Cảm ơn đã thêm tôi'));
    bot.command('top', (ctx) => ctx.reply(`Bảng vàng cho ${ctx.from?.first_name ?? ''}`));
    await new Promise<void>((resolve) => void bot.start({ onStart: () => resolve() }));
    try {
      const lop = fake.group({ title: 'Chi đoàn 12A1' });
      const lan = fake.user({ firstName: 'Lan' });
      expect(() => lop.send(lan, '/top')).toThrow(/not a member/);
      fake.addBotToGroup(lop, lan);
      await lop.waitFor('Cảm ơn');
      lop.send(lan, '/top@thidua_test_bot');
      await lop.waitFor('Bảng vàng cho Lan');
    } finally {
      await bot.stop();
    }
  });
});

describe('FakeTelegram with a network round trip', () => {
  it('delivers half a round trip after the request and answers a whole one after it', async () => {
    const far = await FakeTelegram.start({ roundTripMs: 1_000 });
    const near = await FakeTelegram.start();
    try {
      const farUser = far.user({ firstName: 'Xa' });
      const nearUser = near.user({ firstName: 'Gần' });
      const farBot = new Bot(far.token, { client: { apiRoot: far.apiRoot } });
      const nearBot = new Bot(near.token, { client: { apiRoot: near.apiRoot } });
      const order: string[] = [];
      const farSend = farBot.api.sendMessage(farUser.id, 'Chào từ xa').then(() => order.push('far answered'));
      const farSeen = farUser.waitFor(/Chào từ xa/).then(() => order.push('far delivered'));
      const nearSend = nearBot.api.sendMessage(nearUser.id, 'Chào từ gần').then(() => order.push('near answered'));
      await Promise.all([farSend, farSeen, nearSend]);
      // Sent first, the far message still arrives after the near one is answered, and the bot
      // hears back from the far server only after its message is in the chat.
      expect(order).toEqual(['near answered', 'far delivered', 'far answered']);
    } finally {
      await far.close();
      await near.close();
    }
  });
});
