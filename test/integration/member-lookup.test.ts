/**
 * The member lookup of every update, on the driver against a real PostgreSQL: lookups asked at the
 * same moment share one statement, and each update still gets its own member — a first-time user
 * among them gets a new one, the same id on another channel is someone else, and a change made
 * between two lookups is seen by the next one (nothing is cached).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createServices, type Services } from '../../src/services/index.js';

describe('members.touch, many at once', () => {
  let t: TestDatabase;
  let s: Services;

  beforeAll(async () => {
    t = await createTestDatabase();
    s = createServices(t.db.prisma, { adminIds: [], defaultLocale: 'vi', sql: t.db.sql });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('answers each of the updates arriving together with its own member', async () => {
    const ids = ['7001', '7002', '7003', '7004'];
    const first = await Promise.all(ids.map((externalId) => s.members.touch({ channel: 'TELEGRAM', externalId, firstName: 'A' })));
    expect(new Set(first.map((m) => m.id)).size).toBe(4);
    await s.members.setName(first[2]!.id, 'Trần Văn Ba');

    // Again, together, with a newcomer, the same id on Zalo and one member writing twice.
    const again = await Promise.all([
      ...ids.map((externalId) => s.members.touch({ channel: 'TELEGRAM', externalId, firstName: 'A' })),
      s.members.touch({ channel: 'TELEGRAM', externalId: '7005', firstName: 'Mới' }),
      s.members.touch({ channel: 'ZALO', externalId: '7001', firstName: 'Zalo' }),
      s.members.touch({ channel: 'TELEGRAM', externalId: '7002', firstName: 'A' }),
    ]);
    expect(again.slice(0, 4).map((m) => m.id)).toEqual(first.map((m) => m.id));
    expect(again[2]!.fullName).toBe('Trần Văn Ba');
    const newcomer = again[4]!;
    const onZalo = again[5]!;
    expect(first.map((m) => m.id)).not.toContain(newcomer.id);
    expect(first.map((m) => m.id)).not.toContain(onZalo.id);
    expect(onZalo.id).not.toBe(newcomer.id);
    expect(again[6]!.id).toBe(first[1]!.id);
    expect(await t.db.prisma.member.count()).toBe(6);
  });
});
