/**
 * Who may do what, decided by the use cases themselves (issue 8, "Authorization"): every test calls
 * the services directly against a real PostgreSQL, for each role, inside and outside the actor's
 * scope, and with the actor revoked in the middle of a flow (the role changes between the moment a
 * button or question was shown and the moment the person acts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createServices, type Services } from '../../src/services/index.js';
import { localDate } from '../../src/domain/dates.js';
import { draft, launchedCampaign, member } from '../support/reminder-fixtures.js';
import type { CampaignFull } from '../../src/services/campaigns.js';

const ADMIN_TG = 880001;
const clock = localDate(2025, 3, 1, 9);

describe('authorization in the services (PostgreSQL)', () => {
  let tdb: TestDatabase;
  let s: Services;
  const unit: Record<string, number> = {};
  const who: Record<string, number> = {};
  let campaign: CampaignFull;

  /** The latest audit row of an action about a target. */
  const lastAudit = (action: string, target?: string) =>
    s.prisma.auditLog.findFirst({ where: { action, ...(target ? { target } : {}) }, orderBy: { id: 'desc' } });

  const unitOf = async (memberId: number) => (await s.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).unitId;
  const setRole = (memberId: number, role: 'MEMBER' | 'OFFICER') => s.prisma.member.update({ where: { id: memberId }, data: { role } });

  beforeAll(async () => {
    tdb = await createTestDatabase();
    s = createServices(tdb.db.prisma, { adminIds: [String(ADMIN_TG)], defaultLocale: 'vi', now: () => clock });
    // Open to the picker: these tests are about scope; the join policy's are in join-policy.test.ts.
    await s.units.importUnits(
      [
        { code: 'TINH', name: 'Tỉnh', join: 'OPEN', line: 2 },
        { code: 'HUYEN_A', name: 'Huyện A', parent: 'TINH', join: 'OPEN', line: 3 },
        { code: 'XA_A1', name: 'Xã A1', parent: 'HUYEN_A', join: 'OPEN', line: 4 },
        { code: 'XA_A2', name: 'Xã A2', parent: 'HUYEN_A', join: 'OPEN', line: 5 },
        { code: 'HUYEN_B', name: 'Huyện B', parent: 'TINH', join: 'OPEN', line: 6 },
        { code: 'XA_B1', name: 'Xã B1', parent: 'HUYEN_B', join: 'OPEN', line: 7 },
      ],
      [],
    );
    for (const code of ['TINH', 'HUYEN_A', 'XA_A1', 'XA_A2', 'HUYEN_B', 'XA_B1']) unit[code] = (await s.units.byCode(code))!.id;
    const admin = await s.members.touch({ channel: 'TELEGRAM', externalId: String(ADMIN_TG), firstName: 'Admin' });
    await s.members.setName(admin.id, 'Quản Trị Viên');
    who.admin = admin.id;
    who.tinhOfficer = (await member(s.prisma, 880010, 'Cán bộ Tỉnh', unit.TINH!, 'OFFICER')).id;
    who.aOfficer = (await member(s.prisma, 880011, 'Cán bộ Huyện A', unit.HUYEN_A!, 'OFFICER')).id;
    who.bOfficer = (await member(s.prisma, 880012, 'Cán bộ Huyện B', unit.HUYEN_B!, 'OFFICER')).id;
    who.a1Officer = (await member(s.prisma, 880013, 'Cán bộ Xã A1', unit.XA_A1!, 'OFFICER')).id;
    who.a1Member = (await member(s.prisma, 880020, 'Thành viên Xã A1', unit.XA_A1!)).id;
    who.b1Member = (await member(s.prisma, 880021, 'Thành viên Xã B1', unit.XA_B1!)).id;
    campaign = await launchedCampaign(
      s,
      draft(
        'tinh-2025',
        'Phong trào của tỉnh',
        [
          { kind: 'REGISTRATION', dueAt: localDate(2025, 3, 20, 17), remindOffsets: [] },
          { kind: 'MIDTERM_REVIEW', dueAt: localDate(2025, 6, 30, 17), remindOffsets: [] },
        ],
        { units: ['TINH'], startsAt: localDate(2025, 3, 1), endsAt: localDate(2025, 12, 31) },
      ),
      unit.TINH!,
      clock,
    );
  });
  afterAll(() => tdb?.drop());

  describe('changing one’s own unit never widens what an officer manages', () => {
    it('lets a member move themselves to any open unit, and records the move', async () => {
      const r = await s.members.changeOwnUnit({ actor: { id: who.b1Member! }, unitId: unit.XA_A2! });
      expect(r).toMatchObject({ ok: true, moved: true, member: { unitId: unit.XA_A2 } });
      expect(await lastAudit('member.unit.change', `member:${who.b1Member}`)).toMatchObject({ outcome: 'OK' });
      await s.members.changeOwnUnit({ actor: { id: who.b1Member! }, unitId: unit.XA_B1! });
    });

    it('refuses a commune officer moving to the province, names who can do it, keeps the unit and audits the refusal', async () => {
      const r = await s.members.changeOwnUnit({ actor: { id: who.a1Officer! }, unitId: unit.TINH! });
      expect(r).toEqual({
        ok: false,
        reason: 'would_widen_scope',
        currentUnit: 'Xã A1',
        unit: 'Tỉnh',
        // Only people whose scope covers both units: the province officer (not Huyện A's), then admins.
        whoCan: [
          { name: 'Cán bộ Tỉnh', unit: 'Tỉnh' },
          { name: 'Quản Trị Viên', unit: null },
        ],
      });
      expect(await unitOf(who.a1Officer!)).toBe(unit.XA_A1);
      expect(await lastAudit('member.unit.change', `member:${who.a1Officer}`)).toMatchObject({ outcome: 'REFUSED', actorId: who.a1Officer });
      // …so the province campaign stays out of their hands.
      expect(await s.campaigns.canManage({ id: who.a1Officer! }, campaign)).toBe(false);
      expect(await s.campaigns.close(campaign.id, { id: who.a1Officer! })).toEqual({ ok: false, reason: 'out_of_scope' });
    });

    it('refuses a district officer moving into another district, and lets them move down inside their own', async () => {
      const sideways = await s.members.changeOwnUnit({ actor: { id: who.aOfficer! }, unitId: unit.XA_B1! });
      expect(sideways).toMatchObject({ ok: false, reason: 'would_widen_scope', whoCan: [{ name: 'Cán bộ Tỉnh' }, { name: 'Quản Trị Viên' }] });
      const down = await s.members.changeOwnUnit({ actor: { id: who.aOfficer! }, unitId: unit.XA_A2! });
      expect(down).toMatchObject({ ok: true, member: { unitId: unit.XA_A2, role: 'OFFICER' } });
      expect(await lastAudit('member.unit.change', `member:${who.aOfficer}`)).toMatchObject({ outcome: 'OK' });
      await s.members.setUnit(who.aOfficer!, unit.HUYEN_A!);
    });

    it('lets an admin change their own unit (an admin already manages every unit)', async () => {
      expect(await s.members.changeOwnUnit({ actor: { id: who.admin! }, unitId: unit.XA_B1! })).toMatchObject({ ok: true });
      expect(await s.members.changeOwnUnit({ actor: { id: who.admin! }, unitId: unit.TINH! })).toMatchObject({ ok: true });
    });

    it('lets an officer whose scope covers both units move an officer, and nobody else', async () => {
      // Huyện A's officer manages Xã A1 and Xã A2, not the province.
      expect(await s.members.moveMember({ actor: { id: who.aOfficer! }, memberId: who.a1Officer!, unitId: unit.TINH! })).toEqual({ ok: false, reason: 'forbidden' });
      expect(await lastAudit('member.move', `member:${who.a1Officer}`)).toMatchObject({ outcome: 'REFUSED', actorId: who.aOfficer });
      // Huyện B's officer manages neither unit; a member manages nothing.
      expect(await s.members.moveMember({ actor: { id: who.bOfficer! }, memberId: who.a1Officer!, unitId: unit.XA_A2! })).toEqual({ ok: false, reason: 'forbidden' });
      expect(await s.members.moveMember({ actor: { id: who.a1Member! }, memberId: who.a1Officer!, unitId: unit.XA_A2! })).toEqual({ ok: false, reason: 'forbidden' });
      expect(await s.members.moveMember({ actor: { id: who.aOfficer! }, memberId: who.a1Officer!, unitId: unit.XA_A2! })).toMatchObject({
        ok: true,
        from: 'Xã A1',
        member: { unitId: unit.XA_A2, role: 'OFFICER' },
      });
      expect(await s.members.moveMember({ actor: { id: who.admin! }, memberId: who.a1Officer!, unitId: unit.XA_A1! })).toMatchObject({ ok: true });
      expect(await lastAudit('member.move', `member:${who.a1Officer}`)).toMatchObject({ outcome: 'OK', actorId: who.admin });
    });

    it('withdraws a join request still waiting when staff move the person, so a later approval cannot move them again', async () => {
      const waiting = await s.prisma.member.create({ data: { fullName: 'Người Chờ Duyệt', identities: { create: { channel: 'TELEGRAM', externalId: '880099' } } } });
      await s.prisma.joinRequest.create({ data: { memberId: waiting.id, unitId: unit.XA_B1!, via: 'PICKER' } });
      expect(await s.members.moveMember({ actor: { id: who.aOfficer! }, memberId: waiting.id, unitId: unit.XA_A2! })).toMatchObject({ ok: true, member: { unitId: unit.XA_A2 } });
      expect(await s.prisma.joinRequest.count({ where: { memberId: waiting.id } })).toBe(0);
      expect(await lastAudit('member.move', `member:${waiting.id}`)).toMatchObject({ outcome: 'OK', details: { joinRequestWithdrawn: true, to: unit.XA_A2 } });
      // A refused move leaves a pending request alone.
      await s.prisma.joinRequest.create({ data: { memberId: waiting.id, unitId: unit.XA_B1!, via: 'PICKER' } });
      expect(await s.members.moveMember({ actor: { id: who.bOfficer! }, memberId: waiting.id, unitId: unit.XA_B1! })).toEqual({ ok: false, reason: 'forbidden' });
      expect(await s.prisma.joinRequest.count({ where: { memberId: waiting.id } })).toBe(1);
    });
  });

  describe('decisions re-check the actor when they happen', () => {
    let regId: number;
    beforeAll(async () => {
      regId = (await s.prisma.registration.create({ data: { campaignId: campaign.id, memberId: who.a1Member!, scope: 'INDIVIDUAL', titleCode: 'LDTT' } })).id;
    });

    it('refuses approval from a member and from an officer of another district, auditing each refusal', async () => {
      expect(await s.registrations.decide({ registrationId: regId, actor: { id: who.a1Member! }, decision: 'APPROVE' })).toMatchObject({ ok: false, reason: 'forbidden' });
      expect(await s.registrations.decide({ registrationId: regId, actor: { id: who.bOfficer! }, decision: 'APPROVE' })).toMatchObject({ ok: false, reason: 'out_of_scope' });
      const refusals = await s.prisma.auditLog.findMany({ where: { action: 'registration.approve', target: `registration:${regId}`, outcome: 'REFUSED' } });
      expect(refusals.map((r) => r.actorId).sort()).toEqual([who.a1Member, who.bOfficer].sort());
      expect((await s.prisma.registration.findUniqueOrThrow({ where: { id: regId } })).status).toBe('SUBMITTED');
    });

    it('refuses the return of an officer revoked while typing the reason, changing nothing', async () => {
      // The officer pressed "Return" as an officer; an admin revokes them before the reason arrives.
      expect(await s.members.changeRole({ actor: { id: who.admin! }, memberId: who.aOfficer!, role: 'MEMBER' })).toMatchObject({ ok: true });
      const r = await s.registrations.decide({ registrationId: regId, actor: { id: who.aOfficer! }, decision: 'RETURN', reason: 'Thiếu minh chứng' });
      expect(r).toMatchObject({ ok: false, reason: 'forbidden' });
      const reg = await s.prisma.registration.findUniqueOrThrow({ where: { id: regId } });
      expect(reg).toMatchObject({ status: 'SUBMITTED', returnReason: null, decidedById: null });
      expect(await s.prisma.delivery.count({ where: { dedupeKey: { startsWith: `reg-decision:${regId}:` } } })).toBe(0);
      expect(await lastAudit('registration.return', `registration:${regId}`)).toMatchObject({ outcome: 'REFUSED', actorId: who.aOfficer });
    });

    it('accepts the decision of an officer in scope and audits it with the decision', async () => {
      await setRole(who.aOfficer!, 'OFFICER');
      const r = await s.registrations.decide({ registrationId: regId, actor: { id: who.aOfficer! }, decision: 'APPROVE' });
      expect(r).toMatchObject({ ok: true, registration: { status: 'APPROVED' } });
      expect(await lastAudit('registration.approve', `registration:${regId}`)).toMatchObject({ outcome: 'OK', actorId: who.aOfficer });
    });

    it('refuses to save a wizard draft for an officer revoked while the wizard was open', async () => {
      const d = draft('xa-a1-draft', 'Nháp của xã', [{ kind: 'REGISTRATION', dueAt: localDate(2025, 4, 1, 17), remindOffsets: [] }], {
        units: [],
        startsAt: localDate(2025, 3, 1),
        endsAt: localDate(2025, 12, 31),
      });
      await setRole(who.a1Officer!, 'MEMBER');
      expect(await s.campaigns.importDraft(d, { id: who.a1Officer! }, null)).toEqual({ ok: false, reason: 'not_officer' });
      expect(await s.campaigns.byCode('xa-a1-draft')).toBeNull();
      expect(await lastAudit('campaign.create')).toMatchObject({ outcome: 'REFUSED', actorId: who.a1Officer });
      await setRole(who.a1Officer!, 'OFFICER');
      expect(await s.campaigns.importDraft(d, { id: who.a1Officer! }, null)).toMatchObject({ ok: true, campaign: { ownerUnitId: unit.XA_A1 } });
    });

    it('lets an admin without a unit manage the campaign they imported (it belongs to no unit); an officer may not', async () => {
      const noUnit = await s.members.touch({ channel: 'TELEGRAM', externalId: '880002', firstName: 'Admin' });
      await s.prisma.member.update({ where: { id: noUnit.id }, data: { role: 'ADMIN', fullName: 'Quản Trị Hai' } });
      const d = draft('khong-don-vi', 'Phong trào chưa có đơn vị', [{ kind: 'REGISTRATION', dueAt: localDate(2025, 4, 1, 17), remindOffsets: [] }], {
        units: ['TINH'],
        startsAt: localDate(2025, 3, 1),
        endsAt: localDate(2025, 12, 31),
      });
      const imported = await s.campaigns.importDraft(d, { id: noUnit.id }, null);
      expect(imported).toMatchObject({ ok: true, campaign: { ownerUnitId: null } });
      const id = (await s.campaigns.byCode('khong-don-vi'))!.id;
      expect(await s.campaigns.forManager(id, { id: noUnit.id }, 'campaign.launch')).toMatchObject({ ok: true });
      expect(await s.campaigns.forManager(id, { id: who.tinhOfficer! }, 'campaign.launch')).toEqual({ ok: false, reason: 'out_of_scope' });
      // Not an admin listed in ADMIN_IDS: back to a member, as the later start-up test expects.
      await s.prisma.member.update({ where: { id: noUnit.id }, data: { role: 'MEMBER' } });
    });

    it('refuses a nudge from a revoked officer (nothing queued) and takes one from an officer in office', async () => {
      const milestoneId = campaign.milestones[0]!.id;
      await setRole(who.bOfficer!, 'MEMBER');
      expect(await s.reminders.nudge(milestoneId, { id: who.bOfficer! })).toEqual({ ok: false, reason: 'forbidden' });
      expect(await s.prisma.delivery.count({ where: { dedupeKey: { startsWith: `nudge:${milestoneId}:` } } })).toBe(0);
      expect(await lastAudit('reminders.nudge')).toMatchObject({ outcome: 'REFUSED', actorId: who.bOfficer });
      await setRole(who.bOfficer!, 'OFFICER');
      const ok = await s.reminders.nudge(milestoneId, { id: who.bOfficer! });
      // Huyện B's officer reaches only Huyện B's people who have not registered.
      expect(ok).toEqual({ ok: true, queued: 2, laggards: 2 });
      expect(await lastAudit('reminders.nudge')).toMatchObject({ outcome: 'OK', actorId: who.bOfficer });
    });

    it('refuses a review report from an officer revoked between opening the flow and confirming it', async () => {
      const milestoneId = campaign.milestones[1]!.id;
      const doc = { fileId: 'f1', fileName: 'so-ket.pdf', mimeType: 'application/pdf', size: 1000 };
      expect(await s.reviewReports.canSubmit(milestoneId, { id: who.a1Officer! })).toEqual({ ok: true, unitId: unit.XA_A1 });
      await setRole(who.a1Officer!, 'MEMBER');
      expect(await s.reviewReports.submit({ milestoneId, actor: { id: who.a1Officer! }, document: doc, figures: null, note: null })).toEqual({
        ok: false,
        reason: 'not_officer',
      });
      expect(await s.prisma.reviewReport.count({ where: { milestoneId } })).toBe(0);
      expect(await lastAudit('review.submit')).toMatchObject({ outcome: 'REFUSED', actorId: who.a1Officer });
      await setRole(who.a1Officer!, 'OFFICER');
      expect(await s.reviewReports.submit({ milestoneId, actor: { id: who.a1Officer! }, document: doc, figures: null, note: null })).toMatchObject({ ok: true });
    });

    it('stops campaign management by an officer revoked after the screen was shown', async () => {
      await setRole(who.tinhOfficer!, 'MEMBER');
      expect(await s.campaigns.close(campaign.id, { id: who.tinhOfficer! })).toEqual({ ok: false, reason: 'out_of_scope' });
      expect(await s.campaigns.listForOfficer({ id: who.tinhOfficer! })).toEqual([]);
      await setRole(who.tinhOfficer!, 'OFFICER');
      expect((await s.campaigns.listForOfficer({ id: who.tinhOfficer! })).map((c) => c.code)).toContain('tinh-2025');
    });
  });

  describe('/linkgroup', () => {
    const link = (actor: number, chatId: string, senderIsChatAdmin: boolean, extra: { confirmMove?: boolean; expectUnitId?: number } = {}) =>
      s.groupChats.linkByOfficer({ actor: { id: actor }, chatId, title: 'Nhóm', senderIsChatAdmin, ...extra });

    it('links only when the sender is both an officer and an administrator of the group', async () => {
      expect(await link(who.a1Member!, '-7001', true)).toEqual({ ok: false, reason: 'not_officer' });
      expect(await link(who.aOfficer!, '-7001', false)).toEqual({ ok: false, reason: 'not_chat_admin' });
      expect(await s.groupChats.byChat('-7001')).toBeNull();
      const refusals = await s.prisma.auditLog.findMany({ where: { action: 'group.link', target: 'chat:-7001', outcome: 'REFUSED' } });
      expect(refusals.map((r) => (r.details as { reason: string }).reason).sort()).toEqual(['not_chat_admin', 'not_officer']);
      expect(await link(who.aOfficer!, '-7001', true)).toMatchObject({ ok: true, movedFrom: null, group: { unitId: unit.HUYEN_A } });
    });

    it('asks before moving a group linked to another unit, then moves it on confirmation and audits the move', async () => {
      expect(await link(who.bOfficer!, '-7001', true)).toEqual({ ok: false, reason: 'needs_confirmation', currentUnit: 'Huyện A', unit: 'Huyện B', unitId: unit.HUYEN_B });
      expect((await s.groupChats.byChat('-7001'))?.unitId).toBe(unit.HUYEN_A);
      // A confirmation for a unit the officer no longer belongs to is stale.
      expect(await link(who.bOfficer!, '-7001', true, { confirmMove: true, expectUnitId: unit.HUYEN_A })).toEqual({ ok: false, reason: 'unit_changed' });
      expect(await link(who.bOfficer!, '-7001', true, { confirmMove: true, expectUnitId: unit.HUYEN_B })).toMatchObject({ ok: true, movedFrom: 'Huyện A' });
      const audit = await lastAudit('group.link');
      expect(audit).toMatchObject({ outcome: 'OK', actorId: who.bOfficer });
      expect(audit!.details).toMatchObject({ unitId: unit.HUYEN_B, movedFromUnitId: unit.HUYEN_A });
    });
  });

  describe('admins', () => {
    it('lets an admin revoke another admin who is not in ADMIN_IDS, never one who is, and only admins decide roles', async () => {
      const other = (await member(s.prisma, 880030, 'Quản trị cũ', unit.TINH!)).id;
      await s.prisma.member.update({ where: { id: other }, data: { role: 'ADMIN' } });
      expect(await s.members.changeRole({ actor: { id: who.tinhOfficer! }, memberId: other, role: 'MEMBER' })).toEqual({ ok: false, reason: 'forbidden' });
      expect(await s.members.changeRole({ actor: { id: other }, memberId: who.admin!, role: 'MEMBER' })).toEqual({ ok: false, reason: 'configured_admin' });
      expect(await lastAudit('role.revoke', `member:${who.admin}`)).toMatchObject({ outcome: 'REFUSED', actorId: other });
      expect(await s.members.changeRole({ actor: { id: who.admin! }, memberId: other, role: 'MEMBER' })).toMatchObject({ ok: true, from: 'ADMIN', member: { role: 'MEMBER' } });
      expect(await lastAudit('role.revoke', `member:${other}`)).toMatchObject({ outcome: 'OK', actorId: who.admin });
    });

    it('demotes at start an admin whose id was removed from ADMIN_IDS, and audits it', async () => {
      const removed = (await member(s.prisma, 880040, 'Từng là quản trị', unit.TINH!)).id;
      await s.prisma.member.update({ where: { id: removed }, data: { role: 'ADMIN' } });
      const demoted = await s.members.demoteUnlistedAdmins();
      expect(demoted.map((m) => m.id)).toEqual([removed]);
      expect((await s.prisma.member.findUniqueOrThrow({ where: { id: removed } })).role).toBe('MEMBER');
      expect((await s.prisma.member.findUniqueOrThrow({ where: { id: who.admin! } })).role).toBe('ADMIN');
      expect(await lastAudit('role.demote', `member:${removed}`)).toMatchObject({ outcome: 'OK', actorRef: 'config:ADMIN_IDS' });
      expect(await s.members.demoteUnlistedAdmins()).toEqual([]);
    });
  });
});
