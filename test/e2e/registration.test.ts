/**
 * Đăng ký thi đua end to end: members and officers register through the real bot (polling,
 * PostgreSQL, Redis conversation state) against the fake Telegram, in Vietnamese and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { joined, launchCampaign, UNITS } from '../support/conversation-fixtures.js';
import { encodeCallback } from '../../src/channels/telegram/callback-data.js';
import { queueRegistrationDigests } from '../../src/services/registrations.js';

describe('registration (polling, PostgreSQL, Redis conversations)', () => {
  let h: Harness;
  let campaignId: number;
  beforeAll(async () => {
    h = await startHarness({ storage: 'postgres', redis: true });
    await seedUnits(h.app, UNITS);
    campaignId = await launchCampaign(h, 'dai-hoi-mo', 10);
  }, 60_000);
  afterAll(() => h?.close());

  it('registers LĐTT with two commitments, edits a target, then registers CSTĐCS with an initiative', async () => {
    const lan = h.fake.user({ firstName: 'Lan' });
    await joined(h, lan, 'Nguyễn Thị Lan');
    lan.send('/register');
    const title = await lan.waitFor(/Chọn danh hiệu thi đua/);
    expect(title.text).toContain('Lao động tiên tiến — hoàn thành tốt nhiệm vụ');
    expect(lan.buttons()).toEqual(['Lao động tiên tiến', 'Chiến sĩ thi đua cơ sở', '✖ Hủy']);
    lan.press('Lao động tiên tiến');
    await lan.waitFor(/Nội dung thi đua 1\/3: .*Học tập/);
    lan.press('⏭ Bỏ qua');
    await lan.waitFor(/Nội dung thi đua 2\/3: .*Công trình chào mừng đại hội/);
    lan.send('năm');
    await lan.waitFor(/Chưa đọc được số/);
    lan.send('5');
    await lan.waitFor(/Nội dung thi đua 3\/3/);
    lan.send('2 điển hình');
    const summary = await lan.waitFor(/Đăng ký thi đua — /);
    expect(summary.text).toContain('Danh hiệu: Lao động tiên tiến');
    expect(summary.text).toContain('Công trình chào mừng đại hội: 5 công trình');
    expect(summary.text).toContain('Phát hiện điển hình tiên tiến: 2 điển hình');
    lan.press('✔ Xác nhận');
    await lan.waitFor(/Đã ghi nhận đăng ký danh hiệu Lao động tiên tiến/);

    // Registering again edits: change the first number target to 7, keep the other.
    lan.send('📝 Đăng ký');
    await lan.waitFor(/Đồng chí đã đăng ký \(trạng thái: đã gửi, chờ duyệt\)/);
    lan.press('✏️ Sửa đăng ký');
    // Only the part to change is asked again; the rest is kept.
    await lan.waitFor(/Đồng chí muốn sửa phần nào\? Các phần khác giữ nguyên/);
    expect(lan.buttons()).toEqual(expect.arrayContaining(['Danh hiệu: Lao động tiên tiến', 'Công trình chào mừng đại hội: 5 công trình', 'Sửa lại tất cả từ đầu']));
    lan.press('Công trình chào mừng đại hội: 5 công trình');
    await lan.waitFor(/Nội dung thi đua 2\/3/);
    expect(lan.buttons()).toContain('Giữ: 5 công trình');
    lan.send('7');
    const edited = await lan.waitFor(/Công trình chào mừng đại hội: 7 công trình/);
    expect(edited.text).toContain('Phát hiện điển hình tiên tiến: 2 điển hình');
    lan.press('✔ Xác nhận');
    await lan.waitFor(/Đã cập nhật đăng ký: danh hiệu Lao động tiên tiến/);

    // Then CSTĐCS with an initiative; "xong" finishes the targets early; Back returns one step.
    lan.send('/register');
    await lan.waitFor(/Đồng chí đã đăng ký/);
    lan.press('✏️ Sửa đăng ký');
    await lan.waitFor(/Đồng chí muốn sửa phần nào/);
    lan.press('Sửa lại tất cả từ đầu');
    await lan.waitFor(/Chọn danh hiệu/);
    lan.press('Chiến sĩ thi đua cơ sở');
    await lan.waitFor(/Nội dung thi đua 1\/3/);
    lan.send('xong');
    await lan.waitFor(/cần đạt một trong các tiêu chuẩn sau \(Luật TĐKT 2022, Điều 23\)/);
    lan.press('Sáng kiến');
    await lan.waitFor(/tên sáng kiến dự kiến/);
    lan.press('‹ Quay lại');
    await lan.waitFor(/đạt tiêu chuẩn nào/);
    lan.press('Sáng kiến');
    await lan.waitFor(/tên sáng kiến dự kiến/);
    lan.send('Số hóa hồ sơ thi đua <cấp xã>');
    const s2 = await lan.waitFor(/Đăng ký thi đua — /);
    expect(s2.text).toContain('Sáng kiến/đề tài: Số hóa hồ sơ thi đua <cấp xã>');
    expect(s2.text).toContain('7 công trình');
    lan.press('✔ Xác nhận');
    await lan.waitFor(/Đã cập nhật đăng ký: danh hiệu Chiến sĩ thi đua cơ sở/);

    const regs = await h.app.services.prisma.registration.findMany({ where: { campaignId }, include: { commitments: true } });
    const mine = regs.filter((r) => r.memberId !== null);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ titleCode: 'CSTDCS', basis: 'INITIATIVE', initiativeTitle: 'Số hóa hồ sơ thi đua <cấp xã>', status: 'SUBMITTED' });
    expect(mine[0]!.commitments.map((c) => c.targetNumber?.toString()).sort()).toEqual(['2', '7']);

    // /my shows it all, with the next deadline and days left.
    lan.send('/my');
    const my = await lan.waitFor(/Tình hình thi đua/);
    expect(my.text).toContain('Cá nhân: Chiến sĩ thi đua cơ sở — đã gửi, chờ duyệt');
    expect(my.text).toContain('Công trình chào mừng đại hội: 0/7 công trình');
    expect(my.text).toContain('Sáng kiến/đề tài: Số hóa hồ sơ thi đua <cấp xã>');
    expect(my.text).toContain('Báo cáo đã gửi: 0');
    expect(my.text).toMatch(/Hạn tiếp theo: Báo cáo tiến độ — 17:00 \d\d\/\d\d\/\d{4} \(còn [45] ngày\)/);
  });

  it('asks "500.000 or 500?" when a target is typed as 500,000, by button or by typing, and keeps the earlier answers', async () => {
    const an = h.fake.user({ firstName: 'An' });
    await joined(h, an, 'Võ Thị An');
    an.start('c_dai-hoi-mo');
    await an.waitFor(/Chọn danh hiệu/);
    an.press('Lao động tiên tiến');
    await an.waitFor(/Nội dung thi đua 1\/3/);
    an.send('Học tập mỗi tuần');
    await an.waitFor(/Nội dung thi đua 2\/3/);
    an.send('500,000');
    const which = await an.waitFor(/Đồng chí gõ “500,000”/);
    expect(which.text).toContain('ý đồng chí là 500.000 công trình hay 500 công trình?');
    expect(an.buttons()).toEqual(['500.000 công trình', '500 công trình', '‹ Quay lại', '✖ Hủy']);
    an.press('500.000 công trình');
    await an.waitFor(/Nội dung thi đua 3\/3/);
    an.send('12,500');
    await an.waitFor(/12\.500 điển hình hay 12,5 điển hình\?/);
    an.send('12,5');
    const s = await an.waitFor(/Đăng ký thi đua — /);
    expect(s.text).toContain('Học tập và làm theo tư tưởng Hồ Chí Minh: Học tập mỗi tuần');
    expect(s.text).toContain('Công trình chào mừng đại hội: 500.000 công trình');
    expect(s.text).toContain('Phát hiện điển hình tiên tiến: 12,5 điển hình');
    an.press('✔ Xác nhận');
    await an.waitFor(/Đã ghi nhận đăng ký danh hiệu Lao động tiên tiến/);
    const reg = await h.app.services.prisma.registration.findFirstOrThrow({ where: { member: { fullName: 'Võ Thị An' } }, include: { commitments: true } });
    expect(reg.commitments.map((c) => c.targetNumber?.toString() ?? c.targetText).sort()).toEqual(['12.5', '500000', 'Học tập mỗi tuần']);
  });

  it('lets an officer register the unit for TTLĐXS, digests it, and returns it with a reason', async () => {
    const hoa = h.fake.user({ firstName: 'Hoa' });
    const officer = await joined(h, hoa, 'Trần Thị Hoa', 'OFFICER');
    hoa.send('/register');
    await hoa.waitFor(/cho cá nhân hay thay mặt tập thể/);
    hoa.press('👥 Tập thể: Xã Đồng Khởi');
    await hoa.waitFor(/Chọn danh hiệu/);
    expect(hoa.buttons()).toEqual(['Tập thể lao động tiên tiến', 'Tập thể lao động xuất sắc', '‹ Quay lại', '✖ Hủy']);
    hoa.press('Tập thể lao động xuất sắc');
    await hoa.waitFor(/Nội dung thi đua 1\/3/);
    hoa.press('✔ Xong');
    const s = await hoa.waitFor(/Đăng ký thi đua — /);
    expect(s.text).toContain('Đối tượng: tập thể Xã Đồng Khởi');
    hoa.press('✔ Xác nhận');
    await hoa.waitFor(/Đã ghi nhận đăng ký danh hiệu Tập thể lao động xuất sắc/);
    const unitReg = await h.app.services.prisma.registration.findFirst({ where: { campaignId, scope: 'COLLECTIVE' } });
    expect(unitReg).toMatchObject({ titleCode: 'TTLDXS', memberId: null, submittedById: officer.id });

    // The officer digest: once per hour per campaign, through the outbox.
    const now = new Date();
    expect(await queueRegistrationDigests(h.app.services, now)).toBe(1);
    expect(await queueRegistrationDigests(h.app.services, now)).toBe(0);
    const digest = await hoa.waitFor(/Đăng ký mới/);
    expect(digest.text).toContain('Nguyễn Thị Lan (Xã Đồng Khởi): Chiến sĩ thi đua cơ sở');
    expect(digest.text).toContain('Xã Đồng Khởi: Tập thể lao động xuất sắc');
    expect(hoa.buttons(digest)).toContain(`✔ Duyệt #${unitReg!.id}`);

    // Return Lan's registration with a typed reason; Lan is notified through the outbox.
    const lanReg = await h.app.services.prisma.registration.findFirstOrThrow({ where: { campaignId, scope: 'INDIVIDUAL' }, include: { member: true } });
    hoa.pressData(encodeCallback('reg.return', { registrationId: lanReg.id }));
    await hoa.waitFor(/gõ lý do trả lại đăng ký/);
    hoa.sendSticker();
    await hoa.waitFor(/gõ lý do bằng chữ/);
    hoa.send('Thiếu minh chứng sáng kiến');
    await hoa.waitFor(new RegExp(`Đã trả lại đăng ký #${lanReg.id}`));
    // What Lan receives (rendered when the dispatcher sends it).
    const lanChat = (await h.app.services.prisma.channelIdentity.findFirstOrThrow({ where: { memberId: lanReg.memberId!, channel: 'TELEGRAM' } })).externalId;
    const notice = async () => h.fake.callsOf('sendMessage').find((c) => String(c.payload.chat_id) === lanChat && /Lý do:/.test(String(c.payload.text)));
    for (let i = 0; i < 200 && !(await notice()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(String((await notice())?.payload.text)).toContain('Lý do: Thiếu minh chứng sáng kiến');
    hoa.pressData(encodeCallback('reg.approve', { registrationId: unitReg!.id }));
    expect(String((await hoa.waitForCallbackAnswer()).text)).toBe('Đã duyệt');
  });

  it("opens a returned registration from its notice with the officer's reason, at the part to fix, keeping the rest", async () => {
    const mai = h.fake.user({ firstName: 'Mai' });
    await joined(h, mai, 'Đinh Thị Mai');
    mai.send('/register');
    await mai.waitFor(/Chọn danh hiệu thi đua/);
    mai.press('Lao động tiên tiến');
    await mai.waitFor(/Nội dung thi đua 1\/3/);
    mai.send('Học tập chuyên đề mỗi tháng');
    await mai.waitFor(/Nội dung thi đua 2\/3/);
    mai.send('3');
    await mai.waitFor(/Nội dung thi đua 3\/3/);
    mai.send('1');
    await mai.waitFor(/Đăng ký thi đua — /);
    mai.press('✔ Xác nhận');
    await mai.waitFor(/Đã ghi nhận đăng ký/);

    const reg = await h.app.services.prisma.registration.findFirstOrThrow({ where: { campaignId, member: { fullName: 'Đinh Thị Mai' } } });
    const officer = await h.app.services.prisma.member.findFirstOrThrow({ where: { fullName: 'Trần Thị Hoa' } });
    const r = await h.app.services.registrations.decide({ registrationId: reg.id, actor: { id: officer.id }, decision: 'RETURN', reason: 'Chỉ tiêu công trình quá thấp' });
    expect(r.ok).toBe(true);
    const notice = await mai.waitFor(/Lý do: Chỉ tiêu công trình quá thấp/);
    const fix = (notice.reply_markup?.inline_keyboard ?? []).flat().find((b) => b.text === '✏️ Sửa đăng ký') as { url?: string } | undefined;
    expect(fix?.url).toBe('https://t.me/thidua_test_bot?start=c_dai-hoi-mo');

    // Tapping it opens the registration: the reason, then the part to fix.
    mai.start('c_dai-hoi-mo');
    const opened = await mai.waitFor(/trạng thái: bị trả lại để bổ sung/);
    expect(opened.text).toContain('Lý do trả lại: Chỉ tiêu công trình quá thấp');
    mai.press('✏️ Sửa đăng ký');
    await mai.waitFor(/Đồng chí muốn sửa phần nào/);
    mai.press('Công trình chào mừng đại hội: 3 công trình');
    await mai.waitFor(/Nội dung thi đua 2\/3/);
    mai.send('10');
    const summary = await mai.waitFor(/Công trình chào mừng đại hội: 10 công trình/);
    expect(summary.text).toContain('Học tập và làm theo tư tưởng Hồ Chí Minh: Học tập chuyên đề mỗi tháng');
    expect(summary.text).toContain('Phát hiện điển hình tiên tiến: 1 điển hình');
    mai.press('✔ Xác nhận');
    await mai.waitFor(/Đã cập nhật đăng ký/);
    const after = await h.app.services.prisma.registration.findUniqueOrThrow({ where: { id: reg.id }, include: { commitments: { orderBy: { criterionId: 'asc' } } } });
    expect(after.status).toBe('SUBMITTED');
    expect(after.commitments.map((c) => c.targetNumber?.toString() ?? c.targetText)).toEqual(['Học tập chuyên đề mỗi tháng', '10', '1']);
  });

  it('refuses a registration after the deadline and names the officer to contact', async () => {
    await launchCampaign(h, 'da-dong', -1);
    const minh = h.fake.user({ firstName: 'Minh' });
    await joined(h, minh, 'Lê Văn Minh');
    minh.start('c_da-dong');
    const closed = await minh.waitFor(/Đã hết hạn đăng ký/);
    expect(closed.text).toContain('đồng chí liên hệ cán bộ phụ trách thi đua Trần Thị Hoa.');
  });

  it('refuses forged buttons: an offered title of another scope, and an officer action from a member', async () => {
    const tuan = h.fake.user({ firstName: 'Tuấn' });
    await joined(h, tuan, 'Phạm Văn Tuấn');
    tuan.start('c_dai-hoi-mo');
    const prompt = await tuan.waitFor(/Chọn danh hiệu/);
    // A choice the question never offered (only two titles are offered to a member).
    tuan.pressData(encodeCallback('fl.pick', { index: 5, rev: 1 }), prompt);
    expect(String((await tuan.waitForCallbackAnswer()).text)).toMatch(/Nút này đã hết hạn/);
    // Another message's button while the flow is open is not acted on: the member is told what is open.
    tuan.pressData(encodeCallback('reg.approve', { registrationId: 1 }), prompt);
    expect(String((await tuan.waitForCallbackAnswer()).text)).toMatch(/đang làm dở “Đăng ký thi đua”/);
    tuan.sendVoice();
    await tuan.waitFor(/bấm một nút ở trên/);
    tuan.send('/cancel');
    await tuan.waitFor(/Đã hủy/);
    tuan.pressData(encodeCallback('reg.approve', { registrationId: 1 }));
    expect(String((await tuan.waitForCallbackAnswer()).text)).toMatch(/không có quyền/);
    expect(await h.app.services.prisma.registration.count({ where: { member: { fullName: 'Phạm Văn Tuấn' } } })).toBe(0);
    const refusal = await h.app.services.prisma.auditLog.findFirst({ where: { action: 'registration.approve', outcome: 'REFUSED' } });
    expect(refusal).not.toBeNull();
  });

  it('speaks English: registers Advanced Worker and shows it in /my', async () => {
    const john = h.fake.user({ firstName: 'John', languageCode: 'en' });
    await joined(h, john, 'John Smith', 'MEMBER', 'en');
    john.send('/register');
    await john.waitFor(/Which campaign do you want to register for/);
    john.send('1');
    const t = await john.waitFor(/Choose the title you are registering for/);
    expect(t.text).toContain('Advanced Worker — tasks completed well or better');
    john.press('Advanced Worker');
    await john.waitFor(/Content 1\/3/);
    john.send('Study every week');
    await john.waitFor(/Content 2\/3/);
    john.send('1.234');
    const which = await john.waitFor(/You typed “1\.234”/);
    expect(which.text).toContain('do you mean 1,234 công trình or 1.234 công trình?');
    john.send('1,234.5');
    await john.waitFor(/Content 3\/3/);
    john.send('done');
    const s = await john.waitFor(/Registration — /);
    expect(s.text).toContain('1,234.5 công trình');
    john.press('✔ Confirm');
    await john.waitFor(/Your registration for Advanced Worker/);
    john.send('/my');
    const my = await john.waitFor(/Your emulation status/);
    expect(my.text).toContain('Individual: Advanced Worker — submitted, awaiting approval');
    expect(my.text).toMatch(/Next deadline: Progress report — 17:00 .* \([45] days left\)/);
  });

  // Last: its second campaign would change what the earlier stories are asked.
  it('registers CSTĐ tỉnh on an accepted research topic: the law does not require an initiative (Art. 22.1)', async () => {
    await launchCampaign(h, 'cstd-tinh', 10, ['LDTT', 'CSTD_TINH']);
    const hung = h.fake.user({ firstName: 'Hùng' });
    await joined(h, hung, 'Trần Văn Hùng');
    hung.send('/register');
    await hung.waitFor(/phong trào nào/);
    hung.press(/cstd-tinh/);
    const titles = await hung.waitFor(/Chọn danh hiệu thi đua/);
    expect(titles.text).toContain(
      'Chiến sĩ thi đua bộ, ban, ngành, tỉnh — 3 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở và có sáng kiến, đề tài/đề án khoa học hoặc mưu trí, sáng tạo trong chiến đấu có phạm vi ảnh hưởng cấp bộ, ban, ngành, tỉnh (Điều 22).',
    );
    hung.press('Chiến sĩ thi đua bộ, ban, ngành, tỉnh');
    await hung.waitFor(/Nội dung thi đua 1\/3/);
    hung.send('xong');
    await hung.waitFor(/cần đạt một trong các tiêu chuẩn sau \(Luật TĐKT 2022, Điều 22\)/);
    expect(hung.buttons()).toEqual(['Sáng kiến', 'Đề tài khoa học', 'Mưu trí, sáng tạo trong chiến đấu', '‹ Quay lại', '✖ Hủy']);
    hung.press('Đề tài khoa học');
    await hung.waitFor(/tên đề tài/);
    hung.send('Ứng dụng bản đồ số trong quản lý đất đai');
    await hung.waitFor(/Đăng ký thi đua — /);
    hung.press('✔ Xác nhận');
    await hung.waitFor(/Đã ghi nhận đăng ký danh hiệu Chiến sĩ thi đua bộ, ban, ngành, tỉnh/);
    const reg = await h.app.services.prisma.registration.findFirst({ where: { member: { identities: { some: { channel: 'TELEGRAM', externalId: String(hung.id) } } } } });
    expect(reg).toMatchObject({ titleCode: 'CSTD_TINH', basis: 'TOPIC', initiativeTitle: 'Ứng dụng bản đồ số trong quản lý đất đai' });
  });
});
