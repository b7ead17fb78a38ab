/**
 * A campaign's audience has one definition (the database functions of the campaign_audience
 * migration, src/db/audience.ts): every place that asks "who is in it" must agree with it and with
 * the rule as officers read it — an audience unit with everything under it, and every unit (with
 * everything under it) of an audience khối/cụm. Checked on a random tree of units for the launch
 * list, the member's "campaigns open to me", the registration functions and the review report's units.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/services/index.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

type U = { id: number; code: string; path: string; groupId: number | null };

describe('campaign audience: one definition everywhere', () => {
  let t: TestDatabase;
  let s: Services;

  beforeAll(async () => {
    t = await createTestDatabase();
    s = createServices(t.db.prisma, { adminIds: [], defaultLocale: 'vi', now: () => new Date('2026-11-20T03:00:00Z') });
  }, 60_000);
  afterAll(() => t?.drop());

  it('agrees with the rule for random trees and audiences', async () => {
    const prisma = t.db.prisma;
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const groups = ['KHOI_A', 'CUM_B'];
    const rows = Array.from({ length: 24 }, (_, i) => ({
      code: `U${i}`,
      name: `Đơn vị ${i}`,
      line: i + 2,
      ...(i > 0 ? { parent: `U${rand(i)}` } : {}),
      ...(rand(4) === 0 ? { group: groups[rand(2)] } : {}),
    }));
    const imported = await s.units.importUnits(rows, groups.map((code, i) => ({ code, name: code, kind: 'BLOCK' as const, line: i + 2 })));
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
    const units: U[] = await prisma.unit.findMany({ select: { id: true, code: true, path: true, groupId: true } });
    const groupRows = await prisma.emulationGroup.findMany();
    const member = new Map<number, number>();
    for (const u of units) {
      const m = await prisma.member.create({ data: { fullName: `Người ${u.code}`, unitId: u.id } });
      member.set(u.id, m.id);
    }

    for (let k = 0; k < 6; k++) {
      const audUnits = [...new Set([units[rand(units.length)]!.id, ...(k % 2 ? [units[rand(units.length)]!.id] : [])])];
      const audGroups = k % 3 === 0 ? [groupRows[rand(groupRows.length)]!.id] : [];
      const c = await prisma.campaign.create({
        data: {
          code: `c${k}`, title: `Phong trào ${k}`, status: 'LAUNCHED',
          startsAt: new Date('2026-01-01T00:00:00Z'), endsAt: new Date('2026-12-31T00:00:00Z'),
          audienceUnits: { create: audUnits.map((unitId) => ({ unitId })) },
          audienceGroups: { create: audGroups.map((groupId) => ({ groupId })) },
        },
      });
      // The rule, from the tree as read by a person: roots are the audience units and the group's units.
      const roots = units.filter((u) => audUnits.includes(u.id) || (u.groupId !== null && audGroups.includes(u.groupId)));
      const expected = units.filter((u) => roots.some((r) => u.path.startsWith(r.path))).map((u) => u.id).sort((a, b) => a - b);
      expect(expected.length).toBeGreaterThan(0);

      expect([...(await s.campaigns.audienceUnitIds(c.id))].sort((a, b) => a - b)).toEqual(expected);
      for (const u of units) {
        const inIt = expected.includes(u.id);
        const open = await s.campaigns.activeForUnit(u.id);
        expect(open.some((x) => x.id === c.id), `activeForUnit ${u.code} / c${k}`).toBe(inIt);
        const [opening] = await prisma.$queryRaw<Array<{ j: { campaigns: Array<{ id: number }> } }>>`SELECT registration_opening(${member.get(u.id)}::integer) AS j`;
        expect(opening!.j.campaigns.some((x) => x.id === c.id), `registration_opening ${u.code} / c${k}`).toBe(inIt);
        const [facts] = await prisma.$queryRaw<Array<{ j: { inAudience: boolean } }>>`SELECT registration_submit_facts(${member.get(u.id)}::integer, ${c.id}::integer, 'INDIVIDUAL') AS j`;
        expect(facts!.j.inAudience, `registration_submit_facts ${u.code} / c${k}`).toBe(inIt);
      }
      await prisma.campaign.update({ where: { id: c.id }, data: { status: 'CLOSED' } });
    }
  }, 120_000);
});
