/**
 * Issue 12, items 1, 2 and 4, through the real app (PostgreSQL, Redis) on both channels: an officer
 * writes a seed-like themed drive («chào mừng đại hội») entirely in the /newcampaign wizard — code
 * cut at a word boundary, issuer, kind, description, Bằng khen of the issuer and a custom honour,
 * a target, a quarterly report series, reminder offsets in the three spellings people use, an end
 * date equal to the start refused, Back keeping a value — and launches it; then edits one content
 * line and one milestone of a draft from the chat. On Zalo, the same wizard by numbers and words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { zaloChat as chat } from '../support/zalo-chat.js';
import type { SimulatedUser } from '../support/simulated-user.js';
import { encodeCallback } from '../../src/channels/telegram/callback-data.js';

const UNITS = [
  { code: 'HAUGIANG', name: 'UBND tỉnh Hậu Giang' },
  { code: 'VITHANH', name: 'Thành phố Vị Thanh', parent: 'HAUGIANG' },
];

/** ISO instants of a campaign's milestones of one kind, in order. */
const dues = (c: { milestones: Array<{ kind: string; dueAt: Date }> }, kind: string) => c.milestones.filter((m) => m.kind === kind).map((m) => m.dueAt.toISOString());

describe('campaign authoring and draft editing in chat (issue 12)', () => {
  let zalo: FakeZalo;
  let h: Harness;
  let officer: SimulatedUser;

  beforeAll(async () => {
    zalo = await FakeZalo.start({ maxPollMs: 200 });
    h = await startHarness({ storage: 'postgres', redis: true, env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ZALO_RATE: '200' } });
    await seedUnits(h.app, UNITS);
    officer = h.fake.user({ firstName: 'Hạnh', lastName: 'Lê Thị' });
    const unit = (await h.app.services.units.byCode('HAUGIANG'))!;
    const m = await h.app.services.members.touch({ channel: 'TELEGRAM', externalId: String(officer.id), firstName: 'Hạnh', languageCode: 'vi' });
    await h.app.services.members.setUnit(m.id, unit.id);
    await h.app.services.members.setName(m.id, 'Lê Thị Hạnh');
    await h.app.services.members.setRole(m.id, 'OFFICER');
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await zalo?.close();
  });

  it('writes a themed drive like the seeds entirely in the wizard on Telegram and launches it', async () => {
    officer.send('/newcampaign');
    await officer.waitFor(/Bước 1\/13 — Tên phong trào/);
    officer.send('Đợt thi đua đặc biệt lập thành tích chào mừng đại hội đảng bộ các cấp nhiệm kỳ 2025-2030');
    // The code from the title: whole words only, shown to confirm.
    const code = await officer.waitFor(/Bước 2\/13/);
    expect(code.text).toContain('Mã phong trào (dùng trong đường dẫn đăng ký): dot-thi-dua-dac-biet-lap-thanh.');
    officer.press('✔ Dùng mã này');
    await officer.waitFor(/Bước 3\/13 — Cơ quan phát động/);
    officer.send('UBND tỉnh Hậu Giang');
    await officer.waitFor(/Bước 4\/13 — Loại phong trào/);
    officer.press('1. Theo chuyên đề, theo đợt');
    await officer.waitFor(/Bước 5\/13 — Khẩu hiệu/);
    officer.send('Thi đua đoàn kết, đổi mới, sáng tạo thực hiện hoàn thành toàn diện nghị quyết đại hội');
    await officer.waitFor(/Bước 6\/13 — Mô tả/);
    officer.send('Động viên cán bộ, công chức, viên chức và nhân dân hoàn thành các chỉ tiêu Nghị quyết.');
    await officer.waitFor(/Bước 7\/13 — Ngày bắt đầu/);
    officer.send('01/07/2027');
    await officer.waitFor(/Bước 8\/13 — Ngày kết thúc/);
    // An end date equal to the start is refused, as the question says ("phải sau ngày bắt đầu").
    officer.send('01/07/2027');
    await officer.waitFor('Ngày kết thúc phải sau ngày bắt đầu (01/07/2027). Vui lòng gõ lại.');
    officer.send('30/06/2028');
    await officer.waitFor(/Bước 9\/13/);
    // Back shows the end date entered before and keeps it with one press.
    officer.press('‹ Quay lại');
    const back = await officer.waitFor(/Bước 8\/13/);
    expect(back.text).toContain('Đã nhập: “30/06/2028”');
    officer.press('✔ Giữ “30/06/2028”');
    const titles = await officer.waitFor(/Bước 9\/13 — Phong trào xét những danh hiệu/);
    expect(titles.text).toBeDefined();
    officer.send('1 2 5 6');
    await officer.waitFor(/Đã chọn 4/);
    officer.press(/^▫️ 11\. Bằng khen của UBND tỉnh Hậu Giang \(cá nhân\)$/);
    await officer.waitFor(/Đã chọn 5/);
    officer.send('12');
    await officer.waitFor(/Đã chọn 6/);
    officer.press('➕ Danh hiệu khác');
    await officer.waitFor(/Gõ tên danh hiệu/);
    officer.send('Gương điển hình chào mừng đại hội');
    await officer.waitFor(/xét cho cá nhân hay tập thể/);
    officer.press('1. cá nhân');
    await officer.waitFor(/Đã chọn 7/);
    officer.press('✔ Xong');
    await officer.waitFor(/Bước 10\/13 — Gõ nội dung thi đua thứ 1/);
    officer.send('Hoàn thành toàn diện, vượt mức chỉ tiêu Nghị quyết Đại hội Đảng bộ tỉnh');
    await officer.waitFor(/ghi nhận theo hình thức nào/);
    officer.press('3. Mô tả bằng lời');
    await officer.waitFor(/nội dung thi đua thứ 2/);
    officer.send('Công trình, phần việc chào mừng đại hội');
    await officer.waitFor(/ghi nhận theo hình thức nào/);
    officer.press('1. Số lượng');
    await officer.waitFor(/Đơn vị tính/);
    officer.send('công trình');
    await officer.waitFor(/Chỉ tiêu của “Công trình, phần việc chào mừng đại hội” là bao nhiêu \(công trình\)/);
    officer.send('mười hai');
    await officer.waitFor(/“mười hai” không phải số hợp lệ/);
    officer.send('12');
    const third = await officer.waitFor(/nội dung thi đua thứ 3/);
    expect(third.text).toContain('2. Công trình, phần việc chào mừng đại hội (công trình) — chỉ tiêu 12 · Số lượng');
    officer.press('✔ Xong');
    await officer.waitFor(/Bước 11\/13 — Hạn của mốc “Đăng ký thi đua”/);
    officer.send('31/07/2027 17:00');
    await officer.waitFor(/Nhắc trước hạn/);
    // Offsets as people write them: words with commas…
    officer.send('7 ngày, 2 ngày, 4 giờ');
    await officer.waitFor(/Các mốc đã có \(1\)/);
    officer.press('1. Báo cáo tiến độ');
    await officer.waitFor(/Tên mốc “Báo cáo tiến độ”/);
    officer.press('Bỏ qua');
    await officer.waitFor(/Hạn của mốc “Báo cáo tiến độ”/);
    officer.send('30/09/2027 17:00');
    await officer.waitFor(/Mốc này có lặp lại không/);
    officer.press('3. Hằng quý');
    await officer.waitFor(/Lặp hằng quý đến ngày nào/);
    officer.send('31/03/2028');
    await officer.waitFor(/Nhắc trước hạn/);
    // …the compact letters…
    officer.send('7d 2d 4h');
    const series = await officer.waitFor(/Các mốc đã có \(2\)/);
    expect(series.text).toContain('2. Báo cáo tiến độ — Hằng quý, 3 lần: 17:00 30/09/2027, 17:00 31/12/2027, 17:00 31/03/2028 · nhắc trước: 7d 2d 4h');
    officer.press('3. Tổng kết');
    await officer.waitFor(/Tên mốc “Tổng kết”/);
    officer.send('Tổng kết đợt thi đua');
    await officer.waitFor(/Hạn của mốc “Tổng kết đợt thi đua”/);
    officer.send('15/06/2028 17:00');
    await officer.waitFor(/Mốc này có lặp lại không/);
    officer.press('1. Không lặp lại');
    await officer.waitFor(/Nhắc trước hạn/);
    // …and a week in words.
    officer.send('1 tuần');
    const list = await officer.waitFor(/Các mốc đã có \(3\)/);
    expect(list.text).toContain('1. Đăng ký thi đua — 17:00 31/07/2027 · nhắc trước: 7d 2d 4h');
    expect(list.text).toContain('3. Tổng kết đợt thi đua — 17:00 15/06/2028 · nhắc trước: 7d');
    officer.press('✔ Xong');
    await officer.waitFor(/Bước 12\/13 — Phong trào dành cho ai/);
    officer.press('1. Toàn đơn vị của tôi (mặc định)');
    const preview = await officer.waitFor(/Bước 13\/13/);
    expect(preview.text).toContain('Cơ quan phát động: UBND tỉnh Hậu Giang');
    expect(preview.text).toContain('Loại phong trào: Theo chuyên đề, theo đợt');
    expect(preview.text).toContain('Bằng khen của UBND tỉnh Hậu Giang');
    expect(preview.text).toContain('Gương điển hình chào mừng đại hội');
    officer.press('💾 Lưu dự thảo');
    await officer.waitFor(/Đã lưu dự thảo/);
    officer.press('📋 Mở phong trào');
    await officer.waitFor(/Dự thảo · mã dot-thi-dua-dac-biet-lap-thanh/);
    officer.press('🚀 Phát động');
    await officer.waitFor(/Sẽ gửi tới 1 người nhận/);
    officer.press('✔ Xác nhận phát động');
    await officer.waitFor(/Đã phát động/);

    const c = (await h.app.services.campaigns.byCode('dot-thi-dua-dac-biet-lap-thanh'))!;
    expect(c).toMatchObject({
      status: 'LAUNCHED',
      title: 'Đợt thi đua đặc biệt lập thành tích chào mừng đại hội đảng bộ các cấp nhiệm kỳ 2025-2030',
      issuer: 'UBND tỉnh Hậu Giang',
      kind: 'THEMATIC',
      slogan: 'Thi đua đoàn kết, đổi mới, sáng tạo thực hiện hoàn thành toàn diện nghị quyết đại hội',
      description: 'Động viên cán bộ, công chức, viên chức và nhân dân hoàn thành các chỉ tiêu Nghị quyết.',
    });
    // The period in Vietnam time: 00:00 01/07/2027 to the end of 30/06/2028.
    expect(c.startsAt.toISOString()).toBe('2027-06-30T17:00:00.000Z');
    expect(c.endsAt.toISOString()).toBe('2028-06-30T16:59:59.999Z');
    expect(c.titles.map((t) => [t.code, t.scope, t.custom, t.name])).toEqual([
      ['LDTT', 'INDIVIDUAL', false, null],
      ['CSTDCS', 'INDIVIDUAL', false, null],
      ['TTLDTT', 'COLLECTIVE', false, null],
      ['TTLDXS', 'COLLECTIVE', false, null],
      ['BANG_KHEN_CN', 'INDIVIDUAL', true, 'Bằng khen của UBND tỉnh Hậu Giang'],
      ['BANG_KHEN_TT', 'COLLECTIVE', true, 'Bằng khen của UBND tỉnh Hậu Giang'],
      ['GUONG_DIEN_HINH_CHAO_MUNG_DAI_HOI', 'INDIVIDUAL', true, 'Gương điển hình chào mừng đại hội'],
    ]);
    expect(c.criteria.map((x) => [x.title, x.measure, x.unitOfMeasure, x.target?.toString() ?? null])).toEqual([
      ['Hoàn thành toàn diện, vượt mức chỉ tiêu Nghị quyết Đại hội Đảng bộ tỉnh', 'TEXT', null, null],
      ['Công trình, phần việc chào mừng đại hội', 'NUMBER', 'công trình', '12'],
    ]);
    // 17:00 in Asia/Ho_Chi_Minh is 10:00 UTC; the quarterly series keeps the month's last day.
    expect(dues(c, 'REGISTRATION')).toEqual(['2027-07-31T10:00:00.000Z']);
    expect(dues(c, 'PROGRESS_REPORT')).toEqual(['2027-09-30T10:00:00.000Z', '2027-12-31T10:00:00.000Z', '2028-03-31T10:00:00.000Z']);
    expect(dues(c, 'FINAL_REVIEW')).toEqual(['2028-06-15T10:00:00.000Z']);
    expect(c.milestones.map((m) => [m.kind, m.remindOffsets])).toEqual([
      ['REGISTRATION', [10080, 2880, 240]],
      ['PROGRESS_REPORT', [10080, 2880, 240]],
      ['PROGRESS_REPORT', [10080, 2880, 240]],
      ['PROGRESS_REPORT', [10080, 2880, 240]],
      ['FINAL_REVIEW', [10080]],
    ]);
    expect(new Set(c.milestones.filter((m) => m.kind === 'PROGRESS_REPORT').map((m) => m.series)).size).toBe(1);
    expect(c.milestones.find((m) => m.kind === 'FINAL_REVIEW')!.title).toBe('Tổng kết đợt thi đua');
  });

  it('edits one content line and one milestone of a draft from the chat, keeping the draft', async () => {
    const o = (await h.app.services.members.byIdentity('TELEGRAM', String(officer.id)))!;
    const yaml = `
code: sua-ban-nhap
title: Thi đua ra quân làm sạch môi trường
kind: REGULAR
starts: 01/01/2027
ends: 31/12/2027
titles: { individual: [LDTT], collective: [TTLDTT] }
criteria:
  - { code: K1, title: Tuyên truyền vệ sinh môi trường, measure: TEXT }
  - { code: K2, title: Số buổi ra quân, measure: NUMBER, unit: buổi, target: 10 }
milestones:
  - { kind: REGISTRATION, due: "31/01/2027 17:00" }
  - { kind: PROGRESS_REPORT, due: "31/03/2027 17:00", repeat: quarterly, until: 31/12/2027, remind: [3d] }
`;
    const saved = await h.app.services.campaigns.importFile({ text: yaml, format: 'yaml', actor: { id: o.id } });
    expect(saved.ok).toBe(true);
    const id = (await h.app.services.campaigns.byCode('sua-ban-nhap'))!.id;

    // One content line: its target.
    officer.pressData(encodeCallback('camp.edit', { campaignId: id }));
    await officer.waitFor(/Sửa mục nào của dự thảo/);
    officer.press('Một nội dung thi đua');
    await officer.waitFor(/Sửa nội dung thi đua nào/);
    officer.press('2. Số buổi ra quân (buổi)');
    await officer.waitFor(/Sửa gì ở “Số buổi ra quân \(buổi\)”/);
    officer.press('Chỉ tiêu');
    const target = await officer.waitFor(/Gõ chỉ tiêu mới/);
    expect(target.text).toContain('Hiện tại: “10”');
    officer.send('12');
    await officer.waitFor(/Đã lưu thay đổi/);
    let c = (await h.app.services.campaigns.byId(id))!;
    expect(c.criteria.map((x) => [x.title, x.unitOfMeasure, x.target?.toString() ?? null])).toEqual([
      ['Tuyên truyền vệ sinh môi trường', null, null],
      ['Số buổi ra quân', 'buổi', '12'],
    ]);

    // One milestone: the report series' first deadline (outside the period refused with the reason), then its reminders.
    officer.pressData(encodeCallback('camp.edit', { campaignId: id }));
    await officer.waitFor(/Sửa mục nào của dự thảo/);
    officer.press('Một mốc thời hạn');
    await officer.waitFor(/Sửa mốc thời hạn nào/);
    officer.press(/^2\. Báo cáo tiến độ/);
    await officer.waitFor(/Sửa gì ở/);
    officer.press('Hạn chót');
    const due = await officer.waitFor(/Gõ hạn chót mới/);
    expect(due.text).toContain('Hiện tại: “31/03/2027 17:00”');
    officer.send('15/01/2028 17:00');
    await officer.waitFor(/Chưa lưu được thay đổi này/);
    officer.send('30/04/2027 17:00');
    await officer.waitFor(/Đã lưu thay đổi/);
    c = (await h.app.services.campaigns.byId(id))!;
    expect(c.id).toBe(id);
    expect(dues(c, 'PROGRESS_REPORT')).toEqual(['2027-04-30T10:00:00.000Z', '2027-07-31T10:00:00.000Z', '2027-10-31T10:00:00.000Z']);
    expect(dues(c, 'REGISTRATION')).toEqual(['2027-01-31T10:00:00.000Z']);

    officer.pressData(encodeCallback('camp.edit', { campaignId: id }));
    await officer.waitFor(/Sửa mục nào của dự thảo/);
    officer.press('Một mốc thời hạn');
    await officer.waitFor(/Sửa mốc thời hạn nào/);
    officer.press(/^2\. Báo cáo tiến độ/);
    await officer.waitFor(/Sửa gì ở/);
    officer.press('Mốc nhắc hạn');
    await officer.waitFor(/Hiện tại: “3d”/);
    officer.send('1 tuần, 2 ngày');
    await officer.waitFor(/Đã lưu thay đổi/);
    c = (await h.app.services.campaigns.byId(id))!;
    expect(c.milestones.filter((m) => m.kind === 'PROGRESS_REPORT').map((m) => m.remindOffsets)).toEqual([
      [10080, 2880],
      [10080, 2880],
      [10080, 2880],
    ]);

    // The end date: equal to the start is refused with the message; the draft keeps its period.
    officer.pressData(encodeCallback('camp.editf', { campaignId: id, field: 'ends' }));
    await officer.waitFor(/Gõ ngày kết thúc mới/);
    officer.send('01/01/2027');
    await officer.waitFor('Ngày kết thúc phải sau ngày bắt đầu (01/01/2027). Vui lòng gõ lại.');
    officer.send('/cancel');
    await officer.waitFor(/Đã hủy/);
    expect((await h.app.services.campaigns.byId(id))!.endsAt.toISOString()).toBe('2027-12-31T16:59:59.999Z');
    const audit = await h.app.services.audit.recent({ action: 'campaign.edit' });
    expect(audit.filter((r) => r.outcome === 'OK' && r.target === `campaign:${id}`)).toHaveLength(3);
  });

  it('writes and saves a regular campaign on Zalo by numbers and words', async () => {
    const user = zalo.user('Hùng Trần');
    const unit = (await h.app.services.units.byCode('VITHANH'))!;
    const m = await h.app.services.members.touch({ channel: 'ZALO', externalId: user.id, firstName: 'Hùng' });
    await h.app.services.members.setUnit(m.id, unit.id);
    await h.app.services.members.setName(m.id, 'Trần Văn Hùng');
    await h.app.services.members.setRole(m.id, 'OFFICER');
    const c = chat(zalo, user);

    expect(await c.say('tạo phong trào', /Bước 1\/13/)).toContain('Tên phong trào thi đua?');
    expect(await c.say('Phong trào thi đua năm 2027 của thành phố Vị Thanh', /Bước 2\/13/)).toContain('phong-trao-thi-dua-nam-2027-cua');
    // The officer's unit is offered as the issuer: its number picks it.
    const issuer = await c.say('1', /Bước 3\/13/);
    expect(issuer).toContain('1. Thành phố Vị Thanh');
    expect(await c.say('1', /Bước 4\/13/)).toContain('2. Thường xuyên (hằng năm)');
    await c.say('2', /Bước 5\/13/);
    await c.say('bỏ qua', /Bước 6\/13/);
    await c.say('bo qua', /Bước 7\/13/);
    await c.say('01/02/2027', /Bước 8\/13/);
    expect(await c.say('1/2/2027', /Ngày kết thúc phải sau ngày bắt đầu/)).toContain('Bước 8/13');
    await c.say('31/12/2027', /Bước 9\/13/);
    await c.say('1 5', /Đã chọn 2/);
    await c.say('xong', /nội dung thi đua thứ 1/);
    await c.say('Số buổi ra quân vì môi trường', /ghi nhận theo hình thức nào/);
    await c.say('1', /Đơn vị tính/);
    await c.say('buổi', /Chỉ tiêu của/);
    await c.say('12', /nội dung thi đua thứ 2/);
    await c.say('xong', /Hạn của mốc “Đăng ký thi đua”/);
    await c.say('15/02/2027 17:00', /Nhắc trước hạn/);
    await c.say('7d 2d 4h', /Các mốc đã có \(1\)/);
    await c.say('1', /Tên mốc/);
    await c.say('bỏ qua', /Hạn của mốc/);
    await c.say('31/03/2027 17:00', /lặp lại không/);
    await c.say('3', /đến ngày nào/);
    await c.say('1', /Nhắc trước hạn/);
    const list = await c.say('1 tuần', /Các mốc đã có \(2\)/);
    expect(list).toContain('2. Báo cáo tiến độ — Hằng quý, 4 lần: 17:00 31/03/2027, 17:00 30/06/2027, 17:00 30/09/2027, 17:00 31/12/2027 · nhắc trước: 7d');
    await c.say('xong', /Bước 12\/13/);
    const preview = await c.say('1', /Bước 13\/13/);
    expect(preview).toContain('Loại phong trào: Thường xuyên (hằng năm)');
    await c.say('1', /Đã lưu dự thảo/);

    const saved = (await h.app.services.campaigns.byCode('phong-trao-thi-dua-nam-2027-cua'))!;
    expect(saved).toMatchObject({ status: 'DRAFT', kind: 'REGULAR', issuer: 'Thành phố Vị Thanh' });
    expect(saved.criteria.map((x) => [x.title, x.unitOfMeasure, x.target?.toString()])).toEqual([['Số buổi ra quân vì môi trường', 'buổi', '12']]);
    expect(dues(saved, 'PROGRESS_REPORT')).toEqual(['2027-03-31T10:00:00.000Z', '2027-06-30T10:00:00.000Z', '2027-09-30T10:00:00.000Z', '2027-12-31T10:00:00.000Z']);
    expect(saved.milestones.map((x) => x.remindOffsets)).toEqual([[10080, 2880, 240], [10080], [10080], [10080], [10080]]);
  });
});
