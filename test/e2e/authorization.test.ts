/**
 * The refusals people see (issue 8, "Authorization"), through the whole bot and the fake Bot API:
 * an officer cannot widen their own scope by changing unit, /linkgroup needs a group administrator,
 * personal commands in a group reveal nothing, and ADMIN_IDS is the source of truth for admins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import type { SimulatedUser } from '../support/simulated-user.js';
import { draft, launchedCampaign } from '../support/reminder-fixtures.js';
import { encodeCallback } from '../../src/channels/telegram/callback-data.js';

const ADMIN_ID = 9300001;
const UNITS = [
  { code: 'TINH', name: 'UBND tỉnh Bến Tre' },
  { code: 'HUYEN', name: 'Huyện Giồng Trôm', parent: 'TINH' },
  { code: 'XA', name: 'Xã Đồng Khởi', parent: 'HUYEN' },
  { code: 'HUYEN2', name: 'Huyện Mỏ Cày', parent: 'TINH' },
];

describe('authorization refusals in chat (polling, PostgreSQL)', () => {
  let h: Harness;
  let admin: SimulatedUser;
  let xaOfficer: SimulatedUser;
  let tinhOfficer: SimulatedUser;

  /** A joined member of `code`, with a role, made through the services (onboarding has its own tests). */
  async function joined(user: SimulatedUser, code: string, name: string, role?: 'OFFICER') {
    const m = await h.app.services.members.touch({ channel: 'TELEGRAM', externalId: String(user.id), firstName: user.firstName });
    await h.app.services.members.setUnit(m.id, (await h.app.services.units.byCode(code))!.id);
    const named = await h.app.services.members.setName(m.id, name);
    return role ? h.app.services.members.setRole(m.id, role) : named;
  }
  const unitCodeOf = async (user: SimulatedUser) => (await h.app.services.members.byIdentity('TELEGRAM', String(user.id)))?.unit?.code;

  beforeAll(async () => {
    h = await startHarness({ storage: 'postgres', adminIds: [ADMIN_ID] });
    await seedUnits(h.app, UNITS);
    admin = h.fake.user({ id: ADMIN_ID, firstName: 'Quản trị' });
    await joined(admin, 'TINH', 'Phạm Quản Trị');
    xaOfficer = h.fake.user({ firstName: 'Nam' });
    await joined(xaOfficer, 'XA', 'Võ Văn Nam', 'OFFICER');
    tinhOfficer = h.fake.user({ firstName: 'Hương' });
    await joined(tinhOfficer, 'TINH', 'Lê Thị Hương', 'OFFICER');
  });
  afterAll(() => h?.close());

  it('refuses a commune officer who picks the province in /profile, naming who can move them', async () => {
    xaOfficer.send('/profile');
    await xaOfficer.waitFor(/Hồ sơ của đồng chí/);
    xaOfficer.press('🏢 Đổi đơn vị');
    await xaOfficer.waitFor(/Chọn đơn vị/);
    xaOfficer.press('UBND tỉnh Bến Tre ›');
    await xaOfficer.waitFor(/Chọn đơn vị trong “UBND tỉnh Bến Tre”/);
    xaOfficer.press('✔ Chọn “UBND tỉnh Bến Tre”');
    const refusal = await xaOfficer.waitFor(/không tự chuyển được/);
    expect(refusal.text).toContain('cán bộ phụ trách thi đua của “Xã Đồng Khởi”');
    expect(refusal.text).toContain('Lê Thị Hương (cán bộ phụ trách UBND tỉnh Bến Tre), Phạm Quản Trị (quản trị viên)');
    expect(refusal.text).toContain('/moveunit');
    expect(await unitCodeOf(xaOfficer)).toBe('XA');
  });

  it('refuses the same move through another unit’s invite link', async () => {
    const other = (await h.app.services.units.byCode('HUYEN2'))!;
    xaOfficer.start(`u_${other.inviteCode}`);
    await xaOfficer.waitFor(/Chuyển sang “Huyện Mỏ Cày”/);
    xaOfficer.press('Chuyển sang “Huyện Mỏ Cày”');
    await xaOfficer.waitFor(/Chuyển sang “Huyện Mỏ Cày” sẽ mở rộng phạm vi phụ trách/);
    expect(await unitCodeOf(xaOfficer)).toBe('XA');
    const refusals = await h.app.services.prisma.auditLog.count({ where: { action: 'member.unit.change', outcome: 'REFUSED' } });
    expect(refusals).toBe(2);
  });

  it('lets the province officer named in the refusal make the move with /moveunit', async () => {
    tinhOfficer.send('/moveunit HUYEN2 | vo van nam');
    await tinhOfficer.waitFor(/Chọn người cần chuyển sang Huyện Mỏ Cày/);
    tinhOfficer.press('Võ Văn Nam · Xã Đồng Khởi → Huyện Mỏ Cày');
    await tinhOfficer.waitFor(/Đã chuyển Võ Văn Nam từ “Xã Đồng Khởi” sang Huyện Mỏ Cày/);
    expect(await unitCodeOf(xaOfficer)).toBe('HUYEN2');
  });

  it('refuses the return of a registration when the officer was revoked while typing the reason', async () => {
    const now = h.app.services.now();
    const day = 24 * 3600_000;
    const tinh = (await h.app.services.units.byCode('TINH'))!;
    const c = await launchedCampaign(
      h.app.services,
      draft('tra-lai', 'Phong trào thử', [{ kind: 'REGISTRATION', dueAt: new Date(now.getTime() + 10 * day), remindOffsets: [] }], {
        units: ['TINH'],
        startsAt: new Date(now.getTime() - day),
        endsAt: new Date(now.getTime() + 100 * day),
      }),
      tinh.id,
      now,
    );
    const admin_ = (await h.app.services.members.byIdentity('TELEGRAM', String(admin.id)))!;
    const reg = await h.app.services.prisma.registration.create({ data: { campaignId: c.id, memberId: admin_.id, scope: 'INDIVIDUAL', titleCode: 'LDTT' } });
    tinhOfficer.pressData(encodeCallback('reg.return', { registrationId: reg.id }));
    await tinhOfficer.waitFor(new RegExp(`gõ lý do trả lại đăng ký #${reg.id}`));
    const officer = (await h.app.services.members.byIdentity('TELEGRAM', String(tinhOfficer.id)))!;
    await h.app.services.members.setRole(officer.id, 'MEMBER');
    tinhOfficer.send('Thiếu minh chứng');
    await tinhOfficer.waitFor(/không còn quyền duyệt đăng ký/);
    expect((await h.app.services.prisma.registration.findUniqueOrThrow({ where: { id: reg.id } })).status).toBe('SUBMITTED');
    await h.app.services.members.setRole(officer.id, 'OFFICER');
  });

  it('refuses /linkgroup from an officer who is not an administrator of the group, and links for one who is', async () => {
    const group = h.fake.group({ title: 'Thi đua Mỏ Cày' });
    h.fake.addBotToGroup(group, xaOfficer);
    await group.waitFor(/\/linkgroup/);
    group.send(xaOfficer, '/linkgroup');
    await group.waitFor(/Chỉ quản trị viên của nhóm này, đồng thời là cán bộ phụ trách thi đua/);
    expect(await h.app.services.groupChats.byChat(String(group.id))).toBeNull();
    const refusal = await h.app.services.prisma.auditLog.findFirst({ where: { action: 'group.link', outcome: 'REFUSED' } });
    expect(refusal?.details).toMatchObject({ reason: 'not_chat_admin' });

    h.fake.setChatMemberStatus(group.id, xaOfficer.id, 'administrator');
    group.send(xaOfficer, '/linkgroup');
    await group.waitFor(/Đã liên kết nhóm này với đơn vị Huyện Mỏ Cày/);

    // Another unit's officer, also a group administrator, must confirm before taking the group over.
    h.fake.setChatMemberStatus(group.id, tinhOfficer.id, 'creator');
    group.send(tinhOfficer, '/linkgroup');
    const ask = await group.waitFor(/đang liên kết với đơn vị “Huyện Mỏ Cày”/);
    expect((await h.app.services.groupChats.byChat(String(group.id)))?.unit.code).toBe('HUYEN2');
    tinhOfficer.press('✔ Chuyển sang UBND tỉnh Bến Tre', { inMessage: ask });
    await group.waitFor(/Đã chuyển liên kết của nhóm từ “Huyện Mỏ Cày” sang UBND tỉnh Bến Tre/);
    expect((await h.app.services.groupChats.byChat(String(group.id)))?.unit.code).toBe('TINH');
  });

  it('answers personal commands in a group with "open a private chat" and reveals nothing', async () => {
    const group = h.fake.group({ title: 'Nhóm chung' });
    h.fake.addBotToGroup(group, admin);
    await group.waitFor(/\/linkgroup/);
    for (const command of ['/profile', '/language', '/my', '/help', '/settings', '/audit']) {
      group.send(admin, command);
      const answer = await group.waitFor(/chỉ dùng trong trò chuyện riêng với bot/);
      expect(answer.text).not.toMatch(/Phạm Quản Trị|UBND tỉnh|Quản trị viên|Hồ sơ|Tiếng Việt|nhật ký/);
      expect(answer.reply_markup?.inline_keyboard.flat()).toEqual([{ text: 'Mở trò chuyện riêng', url: 'https://t.me/thidua_test_bot' }]);
    }
    // One answer per command, nothing else in the group.
    expect(group.events.filter((e) => e.kind === 'sent').length).toBe(1 + 6);
  });

  it('demotes at start an admin who is not in ADMIN_IDS, and lets an admin revoke such an admin in chat', async () => {
    const former = h.fake.user({ firstName: 'Cũ' });
    const m = await joined(former, 'TINH', 'Trần Văn Cũ');
    await h.app.services.members.setRole(m.id, 'ADMIN');
    await h.restart();
    expect((await h.app.services.members.byId(m.id))?.role).toBe('MEMBER');
    const demotion = await h.app.services.prisma.auditLog.findFirst({ where: { action: 'role.demote', target: `member:${m.id}` } });
    expect(demotion).toMatchObject({ outcome: 'OK', actorRef: 'config:ADMIN_IDS' });

    // An admin made outside ADMIN_IDS after the start can be revoked by an admin from chat.
    await h.app.services.members.setRole(m.id, 'ADMIN');
    admin.send('/revoke tran van cu');
    await admin.waitFor(/Chọn người cần/);
    admin.press('Trần Văn Cũ · UBND tỉnh Bến Tre');
    await admin.waitFor(/Thu hồi quyền quản trị viên của Trần Văn Cũ/);
    admin.press('✔ Xác nhận');
    await admin.waitFor(/Đã thu hồi quyền quản trị viên của Trần Văn Cũ/);
    expect((await h.app.services.members.byId(m.id))?.role).toBe('MEMBER');
    // The person is told which role they lost and what they keep.
    const notice = await former.waitFor(/đã thu hồi quyền quản trị viên của đồng chí \(đơn vị “UBND tỉnh Bến Tre”\)/);
    expect(notice.text).toMatch(/vẫn đăng ký thi đua, báo cáo/);
    // A configured admin is never offered for revocation.
    admin.send('/revoke pham quan tri');
    await admin.waitFor(/Không tìm thấy ai/);
  });
});
