/**
 * The honour roll (vinh danh) end to end: the whole bot with Telegram and Zalo, PostgreSQL and
 * Redis. An officer of Xã Đồng Khởi records a province campaign's honours by picking approved
 * registrations, by a typed list (a bad line re-asked with its line number), by a CSV and by an
 * XLSX file; each publication reaches the audience and the linked group, and every honoured member
 * gets a congratulation where they read the bot (Telegram, or Zalo); /my shows the awards; a member
 * calling it is refused and audited; an open draft roll survives a restart.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { launchCampaign } from '../support/conversation-fixtures.js';
import { FakeZalo, type ZaloUser } from '../support/fake-zalo.js';
import type { FakeGroup, SimulatedUser } from '../support/simulated-user.js';
import { telegram } from '../support/identities.js';
import { formatDate } from '../../src/domain/dates.js';
import { fold } from '../../src/domain/text.js';

const UNITS = [
  { code: 'BENTRE', name: 'UBND tỉnh Bến Tre' },
  { code: 'DONGKHOI', name: 'Xã Đồng Khởi', parent: 'BENTRE' },
  { code: 'SOGD', name: 'Sở Giáo dục và Đào tạo', parent: 'BENTRE' },
];

/** Waits until the Zalo user has received a text matching `re`; returns it. */
async function zaloGot(zalo: FakeZalo, user: ZaloUser, re: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = zalo.textsTo(user.id).find((t) => re.test(t));
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no Zalo text matching ${re}; got:\n${zalo.textsTo(user.id).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the honour roll (Telegram and Zalo, PostgreSQL, Redis)', () => {
  let h: Harness;
  let zalo: FakeZalo;
  let campaignId: number;
  let officer: SimulatedUser;
  let group: FakeGroup;
  let lanZalo: ZaloUser;
  const tg: Record<string, SimulatedUser> = {};
  const ids: Record<string, number> = {};

  async function member(unitCode: string, fullName: string, opts: { tg?: SimulatedUser; zalo?: ZaloUser; role?: 'MEMBER' | 'OFFICER' }) {
    const unit = await h.app.services.units.byCode(unitCode);
    const identities = opts.tg ? telegram(opts.tg.id) : { create: { channel: 'ZALO' as const, externalId: opts.zalo!.id } };
    const m = await h.app.services.prisma.member.create({ data: { identities, fullName, nameSearch: fold(fullName), unitId: unit!.id, role: opts.role ?? 'MEMBER', locale: 'vi' } });
    ids[fullName] = m.id;
    return m;
  }

  async function approved(name: string, titleCode: string) {
    const m = await h.app.services.prisma.member.findUniqueOrThrow({ where: { id: ids[name]! } });
    await h.app.services.prisma.registration.create({ data: { campaignId, scope: 'INDIVIDUAL', memberId: m.id, titleCode, status: 'APPROVED' } });
  }

  async function approved2(campaign: number, name: string, titleCode: string) {
    await h.app.services.prisma.registration.create({ data: { campaignId: campaign, scope: 'INDIVIDUAL', memberId: ids[name]!, titleCode, status: 'APPROVED' } });
  }

  beforeAll(async () => {
    zalo = await FakeZalo.start({ maxPollMs: 200 });
    h = await startHarness({ storage: 'postgres', redis: true, env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ZALO_RATE: '200' } });
    await seedUnits(h.app, UNITS);
    // A province campaign (owned by BENTRE, audience: the whole province) whose registration closed.
    campaignId = await launchCampaign(h, 'vinh-danh', -20);
    officer = h.fake.user({ firstName: 'Hạnh' });
    await member('DONGKHOI', 'Lê Thị Hạnh', { tg: officer, role: 'OFFICER' });
    for (const [key, name] of [
      ['an', 'Nguyễn Văn An'],
      ['binh', 'Trần Thị Bình'],
      ['cuong', 'Lê Văn Cường'],
    ] as const) {
      tg[key] = h.fake.user({ firstName: name.split(' ').at(-1)! });
      await member('DONGKHOI', name, { tg: tg[key] });
    }
    // Outside the officer's subtree (a provincial department): announced to, never honoured by them.
    tg.ngoai = h.fake.user({ firstName: 'Ngoài' });
    await member('SOGD', 'Phạm Văn Ngoài', { tg: tg.ngoai });
    lanZalo = zalo.user('Lan');
    await member('DONGKHOI', 'Đỗ Thị Lan', { zalo: lanZalo });
    await approved('Nguyễn Văn An', 'LDTT');
    await approved('Trần Thị Bình', 'CSTDCS');
    await approved('Lê Văn Cường', 'LDTT');
    await approved('Đỗ Thị Lan', 'LDTT');
    await approved('Phạm Văn Ngoài', 'LDTT');
    // The commune's linked Telegram group receives announcements.
    group = h.fake.group({ title: 'Xã Đồng Khởi — thi đua' });
    h.fake.addBotToGroup(group, officer);
    await group.waitFor(/\/linkgroup/);
    const unit = await h.app.services.units.byCode('DONGKHOI');
    await h.app.services.prisma.groupChat.create({ data: { channel: 'TELEGRAM', chatId: String(group.id), title: 'Xã Đồng Khởi — thi đua', unitId: unit!.id } });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await zalo?.close();
  });

  it('refuses a member on either channel and audits the refusal', async () => {
    tg.an!.send('/honours');
    await tg.an!.waitFor(/không có quyền/i);
    zalo.userSays(lanZalo, 'vinh danh');
    await zaloGot(zalo, lanZalo, /không có quyền/i);
    const refusals = await h.app.services.prisma.auditLog.findMany({ where: { action: 'honours.record', outcome: 'REFUSED' } });
    expect(refusals.map((r) => r.actorId).sort()).toEqual([ids['Nguyễn Văn An'], ids['Đỗ Thị Lan']].sort());
    expect(await h.app.services.prisma.award.count()).toBe(0);
  });

  it('picks from approved registrations, publishes to the audience and the group, and congratulates each member on their channel', async () => {
    officer.send('/honours');
    await officer.waitFor(/Vinh danh — Thi đua chào mừng đại hội vinh-danh/);
    officer.press('☑ Chọn từ đăng ký đã duyệt');
    const list = await officer.waitFor(/đã chọn 0\/4/);
    // Only the commune's approved registrations: the department's member is not the officer's to honour.
    expect(officer.buttons(list)).toEqual([
      '▫️ 1. Trần Thị Bình — Chiến sĩ thi đua cơ sở',
      '▫️ 2. Nguyễn Văn An — Lao động tiên tiến',
      '▫️ 3. Lê Văn Cường — Lao động tiên tiến',
      '▫️ 4. Đỗ Thị Lan — Lao động tiên tiến',
      'Chọn tất cả: Chiến sĩ thi đua cơ sở',
      'Chọn tất cả: Lao động tiên tiến',
      'Chọn tất cả',
      '✔ Xong',
      '‹ Quay lại',
      '✖ Hủy',
    ]);
    officer.press('Chọn tất cả: Lao động tiên tiến');
    await officer.waitFor(/đã chọn 3\/4/);
    officer.send('1');
    await officer.waitFor(/đã chọn 4\/4/);
    officer.press('✔ Xong');
    await officer.waitFor(/Số và ngày của quyết định/);
    officer.send('123/QĐ-UBND ngày 15/12/2026');
    const preview = await officer.waitFor(/Xem trước danh sách vinh danh/);
    expect(preview.text).toContain('(4 người)');
    expect(preview.text).toContain('Nguyễn Văn An (Xã Đồng Khởi): Lao động tiên tiến — theo Quyết định số 123/QĐ-UBND ngày 15/12/2026');
    expect(preview.text).toContain('Trần Thị Bình (Xã Đồng Khởi): Chiến sĩ thi đua cơ sở');
    officer.press('🏆 Công bố');
    const done = await officer.waitFor(/Đã công bố vinh danh 4 người/);
    // Audience: the province's 6 members (officer included) and the commune's group.
    expect(done.text).toContain('6 người nhận và 1 nhóm; 4 lời chúc mừng riêng');
    // The officer follows the announcement as a launch: one progress message, then the summary.
    await officer.waitFor(/Đã gửi xong: 6\/6 người nhận, 1\/1 nhóm/, { timeoutMs: 20_000 });

    const awards = await h.app.services.prisma.award.findMany({ where: { campaignId }, orderBy: { memberId: 'asc' } });
    expect(awards).toHaveLength(4);
    expect(awards.every((a) => a.decisionNumber === '123/QĐ-UBND' && formatDate(a.decisionDate!) === '15/12/2026' && a.publishedAt && a.recordedById === ids['Lê Thị Hạnh'])).toBe(true);
    const audit = await h.app.services.prisma.auditLog.findFirstOrThrow({ where: { action: 'honours.publish', outcome: 'OK' } });
    expect(audit.actorId).toBe(ids['Lê Thị Hạnh']);

    // The announcement: to the group, to the department's member (audience) too, grouped by title.
    const roll = await group.waitFor(/Vinh danh — Thi đua chào mừng đại hội vinh-danh/, { timeoutMs: 15_000 });
    expect(roll.text).toContain('Lao động tiên tiến (3 người)');
    expect(roll.text).toContain('• Đỗ Thị Lan (Xã Đồng Khởi) — theo Quyết định số 123/QĐ-UBND ngày 15/12/2026');
    await tg.ngoai!.waitFor(/Vinh danh — /, { timeoutMs: 15_000 });
    // The personal congratulations: Telegram members, and Lan on Zalo.
    const an = await tg.an!.waitFor(/Chúc mừng đồng chí Nguyễn Văn An/, { timeoutMs: 15_000 });
    expect(an.text).toContain('Đồng chí được vinh danh: Lao động tiên tiến, phong trào “Thi đua chào mừng đại hội vinh-danh”');
    expect(an.text).toContain('theo Quyết định số 123/QĐ-UBND ngày 15/12/2026');
    await tg.binh!.waitFor(/Chúc mừng đồng chí Trần Thị Bình[\s\S]*Chiến sĩ thi đua cơ sở/, { timeoutMs: 15_000 });
    const lan = await zaloGot(zalo, lanZalo, /Chúc mừng đồng chí Đỗ Thị Lan/);
    expect(lan).toContain('Lao động tiên tiến');
    expect(lan).not.toMatch(/<\/?b>/);
    expect(tg.ngoai!.messages.some((m) => m.text?.includes('Chúc mừng đồng chí'))).toBe(false);

    // /my lists the award, on Telegram and on Zalo.
    tg.an!.send('/my');
    const my = await tg.an!.waitFor(/Khen thưởng/);
    expect(my.text).toContain('• Lao động tiên tiến — Thi đua chào mừng đại hội vinh-danh — theo Quyết định số 123/QĐ-UBND ngày 15/12/2026');
    zalo.userSays(lanZalo, 'của tôi');
    expect(await zaloGot(zalo, lanZalo, /Khen thưởng/)).toContain('• Lao động tiên tiến — Thi đua chào mừng đại hội vinh-danh');
  }, 60_000);

  it('re-asks a typed list with every bad line numbered, flags names not found, and publishes again only when confirmed as such', async () => {
    // A second member of the commune with An's name: a typed name is then not enough.
    const namesake = await h.app.services.prisma.member.create({ data: { fullName: 'Nguyễn Văn An', nameSearch: fold('Nguyễn Văn An'), unitId: (await h.app.services.units.byCode('DONGKHOI'))!.id } });
    officer.send('/honours vinh-danh');
    await officer.waitFor(/Đồng chí nhập danh sách/);
    officer.press('✍ Gõ danh sách');
    await officer.waitFor(/mỗi người hoặc tập thể một dòng/);
    officer.send(['Trần Thị Bình; Giấy khen; 45/QĐ-UBND; 31/02/2026', 'Lê Văn Cường', 'Nguyễn Văn An; CSTĐCS'].join('\n'));
    const errors = await officer.waitFor(/2 chỗ cần sửa/);
    expect(errors.text).toContain('Dòng 1: “31/02/2026” không phải ngày hợp lệ');
    expect(errors.text).toContain('Dòng 2: thiếu danh hiệu sau tên “Lê Văn Cường”');
    expect(await h.app.services.prisma.award.count()).toBe(4);
    officer.send(
      [
        'Họ và tên; Danh hiệu; Số quyết định; Ngày',
        '1. Trần Thị Bình; Giấy khen; 45/QĐ-UBND; 20/12/2026',
        `#${ids['Nguyễn Văn An']} | CSTĐCS`,
        'Phạm Văn Ngoài; Giấy khen',
        `#${ids['Nguyễn Văn An']}; Lao động tiên tiến`,
        'Người Lạ; Giấy khen',
        'Nguyen Van An; Giấy khen',
      ].join('\n'),
    );
    const preview = await officer.waitFor(/Xem trước danh sách vinh danh/);
    expect(preview.text).toContain('(2 người)');
    expect(preview.text).toContain('[dòng 2] Trần Thị Bình (Xã Đồng Khởi): Giấy khen — theo Quyết định số 45/QĐ-UBND ngày 20/12/2026');
    expect(preview.text).toContain('[dòng 3] Nguyễn Văn An (Xã Đồng Khởi): Chiến sĩ thi đua cơ sở');
    expect(preview.text).toContain('4 dòng sẽ không được công bố');
    expect(preview.text).toContain('[dòng 4] Phạm Văn Ngoài: Giấy khen — không tìm thấy người này trong phạm vi phụ trách');
    expect(preview.text).toContain('[dòng 5] Nguyễn Văn An (Xã Đồng Khởi): Lao động tiên tiến — đã được vinh danh danh hiệu này');
    expect(preview.text).toContain('[dòng 6] Người Lạ: Giấy khen — không tìm thấy');
    expect(preview.text).toContain(
      `[dòng 7] Nguyen Van An: Giấy khen — có nhiều người trùng tên, hãy ghi mã thành viên (ví dụ #12): #${ids['Nguyễn Văn An']} (Xã Đồng Khởi), #${namesake.id} (Xã Đồng Khởi)`,
    );
    expect(preview.text).toContain(`đã công bố 4 khen thưởng (lần gần nhất ngày ${formatDate(new Date())})`);
    expect(officer.buttons(preview)).toContain('🏆 Công bố thêm lần nữa');
    officer.press('🏆 Công bố thêm lần nữa');
    await officer.waitFor(/Đã công bố vinh danh 2 người/);
    await tg.binh!.waitFor(/Chúc mừng đồng chí Trần Thị Bình[\s\S]*Giấy khen[\s\S]*45\/QĐ-UBND ngày 20\/12\/2026/, { timeoutMs: 15_000 });
    const free = await h.app.services.prisma.award.findFirstOrThrow({ where: { memberId: ids['Trần Thị Bình'], titleCode: null } });
    expect(free.titleText).toBe('Giấy khen');
    expect(await h.app.services.prisma.award.count({ where: { memberId: ids['Phạm Văn Ngoài'] } })).toBe(0);
  }, 60_000);

  it('reads the decision’s list from a CSV file', async () => {
    officer.send('/honours');
    await officer.waitFor(/Đồng chí nhập danh sách/);
    officer.press('📎 Gửi tệp CSV/XLSX');
    await officer.waitFor(/Gửi tệp danh sách/);
    officer.sendDocument({ fileName: 'ke-hoach.pdf', mimeType: 'application/pdf', content: Buffer.from('%PDF') });
    await officer.waitFor(/không phải CSV hoặc XLSX/);
    const csv = '\uFEFFHọ và tên,Danh hiệu,Số quyết định,Ngày quyết định\r\nLê Văn Cường,"Bằng khen của Chủ tịch UBND tỉnh",50/QĐ-UBND,22/12/2026\r\n';
    officer.sendDocument({ fileName: 'quyet-dinh-50.csv', mimeType: 'text/csv', content: Buffer.from(csv) });
    const preview = await officer.waitFor(/Xem trước danh sách vinh danh/);
    expect(preview.text).toContain('[dòng 2] Lê Văn Cường (Xã Đồng Khởi): Bằng khen của Chủ tịch UBND tỉnh — theo Quyết định số 50/QĐ-UBND ngày 22/12/2026');
    officer.press('🏆 Công bố thêm lần nữa');
    await officer.waitFor(/Đã công bố vinh danh 1 người/);
    await tg.cuong!.waitFor(/Chúc mừng đồng chí Lê Văn Cường[\s\S]*Bằng khen của Chủ tịch UBND tỉnh/, { timeoutMs: 15_000 });
  }, 60_000);

  it('reads the decision’s list from an XLSX file (date cells as dates) and congratulates a Zalo member', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Danh sách');
    sheet.addRow(['Họ và tên', 'Danh hiệu', 'Số quyết định', 'Ngày quyết định']);
    sheet.addRow(['Đỗ Thị Lan', 'Chiến sĩ thi đua cơ sở', '60/QĐ-UBND', new Date(Date.UTC(2026, 11, 23))]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    officer.send('/honours');
    await officer.waitFor(/Đồng chí nhập danh sách/);
    officer.press('📎 Gửi tệp CSV/XLSX');
    await officer.waitFor(/Gửi tệp danh sách/);
    officer.sendDocument({ fileName: 'qd-60.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: xlsx });
    const preview = await officer.waitFor(/Xem trước danh sách vinh danh/);
    expect(preview.text).toContain('Đỗ Thị Lan (Xã Đồng Khởi): Chiến sĩ thi đua cơ sở — theo Quyết định số 60/QĐ-UBND ngày 23/12/2026');
    officer.press('🏆 Công bố thêm lần nữa');
    await officer.waitFor(/Đã công bố vinh danh 1 người/);
    const lan = await zaloGot(zalo, lanZalo, /Chúc mừng đồng chí Đỗ Thị Lan[\s\S]*Chiến sĩ thi đua cơ sở/);
    expect(lan).toContain('theo Quyết định số 60/QĐ-UBND ngày 23/12/2026');
    const award = await h.app.services.prisma.award.findFirstOrThrow({ where: { memberId: ids['Đỗ Thị Lan'], titleCode: 'CSTDCS' } });
    expect(formatDate(award.decisionDate!)).toBe('23/12/2026');
  }, 60_000);

  it('keeps a draft roll across a restart, and an officer on Zalo types it', async () => {
    const hanhZalo = zalo.user('Hạnh');
    // The officer links a Zalo identity to the same member (as /link would).
    await h.app.services.prisma.channelIdentity.create({ data: { memberId: ids['Lê Thị Hạnh']!, channel: 'ZALO', externalId: hanhZalo.id } });
    zalo.userSays(hanhZalo, 'vinh danh');
    const modes = await zaloGot(zalo, hanhZalo, /Đồng chí nhập danh sách/);
    // No file upload on Zalo: pick or type.
    expect(modes).toContain('1. ☑ Chọn từ đăng ký đã duyệt\n2. ✍ Gõ danh sách');
    expect(modes).not.toContain('CSV/XLSX');
    // Picking on Zalo: numbered lines; 0 goes back to how the list comes.
    zalo.userSays(hanhZalo, '1');
    const picks = await zaloGot(zalo, hanhZalo, /đã chọn 0\/4/);
    expect(picks).toContain('▫️ 1. Trần Thị Bình — Chiến sĩ thi đua cơ sở\n▫️ 2. Nguyễn Văn An — Lao động tiên tiến');
    expect(picks).toContain('6. Chọn tất cả: Lao động tiên tiến');
    const before = zalo.textsTo(hanhZalo.id).length;
    zalo.userSays(hanhZalo, '0');
    for (let i = 0; i < 400 && zalo.textsTo(hanhZalo.id).length === before; i++) await new Promise((r) => setTimeout(r, 25));
    expect(zalo.textsTo(hanhZalo.id).slice(before).join('\n')).toContain('Đồng chí nhập danh sách');
    zalo.userSays(hanhZalo, '2');
    await zaloGot(zalo, hanhZalo, /mỗi người hoặc tập thể một dòng/);
    await h.restart();
    zalo.userSays(hanhZalo, ['Lê Văn Cường; Giấy khen; 70/QĐ-UBND ngày 24/12/2026', 'Lê Văn Cường; Lao động tiên tiến'].join('\n'));
    const preview = await zaloGot(zalo, hanhZalo, /Xem trước danh sách vinh danh/);
    expect(preview).toContain('[dòng 1] Lê Văn Cường (Xã Đồng Khởi): Giấy khen — theo Quyết định số 70/QĐ-UBND ngày 24/12/2026');
    // Cường already has LĐTT from the first roll: flagged, left out.
    expect(preview).toContain('[dòng 2] Lê Văn Cường (Xã Đồng Khởi): Lao động tiên tiến — đã được vinh danh danh hiệu này');
    expect(preview).toContain('1. 🏆 Công bố thêm lần nữa\n2. ✏ Nhập lại');
    zalo.userSays(hanhZalo, '1');
    await zaloGot(zalo, hanhZalo, /Đã công bố vinh danh 1 người/);
    await tg.cuong!.waitFor(/Chúc mừng đồng chí Lê Văn Cường[\s\S]*Giấy khen/, { timeoutMs: 15_000 });
    expect(await h.app.services.prisma.award.count({ where: { memberId: ids['Lê Văn Cường'] } })).toBe(3);
  }, 60_000);

  it('honours collectives too: a unit picked from its approved registration or named in a list, announced as the unit\'s, congratulated to its officers, and shown in its members\' /my', async () => {
    const second = await launchCampaign(h, 'tap-the', -20);
    const unit = async (code: string) => (await h.app.services.units.byCode(code))!.id;
    await h.app.services.prisma.registration.create({ data: { campaignId: second, scope: 'COLLECTIVE', unitId: await unit('DONGKHOI'), titleCode: 'TTLDTT', status: 'APPROVED' } });
    // The department's collective registration is not the commune officer's to honour.
    await h.app.services.prisma.registration.create({ data: { campaignId: second, scope: 'COLLECTIVE', unitId: await unit('SOGD'), titleCode: 'TTLDTT', status: 'APPROVED' } });
    await approved2(second, 'Trần Thị Bình', 'LDTT');

    officer.send('/honours tap-the');
    await officer.waitFor(/Vinh danh — Thi đua chào mừng đại hội tap-the/);
    officer.press('☑ Chọn từ đăng ký đã duyệt');
    const list = await officer.waitFor(/đã chọn 0\/2/);
    expect(officer.buttons(list).slice(0, 2)).toEqual(['▫️ 1. Trần Thị Bình — Lao động tiên tiến', '▫️ 2. 🏢 Xã Đồng Khởi — Tập thể lao động tiên tiến']);
    officer.press('Chọn tất cả');
    await officer.waitFor(/đã chọn 2\/2/);
    officer.press('✔ Xong');
    await officer.waitFor(/Số và ngày của quyết định/);
    officer.send('200/QĐ-UBND ngày 26/12/2026');
    const preview = await officer.waitFor(/Xem trước danh sách vinh danh/);
    expect(preview.text).toContain('(1 người, 1 đơn vị)');
    expect(preview.text).toContain('🏢 Xã Đồng Khởi: Tập thể lao động tiên tiến — theo Quyết định số 200/QĐ-UBND ngày 26/12/2026');
    officer.press('🏆 Công bố');
    await officer.waitFor(/Đã công bố vinh danh 1 người và 1 tập thể/);

    const awards = await h.app.services.prisma.award.findMany({ where: { campaignId: second }, orderBy: { id: 'asc' } });
    expect(awards.map((a) => [a.memberId, a.unitId, a.titleCode])).toEqual(
      expect.arrayContaining([[ids['Trần Thị Bình'], null, 'LDTT'], [null, await unit('DONGKHOI'), 'TTLDTT']]),
    );
    // The announcement says it is the unit's; the unit's officer is congratulated for the unit.
    const roll = await group.waitFor(/Vinh danh — Thi đua chào mừng đại hội tap-the/, { timeoutMs: 15_000 });
    expect(roll.text).toContain('Tập thể lao động tiên tiến (1 đơn vị)');
    expect(roll.text).toContain('• 🏢 Xã Đồng Khởi — theo Quyết định số 200/QĐ-UBND ngày 26/12/2026');
    // (Hạnh wrote last on Zalo, in the test before: the congratulation goes there.)
    const hanhOnZalo = await h.app.services.prisma.channelIdentity.findFirstOrThrow({ where: { memberId: ids['Lê Thị Hạnh']!, channel: 'ZALO' } });
    const congrats = await zaloGot(zalo, { id: hanhOnZalo.externalId } as ZaloUser, /Chúc mừng đơn vị Xã Đồng Khởi/);
    expect(congrats).toContain('Đơn vị được vinh danh: Tập thể lao động tiên tiến, phong trào “Thi đua chào mừng đại hội tap-the”');
    expect(congrats).toContain('Đề nghị đồng chí chuyển lời chúc mừng tới toàn thể đơn vị.');
    // Members of the unit see the unit's award in /my; a member elsewhere does not.
    tg.an!.send('/my');
    const my = await tg.an!.waitFor(/🏢 Xã Đồng Khởi: Tập thể lao động tiên tiến/);
    expect(my.text).toContain('• 🏢 Xã Đồng Khởi: Tập thể lao động tiên tiến — Thi đua chào mừng đại hội tap-the — theo Quyết định số 200/QĐ-UBND ngày 26/12/2026');
    tg.ngoai!.send('/my');
    const other = await tg.ngoai!.waitFor(/Tình hình thi đua|Khen thưởng|chưa có/);
    expect(other.text).not.toContain('Tập thể lao động tiên tiến');

    // A typed list names a collective by its name or code; one outside the officer's subtree is not found; one already honoured is flagged.
    const matched = await h.app.services.honours.match(second, { id: ids['Lê Thị Hạnh']! }, [
      { line: 1, who: 'xa dong khoi', title: 'Giấy khen', decisionNumber: null, decisionDate: null },
      { line: 2, who: 'SOGD', title: 'Tập thể lao động tiên tiến', decisionNumber: null, decisionDate: null },
      { line: 3, who: 'DONGKHOI', title: 'TTLDTT', decisionNumber: null, decisionDate: null },
    ], (code) => (code === 'TTLDTT' ? 'Tập thể lao động tiên tiến' : code));
    if (!matched.ok) throw new Error(matched.reason);
    expect(matched.entries.map((e) => [e.who, e.unitId ?? null, e.problem])).toEqual([
      ['Xã Đồng Khởi', await unit('DONGKHOI'), null],
      ['SOGD', null, 'unmatched'],
      ['Xã Đồng Khởi', await unit('DONGKHOI'), 'already'],
    ]);
  }, 60_000);
});
