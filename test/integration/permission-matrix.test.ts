/**
 * Who may do what, as a matrix (issue 9, "Permissions and audit belong to the use cases"): every
 * acting use case is called on the services alone — no channel in between — by a member, an
 * officer and an admin, on a target inside and outside the actor's subtree, and by an officer
 * revoked between the moment the screen or question was shown and the moment they act. Each cell
 * says allowed or refused; a refusal changes nothing; both leave an audit row written by the use
 * case itself.
 *
 * The tree: Tỉnh › Huyện A › Xã A1, Xã A2 and Tỉnh › Huyện B › Xã B1, Xã B2. Actors sit in Huyện A,
 * so "inside" targets are in Xã A1/A2 and "outside" ones in Xã B1/B2. A new action is one row of
 * `ACTIONS`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createServices, type Services } from '../../src/services/index.js';
import { localDate } from '../../src/domain/dates.js';
import { draft, launchedCampaign, member, registration } from '../support/reminder-fixtures.js';
import { telegram, telegramIdOf } from '../support/identities.js';

const clock = localDate(2025, 3, 1, 9);
const period = { startsAt: localDate(2025, 3, 1), endsAt: localDate(2025, 12, 31) };

type Role = 'MEMBER' | 'OFFICER' | 'ADMIN';
type Where = 'inside' | 'outside';
/** The actor as the matrix sees them: a role, or an officer revoked mid-flow. */
type Who = Role | 'REVOKED';

/** What a row's fixture hands the action: ids of what it acts on, and the unit it lies in. */
interface Target {
  unitId: number;
  unitCode: string;
  /** Free-form ids the row created (campaign, milestone, registration, member, broadcast, report…). */
  id: number;
  extra: number;
  code: string;
}

interface Row {
  /** The audit action the use case writes. */
  action: string;
  /** Who may: staff (officers within their subtree, admins everywhere) or admins only. */
  need: 'OFFICER' | 'ADMIN';
  /** Whether the target's place in the tree matters (false: the role alone decides). */
  scoped: boolean;
  /** Another rule than need × scope, for the few actions that have one. */
  allowed?: (role: Role, where: Where) => boolean;
  /** Reads write an audit row only when they refuse; changes write one either way. */
  read?: boolean;
  setup: (where: Where, owner: number, n: number) => Promise<Target>;
  act: (actor: { id: number }, t: Target) => Promise<{ ok: boolean }>;
  /** What a refusal must leave as it was (reads: nothing to compare). */
  state: (t: Target, actorId: number) => Promise<unknown> | null;
}

