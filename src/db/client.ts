/**
 * Opens the bot's database: PostgreSQL when `DATABASE_URL` is set, an embedded PGlite under
 * `DATA_DIR` otherwise. Either way pending migrations are applied first (src/db/migrator.ts), so
 * the Prisma client handed out always sees the schema it was generated from.
 */
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, stat, unlink, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

import { PrismaClient } from '../generated/prisma/client.js';
import { applyMigrations, pgExecutor, type MigrationLogger } from './migrator.js';
import type { DriverSql } from './sql.js';

/** Logger accepted by {@link createDatabase} (pino's `Logger` fits). */
export type DatabaseLogger = MigrationLogger;

/** An open database. Close it exactly once, on shutdown. */
export interface Database {
  prisma: PrismaClient;
  /** The same connections without Prisma, for the hottest statements (src/db/sql.ts). */
  sql: DriverSql;
  /** `postgres` = server via `DATABASE_URL`; `embedded` = PGlite in this process. */
  kind: 'postgres' | 'embedded';
  /** Disconnects Prisma, closes PGlite / the pool, releases the data-directory lock. */
  close(): Promise<void>;
  /** Cheap liveness probe for `/healthz`: `SELECT 1`, never throws. */
  ping(): Promise<boolean>;
}

/** Options of {@link createDatabase}. */
export interface CreateDatabaseOptions {
  /** PostgreSQL connection string; unset/empty → embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Embedded data directory (`DATA_DIR`). The special value `memory://` opens a throw-away in-memory database. */
  dataDir: string;
  logger?: DatabaseLogger | undefined;
  /** Override the migrations folder (tests); defaults to `<package root>/prisma/migrations`. */
  migrationsDir?: string | undefined;
}

import { packageRoot } from '../paths.js';

/** Value of `dataDir` that selects an in-memory PGlite without a lock file. */
export const MEMORY_DATA_DIR = 'memory://';

/** `<package root>/prisma/migrations`, where committed migrations live. */
export function defaultMigrationsDir(): string {
  return path.join(packageRoot(), 'prisma', 'migrations');
}

/**
 * Opens the database and applies pending migrations.
 *
 * Throws with an actionable message when the migration history is inconsistent (see
 * `applyMigrations`) or when another process holds the embedded data directory.
 */
export async function createDatabase(options: CreateDatabaseOptions): Promise<Database> {
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  if (options.databaseUrl) return openPostgres(options.databaseUrl, migrationsDir, options.logger);
  return openEmbedded(options.dataDir, migrationsDir, options.logger);
}

async function openPostgres(url: string, migrationsDir: string, logger?: DatabaseLogger): Promise<Database> {
  // One dedicated connection for migrating: the advisory lock is per session.
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined); // a dropped idle connection must not crash the process
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`Cannot connect to DATABASE_URL (${redact(url)}): ${(err as Error).message}`, { cause: err });
  }
  try {
    await applyMigrations(pgExecutor(client), migrationsDir, logger);
  } finally {
    await client.end().catch(() => undefined);
  }
  // 20 connections: 32 updates in flight (the runner's default concurrency) queue less than on pg's 10.
  // One pool shared by Prisma and the driver-level statements (`sql`), so 20 stays the limit.
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  pool.on('error', () => undefined); // an idle connection dropped by the server must not crash the process
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  let closed = false;
  return {
    prisma,
    sql: preparedSql(pool),
    kind: 'postgres',
    ping: () => ping(prisma),
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect(); // disposes the adapter, which ends the pool
      if (!pool.ended) await pool.end().catch(() => undefined); // never used by Prisma: still ours to end
    },
  };
}

async function openEmbedded(dataDir: string, migrationsDir: string, logger?: DatabaseLogger): Promise<Database> {
  const inMemory = dataDir === MEMORY_DATA_DIR;
  let lock: DataDirLock | undefined;
  let pglite: PGlite | undefined;
  try {
    if (!inMemory) {
      await mkdir(dataDir, { recursive: true });
      lock = await DataDirLock.acquire(dataDir);
    }
    pglite = inMemory ? new PGlite() : new PGlite(path.join(dataDir, 'pglite'));
    await pglite.waitReady;
    // One connection, one process (the lock file): no advisory lock needed.
    await applyMigrations(pglite, migrationsDir, logger, { advisoryLock: false });
  } catch (err) {
    if (pglite && !pglite.closed) await pglite.close().catch(() => undefined);
    await lock?.release();
    throw err;
  }
  const db = pglite;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  let closed = false;
  return {
    prisma,
    sql: { rows: async <T>(text: string, values: readonly unknown[]) => (await db.query<T>(text, values as unknown[])).rows },
    kind: 'embedded',
    ping: () => ping(prisma),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await prisma.$disconnect();
      } finally {
        try {
          if (!db.closed) await db.close();
        } finally {
          await lock?.release();
        }
      }
    },
  };
}

