/**
 * RegistrationService against a real PostgreSQL: the rules of domain/titles.ts applied to stored
 * campaigns, "registering again edits", races ending in one row, withdrawal, and the hourly digest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createServices, type Services } from '../../src/services/index.js';
import { parseCampaignFile } from '../../src/domain/campaign-file.js';
import { addLocalDays, formatDate } from '../../src/domain/dates.js';
import { queueRegistrationDigests } from '../../src/services/registrations.js';
import { telegram } from '../support/identities.js';

describe('registrations service (PostgreSQL)', () => {
  let t: TestDatabase;
  let s: Services;
  let clock = new Date();
  let campaignId: number;
  let unitId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestDatabase();
    s = createServices(t.db.prisma, { adminIds: [], defaultLocale: 'vi', now: () => clock });
    const r = await s.units.importUnits([{ code: 'XA', name: 'Xã A', line: 2 }], []);
    if (!r.ok) throw new Error('units');
    unitId = (await s.units.byCode('XA'))!.id;
    const d = (n: number) => formatDate(addLocalDays(new Date(), n));
    const parsed = parseCampaignFile(
      `code: tt-reg\ntitle: Thi đua\nkind: THEMATIC\nstarts: ${d(-5)}\nends: ${d(100)}\ntitles: { individual: [LDTT, CSTDCS], collective: [TTLDTT] }\ncriteria:\n  - { code: K1, title: Công trình, measure: NUMBER, unit: công trình }\nmilestones:\n  - { kind: REGISTRATION, due: "${d(3)} 17:00" }\n`,
      'yaml',
    );
    if (!parsed.ok) throw new Error('campaign');
    const c = await s.campaigns.createFromDraft(parsed.campaign, { ownerUnitId: unitId });
    if (!c.ok) throw new Error(c.reason);
    campaignId = c.campaign.id;
    await t.db.prisma.campaign.update({ where: { id: campaignId }, data: { status: 'LAUNCHED' } });
    for (const [name, role, tg] of [['member', 'MEMBER', 1], ['officer', 'OFFICER', 2], ['officer2', 'OFFICER', 3]] as const) {
      ids[name] = (await t.db.prisma.member.create({ data: { identities: telegram(BigInt(tg)), fullName: name, unitId, role } })).id;
    }
  }, 60_000);
  afterAll(() => t?.drop());

  it('refuses titles not offered, collective titles from members, and a missing CSTĐCS basis', async () => {
    const base = { campaignId, commitments: [] };
    expect(await s.registrations.submit({ ...base, actorMemberId: ids.member!, scope: 'INDIVIDUAL', titleCode: 'CSTD_TINH' })).toMatchObject({ ok: false, reason: 'title_not_offered' });
    expect(await s.registrations.submit({ ...base, actorMemberId: ids.member!, scope: 'COLLECTIVE', titleCode: 'TTLDTT' })).toMatchObject({ ok: false, reason: 'collective_officer_only' });
    expect(await s.registrations.submit({ ...base, actorMemberId: ids.member!, scope: 'INDIVIDUAL', titleCode: 'CSTDCS', basis: null })).toMatchObject({ ok: false, reason: 'basis_required' });
  });

  it('registering again edits the same row, and two racing submissions end as one row', async () => {
    const first = await s.registrations.submit({ campaignId, actorMemberId: ids.member!, scope: 'INDIVIDUAL', titleCode: 'LDTT', commitments: [] });
    expect(first).toMatchObject({ ok: true, created: true });
    const again = await s.registrations.submit({ campaignId, actorMemberId: ids.member!, scope: 'INDIVIDUAL', titleCode: 'CSTDCS', basis: 'TOPIC', initiativeTitle: 'Đề tài X', commitments: [] });
    expect(again).toMatchObject({ ok: true, created: false, registration: { titleCode: 'CSTDCS', basis: 'TOPIC', initiativeTitle: 'Đề tài X' } });
    const results = await Promise.all(
      ['officer', 'officer2'].map((who) => s.registrations.submit({ campaignId, actorMemberId: ids[who]!, scope: 'COLLECTIVE', titleCode: 'TTLDTT', commitments: [] })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await t.db.prisma.registration.count({ where: { campaignId, scope: 'COLLECTIVE' } })).toBe(1);
    expect(await t.db.prisma.registration.count({ where: { campaignId, memberId: ids.member! } })).toBe(1);
  });

  it('queues one digest per officer per campaign per hour, and the rest the next hour', async () => {
    clock = new Date();
    const n = await queueRegistrationDigests(s, clock);
    expect(n).toBe(2);
    await s.registrations.submit({ campaignId, actorMemberId: ids.member!, scope: 'INDIVIDUAL', titleCode: 'LDTT', commitments: [] });
    expect(await queueRegistrationDigests(s, clock)).toBe(0);
    expect(await queueRegistrationDigests(s, new Date(clock.getTime() + 3_600_000))).toBe(2);
    expect(await t.db.prisma.registration.count({ where: { campaignId, digestedAt: null } })).toBe(0);
  });

  it('withdraws until the deadline and refuses after it', async () => {
    const reg = await s.registrations.existing(campaignId, ids.member!, 'INDIVIDUAL');
    clock = addLocalDays(new Date(), 5);
    expect(await s.registrations.withdraw(reg!.id, ids.member!)).toEqual({ ok: false, reason: 'registration_closed' });
    const late = await s.registrations.submit({ campaignId, actorMemberId: ids.member!, scope: 'INDIVIDUAL', titleCode: 'LDTT', commitments: [] });
    expect(late).toMatchObject({ ok: false, reason: 'registration_closed', officerName: 'officer' });
    clock = new Date();
    expect(await s.registrations.withdraw(reg!.id, ids.member!)).toEqual({ ok: true });
  });
});
