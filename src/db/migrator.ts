/**
 * Start-up migrator: applies pending `prisma/migrations/* /migration.sql` files and records them in
 * Prisma's own `_prisma_migrations` table.
 *
 * Why our own: the Prisma CLI's native schema engine is not available everywhere the bot runs
 * (nor downloadable in our build environment), and loading the WebAssembly engine costs seconds
 * at every start. Applying already-written SQL needs none of it. The bookkeeping is byte-for-byte
 * what `prisma migrate deploy` writes (same table, same sha256 checksums, same advisory lock key),
 * so the two tools agree about which migrations a database has and can be mixed safely.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The smallest SQL surface the migrator needs, satisfied by `PGlite` directly and by a `pg.Client`
 * through {@link pgExecutor}. `exec` must accept a multi-statement script; `query` runs one
 * parameterised statement.
 */
export interface SqlExecutor {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

/** Minimal structural logger (pino's `Logger` fits). */
export interface MigrationLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Anything with pg's `query(text, values?)`: a `pg.Client` or a checked-out `pg.PoolClient`. */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Adapts a `pg` client to {@link SqlExecutor}. A query without parameters goes through pg's simple
 * query protocol, which accepts a whole multi-statement migration script.
 */
export function pgExecutor(client: PgQueryable): SqlExecutor {
  return {
    query: async <T>(sql: string, params?: unknown[]) => {
      const res = await client.query(sql, params);
      return { rows: res.rows as T[] };
    },
    exec: (sql: string) => client.query(sql),
  };
}

/** Thrown when the database's migration history does not allow a safe start. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * The advisory lock key `prisma migrate deploy` takes on PostgreSQL, so our start-up migrator and
 * the CLI also serialise against each other.
 */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** A migration folder on disk. */
export interface MigrationFileInfo {
  name: string;
  sql: string;
  checksum: string;
}

/** sha256 of the file's bytes, lower-case hex — the value Prisma stores in `checksum`. */
export function migrationChecksum(sql: string | Buffer): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** Reads `<dir>/<name>/migration.sql` for every folder, sorted by name (= by timestamp). */
export async function readMigrationFiles(dir: string): Promise<MigrationFileInfo[]> {
  if (!existsSync(dir)) {
    throw new MigrationError(`Migrations directory not found: ${dir}. Is the package installed completely?`);
  }
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: migrationChecksum(bytes) };
    }),
  );
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

/** Options for {@link applyMigrations}. */
export interface ApplyMigrationsOptions {
  /**
   * Hold `pg_advisory_lock` while migrating (default true). Needed on a shared PostgreSQL where
   * several instances start together; harmless on PGlite (one connection, one process).
   */
  advisoryLock?: boolean;
}

/**
 * Applies every pending migration in `dir` and returns the names applied (empty when up to date).
 *
 * Each migration runs in its own transaction together with its `_prisma_migrations` row, so a
 * failing script leaves no trace and the next start retries it. Refuses to start — throws a
 * {@link MigrationError} naming the migration and the way out — when an applied migration's file
 * was edited (checksum differs) or a previous `prisma migrate deploy` left a failed attempt.
 *
 * Caveat: statements PostgreSQL refuses inside a transaction (`CREATE INDEX CONCURRENTLY`, …)
 * cannot be used in migrations.
 */
export async function applyMigrations(
  exec: SqlExecutor,
  dir: string,
  logger?: MigrationLogger,
  options: ApplyMigrationsOptions = {},
): Promise<string[]> {
  const files = await readMigrationFiles(dir);
  const lock = options.advisoryLock ?? true;
  if (lock) await exec.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
  try {
    await exec.exec(CREATE_TABLE);
    const { rows } = await exec.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const live = rows.filter((r) => r.rolled_back_at === null);

    const failed = live.filter((r) => r.finished_at === null);
    if (failed.length > 0) {
      const names = failed.map((r) => r.migration_name).join(', ');
      throw new MigrationError(
        `Refusing to start: migration(s) ${names} failed in an earlier attempt and were never finished ` +
          `(_prisma_migrations.finished_at is null). Fix the database by hand, then mark them with ` +
          `\`prisma migrate resolve --rolled-back <name>\` (or set rolled_back_at = now() on that row).`,
      );
    }

    const byName = new Map(files.map((f) => [f.name, f]));
    const applied = new Set<string>();
    for (const row of live) {
      applied.add(row.migration_name);
      const file = byName.get(row.migration_name);
      if (!file) {
        logger?.warn(
          { migration: row.migration_name },
          'migration recorded in the database has no folder in prisma/migrations (database is newer than this build?)',
        );
        continue;
      }
      if (file.checksum !== row.checksum) {
        throw new MigrationError(
          `Refusing to start: migration ${row.migration_name} was modified after it was applied ` +
            `(checksum in _prisma_migrations ${row.checksum} ≠ file ${file.checksum}). ` +
            `Restore prisma/migrations/${row.migration_name}/migration.sql as it was, and put schema changes ` +
            `in a new migration (npm run db:migration -- <name>).`,
        );
      }
    }

    const done: string[] = [];
    for (const file of files) {
      if (applied.has(file.name)) continue;
      const started = Date.now();
      await exec.exec('BEGIN');
      try {
        await exec.exec(file.sql);
        await exec.query(
          `INSERT INTO "_prisma_migrations"
             (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, now(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await exec.exec('COMMIT');
      } catch (err) {
        await exec.exec('ROLLBACK').catch(() => undefined);
        const reason = err instanceof Error ? err.message : String(err);
        throw new MigrationError(
          `Migration ${file.name} failed and was rolled back: ${reason}. The database is unchanged; ` +
            `fix prisma/migrations/${file.name}/migration.sql (if not yet deployed anywhere) or the database, then restart.`,
          { cause: err },
        );
      }
      done.push(file.name);
      logger?.info({ migration: file.name, ms: Date.now() - started }, 'applied migration');
    }
    return done;
  } finally {
    if (lock) await exec.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`).catch(() => undefined);
  }
}
