/**
 * Campaigns end to end through the real app and the fake Bot API: an officer uploads the
 * "Đồng khởi mới" file, previews and launches it to 50 members and a linked group through the outbox;
 * the chat wizard; bad files; forged buttons.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from 'grammy/types';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import type { FakeGroup, SimulatedUser } from '../support/simulated-user.js';
import { encodeCallback } from '../../src/channels/telegram/callback-data.js';
import { telegramIdentity, telegramIdOf } from '../support/identities.js';

const FILE = 'dong-khoi-moi-2020-2025.yaml';
const yaml = readFileSync(new URL(`../../examples/${FILE}`, import.meta.url));
const ADMIN_ID = 990_001;

const UNITS = [
  { code: 'BENTRE', name: 'UBND tỉnh Bến Tre' },
  { code: 'GIONGTROM', name: 'Huyện Giồng Trôm', parent: 'BENTRE' },
  { code: 'DONGKHOI', name: 'Xã Đồng Khởi', parent: 'GIONGTROM' },
  { code: 'SOGD', name: 'Sở Giáo dục và Đào tạo', parent: 'BENTRE' },
];

function urlButtons(message: Message | undefined): Array<{ text: string; url?: string }> {
  return (message?.reply_markup?.inline_keyboard.flat() ?? []) as Array<{ text: string; url?: string }>;
}

describe('campaign authoring and launch (polling, PostgreSQL, Redis)', () => {
  let h: Harness;
  let officer: SimulatedUser;
  let unitGroup: FakeGroup;

  /** A member who has joined `unitCode` (rows made through the services: onboarding has its own tests). */
  async function joined(user: SimulatedUser, unitCode: string, name: string, locale = 'vi') {
    const unit = (await h.app.services.units.byCode(unitCode))!;
    const m = await h.app.services.members.touch({ channel: 'TELEGRAM', externalId: String(user.id), firstName: user.firstName, languageCode: locale });
    await h.app.services.members.setUnit(m.id, unit.id);
    return h.app.services.members.setName(m.id, name);
  }

  beforeAll(async () => {
    h = await startHarness({ storage: 'postgres', redis: true, adminIds: [ADMIN_ID] });
    await seedUnits(h.app, UNITS);
    officer = h.fake.user({ firstName: 'Hạnh', lastName: 'Lê Thị' });
    const o = await joined(officer, 'GIONGTROM', 'Lê Thị Hạnh');
    await h.app.services.members.setRole(o.id, 'OFFICER');
  });
  afterAll(() => h?.close());

  it('links a unit group when the officer runs /linkgroup there, after a hint on being added', async () => {
    const group = (unitGroup = h.fake.group({ title: 'Huyện Giồng Trôm — thi đua' }));
    h.fake.addBotToGroup(group, officer);
    await group.waitFor(/\/linkgroup/);
    const stranger = h.fake.user({ firstName: 'Khách' });
    group.send(stranger, '/linkgroup');
    await group.waitFor(/Chỉ cán bộ phụ trách thi đua/);
    // Linking needs an administrator of the group (Telegram reports it through getChatMember).
    h.fake.setChatMemberStatus(group.id, officer.id, 'administrator');
    group.send(officer, '/linkgroup');
    await group.waitFor(/Đã liên kết nhóm này với đơn vị Huyện Giồng Trôm/);
    const linked = await h.app.services.groupChats.byChat(String(group.id));
    expect(linked?.unit.code).toBe('GIONGTROM');
  });

  it('lists a malformed file’s error with its path and saves nothing', async () => {
    const bad = yaml.toString('utf8').replace('"30/11/2025 17:00"', '"31/02/2025 17:00"').replace('code: dong-khoi-moi', 'code: dong-khoi-loi');
    officer.sendDocument({ fileName: 'loi.yaml', mimeType: 'application/x-yaml', content: Buffer.from(bad) });
    const answer = await officer.waitFor(/chưa lưu gì/);
    expect(answer.text).toContain('milestones[3].due: 31/02/2025 17:00 không phải ngày hợp lệ');
    expect(await h.app.services.campaigns.byCode('dong-khoi-loi')).toBeNull();
    officer.sendDocument({ fileName: 'ke-hoach.pdf', mimeType: 'application/pdf', content: Buffer.from('%PDF') });
    // A PDF outside an upload is not for us: only after /importcampaign is it refused as "not YAML/JSON".
    officer.send('/importcampaign');
    await officer.waitFor(/YAML/);
    officer.sendDocument({ fileName: 'ke-hoach.pdf', mimeType: 'application/pdf', content: Buffer.from('%PDF') });
    await officer.waitFor(/không phải YAML hoặc JSON/);
    officer.send('/cancel');
    await officer.waitFor(/Đã hủy/);
  });

  it('uploads "Đồng khởi mới", previews it and launches it to 50 members and the linked group; a blocked member is marked unreachable', async () => {
    const users: SimulatedUser[] = [];
    for (let i = 0; i < 49; i++) {
      const u = h.fake.user({ firstName: `TV${i}`, languageCode: i === 0 ? 'en' : 'vi' });
      await joined(u, i % 2 ? 'DONGKHOI' : 'GIONGTROM', `Thành viên ${i}`, i === 0 ? 'en' : 'vi');
      users.push(u);
    }
    const outsider = h.fake.user({ firstName: 'Ngoài' });
    await joined(outsider, 'SOGD', 'Người Sở Giáo dục');
    const blocked = users[7]!;
    h.fake.blockBot(blocked.id);

    officer.sendDocument({ fileName: FILE, mimeType: 'application/x-yaml', content: yaml });
    await officer.waitFor(/Đã lưu dự thảo phong trào/);
    await officer.waitFor(/Dự thảo · mã dong-khoi-moi/);
    officer.press('🚀 Phát động');
    const confirm = await officer.waitFor(/Sẽ gửi tới 50 người nhận và 1 nhóm/);
    const preview = officer.messages.find((m) => m.text?.includes('Đề nghị đồng chí bấm nút') && m.message_id < confirm.message_id)!;
    expect(preview.text).toContain('Học tập "điển hình", bắt kịp "điển hình", vượt qua "điển hình"');
    expect(preview.text).toContain('Chân thứ nhất: xây dựng Đảng');
    expect(preview.text).toContain('Hạn đăng ký thi đua: 17:00 15/11/2020');
    expect(urlButtons(preview)).toEqual([{ text: '📝 Đăng ký thi đua', url: 'https://t.me/thidua_test_bot?start=c_dong-khoi-moi' }]);

    officer.press('✔ Xác nhận phát động');
    await officer.waitFor(/Đã phát động/);
    const summary = await officer.waitFor(/Đã gửi xong: 50\/50 người nhận, 1\/1 nhóm/, { timeoutMs: 20_000 });
    expect(summary.text).toContain('1 không liên lạc được');

    for (const u of users.filter((x) => x !== blocked)) {
      const got = u.messages.find((m) => m.text?.includes('Đồng khởi mới'));
      expect(got, u.firstName).toBeDefined();
      const [button] = urlButtons(got);
      expect(button?.url).toBe('https://t.me/thidua_test_bot?start=c_dong-khoi-moi');
      if (u === users[0]) expect(button?.text).toBe('📝 Register');
      else expect(got!.text).toBe(preview.text);
    }
    expect(outsider.messages.some((m) => m.text?.includes('Đồng khởi mới'))).toBe(false);
    const inGroup = unitGroup.messages.filter((m) => m.text?.includes('Đồng khởi mới'));
    expect(inGroup).toHaveLength(1);
    expect(urlButtons(inGroup[0])[0]?.url).toBe('https://t.me/thidua_test_bot?start=c_dong-khoi-moi');
    expect((await telegramIdentity(h.app.services.prisma, blocked.id))?.reachable).toBe(false);

    // The Register button works: its deep link reaches registration for this campaign (whose
    // registration closed on 15/11/2020 — the file is imported as it is).
    users[2]!.start('c_dong-khoi-moi');
    await users[2]!.waitFor(/Đồng khởi mới|hạn đăng ký.*15\/11\/2020/i);
  });

  it('cannot launch twice, and refuses and audits a member pressing a forged launch button', async () => {
    const c = (await h.app.services.campaigns.byCode('dong-khoi-moi'))!;
    officer.pressData(encodeCallback('camp.launchok', { campaignId: c.id }));
    await officer.waitFor(/đã được phát động/);
    const member = h.fake.user({ firstName: 'Gian' });
    await joined(member, 'DONGKHOI', 'Trần Văn Gian');
    member.pressData(encodeCallback('camp.launchok', { campaignId: c.id }));
    expect(String((await member.waitForCallbackAnswer()).text)).toMatch(/không có quyền/);
    member.pressData(encodeCallback('camp.edit', { campaignId: c.id }));
    await member.waitForCallbackAnswer();
    const refusals = await h.app.services.audit.recent({ action: 'campaign.launch' });
    expect(refusals.some((r) => r.outcome === 'REFUSED' && r.actorRef === `tg:${member.id}`)).toBe(true);
    expect(await h.app.services.prisma.delivery.count({ where: { broadcast: { campaignId: c.id, kind: 'LAUNCH' } } })).toBe(51);
  });

  it('shows members the active campaign with its deadlines and their own status', async () => {
    const u = h.fake.user({ firstName: 'Xem' });
    await joined(u, 'DONGKHOI', 'Phan Thị Xem');
    u.send('📋 Phong trào');
    const detail = await u.waitFor(/Đồng khởi mới/);
    expect(detail.text).toContain('Thời gian: 21/10/2020 – 31/12/2025');
    expect(detail.text).toContain('Tổng kết giai đoạn 2020 - 2025: 30/11/2025');
    expect(detail.text).toContain('chưa đăng ký');
  });

  it('asks for another code when the file’s code is taken, then imports the same file under it', async () => {
    officer.sendDocument({ fileName: FILE, mimeType: 'application/x-yaml', content: yaml });
    await officer.waitFor(/đã được dùng/);
    officer.send('dong-khoi-giong-trom');
    await officer.waitFor(/Đã lưu dự thảo phong trào/);
    expect((await h.app.services.campaigns.byCode('dong-khoi-giong-trom'))?.ownerUnitId).toBe(officer && (await h.app.services.members.byIdentity('TELEGRAM', String(officer.id)))!.unitId);
  });

  it('creates an equivalent campaign with the wizard, re-asking only a wrong date, in Vietnamese', async () => {
    officer.send('/newcampaign');
    await officer.waitFor(/Bước 1\/13/);
    officer.send('Thi đua chào mừng Đại hội quý IV');
    await officer.waitFor(/Bước 2\/13/);
    officer.press('✔ Dùng mã này');
    await officer.waitFor(/Bước 3\/13/);
    officer.press('Bỏ qua');
    await officer.waitFor(/Bước 4\/13/);
    officer.press('1. Theo chuyên đề, theo đợt');
    await officer.waitFor(/Bước 5\/13/);
    officer.send('Học tập điển hình, vượt qua điển hình');
    await officer.waitFor(/Bước 6\/13/);
    officer.press('Bỏ qua');
    await officer.waitFor(/Bước 7\/13/);
    officer.send('01/12/2026');
    await officer.waitFor(/Bước 8\/13/);
    officer.press('‹ Quay lại');
    await officer.waitFor(/Bước 7\/13/);
    officer.send('1/12/2026');
    await officer.waitFor(/Bước 8\/13/);
    officer.send('31/02/2027');
    await officer.waitFor(/31\/02\/2027 không phải ngày hợp lệ/);
    officer.send('28/02/2027');
    await officer.waitFor(/Bước 9\/13/);
    officer.press(/1\. Lao động tiên tiến/);
    await officer.waitFor(/Đã chọn 1/);
    officer.send('6');
    await officer.waitFor(/Đã chọn 2/);
    officer.press('✔ Xong');
    await officer.waitFor(/nội dung thi đua thứ 1/);
    officer.send('Sáng kiến cải tiến lề lối làm việc');
    await officer.waitFor(/ghi nhận theo hình thức nào/);
    officer.press('1. Số lượng');
    await officer.waitFor(/Đơn vị tính/);
    officer.send('sáng kiến');
    await officer.waitFor(/Chỉ tiêu của/);
    officer.press('Bỏ qua');
    await officer.waitFor(/nội dung thi đua thứ 2/);
    officer.send('Chi bộ trong sạch, vững mạnh');
    await officer.waitFor(/ghi nhận theo hình thức nào/);
    officer.send('2');
    await officer.waitFor(/nội dung thi đua thứ 3/);
    officer.send('xong');
    await officer.waitFor(/Hạn của mốc “Đăng ký thi đua”/);
    officer.send('15/12/2026 17:00');
    await officer.waitFor(/Nhắc trước hạn/);
    officer.send('7d 2x');
    await officer.waitFor(/“2x” không phải mốc nhắc hợp lệ/);
    officer.send('7d 1d');
    await officer.waitFor(/Thêm mốc nào nữa/);
    officer.press('3. Tổng kết');
    await officer.waitFor(/Tên mốc “Tổng kết”/);
    officer.press('Bỏ qua');
    await officer.waitFor(/Hạn của mốc “Tổng kết”/);
    officer.send('31/03/2027');
    await officer.waitFor(/nằm ngoài thời gian phong trào/);
    officer.send('25/02/2027');
    await officer.waitFor(/lặp lại không/);
    officer.press('1. Không lặp lại');
    await officer.waitFor(/Nhắc trước hạn/);
    officer.press('Mặc định (7d 2d 4h)');
    await officer.waitFor(/Các mốc đã có \(2\)/);
    officer.press('✔ Xong');
    await officer.waitFor(/Bước 12\/13/);
    officer.press('1. Toàn đơn vị của tôi (mặc định)');
    const preview = await officer.waitFor(/Xem trước dự thảo/);
    expect(preview.text).toContain('Thời gian: 01/12/2026 – 28/02/2027');
    expect(preview.text).toContain('1. Sáng kiến cải tiến lề lối làm việc (sáng kiến)');
    officer.press('💾 Lưu dự thảo');
    await officer.waitFor(/Đã lưu dự thảo/);

    const c = (await h.app.services.campaigns.byCode('thi-dua-chao-mung-dai-hoi-quy-iv'))!;
    expect(c).toMatchObject({ status: 'DRAFT', slogan: 'Học tập điển hình, vượt qua điển hình' });
    expect(c.titles.map((t) => t.code)).toEqual(['LDTT', 'TTLDXS']);
    expect(c.criteria.map((x) => [x.title, x.measure, x.unitOfMeasure])).toEqual([
      ['Sáng kiến cải tiến lề lối làm việc', 'NUMBER', 'sáng kiến'],
      ['Chi bộ trong sạch, vững mạnh', 'YES_NO', null],
    ]);
    expect(c.milestones.map((m) => [m.kind, m.remindOffsets])).toEqual([
      ['REGISTRATION', [10080, 1440]],
      ['FINAL_REVIEW', [10080, 2880, 240]],
    ]);
    expect(c.audienceUnits.map((a) => a.unit.code)).toEqual(['GIONGTROM']);
  });

  it('speaks English to an English-speaking officer and stops on /cancel', async () => {
    const john = h.fake.user({ firstName: 'John', languageCode: 'en' });
    const m = await joined(john, 'SOGD', 'John Smith', 'en');
    await h.app.services.members.setRole(m.id, 'OFFICER');
    john.send('/newcampaign');
    await john.waitFor(/Step 1\/13 — Campaign title/);
    john.send('Quarterly drive');
    await john.waitFor(/Step 2\/13/);
    john.send('/cancel');
    await john.waitFor(/Cancelled/);
    john.send('/campaigns');
    await john.waitFor(/No campaigns in your scope yet/);
  });
  it('sends a follow-up announcement only after the officer confirms its preview', async () => {
    const c = (await h.app.services.campaigns.byCode('dong-khoi-moi'))!;
    officer.pressData(encodeCallback('camp.announce', { campaignId: c.id }));
    await officer.waitFor(/Gõ nội dung thông báo bổ sung/);
    officer.send('Hạn nộp báo cáo sơ kết lùi đến 20/12.');
    await officer.waitFor(/Gửi kèm tệp hoặc ảnh/);
    officer.press('Bỏ qua');
    const confirm = await officer.waitFor(/Sẽ gửi tới \d+ người nhận và 1 nhóm/);
    expect(confirm.text).toContain('Hạn nộp báo cáo sơ kết lùi đến 20/12.');
    const members = Number(/Sẽ gửi tới (\d+) người nhận/.exec(confirm.text ?? '')![1]);
    const announced = () => h.app.services.prisma.delivery.count({ where: { broadcast: { campaignId: c.id, kind: 'ANNOUNCEMENT' } } });
    expect(await announced()).toBe(0);
    officer.press('✔ Gửi thông báo');
    await officer.waitFor(new RegExp(`Đang gửi thông báo tới ${members} người nhận và 1 nhóm`));
    expect(await announced()).toBe(members + 1);
    // The officer is in the audience too: their copy arrives before the next story starts (it would
    // otherwise land in the middle of it, matching whatever that story waits for).
    expect((await officer.waitFor(/^📢 Thông báo bổ sung/, { timeoutMs: 20_000 })).text).toContain('Hạn nộp báo cáo sơ kết lùi đến 20/12.');
  });

  it('closes a launched campaign only after confirmation, and withdraws its reminders not yet sent', async () => {
    const c = (await h.app.services.campaigns.byCode('dong-khoi-moi'))!;
    const member = (await h.app.services.prisma.member.findFirst({ where: { fullName: 'Thành viên 3' } }))!;
    const milestone = c.milestones.find((m) => m.kind === 'FINAL_REVIEW')!;
    const later = new Date(Date.now() + 86_400_000);
    const delivery = await h.app.services.prisma.delivery.create({
      data: { chatId: await telegramIdOf(h.app.services.prisma, member.id), memberId: member.id, payload: { text: 'Nhắc hạn' }, dedupeKey: 'test:close', notBefore: later },
    });
    await h.app.services.prisma.reminder.createMany({
      data: [
        { milestoneId: milestone.id, offsetMinutes: 1440, memberId: member.id, dueAt: later, status: 'QUEUED', deliveryId: delivery.id },
        { milestoneId: milestone.id, offsetMinutes: 60, memberId: member.id, dueAt: later },
      ],
    });

    officer.send('/campaigns');
    const list = await officer.waitFor(/Phong trào trong phạm vi|phong trào/i);
    // Two campaigns carry this title (one was imported under another code): take the launched one.
    const rows = (list.reply_markup?.inline_keyboard.flat() ?? []) as Array<{ text: string; callback_data?: string }>;
    officer.press(rows.find((b) => b.callback_data === encodeCallback('camp.manage', { campaignId: c.id }))!.text);
    await officer.waitFor(/Đồng khởi mới/);
    officer.press('🏁 Kết thúc');
    const ask = await officer.waitFor(/Kết thúc phong trào .*Đồng khởi mới.*\? Sau khi kết thúc/s);
    expect((await h.app.services.campaigns.byId(c.id))!.status).toBe('LAUNCHED');
    // The question's own button: the earlier announcement's progress message may still be edited meanwhile.
    officer.press('🏁 Xác nhận kết thúc', { inMessage: ask });
    await officer.waitFor(/Đã kết thúc phong trào/);

    expect((await h.app.services.campaigns.byId(c.id))!.status).toBe('CLOSED');
    const reminders = await h.app.services.prisma.reminder.findMany({ where: { milestoneId: milestone.id, memberId: member.id } });
    expect(reminders.find((r) => r.offsetMinutes === 60)!.status).toBe('CANCELLED');
    expect((await h.app.services.prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).status).toBe('CANCELLED');
  });

  it('never saves a main-menu label typed while a draft’s title is being edited', async () => {
    const c = (await h.app.services.campaigns.byCode('thi-dua-chao-mung-dai-hoi-quy-iv'))!;
    officer.pressData(encodeCallback('camp.edit', { campaignId: c.id }));
    await officer.waitFor(/Sửa mục nào của dự thảo/);
    officer.press('Tên phong trào');
    await officer.waitFor(/Gõ tên mới của phong trào/);
    officer.send('📝 Đăng ký');
    await officer.waitFor(/Đồng chí đang làm dở “Sửa dự thảo phong trào”/);
    expect((await h.app.services.campaigns.byId(c.id))!.title).toBe('Thi đua chào mừng Đại hội quý IV');
    officer.send('Thi đua chào mừng Đại hội Đảng bộ huyện');
    await officer.waitFor(/Đã lưu thay đổi/);
    await officer.waitFor(/Dự thảo · mã thi-dua-chao-mung-dai-hoi-quy-iv/);
    expect((await h.app.services.campaigns.byId(c.id))!.title).toBe('Thi đua chào mừng Đại hội Đảng bộ huyện');

    // A wrong date, or one that leaves a milestone (the review on 25/02/2027) outside, re-asks only the date.
    officer.pressData(encodeCallback('camp.editf', { campaignId: c.id, field: 'ends' }));
    await officer.waitFor(/Gõ ngày kết thúc mới/);
    officer.send('30/02/2027');
    await officer.waitFor(/30\/02\/2027 không phải ngày hợp lệ/);
    officer.send('15/02/2027');
    await officer.waitFor(/Chưa lưu được thay đổi này:[\s\S]*nằm ngoài thời gian phong trào/);
    officer.send('31/03/2027');
    await officer.waitFor(/Đã lưu thay đổi/);
    expect((await h.app.services.campaigns.byId(c.id))!.endsAt.toISOString()).toBe('2027-03-31T16:59:59.999Z');
  });
});
