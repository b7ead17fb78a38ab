/**
 * How a typed link command reads on a text channel (Zalo's "LINK 123456", Telegram's "/link
 * 123456"): the code with its spaces removed, a bare request for a code, or not a link command at
 * all — "/linkgroup" and ordinary words are left to the rest of the bot.
 */
import { describe, expect, it } from 'vitest';
import { parseLinkCommand } from '../../src/flows/link.js';

describe('parseLinkCommand', () => {
  it('reads a code after LINK, /link or "liên kết", with spaces or dashes inside it', () => {
    expect(parseLinkCommand('LINK 123456')).toEqual({ code: '123456' });
    expect(parseLinkCommand('/link 123 456')).toEqual({ code: '123456' });
    expect(parseLinkCommand('/link@thidua_bot 123-456')).toEqual({ code: '123456' });
    expect(parseLinkCommand('Liên kết 654321')).toEqual({ code: '654321' });
    expect(parseLinkCommand('lien ket 654321')).toEqual({ code: '654321' });
  });

  it('reads a bare command as a request for a code', () => {
    expect(parseLinkCommand('/link')).toEqual({});
    expect(parseLinkCommand('link')).toEqual({});
  });

  it('leaves other commands and words alone', () => {
    expect(parseLinkCommand('/linkgroup')).toBeNull();
    expect(parseLinkCommand('linked in')).toBeNull();
    expect(parseLinkCommand('đăng ký')).toBeNull();
  });
});