/**
 * {@link DriverSql} over the pool with each statement prepared once per connection (named after its
 * text): PostgreSQL then skips parsing and planning it on every update. Only the few hot statements
 * come here, so the names stay few; they select named columns or a function's json, so a migration
 * adding a column never changes a prepared statement's result.
 */
function preparedSql(pool: pg.Pool): DriverSql {
  const names = new Map<string, string>();
  return {
    async rows<T>(text: string, values: readonly unknown[]) {
      let name = names.get(text);
      if (name === undefined) names.set(text, (name = `thidua_${names.size + 1}`));
      return (await pool.query({ name, text, values: values as unknown[] })).rows as T[];
    },
  };
}

async function ping(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable URL>';
  }
}

/** How often the holder refreshes the lock file's mtime, and when a silent lock counts as stale. */
const HEARTBEAT_MS = 5_000;
const STALE_MS = 60_000;

/** Lock paths held by this process (a pid check cannot tell "me" from "a previous me in pid 1"). */
const heldHere = new Set<string>();

interface LockOwner {
  pid: number;
  hostname?: string;
  startedAt?: string;
}

/**
 * Exclusive ownership of an embedded data directory. PGlite has no inter-process locking of its
 * own: two processes on one directory corrupt it. The lock file holds `{pid, hostname}` and its
 * mtime is refreshed every few seconds, so a lock is stale when its holder is gone (same host: the
 * pid is dead; any host: no heartbeat for a minute) — a crash never needs a manual clean-up.
 */
/** The embedded data directory is held by another live process (a running bot): callers can say so plainly. */
export class DataDirBusyError extends Error {
  override readonly name = 'DataDirBusyError';
}

class DataDirLock {
  private timer: NodeJS.Timeout | undefined;
  private released = false;
  private constructor(readonly file: string) {}

  static async acquire(dataDir: string): Promise<DataDirLock> {
    const file = path.resolve(dataDir, 'pglite.lock');
    const owner: LockOwner = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
    for (let attempt = 0; attempt < 5; attempt++) {
      if (!heldHere.has(file)) {
        try {
          const fh = await open(file, 'wx');
          try {
            await fh.writeFile(`${JSON.stringify(owner)}\n`);
          } finally {
            await fh.close();
          }
          heldHere.add(file);
          const lock = new DataDirLock(file);
          lock.startHeartbeat();
          return lock;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        }
      }
      const current = await readOwner(file);
      if (current === 'gone') continue; // released between our open and read: try again
      if (heldHere.has(file) || (await isAlive(file, current))) {
        const who = current ? ` (pid ${current.pid}${current.hostname ? ` on ${current.hostname}` : ''})` : '';
        throw new DataDirBusyError(
          `Another ThiĐua Bot process is using DATA_DIR=${dataDir}${who}. Stop it first, or give this one ` +
            `another DATA_DIR (or a DATABASE_URL). If no other process is running, delete ${file}.`,
        );
      }
      // Stale: its holder is gone. Remove and race for it again (open 'wx' decides the winner).
      await unlink(file).catch(() => undefined);
    }
    throw new Error(`Could not take the lock ${file} (it keeps changing hands); is another process starting?`);
  }

  private startHeartbeat(): void {
    this.timer = setInterval(() => {
      const now = new Date();
      utimes(this.file, now, now).catch(() => undefined);
    }, HEARTBEAT_MS);
    this.timer.unref();
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (this.timer) clearInterval(this.timer);
    heldHere.delete(this.file);
    // Only remove it if it is still ours (a take-over after a long freeze must not be undone).
    const current = await readOwner(this.file);
    if (current !== 'gone' && current?.pid === process.pid && current.hostname === os.hostname()) {
      await unlink(this.file).catch(() => undefined);
    }
  }
}

async function readOwner(file: string): Promise<LockOwner | null | 'gone'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner> | number;
    if (typeof parsed === 'number') return { pid: parsed };
    if (typeof parsed.pid === 'number') return parsed as LockOwner;
  } catch {
    const pid = Number.parseInt(text.trim(), 10);
    if (Number.isInteger(pid) && pid > 0) return { pid };
  }
  return null; // unreadable: decided by the heartbeat alone
}

async function isAlive(file: string, owner: LockOwner | null): Promise<boolean> {
  let mtime: number;
  try {
    mtime = (await stat(file)).mtimeMs;
  } catch {
    return false;
  }
  if (Date.now() - mtime > STALE_MS) return false;
  if (!owner) return true;
  if (owner.hostname && owner.hostname !== os.hostname()) return true; // cannot see its pids: trust the heartbeat
  if (owner.pid === process.pid) return false; // not held here (checked before) → a previous run with our pid
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
