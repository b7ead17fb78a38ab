import { describe, expect, it } from 'vitest';
import { parseZaloUpdate } from '../../src/channels/zalo/updates.js';
import { splitPlainText, ZALO_TEXT_LIMIT } from '../../src/channels/zalo/sender.js';

/** The docs' own example (bot.zaloplatforms.com, getUpdates / webhook). */
const DOCS_TEXT = {
  ok: true,
  result: {
    event_name: 'message.text.received',
    message: {
      message_id: '2d758cb5e222177a4e35',
      date: 1750316131602,
      from: { id: '6ede9afa66b88fe6d6a9', display_name: 'Ted', is_bot: false },
      chat: { id: '6ede9afa66b88fe6d6a9', chat_type: 'PRIVATE' },
      text: 'Xin chào',
    },
  },
};

describe('reading Zalo updates', () => {
  it('reads the documented text message, wrapped or bare, into a channel-neutral event', () => {
    const expected = {
      channel: 'ZALO',
      eventId: 'message.text.received:2d758cb5e222177a4e35',
      chatId: '6ede9afa66b88fe6d6a9',
      chatType: 'private',
      from: { externalId: '6ede9afa66b88fe6d6a9', name: 'Ted' },
      date: new Date(1750316131602),
      kind: 'text',
      text: 'Xin chào',
    };
    expect(parseZaloUpdate(DOCS_TEXT)).toEqual({ ok: true, event: expected });
    expect(parseZaloUpdate(DOCS_TEXT.result)).toEqual({ ok: true, event: expected });
  });

  it('finds the name in display_name, first_name or name, and takes a date in seconds as seconds', () => {
    const m = DOCS_TEXT.result.message;
    const withFrom = (from: object, extra: object = {}) =>
      parseZaloUpdate({ event_name: 'message.text.received', message: { ...m, from, ...extra } });
    expect(withFrom({ id: 'a', first_name: 'Lan' })).toMatchObject({ ok: true, event: { from: { name: 'Lan' } } });
    expect(withFrom({ id: 'a', name: 'Minh' })).toMatchObject({ ok: true, event: { from: { name: 'Minh' } } });
    expect(withFrom({ id: 'a' })).toMatchObject({ ok: true, event: { from: { name: '' } } });
    expect(withFrom({ id: 'a' }, { date: 1750316131 })).toMatchObject({ ok: true, event: { date: new Date(1750316131000) } });
  });

  it('reads a photo with its URL and caption, a group message, a sticker and an unsupported message', () => {
    const base = { message_id: 'm1', date: 1750316131602, from: { id: 'u1', display_name: 'Lan' } };
    expect(parseZaloUpdate({ event_name: 'message.image.received', message: { ...base, chat: { id: 'u1', chat_type: 'PRIVATE' }, photo: 'https://f.zdn.vn/a.jpg', caption: 'Minh chứng' } })).toMatchObject({
      ok: true,
      event: { kind: 'image', imageUrl: 'https://f.zdn.vn/a.jpg', caption: 'Minh chứng' },
    });
    expect(parseZaloUpdate({ event_name: 'message.text.received', message: { ...base, chat: { id: 'g1', chat_type: 'GROUP' }, text: '@Bot /linkgroup' } })).toMatchObject({
      ok: true,
      event: { chatId: 'g1', chatType: 'group', from: { externalId: 'u1' } },
    });
    expect(parseZaloUpdate({ event_name: 'message.sticker.received', message: { ...base, sticker: 's1', url: 'https://x/s.png' } })).toMatchObject({ ok: true, event: { kind: 'sticker', chatId: 'u1' } });
    expect(parseZaloUpdate({ event_name: 'message.unsupported.received', message: base })).toMatchObject({ ok: true, event: { kind: 'unsupported' } });
    expect(parseZaloUpdate({ event_name: 'message.voice.received', message: { ...base, voice_url: 'https://x/v.aac' } })).toMatchObject({ ok: true, event: { kind: 'unsupported' } });
  });

  it('refuses with a reason, never throws, what is not a message update', () => {
    for (const body of [null, 'text', 42, {}, { ok: true, result: null }, { event_name: 'user.follow', follower: { id: 'x' } }, { event_name: 'message.text.received', message: { message_id: 'm', from: { id: 'u' } } }, { event_name: 'message.image.received', message: { message_id: 'm', from: { id: 'u' } } }]) {
      const r = parseZaloUpdate(body);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/not a Zalo message update|without/);
    }
  });
});

describe('cutting a long text for Zalo', () => {
  it('keeps a text of 2,000 characters whole and cuts a longer one at paragraph boundaries, in order', () => {
    expect(splitPlainText('x'.repeat(ZALO_TEXT_LIMIT))).toEqual(['x'.repeat(ZALO_TEXT_LIMIT)]);
    const paragraphs = ['A'.repeat(900), 'B'.repeat(900), 'C'.repeat(900)];
    expect(splitPlainText(paragraphs.join('\n\n'))).toEqual([`${paragraphs[0]}\n\n${paragraphs[1]}`, paragraphs[2]]);
  });

  it('cuts a paragraph too long for one message between lines, then a line between words, losing no word', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `${i + 1}. ${'dòng '.repeat(20).trim()}`);
    const parts = splitPlainText(lines.join('\n'));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= ZALO_TEXT_LIMIT)).toBe(true);
    expect(parts.join('\n')).toBe(lines.join('\n'));
    const words = Array.from({ length: 700 }, (_, i) => `từ${i}`).join(' ');
    const cut = splitPlainText(words);
    expect(cut.every((p) => p.length <= ZALO_TEXT_LIMIT)).toBe(true);
    expect(cut.join(' ')).toBe(words);
  });

  it('keeps characters HTML would read as tags or entities exactly as typed', () => {
    const first = '<b>&amp; 1 < 2 > 0 '.repeat(90).trim();
    const parts = splitPlainText(`${first}\n\n${'z'.repeat(300)}`);
    expect(parts).toEqual([first, 'z'.repeat(300)]);
  });
});
