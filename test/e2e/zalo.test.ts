/**
 * Zalo end to end: the whole bot (createApp, PostgreSQL, Redis) with both channels, a member on the
 * fake Zalo Bot API who joins by invite code, onboards, registers by typed numbers and words,
 * reports with a photo (downloaded at once into the evidence store), and cancels with "hủy" —
 * everything by plain text, each answer ≤ 2,000 characters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { joined, launchCampaign, UNITS } from '../support/conversation-fixtures.js';
import { FakeZalo, TINY_JPEG, type ZaloUser } from '../support/fake-zalo.js';
import { photoSent, zaloChat } from '../support/zalo-chat.js';
import { parseCampaignFile } from '../../src/domain/campaign-file.js';
import { addLocalDays, formatDate } from '../../src/domain/dates.js';
import { freePort } from '../support/redis-server.js';
import { MediaLinks, mediaSecret } from '../../src/services/media-links.js';
import { startZaloHarness } from '../support/zalo-harness.js';

/** A Zalo user's conversation (test/support/zalo-chat.ts). */
const chat = zaloChat;

describe('members on Zalo (polling, PostgreSQL, Redis)', () => {
  let zalo: FakeZalo;
  let h: Harness;
  let publicUrl: string;
  beforeAll(async () => {
    // Zalo fetches the photos the bot sends by URL, under PUBLIC_URL: the app's own port, known up front.
    ({ h, zalo, publicUrl } = await startZaloHarness());
    await seedUnits(h.app, UNITS);
    await launchCampaign(h, 'chu-nhat-xanh', 10);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await zalo?.close();
  });

  it('joins by invite code, onboards, registers by numbers and words, reports with a photo, and "hủy" cancels', async () => {
    const lan = zalo.user('Lan Nguyễn');
    const c = chat(zalo, lan);
    const unit = await h.app.services.units.byCode('DONGKHOI');
    // Joining: the unit's invite code, typed with the Telegram link's prefix and in capitals.
    const welcome = await c.say(`u_${unit!.inviteCode.toUpperCase()}`, /họ và tên/);
    expect(welcome).toContain('Đã ghi nhận đơn vị: Xã Đồng Khởi');
    expect(welcome).toContain('1. Dùng tên “Lan Nguyễn”');
    // Joined after the launch: told what is open and what to send to register (words, no button).
    const joined = await c.say('Đỗ Thị Lan', /phong trào mở đăng ký thi đua[\s\S]*Gửi: đăng ký chu-nhat-xanh/);
    expect(joined).toMatch(/Cảm ơn đồng chí Đỗ Thị Lan, đơn vị Xã Đồng Khởi/);
    expect(joined).toContain('«báo cáo» — báo cáo tiến độ');
    expect(joined).toContain('• “Thi đua chào mừng đại hội chu-nhat-xanh” — hạn đăng ký');

    // Registering: a command word without diacritics, then numbers and words.
    const titles = await c.say('dang ky', /Chọn danh hiệu/);
    expect(titles).toContain('1. Lao động tiên tiến\n2. Chiến sĩ thi đua cơ sở');
    await c.say('1', /Nội dung thi đua 1\/3/);
    // A figure is asked: a typed number is the figure, so the other answers are listed as words, not numbered.
    const figure = await c.say('bỏ qua', /Nội dung thi đua 2\/3/);
    expect(figure).toContain('• ⏭ Bỏ qua');
    expect(figure).not.toMatch(/^1\. /m);
    expect(figure).not.toContain('0 — quay lại');
    // Nothing to press on Zalo: the question says what to send.
    expect(figure).toContain('Gửi «bỏ qua» để bỏ nội dung này, «xong» để kết thúc phần cam kết.');
    expect(figure).not.toMatch(/bấm/i);
    await c.say('5', /Nội dung thi đua 3\/3/);
    const summary = await c.say('2 điển hình', /1\. ✔ Xác nhận/);
    expect(summary).toContain('Công trình chào mừng đại hội: 5 công trình');
    await c.say('1', /Đã ghi nhận đăng ký danh hiệu Lao động tiên tiến/);

    // "hủy" stops a report half-way; nothing is stored.
    await c.say('/report', /Chọn nội dung cần báo cáo/);
    await c.say('2', /Tổng kết quả đạt được/);
    await c.say('hủy', /Đã hủy/);
    expect(await c.say('menu', /Gửi một trong các từ sau/)).not.toMatch(/đang làm dở/);

    // Reporting with a photo: downloaded at once (the fake's URL then expires) into the evidence store.
    await c.say('Báo cáo', /Chọn nội dung cần báo cáo/);
    await c.say('Công trình chào mừng đại hội', /Tổng kết quả đạt được/);
    await c.say('3', /Ghi chú thêm/);
    await c.say('bo qua', /Gửi ảnh minh chứng/);
    // A photo that is neither JPEG nor PNG is refused with the evidence type rule, and not kept.
    const gif = Buffer.from('47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b', 'hex');
    await c.photo(undefined, /không đúng định dạng\. Chỉ nhận ảnh JPG hoặc PNG/, gif);
    expect(await h.app.services.prisma.evidenceFile.count()).toBe(0);
    await c.photo('Công trình số 3', /Đã nhận 1 ảnh minh chứng[\s\S]*Ghi chú của tệp: “Công trình số 3”/);
    expect(await c.say('xong', /Minh chứng: 1 tệp/)).toContain('Kết quả: 3 công trình');
    await c.say('1', /Đã ghi nhận báo cáo/);

    const report = await h.app.services.prisma.progressReport.findFirstOrThrow({ where: { member: { fullName: 'Đỗ Thị Lan' } }, include: { attachments: true } });
    expect(report.attachments).toHaveLength(1);
    const a = report.attachments[0]!;
    expect(a).toMatchObject({ channel: 'ZALO', kind: 'PHOTO', mimeType: 'image/jpeg', note: 'Công trình số 3', size: TINY_JPEG.length });
    const stored = await h.app.services.evidenceFiles.read(a.fileId);
    expect(Buffer.from(stored!.content).equals(TINY_JPEG)).toBe(true);

    // A photo sent with no report open opens one with the photo as its evidence; "hủy" leaves it.
    const offered = await c.photo('Ảnh buổi ra quân', /Đã nhận ảnh\. Ảnh sẽ được ghi làm minh chứng[\s\S]*Chọn nội dung cần báo cáo/);
    expect(offered).toContain('gửi «hủy»');
    await c.say('hủy', /Đã hủy/);

    // The profile, and the words that change it.
    const card = await c.say('hồ sơ', /Hồ sơ của đồng chí/);
    expect(card).toMatch(/Họ và tên: Đỗ Thị Lan\nĐơn vị: UBND tỉnh Bến Tre › Xã Đồng Khởi/);
    expect(card).toContain('«đổi tên»');
    await c.say('doi ten', /họ và tên/);
    await c.say('Đỗ Thị Ngọc Lan', /Đỗ Thị Ngọc Lan/);
    expect((await h.app.services.members.byId(report.memberId))?.fullName).toBe('Đỗ Thị Ngọc Lan');
    await h.app.services.members.setName(report.memberId, 'Đỗ Thị Lan');

    // Every answer is plain text within Zalo's limit.
    expect(zalo.textsTo(lan.id).every((t) => t.length > 0 && t.length <= 2000 && !/<\/?b>/.test(t))).toBe(true);
  }, 60_000);

  it('answers a sticker and withheld content politely, and a photo before joining says how to join', async () => {
    const minh = zalo.user('Minh');
    const c = chat(zalo, minh);
    let before = zalo.sentTo(minh.id).length;
    zalo.userSendsSticker(minh);
    await c.waitFor(before, /chỉ đọc được tin nhắn chữ và ảnh/, 10_000);
    before = zalo.sentTo(minh.id).length;
    zalo.userSendsUnsupported(minh);
    await c.waitFor(before, /chỉ đọc được tin nhắn chữ và ảnh/, 10_000);
    await c.photo(undefined, /chưa tham gia đơn vị/);
    // An unknown code is not a unit: onboarding starts with the unit picker.
    expect(await c.say('/start khongcoma', /Mã mời này không hợp lệ/)).toContain('Đồng chí thuộc đơn vị nào?');
    await c.say('hủy', /Đã hủy/);

    // "DK <campaign>" before joining is remembered: registration for it follows onboarding.
    await c.say('DK chu-nhat-xanh', /chưa tham gia đơn vị/);
    const unit = await h.app.services.units.byCode('DONGKHOI');
    await c.say(unit!.inviteCode, /họ và tên/);
    const joinedThen = await c.say('Phạm Văn Minh', /Chọn danh hiệu/);
    expect(joinedThen).toMatch(/Cảm ơn đồng chí Phạm Văn Minh[\s\S]*Thi đua chào mừng đại hội chu-nhat-xanh[\s\S]*1\. Lao động tiên tiến/);
    await c.say('huy', /Đã hủy/);
  }, 60_000);

  it('a launch by an officer on Telegram reaches the Zalo member as plain text that says how to register, and the words open registration', async () => {
    // Lan joined on Zalo in the first test; an officer of the province launches a new campaign on Telegram.
    const lan = await h.app.services.prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'ZALO', member: { fullName: 'Đỗ Thị Lan' } } });
    const officer = h.fake.user({ firstName: 'Hạnh' });
    const province = (await h.app.services.units.byCode('BENTRE'))!;
    const o = await h.app.services.members.touch({ channel: 'TELEGRAM', externalId: String(officer.id), firstName: 'Hạnh' });
    await h.app.services.members.setUnit(o.id, province.id);
    await h.app.services.members.setName(o.id, 'Lê Thị Hạnh');
    await h.app.services.members.setRole(o.id, 'OFFICER');
    const d = (n: number) => formatDate(addLocalDays(new Date(), n));
    const parsed = parseCampaignFile(
      `code: tet-xanh\ntitle: Tết xanh\nkind: THEMATIC\nstarts: ${d(-1)}\nends: ${d(100)}\ntitles:\n  individual: [LDTT]\ncriteria:\n  - { code: K1, title: Trồng cây, measure: NUMBER, unit: cây }\nmilestones:\n  - { kind: REGISTRATION, due: "${d(10)} 17:00" }\n`,
      'yaml',
      new Date(),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const created = await h.app.services.campaigns.createFromDraft(parsed.campaign, { ownerUnitId: province.id });
    if (!created.ok) throw new Error(created.reason);

    const before = zalo.sentTo(lan.externalId).length;
    officer.send('/campaigns');
    await officer.waitFor(/Tết xanh/);
    officer.press(/Tết xanh/);
    await officer.waitFor(/tet-xanh/);
    officer.press('🚀 Phát động');
    await officer.waitFor(/Xác nhận phát động/);
    officer.press('✔ Xác nhận phát động');
    await officer.waitFor(/Đã gửi xong/, { timeoutMs: 20_000 });

    const user = { id: lan.externalId, name: 'Lan Nguyễn' };
    const got = await chat(zalo, user).waitFor(before, /Tết xanh/, 20_000);
    expect(got).toContain('Gửi: đăng ký tet-xanh');
    const parts = zalo.textsTo(lan.externalId).slice(before);
    expect(parts.every((t) => t.length <= 2000 && !/<\/?[a-z]+>/.test(t))).toBe(true);
    expect(zalo.sentTo(lan.externalId).slice(before).every((m) => m.method === 'sendMessage')).toBe(true);

    // What the announcement says to send opens registration for that campaign.
    expect(await chat(zalo, user).say('đăng ký tet-xanh', /Chọn danh hiệu/)).toContain('Tết xanh');
    expect(await chat(zalo, user).say('hủy', /Đã hủy/)).toBeTruthy();

    // The officer on Telegram gets the photo Lan sent on Zalo back from the evidence store, with its note.
    const report = await h.app.services.prisma.progressReport.findFirstOrThrow({ where: { memberId: lan.memberId } });
    officer.send(`/evidence ${report.id}`);
    await officer.waitFor(/Minh chứng của báo cáo/);
    const photo = await officer.waitFor('Công trình số 3');
    expect(photo.caption).toBe('Công trình số 3');
    expect(photo.photo!.at(-1)!.file_size).toBe(TINY_JPEG.length);
  }, 60_000);

  it('an officer on Zalo gets a report\'s evidence back by «minh chứng <id>»: Zalo fetches the photo by a signed link and receives the bytes the member sent; a member is refused', async () => {
    const report = await h.app.services.prisma.progressReport.findFirstOrThrow({ where: { member: { fullName: 'Đỗ Thị Lan' } } });
    const minh = zalo.user('Minh');
    const province = (await h.app.services.units.byCode('BENTRE'))!;
    const o = await h.app.services.members.touch({ channel: 'ZALO', externalId: minh.id, firstName: 'Minh' });
    await h.app.services.members.setUnit(o.id, province.id);
    await h.app.services.members.setName(o.id, 'Lê Văn Minh');
    const c = chat(zalo, minh);
    // A member: refused, and no photo leaves.
    await c.say(`minh chứng ${report.id}`, /không có quyền|quyền/);
    expect(zalo.sentTo(minh.id).filter((m) => m.method === 'sendPhoto')).toHaveLength(0);

    await h.app.services.members.setRole(o.id, 'OFFICER');
    const before = zalo.sentTo(minh.id).length;
    await c.say(`/evidence ${report.id}`, new RegExp(`Minh chứng của báo cáo #${report.id} — Đỗ Thị Lan.*: 1 tệp`));
    const photo = await photoSent(zalo, minh.id, before);
    expect(photo.caption).toBe('Công trình số 3');
    expect(photo.photo!.startsWith(`${publicUrl}/media/`)).toBe(true);
    expect(photo.photoType).toBe('image/jpeg');
    expect(photo.photoBytes!.equals(TINY_JPEG)).toBe(true);
    // The words without diacritics ask the same; a file Telegram keeps is named, to be seen on Telegram.
    const kept = await h.app.services.prisma.attachment.create({ data: { progressReportId: report.id, channel: 'TELEGRAM', kind: 'DOCUMENT', fileId: 'BQACAgIAAxkBAAIBtelegram', fileName: 'bien-ban.pdf' } });
    expect(await c.say(`minh chung ${report.id}`, /bien-ban\.pdf/)).toContain(`Tệp “bien-ban.pdf” được gửi trên Telegram và lưu tại Telegram: đồng chí mở bot trên Telegram và gửi /evidence ${report.id} để xem`);
    await h.app.services.prisma.attachment.delete({ where: { id: kept.id } });

    // The link is signed: a changed character, or a link of the right key that expired, is a bare 404.
    const token = photo.photo!.slice(`${publicUrl}/media/`.length);
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const forged = await fetch(`${publicUrl}/media/${tampered}`);
    expect(forged.status).toBe(404);
    expect(await forged.text()).toBe('Not Found');
    const a = (await h.app.services.prisma.attachment.findFirstOrThrow({ where: { progressReportId: report.id } })).fileId;
    const links = new MediaLinks({ secret: mediaSecret(undefined, zalo.token)!, publicUrl });
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000 - 1000);
    expect((await fetch(links.linkFor(a, yesterday)!)).status).toBe(404);
    const fresh = await fetch(links.linkFor(a, new Date())!);
    expect(fresh.status).toBe(200);
    expect(Buffer.from(await fresh.arrayBuffer()).equals(TINY_JPEG)).toBe(true);
  }, 60_000);

  it('an officer on Zalo approves and returns registrations by the words the outbox names ("duyệt 12", "trả lại 12"), and a member cannot', async () => {
    const reg = await h.app.services.prisma.registration.findFirstOrThrow({ where: { member: { fullName: 'Đỗ Thị Lan' }, campaign: { code: 'chu-nhat-xanh' } } });
    const hoa = zalo.user('Hòa');
    const province = (await h.app.services.units.byCode('BENTRE'))!;
    const o = await h.app.services.members.touch({ channel: 'ZALO', externalId: hoa.id, firstName: 'Hòa' });
    await h.app.services.members.setUnit(o.id, province.id);
    await h.app.services.members.setName(o.id, 'Trần Văn Hòa');
    const c = chat(zalo, hoa);
    // Still a member: refused (and audited by the services), nothing changes.
    await c.say(`duyệt ${reg.id}`, /không có quyền|quyền/);
    expect((await h.app.services.prisma.registration.findUniqueOrThrow({ where: { id: reg.id } })).status).toBe('SUBMITTED');

    await h.app.services.members.setRole(o.id, 'OFFICER');
    const list = await c.say('đăng ký chờ duyệt', /Đăng ký chờ duyệt/);
    expect(list).toContain(`#${reg.id} Đỗ Thị Lan (Xã Đồng Khởi) — Lao động tiên tiến`);
    expect(list).toContain(`Gửi: duyệt ${reg.id} · trả lại ${reg.id}`);
    await c.say(`Duyet #${reg.id}`, new RegExp(`Đã duyệt đăng ký #${reg.id}`));
    expect((await h.app.services.prisma.registration.findUniqueOrThrow({ where: { id: reg.id } })).status).toBe('APPROVED');
    await c.say(`trả lại ${reg.id}`, /gõ lý do trả lại/);
    await c.say('Thiếu chỉ tiêu học tập', new RegExp(`Đã trả lại đăng ký #${reg.id}`));
    const after = await h.app.services.prisma.registration.findUniqueOrThrow({ where: { id: reg.id } });
    expect(after).toMatchObject({ status: 'RETURNED', returnReason: 'Thiếu chỉ tiêu học tập' });

    // Lan, on Zalo, is told why and what to send; sending it opens the registration at the part to fix.
    const lanId = (await h.app.services.prisma.channelIdentity.findFirstOrThrow({ where: { memberId: reg.memberId!, channel: 'ZALO' } })).externalId;
    const l = chat(zalo, { id: lanId, name: 'Lan Nguyễn' });
    const notice = await l.waitFor(0, /Lý do: Thiếu chỉ tiêu học tập[\s\S]*Gửi: đăng ký chu-nhat-xanh/, 10_000);
    expect(notice).toContain('Sửa đăng ký');
    const opened = await l.say('đăng ký chu-nhat-xanh', /Lý do trả lại: Thiếu chỉ tiêu học tập/);
    expect(opened).toMatch(/1\. ✏️ Sửa đăng ký/);
    const parts = await l.say('1', /Đồng chí muốn sửa phần nào/);
    expect(parts).toMatch(/2\. Học tập và làm theo tư tưởng Hồ Chí Minh: \(chưa có\)/);
    await l.say('2', /Nội dung thi đua 1\/3/);
    const summary = await l.say('Học tập chuyên đề hằng tháng', /Đăng ký thi đua — /);
    expect(summary).toContain('Học tập và làm theo tư tưởng Hồ Chí Minh: Học tập chuyên đề hằng tháng');
    await l.say('1', /Đã cập nhật đăng ký/);
    expect((await h.app.services.prisma.registration.findUniqueOrThrow({ where: { id: reg.id } })).status).toBe('SUBMITTED');
  }, 60_000);

  it('«trợ giúp» names the words that work on Zalo, and an officer also reads the officers\' words («phát động», «duyệt»)', async () => {
    const binh = zalo.user('Bình');
    const b = await h.app.services.members.touch({ channel: 'ZALO', externalId: binh.id, firstName: 'Bình' });
    await h.app.services.members.setUnit(b.id, (await h.app.services.units.byCode('BENTRE'))!.id);
    await h.app.services.members.setName(b.id, 'Lê Văn Bình');
    const c = chat(zalo, binh);
    const member = await c.say('tro giup', /gửi lệnh bằng chữ/);
    expect(member).toContain('«đăng ký»');
    expect(member).not.toContain('«phát động');
    await h.app.services.members.setRole(b.id, 'OFFICER');
    const officer = await c.say('trợ giúp', /Cán bộ gửi thêm/);
    expect(officer).toContain('«phát động mã-phong-trào»');
    expect(officer).toContain('«duyệt số»');
    expect(officer).toContain('«minh chứng số»');
  }, 30_000);

  it('links a Telegram officer and a fresh Zalo account by "LINK <code>": the Zalo chat then answers as the officer', async () => {
    const officer = h.fake.user({ firstName: 'Quang' });
    const province = (await h.app.services.units.byCode('BENTRE'))!;
    const o = await h.app.services.members.touch({ channel: 'TELEGRAM', externalId: String(officer.id), firstName: 'Quang' });
    await h.app.services.members.setUnit(o.id, province.id);
    await h.app.services.members.setName(o.id, 'Lê Văn Quang');
    await h.app.services.members.setRole(o.id, 'OFFICER');
    officer.send('/link');
    const code = /LINK (\d{6})/.exec((await officer.waitFor(/Trên Zalo, gửi: LINK \d{6}/)).text ?? '')![1]!;

    const z = zalo.user('Quang Zalo');
    const c = chat(zalo, z);
    const confirm = await c.say(`link ${code.slice(0, 3)} ${code.slice(3)}`, /Gộp tài khoản/);
    expect(confirm).toContain('Lê Văn Quang');
    await c.say('1', /Đã liên kết: Lê Văn Quang/);
    const identity = await h.app.services.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'ZALO', externalId: z.id } } });
    expect(identity.memberId).toBe(o.id);
    // Now an officer on Zalo too: the pending registrations list answers.
    await c.say('đăng ký chờ duyệt', /Đăng ký chờ duyệt|Không có đăng ký nào chờ duyệt/);
  }, 60_000);

  it('an officer on Zalo launches a draft by «phát động <code>»: preview with the counts, «hủy» launches nothing, «1» launches once to Telegram and Zalo members, progress as Zalo milestones; a member is refused', async () => {
    const province = (await h.app.services.units.byCode('BENTRE'))!;
    const d = (n: number) => formatDate(addLocalDays(new Date(), n));
    const parsed = parseCampaignFile(
      `code: he-xanh\ntitle: Mùa hè xanh\nkind: THEMATIC\nstarts: ${d(-1)}\nends: ${d(100)}\ntitles:\n  individual: [LDTT]\ncriteria:\n  - { code: K1, title: Tình nguyện, measure: NUMBER, unit: ngày }\nmilestones:\n  - { kind: REGISTRATION, due: "${d(10)} 17:00" }\n`,
      'yaml',
      new Date(),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const created = await h.app.services.campaigns.createFromDraft(parsed.campaign, { ownerUnitId: province.id });
    if (!created.ok) throw new Error(created.reason);
    const campaignId = created.campaign.id;
    // A member on Telegram, besides Lan on Zalo.
    const tam = h.fake.user({ firstName: 'Tâm' });
    await joined(h, tam, 'Phạm Văn Tâm');
    const lan = await h.app.services.prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'ZALO', member: { fullName: 'Đỗ Thị Lan' } } });

    // A plain member on Zalo: refused in words, the refusal audited, nothing launched.
    const binh = zalo.user('Bình');
    const b = await h.app.services.members.touch({ channel: 'ZALO', externalId: binh.id, firstName: 'Bình' });
    await h.app.services.members.setUnit(b.id, province.id);
    await h.app.services.members.setName(b.id, 'Võ Văn Bình');
    await chat(zalo, binh).say('phát động he-xanh', /không có quyền/);
    const refusals = await h.app.services.audit.recent({ action: 'campaign.launch' });
    expect(refusals.some((r) => r.outcome === 'REFUSED' && r.actorRef?.includes(binh.id))).toBe(true);

    const minh = zalo.user('Minh');
    const o = await h.app.services.members.touch({ channel: 'ZALO', externalId: minh.id, firstName: 'Minh' });
    await h.app.services.members.setUnit(o.id, province.id);
    await h.app.services.members.setName(o.id, 'Nguyễn Văn Minh');
    await h.app.services.members.setRole(o.id, 'OFFICER');
    const c = chat(zalo, minh);
    // The numbers Telegram's preview shows.
    const count = await h.app.services.campaigns.audienceCount(campaignId);
    expect(count.members).toBeGreaterThanOrEqual(2);
    const preview = await c.say('phát động he-xanh', /Xác nhận phát động/);
    expect(preview).toContain('Xem trước — thành viên sẽ nhận đúng tin nhắn sau');
    expect(preview).toContain('Mùa hè xanh');
    expect(preview).toContain('Gửi: đăng ký he-xanh');
    expect(preview).toContain(`Sẽ gửi tới ${count.members} người nhận và ${count.groups} nhóm của đơn vị`);
    expect(preview).toMatch(/1\. 🚀 Phát động\n2\. Hủy/);
    await c.say('hủy', /Đã hủy, phong trào chưa được phát động/);
    expect((await h.app.services.campaigns.byId(campaignId))!.status).toBe('DRAFT');
    expect(await h.app.services.prisma.broadcast.count({ where: { campaignId } })).toBe(0);

    // The slash form, and «Hủy» by its number.
    await c.say('/launch he-xanh', /Xác nhận phát động/);
    await c.say('2', /Đã hủy, phong trào chưa được phát động/);
    expect(await h.app.services.prisma.broadcast.count({ where: { campaignId } })).toBe(0);
    // Without the code (no diacritics): the officer picks among the drafts in their scope, by number or code.
    const other = parseCampaignFile(`code: thu-vang\ntitle: Mùa thu vàng\nkind: THEMATIC\nstarts: ${d(-1)}\nends: ${d(100)}\ntitles:\n  individual: [LDTT]\ncriteria:\n  - { code: K1, title: Đọc sách, measure: NUMBER, unit: cuốn }\nmilestones:\n  - { kind: REGISTRATION, due: "${d(20)} 17:00" }\n`, 'yaml', new Date());
    if (!other.ok) throw new Error(JSON.stringify(other.errors));
    if (!(await h.app.services.campaigns.createFromDraft(other.campaign, { ownerUnitId: province.id })).ok) throw new Error('second draft');
    const lanBefore = zalo.sentTo(lan.externalId).length;
    const list = await c.say('phat dong', /Chọn dự thảo cần phát động/);
    expect(list).toContain('Mùa hè xanh (he-xanh)');
    expect(list).toContain('Mùa thu vàng (thu-vang)');
    expect(list).not.toMatch(/\d\. \d\./);
    await c.say('he-xanh', /Xác nhận phát động/);
    const launched = await c.say('1', /Đã phát động Mùa hè xanh/);
    expect(launched).toContain(`đang gửi tới ${count.members} người nhận`);
    // Progress comes to the officer's Zalo chat as milestone messages, ending with the summary.
    const progress = await c.waitFor(0, /Đã gửi xong/, 20_000);
    // "Đang gửi thông báo" comes first unless every message went out before the progress job first
    // looked (then the summary alone says it all): the summary is what must reach Zalo.
    expect(progress).toMatch(/Đã gửi xong: \d+\/\d+ người nhận/);
    expect((await h.app.services.campaigns.byId(campaignId))!.status).toBe('LAUNCHED');
    // Each member gets the launch once, on their channel.
    await tam.waitFor(/Mùa hè xanh/);
    expect(tam.messages.filter((m) => /Mùa hè xanh/.test(m.text ?? '')).length).toBe(1);
    const lanGot = zalo.textsTo(lan.externalId).slice(lanBefore).filter((t) => t.includes('Mùa hè xanh'));
    expect(lanGot.length).toBe(1);
    expect(await h.app.services.prisma.broadcast.count({ where: { campaignId, kind: 'LAUNCH' } })).toBe(1);
    // Launched once: asking again is refused.
    await c.say('phát động he-xanh', /đã được phát động/);
    // The choice typed in words answers the question, though «phát động» is also a command word.
    await c.say('phát động thu-vang', /Xác nhận phát động/);
    await c.say('Phát động', /Đã phát động Mùa thu vàng/);
    expect((await h.app.services.campaigns.byCode('thu-vang'))!.status).toBe('LAUNCHED');
  }, 60_000);
  it('Zalo groups: an officer links the group by @mention, a member is refused, a launch reaches the group once as plain text, any other mention points to private chat', async () => {
    const province = (await h.app.services.units.byCode('BENTRE'))!;
    const group = zalo.group('Đoàn viên Bến Tre');
    const inGroup = async (user: ZaloUser, text: string, re: RegExp): Promise<string> => {
      const before = zalo.sentTo(group.id).length;
      zalo.userSays(user, text, group);
      const deadline = Date.now() + 10_000;
      for (;;) {
        const texts = zalo.textsTo(group.id).slice(before).join('\n\n');
        if (re.test(texts)) return texts;
        if (Date.now() > deadline) throw new Error(`no group answer matching ${re}; got:\n${texts}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    // A plain member of the unit: refused in the group, the refusal audited, nothing linked.
    const hoa = zalo.user('Hoa');
    const m = await h.app.services.members.touch({ channel: 'ZALO', externalId: hoa.id, firstName: 'Hoa' });
    await h.app.services.members.setUnit(m.id, province.id);
    await h.app.services.members.setName(m.id, 'Trần Thị Hoa');
    await inGroup(hoa, '@ThiĐua Bot /linkgroup', /Chỉ cán bộ phụ trách thi đua/);
    expect(await h.app.services.groupChats.byChat(group.id, 'ZALO')).toBeNull();
    const refused = await h.app.services.audit.recent({ action: 'group.link' });
    expect(refused.some((r) => r.outcome === 'REFUSED' && r.actorRef?.includes(hoa.id))).toBe(true);

    // Any other mention: a short pointer to private chat, naming no one and nothing of the sender's.
    const other = await inGroup(hoa, '@ThiĐua Bot của tôi', /nhắn riêng cho bot/);
    expect(other).not.toContain('Trần Thị Hoa');
    expect(other).not.toContain('Bến Tre');
    // The hint names the bot as getMe does, so the officer can copy it.
    expect(other).toContain('«@bot.ThiDuaTest linkgroup»');

    // An officer of the province links the group (by the mention, without a slash).
    const khoa = zalo.user('Khoa');
    const o = await h.app.services.members.touch({ channel: 'ZALO', externalId: khoa.id, firstName: 'Khoa' });
    await h.app.services.members.setUnit(o.id, province.id);
    await h.app.services.members.setName(o.id, 'Lê Văn Khoa');
    await h.app.services.members.setRole(o.id, 'OFFICER');
    const linked = await inGroup(khoa, '@ThiĐua Bot linkgroup', /Đã liên kết nhóm này với đơn vị/);
    expect(linked).toContain(province.name);
    expect(linked).not.toMatch(/<\/?b>/);
    const row = (await h.app.services.groupChats.byChat(group.id, 'ZALO'))!;
    expect(row.unitId).toBe(province.id);
    const audit = await h.app.services.audit.recent({ action: 'group.link' });
    expect(audit.some((r) => r.outcome !== 'REFUSED' && r.actorRef?.includes(khoa.id))).toBe(true);

    // A launch of a campaign of the province reaches the linked Zalo group once, as plain text.
    const d = (n: number) => formatDate(addLocalDays(new Date(), n));
    const parsed = parseCampaignFile(
      `code: nhom-xanh\ntitle: Nhóm xanh\nkind: THEMATIC\nstarts: ${d(-1)}\nends: ${d(100)}\ntitles:\n  individual: [LDTT]\ncriteria:\n  - { code: K1, title: Trồng cây, measure: NUMBER, unit: cây }\nmilestones:\n  - { kind: REGISTRATION, due: "${d(10)} 17:00" }\n`,
      'yaml',
      new Date(),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const created = await h.app.services.campaigns.createFromDraft(parsed.campaign, { ownerUnitId: province.id });
    if (!created.ok) throw new Error(created.reason);
    expect((await h.app.services.campaigns.audienceCount(created.campaign.id)).groups).toBeGreaterThanOrEqual(1);
    const launched = await h.app.services.campaigns.launch({ campaignId: created.campaign.id, actor: { id: o.id }, progressChatId: null });
    expect(launched.ok).toBe(true);
    const deadline = Date.now() + 20_000;
    while (!zalo.textsTo(group.id).some((t) => t.includes('Nhóm xanh'))) {
      if (Date.now() > deadline) throw new Error(`launch never reached the group; got:\n${zalo.textsTo(group.id).join('\n\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 500));
    const got = zalo.textsTo(group.id).filter((t) => t.includes('Nhóm xanh'));
    expect(got.length).toBe(1);
    expect(got[0]!.length).toBeLessThanOrEqual(2000);
    expect(got[0]).not.toMatch(/<\/?[a-z]+>/);
    // In the default language (Vietnamese), saying in words how to register.
    expect(got[0]).toContain('Gửi: đăng ký nhom-xanh');
    expect(zalo.sentTo(group.id).every((s) => s.text !== undefined)).toBe(true);

    // Two announcements to the group: spaced as a group chat (≈3 s), not as a private chat (≈1 s).
    await h.app.services.outbox.enqueue(
      ['Tin một', 'Tin hai'].map((text, i) => ({ channel: 'ZALO' as const, chatId: group.id, groupChatId: row.id, message: { text }, dedupeKey: `test:zalo-group-spacing:${i}` })),
    );
    const two = await zalo.waitForSent(group.id, zalo.sentTo(group.id).length + 2, 15_000);
    const [a, b] = two.slice(-2);
    expect([a!.text, b!.text]).toEqual(['Tin một', 'Tin hai']);
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(2_900);
  }, 60_000);
  it('Zalo groups: a named unit must be in the officer\'s scope, and moving a group linked to another unit needs «xác nhận»', async () => {
    const province = (await h.app.services.units.byCode('BENTRE'))!;
    const commune = (await h.app.services.units.byCode('DONGKHOI'))!;
    const group = zalo.group('Chi đoàn Đồng Khởi');
    const inGroup = async (user: ZaloUser, text: string, re: RegExp): Promise<string> => {
      const before = zalo.sentTo(group.id).length;
      zalo.userSays(user, text, group);
      const deadline = Date.now() + 10_000;
      for (;;) {
        const texts = zalo.textsTo(group.id).slice(before).join('\n\n');
        if (re.test(texts)) return texts;
        if (Date.now() > deadline) throw new Error(`no group answer matching ${re}; got:\n${texts}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const officer = async (name: string, unitId: number) => {
      const u = zalo.user(name);
      const m = await h.app.services.members.touch({ channel: 'ZALO', externalId: u.id, firstName: name });
      await h.app.services.members.setUnit(m.id, unitId);
      await h.app.services.members.setName(m.id, `Cán bộ ${name}`);
      await h.app.services.members.setRole(m.id, 'OFFICER');
      return u;
    };
    // An officer of the commune cannot pull the group into the province's broadcasts, nor name a unit that does not exist.
    const xa = await officer('Xã', commune.id);
    await inGroup(xa, '@ThiĐua Bot /linkgroup BENTRE', /nằm ngoài phạm vi phụ trách/);
    await inGroup(xa, '@ThiĐua Bot /linkgroup KHONGCO', /Không tìm thấy đơn vị/);
    expect(await h.app.services.groupChats.byChat(group.id, 'ZALO')).toBeNull();
    // By the commune's invite code (the code members join with).
    await inGroup(xa, `@ThiĐua Bot /linkgroup ${commune.inviteCode}`, /Đã liên kết nhóm này với đơn vị Xã Đồng Khởi/);
    // The province's officer: asked first, nothing moves until «xác nhận».
    const tinh = await officer('Tỉnh', province.id);
    const ask = await inGroup(tinh, '@ThiĐua Bot linkgroup', /Để chuyển liên kết sang/);
    expect(ask).toContain('linkgroup BENTRE xác nhận');
    expect((await h.app.services.groupChats.byChat(group.id, 'ZALO'))!.unitId).toBe(commune.id);
    await inGroup(tinh, '@ThiĐua Bot linkgroup BENTRE xác nhận', /Đã chuyển liên kết của nhóm từ “Xã Đồng Khởi” sang UBND tỉnh Bến Tre/);
    expect((await h.app.services.groupChats.byChat(group.id, 'ZALO'))!.unitId).toBe(province.id);
  }, 60_000);
});

describe('evidence on Zalo without PUBLIC_URL', () => {
  let zalo: FakeZalo;
  let h: Harness;
  beforeAll(async () => {
    zalo = await FakeZalo.start({ maxPollMs: 200, fetchPhotos: true });
    h = await startHarness({ storage: 'postgres', redis: true, env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ZALO_RATE: '200' } });
    await seedUnits(h.app, UNITS);
    await launchCampaign(h, 'chu-nhat-xanh', 10);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await zalo?.close();
  });

  it('tells the officer the photos cannot be shown on Zalo until PUBLIC_URL is set, and sends none', async () => {
    const s = h.app.services;
    const campaign = await s.prisma.campaign.findFirstOrThrow({ where: { code: 'chu-nhat-xanh' }, include: { criteria: true } });
    const member = await s.members.touch({ channel: 'ZALO', externalId: 'zalo-member-1', firstName: 'Lan' });
    await s.members.setUnit(member.id, (await s.units.byCode('DONGKHOI'))!.id);
    await s.members.setName(member.id, 'Đỗ Thị Lan');
    const fileId = await s.evidenceFiles.save({ channel: 'ZALO', mimeType: 'image/jpeg', content: TINY_JPEG });
    const report = await s.prisma.progressReport.create({
      data: { campaignId: campaign.id, criterionId: campaign.criteria[0]!.id, memberId: member.id, valueNumber: 3, attachments: { create: { channel: 'ZALO', kind: 'PHOTO', fileId, mimeType: 'image/jpeg', size: TINY_JPEG.length } } },
    });
    const minh = zalo.user('Minh');
    const o = await s.members.touch({ channel: 'ZALO', externalId: minh.id, firstName: 'Minh' });
    await s.members.setUnit(o.id, (await s.units.byCode('BENTRE'))!.id);
    await s.members.setName(o.id, 'Lê Văn Minh');
    await s.members.setRole(o.id, 'OFFICER');
    const answer = await chat(zalo, minh).say(`minh chứng ${report.id}`, /PUBLIC_URL/);
    expect(answer).toContain('Chưa thể hiển thị ảnh');
    expect(zalo.sentTo(minh.id).filter((m) => m.method === 'sendPhoto')).toHaveLength(0);
    // And the bot still answers afterwards.
    await chat(zalo, minh).say('trợ giúp', /Cán bộ gửi thêm/);
  }, 60_000);
});
