/**
 * Officers' everyday work (issue 12 #11–13), on Telegram and Zalo through the whole bot: a nudge
 * shows who it will remind before anything is queued; an announcement carries the signed plan as a
 * PDF (a Telegram member gets the document, a Zalo member a download link) or a photo; /audit reads
 * as sentences with names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { FakeZalo, type ZaloUser } from '../support/fake-zalo.js';
import { freePort } from '../support/redis-server.js';
import type { SimulatedUser } from '../support/simulated-user.js';
import { draft, member } from '../support/reminder-fixtures.js';
import { zaloChat } from '../support/zalo-chat.js';

const ADMIN_ID = 770_001;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(30_000, 7), Buffer.from('\n%%EOF')]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("officers' everyday work on Telegram and Zalo", () => {
  let h: Harness;
  let zalo: FakeZalo;
  let admin: SimulatedUser;
  let officer: SimulatedUser;
  let tgMember: SimulatedUser;
  let zaloMember: ZaloUser;
  let zaloOfficer: ZaloUser;
  let campaignId: number;
  let milestoneId: number;

  /** A joined member on `channel`, named, in unit `code`. */
  async function joined(channel: 'TELEGRAM' | 'ZALO', externalId: string, name: string, code: string, role?: 'OFFICER') {
    const unit = (await h.app.services.units.byCode(code))!;
    const m = await h.app.services.members.touch({ channel, externalId, firstName: name });
    await h.app.services.members.setUnit(m.id, unit.id);
    const named = await h.app.services.members.setName(m.id, name);
    if (role) await h.app.services.members.setRole(m.id, role);
    return named;
  }

  /** /announce on Telegram up to the file step: the campaign picked from the list, the text typed. */
  async function announceText(text: string) {
    officer.send('/announce');
    const list = await officer.waitFor(/Gửi thông báo bổ sung cho phong trào nào/);
    officer.press('1. Thi đua chào mừng Đại hội', { inMessage: list });
    await officer.waitFor(/Gõ nội dung thông báo bổ sung/);
    officer.send(text);
    await officer.waitFor(/Gửi kèm tệp hoặc ảnh/);
  }

  beforeAll(async () => {
    zalo = await FakeZalo.start({ maxPollMs: 200, fetchPhotos: true });
    const publicUrl = `http://127.0.0.1:${await freePort()}`;
    h = await startHarness({
      storage: 'postgres',
      redis: true,
      adminIds: [ADMIN_ID],
      env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ZALO_RATE: '200', PORT: publicUrl.split(':').at(-1)!, PUBLIC_URL: publicUrl },
    });
    await seedUnits(h.app, [
      { code: 'TINH', name: 'UBND tỉnh Bến Tre' },
      { code: 'HUYEN', name: 'Huyện Giồng Trôm', parent: 'TINH' },
      { code: 'XA', name: 'Xã Đồng Khởi', parent: 'TINH' },
    ]);
    admin = h.fake.user({ id: ADMIN_ID, firstName: 'Quản trị' });
    await joined('TELEGRAM', String(ADMIN_ID), 'Lê Văn An', 'TINH');
    officer = h.fake.user({ firstName: 'Hạnh' });
    await joined('TELEGRAM', String(officer.id), 'Trần Thị Hạnh', 'TINH', 'OFFICER');
    tgMember = h.fake.user({ firstName: 'Bình' });
    await joined('TELEGRAM', String(tgMember.id), 'Võ Thị Bình', 'HUYEN');
    zaloMember = zalo.user('Cường');
    await joined('ZALO', zaloMember.id, 'Phạm Văn Cường', 'XA');
    zaloOfficer = zalo.user('Dũng');
    await joined('ZALO', zaloOfficer.id, 'Đỗ Văn Dũng', 'TINH', 'OFFICER');
    for (const [i, name] of ['Ngô Thị Em', 'Huỳnh Văn Phát'].entries()) await joined('TELEGRAM', String(h.fake.user({ firstName: name }).id), name, i === 0 ? 'HUYEN' : 'XA');

    // A campaign drafted and launched by the officer through the service (the launch is audited).
    const now = new Date();
    const period = { units: ['HUYEN', 'XA'], startsAt: new Date(now.getTime() - 86_400_000), endsAt: new Date(now.getTime() + 60 * 86_400_000) };
    const d = draft('ke-hoach-2026', 'Thi đua chào mừng Đại hội', [{ kind: 'REGISTRATION', dueAt: new Date(now.getTime() + 86_400_000), remindOffsets: [] }], period);
    const tinh = (await h.app.services.units.byCode('TINH'))!;
    const created = await h.app.services.campaigns.createFromDraft(d, { ownerUnitId: tinh.id });
    if (!created.ok) throw new Error(JSON.stringify(created));
    campaignId = created.campaign.id;
    milestoneId = (await h.app.services.prisma.milestone.findFirstOrThrow({ where: { campaignId } })).id;
    const officerRow = (await h.app.services.members.byIdentity('TELEGRAM', String(officer.id)))!;
    const launched = await h.app.services.campaigns.launch({ campaignId, actor: { id: officerRow.id }, progressChatId: null });
    expect(launched.ok).toBe(true);
    // Everyone has the launch announcement before the stories start.
    await tgMember.waitFor(/Thi đua chào mừng Đại hội/, { timeoutMs: 20_000 });
    await zalo.waitForSent(zaloMember.id, 1, 20_000);
  }, 90_000);
  afterAll(async () => {
    await h?.close();
    await zalo?.close();
  });

  it('previews a nudge on Telegram with the names per unit and counts, sends nothing before confirm, then one reminder each', async () => {
    officer.send('/nudge');
    const milestones = await officer.waitFor(/Chọn mốc cần nhắc/);
    officer.press(/Thi đua chào mừng Đại hội · đăng ký thi đua/, { inMessage: milestones });
    const preview = await officer.waitFor(/Xem trước lời nhắc/);
    expect(preview.text).toContain('Sẽ nhắc 4 người chưa thực hiện ở 2 đơn vị');
    expect(preview.text).toContain('Huyện Giồng Trôm (2 người)\n• Ngô Thị Em\n• Võ Thị Bình');
    expect(preview.text).toContain('Xã Đồng Khởi (2 người)\n• Huỳnh Văn Phát\n• Phạm Văn Cường');
    const ask = await officer.waitFor(/Gửi lời nhắc tới 4 người ở 2 đơn vị\?/);
    await sleep(300);
    const nudges = () => h.app.services.prisma.delivery.count({ where: { dedupeKey: { startsWith: `nudge:${milestoneId}:` } } });
    expect(await nudges()).toBe(0);
    officer.press('🔔 Gửi nhắc (4 người)', { inMessage: ask });
    await officer.waitFor(/Đã gửi lời nhắc tới 4 người/);
    expect((await tgMember.waitFor(/nhắc lại/)).text).toContain('Thi đua chào mừng Đại hội');
    const before = zalo.sentTo(zaloMember.id).length;
    await zalo.waitForSent(zaloMember.id, before, 10_000);
    await sleep(500);
    expect(tgMember.messages.filter((m) => /nhắc lại/.test(m.text ?? ''))).toHaveLength(1);
    expect(zalo.textsTo(zaloMember.id).filter((t) => /nhắc lại/.test(t))).toHaveLength(1);
    expect(await nudges()).toBe(4);
  });

  it('sends an announcement with the signed PDF: a document on Telegram, a download link on Zalo', async () => {
    await announceText('Kế hoạch đã ký, đề nghị các đơn vị triển khai.');
    officer.sendDocument({ fileName: 'ke-hoach-da-ky.pdf', mimeType: 'application/pdf', content: PDF });
    const preview = await officer.waitFor(/Xác nhận gửi\?/);
    expect(preview.text).toContain('📎 Kèm tệp: ke-hoach-da-ky.pdf');
    expect(preview.text).toContain('Kế hoạch đã ký, đề nghị các đơn vị triển khai.');
    const zaloBefore = zalo.sentTo(zaloMember.id).length;
    officer.press('✔ Gửi thông báo', { inMessage: preview });
    await officer.waitFor(/Đang gửi thông báo tới/);

    const doc = await tgMember.waitForDocument({ timeoutMs: 20_000 });
    expect(doc.document.file_name).toBe('ke-hoach-da-ky.pdf');
    expect(doc.caption).toMatch(/^📢 Thông báo bổ sung[\s\S]*Kế hoạch đã ký, đề nghị các đơn vị triển khai\./);
    expect(tgMember.buttons(doc)).toContain('📋 Xem phong trào');

    const text = await zaloChat(zalo, zaloMember).waitFor(zaloBefore, /Tệp đính kèm/, 20_000);
    expect(text).toContain('Kế hoạch đã ký, đề nghị các đơn vị triển khai.');
    const url = /Tệp đính kèm «ke-hoach-da-ky\.pdf»: (\S+)/.exec(text)?.[1];
    expect(url, text).toBeDefined();
    const res = await fetch(url!);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
  }, 60_000);

  it('sends a long announcement with a photo: the text after the photo on Telegram (captions stop at 1,024), the photo by URL on Zalo', async () => {
    const long = `Hướng dẫn chi tiết. ${'Các đơn vị tổ chức ra quân, báo cáo kết quả đúng hạn. '.repeat(30)}`;
    expect(long.length).toBeGreaterThan(1024);
    await announceText(long);
    officer.sendPhoto({ fileSize: 40_000 });
    const preview = await officer.waitFor(/Xác nhận gửi\?/);
    expect(preview.text).toContain('🖼 Kèm ảnh: ảnh');
    const zaloBefore = zalo.sentTo(zaloMember.id).length;
    officer.press('✔ Gửi thông báo', { inMessage: preview });
    await officer.waitFor(/Đang gửi thông báo tới/);

    const text = await tgMember.waitFor(/Hướng dẫn chi tiết/, { timeoutMs: 20_000 });
    const photo = tgMember.messages.filter((m) => m.photo !== undefined).at(-1);
    expect(photo).toBeDefined();
    expect(photo!.caption).toBeUndefined();
    expect(photo!.message_id).toBeLessThan(text.message_id);

    await zalo.waitForSent(zaloMember.id, zaloBefore + 2, 20_000);
    const sent = zalo.sentTo(zaloMember.id).slice(zaloBefore);
    const zaloPhoto = sent.find((m) => m.method === 'sendPhoto');
    expect(zaloPhoto?.photoBytes?.length).toBeGreaterThan(0);
    const stored = await h.app.services.prisma.evidenceFile.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(zaloPhoto!.photoBytes!.equals(Buffer.from(stored.content))).toBe(true);
    expect(sent.map((m) => m.text ?? '').join('')).toContain('Hướng dẫn chi tiết');
  }, 60_000);

  it('refuses a file type the evidence rules refuse and keeps waiting for a file, «bỏ qua» sends without one', async () => {
    await announceText('Thông báo không kèm tệp.');
    officer.sendDocument({ fileName: 'virus.exe', mimeType: 'application/octet-stream', content: Buffer.from('MZ') });
    await officer.waitFor(/Tệp “virus.exe” không đúng định dạng/);
    officer.send('bỏ qua');
    const preview = await officer.waitFor(/Xác nhận gửi\?/);
    expect(preview.text).not.toContain('Kèm tệp');
    officer.send('/cancel');
    await officer.waitFor(/Đã hủy/);
  });

  it('shows /audit as sentences with names: a grant, a launch and a refusal', async () => {
    admin.send('/grant vo thi binh');
    await admin.waitFor(/Chọn người cần/);
    admin.press('Võ Thị Bình · Huyện Giồng Trôm');
    await admin.waitFor(/Cấp quyền cán bộ phụ trách thi đua cho Võ Thị Bình/);
    admin.press('✔ Xác nhận');
    await admin.waitFor(/Đã cấp quyền cán bộ phụ trách thi đua cho Võ Thị Bình/);
    // A member asking for the log is refused (and the refusal audited).
    tgMember.send('/audit');
    await tgMember.waitFor(/không có quyền/);
    admin.send('/audit');
    const log = await admin.waitFor(/Nhật ký gần đây/);
    const time = String.raw`— \d{2}:\d{2} \d{2}/\d{2}/\d{4}`;
    expect(log.text).toMatch(new RegExp(`Lê Văn An cấp quyền cán bộ cho Võ Thị Bình ${time}`));
    expect(log.text).toMatch(new RegExp(`Trần Thị Hạnh phát động phong trào “Thi đua chào mừng Đại hội” ${time}`));
    expect(log.text).toMatch(new RegExp(`Võ Thị Bình xem nhật ký bị từ chối: không có quyền ${time}`));
    expect(log.text).toMatch(/Trần Thị Hạnh nhắc những người chưa thực hiện đăng ký thi đua — phong trào “Thi đua chào mừng Đại hội”/);
    expect(log.text).not.toMatch(/member:\d|campaign:\d|tg:\d/);
  });

  it('previews a nudge on Zalo by words, in parts of at most 2,000 characters, and queues nothing until «1»', async () => {
    const chat = zaloChat(zalo, zaloOfficer);
    // Today's nudges were sent by the Telegram officer: the service sends none twice a day, so the
    // deliveries of this milestone are cleared to watch this nudge alone.
    await h.app.services.prisma.delivery.deleteMany({ where: { dedupeKey: { startsWith: `nudge:${milestoneId}:` } } });
    const preview = await chat.say(`nhắc ${milestoneId}`, /Gửi lời nhắc tới 4 người ở 2 đơn vị\?/);
    expect(preview).toContain('Xem trước lời nhắc');
    expect(preview).toMatch(/Huyện Giồng Trôm \(2 người\)\n• Ngô Thị Em\n• Võ Thị Bình/);
    expect(preview).toMatch(/Xã Đồng Khởi \(2 người\)\n• Huỳnh Văn Phát\n• Phạm Văn Cường/);
    expect(preview).toMatch(/1\. 🔔 Gửi nhắc \(4 người\)/);
    for (const m of zalo.sentTo(zaloOfficer.id)) expect((m.text ?? '').length).toBeLessThanOrEqual(2000);
    await sleep(300);
    const nudges = () => h.app.services.prisma.delivery.count({ where: { dedupeKey: { startsWith: `nudge:${milestoneId}:` } } });
    expect(await nudges()).toBe(0);
    await chat.say('1', /Đã gửi lời nhắc tới 4 người/);
    expect(await nudges()).toBe(4);
  }, 30_000);

  it('lets a Zalo officer announce with a photo, which a Telegram member receives as a photo with the text as caption', async () => {
    const chat = zaloChat(zalo, zaloOfficer);
    // One campaign running: «thông báo» opens it directly.
    await chat.say('thông báo', /Gõ nội dung thông báo bổ sung/);
    await chat.say('Ảnh lễ ra quân.', /Gửi kèm ảnh[\s\S]*chỉ gửi được qua Telegram/);
    const preview = await chat.photo(undefined, /Xác nhận gửi\?/);
    expect(preview).toContain('🖼 Kèm ảnh: ảnh');
    const before = tgMember.messages.length;
    await chat.say('1', /Đang gửi thông báo tới/);
    const photo = await tgMember.waitFor(/Ảnh lễ ra quân\./, { timeoutMs: 20_000 });
    expect(tgMember.messages.length).toBeGreaterThan(before);
    expect(photo.photo).toBeDefined();
    expect(photo.caption).toMatch(/^📢 Thông báo bổ sung[\s\S]*Ảnh lễ ra quân\./);
  }, 30_000);

  it('shows the audit log as the same sentences on Zalo («nhật ký»)', async () => {
    const zaloAdmin = zalo.user('Giang');
    const row = await joined('ZALO', zaloAdmin.id, 'Lý Thị Giang', 'TINH');
    await h.app.services.members.setRole(row.id, 'ADMIN');
    const log = await zaloChat(zalo, zaloAdmin).say('nhật ký', /Nhật ký gần đây/);
    const time = String.raw`— \d{2}:\d{2} \d{2}/\d{2}/\d{4}`;
    expect(log).toMatch(new RegExp(`Lê Văn An cấp quyền cán bộ cho Võ Thị Bình ${time}`));
    expect(log).toMatch(new RegExp(`Trần Thị Hạnh phát động phong trào “Thi đua chào mừng Đại hội” ${time}`));
    expect(log).toMatch(new RegExp(`Võ Thị Bình xem nhật ký bị từ chối: không có quyền ${time}`));
    expect(log).toMatch(/Đỗ Văn Dũng gửi thông báo bổ sung của phong trào “Thi đua chào mừng Đại hội”/);
    expect(log).not.toMatch(/<b>|member:\d|campaign:\d/);
  }, 30_000);

  it('pages a long nudge preview to each channel\'s limit (Telegram 4,096, Zalo 2,000), every name kept', async () => {
    const xa = (await h.app.services.units.byCode('XA'))!;
    const names = Array.from({ length: 260 }, (_, i) => `Thành viên số ${String(i + 1).padStart(3, '0')}`);
    for (const [i, name] of names.entries()) await member(h.app.services.prisma, 990_000 + i, name, xa.id);

    officer.send('/nudge');
    const milestones = await officer.waitFor(/Chọn mốc cần nhắc/);
    const since = officer.messages.length;
    officer.press(/Thi đua chào mừng Đại hội · đăng ký thi đua/, { inMessage: milestones });
    await officer.waitFor(/Gửi lời nhắc tới \d+ người ở 2 đơn vị\?/);
    const parts = officer.messages.slice(since).filter((m) => /Thành viên số|Xem trước lời nhắc/.test(m.text ?? ''));
    const tgText = parts.map((m) => m.text ?? '').join('\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const m of parts) expect((m.text ?? '').length).toBeLessThanOrEqual(4096);
    for (const name of names) expect(tgText).toContain(`• ${name}`);
    officer.send('/cancel');

    const chat = zaloChat(zalo, zaloOfficer);
    const before = zalo.sentTo(zaloOfficer.id).length;
    const text = await chat.say(`nhắc ${milestoneId}`, /Gửi lời nhắc tới \d+ người ở 2 đơn vị\?/);
    const sent = zalo.sentTo(zaloOfficer.id).slice(before);
    expect(sent.length).toBeGreaterThan(2);
    for (const m of sent) expect((m.text ?? '').length).toBeLessThanOrEqual(2000);
    for (const name of names) expect(text).toContain(`• ${name}`);
    await chat.say('hủy', /hủy/i);
  }, 60_000);
});
