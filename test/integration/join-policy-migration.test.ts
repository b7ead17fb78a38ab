/**
 * The join-policy migration on a real PostgreSQL holding units made before it: they stay OPEN (anyone
 * could pick them until then, so nobody's way in changes silently), and a unit created afterwards
 * without a policy is invite-only.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';

import { applyMigrations, defaultMigrationsDir, pgExecutor, readMigrationFiles } from '../../src/db/index.js';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '../support/databases.js';
import { migrationsUpTo } from '../support/migrations.js';

const TIMEOUT = 60_000;
const MIGRATION = 'join_policy';

describe(`migration ${MIGRATION}`, () => {
  let empty: EmptyTestDatabase;
  let tmp: string;
  let client: pg.Client;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'thidua-join-policy-'));
    empty = await createEmptyTestDatabase();
    client = new pg.Client({ connectionString: empty.url });
    await client.connect();
  }, TIMEOUT);
  afterAll(async () => {
    await client?.end();
    await empty?.drop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it(
    'keeps the units that existed open to the picker, and makes units created afterwards invite-only',
    async () => {
      const names = (await readMigrationFiles(defaultMigrationsDir())).map((f) => f.name);
      const ours = names.find((n) => n.endsWith(`_${MIGRATION}`))!;
      const previous = names[names.indexOf(ours) - 1]!;
      const exec = pgExecutor(client);
      await applyMigrations(exec, await migrationsUpTo(tmp, previous), undefined, { advisoryLock: false });
      await client.query(`INSERT INTO unit (code, name, name_search, path, invite_code) VALUES ('CU', 'Xã Cũ', 'xa cu', '/', 'cu1234'), ('CU2', 'Phường Cũ', 'phuong cu', '/', 'cu5678')`);

      await applyMigrations(exec, await migrationsUpTo(tmp, ours), undefined, { advisoryLock: false });
      await client.query(`INSERT INTO unit (code, name, name_search, path, invite_code) VALUES ('MOI', 'Xã Mới', 'xa moi', '/', 'moi1234')`);

      const { rows } = await client.query<{ code: string; join_policy: string }>('SELECT code, join_policy::text FROM unit ORDER BY code');
      expect(rows).toEqual([
        { code: 'CU', join_policy: 'OPEN' },
        { code: 'CU2', join_policy: 'OPEN' },
        { code: 'MOI', join_policy: 'INVITE_ONLY' },
      ]);
    },
    TIMEOUT,
  );
});