describe('permission matrix: role × action × scope × revoked mid-flow, on the services alone (PostgreSQL)', () => {
  let tdb: TestDatabase;
  let s: Services;
  const unit: Record<string, { id: number; code: string }> = {};
  let seq = 0;
  const next = () => ++seq;
  const place = (where: Where, i = 1) => unit[where === 'inside' ? `XA_A${i}` : `XA_B${i}`]!;
  const target = (where: Where, fields: Partial<Target> = {}): Target => ({ unitId: place(where).id, unitCode: place(where).code, id: 0, extra: 0, code: '', ...fields });

  /** A draft campaign owned by the target's unit (its audience: that unit). */
  const draftIn = async (where: Where, n: number) => {
    const u = place(where);
    const r = await s.campaigns.createFromDraft(
      draft(`m-${n}`, `Phong trào ${n}`, [{ kind: 'REGISTRATION', dueAt: localDate(2025, 4, 1, 17), remindOffsets: [] }], { units: [u.code], ...period }),
      { ownerUnitId: u.id },
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    return s.campaigns.byId(r.campaign.id).then((c) => c!);
  };
  const launchedIn = (where: Where, n: number) =>
    launchedCampaign(
      s,
      draft(
        `m-${n}`,
        `Phong trào ${n}`,
        [
          { kind: 'REGISTRATION', dueAt: localDate(2025, 4, 1, 17), remindOffsets: [] },
          { kind: 'MIDTERM_REVIEW', dueAt: localDate(2025, 6, 30, 17), remindOffsets: [] },
        ],
        { units: [place(where).code], ...period },
      ),
      place(where).id,
      clock,
    );
  const personIn = (where: Where, n: number, role: Role = 'MEMBER') => member(s.prisma, 990000 + n, `Người ${n}`, place(where).id, role === 'ADMIN' ? 'MEMBER' : role);
  const campaignState = (id: number) => s.prisma.campaign.findUnique({ where: { id }, select: { status: true, title: true, archivedAt: true, _count: { select: { broadcasts: true } } } });

  const ACTIONS: Row[] = [
    {
      action: 'campaign.launch', need: 'OFFICER', scoped: true,
      setup: async (w, _o, n) => target(w, { id: (await draftIn(w, n)).id }),
      act: (a, t) => s.campaigns.launch({ campaignId: t.id, actor: a, progressChatId: null }),
      state: (t) => campaignState(t.id),
    },
    {
      action: 'campaign.announce', need: 'OFFICER', scoped: true,
      setup: async (w, _o, n) => target(w, { id: (await launchedIn(w, n)).id }),
      act: (a, t) => s.campaigns.announce({ campaignId: t.id, actor: a, text: 'x', progressChatId: null, nonce: 'n' }),
      state: (t) => campaignState(t.id),
    },
    {
      action: 'campaign.edit', need: 'OFFICER', scoped: true,
      setup: async (w, _o, n) => target(w, { id: (await draftIn(w, n)).id }),
      act: (a, t) => s.campaigns.editDraft(t.id, a, { title: 'Tên mới' }),
      state: (t) => campaignState(t.id),
    },
    {
      action: 'campaign.close', need: 'OFFICER', scoped: true,
      setup: async (w, _o, n) => target(w, { id: (await launchedIn(w, n)).id }),
      act: (a, t) => s.campaigns.close(t.id, a),
      state: (t) => campaignState(t.id),
    },
    {
      action: 'campaign.archive', need: 'OFFICER', scoped: true,
      setup: async (w, _o, n) => target(w, { id: (await draftIn(w, n)).id }),
      act: (a, t) => s.campaigns.archive(t.id, a),
      state: (t) => campaignState(t.id),
    },
    {
      action: 'campaign.view', need: 'OFFICER', scoped: true, read: true,
      setup: async (w, _o, n) => target(w, { id: (await draftIn(w, n)).id }),
      act: (a, t) => s.campaigns.forManager(t.id, a, 'campaign.view'),
      state: (t) => campaignState(t.id),
    },
    {
      action: 'milestone.move', need: 'OFFICER', scoped: true,
      setup: async (w, _o, n) => target(w, { id: (await launchedIn(w, n)).milestones[0]!.id }),
      act: (a, t) => s.campaigns.moveMilestone({ milestoneId: t.id, dueAt: localDate(2025, 4, 10, 17), actor: a }),
      state: (t) => s.prisma.milestone.findUnique({ where: { id: t.id }, select: { dueAt: true } }),
    },
    {
      // Đính chính / gia hạn of a launched campaign (services/amendments.ts): a later deadline.
      action: 'campaign.amend', need: 'OFFICER', scoped: true,
      setup: async (w, _o, n) => {
        const c = await launchedIn(w, n);
        return target(w, { id: c.id, extra: c.milestones[0]!.id });
      },
      act: (a, t) => s.amendments.amend({ campaignId: t.id, actor: a, change: { kind: 'deadline', milestoneId: t.extra, dueAt: localDate(2025, 4, 20, 17) }, nonce: `pm-${t.id}-${a.id}`, progressChatId: null }),
      state: (t) => s.prisma.milestone.findUnique({ where: { id: t.extra }, select: { dueAt: true } }),
    },
    {
      // A campaign file (or the wizard's draft) is scoped by its audience.
      action: 'campaign.create', need: 'OFFICER', scoped: true,
      setup: async (w, _o, n) => target(w, { code: `nhap-${n}` }),
      act: (a, t) => s.campaigns.importDraft(draft(t.code, 'Nháp', [{ kind: 'REGISTRATION', dueAt: localDate(2025, 4, 1, 17), remindOffsets: [] }], { units: [t.unitCode], ...period }), a, null),
      state: (t) => s.prisma.campaign.count({ where: { code: t.code } }),
    },
    {
      // "Inside" is a broadcast the actor started; "outside" someone else's. Only its creator or an admin stops it.
      action: 'broadcast.stop', need: 'OFFICER', scoped: true,
      setup: async (w, owner, n) => {
        const other = await personIn('outside', n);
        const b = await s.broadcasts.start({ kind: 'ANNOUNCEMENT', createdById: w === 'inside' ? owner : other.id, items: [{ chatId: await telegramIdOf(s.prisma, other.id), memberId: other.id, message: { text: 'x' }, dedupeKey: `pm-${n}` }] });
        return target(w, { id: b.broadcastId });
      },
      act: (a, t) => s.broadcasts.cancelFor(t.id, a),
      state: (t) => s.prisma.broadcast.findUnique({ where: { id: t.id }, select: { status: true } }),
    },
    {
      action: 'registration.approve', need: 'OFFICER', scoped: true,
      setup: async (w, _o, n) => target(w, { id: (await registration(s.prisma, (await launchedIn(w, n)).id, (await personIn(w, n)).id)).id }),
      act: (a, t) => s.registrations.decide({ registrationId: t.id, actor: a, decision: 'APPROVE' }),
      state: (t) => s.prisma.registration.findUnique({ where: { id: t.id }, select: { status: true, decidedById: true } }),
    },
    {
      action: 'registration.return', need: 'OFFICER', scoped: true,
      setup: async (w, _o, n) => target(w, { id: (await registration(s.prisma, (await launchedIn(w, n)).id, (await personIn(w, n)).id)).id }),
      act: (a, t) => s.registrations.decide({ registrationId: t.id, actor: a, decision: 'RETURN', reason: 'Thiếu minh chứng' }),
      state: (t) => s.prisma.registration.findUnique({ where: { id: t.id }, select: { status: true, returnReason: true } }),
    },
    {
      action: 'registration.list', need: 'OFFICER', scoped: false, read: true,
      setup: async (w) => target(w),
      act: (a) => s.registrations.listInScope(a.id, { status: 'SUBMITTED', page: 0 }),
      state: () => null,
    },
    {
      action: 'report.evidence', need: 'OFFICER', scoped: true,
      setup: async (w, _o, n) => {
        const c = await launchedIn(w, n);
        const crit = await s.prisma.criterion.create({ data: { campaignId: c.id, code: 'K1', title: 'Nội dung', measure: 'NUMBER', position: 0 } });
        const r = await s.prisma.progressReport.create({ data: { campaignId: c.id, criterionId: crit.id, memberId: (await personIn(w, n)).id } });
        await s.prisma.attachment.create({ data: { progressReportId: r.id, kind: 'PHOTO', fileId: `f-${n}`, size: 10 } });
        return target(w, { id: r.id });
      },
      act: (a, t) => s.reports.evidenceFor(t.id, a),
      state: () => null,
    },
    {
      action: 'reminders.nudge', need: 'OFFICER', scoped: false,
      setup: async (w, _o, n) => target(w, { id: (await launchedIn(w, n)).milestones[0]!.id }),
      act: (a, t) => s.reminders.nudge(t.id, a),
      state: (t) => s.prisma.delivery.count({ where: { dedupeKey: { startsWith: `nudge:${t.id}:` } } }),
    },
    {
      action: 'review.status', need: 'OFFICER', scoped: false, read: true,
      setup: async (w, _o, n) => target(w, { id: (await launchedIn(w, n)).milestones[1]!.id }),
      act: (a, t) => s.reviewReports.statusFor(t.id, a),
      state: () => null,
    },
    {
      // A review report speaks for the actor's own unit: the campaign must reach it, admins included.
      action: 'review.submit', need: 'OFFICER', scoped: true,
      allowed: (role, where) => role !== 'MEMBER' && where === 'inside',
      setup: async (w, _o, n) => {
        const c = await launchedCampaign(
          s,
          draft(`rv-${n}`, 'Sơ kết', [{ kind: 'MIDTERM_REVIEW', dueAt: localDate(2025, 6, 30, 17), remindOffsets: [] }], { units: [w === 'inside' ? 'HUYEN_A' : 'HUYEN_B'], ...period }),
          unit[w === 'inside' ? 'HUYEN_A' : 'HUYEN_B']!.id,
          clock,
        );
        return target(w, { id: c.milestones[0]!.id });
      },
      act: (a, t) => s.reviewReports.submit({ milestoneId: t.id, actor: a, document: { fileId: 'f', fileName: 'so-ket.pdf', mimeType: 'application/pdf', size: 100 }, figures: null, note: null }),
      state: (t) => s.prisma.reviewReport.count({ where: { milestoneId: t.id } }),
    },
    {
      action: 'unit.invite', need: 'OFFICER', scoped: true,
      setup: async (w) => target(w),
      act: (a, t) => s.units.invite({ actor: a, code: t.unitCode }),
      state: (t) => s.prisma.unit.findUnique({ where: { id: t.unitId }, select: { inviteCode: true } }),
    },
    {
      action: 'member.move', need: 'OFFICER', scoped: true,
      setup: async (w, _o, n) => target(w, { id: (await personIn(w, n)).id, extra: place(w, 2).id }),
      act: (a, t) => s.members.moveMember({ actor: a, memberId: t.id, unitId: t.extra }),
      state: (t) => s.prisma.member.findUnique({ where: { id: t.id }, select: { unitId: true } }),
    },
    {
      // Anyone may move themselves; an officer only inside their own subtree (it must not widen it).
      action: 'member.unit.change', need: 'OFFICER', scoped: true,
      allowed: (role, where) => role !== 'OFFICER' || where === 'inside',
      setup: async (w) => target(w),
      act: (a, t) => s.members.changeOwnUnit({ actor: a, unitId: t.unitId }),
      state: (_t, actorId) => s.prisma.member.findUnique({ where: { id: actorId }, select: { unitId: true } }),
    },
    {
      // A unit's join policy: officers for units in their subtree, admins anywhere.
      action: 'unit.join_policy', need: 'OFFICER', scoped: true,
      setup: async (w, _o, n) => {
        const r = await s.units.create({ code: `JP${n}`, name: `Xã ${n}`, parentCode: place(w).code, join: 'OPEN' });
        if (!r.ok) throw new Error(r.reason);
        return target(w, { unitId: r.unit.id, unitCode: r.unit.code });
      },
      act: (a, t) => s.units.setJoinPolicy({ actor: a, code: t.unitCode, policy: 'APPROVAL' }),
      state: (t) => s.prisma.unit.findUnique({ where: { id: t.unitId }, select: { joinPolicy: true } }),
    },
    {
      // Approving a join request: an officer whose subtree holds the unit, or an admin.
      action: 'member.join.approve', need: 'OFFICER', scoped: true,
      setup: async (w, _o, n) => {
        const r = await s.units.create({ code: `JR${n}`, name: `Xã duyệt ${n}`, parentCode: place(w).code, join: 'APPROVAL' });
        if (!r.ok) throw new Error(r.reason);
        const person = await s.prisma.member.create({ data: { identities: telegram(BigInt(960000 + n)), fullName: `Người xin ${n}`, nameSearch: `nguoi xin ${n}` } });
        const filed = await s.members.changeOwnUnit({ actor: { id: person.id }, unitId: r.unit.id });
        if (filed.ok || filed.reason !== 'approval_required') throw new Error(JSON.stringify(filed));
        return target(w, { unitId: r.unit.id, id: filed.requestId, extra: person.id });
      },
      act: (a, t) => s.joinRequests.decide({ actor: a, requestId: t.id, decision: 'APPROVE' }),
      state: async (t) => [await s.prisma.joinRequest.findUnique({ where: { id: t.id } }), await s.prisma.member.findUnique({ where: { id: t.extra }, select: { unitId: true } })],
    },
    {
      action: 'role.grant', need: 'ADMIN', scoped: false,
      setup: async (w, _o, n) => target(w, { id: (await personIn(w, n)).id }),
      act: (a, t) => s.members.changeRole({ actor: a, memberId: t.id, role: 'OFFICER' }),
      state: (t) => s.prisma.member.findUnique({ where: { id: t.id }, select: { role: true } }),
    },
    {
      action: 'unit.create', need: 'ADMIN', scoped: false,
      setup: async (w, _o, n) => target(w, { code: `DV_${n}` }),
      act: (a, t) => s.units.addUnit({ actor: a, code: t.code, name: `Đơn vị ${t.code}`, parentCode: t.unitCode }),
      state: (t) => s.prisma.unit.count({ where: { code: t.code } }),
    },
    {
      action: 'group.create', need: 'ADMIN', scoped: false,
      setup: async (w, _o, n) => target(w, { code: `KHOI_${n}` }),
      act: (a, t) => s.units.addGroup({ actor: a, code: t.code, name: `Khối ${t.code}` }),
      state: (t) => s.prisma.emulationGroup.count({ where: { code: t.code } }),
    },
    {
      action: 'unit.import', need: 'ADMIN', scoped: false,
      setup: async (w, _o, n) => target(w, { code: `NK_${n}` }),
      act: (a, t) => s.units.importFile({ actor: a, text: `code,name,parent,group\n${t.code},Đơn vị nhập ${t.code},${t.unitCode},`, format: 'csv', fileName: 'dv.csv' }),
      state: (t) => s.prisma.unit.count({ where: { code: t.code } }),
    },
    {
      action: 'audit.view', need: 'ADMIN', scoped: false, read: false,
      setup: async (w) => target(w),
      act: (a) => s.audit.viewFor(a, { limit: 5 }),
      state: () => null,
    },
    {
      action: 'group.link', need: 'OFFICER', scoped: false,
      setup: async (w, _o, n) => target(w, { code: `-88${n}` }),
      act: (a, t) => s.groupChats.linkByOfficer({ actor: a, chatId: t.code, title: 'Nhóm', senderIsChatAdmin: true }),
      state: (t) => s.groupChats.byChat(t.code),
    },
  ];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    s = createServices(tdb.db.prisma, { adminIds: [], defaultLocale: 'vi', now: () => clock });
    // Open to the picker: these rows are about roles and scope; the join policy has rows of its own.
    await s.units.importUnits(
      [
        { code: 'TINH', name: 'Tỉnh', join: 'OPEN', line: 2 },
        { code: 'HUYEN_A', name: 'Huyện A', parent: 'TINH', join: 'OPEN', line: 3 },
        { code: 'XA_A1', name: 'Xã A1', parent: 'HUYEN_A', join: 'OPEN', line: 4 },
        { code: 'XA_A2', name: 'Xã A2', parent: 'HUYEN_A', join: 'OPEN', line: 5 },
        { code: 'HUYEN_B', name: 'Huyện B', parent: 'TINH', join: 'OPEN', line: 6 },
        { code: 'XA_B1', name: 'Xã B1', parent: 'HUYEN_B', join: 'OPEN', line: 7 },
        { code: 'XA_B2', name: 'Xã B2', parent: 'HUYEN_B', join: 'OPEN', line: 8 },
      ],
      [],
    );
    for (const code of ['TINH', 'HUYEN_A', 'XA_A1', 'XA_A2', 'HUYEN_B', 'XA_B1', 'XA_B2']) unit[code] = { id: (await s.units.byCode(code))!.id, code };
  });
  afterAll(() => tdb?.drop());

  const WHO: Who[] = ['MEMBER', 'OFFICER', 'ADMIN', 'REVOKED'];
  const WHERE: Where[] = ['inside', 'outside'];

  /** The expected answer of a cell: the row's own rule, else need × scope; a revoked officer acts as a member. */
  const expected = (row: Row, who: Who, where: Where): boolean => {
    const role: Role = who === 'REVOKED' ? 'MEMBER' : who;
    if (row.allowed) return row.allowed(role, where);
    if (role === 'ADMIN') return true;
    return role === 'OFFICER' && row.need === 'OFFICER' && (!row.scoped || where === 'inside');
  };

  for (const row of ACTIONS) {
    describe(row.action, () => {
      for (const who of WHO) {
        for (const where of WHERE) {
          if (!row.scoped && where === 'outside') continue;
          const allowed = expected(row, who, where);
          it(`${allowed ? 'allows' : 'refuses'} ${who === 'REVOKED' ? 'an officer revoked mid-flow' : `${who === 'MEMBER' ? 'a' : 'an'} ${who.toLowerCase()}`}${row.scoped ? `, target ${where} their subtree` : ''}`, async () => {
            const n = next();
            // Actors sit in Huyện A. A revoked officer was one when the flow began.
            const role = who === 'REVOKED' ? 'OFFICER' : who;
            const actor = await s.prisma.member.create({
              data: { identities: telegram(BigInt(970000 + n)), fullName: `Người làm ${n}`, nameSearch: `nguoi lam ${n}`, unitId: unit.HUYEN_A!.id, role },
            });
            const t = await row.setup(where, actor.id, n);
            if (who === 'REVOKED') await s.prisma.member.update({ where: { id: actor.id }, data: { role: 'MEMBER' } });
            const before = await row.state(t, actor.id);
            const auditBefore = await s.prisma.auditLog.count({ where: { action: row.action, actorId: actor.id } });

            const result = await row.act({ id: actor.id }, t);

            expect(result.ok, JSON.stringify(result, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).toBe(allowed);
            const rows = await s.prisma.auditLog.findMany({ where: { action: row.action, actorId: actor.id }, orderBy: { id: 'asc' } });
            if (allowed) {
              if (!row.read) expect(rows.slice(auditBefore).map((r) => r.outcome)).toContain('OK');
            } else {
              expect(await row.state(t, actor.id)).toEqual(before);
              expect(rows.slice(auditBefore).map((r) => r.outcome)).toContain('REFUSED');
            }
          });
        }
      }
    });
  }
});
