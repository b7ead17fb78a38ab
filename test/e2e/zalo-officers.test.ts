/**
 * Officers and admins on Zalo do by words what Telegram offers as commands and buttons: manage
 * campaigns (edit a draft, a follow-up announcement, close, archive), pick from numbered lists
 * («nhắc», «nộp báo cáo», «minh chứng» alone), administer units and roles (units, add unit, invite
 * code, move a member, audit, grant), see a photo Telegram keeps, and are told where campaign files
 * go. Members typing these words are refused and the refusal is audited. The whole bot (createApp,
 * PostgreSQL, Redis) with both channels, the fake Zalo and fake Telegram Bot APIs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { launchCampaign, UNITS } from '../support/conversation-fixtures.js';
import { FakeZalo, TINY_JPEG, type ZaloUser } from '../support/fake-zalo.js';
import { parseCampaignFile } from '../../src/domain/campaign-file.js';
import { addLocalDays, formatDate } from '../../src/domain/dates.js';
import { freePort } from '../support/redis-server.js';
import { photoSent, zaloChat as chat } from '../support/zalo-chat.js';
import type { Member, Prisma } from '../../src/generated/prisma/client.js';

/** The number a numbered list gives the line containing `text` ("2. Mùa hè xanh (mua-he)" → "2"). */
function numberOf(list: string, text: string): string {
  const line = list.split('\n').find((l) => /^\d+\. /.test(l) && l.includes(text));
  if (!line) throw new Error(`no numbered line with ${text} in:\n${list}`);
  return line.split('.')[0]!;
}

