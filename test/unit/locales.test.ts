import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FluentBundle, FluentResource } from '@fluent/bundle';

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
  return [...new Set([...lines.join('\n').matchAll(/\$([a-zA-Z_][\w-]*)/g)].map((m) => m[1]!))].sort();
}

describe('locales', () => {
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
});
