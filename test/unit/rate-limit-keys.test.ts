/**
 * Per-chat spacing is keyed by channel and chat id: the same id on Telegram and on Zalo are two
 * people and never wait for each other, while a Telegram group keeps its slower spacing.
 */
import { describe, expect, it } from 'vitest';
import { LocalRateLimiter } from '../../src/jobs/rate-limit.js';

describe('rate-limit keys', () => {
  const limiter = () => {
    let now = 0;
    const l = new LocalRateLimiter({ rate: 1000, privateChatSpacingMs: 1000, groupChatSpacingMs: 3000 }, () => now);
    return { l, at: (ms: number) => (now = ms) };
  };

  it('lets the same numeric id on two channels go at once, and spaces one chat', async () => {
    const { l } = limiter();
    expect(await l.reserve('TELEGRAM:123')).toEqual({ ok: true, delayMs: 0 });
    expect(await l.reserve('ZALO:123')).toMatchObject({ ok: true });
    expect(await l.reserve('TELEGRAM:123')).toMatchObject({ ok: false, reason: 'chat' });
  });

  it('spaces a Telegram group by the group spacing, not the private one', async () => {
    const { l, at } = limiter();
    expect(await l.reserve('TELEGRAM:-100')).toMatchObject({ ok: true });
    at(1500);
    expect(await l.reserve('TELEGRAM:-100')).toMatchObject({ ok: false, reason: 'chat', waitMs: 1500 });
    expect(await l.reserve('TELEGRAM:456')).toMatchObject({ ok: true });
  });

  it('spaces a Zalo group (an id with no sign of it) by the group spacing when the caller says it is a group', async () => {
    const { l, at } = limiter();
    expect(await l.reserve('ZALO:9f3a', { group: true })).toMatchObject({ ok: true });
    at(1500);
    expect(await l.reserve('ZALO:9f3a', { group: true })).toMatchObject({ ok: false, reason: 'chat', waitMs: 1500 });
    expect(await l.reserve('ZALO:77bc')).toMatchObject({ ok: true });
    at(2600);
    expect(await l.reserve('ZALO:77bc')).toMatchObject({ ok: true });
  });
});
