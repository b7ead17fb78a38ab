import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The seam between the channel-neutral core and Telegram (issue 9): only src/channels/telegram/
 * may import grammY, and the background jobs (src/jobs/) never reach into channel code — they are
 * given channel-neutral senders and renderers by the composition root (src/app.ts). This test reads
 * the sources, so a new import across the seam fails here rather than when a second channel arrives.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src');

/** Every TypeScript source under `dir` (the generated Prisma client included: it is under src/ too). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(c|m)?tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Module specifiers of static imports, re-exports, side-effect imports and dynamic `import()`. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"\n]+)['"]/g)) found.push(m[1]!);
  return found;
}

const isGrammy = (spec: string) => /^(grammy(\/.*)?|@grammyjs\/.+)$/.test(spec);
const inside = (file: string, dir: string) => !relative(dir, file).startsWith('..');
/** Path relative to the repository, with forward slashes (as the README's grep prints it). */
const shown = (file: string) => relative(root, file).split(sep).join('/');

describe('the channel seam', () => {
  it('only src/channels/telegram/ imports grammy or @grammyjs/*', () => {
    const telegram = join(src, 'channels', 'telegram');
    const all = sources(src);
    const importing = all.filter((f) => specifiers(f).some(isGrammy));
    // The scan itself works: the Telegram channel does import grammY.
    expect(importing.filter((f) => inside(f, telegram)).length).toBeGreaterThan(0);
    expect(importing.filter((f) => !inside(f, telegram)).map(shown)).toEqual([]);
  });

  it('nothing in src/jobs/ imports from src/channels/', () => {
    const jobs = join(src, 'jobs');
    const channels = join(src, 'channels');
    const crossing = sources(jobs).flatMap((f) =>
      specifiers(f)
        .filter((s) => s.startsWith('.') && inside(resolve(dirname(f), s), channels))
        .map((s) => `${shown(f)} → ${s}`),
    );
    expect(sources(jobs).length).toBeGreaterThan(0);
    expect(crossing).toEqual([]);
  });
});
