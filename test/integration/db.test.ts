/**
 * The database layer against a real PostgreSQL: start-up migrations (Prisma-compatible
 * bookkeeping, refusal on tampered history, concurrent starts) and the Prisma features the services
 * rely on (P2002, interactive transactions, raw `FOR UPDATE SKIP LOCKED`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';

import {
  applyMigrations,
  createDatabase,
  defaultMigrationsDir,
  migrationChecksum,
  pgExecutor,
  readMigrationFiles,
  type Database,
  type MigrationLogger,
} from '../../src/db/index.js';
import { createEmptyTestDatabase, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { telegram } from '../support/identities.js';

const TIMEOUT = 60_000;

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function recordingLogger(): MigrationLogger & { applied: string[] } {
  const applied: string[] = [];
  return {
    applied,
    info: (obj: object) => {
      const m = (obj as { migration?: string }).migration;
      if (m) applied.push(m);
    },
    warn: () => undefined,
  };
}

describe('start-up migrations on PostgreSQL', () => {
  it(
    'applies every migration once, with Prisma-format rows, and nothing on a second start',
    async () => {
      const files = await readMigrationFiles(defaultMigrationsDir());
      expect(files.length).toBeGreaterThan(0);
      const empty = await createEmptyTestDatabase();
      try {
        const logger = recordingLogger();
        const db = await createDatabase({ databaseUrl: empty.url, dataDir: 'unused', logger });
        expect(db.kind).toBe('postgres');
        expect(await db.ping()).toBe(true);
        await db.close();
        expect(logger.applied).toEqual(files.map((f) => f.name));

        await withClient(empty.url, async (c) => {
          const tables = await c.query<{ table_name: string }>(
            `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
          );
          const names = tables.rows.map((r) => r.table_name);
          for (const t of ['unit', 'member', 'campaign', 'delivery', 'reminder', 'session', '_prisma_migrations']) {
            expect(names).toContain(t);
          }
          const rows = await c.query(
            `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
               FROM _prisma_migrations ORDER BY migration_name`,
          );
          expect(rows.rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
          for (const [i, r] of rows.rows.entries()) {
            const file = files[i]!;
            expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
            expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
            expect(r.checksum).toBe(file.checksum);
            expect(r.checksum).toBe(migrationChecksum(file.sql));
            expect(r.finished_at).toBeInstanceOf(Date);
            expect(r.rolled_back_at).toBeNull();
            expect(r.logs).toBeNull();
            expect(r.applied_steps_count).toBe(1);
            expect(r.finished_at.getTime()).toBeGreaterThanOrEqual(r.started_at.getTime());
          }
          // Column types exactly as Prisma creates the table.
          const cols = await c.query(
            `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
               FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
          );
          expect(cols.rows.map((r) => [r.column_name, r.data_type, r.character_maximum_length, r.is_nullable])).toEqual([
            ['id', 'character varying', 36, 'NO'],
            ['checksum', 'character varying', 64, 'NO'],
            ['finished_at', 'timestamp with time zone', null, 'YES'],
            ['migration_name', 'character varying', 255, 'NO'],
            ['logs', 'text', null, 'YES'],
            ['rolled_back_at', 'timestamp with time zone', null, 'YES'],
            ['started_at', 'timestamp with time zone', null, 'NO'],
            ['applied_steps_count', 'integer', null, 'NO'],
          ]);

          // Second start: nothing to do.
          expect(await applyMigrations(pgExecutor(c), defaultMigrationsDir())).toEqual([]);
        });
        const again = recordingLogger();
        const db2 = await createDatabase({ databaseUrl: empty.url, dataDir: 'unused', logger: again });
        await db2.close();
        expect(again.applied).toEqual([]);
      } finally {
        await empty.drop();
      }
    },
    TIMEOUT,
  );

  it(
    'refuses to start when an applied migration was edited, or an earlier attempt failed',
    async () => {
      const t = await createTestDatabase();
      try {
        await t.db.close();
        const [first] = await readMigrationFiles(defaultMigrationsDir());
        await withClient(t.url, (c) =>
          c.query(`UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2`, ['0'.repeat(64), first!.name]),
        );
        await expect(createDatabase({ databaseUrl: t.url, dataDir: 'unused' })).rejects.toThrow(
          new RegExp(`Refusing to start: migration ${first!.name} was modified after it was applied`),
        );

        await withClient(t.url, async (c) => {
          await c.query(`UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2`, [
            first!.checksum,
            first!.name,
          ]);
          await c.query(
            `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at)
             VALUES (gen_random_uuid()::text, $1, '29990101000000_broken', now())`,
            ['f'.repeat(64)],
          );
        });
        await expect(createDatabase({ databaseUrl: t.url, dataDir: 'unused' })).rejects.toThrow(
          /Refusing to start: migration\(s\) 29990101000000_broken failed in an earlier attempt/,
        );

        // Marked rolled back (what `prisma migrate resolve --rolled-back` does): starts again.
        await withClient(t.url, (c) =>
          c.query(`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '29990101000000_broken'`),
        );
        const db = await createDatabase({ databaseUrl: t.url, dataDir: 'unused' });
        expect(await db.ping()).toBe(true);
        await db.close();
      } finally {
        await t.drop();
      }
    },
    TIMEOUT,
  );

  it(
    'two instances starting together on a fresh database both succeed; migrations run once',
    async () => {
      const files = await readMigrationFiles(defaultMigrationsDir());
      const empty = await createEmptyTestDatabase();
      try {
        const loggers = [recordingLogger(), recordingLogger(), recordingLogger()];
        const dbs = await Promise.all(
          loggers.map((logger) => createDatabase({ databaseUrl: empty.url, dataDir: 'unused', logger })),
        );
        for (const db of dbs) expect(await db.ping()).toBe(true);
        await Promise.all(dbs.map((db) => db.close()));
        const applied = loggers.flatMap((l) => l.applied);
        expect(applied.sort()).toEqual(files.map((f) => f.name));
        const count = await withClient(empty.url, (c) => c.query(`SELECT count(*)::int AS n FROM _prisma_migrations`));
        expect(count.rows[0].n).toBe(files.length);
      } finally {
        await empty.drop();
      }
    },
    TIMEOUT,
  );
});

describe('Prisma over PostgreSQL', () => {
  let t: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db;
  }, TIMEOUT);
  afterAll(async () => {
    await t?.drop();
  }, TIMEOUT);

  it('CRUD, and a unique violation surfaces as P2002', async () => {
    const unit = await db.prisma.unit.create({
      data: { code: 'U1', name: 'Phường Bến Nghé', nameSearch: 'phuong ben nghe', inviteCode: 'inv-u1' },
    });
    expect(unit.id).toBeGreaterThan(0);
    const member = await db.prisma.member.create({
      data: { identities: telegram(9_007_199_254_740_993n), fullName: 'Nguyễn Văn A', unitId: unit.id },
    });
    // 64-bit ids survive as text, digit for digit.
    expect((await db.prisma.channelIdentity.findFirstOrThrow({ where: { memberId: member.id } })).externalId).toBe('9007199254740993');
    await db.prisma.member.update({ where: { id: member.id }, data: { role: 'OFFICER' } });
    expect((await db.prisma.member.findUniqueOrThrow({ where: { id: member.id } })).role).toBe('OFFICER');

    const dup = await db.prisma.unit
      .create({ data: { code: 'U1', name: 'x', nameSearch: 'x', inviteCode: 'inv-other' } })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((dup as { code?: string }).code).toBe('P2002');

    await db.prisma.member.delete({ where: { id: member.id } });
    expect(await db.prisma.member.count()).toBe(0);
  });

  it('interactive transactions commit, and roll back on throw', async () => {
    await db.prisma.$transaction(async (tx) => {
      await tx.unit.create({ data: { code: 'TX1', name: 'a', nameSearch: 'a', inviteCode: 'inv-tx1' } });
      await tx.unit.create({ data: { code: 'TX2', name: 'b', nameSearch: 'b', inviteCode: 'inv-tx2' } });
    });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.unit.create({ data: { code: 'TX3', name: 'c', nameSearch: 'c', inviteCode: 'inv-tx3' } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const codes = (await db.prisma.unit.findMany({ where: { code: { startsWith: 'TX' } } })).map((u) => u.code);
    expect(codes.sort()).toEqual(['TX1', 'TX2']);
  });

  it('$queryRaw … FOR UPDATE SKIP LOCKED lets two claimers take disjoint rows', async () => {
    await db.prisma.delivery.createMany({
      data: Array.from({ length: 6 }, (_, i) => ({ chatId: String(100 + i), payload: { text: `m${i}` }, dedupeKey: `k${i}` })),
    });
    const claim = (tx: Pick<Database['prisma'], '$queryRaw'>, limit: number) =>
      tx.$queryRaw<{ id: bigint; chat_id: string }[]>`
        SELECT id, chat_id FROM delivery
         WHERE status = 'PENDING' AND not_before <= now()
         ORDER BY id LIMIT ${limit}
         FOR UPDATE SKIP LOCKED`;

    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let firstClaimed!: (ids: bigint[]) => void;
    const first = new Promise<bigint[]>((r) => (firstClaimed = r));

    const tx1 = db.prisma.$transaction(
      async (tx) => {
        const rows = await claim(tx, 2);
        firstClaimed(rows.map((r) => r.id));
        await held; // keep the row locks while the second claimer runs
        return rows;
      },
      { timeout: 20_000 },
    );
    const ids1 = await first;
    const rows2 = await db.prisma.$transaction(async (tx) => {
      const rows = await claim(tx, 10);
      const n = await tx.$executeRaw`UPDATE delivery SET status = 'SENDING', lease_until = now() + interval '1 minute'
                                     WHERE id = ANY(${rows.map((r) => r.id)}::bigint[])`;
      expect(n).toBe(rows.length);
      return rows;
    });
    release();
    await tx1;

    expect(ids1).toHaveLength(2);
    expect(typeof ids1[0]).toBe('bigint');
    expect(rows2).toHaveLength(4);
    const ids2 = rows2.map((r) => r.id);
    expect(ids2.filter((id) => ids1.includes(id))).toEqual([]);
    expect(await db.prisma.delivery.count({ where: { status: 'SENDING' } })).toBe(4);
  });
});
