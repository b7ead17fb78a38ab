import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createServices, type Services } from '../../src/services/index.js';
import { localDate } from '../../src/domain/dates.js';
import { draft, launchedCampaign, member } from '../support/reminder-fixtures.js';

const D = 1440;
let clock = localDate(2025, 3, 1, 9);

describe('reminder planning and queueing against PostgreSQL', () => {
  let tdb: TestDatabase;
  let s: Services;
  let unitId: number;
  let tinhId: number;
  let memberIds: number[] = [];
  const period = { units: ['HUYEN'], startsAt: localDate(2025, 3, 1), endsAt: localDate(2025, 12, 31) };

  beforeAll(async () => {
    tdb = await createTestDatabase();
    s = createServices(tdb.db.prisma, { adminIds: [], defaultLocale: 'vi', now: () => clock });
    await s.units.importUnits([{ code: 'TINH', name: 'Tỉnh', line: 2 }, { code: 'HUYEN', name: 'Huyện', parent: 'TINH', line: 3 }], []);
    unitId = (await s.units.byCode('HUYEN'))!.id;
    tinhId = (await s.units.byCode('TINH'))!.id;
    memberIds = [];
    for (let i = 0; i < 6; i++) memberIds.push((await member(s.prisma, 9000 + i, `Thành viên ${i}`, unitId, i === 0 ? 'OFFICER' : 'MEMBER')).id);
    // Member 3 blocked the bot, 4 left the unit, 5 turned reminders off: none of them is reminded.
    await s.prisma.channelIdentity.updateMany({ where: { memberId: memberIds[3]! }, data: { reachable: false } });
    await s.prisma.member.update({ where: { id: memberIds[4]! }, data: { leftAt: clock } });
    await s.prisma.member.update({ where: { id: memberIds[5]! }, data: { remindersEnabled: false } });
    // Member 2 blocked the bot on Telegram but is reachable on Zalo: reminded there.
    await s.prisma.channelIdentity.updateMany({ where: { memberId: memberIds[2]! }, data: { reachable: false } });
    await s.prisma.channelIdentity.create({ data: { memberId: memberIds[2]!, channel: 'ZALO', externalId: 'z-9002' } });
  });
  afterAll(() => tdb?.drop());

  /**
   * A real admin row (no unit, no chat): the services re-read the actor's role from the database,
   * so a made-up `{ role: 'ADMIN' }` for an officer's id is judged as that officer.
   */
  const adminActor = async () => {
    const found = await s.prisma.member.findFirst({ where: { role: 'ADMIN', fullName: 'Quản trị' } });
    return { id: (found ?? (await s.prisma.member.create({ data: { fullName: 'Quản trị', role: 'ADMIN' } }))).id };
  };

  it('plans a progress-report reminder only for members without a report in that period, on a channel that reaches them, and skips the unreachable, the departed and those who opted out', async () => {
    const c = await launchedCampaign(s, draft('q1', 'Q1', [{ kind: 'PROGRESS_REPORT', dueAt: localDate(2025, 3, 10, 17), remindOffsets: [2 * D] }], period), tinhId, clock);
    const criterion = await s.prisma.criterion.create({ data: { campaignId: c.id, code: 'A', title: 'A' } });
    await s.prisma.progressReport.create({ data: { campaignId: c.id, criterionId: criterion.id, memberId: memberIds[1]!, milestoneId: c.milestones[0]!.id, valueText: 'x' } });
    clock = localDate(2025, 3, 8, 17);
    expect(await s.reminders.plan(clock, null)).toBe(2); // members 0 and 2
    expect(await s.reminders.plan(clock, null)).toBe(0); // idempotent
    const q = await s.reminders.queueDue(clock);
    expect(q).toMatchObject({ queued: 2, deliveries: 2 });
    const d = await s.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: 'reminder:' } } });
    expect(d.map((x) => x.memberId).sort()).toEqual([memberIds[0], memberIds[2]].sort());
    expect(d.find((x) => x.memberId === memberIds[2])).toMatchObject({ channel: 'ZALO', chatId: 'z-9002' });
    expect(d.find((x) => x.memberId === memberIds[0])).toMatchObject({ channel: 'TELEGRAM', chatId: '9000' });
    expect((d[0]!.payload as { actions: unknown[][] }).actions[0]).toEqual([
      { kind: 'report', milestoneId: c.milestones[0]!.id, label: { key: 'reminder-button-PROGRESS_REPORT', vars: { campaign: expect.any(String) } } },
    ]);
  });

  it('reminds only the officers of units without a review report for a review milestone', async () => {
    clock = localDate(2025, 4, 1, 9);
    const c = await launchedCampaign(s, draft('sk', 'Sơ kết', [{ kind: 'MIDTERM_REVIEW', dueAt: localDate(2025, 4, 5, 17), remindOffsets: [2 * D] }], period), tinhId, clock);
    clock = localDate(2025, 4, 3, 17);
    expect(await s.reminders.plan(clock, null)).toBe(1);
    const r = await s.prisma.reminder.findFirst({ where: { milestoneId: c.milestones[0]!.id } });
    expect(r?.memberId).toBe(memberIds[0]);
  });

  it('cancels pending reminders when the campaign closes, so nothing stale is sent', async () => {
    clock = localDate(2025, 5, 1, 9);
    const c = await launchedCampaign(s, draft('close-me', 'Đóng', [{ kind: 'REGISTRATION', dueAt: localDate(2025, 5, 5, 17), remindOffsets: [2 * D] }], period), tinhId, clock);
    clock = localDate(2025, 5, 3, 16, 59, );
    expect(await s.reminders.plan(clock, null)).toBe(3); // look-ahead: the 17:00 reminder is planned a minute early
    await s.prisma.campaign.update({ where: { id: c.id }, data: { status: 'CLOSED', closedAt: clock } });
    expect(await s.reminders.onCampaignChanged(c.id)).toMatchObject({ cancelled: 3 });
    clock = localDate(2025, 5, 3, 17);
    expect(await s.reminders.queueDue(clock)).toMatchObject({ deliveries: 0 });
  });

  it('re-plans against the new date when a milestone is moved after planning, and never sends the stale one', async () => {
    clock = localDate(2025, 6, 1, 9);
    const c = await launchedCampaign(s, draft('move-me', 'Dời hạn', [{ kind: 'REGISTRATION', dueAt: localDate(2025, 6, 5, 17), remindOffsets: [2 * D] }], period), tinhId, clock);
    const m = c.milestones[0]!;
    clock = localDate(2025, 6, 3, 16, 59, );
    expect(await s.reminders.plan(clock, null)).toBe(3);
    // Moved to the 4th at 17:00 without telling the reminders service: the queue notices it.
    await s.prisma.milestone.update({ where: { id: m.id }, data: { dueAt: localDate(2025, 6, 4, 17) } });
    clock = localDate(2025, 6, 3, 17);
    const q = await s.reminders.queueDue(clock);
    expect(q).toMatchObject({ cancelled: 3, deliveries: 0 });
    // … and re-planned for the new date: its 2-day reminder has passed, so it is the one catch-up sends now.
    const planned = await s.prisma.reminder.findMany({ where: { milestoneId: m.id, status: 'PLANNED' } });
    expect(planned).toHaveLength(3);
    expect(planned[0]!.dueAt.toISOString()).toBe(localDate(2025, 6, 2, 17).toISOString());
    const again = await s.reminders.queueDue(clock);
    expect(again.deliveries).toBe(3);
    expect((await s.reminders.queueDue(clock)).deliveries).toBe(0);
  });

  it('plans and sends reminders for a moved deadline although those for the old date already went out', async () => {
    clock = localDate(2025, 8, 1, 9);
    const c = await launchedCampaign(s, draft('moved-later', 'Gia hạn', [{ kind: 'REGISTRATION', dueAt: localDate(2025, 8, 10, 17), remindOffsets: [7 * D, 2 * D] }], period), tinhId, clock);
    const m = c.milestones[0]!;
    const sentTo = async () =>
      (await s.prisma.delivery.findMany({ where: { reminders: { some: { milestoneId: m.id } } }, select: { memberId: true, dedupeKey: true } })).sort((a, b) => a.dedupeKey.localeCompare(b.dedupeKey));
    // The 7-day reminder for 10/08 goes out to members 0, 1 and 2.
    clock = localDate(2025, 8, 3, 17);
    expect(await s.reminders.plan(clock, null)).toBe(3);
    expect(await s.reminders.queueDue(clock)).toMatchObject({ deliveries: 3 });
    const first = await sentTo();

    // The officer moves the deadline to 20/08; the move is audited.
    clock = localDate(2025, 8, 4, 9);
    const admin = await adminActor();
    const moved = await s.campaigns.moveMilestone({ milestoneId: m.id, dueAt: localDate(2025, 8, 20, 17), actor: admin });
    expect(moved).toMatchObject({ ok: true, milestone: { revision: 1 } });
    expect((await s.audit.recent({ action: 'milestone.move', limit: 1 }))[0]).toMatchObject({ target: `milestone:${m.id}`, outcome: 'OK' });

    // 7 days before the new date: a new reminder for each of them, carrying the new deadline.
    clock = localDate(2025, 8, 13, 17);
    expect(await s.reminders.plan(clock, new Date(clock.getTime() - 60_000))).toBe(3);
    expect(await s.reminders.queueDue(clock)).toMatchObject({ deliveries: 3 });
    const second = (await sentTo()).filter((d) => !first.some((f) => f.dedupeKey === d.dedupeKey));
    expect(second.map((d) => d.memberId).sort()).toEqual(first.map((d) => d.memberId).sort());
    const planned = await s.prisma.reminder.findMany({ where: { milestoneId: m.id, offsetMinutes: 7 * D }, orderBy: { id: 'asc' } });
    expect(planned.map((r) => r.dueAt.toISOString())).toEqual([
      ...Array(3).fill(localDate(2025, 8, 3, 17).toISOString()),
      ...Array(3).fill(localDate(2025, 8, 13, 17).toISOString()),
    ]);
    // … and the 2-day one before the new date, once.
    clock = localDate(2025, 8, 18, 17);
    expect(await s.reminders.plan(clock, new Date(clock.getTime() - 60_000))).toBe(3);
    expect(await s.reminders.queueDue(clock)).toMatchObject({ deliveries: 3 });
    expect(await s.reminders.plan(clock, null)).toBe(0);
    expect(await sentTo()).toHaveLength(9);
  });

  it('extends a deadline that has already passed: members are reminded for the new date and officers get a new summary after it', async () => {
    clock = localDate(2025, 10, 1, 9);
    const c = await launchedCampaign(s, draft('extended', 'Gia hạn sau hạn', [{ kind: 'REGISTRATION', dueAt: localDate(2025, 10, 5, 17), remindOffsets: [2 * D] }], period), tinhId, clock);
    const m = c.milestones[0]!;
    clock = localDate(2025, 10, 3, 17);
    expect(await s.reminders.plan(clock, null)).toBe(3);
    expect(await s.reminders.queueDue(clock)).toMatchObject({ deliveries: 3 });
    clock = localDate(2025, 10, 5, 18, 30);
    expect(await s.reminders.queueSummaries(clock)).toBe(1);

    clock = localDate(2025, 10, 6, 9);
    const admin = await adminActor();
    expect(await s.campaigns.moveMilestone({ milestoneId: m.id, dueAt: localDate(2025, 10, 12, 17), actor: admin })).toMatchObject({ ok: true });
    clock = localDate(2025, 10, 10, 17);
    expect(await s.reminders.plan(clock, new Date(clock.getTime() - 60_000))).toBe(3);
    expect(await s.reminders.queueDue(clock)).toMatchObject({ deliveries: 3 });
    clock = localDate(2025, 10, 12, 18, 30);
    expect(await s.reminders.queueSummaries(clock)).toBe(1);
  });

  it('refuses to move a deadline outside the period, into the past, or out of the officer\'s scope', async () => {
    clock = localDate(2025, 9, 1, 9);
    const c = await launchedCampaign(s, draft('move-refused', 'Từ chối', [{ kind: 'REGISTRATION', dueAt: localDate(2025, 9, 10, 17), remindOffsets: [2 * D] }], period), tinhId, clock);
    const milestoneId = c.milestones[0]!.id;
    const admin = await adminActor();
    const officer = { id: memberIds[0]!, role: 'OFFICER' as const, unitId };
    expect(await s.campaigns.moveMilestone({ milestoneId, dueAt: localDate(2026, 1, 5, 17), actor: admin })).toEqual({ ok: false, reason: 'milestone_outside_period' });
    expect(await s.campaigns.moveMilestone({ milestoneId, dueAt: localDate(2025, 8, 31, 17), actor: admin })).toEqual({ ok: false, reason: 'due_in_past' });
    expect(await s.campaigns.moveMilestone({ milestoneId, dueAt: localDate(2025, 9, 12, 17), actor: officer })).toEqual({ ok: false, reason: 'out_of_scope' });
    expect((await s.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } })).dueAt).toEqual(localDate(2025, 9, 10, 17));
  });

  it('stores a review report, replaces it on resubmission and refuses a spreadsheet-less photo or a 25 MB file', async () => {
    clock = localDate(2025, 7, 1, 9);
    const c = await launchedCampaign(s, draft('tk', 'Tổng kết', [{ kind: 'FINAL_REVIEW', dueAt: localDate(2025, 7, 20, 17), remindOffsets: [2 * D] }], period), tinhId, clock);
    const actor = { id: memberIds[0]!, role: 'OFFICER' as const, unitId };
    const doc = { fileId: 'f1', fileName: 'bao-cao.pdf', mimeType: 'application/pdf', size: 1000 };
    expect(await s.reviewReports.submit({ milestoneId: c.milestones[0]!.id, actor, document: { ...doc, fileName: 'anh.jpg', mimeType: 'image/jpeg' }, figures: null, note: null })).toEqual({ ok: false, reason: 'file_type' });
    expect(await s.reviewReports.submit({ milestoneId: c.milestones[0]!.id, actor, document: { ...doc, size: 25 * 1024 * 1024 }, figures: null, note: null })).toEqual({ ok: false, reason: 'file_too_large' });
    const first = await s.reviewReports.submit({ milestoneId: c.milestones[0]!.id, actor, document: doc, figures: [{ label: 'Sáng kiến', value: '3' }], note: 'ok' });
    expect(first).toMatchObject({ ok: true, replaced: false });
    const second = await s.reviewReports.submit({ milestoneId: c.milestones[0]!.id, actor, document: { ...doc, fileId: 'f2', fileName: 'v2.docx' }, figures: null, note: null });
    expect(second).toMatchObject({ ok: true, replaced: true });
    const cur = await s.reviewReports.current(c.milestones[0]!.id, unitId);
    expect(cur?.attachments.map((a) => a.fileName)).toEqual(['v2.docx']);
    const status = await s.reviewReports.status(c.milestones[0]!.id, tinhId);
    expect(status.map((r) => [r.name, r.file_name])).toEqual([['Huyện', 'v2.docx']]);
    clock = localDate(2025, 7, 21, 9);
    expect(await s.reviewReports.submit({ milestoneId: c.milestones[0]!.id, actor, document: doc, figures: null, note: null })).toEqual({ ok: false, reason: 'closed' });
  });
});
