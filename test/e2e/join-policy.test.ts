/**
 * Joining policy per unit (issue 12 #8), end to end on Telegram and Zalo with the whole bot
 * (createApp, PostgreSQL, Redis): an invite-only unit refused in the picker and joined by its code;
 * a unit that needs approval — the request, the officers' notice, a restart in between, approval
 * (the person joins, is told the open campaigns, and is in the next launch's audience but got
 * nothing of the launch before), a decline with a reason, a request replaced by another pick; the
 * policy changed by an officer in scope and refused (and audited) out of scope; a new unit
 * invite-only by default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { FakeZalo, type ZaloUser } from '../support/fake-zalo.js';
import { addLocalDays, formatDate } from '../../src/domain/dates.js';
import { telegram } from '../support/identities.js';
import type { SimulatedUser } from '../support/simulated-user.js';
import { zaloChat } from '../support/zalo-chat.js';

const UNITS = [
  { code: 'BENTRE', name: 'UBND tỉnh Bến Tre', join: 'OPEN' as const },
  { code: 'GIONGTROM', name: 'Huyện Giồng Trôm', parent: 'BENTRE', join: 'OPEN' as const },
  { code: 'MYTHANH', name: 'Xã Mỹ Thạnh', parent: 'GIONGTROM', join: 'INVITE_ONLY' as const },
  { code: 'LUONGHOA', name: 'Xã Lương Hòa', parent: 'GIONGTROM', join: 'APPROVAL' as const },
  { code: 'PHONGNAM', name: 'Xã Phong Nẫm', parent: 'GIONGTROM', join: 'APPROVAL' as const },
  { code: 'SOTP', name: 'Sở Tư pháp', parent: 'BENTRE', join: 'OPEN' as const },
];

describe('joining policy per unit (Telegram and Zalo, PostgreSQL, Redis)', () => {
  let h: Harness;
  let zalo: FakeZalo;
  let tam: SimulatedUser;
  let tamId: number;
  let ngoc: SimulatedUser;
  let zaloOfficer: ZaloUser;

  beforeAll(async () => {
    zalo = await FakeZalo.start({ maxPollMs: 200 });
    h = await startHarness({ storage: 'postgres', redis: true, adminIds: [900001], env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ZALO_RATE: '200' } });
    await seedUnits(h.app, UNITS);
    const prisma = h.app.services.prisma;
    const unit = async (code: string) => (await h.app.services.units.byCode(code))!.id;
    // Officers: Tâm (Telegram) and Hải (Zalo) for Huyện Giồng Trôm, Ngọc for Sở Tư pháp (another branch).
    tam = h.fake.user({ firstName: 'Tâm' });
    ngoc = h.fake.user({ firstName: 'Ngọc' });
    zaloOfficer = zalo.user('Hải');
    tamId = (await prisma.member.create({ data: { identities: telegram(tam.id), fullName: 'Lê Minh Tâm', nameSearch: 'le minh tam', unitId: await unit('GIONGTROM'), role: 'OFFICER' } })).id;
    await prisma.member.create({ data: { identities: telegram(ngoc.id), fullName: 'Võ Thị Ngọc', nameSearch: 'vo thi ngoc', unitId: await unit('SOTP'), role: 'OFFICER' } });
    await prisma.member.create({
      data: { identities: { create: { channel: 'ZALO', externalId: zaloOfficer.id } }, fullName: 'Trần Văn Hải', nameSearch: 'tran van hai', unitId: await unit('GIONGTROM'), role: 'OFFICER' },
    });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await zalo?.close();
  });

  /** Tâm's campaign for Huyện Giồng Trôm (his subtree), imported and launched through the services as /launch does. */
  async function launch(code: string): Promise<void> {
    const d = (n: number) => formatDate(addLocalDays(new Date(), n));
    const yaml = `
code: ${code}
title: Thi đua ${code}
kind: THEMATIC
starts: ${d(-1)}
ends: ${d(200)}
titles: { individual: [LDTT] }
criteria:
  - { code: K1, title: Công trình chào mừng đại hội, measure: NUMBER, unit: công trình }
milestones:
  - { kind: REGISTRATION, due: "${d(10)} 17:00" }
  - { kind: FINAL_REVIEW, due: "${d(150)} 17:00" }
`;
    const imported = await h.app.services.campaigns.importFile({ text: yaml, format: 'yaml', actor: { id: tamId } });
    if (!imported.ok) throw new Error(JSON.stringify(imported));
    const launched = await h.app.services.campaigns.launch({ campaignId: imported.campaign.id, actor: { id: tamId }, progressChatId: null });
    expect(launched.ok).toBe(true);
  }

  it('refuses an invite-only unit picked in the list, keeps the picker open, and joins it by its invite link', async () => {
    const mai = h.fake.user({ firstName: 'Mai' });
    mai.start();
    await mai.waitFor(/Đồng chí thuộc đơn vị nào/);
    mai.send('my thanh');
    await mai.waitFor(/Kết quả tìm/);
    mai.press('Xã Mỹ Thạnh');
    const refused = await mai.waitFor(/chỉ nhận người có mã mời/);
    expect(refused.text).toContain('cán bộ phụ trách thi đua của đơn vị cung cấp mã mời');
    // The picker is still there: another unit, or the code.
    expect(mai.buttons()).toContain('Xã Mỹ Thạnh');
    const member = await h.app.services.members.byIdentity('TELEGRAM', String(mai.id));
    expect(member?.unitId).toBeNull();
    const audit = await h.app.services.audit.recent({ action: 'member.unit.change' });
    expect(audit[0]).toMatchObject({ outcome: 'REFUSED', actorId: member!.id, details: expect.objectContaining({ reason: 'invite_only' }) });

    const unit = await h.app.services.units.byCode('MYTHANH');
    mai.start(`u_${unit!.inviteCode}`);
    await mai.waitFor(/Đã ghi nhận đơn vị: Xã Mỹ Thạnh/);
    mai.send('Phạm Thị Mai');
    await mai.waitFor(/Cảm ơn đồng chí Phạm Thị Mai, đơn vị Xã Mỹ Thạnh/);
  });

  it('files a join request for an approval unit; the officer approves it after a restart; the person joins, hears of open campaigns and gets the next launch, not the one before', async () => {
    const binh = h.fake.user({ firstName: 'Bình' });
    binh.start();
    await binh.waitFor(/Đồng chí thuộc đơn vị nào/);
    binh.send('luong hoa');
    await binh.waitFor(/Kết quả tìm/);
    binh.press('Xã Lương Hòa');
    await binh.waitFor(/họ và tên đầy đủ/);
    binh.send('Nguyễn Văn Bình');
    const sent = await binh.waitFor(/cần cán bộ phụ trách thi đua duyệt người tham gia/);
    expect(sent.text).toContain('Yêu cầu tham gia của đồng chí đã được gửi');
    const member = (await h.app.services.members.byIdentity('TELEGRAM', String(binh.id)))!;
    expect(member.unitId).toBeNull();
    // While it waits, /register says so (not "send /start", which would have them ask again).
    binh.send('/register');
    const waiting = await binh.waitFor(/đang chờ cán bộ phụ trách thi đua duyệt/);
    expect(waiting.text).toContain('Đồng chí đã gửi yêu cầu tham gia đơn vị Xã Lương Hòa');

    // The officer of the unit's scope is told, by name, with Approve / Decline; the officer of another branch is not.
    const notice = await tam.waitFor(/Nguyễn Văn Bình đề nghị tham gia đơn vị “Xã Lương Hòa”/);
    expect(notice.text).toContain('tự chọn trong danh sách đơn vị');
    expect(tam.buttons(notice)).toEqual([expect.stringMatching(/^✔ Duyệt #\d+$/), expect.stringMatching(/^✖ Từ chối #\d+$/)]);
    expect(ngoc.messages.some((m) => /Xã Lương Hòa/.test(m.text ?? ''))).toBe(false);
    // On Zalo the same notice says what to send.
    const hai = zaloChat(zalo, zaloOfficer);
    const zaloNotice = await hai.waitFor(0, /Nguyễn Văn Bình đề nghị tham gia/, 10_000);
    expect(zaloNotice).toMatch(/Gửi: duyệt tham gia \d+/);

    // A launch while the request waits does not reach Bình.
    await launch('truoc-khi-duyet');
    await tam.waitFor(/Thi đua truoc-khi-duyet/);
    const before = await h.app.services.prisma.delivery.count({ where: { memberId: member.id } });
    expect(before).toBe(0);

    // The request survives a restart, and the officer finds it in /joins.
    await h.restart();
    tam.send('/joins');
    const list = await tam.waitFor(/Yêu cầu tham gia chờ duyệt/);
    expect(list.text).toMatch(/#\d+ Nguyễn Văn Bình → “Xã Lương Hòa” \(tự chọn\)/);
    tam.press(/^✔ Duyệt #/);
    await tam.waitFor(/Đã duyệt: Nguyễn Văn Bình tham gia đơn vị “Xã Lương Hòa”/);

    const told = await binh.waitFor(/đã được duyệt/);
    expect(told.text).toContain('thành viên của đơn vị “Xã Lương Hòa”');
    expect(told.text).toContain('“Thi đua truoc-khi-duyet” — hạn đăng ký');
    expect(binh.buttons(told)).toContain('📝 Đăng ký “truoc-khi-duyet”');
    expect(binh.messages.some((m) => /Thông báo phát động|truoc-khi-duyet/.test(m.text ?? '') && m !== told)).toBe(false);
    expect((await h.app.services.members.byId(member.id))?.unit?.code).toBe('LUONGHOA');
    const audit = await h.app.services.audit.recent({ action: 'member.join.approve' });
    expect(audit[0]).toMatchObject({ outcome: 'OK', actorId: tamId });

    // The next launch reaches him.
    await launch('sau-khi-duyet');
    await binh.waitFor(/Thi đua sau-khi-duyet/);
  });

  it('declines with a reason; the person is told and stays without a unit; a replaced request answers "no longer waiting"', async () => {
    const quan = h.fake.user({ firstName: 'Quân' });
    quan.start();
    await quan.waitFor(/Đồng chí thuộc đơn vị nào/);
    quan.send('luong hoa');
    await quan.waitFor(/Kết quả tìm/);
    quan.press('Xã Lương Hòa');
    await quan.waitFor(/họ và tên đầy đủ/);
    quan.send('Đặng Minh Quân');
    await quan.waitFor(/Yêu cầu tham gia của đồng chí đã được gửi/);
    const first = await tam.waitFor(/Đặng Minh Quân đề nghị tham gia đơn vị “Xã Lương Hòa”/);

    // He picks another unit that needs approval: the new request replaces the first.
    quan.start();
    await quan.waitFor(/đang chờ cán bộ duyệt/);
    quan.send('phong nam');
    await quan.waitFor(/Kết quả tìm/);
    quan.press('Xã Phong Nẫm');
    await quan.waitFor(/yêu cầu trước đó \(đơn vị “Xã Lương Hòa”\) đã được hủy/);
    const second = await tam.waitFor(/Đặng Minh Quân đề nghị tham gia đơn vị “Xã Phong Nẫm”/);
    tam.press(/^✔ Duyệt #/, { inMessage: first });
    await tam.waitFor(/không còn chờ duyệt/);
    expect((await h.app.services.members.byIdentity('TELEGRAM', String(quan.id)))?.unitId).toBeNull();

    tam.press(/^✖ Từ chối #/, { inMessage: second });
    await tam.waitFor(/Lý do từ chối yêu cầu tham gia/);
    tam.send('Đồng chí không công tác tại xã Phong Nẫm');
    await tam.waitFor(/Đã từ chối yêu cầu tham gia đơn vị “Xã Phong Nẫm” của Đặng Minh Quân/);
    const told = await quan.waitFor(/không được duyệt/);
    expect(told.text).toContain('Lý do: Đồng chí không công tác tại xã Phong Nẫm');
    const member = await h.app.services.members.byIdentity('TELEGRAM', String(quan.id));
    expect(member?.unitId).toBeNull();
    expect(await h.app.services.joinRequests.pendingOf(member!.id)).toBeNull();
    const audit = await h.app.services.audit.recent({ action: 'member.join.decline' });
    expect(audit[0]).toMatchObject({ outcome: 'OK', actorId: tamId, details: expect.objectContaining({ reason: 'Đồng chí không công tác tại xã Phong Nẫm' }) });
  });

  it('refuses and audits a policy change by an officer out of scope, and a member’s approval of a request; the officer in scope changes it and /units shows it', async () => {
    ngoc.send('/joinpolicy MYTHANH open');
    await ngoc.waitFor(/Đơn vị “Xã Mỹ Thạnh” nằm ngoài phạm vi phụ trách/);
    const refused = await h.app.services.audit.recent({ action: 'unit.join_policy' });
    expect(refused[0]).toMatchObject({ outcome: 'REFUSED', details: expect.objectContaining({ reason: 'out_of_scope', to: 'OPEN' }) });
    expect((await h.app.services.units.byCode('MYTHANH'))?.joinPolicy).toBe('INVITE_ONLY');

    // A forged Approve from someone who is not an officer: refused and audited.
    const eve = h.fake.user({ firstName: 'Eve' });
    const sotp = await h.app.services.units.byCode('SOTP');
    await h.app.services.prisma.member.create({ data: { identities: telegram(eve.id), fullName: 'Mai Thị Eve', nameSearch: 'mai thi eve', unitId: sotp!.id } });
    eve.pressData('1:ja:1');
    await eve.waitForCallbackAnswer();
    const forged = await h.app.services.audit.recent({ action: 'member.join.approve' });
    expect(forged[0]).toMatchObject({ outcome: 'REFUSED', actorRef: `tg:${eve.id}` });

    tam.send('/joinpolicy MYTHANH approval');
    await tam.waitFor(/Đã đặt chế độ tham gia của đơn vị “Xã Mỹ Thạnh”: ✋ cán bộ duyệt người tham gia \(approval\)/);
    expect((await h.app.services.units.byCode('MYTHANH'))?.joinPolicy).toBe('APPROVAL');
    const ok = await h.app.services.audit.recent({ action: 'unit.join_policy' });
    expect(ok[0]).toMatchObject({ outcome: 'OK', actorId: tamId, details: { code: 'MYTHANH', from: 'INVITE_ONLY', to: 'APPROVAL' } });
    tam.send('/joinpolicy MYTHANH whatever');
    await tam.waitFor(/Cách dùng: \/joinpolicy/);

    tam.send('/units');
    const tree = await tam.waitFor(/Cây đơn vị|Sơ đồ đơn vị/);
    expect(tree.text).toMatch(/Xã Mỹ Thạnh MYTHANH · ✋ cán bộ duyệt người tham gia/);
    expect(tree.text).toMatch(/Huyện Giồng Trôm GIONGTROM · 🔓 ai cũng tự chọn được/);
  });

  it('makes a unit added by an admin invite-only unless the admin says otherwise', async () => {
    const admin = h.fake.user({ id: 900001, firstName: 'Admin' });
    admin.send('/addunit XA_MOI | Xã Thạnh Phú Đông | GIONGTROM');
    const done = await admin.waitFor(/Đã thêm đơn vị/);
    expect(done.text).toContain('Chế độ tham gia: 🔑 chỉ vào bằng mã mời');
    expect((await h.app.services.units.byCode('XA_MOI'))?.joinPolicy).toBe('INVITE_ONLY');
    admin.send('/addunit XA_MO | Xã Hưng Nhượng | GIONGTROM | | open');
    await admin.waitFor(/Chế độ tham gia: 🔓 ai cũng tự chọn được/);
    expect((await h.app.services.units.byCode('XA_MO'))?.joinPolicy).toBe('OPEN');
    // A units file: a row without `join` creates an invite-only unit and leaves an existing one alone.
    const r = await h.app.services.units.importUnits(
      [
        { code: 'XA_FILE', name: 'Xã Tân Hào', parent: 'GIONGTROM', line: 2 },
        { code: 'XA_MO', name: 'Xã Hưng Nhượng', parent: 'GIONGTROM', line: 3 },
      ],
      [],
    );
    expect(r.ok).toBe(true);
    expect((await h.app.services.units.byCode('XA_FILE'))?.joinPolicy).toBe('INVITE_ONLY');
    expect((await h.app.services.units.byCode('XA_MO'))?.joinPolicy).toBe('OPEN');
  });

  it('on Zalo: an invite-only unit is refused when picked and joined by its code; a request is listed, declined without a reason and approved by words', async () => {
    const sotp = await h.app.services.units.byCode('SOTP');
    await h.app.services.prisma.unit.update({ where: { id: sotp!.id }, data: { joinPolicy: 'INVITE_ONLY' } });
    const lan = zalo.user('Lan');
    const c = zaloChat(zalo, lan);
    await c.say('xin chào', /thuộc đơn vị nào/);
    await c.say('so tu phap', /Kết quả tìm/);
    const refused = await c.say('1', /chỉ nhận người có mã mời/);
    expect(refused).toContain('1. Sở Tư pháp');
    const joined = await c.say(sotp!.inviteCode, /họ và tên/);
    expect(joined).toContain('Đã ghi nhận đơn vị: Sở Tư pháp');
    await c.say('Hồ Thị Lan', /Cảm ơn đồng chí Hồ Thị Lan, đơn vị Sở Tư pháp/);

    // A Zalo member asks to join an approval unit with its code; the Zalo officer declines, then approves a second request.
    const phongNam = await h.app.services.units.byCode('PHONGNAM');
    const son = zalo.user('Sơn');
    const s = zaloChat(zalo, son);
    await s.say(phongNam!.inviteCode, /họ và tên/);
    await s.say('Cao Văn Sơn', /Yêu cầu tham gia của đồng chí đã được gửi/);
    const hai = zaloChat(zalo, zaloOfficer);
    const list = await hai.say('yêu cầu tham gia', /Yêu cầu tham gia chờ duyệt/);
    const id = /#(\d+) Cao Văn Sơn → “Xã Phong Nẫm” \(bằng mã mời\)/.exec(list)?.[1];
    expect(id).toBeDefined();
    expect(list).toContain(`Gửi: duyệt tham gia ${id} · từ chối tham gia ${id}`);
    const ask = await hai.say(`từ chối tham gia ${id}`, /Lý do từ chối/);
    expect(ask).toContain('1. Không nêu lý do');
    await hai.say('1', /Đã từ chối yêu cầu tham gia đơn vị “Xã Phong Nẫm” của Cao Văn Sơn/);
    const declined = await s.waitFor(0, /không được duyệt/, 10_000);
    expect(declined).not.toContain('Lý do');

    await s.say(phongNam!.inviteCode, /Yêu cầu tham gia của đồng chí đã được gửi/);
    const waiting = await s.say('báo cáo', /đang chờ cán bộ phụ trách thi đua duyệt/);
    expect(waiting).toContain('yêu cầu tham gia đơn vị Xã Phong Nẫm');
    const again = await hai.say('yêu cầu tham gia', /Cao Văn Sơn/);
    const id2 = /#(\d+) Cao Văn Sơn/.exec(again)![1];
    await hai.say(`duyệt tham gia ${id2}`, /Đã duyệt: Cao Văn Sơn tham gia đơn vị “Xã Phong Nẫm”/);
    const approved = await s.waitFor(0, /đã được duyệt/, 10_000);
    expect(approved).toContain('thành viên của đơn vị “Xã Phong Nẫm”');
    expect(approved).toMatch(/Gửi: đăng ký sau-khi-duyet/);
    expect((await h.app.services.members.byIdentity('ZALO', son.id))?.unit?.code).toBe('PHONGNAM');

    // A member cannot approve by words: refused and audited.
    const lanMember = await h.app.services.members.byIdentity('ZALO', lan.id);
    await c.say(`duyệt tham gia ${id2}`, /không có quyền/);
    const audit = await h.app.services.audit.recent({ action: 'member.join.approve' });
    expect(audit[0]).toMatchObject({ outcome: 'REFUSED', actorId: lanMember!.id });
  });
});
