/**
 * The channel-identities migration on a real PostgreSQL holding members written the old way
 * (member.telegram_id / zalo_id / reachable): every member is kept, each id becomes an identity
 * carrying reachability and last contact, queued messages point at their identity, and the bot
 * then finds the same people by their Telegram id.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';

import { applyMigrations, createDatabase, defaultMigrationsDir, pgExecutor, readMigrationFiles } from '../../src/db/index.js';
import { createServices } from '../../src/services/index.js';
import { recipientsOf } from '../../src/services/recipients.js';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '../support/databases.js';
import { migrationsUpTo } from '../support/migrations.js';

const TIMEOUT = 60_000;
const MIGRATION = 'channel_identities';

describe(`migration ${MIGRATION}`, () => {
  let empty: EmptyTestDatabase;
  let tmp: string;
  let client: pg.Client;
  const seen = new Date('2026-11-30T02:00:00Z');
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'thidua-identities-'));
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
    'keeps every member and turns their Telegram and Zalo ids into identities with reachability and last contact',
    async () => {
      const names = (await readMigrationFiles(defaultMigrationsDir())).map((f) => f.name);
      const ours = names.find((n) => n.endsWith(`_${MIGRATION}`))!;
      const previous = names[names.indexOf(ours) - 1]!;
      const exec = pgExecutor(client);
      await applyMigrations(exec, await migrationsUpTo(tmp, previous), undefined, { advisoryLock: false });

      // Members the old way: Telegram only (64-bit id), Zalo only and blocked, both, and neither.
      const insert = async (key: string, telegramId: string | null, zaloId: string | null, reachable: boolean, lastSeen: Date | null) => {
        const { rows } = await client.query<{ id: number }>(
          `INSERT INTO member (telegram_id, zalo_id, full_name, reachable, last_seen_at, updated_at) VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
          [telegramId, zaloId, key, reachable, lastSeen],
        );
        ids[key] = rows[0]!.id;
      };
      await insert('tg', '9007199254740993', null, true, seen);
      await insert('zalo', null, 'z-840001', false, null);
      await insert('both', '4242', 'z-840002', true, seen);
      await insert('none', null, null, true, null);
      // A reminder still queued for the Telegram member, addressed the old way (member + chat id).
      await client.query(`INSERT INTO delivery (member_id, chat_id, payload, dedupe_key) VALUES ($1, '9007199254740993', '{"text":"x"}', 'old:1')`, [ids.tg]);

      await applyMigrations(exec, await migrationsUpTo(tmp, ours), undefined, { advisoryLock: false });

      expect((await client.query(`SELECT full_name FROM member ORDER BY id`)).rows.map((r) => r.full_name)).toEqual(['tg', 'zalo', 'both', 'none']);
      const identities = (
        await client.query<{ member_id: number; channel: string; external_id: string; reachable: boolean; last_seen_at: Date | null }>(
          `SELECT member_id, channel::text AS channel, external_id, reachable, last_seen_at FROM channel_identity ORDER BY member_id, channel`,
        )
      ).rows;
      expect(identities).toEqual([
        { member_id: ids.tg, channel: 'TELEGRAM', external_id: '9007199254740993', reachable: true, last_seen_at: seen },
        { member_id: ids.zalo, channel: 'ZALO', external_id: 'z-840001', reachable: false, last_seen_at: null },
        { member_id: ids.both, channel: 'TELEGRAM', external_id: '4242', reachable: true, last_seen_at: seen },
        { member_id: ids.both, channel: 'ZALO', external_id: 'z-840002', reachable: true, last_seen_at: seen },
      ]);
      const columns = (await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'member'`)).rows.map((r) => r.column_name);
      expect(columns).not.toContain('telegram_id');
      expect(columns).not.toContain('zalo_id');
      expect(columns).not.toContain('reachable');
      expect(columns).toContain('last_seen_at');
      const queued = (await client.query(`SELECT d.identity_id, ci.external_id FROM delivery d JOIN channel_identity ci ON ci.id = d.identity_id WHERE d.dedupe_key = 'old:1'`)).rows;
      expect(queued).toEqual([{ identity_id: expect.any(Number), external_id: '9007199254740993' }]);
    },
    TIMEOUT,
  );

  it(
    'lets the bot find the same people afterwards: a Telegram id finds its member, and the blocked Zalo-only member gets nothing',
    async () => {
      const db = await createDatabase({ databaseUrl: empty.url, dataDir: 'unused' });
      try {
        const s = createServices(db.prisma, { adminIds: [], defaultLocale: 'vi' });
        const again = await s.members.touch({ channel: 'TELEGRAM', externalId: '9007199254740993', firstName: 'A' });
        expect(again.id).toBe(ids.tg);
        expect(await db.prisma.member.count()).toBe(4);
        const to = await recipientsOf(db.prisma, [ids.tg!, ids.zalo!, ids.both!, ids.none!]);
        expect([...to.keys()].sort()).toEqual([ids.tg, ids.both].sort());
      } finally {
        await db.close();
      }
    },
    TIMEOUT,
  );
});
