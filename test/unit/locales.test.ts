import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { TEXT_CHANNEL_KEYS } from '../../src/messages/text-wording.js';

const read = (locale: string) => readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), 'utf8');

function bundle(locale: string) {
  const b = new FluentBundle(locale, { useIsolating: false });
  const errors = b.addResource(new FluentResource(read(locale)));
  return { b, errors };
}

function messageIds(locale: string): string[] {
  return [...read(locale).matchAll(/^([a-zA-Z][a-zA-Z0-9_-]*)\s*=/gm)].map((m) => m[1]!).sort();
}

/** Placeables ($vars) used by a message's source text, to catch a translation that drops one. */
function variables(source: string, id: string): string[] {
  const start = source.search(new RegExp(`^${id}\\s*=`, 'm'));
  const rest = source.slice(start).split('\n');
  const lines = [rest[0]!];
  for (const line of rest.slice(1)) {
    if (/^\s/.test(line) || line === '') lines.push(line);
    else break;
  }
  // `you` / `You` are the Vietnamese form of address (src/domain/address.ts): English has no such word.
  return [...new Set([...lines.join('\n').matchAll(/\$([a-zA-Z_][\w-]*)/g)].map((m) => m[1]!))].filter((v) => v !== 'you' && v !== 'You').sort();
}

describe('locales', () => {
  it('never hard-code the form of address in Vietnamese: every message says { $You } / { $you }', () => {
    const vi = readFileSync(new URL('../../locales/vi.ftl', import.meta.url), 'utf8');
    // Only the setting's own texts name the two forms.
    const naming = /^(addressform-|help-officer-joins|zalo-help-join-words)/;
    const ids = [...vi.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1]!).filter((id) => !naming.test(id));
    const hardCoded = ids.filter((id) => {
      const start = vi.search(new RegExp(`^${id}\\s*=`, 'm'));
      const rest = vi.slice(start).split('\n');
      const body = [rest[0]!, ...rest.slice(1).filter((_, i, a) => a.slice(0, i + 1).every((l) => /^\s/.test(l) || l === ''))].join('\n');
      return /[Đđ]ồng chí|[Aa]nh\/[Cc]hị/.test(body);
    });
    expect(hardCoded).toEqual([]);
  });

  it('parse without errors in Vietnamese and English', () => {
    expect(bundle('vi').errors).toEqual([]);
    expect(bundle('en').errors).toEqual([]);
  });

  it('have exactly the same message ids, so no English user ever sees a missing text', () => {
    const vi = messageIds('vi');
    const en = messageIds('en');
    expect(vi.filter((id) => !en.includes(id))).toEqual([]);
    expect(en.filter((id) => !vi.includes(id))).toEqual([]);
    expect(new Set(vi).size).toBe(vi.length);
  });

  it('use the same variables in both languages for every message', () => {
    const vi = read('vi');
    const en = read('en');
    const mismatches = messageIds('vi').filter((id) => variables(vi, id).join() !== variables(en, id).join());
    expect(mismatches).toEqual([]);
  });

  it('word every text that speaks of buttons or files for a text-only channel too, with no variable the original lacks', () => {
    for (const locale of ['vi', 'en']) {
      const source = read(locale);
      const ids = new Set(messageIds(locale));
      for (const key of TEXT_CHANNEL_KEYS) {
        expect(ids.has(`${key}-text`), `${locale}: ${key}-text`).toBe(true);
        // It may leave a value out (a photo from Zalo has no file name), never ask for one the caller does not give.
        expect(variables(source, key), `${locale}: ${key}-text`).toEqual(expect.arrayContaining(variables(source, `${key}-text`)));
        // The wording for a text channel has nothing to press.
        expect(source.match(new RegExp(`^${key}-text =[^\\n]*(?:\\n\\s+[^\\n]*)*`, 'm'))![0]).not.toMatch(/bấm|\bnút\b|press|button/i);
      }
    }
  });
});
