/**
 * StatsService against a real PostgreSQL: the figures per unit an officer sees with /stats (and the
 * export's summary sheet) — audience, registrations by title, reports in the period, progress per
 * content line against members' own targets, unreachable and opted-out members, laggards — limited to
 * the officer's subtree, everything for admins, and refusals audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createServices, type Services } from '../../src/services/index.js';
import { parseCampaignFile } from '../../src/domain/campaign-file.js';
import { addLocalDays, formatDate } from '../../src/domain/dates.js';
import { telegram } from '../support/identities.js';

describe('stats service (PostgreSQL)', () => {
  let t: TestDatabase;
  let s: Services;
  const clock = new Date();
  const ids: Record<string, number> = {};
  const unit: Record<string, number> = {};
  let campaignId: number;
  let otherCampaignId: number;
  let draftId: number;
  const line: Record<string, number> = {};
  const d = (n: number) => formatDate(addLocalDays(new Date(), n));

  async function campaign(code: string, extra: string) {
    const parsed = parseCampaignFile(
      `code: ${code}\ntitle: Thi đua ${code}\nkind: THEMATIC\nstarts: ${d(-5)}\nends: ${d(100)}\n${extra}titles: { individual: [LDTT, CSTDCS], collective: [TTLDTT] }\ncriteria:\n  - { code: K1, title: Cây xanh trồng mới, measure: NUMBER, unit: cây }\n  - { code: K2, title: Tham gia hiến máu, measure: YES_NO }\n  - { code: K3, title: Sáng kiến, measure: TEXT }\nmilestones:\n  - { kind: REGISTRATION, due: "${d(3)} 17:00" }\n  - { kind: PROGRESS_REPORT, due: "${d(10)} 17:00" }\n  - { kind: PROGRESS_REPORT, due: "${d(40)} 17:00" }\n`,
      'yaml',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed));
    const c = await s.campaigns.createFromDraft(parsed.campaign, { ownerUnitId: unit.TINH! });
    if (!c.ok) throw new Error(c.reason);
    return c.campaign.id;
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    s = createServices(t.db.prisma, { adminIds: [], defaultLocale: 'vi', now: () => clock });
    const r = await s.units.importUnits(
      [
        { code: 'TINH', name: 'Tỉnh', line: 2 },
        { code: 'HA', name: 'Huyện A', parent: 'TINH', line: 3 },
        { code: 'XA1', name: 'Xã A1', parent: 'HA', line: 4 },
        { code: 'HB', name: 'Huyện B', parent: 'TINH', line: 5 },
      ],
      [],
    );
    if (!r.ok) throw new Error('units');
    for (const code of ['TINH', 'HA', 'XA1', 'HB']) unit[code] = (await s.units.byCode(code))!.id;
    campaignId = await campaign('tk-stats', '');
    otherCampaignId = await campaign('tk-other', 'audience: { units: [HA] }\n');
    draftId = await campaign('tk-draft', '');
    await t.db.prisma.campaign.updateMany({ where: { id: { in: [campaignId, otherCampaignId] } }, data: { status: 'LAUNCHED' } });
    for (const c of await t.db.prisma.criterion.findMany({ where: { campaignId } })) line[c.code] = c.id;

    const people: Array<[string, string, 'MEMBER' | 'OFFICER' | 'ADMIN', number | null]> = [
      ['an', 'Nguyễn Văn An', 'MEMBER', unit.XA1!],
      ['binh', 'Trần Thị Bình', 'MEMBER', unit.XA1!],
      ['chi', 'Lê Chi', 'MEMBER', unit.XA1!],
      ['dung', 'Phạm Dũng', 'MEMBER', unit.XA1!],
      ['officerA', 'Cán bộ Huyện A', 'OFFICER', unit.HA!],
      ['em', 'Võ Em', 'MEMBER', unit.HB!],
      ['officerB', 'Cán bộ Huyện B', 'OFFICER', unit.HB!],
      ['admin', 'Quản trị', 'ADMIN', null],
    ];
    let tg = 100;
    for (const [key, fullName, role, unitId] of people) {
      ids[key] = (await t.db.prisma.member.create({ data: { identities: telegram(++tg), fullName, role, unitId } })).id;
    }
    // Not counted: left the unit, or never finished joining (no name).
    await t.db.prisma.member.create({ data: { identities: telegram(++tg), fullName: 'Đã rời', unitId: unit.XA1!, leftAt: new Date() } });
    await t.db.prisma.member.create({ data: { identities: telegram(++tg), unitId: unit.XA1! } });
    await t.db.prisma.member.update({ where: { id: ids.chi! }, data: { remindersEnabled: false } });
    await t.db.prisma.channelIdentity.updateMany({ where: { memberId: ids.dung! }, data: { reachable: false } });

    const reg = async (who: string, titleCode: string, commitments: Array<{ criterionId: number; number?: string; bool?: boolean }>, extra = {}) => {
      const r = await s.registrations.submit({ campaignId, actorMemberId: ids[who]!, scope: 'INDIVIDUAL', titleCode, commitments, ...extra });
      if (!r.ok) throw new Error(`${who}: ${r.reason}`);
    };
    await reg('an', 'LDTT', [{ criterionId: line.K1!, number: '10' }, { criterionId: line.K2!, bool: true }]);
    await reg('binh', 'CSTDCS', [{ criterionId: line.K1!, number: '5' }, { criterionId: line.K2!, bool: true }], { basis: 'EXCELLENT_RATING' });
    await reg('em', 'LDTT', [{ criterionId: line.K1!, number: '4' }]);
    const coll = await s.registrations.submit({ campaignId, actorMemberId: ids.officerB!, scope: 'COLLECTIVE', titleCode: 'TTLDTT', commitments: [] });
    if (!coll.ok) throw new Error(coll.reason);

    const report = async (who: string, criterionId: number, v: { number?: string; bool?: boolean }) => {
      const r = await s.reports.submit({ memberId: ids[who]!, campaignId, criterionId, evidence: [], ...v });
      if (!r.ok) throw new Error(`${who}: ${r.reason}`);
    };
    await report('an', line.K1!, { number: '12' });
    await report('an', line.K2!, { bool: true });
    await report('binh', line.K1!, { number: '3' });
    await report('em', line.K1!, { number: '4.5' });
    await report('chi', line.K1!, { number: '1' });
    // Bình's earlier figure in another period adds to her total (each report is its period's total).
    const later = await t.db.prisma.milestone.findFirstOrThrow({ where: { campaignId, kind: 'PROGRESS_REPORT' }, orderBy: { dueAt: 'desc' } });
    await t.db.prisma.progressReport.create({ data: { campaignId, criterionId: line.K1!, memberId: ids.binh!, milestoneId: later.id, valueNumber: '2' } });
  }, 60_000);
  afterAll(() => t?.drop());

  it('gives an admin every audience unit with its registrations, reports, progress and laggards', async () => {
    const r = await s.stats.forCampaign({ actor: { id: ids.admin! }, campaignId });
    if (!r.ok) throw new Error(r.reason);
    const st = r.stats;
    expect(st.scope).toBe('all');
    expect(st.lines.map((l) => l.code)).toEqual(['K1', 'K2']);
    expect(st.focus).toMatchObject({ kind: 'REGISTRATION' });
    expect(st.units.map((u) => u.code)).toEqual(['TINH', 'HA', 'XA1', 'HB']);
    const xa = st.units.find((u) => u.code === 'XA1')!;
    expect(xa).toMatchObject({
      audience: 4,
      registered: 2,
      registeredShare: 0.5,
      byTitle: { LDTT: 1, CSTDCS: 1 },
      reportsInPeriod: 4,
      reportersInPeriod: 3,
      unreachable: 1,
      optedOut: 1,
    });
    expect(xa.laggards.map((l) => l.name)).toEqual(['Lê Chi', 'Phạm Dũng']);
    // K1: 12 + 3 + 2 (Bình's other period) + 1 (Chi, not registered) against targets 10 + 5; both reached.
    expect(xa.lines[0]).toEqual({ criterionId: line.K1, reported: 18, target: 15, committed: 2, reached: 2 });
    // K2: An said yes; both committed to yes.
    expect(xa.lines[1]).toEqual({ criterionId: line.K2, reported: 1, target: 2, committed: 2, reached: 1 });
    expect(xa.targetsReachedShare).toBeCloseTo(3 / 4);
    const hb = st.units.find((u) => u.code === 'HB')!;
    expect(hb).toMatchObject({ audience: 2, registered: 1, collectiveTitle: 'TTLDTT', reportsInPeriod: 1, targetsReachedShare: 1 });
    expect(hb.laggards.map((l) => l.memberId)).toEqual([ids.officerB]);
    expect(hb.lines[0]).toMatchObject({ reported: 4.5, target: 4, reached: 1 });
    expect(st.totals).toMatchObject({ audience: 7, registered: 3, byTitle: { LDTT: 2, CSTDCS: 1 }, reportsInPeriod: 5, unreachable: 1, optedOut: 1, laggards: 4 });
    expect(st.totals.lines[0]).toEqual({ criterionId: line.K1, reported: 22.5, target: 19, committed: 3, reached: 3 });
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'stats.view' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ actorId: ids.admin, outcome: 'OK', target: `campaign:${campaignId}` });
  });

  it("limits an officer to the audience units of their own subtree", async () => {
    const r = await s.stats.forCampaign({ actor: { id: ids.officerA! }, campaignId });
    if (!r.ok) throw new Error(r.reason);
    expect(r.stats.scope).toBe('subtree');
    expect(r.stats.units.map((u) => u.code)).toEqual(['HA', 'XA1']);
    expect(r.stats.totals).toMatchObject({ audience: 5, registered: 2, laggards: 3 });
    expect((await s.stats.campaignsFor({ id: ids.officerA! })).map((c) => c.code).sort()).toEqual(['tk-other', 'tk-stats']);
    expect((await s.stats.campaignsFor({ id: ids.officerB! })).map((c) => c.code)).toEqual(['tk-stats']);
    expect(await s.stats.campaignsFor({ id: ids.an! })).toEqual([]);
  });

  it('refuses members, officers outside the audience and drafts, with a REFUSED audit row', async () => {
    expect(await s.stats.forCampaign({ actor: { id: ids.an! }, campaignId })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await s.stats.forCampaign({ actor: { id: ids.officerB! }, campaignId: otherCampaignId })).toEqual({ ok: false, reason: 'out_of_scope' });
    expect(await s.stats.forCampaign({ actor: { id: ids.admin! }, campaignId: draftId })).toEqual({ ok: false, reason: 'not_launched' });
    expect(await s.stats.forCampaign({ actor: { id: ids.admin! }, campaignId: 999_999 })).toEqual({ ok: false, reason: 'not_found' });
    const refused = await t.db.prisma.auditLog.findMany({ where: { action: 'stats.view', outcome: 'REFUSED' }, orderBy: { id: 'asc' } });
    expect(refused.map((a) => [a.actorId, (a.details as { reason: string }).reason])).toEqual([
      [ids.an, 'forbidden'],
      [ids.officerB, 'out_of_scope'],
      [ids.admin, 'not_launched'],
      [ids.admin, 'not_found'],
    ]);
  });

  it('lists the laggards of the current report period once registration has closed', async () => {
    const reg = await t.db.prisma.milestone.findFirstOrThrow({ where: { campaignId, kind: 'REGISTRATION' } });
    await t.db.prisma.milestone.update({ where: { id: reg.id }, data: { dueAt: addLocalDays(clock, -1) } });
    const r = await s.stats.forCampaign({ actor: { id: ids.officerA! }, campaignId, action: 'stats.export' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.stats.focus).toMatchObject({ kind: 'PROGRESS_REPORT', milestoneId: r.stats.period!.milestoneId });
    const xa = r.stats.units.find((u) => u.code === 'XA1')!;
    expect(xa.laggards.map((l) => l.name)).toEqual(['Phạm Dũng']);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'stats.export', actorId: ids.officerA!, outcome: 'OK' } })).toBe(1);
  });
});
