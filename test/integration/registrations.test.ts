/**
 * RegistrationService against a real PostgreSQL: the rules of domain/titles.ts applied to stored
 * campaigns, "registering again edits", races ending in one row, withdrawal, and the hourly digest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createServices, type Services } from '../../src/services/index.js';
import { parseCampaignFile } from '../../src/domain/campaign-file.js';
import { addLocalDays, formatDate } from '../../src/domain/dates.js';
import { queueRegistrationDigests, type SeenFacts } from '../../src/services/registrations.js';
import { telegram } from '../support/identities.js';
import { prismaSql } from '../../src/db/sql.js';

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

  describe('confirming with the facts seen on opening (one round trip when nothing changed)', () => {
    /** What the registration flow keeps from opening: the member, the campaign and their registration then. */
    async function seenNow(memberId: number): Promise<SeenFacts> {
      const opening = await s.registrations.opening(memberId);
      const c = opening.campaigns.find((x) => x.id === campaignId)!;
      return {
        role: opening.member!.role,
        unitId: opening.member!.unitId,
        deadline: c.registrationDueAt,
        titles: c.titles.map((x) => ({ code: x.code, scope: x.scope })),
        lines: c.lines.map((l) => l.id),
        current: opening.own[campaignId]?.status ?? null,
      };
    }
    const lineId = async () => (await t.db.prisma.criterion.findFirstOrThrow({ where: { campaignId } })).id;
    let seenMember: number;

    beforeAll(async () => {
      clock = new Date();
      seenMember = (await t.db.prisma.member.create({ data: { identities: telegram(77n), fullName: 'Seen', unitId } })).id;
    });

    it('stores what the member confirmed when the facts still hold, in one statement, and edits on a second confirmation', async () => {
      const seen = await seenNow(seenMember);
      // The same services over the same database, noting each driver-level statement.
      const statements: string[] = [];
      const driver = prismaSql(t.db.prisma);
      const watched = createServices(t.db.prisma, { adminIds: [], defaultLocale: 'vi', now: () => clock, sql: { rows: (text, values) => (statements.push(text), driver.rows(text, values)) } });
      const first = await watched.registrations.submit({ campaignId, actorMemberId: seenMember, scope: 'INDIVIDUAL', titleCode: 'LDTT', commitments: [{ criterionId: await lineId(), number: '12' }], seen });
      expect(first).toMatchObject({ ok: true, created: true, registration: { titleCode: 'LDTT', commitments: [{ number: '12' }] } });
      expect(statements).toEqual([expect.stringContaining('"registration_submit_seen"')]);
      const again = await s.registrations.submit({ campaignId, actorMemberId: seenMember, scope: 'INDIVIDUAL', titleCode: 'LDTT', commitments: [{ criterionId: await lineId(), number: '15' }], seen: await seenNow(seenMember) });
      expect(again).toMatchObject({ ok: true, created: false });
      const stored = await t.db.prisma.registration.findFirstOrThrow({ where: { campaignId, memberId: seenMember }, include: { commitments: true } });
      expect(stored.commitments.map((c) => Number(c.targetNumber))).toEqual([15]);
    });

    it('decides on the facts as they are now when the deadline moved, a title went or the registration was rejected meanwhile', async () => {
      const seen = await seenNow(seenMember);
      const reg = await t.db.prisma.milestone.findFirstOrThrow({ where: { campaignId, kind: 'REGISTRATION' } });
      try {
        await t.db.prisma.milestone.update({ where: { id: reg.id }, data: { dueAt: new Date(clock.getTime() - 60_000) } });
        expect(await s.registrations.submit({ campaignId, actorMemberId: seenMember, scope: 'INDIVIDUAL', titleCode: 'CSTDCS', basis: 'TOPIC', initiativeTitle: 'X', commitments: [], seen }))
          .toMatchObject({ ok: false, reason: 'registration_closed', officerName: 'officer' });
      } finally {
        await t.db.prisma.milestone.update({ where: { id: reg.id }, data: { dueAt: reg.dueAt } });
      }
      const title = await t.db.prisma.campaignTitle.findFirstOrThrow({ where: { campaignId, code: 'CSTDCS' } });
      await t.db.prisma.campaignTitle.delete({ where: { id: title.id } });
      try {
        expect(await s.registrations.submit({ campaignId, actorMemberId: seenMember, scope: 'INDIVIDUAL', titleCode: 'CSTDCS', basis: 'TOPIC', initiativeTitle: 'X', commitments: [], seen }))
          .toMatchObject({ ok: false, reason: 'title_not_offered' });
      } finally {
        const { id: _id, ...again } = title;
        await t.db.prisma.campaignTitle.create({ data: again });
      }
      await t.db.prisma.registration.updateMany({ where: { campaignId, memberId: seenMember }, data: { status: 'REJECTED' } });
      expect(await s.registrations.submit({ campaignId, actorMemberId: seenMember, scope: 'INDIVIDUAL', titleCode: 'LDTT', commitments: [], seen }))
        .toMatchObject({ ok: false, reason: 'registration_rejected' });
      // Nothing of the refused confirmations was stored: the registration is still the rejected one, LĐTT with 15.
      const stored = await t.db.prisma.registration.findFirstOrThrow({ where: { campaignId, memberId: seenMember }, include: { commitments: true } });
      expect(stored).toMatchObject({ status: 'REJECTED', titleCode: 'LDTT' });
      expect(stored.commitments.map((c) => Number(c.targetNumber))).toEqual([15]);
    });

    it('does not trust what the caller says it saw: a member moved out of the audience is refused', async () => {
      const other = await s.units.importUnits([{ code: 'XB', name: 'Xã B', line: 2 }], []);
      if (!other.ok) throw new Error('units');
      const mover = (await t.db.prisma.member.create({ data: { identities: telegram(78n), fullName: 'Mover', unitId } })).id;
      const seen = await seenNow(mover);
      await t.db.prisma.member.update({ where: { id: mover }, data: { unitId: (await s.units.byCode('XB'))!.id } });
      expect(await s.registrations.submit({ campaignId, actorMemberId: mover, scope: 'INDIVIDUAL', titleCode: 'LDTT', commitments: [], seen }))
        .toMatchObject({ ok: false, reason: 'not_in_audience' });
      // A forged "seen" (a deadline far away, a title never offered) changes nothing either.
      const forged = { ...seen, deadline: new Date(clock.getTime() + 365 * 86_400_000).toISOString(), titles: [...seen.titles, { code: 'CSTD_TINH', scope: 'INDIVIDUAL' as const }] };
      await t.db.prisma.member.update({ where: { id: mover }, data: { unitId } });
      expect(await s.registrations.submit({ campaignId, actorMemberId: mover, scope: 'INDIVIDUAL', titleCode: 'CSTD_TINH', commitments: [], seen: forged }))
        .toMatchObject({ ok: false, reason: 'title_not_offered' });
      expect(await t.db.prisma.registration.count({ where: { campaignId, memberId: mover } })).toBe(0);
    });
  });
});