describe('officers and admins on Zalo (PostgreSQL, Redis, both channels)', () => {
  let zalo: FakeZalo;
  let h: Harness;
  let campaignId: number;
  /** A Zalo account of a member of Xã Đồng Khởi, with `role`. */
  let person: (name: string, fullName: string, role?: Member['role'], unitCode?: string) => Promise<{ user: ZaloUser; member: Member }>;

  beforeAll(async () => {
    zalo = await FakeZalo.start({ maxPollMs: 200, fetchPhotos: true });
    const publicUrl = `http://127.0.0.1:${await freePort()}`;
    h = await startHarness({
      storage: 'postgres',
      redis: true,
      env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ZALO_RATE: '200', PORT: publicUrl.split(':').at(-1)!, PUBLIC_URL: publicUrl },
    });
    await seedUnits(h.app, UNITS);
    campaignId = await launchCampaign(h, 'chu-nhat-xanh', 10);
    person = async (name, fullName, role = 'MEMBER', unitCode = 'DONGKHOI') => {
      const user = zalo.user(name);
      const s = h.app.services;
      const m = await s.members.touch({ channel: 'ZALO', externalId: user.id, firstName: name });
      await s.members.setUnit(m.id, (await s.units.byCode(unitCode))!.id);
      await s.members.setName(m.id, fullName);
      if (role !== 'MEMBER') await s.members.setRole(m.id, role);
      return { user, member: (await s.members.byId(m.id))! };
    };
  }, 60_000);
  /** A progress report of `memberId` on the campaign's second line, with these files. */
  async function reportWith(memberId: number, files: Prisma.AttachmentCreateWithoutProgressReportInput[]) {
    const campaign = (await h.app.services.campaigns.byId(campaignId))!;
    return h.app.services.prisma.progressReport.create({
      data: { campaignId, criterionId: campaign.criteria[1]!.id, memberId, valueNumber: 1, attachments: { create: files } },
      include: { attachments: { orderBy: { id: 'asc' } } },
    });
  }
  afterAll(async () => {
    await h?.close();
    await zalo?.close();
  });

  it('manages campaigns by words: edits a draft, announces (the member receives it), closes after confirming, archives by code; a member is refused and audited', async () => {
    const s = h.app.services;
    const province = (await s.units.byCode('BENTRE'))!;
    const d = (n: number) => formatDate(addLocalDays(new Date(), n));
    const draft = parseCampaignFile(
      `code: he-xanh\ntitle: Mùa hè xanh\nkind: THEMATIC\nstarts: ${d(1)}\nends: ${d(90)}\ntitles:\n  individual: [LDTT]\ncriteria:\n  - { code: K1, title: Trồng cây, measure: NUMBER, unit: cây }\nmilestones:\n  - { kind: REGISTRATION, due: "${d(10)} 17:00" }\n`,
      'yaml',
      new Date(),
    );
    if (!draft.ok) throw new Error(JSON.stringify(draft.errors));
    const created = await s.campaigns.createFromDraft(draft.campaign, { ownerUnitId: province.id });
    if (!created.ok) throw new Error(created.reason);

    const { user: memberUser } = await person('Lan', 'Đỗ Thị Lan');
    const member = chat(zalo, memberUser);
    // A member typing an officer's word: refused in words, the refusal in the audit log, nothing opened.
    await member.say('sửa phong trào', /không có quyền/);
    expect((await s.audit.recent({ action: 'campaign.edit' })).some((r) => r.outcome === 'REFUSED' && r.actorRef?.includes(memberUser.id))).toBe(true);

    const { user: officerUser } = await person('Khoa', 'Lê Văn Khoa', 'OFFICER', 'BENTRE');
    const c = chat(zalo, officerUser);
    // The only draft is taken at once: the edit flow asks which field, numbered.
    const ask = await c.say('sua phong trao', /Sửa mục nào của dự thảo/);
    expect(ask).toContain('he-xanh');
    expect(ask).toMatch(/^1\. Tên phong trào$/m);
    await c.say('1', /Gõ tên mới của phong trào/);
    const saved = await c.say('Mùa hè xanh 2027', /Đã lưu thay đổi/);
    expect(saved).toContain('Mùa hè xanh 2027');
    expect(saved).toContain('«phát động he-xanh»');
    expect((await s.campaigns.byCode('he-xanh'))!.title).toBe('Mùa hè xanh 2027');

    // A follow-up announcement: the text, the preview with the audience, then «1» sends it.
    await c.say('thông báo', /Gõ nội dung thông báo bổ sung/);
    await c.say('Chủ nhật này tập trung tại nhà văn hóa lúc 7 giờ.', /Gửi kèm ảnh/);
    const preview = await c.say('bỏ qua', /Sẽ gửi tới/);
    expect(preview).toContain('Chủ nhật này tập trung tại nhà văn hóa lúc 7 giờ.');
    expect(preview).toMatch(/^1\. ✔ Gửi thông báo$/m);
    const before = zalo.sentTo(memberUser.id).length;
    await c.say('1', /Đang gửi thông báo tới \d+ người nhận/);
    await member.waitFor(before, /Chủ nhật này tập trung tại nhà văn hóa lúc 7 giờ\./, 20_000);
    expect((await s.audit.recent({ action: 'campaign.announce' })).some((r) => r.outcome === 'OK' && r.actorRef?.includes(officerUser.id))).toBe(true);

    // Closing lists the running campaigns when there are several, then asks to confirm.
    await s.prisma.campaign.update({ where: { id: created.campaign.id }, data: { status: 'LAUNCHED', launchedAt: new Date() } });
    const list = await c.say('kết thúc phong trào', /Kết thúc phong trào nào\?/);
    const confirm = await c.say(numberOf(list, 'he-xanh'), /Kết thúc phong trào Mùa hè xanh 2027\?/);
    expect(confirm).toMatch(/^1\. 🏁 Xác nhận kết thúc$/m);
    // «hủy» at the confirmation closes nothing.
    await c.say('hủy', /Đã hủy/);
    expect((await s.campaigns.byCode('he-xanh'))!.status).toBe('LAUNCHED');
    await c.say('ket thuc phong trao he-xanh', /Kết thúc phong trào Mùa hè xanh 2027\?/);
    await c.say('1', /Đã kết thúc phong trào Mùa hè xanh 2027/);
    expect((await s.campaigns.byCode('he-xanh'))!.status).toBe('CLOSED');
    // Archived by its code, after confirming; a running campaign cannot be archived.
    await c.say('lưu trữ phong trào he-xanh', /Lưu trữ phong trào Mùa hè xanh 2027\?/);
    await c.say('1', /Đã lưu trữ phong trào Mùa hè xanh 2027/);
    expect((await s.campaigns.byCode('he-xanh'))!.archivedAt).not.toBeNull();
    await c.say('lưu trữ phong trào chu-nhat-xanh', /Lưu trữ phong trào/);
    await c.say('1', /Không lưu trữ được: phong trào đang triển khai phải được kết thúc trước/);
    expect(await c.say('sửa phong trào khong-co', /Không có phong trào mang mã “khong-co”/)).toBeTruthy();
    expect(zalo.textsTo(officerUser.id).every((t) => t.length <= 2000 && !/<\/?[a-z]+>/.test(t))).toBe(true);
  }, 90_000);

  it('«nhắc», «nộp báo cáo» and «minh chứng» alone list what to pick from, numbered; the number does what the id would', async () => {
    const s = h.app.services;
    const { user: officerUser } = await person('Hạnh', 'Lê Thị Hạnh', 'OFFICER', 'BENTRE');
    const c = chat(zalo, officerUser);

    const nudges = await c.say('nhắc', /Chọn mốc cần nhắc/);
    expect(nudges).toMatch(/^1\. Thi đua chào mừng đại hội chu-nhat-xanh · /m);
    // The pick opens the nudge preview (who would be reminded, per unit) or says no one is behind.
    const next = await c.say('1', /Gửi lời nhắc tới \d+ người ở \d+ đơn vị\?|Tất cả đã hoàn thành/);
    if (/Gửi lời nhắc tới/.test(next)) await c.say('1', /Đã gửi lời nhắc tới \d+ người|đã được nhắc hôm nay/);
    expect((await s.audit.recent({ action: 'reminders.nudge' })).length).toBeGreaterThan(0);

    const reviews = await c.say('nộp báo cáo', /Chọn mốc để nộp báo cáo của đơn vị “UBND tỉnh Bến Tre”/);
    expect(reviews).toMatch(/^1\. Thi đua chào mừng đại hội chu-nhat-xanh · /m);
    await c.say('1', /gửi tệp báo cáo/);
    await c.say('hủy', /Đã hủy/);

    // A report with a photo from a member of the unit.
    const { member } = await person('Tâm', 'Nguyễn Văn Tâm');
    const fileId = await s.evidenceFiles.save({ channel: 'ZALO', mimeType: 'image/jpeg', content: TINY_JPEG });
    const report = await reportWith(member.id, [{ channel: 'ZALO', kind: 'PHOTO', fileId, mimeType: 'image/jpeg', size: TINY_JPEG.length, note: 'Ảnh công trình' }]);
    const reports = await c.say('minh chứng', /Chọn báo cáo cần xem minh chứng/);
    const n = numberOf(reports, `#${report.id} Nguyễn Văn Tâm`);
    const before = zalo.sentTo(officerUser.id).length;
    await c.say(n, new RegExp(`Minh chứng của báo cáo #${report.id} — Nguyễn Văn Tâm`));
    const photo = await photoSent(zalo, officerUser.id, before);
    expect(photo.caption).toBe('Ảnh công trình');
    expect(photo.photoBytes!.equals(TINY_JPEG)).toBe(true);

    // A member: refused for each, nothing listed.
    const { user: memberUser } = await person('Mai', 'Trần Thị Mai');
    const m = chat(zalo, memberUser);
    for (const word of ['nhắc', 'minh chứng']) expect(await m.say(word, /không có quyền/)).not.toMatch(/^1\. /m);
    // «nộp báo cáo» from a member means their own progress report: not refused.
    expect(await m.say('nộp báo cáo', /kỳ báo cáo|Chọn nội dung cần báo cáo|chưa có phong trào nào đang mở/)).not.toMatch(/không có quyền/);
  }, 60_000);

  it('a photo Telegram keeps is fetched from Telegram (getFile), kept, and shown on Zalo by its signed link; one Telegram will not give is explained', async () => {
    const s = h.app.services;
    const { user: officerUser } = await person('Quang', 'Phạm Văn Quang', 'OFFICER', 'BENTRE');
    const { member } = await person('Thu', 'Võ Thị Thu');
    const sent = h.fake.registerFile('photo', { fileSize: TINY_JPEG.length, extension: 'jpg', content: TINY_JPEG });
    const report = await reportWith(member.id, [
      { channel: 'TELEGRAM', kind: 'PHOTO', fileId: sent.file_id, fileUniqueId: sent.file_unique_id, note: 'Ảnh từ Telegram' },
      { channel: 'TELEGRAM', kind: 'PHOTO', fileId: 'AgACAgIAAxkBAAIgone', fileName: 'anh-cu.jpg' },
    ]);
    const c = chat(zalo, officerUser);
    const before = zalo.sentTo(officerUser.id).length;
    const text = await c.say(`minh chứng ${report.id}`, /Không tải được tệp “anh-cu\.jpg” từ Telegram/);
    expect(text).toContain(`/evidence ${report.id}`);
    const photo = await photoSent(zalo, officerUser.id, before);
    expect(photo.caption).toBe('Ảnh từ Telegram');
    expect(photo.photoBytes!.equals(TINY_JPEG)).toBe(true);
    // Kept: the attachment now names the stored copy, which both channels read from then on.
    const kept = await s.prisma.attachment.findUniqueOrThrow({ where: { id: report.attachments[0]!.id } });
    expect(kept.fileId).toMatch(/^evidence_file:\d+$/);
    expect(Buffer.from((await s.evidenceFiles.read(kept.fileId))!.content).equals(TINY_JPEG)).toBe(true);
    const getFiles = h.fake.calls.filter((x) => x.method === 'getFile').length;
    await c.say(`minh chứng ${report.id}`, /Minh chứng của báo cáo/);
    await c.say('menu', /Gửi một trong các từ sau/);
    expect(h.fake.calls.filter((x) => x.method === 'getFile').length - getFiles).toBe(1);
  }, 60_000);

  it('administration by words: units, add unit, invite code, move a member, audit, grant; a member is refused and audited', async () => {
    const s = h.app.services;
    const { user: adminUser } = await person('Sơn', 'Trần Văn Sơn', 'ADMIN', 'BENTRE');
    const a = chat(zalo, adminUser);
    const tree = await a.say('danh sách đơn vị', /Sơ đồ đơn vị/);
    expect(tree).toContain('• UBND tỉnh Bến Tre BENTRE');
    // Each unit with its joining policy (the test's units are open to the picker).
    expect(tree).toMatch(/^ {2}• Xã Đồng Khởi DONGKHOI · 🔓 ai cũng tự chọn được$/m);

    expect(await a.say('thêm đơn vị', /Cách gửi: thêm đơn vị MÃ \| Tên đơn vị/)).toBeTruthy();
    const added = await a.say('thêm đơn vị XA_B | Xã Bình Thành | BENTRE', /Đã thêm đơn vị Xã Bình Thành \(mã XA_B\)/);
    expect(added).toContain('Chế độ tham gia: 🔑 chỉ vào bằng mã mời');
    const xaB = (await s.units.byCode('XA_B'))!;
    expect(xaB.parentId).toBe((await s.units.byCode('BENTRE'))!.id);

    const invite = await a.say('mã mời XA_B', /Mã mời vào Xã Bình Thành/);
    expect(invite).toContain(`Mã mời vào Xã Bình Thành: ${xaB.inviteCode}`);
    expect(invite).not.toContain('t.me/');

    const { member: thao, user: thaoUser } = await person('Thảo', 'Lý Thị Thảo');
    const moving = await a.say('chuyển đơn vị XA_B | ly thi thao', /Chọn người cần chuyển sang Xã Bình Thành/);
    expect(moving).toMatch(/^1\. Lý Thị Thảo · Xã Đồng Khởi → Xã Bình Thành$/m);
    await a.say('1', /Đã chuyển Lý Thị Thảo từ “Xã Đồng Khởi” sang Xã Bình Thành/);
    expect((await s.members.byId(thao.id))!.unitId).toBe(xaB.id);

    await a.say('cấp quyền Lý Thị Thảo', /Chọn người cần/);
    await a.say('1', /✔ Xác nhận/);
    await a.say('1', /Đã cấp quyền cán bộ phụ trách thi đua cho Lý Thị Thảo/);
    expect((await s.members.byId(thao.id))!.role).toBe('OFFICER');

    const audit = await a.say('nhật ký', /Nhật ký gần đây/);
    expect(audit).toMatch(/Trần Văn Sơn thêm đơn vị Xã Bình Thành — \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    expect(audit).toMatch(/Trần Văn Sơn chuyển đơn vị cho Lý Thị Thảo — /);

    // A member: each word refused, the refusal audited, nothing changed.
    const { user: memberUser } = await person('Phúc', 'Đinh Văn Phúc');
    const m = chat(zalo, memberUser);
    for (const word of ['danh sách đơn vị', 'nhật ký', 'cấp quyền Lý Thị Thảo', 'thêm đơn vị XA_C | Xã C', 'mã mời']) await m.say(word, /không có quyền/);
    expect(await s.units.byCode('XA_C')).toBeNull();
    const refused = await s.audit.recent({ action: 'audit.view' });
    expect(refused.some((r) => r.outcome === 'REFUSED' && r.actorRef?.includes(memberUser.id))).toBe(true);
    // The new officer, moved to Xã Bình Thành, gets that unit's code without naming it.
    expect(await chat(zalo, thaoUser).say('ma moi', /Mã mời vào Xã Bình Thành/)).toContain(xaB.inviteCode);
  }, 60_000);

  it('a file sent on Zalo: an officer is told campaign files go on Telegram or through «tạo phong trào»; a member only that files cannot be read', async () => {
    const { user: officerUser } = await person('Long', 'Hồ Văn Long', 'OFFICER', 'BENTRE');
    const c = chat(zalo, officerUser);
    let before = zalo.sentTo(officerUser.id).length;
    zalo.userSendsFile(officerUser, 'he-xanh.yaml');
    const told = await c.waitFor(before, /Zalo không gửi được tệp cho bot/, 10_000);
    expect(told).toContain('/importcampaign');
    expect(told).toContain('«tạo phong trào»');
    expect(await c.say('nhập phong trào', /Zalo không gửi được tệp cho bot/)).toContain('«tạo phong trào»');
    // The wizard it names is there.
    await c.say('tạo phong trào', /phong trào/);
    await c.say('hủy', /Đã hủy/);

    const { user: memberUser } = await person('Vy', 'Lâm Thị Vy');
    before = zalo.sentTo(memberUser.id).length;
    zalo.userSendsFile(memberUser);
    const answer = await chat(zalo, memberUser).waitFor(before, /chỉ đọc được tin nhắn chữ và ảnh/, 10_000);
    expect(answer).not.toContain('Zalo không gửi được tệp');
  }, 30_000);

  it('«trợ giúp» names the officers\' management words and, for an admin, the administration words', async () => {
    const { user } = await person('Hùng', 'Mai Văn Hùng', 'ADMIN', 'BENTRE');
    const help = await chat(zalo, user).say('trợ giúp', /Quản trị viên gửi thêm/);
    for (const w of ['«sửa phong trào [mã]»', '«thông báo [mã]»', '«kết thúc phong trào [mã]»', '«nhắc»', '«minh chứng»', '«danh sách đơn vị»', '«cấp quyền [họ tên]»', '«nhật ký»']) expect(help).toContain(w);
  }, 30_000);
});
