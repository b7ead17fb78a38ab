import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { launchCampaign } from '../support/conversation-fixtures.js';

const UNITS = [
  { code: 'BENTRE', name: 'UBND tỉnh Bến Tre' },
  { code: 'GIONGTROM', name: 'Huyện Giồng Trôm', parent: 'BENTRE' },
  { code: 'DONGKHOI', name: 'Xã Đồng Khởi', parent: 'GIONGTROM' },
  { code: 'SOGD', name: 'Sở Giáo dục và Đào tạo', parent: 'BENTRE' },
];

describe('member onboarding (polling, PostgreSQL, Redis sessions)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ storage: 'postgres', redis: true });
    await seedUnits(h.app, UNITS);
  });
  afterAll(() => h?.close());

  it('joins a unit with one tap on an invite deep link, then confirms the Telegram name', async () => {
    const unit = await h.app.services.units.byCode('DONGKHOI');
    const lan = h.fake.user({ firstName: 'Lan', lastName: 'Nguyễn Thị' });
    lan.start(`u_${unit!.inviteCode}`);
    await lan.waitFor(/Đã ghi nhận đơn vị: Xã Đồng Khởi/);
    await lan.waitFor(/họ và tên đầy đủ/);
    lan.press('Dùng tên “Lan Nguyễn Thị”');
    const done = await lan.waitFor(/Cảm ơn đồng chí Lan Nguyễn Thị, đơn vị Xã Đồng Khởi/);
    expect(done.text).toContain('menu');
    const member = await h.app.services.members.byIdentity('TELEGRAM', String(lan.id));
    expect(member?.unit?.code).toBe('DONGKHOI');
    expect(member?.fullName).toBe('Lan Nguyễn Thị');
    expect(member?.locale).toBe('vi');
  });

  it('finds "Xã Đồng Khởi" when the member types "dong khoi" without diacritics', async () => {
    const minh = h.fake.user({ firstName: 'Minh' });
    minh.start();
    await minh.waitFor(/Đồng chí thuộc đơn vị nào/);
    expect(minh.buttons()).toContain('UBND tỉnh Bến Tre ›');
    minh.send('dong khoi');
    await minh.waitFor(/Kết quả tìm “dong khoi”/);
    expect(minh.buttons()).toContain('Xã Đồng Khởi');
    minh.press('Xã Đồng Khởi');
    await minh.waitFor(/họ và tên đầy đủ/);
    minh.send('Trần Văn Minh');
    await minh.waitFor(/Cảm ơn đồng chí Trần Văn Minh, đơn vị Xã Đồng Khởi/);
  });

  it('walks the unit tree level by level and can go back', async () => {
    const hoa = h.fake.user({ firstName: 'Hoa' });
    hoa.start();
    await hoa.waitFor(/Đồng chí thuộc đơn vị nào/);
    hoa.press('UBND tỉnh Bến Tre ›');
    await hoa.waitFor(/Chọn đơn vị trong “UBND tỉnh Bến Tre”/);
    expect(hoa.buttons()).toEqual(expect.arrayContaining(['✔ Chọn “UBND tỉnh Bến Tre”', 'Huyện Giồng Trôm ›', 'Sở Giáo dục và Đào tạo', '‹ Quay lại']));
    hoa.press('‹ Quay lại');
    await hoa.waitFor(/Chọn đơn vị:/);
    hoa.press('UBND tỉnh Bến Tre ›');
    await hoa.waitFor(/Chọn đơn vị trong/);
    hoa.press('Sở Giáo dục và Đào tạo');
    await hoa.waitFor(/Đã ghi nhận đơn vị: Sở Giáo dục và Đào tạo/);
  });

  it('re-asks only the name when it is too long, emoji only, or not text — and keeps the unit', async () => {
    const unit = await h.app.services.units.byCode('SOGD');
    const tu = h.fake.user({ firstName: '🙂' });
    tu.start(`u_${unit!.inviteCode}`);
    await tu.waitFor(/họ và tên đầy đủ/);
    expect(tu.buttons()).not.toContain('Dùng tên “🙂”');
    tu.send('A'.repeat(101));
    await tu.waitFor(/dài quá 100 ký tự/);
    tu.send('🎉🎉🎉');
    await tu.waitFor(/phải có chữ cái/);
    tu.sendSticker();
    await tu.waitFor(/gõ họ và tên bằng chữ/);
    tu.send('Lê Văn Tư');
    await tu.waitFor(/Cảm ơn đồng chí Lê Văn Tư, đơn vị Sở Giáo dục và Đào tạo/);
  });

  it('switches to English with /language and answers in English from then on', async () => {
    const an = h.fake.user({ firstName: 'An' });
    an.start();
    await an.waitFor(/Đồng chí thuộc đơn vị nào/);
    an.send('/language');
    await an.waitFor(/Choose your language/);
    an.press('English');
    await an.waitFor(/Switched to English/);
    an.send('/help');
    await an.waitFor(/Member commands/);
    const member = await h.app.services.members.byIdentity('TELEGRAM', String(an.id));
    expect(member?.locale).toBe('en');
    // The command menu of An's chat follows the language An chose, not the Vietnamese Telegram app.
    const menu = await h.app.bot.api.getMyCommands({ scope: { type: 'chat', chat_id: an.id } });
    expect(menu.find((c) => c.command === 'register')?.description).toBe('Register for a campaign');
    expect(menu.map((c) => c.command)).not.toContain('newcampaign');
  });

  it('speaks English to a member whose Telegram is in English', async () => {
    const john = h.fake.user({ firstName: 'John', languageCode: 'en' });
    john.start();
    await john.waitFor(/Which unit do you belong to/);
  });

  it('keeps the answers given so far across a restart in the middle of onboarding', async () => {
    const binh = h.fake.user({ firstName: 'Bình' });
    binh.start();
    await binh.waitFor(/Đồng chí thuộc đơn vị nào/);
    binh.send('giong trom');
    await binh.waitFor(/Kết quả tìm/);
    binh.press('Huyện Giồng Trôm');
    await binh.waitFor(/họ và tên đầy đủ/);
    await h.restart();
    binh.send('Phạm Thanh Bình');
    await binh.waitFor(/Cảm ơn đồng chí Phạm Thanh Bình, đơn vị Huyện Giồng Trôm/);
  });

  it('lets a member keep their unit when they open another unit’s invite link, and change their name in /profile', async () => {
    const sogd = await h.app.services.units.byCode('SOGD');
    const dongKhoi = await h.app.services.units.byCode('DONGKHOI');
    const nga = h.fake.user({ firstName: 'Nga' });
    nga.start(`u_${sogd!.inviteCode}`);
    await nga.waitFor(/họ và tên đầy đủ/);
    nga.send('Phan Thị Nga');
    await nga.waitFor(/Cảm ơn đồng chí Phan Thị Nga/);
    nga.start(`u_${dongKhoi!.inviteCode}`);
    await nga.waitFor(/Đồng chí đang thuộc “Sở Giáo dục và Đào tạo”\. Chuyển sang “Xã Đồng Khởi”\?/);
    // Answered by number, as on a channel without buttons: 2 = keep.
    nga.send('2');
    await nga.waitFor(/Đã giữ nguyên đơn vị “Sở Giáo dục và Đào tạo”/);
    expect((await h.app.services.members.byIdentity('TELEGRAM', String(nga.id)))?.unit?.code).toBe('SOGD');

    nga.send('/profile');
    await nga.waitFor(/Hồ sơ của đồng chí/);
    nga.press('✏️ Đổi họ tên');
    await nga.waitFor(/họ và tên đầy đủ/);
    nga.send('📋 Phong trào');
    await nga.waitFor(/Đồng chí đang làm dở “Đổi họ tên”/);
    nga.send('Phan Thị Thúy Nga');
    await nga.waitFor(/Đã lưu họ và tên: Phan Thị Thúy Nga/);
    expect((await h.app.services.members.byIdentity('TELEGRAM', String(nga.id)))?.fullName).toBe('Phan Thị Thúy Nga');
  });

  it('pages a long level of the unit tree and goes back from a search with the words "quay lại"', async () => {
    await seedUnits(
      h.app,
      Array.from({ length: 11 }, (_, i) => ({ code: `XA${i}`, name: `Xã số ${String(i + 1).padStart(2, '0')}`, parent: 'GIONGTROM' })),
    );
    const khang = h.fake.user({ firstName: 'Khang' });
    khang.start();
    await khang.waitFor(/Đồng chí thuộc đơn vị nào/);
    khang.press('UBND tỉnh Bến Tre ›');
    await khang.waitFor(/Chọn đơn vị trong “UBND tỉnh Bến Tre”/);
    khang.press('Huyện Giồng Trôm ›');
    await khang.waitFor(/Chọn đơn vị trong “Huyện Giồng Trôm”/);
    expect(khang.buttons()).toContain('Trang sau ›');
    expect(khang.buttons()).not.toContain('Xã số 11');
    khang.press('Trang sau ›');
    // The next page is a new question (the tapped one loses its buttons).
    await vi.waitFor(() => expect(khang.buttons()).toEqual(expect.arrayContaining(['Xã số 11', '‹ Trang trước'])));
    khang.send('khong co xa nay');
    await khang.waitFor(/Không tìm thấy đơn vị nào có tên giống “khong co xa nay”/);
    khang.send('quay lại');
    await khang.waitFor(/Chọn đơn vị:/);
    khang.press('UBND tỉnh Bến Tre ›');
    await khang.waitFor(/Chọn đơn vị trong “UBND tỉnh Bến Tre”/);
    khang.send('1');
    await khang.waitFor(/Đã ghi nhận đơn vị: UBND tỉnh Bến Tre/);
  });

  it('answers "this button has expired" to a forged button and changes nothing', async () => {
    const eve = h.fake.user({ firstName: 'Eve' });
    eve.pressData('1:ra:1');
    // A member pressing a forged officer button is refused by role, never obeyed.
    const answer = await eve.waitForCallbackAnswer();
    expect(String(answer.text)).toMatch(/không có quyền/);
    eve.pressData('garbage-data');
    const expired = await eve.waitForCallbackAnswer();
    expect(String(expired.text)).toMatch(/Nút này đã hết hạn/);
    const refusals = await h.app.services.audit.recent({ action: 'registration.approve' });
    expect(refusals.some((r) => r.outcome === 'REFUSED' && r.actorRef === `tg:${eve.id}`)).toBe(true);
  });

  it('refuses an officer command from a member politely and audits it', async () => {
    const lan = h.fake.user({ firstName: 'Khoa' });
    lan.send('/invite');
    await lan.waitFor(/không có quyền dùng lệnh này/);
    const refusals = await h.app.services.audit.recent({ action: 'unit.invite' });
    expect(refusals[0]).toMatchObject({ outcome: 'REFUSED', actorRef: `tg:${lan.id}` });
  });

  it('hints at the menu when a joined member types something outside any flow', async () => {
    const unit = await h.app.services.units.byCode('SOGD');
    const mai = h.fake.user({ firstName: 'Mai', lastName: 'Hoàng' });
    mai.start(`u_${unit!.inviteCode}`);
    await mai.waitFor(/họ và tên/);
    mai.press(/Dùng tên/);
    await mai.waitFor(/Cảm ơn đồng chí/);
    mai.send('xin chào');
    await mai.waitFor(/Tôi chưa hiểu yêu cầu này/);
    mai.send('📋 Phong trào');
    await mai.waitFor(/phong trào thi đua nào đang triển khai/);
  });

  // Last: the campaign it launches would show in the other tests' campaign lists.
  it('goes on to registration for the campaign link a member opened before joining', async () => {
    await launchCampaign(h, 'truoc-khi-vao', 10);
    const vy = h.fake.user({ firstName: 'Vy', lastName: 'Đặng' });
    vy.start('c_truoc-khi-vao');
    await vy.waitFor(/Đồng chí thuộc đơn vị nào/);
    vy.send('dong khoi');
    await vy.waitFor(/Kết quả tìm/);
    vy.press('Xã Đồng Khởi');
    await vy.waitFor(/họ và tên đầy đủ/);
    vy.press('Dùng tên “Vy Đặng”');
    await vy.waitFor(/Cảm ơn đồng chí Vy Đặng/);
    await vy.waitFor(/Chọn danh hiệu/);
  });

  it('still goes on to that campaign when onboarding was started over in between', async () => {
    await launchCampaign(h, 'nho-lien-ket', 10);
    const khoa = h.fake.user({ firstName: 'Khoa', lastName: 'Lý' });
    khoa.start('c_nho-lien-ket');
    await khoa.waitFor(/Đồng chí thuộc đơn vị nào/);
    // /start again: onboarding starts over, the link opened first is not forgotten.
    khoa.start();
    await khoa.waitFor(/Đồng chí thuộc đơn vị nào/);
    khoa.send('dong khoi');
    await khoa.waitFor(/Kết quả tìm/);
    khoa.press('Xã Đồng Khởi');
    await khoa.waitFor(/họ và tên đầy đủ/);
    khoa.press('Dùng tên “Khoa Lý”');
    await khoa.waitFor(/Cảm ơn đồng chí Khoa Lý/);
    const ask = await khoa.waitFor(/Chọn danh hiệu/);
    expect(ask.text).toContain('đại hội nho-lien-ket');
    // Came by a campaign's link: registration opens, not a list of every open campaign.
    expect(khoa.messages.some((m) => /phong trào mở đăng ký thi đua/.test(m.text ?? ''))).toBe(false);
  });

  it('offers a name typed in lower case back with capitals, and keeps the one the person picks', async () => {
    const unit = await h.app.services.units.byCode('DONGKHOI');
    const lan = h.fake.user({ firstName: 'L' });
    lan.start(`u_${unit!.inviteCode}`);
    await lan.waitFor(/họ và tên đầy đủ/);
    lan.send('nguyễn thị lan');
    await lan.waitFor(/Ghi họ và tên của đồng chí là “Nguyễn Thị Lan”\?/);
    expect(lan.buttons()).toEqual(expect.arrayContaining(['✔ Nguyễn Thị Lan', 'Giữ “nguyễn thị lan”']));
    lan.press('✔ Nguyễn Thị Lan');
    await lan.waitFor(/Cảm ơn đồng chí Nguyễn Thị Lan, đơn vị Xã Đồng Khởi/);
    expect((await h.app.services.members.byIdentity('TELEGRAM', String(lan.id)))?.fullName).toBe('Nguyễn Thị Lan');

    // A name with capitals is taken as written, without the question.
    const hai = h.fake.user({ firstName: 'H' });
    hai.start(`u_${unit!.inviteCode}`);
    await hai.waitFor(/họ và tên đầy đủ/);
    hai.send('ĐINH Văn Hai');
    await hai.waitFor(/Cảm ơn đồng chí ĐINH Văn Hai/);

    // Keeping the lower-case spelling is the person's choice.
    const ba = h.fake.user({ firstName: 'B' });
    ba.start(`u_${unit!.inviteCode}`);
    await ba.waitFor(/họ và tên đầy đủ/);
    ba.send('trần ba');
    await ba.waitFor(/“Trần Ba”/);
    ba.press('Giữ “trần ba”');
    await ba.waitFor(/Cảm ơn đồng chí trần ba/);
  });

  it('tells a member who joins after a launch which campaigns are open to them and how to register', async () => {
    await launchCampaign(h, 'vao-sau', 12);
    const unit = await h.app.services.units.byCode('DONGKHOI');
    const tu = h.fake.user({ firstName: 'Tú', lastName: 'Hồ' });
    tu.start(`u_${unit!.inviteCode}`);
    await tu.waitFor(/họ và tên đầy đủ/);
    tu.send('Hồ Văn Tú');
    await tu.waitFor(/Cảm ơn đồng chí Hồ Văn Tú/);
    const open = await tu.waitFor(/phong trào mở đăng ký thi đua/);
    expect(open.text).toMatch(/• “Thi đua chào mừng đại hội vao-sau” — hạn đăng ký 17:00 \d{2}\/\d{2}\/\d{4}/);
    expect(open.text).toContain('/register');
    expect(tu.buttons()).toContain('📝 Đăng ký “vao-sau”');
    tu.send('/register');
    await tu.waitFor(/phong trào nào/);
  });
});
