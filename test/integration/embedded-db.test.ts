/**
 * The embedded PGlite path: data persists in DATA_DIR across restarts, one process per data
 * directory (lock file), stale locks are taken over, `memory://` for throw-away databases, and the
 * raw-SQL features the dispatcher uses also work here.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { telegram } from '../support/identities.js';

import {
  applyMigrations,
  createDatabase,
  defaultMigrationsDir,
  MEMORY_DATA_DIR,
  readMigrationFiles,
  type Database,
} from '../../src/db/index.js';

const TIMEOUT = 60_000;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'thidua-embedded-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A pid that is certainly not running (for stale-lock tests). */
function deadPid(): number {
  for (let pid = 4_000_000; pid > 3_000_000; pid -= 7919) {
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
  throw new Error('no free pid found');
}

describe('embedded PGlite database', () => {
  it(
    'keeps data across close and reopen; the lock file lives only while open',
    async () => {
      const dataDir = path.join(tmp, 'persist');
      const db1 = await createDatabase({ dataDir });
      expect(db1.kind).toBe('embedded');
      expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(true);
      expect(JSON.parse(await readFile(path.join(dataDir, 'pglite.lock'), 'utf8')).pid).toBe(process.pid);
      await db1.prisma.unit.create({
        data: { code: 'P1', name: 'Xã Đông Hòa', nameSearch: 'xa dong hoa', inviteCode: 'inv-p1' },
      });
      await db1.close();
      expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);

      const db2 = await createDatabase({ dataDir });
      try {
        const unit = await db2.prisma.unit.findUnique({ where: { code: 'P1' } });
        expect(unit?.name).toBe('Xã Đông Hòa');
        expect(await db2.ping()).toBe(true);
        const rows = await db2.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM _prisma_migrations`;
        expect(rows[0]!.n).toBeGreaterThan(0);
      } finally {
        await db2.close();
      }
    },
    TIMEOUT,
  );

  it(
    'refuses a second open of the same DATA_DIR while the first is open',
    async () => {
      const dataDir = path.join(tmp, 'locked');
      const db1 = await createDatabase({ dataDir });
      try {
        await expect(createDatabase({ dataDir })).rejects.toThrow(
          `Another ThiĐua Bot process is using DATA_DIR=${dataDir}`,
        );
        // The refused attempt did not disturb the first one.
        expect(await db1.ping()).toBe(true);
      } finally {
        await db1.close();
      }
      const db2 = await createDatabase({ dataDir });
      await db2.close();
    },
    TIMEOUT,
  );

  it(
    'takes over a stale lock left by a dead process',
    async () => {
      const dataDir = path.join(tmp, 'stale');
      await mkdir(dataDir, { recursive: true });
      const lockFile = path.join(dataDir, 'pglite.lock');
      await writeFile(lockFile, JSON.stringify({ pid: deadPid(), hostname: os.hostname() }));
      const db = await createDatabase({ dataDir });
      expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(process.pid);
      await db.close();
      // Legacy format: just a pid.
      await writeFile(lockFile, `${deadPid()}\n`);
      const db2 = await createDatabase({ dataDir });
      await db2.close();
    },
    TIMEOUT,
  );

  it(
    'a failing migration is rolled back, recorded nowhere, and stops the start with its name',
    async () => {
      const dir = path.join(tmp, 'migrations-bad');
      await cp(defaultMigrationsDir(), dir, { recursive: true });
      await mkdir(path.join(dir, '29990101000000_bad'));
      await writeFile(
        path.join(dir, '29990101000000_bad', 'migration.sql'),
        'CREATE TABLE "half_done" (id int);\nSELECT * FROM no_such_table;\n',
      );
      const dataDir = path.join(tmp, 'bad');
      await expect(createDatabase({ dataDir, migrationsDir: dir })).rejects.toThrow(
        /Migration 29990101000000_bad failed and was rolled back/,
      );
      // The lock was released and the good migrations stayed applied; the bad one left no table.
      const db = await createDatabase({ dataDir });
      try {
        const rows = await db.prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations`;
        expect(rows.map((r) => r.migration_name)).not.toContain('29990101000000_bad');
        const t = await db.prisma.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('half_done')::text AS t`;
        expect(t[0]!.t).toBeNull();
      } finally {
        await db.close();
      }
    },
    TIMEOUT,
  );
});

describe('agreement with Prisma\'s own schema engine (wasm)', () => {
  it(
    'the engine finds nothing to apply after our migrator, and vice versa (same checksums)',
    async () => {
      type Bg = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
      const bg: Bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
      const wasmFile = path.join(
        path.dirname(new URL(import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg')).pathname),
        'schema_engine_bg.wasm',
      );
      const wasm = (globalThis as unknown as { WebAssembly: { instantiate(b: Uint8Array, i: object): Promise<{ instance: { exports: unknown } }> } }).WebAssembly;
      const { instance } = await wasm.instantiate(await readFile(wasmFile), { './schema_engine_bg.js': bg });
      (bg as unknown as { __wbg_set_wasm(x: unknown): void }).__wbg_set_wasm(instance.exports);
      (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();

      const dir = defaultMigrationsDir();
      const files = await readMigrationFiles(dir);
      const migrationsList = {
        baseDir: dir,
        lockfile: { path: 'migration_lock.toml', content: await readFile(path.join(dir, 'migration_lock.toml'), 'utf8') },
        shadowDbInitScript: '',
        migrationDirectories: files.map((f) => ({
          path: f.name,
          migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: f.sql } },
        })),
      };
      const filters = { externalTables: [], externalEnums: [] };
      const engineOn = (db: PGlite) => {
        const factory = new PrismaPGlite(db);
        return bg.SchemaEngine.new(
          { datamodels: undefined },
          () => undefined,
          bindMigrationAwareSqlAdapterFactory({
            provider: 'postgres',
            adapterName: 'test',
            connect: () => factory.connect(),
            connectToShadowDb: () => factory.connect(),
          }),
        );
      };

      const ours = new PGlite();
      const theirs = new PGlite();
      try {
        expect(await applyMigrations(ours, dir, undefined, { advisoryLock: false })).toEqual(files.map((f) => f.name));
        const e1 = await engineOn(ours);
        expect((await e1.applyMigrations({ migrationsList, filters })).appliedMigrationNames).toEqual([]);
        const diag = await e1.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters });
        expect(diag).toMatchObject({ editedMigrationNames: [], failedMigrationNames: [], history: null });
        e1.free();

        const e2 = await engineOn(theirs);
        expect((await e2.applyMigrations({ migrationsList, filters })).appliedMigrationNames).toEqual(files.map((f) => f.name));
        e2.free();
        expect(await applyMigrations(theirs, dir, undefined, { advisoryLock: false })).toEqual([]);
        const a = await ours.query<{ migration_name: string; checksum: string }>('SELECT migration_name, checksum FROM _prisma_migrations ORDER BY 1');
        const b = await theirs.query<{ migration_name: string; checksum: string }>('SELECT migration_name, checksum FROM _prisma_migrations ORDER BY 1');
        expect(a.rows).toEqual(b.rows);
      } finally {
        await ours.close();
        await theirs.close();
      }
    },
    TIMEOUT,
  );
});

describe('memory:// database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createDatabase({ dataDir: MEMORY_DATA_DIR });
  }, TIMEOUT);
  afterAll(async () => {
    await db?.close();
  });

  it('opens migrated, in memory, without a lock file', async () => {
    expect(db.kind).toBe('embedded');
    expect(await db.ping()).toBe(true);
    expect(existsSync('memory:/pglite.lock')).toBe(false);
    expect(await db.prisma.unit.count()).toBe(0);
  });

  it('CRUD, P2002 and interactive transactions', async () => {
    await db.prisma.unit.create({ data: { code: 'M1', name: 'a', nameSearch: 'a', inviteCode: 'inv-m1' } });
    const dup = await db.prisma.unit
      .create({ data: { code: 'M1', name: 'b', nameSearch: 'b', inviteCode: 'inv-m2' } })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((dup as { code?: string }).code).toBe('P2002');
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.unit.create({ data: { code: 'M2', name: 'c', nameSearch: 'c', inviteCode: 'inv-m3' } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.prisma.unit.count()).toBe(1);
  });

  it('$queryRaw with FOR UPDATE SKIP LOCKED and $executeRaw work', async () => {
    await db.prisma.delivery.createMany({
      data: Array.from({ length: 3 }, (_, i) => ({ chatId: String(i), payload: { text: `m${i}` }, dedupeKey: `e${i}` })),
    });
    const claimed = await db.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: bigint }[]>`
        SELECT id FROM delivery WHERE status = 'PENDING' ORDER BY id LIMIT ${2} FOR UPDATE SKIP LOCKED`;
      await tx.$executeRaw`UPDATE delivery SET status = 'SENDING' WHERE id = ANY(${rows.map((r) => r.id)}::bigint[])`;
      return rows;
    });
    expect(claimed).toHaveLength(2);
    expect(typeof claimed[0]!.id).toBe('bigint');
    expect(await db.prisma.delivery.count({ where: { status: 'SENDING' } })).toBe(2);
  });
});

describe('use cases that act inside one transaction on the embedded database', () => {
  it('launches a campaign (status, deliveries and audit row in one transaction) on its single connection', async () => {
    const { createServices } = await import('../../src/services/index.js');
    const { draft } = await import('../support/reminder-fixtures.js');
    const db = await createDatabase({ dataDir: MEMORY_DATA_DIR });
    try {
      const s = createServices(db.prisma, { adminIds: [], defaultLocale: 'vi' });
      await s.units.importUnits([{ code: 'XA', name: 'Xã A', line: 2 }], []);
      const xa = (await s.units.byCode('XA'))!;
      const officer = await db.prisma.member.create({ data: { identities: telegram(1n), fullName: 'Cán bộ', nameSearch: 'can bo', unitId: xa.id, role: 'OFFICER' } });
      await db.prisma.member.create({ data: { identities: telegram(2n), fullName: 'Đoàn viên', nameSearch: 'doan vien', unitId: xa.id } });
      const now = Date.now();
      const d = draft('pglite', 'Phong trào', [{ kind: 'REGISTRATION', dueAt: new Date(now + 10 * 86_400_000), remindOffsets: [] }], {
        units: [],
        startsAt: new Date(now - 86_400_000),
        endsAt: new Date(now + 100 * 86_400_000),
      });
      const saved = await s.campaigns.importDraft(d, { id: officer.id }, null);
      expect(saved).toMatchObject({ ok: true });
      const launched = await s.campaigns.launch({ campaignId: saved.ok ? saved.campaign.id : 0, actor: { id: officer.id }, progressChatId: null });
      expect(launched).toMatchObject({ ok: true, members: 2 });
      expect(await db.prisma.auditLog.count({ where: { action: 'campaign.launch', outcome: 'OK' } })).toBe(1);
    } finally {
      await db.close();
    }
  }, TIMEOUT);
});
