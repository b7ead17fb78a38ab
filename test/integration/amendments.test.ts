/**
 * AmendmentService against PostgreSQL, without a dispatcher, so the outbox can be read as it is
 * left: who is told, what is rewritten instead, what a repeated confirmation does, who is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createServices, type Services } from '../../src/services/index.js';
import { localDate } from '../../src/domain/dates.js';
import { draft, member } from '../support/reminder-fixtures.js';

const D = 1440;
let clock = localDate(2025, 6, 10, 9);

describe('amending a launched campaign (services)', () => {
  let tdb: TestDatabase;
  let s: Services;
  let officer: { id: number };
  let otherOfficer: { id: number };
  let memberIds: number[];
  let campaignId: number;
  let milestoneId: number;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    s = createServices(tdb.db.prisma, { adminIds: [], defaultLocale: 'vi', now: () => clock });
    await s.units.importUnits(
      [
        { code: 'TINH', name: 'Tỉnh', line: 2 },
        { code: 'HUYEN', name: 'Huyện', parent: 'TINH', line: 3 },
        { code: 'XA', name: 'Xã khác', parent: 'TINH', line: 4 },
      ],
      [],
    );
    const tinh = (await s.units.byCode('TINH'))!;
    const huyen = (await s.units.byCode('HUYEN'))!;
    const xa = (await s.units.byCode('XA'))!;
    officer = { id: (await member(s.prisma, 7000, 'Cán bộ tỉnh', tinh.id, 'OFFICER')).id };
    otherOfficer = { id: (await member(s.prisma, 7001, 'Cán bộ xã', xa.id, 'OFFICER')).id };
    memberIds = [];
    for (let i = 0; i < 3; i++) memberIds.push((await member(s.prisma, 7100 + i, `Thành viên ${i}`, huyen.id)).id);
    const d = draft('mua-he', 'Mùa hè xanh', [{ kind: 'REGISTRATION', dueAt: localDate(2025, 6, 19, 17), remindOffsets: [2 * D] }], {
      units: ['HUYEN'],
      startsAt: localDate(2025, 6, 1),
      endsAt: localDate(2025, 12, 31, 23, 59),
    });
    const created = await s.campaigns.createFromDraft(d, { ownerUnitId: tinh.id });
    if (!created.ok) throw new Error(JSON.stringify(created));
    campaignId = created.campaign.id;
    milestoneId = (await s.campaigns.byId(campaignId))!.milestones[0]!.id;
    expect(await s.campaigns.launch({ campaignId, actor: officer, progressChatId: null })).toMatchObject({ ok: true, members: 3 });
    // Member 0 has received the announcement; the others' are still waiting in the outbox.
    await s.prisma.delivery.updateMany({ where: { memberId: memberIds[0]!, broadcast: { campaignId, kind: 'LAUNCH' } }, data: { status: 'SENT' } });
  });
  afterAll(() => tdb?.drop());

  it('tells only those already told, and gives the others the corrected announcement instead', async () => {
    const r = await s.amendments.amend({ campaignId, actor: officer, change: { kind: 'title', text: 'Mùa hè xanh 2025' }, nonce: 'a1', progressChatId: null });
    expect(r).toEqual({ ok: true, members: 1, groups: 0, broadcastId: expect.any(Number), repeated: false });
    const notices = await s.prisma.delivery.findMany({ where: { broadcast: { campaignId, kind: 'NOTICE' } } });
    expect(notices.map((n) => n.memberId)).toEqual([memberIds[0]]);
    const pending = await s.prisma.delivery.findMany({ where: { status: 'PENDING', broadcast: { campaignId, kind: 'LAUNCH' } } });
    expect(pending).toHaveLength(2);
    for (const p of pending) expect((p.payload as { vars: { title: string } }).vars.title).toBe('Mùa hè xanh 2025');
  });

  it('changes and sends nothing twice when the same confirmation arrives again', async () => {
    const again = await s.amendments.amend({ campaignId, actor: officer, change: { kind: 'title', text: 'Mùa hè xanh 2025' }, nonce: 'a1', progressChatId: null });
    expect(again).toMatchObject({ ok: true, members: 1, repeated: true });
    expect(await s.prisma.delivery.count({ where: { broadcast: { campaignId, kind: 'NOTICE' } } })).toBe(1);
  });

  it('refuses an officer whose subtree does not hold the campaign, and audits it', async () => {
    const r = await s.amendments.amend({ campaignId, actor: otherOfficer, change: { kind: 'slogan', text: 'Xanh' }, nonce: 'b1', progressChatId: null });
    expect(r).toEqual({ ok: false, reason: 'out_of_scope' });
    const row = await s.prisma.auditLog.findFirst({ where: { action: 'campaign.amend', actorId: otherOfficer.id } });
    expect(row).toMatchObject({ outcome: 'REFUSED', details: expect.objectContaining({ reason: 'out_of_scope', kind: 'slogan' }) });
    expect((await s.campaigns.byId(campaignId))!.slogan).toBeNull();
  });

  it('withdraws a reminder for the old date still waiting in the outbox, and plans one for the new date', async () => {
    clock = localDate(2025, 6, 17, 17);
    await s.reminders.plan(clock, null);
    await s.reminders.queueDue(clock);
    const queued = await s.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: 'reminder:' }, status: 'PENDING' } });
    expect(queued.length).toBe(3);
    const r = await s.amendments.amend({ campaignId, actor: officer, change: { kind: 'deadline', milestoneId, dueAt: localDate(2025, 6, 26, 17) }, nonce: 'c1', progressChatId: null });
    expect(r.ok).toBe(true);
    expect(await s.prisma.delivery.count({ where: { id: { in: queued.map((q) => q.id) }, status: 'CANCELLED' } })).toBe(3);
    const m = await s.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } });
    expect(m.revision).toBeGreaterThan(0);
    clock = localDate(2025, 6, 24, 17);
    expect(await s.reminders.plan(clock, null)).toBe(3);
  });

  it('refuses an earlier date, a deadline past the campaign end, and a campaign no longer running', async () => {
    const amend = (change: Parameters<Services['amendments']['amend']>[0]['change'], nonce: string) => s.amendments.amend({ campaignId, actor: officer, change, nonce, progressChatId: null });
    expect(await amend({ kind: 'deadline', milestoneId, dueAt: localDate(2025, 6, 25, 17) }, 'd1')).toEqual({ ok: false, reason: 'shortens' });
    expect(await amend({ kind: 'deadline', milestoneId, dueAt: localDate(2026, 1, 5, 17) }, 'd2')).toEqual({ ok: false, reason: 'after_end' });
    expect(await s.campaigns.close(campaignId, officer)).toEqual({ ok: true });
    expect(await amend({ kind: 'end', endsAt: localDate(2026, 3, 31) }, 'd3')).toEqual({ ok: false, reason: 'not_launched' });
  });
});
