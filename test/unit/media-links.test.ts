/** Signed evidence links (src/services/media-links.ts): valid within the day, void after it, void when changed. */
import { describe, expect, it } from 'vitest';
import { MEDIA_LINK_TTL_MS, MediaLinks, mediaSecret } from '../../src/services/media-links.js';

const links = new MediaLinks({ secret: 'a-secret-of-sixteen+', publicUrl: 'https://bot.example/' });
const t0 = new Date('2026-12-01T04:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const tokenOf = (url: string) => url.slice('https://bot.example/media/'.length);

describe('media links', () => {
  it('names the file until the link expires (at most 24 h), then nothing', () => {
    const url = links.linkFor('evidence_file:42', t0)!;
    expect(url).toMatch(/^https:\/\/bot\.example\/media\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(links.verify(tokenOf(url), t0)).toBe('evidence_file:42');
    expect(links.verify(tokenOf(url), at(MEDIA_LINK_TTL_MS - 1))).toBe('evidence_file:42');
    expect(links.verify(tokenOf(url), at(MEDIA_LINK_TTL_MS))).toBeNull();
    // A longer lifetime asked for is capped at a day.
    const long = new MediaLinks({ secret: 'a-secret-of-sixteen+', publicUrl: 'https://bot.example', ttlMs: 7 * MEDIA_LINK_TTL_MS });
    expect(links.verify(tokenOf(long.linkFor('evidence_file:42', t0)!), at(MEDIA_LINK_TTL_MS + 1))).toBeNull();
  });

  it('refuses a token changed anywhere, signed with another key, or pointing at another file', () => {
    const token = tokenOf(links.linkFor('evidence_file:42', t0)!);
    const [payload, sig] = token.split('.') as [string, string];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    expect(links.verify(`${payload}.${flip(sig, 5)}`, t0)).toBeNull();
    // Every other spelling of the last character (whose low bits base64url does not use) is refused too.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const ch of alphabet) if (ch !== sig.at(-1)) expect(links.verify(`${payload}.${sig.slice(0, -1)}${ch}`, t0), ch).toBeNull();
    for (const ch of alphabet) if (ch !== payload.at(-1)) expect(links.verify(`${payload.slice(0, -1)}${ch}.${sig}`, t0), ch).toBeNull();
    expect(links.verify(`${Buffer.from(`43.${t0.getTime() + 1000}`).toString('base64url')}.${sig}`, t0)).toBeNull();
    const other = new MediaLinks({ secret: 'another-secret-16chars', publicUrl: 'https://bot.example' });
    expect(other.verify(token, t0)).toBeNull();
    expect(links.verify('', t0)).toBeNull();
    expect(links.verify('../../etc/passwd', t0)).toBeNull();
  });

  it('makes no link without PUBLIC_URL or for a file Telegram keeps; the key is MEDIA_SECRET, else derived from the Zalo token', () => {
    expect(new MediaLinks({ secret: 'x'.repeat(16) }).linkFor('evidence_file:1', t0)).toBeNull();
    expect(links.linkFor('AgACAgIAAxkBAAIB', t0)).toBeNull();
    expect(mediaSecret('explicit-secret-123', '123:abc')).toBe('explicit-secret-123');
    const derived = mediaSecret(undefined, '123:abc')!;
    expect(derived).not.toContain('abc');
    expect(derived).toHaveLength(43);
    expect(mediaSecret(undefined, undefined)).toBeNull();
  });

  it('links a chart by campaign and member, never as a file, and not after it expires or when changed', () => {
    const url = links.chartLinkFor(7, 42, t0)!;
    expect(url).toMatch(/^https:\/\/bot\.example\/media\/chart\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const token = url.slice('https://bot.example/media/chart/'.length);
    expect(links.verifyChart(token, t0)).toEqual({ campaignId: 7, memberId: 42 });
    expect(links.verifyChart(token, at(MEDIA_LINK_TTL_MS))).toBeNull();
    // A chart token opens no evidence file, an evidence token draws no chart.
    expect(links.verify(token, t0)).toBeNull();
    expect(links.verifyChart(tokenOf(links.linkFor('evidence_file:42', t0)!), t0)).toBeNull();
    const [payload, sig] = token.split('.') as [string, string];
    const forged = Buffer.from(`chart.7.43.${t0.getTime() + 1000}`).toString('base64url');
    expect(links.verifyChart(`${forged}.${sig}`, t0)).toBeNull();
    expect(new MediaLinks({ secret: 'another-secret-16chars', publicUrl: 'https://bot.example' }).verifyChart(`${payload}.${sig}`, t0)).toBeNull();
    expect(new MediaLinks({ secret: 'x'.repeat(16) }).chartLinkFor(7, 42, t0)).toBeNull();
  });
});
