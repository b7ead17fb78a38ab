/**
 * `npm run bench`: runs every benchmark in bench/ one after another, each in its own process so
 * one benchmark's leftovers (pools, timers, JIT state) do not colour the next. Figures only: the
 * benchmarks never fail on a number. `npm run bench -- updates` runs one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const all = ['updates', 'registration', 'broadcast', 'reminders', 'chart', 'export'];
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : all;
let failed = false;
for (const name of chosen) {
  const file = new URL(`./${name}.ts`, import.meta.url).pathname;
  if (!existsSync(file)) continue;
  console.log(`\n=== bench/${name} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
