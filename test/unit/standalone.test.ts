import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIRS = ['src', 'test', 'bench', 'scripts'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

describe('the repository stands alone', () => {
  it('no source, test, bench or script reads the shared/ folder beside the repository', () => {
    // A plain `git clone` has nothing beside it: anything the project needs is copied into it.
    const offenders = DIRS.flatMap((d) => sources(join(ROOT, d)))
      .filter((file) => /\.\.\/shared\b|['"`]\/work\/shared/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
