/**
 * A Zalo user's conversation in an e2e test: send a text, then wait for the bot's answer matching
 * a pattern among the messages sent after it (all of them joined, as the member reads them).
 */
import type { FakeZalo, ZaloSent, ZaloUser } from './fake-zalo.js';

export function zaloChat(zalo: FakeZalo, user: ZaloUser) {
  return {
    async say(text: string, re: RegExp, timeoutMs = 10_000): Promise<string> {
      const before = zalo.sentTo(user.id).length;
      zalo.userSays(user, text);
      return this.waitFor(before, re, timeoutMs);
    },
    async photo(caption: string | undefined, re: RegExp, content?: Buffer): Promise<string> {
      const before = zalo.sentTo(user.id).length;
      zalo.userSendsImage(user, { ...(caption ? { caption } : {}), ...(content ? { content } : {}) });
      return this.waitFor(before, re, 10_000);
    },
    async waitFor(before: number, re: RegExp, timeoutMs: number): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const texts = zalo.textsTo(user.id).slice(before).join('\n\n');
        if (re.test(texts)) return texts;
        if (Date.now() > deadline) throw new Error(`no answer matching ${re}; got:\n${texts}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

/** The first photo the bot sent `chatId` after its `before`-th message (waits up to 10 s). */
export async function photoSent(zalo: FakeZalo, chatId: string, before: number): Promise<ZaloSent> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const photo = zalo.sentTo(chatId).slice(before).find((m) => m.method === 'sendPhoto');
    if (photo) return photo;
    if (Date.now() > deadline) throw new Error('no photo sent');
    await new Promise((r) => setTimeout(r, 20));
  }
}
