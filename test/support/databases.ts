/**
 * Throw-away PostgreSQL databases for integration tests: each call creates a brand-new, uniquely
 * named database on the test server, so a test never depends on what another test (or an earlier
 * run) left behind. `TEST_PG_URL` points at another server (default `postgres://postgres@127.0.0.1:5432/`).
 */
import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { createDatabase, type CreateDatabaseOptions, type Database } from '../../src/db/index.js';

/** The test server (any database on it; we connect to `postgres` for admin work). */
export const TEST_PG_SERVER_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/';

/** URL of database `name` on the test server. */
export function testDatabaseUrl(name: string, server: string = TEST_PG_SERVER_URL): string {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** An empty database with a unique name, not yet migrated. */
export interface EmptyTestDatabase {
  name: string;
  url: string;
  /** Terminates every connection to it and drops it. Idempotent. */
  drop(): Promise<void>;
}

/** Creates an empty, uniquely named database (use it to test migrations themselves). */
export async function createEmptyTestDatabase(prefix = 'thidua_test'): Promise<EmptyTestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  let dropped = false;
  return {
    name,
    url: testDatabaseUrl(name),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin(async (c) => {
        await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
          name,
        ]);
        await c.query(`DROP DATABASE IF EXISTS "${name}"`);
      });
    },
  };
}

/** A migrated database opened through the production factory. */
export interface TestDatabase {
  url: string;
  db: Database;
  /** Closes `db`, terminates remaining connections and drops the database. Idempotent. */
  drop(): Promise<void>;
}

/**
 * Creates a fresh database, applies the migrations and opens it with `createDatabase` — the same
 * path production takes. Call `drop()` in `afterAll`.
 */
export async function createTestDatabase(
  options: Omit<CreateDatabaseOptions, 'databaseUrl' | 'dataDir'> = {},
): Promise<TestDatabase> {
  const empty = await createEmptyTestDatabase();
  let db: Database;
  try {
    db = await createDatabase({ ...options, databaseUrl: empty.url, dataDir: 'unused' });
  } catch (err) {
    await empty.drop();
    throw err;
  }
  return {
    url: empty.url,
    db,
    async drop() {
      await db.close().catch(() => undefined);
      await empty.drop();
    },
  };
}
