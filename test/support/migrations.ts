/**
 * Migration tests start from the schema as it was just before the migration they test: this copies
 * the project's migrations folder, up to a name, to where `applyMigrations` can read it.
 */
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { defaultMigrationsDir, readMigrationFiles } from '../../src/db/index.js';

/** A copy (under `into`) of the migrations folder holding only those whose name sorts up to `last` (included). */
export async function migrationsUpTo(into: string, last: string): Promise<string> {
  const dir = path.join(into, last);
  for (const f of await readMigrationFiles(defaultMigrationsDir())) {
    if (f.name > last) break;
    await cp(path.join(defaultMigrationsDir(), f.name), path.join(dir, f.name), { recursive: true });
  }
  return dir;
}
