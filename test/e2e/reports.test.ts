/**
 * Báo cáo tiến độ end to end: a member reports a number in Vietnamese format with photos as
 * evidence, across a restart of the bot in the middle of the photo step; bad files are refused
 * politely; a second report in a period adds to or replaces the first by the member's choice and
 * keeps the earlier evidence unless they replace it; a figure that may be read two ways is
 * confirmed; officers get the original files back with their captions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { joined, launchCampaign, UNITS } from '../support/conversation-fixtures.js';
import { encodeCallback } from '../../src/channels/telegram/callback-data.js';

describe('progress reports (polling, PostgreSQL, Redis conversations)', () => {
  let h: Harness;
  let campaignId: number;
  beforeAll(async () => {
    h = await startHarness({ storage: 'postgres', redis: true });
    await seedUnits(h.app, UNITS);
    campaignId = await launchCampaign(h, 'bao-cao', 10);
  }, 60_000);
  afterAll(() => h?.close());

  it('reports 1.234,5 with two photos, finishing after a bot restart in the middle of the photo step', async () => {
    const lan = h.fake.user({ firstName: 'Lan' });
    const member = await joined(h, lan, 'Nguyễn Thị Lan');
    lan.send('📊 Báo cáo');
    const lines = await lan.waitFor(/Chọn nội dung cần báo cáo/);
    expect(lines.text).toContain('2. Công trình chào mừng đại hội');
    lan.press('2. Công trình chào mừng đại hội');
    const ask = await lan.waitFor(/kết quả đạt được/);
    expect(ask.text).toContain('Tổng kết quả đạt được trong kỳ tính đến nay (công trình)?');
    lan.send('một nghìn');
    await lan.waitFor(/Chưa đọc được số/);
    lan.send('1e9');
    await lan.waitFor(/không đọc số viết dạng lũy thừa \(như 1e9\)/);
    lan.send('1.234,5');
    await lan.waitFor(/Ghi chú thêm/);
    lan.press('⏭ Bỏ qua');
    await lan.waitFor(/Gửi ảnh hoặc tệp minh chứng/);
    lan.sendPhoto({ caption: 'Khánh thành nhà văn hóa ấp 3' });
    const got = await lan.waitFor(/Đã nhận 1 tệp minh chứng/);
    expect(got.text).toContain('Ghi chú của tệp: “Khánh thành nhà văn hóa ấp 3”');
    await h.restart();
    lan.sendPhoto({ fileSize: 2_000_000 });
    await lan.waitFor(/Đã nhận 2 tệp minh chứng/);
    lan.sendDocument({ fileName: 'virus.exe', mimeType: 'application/x-msdownload' });
    await lan.waitFor(/không đúng định dạng/);
    lan.sendDocument({ fileName: 'bien-ban.pdf', mimeType: 'application/pdf', fileSize: 25 * 1024 * 1024 });
    await lan.waitFor(/vượt quá giới hạn 20.0 MB/);
    lan.send('xong');
    const summary = await lan.waitFor(/Báo cáo tiến độ — /);
    expect(summary.text).toContain('Kết quả: 1.234,5 công trình');
    expect(summary.text).toContain('Minh chứng: 2 tệp');
    lan.press('✔ Xác nhận');
    await lan.waitFor(/Đã ghi nhận báo cáo “Công trình chào mừng đại hội”: 1.234,5 công trình\. Báo cáo có 2 tệp minh chứng/);
    const reports = await h.app.services.prisma.progressReport.findMany({ where: { memberId: member.id }, include: { attachments: { orderBy: { id: 'asc' } }, milestone: true } });
    expect(reports).toHaveLength(1);
    expect(reports[0]!.valueNumber?.toString()).toBe('1234.5');
    expect(reports[0]!.milestone?.kind).toBe('PROGRESS_REPORT');
    expect(reports[0]!.attachments.map((a) => a.kind)).toEqual(['PHOTO', 'PHOTO']);
    expect(reports[0]!.attachments[1]!.size).toBe(2_000_000);
    expect(reports[0]!.attachments.map((a) => a.note)).toEqual(['Khánh thành nhà văn hóa ấp 3', null]);
  });

  it('takes a photo sent outside any report as the evidence of the report it opens, and opens a report for "báo cáo" typed without the emoji', async () => {
    const tam = h.fake.user({ firstName: 'Tâm' });
    const member = await joined(h, tam, 'Lê Văn Tâm');
    tam.sendPhoto({ caption: 'Dọn vệ sinh kênh' });
    await tam.waitFor(/Đã nhận ảnh\. Ảnh sẽ được ghi làm minh chứng cho báo cáo tiến độ/);
    await tam.waitFor(/Chọn nội dung cần báo cáo/);
    tam.press('2. Công trình chào mừng đại hội');
    await tam.waitFor(/kết quả đạt được/);
    tam.send('4');
    await tam.waitFor(/Ghi chú/);
    tam.press('⏭ Bỏ qua');
    await tam.waitFor(/Đã nhận 1 tệp minh chứng/);
    tam.send('xong');
    const summary = await tam.waitFor(/Minh chứng: 1 tệp/);
    expect(summary.text).toContain('4 công trình');
    tam.press('✔ Xác nhận');
    await tam.waitFor(/Đã ghi nhận báo cáo/);
    const [report] = await h.app.services.prisma.progressReport.findMany({ where: { memberId: member.id }, include: { attachments: true } });
    expect(report!.attachments.map((a) => [a.kind, a.note])).toEqual([['PHOTO', 'Dọn vệ sinh kênh']]);

    // The menu's words typed without the emoji, in any case, with or without diacritics.
    for (const typed of ['báo cáo', 'Bao cao']) {
      tam.send(typed);
      await tam.waitFor(/Chọn nội dung cần báo cáo/);
      tam.send('/cancel');
      await tam.waitFor(/Đã hủy/);
    }
    tam.send('của tôi');
    await tam.waitFor(/Tình hình thi đua của đồng chí[\s\S]*Báo cáo đã gửi: 1/);
  });

  it('asks whether a second report in the period adds to or replaces the first, and keeps the earlier files unless replaced', async () => {
    const ba = h.fake.user({ id: 7_700_001, firstName: 'Ba' });
    const member = await joined(h, ba, 'Trần Văn Ba');
    const rows = () => h.app.services.prisma.progressReport.findMany({ where: { memberId: member.id }, include: { attachments: { orderBy: { id: 'asc' } } } });
    const open = async () => {
      ba.send('/report');
      await ba.waitFor(/Chọn nội dung/);
      ba.press('3. Phát hiện điển hình tiên tiến');
    };

    // First report: the total for the period so far, with one file.
    await open();
    await ba.waitFor(/Tổng kết quả đạt được trong kỳ tính đến nay/);
    ba.send('3');
    await ba.waitFor(/Ghi chú/);
    ba.send('Đã biểu dương');
    await ba.waitFor(/Gửi ảnh/);
    ba.sendDocument({ fileName: 'danh-sach.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    await ba.waitFor(/Đã nhận 1 tệp/);
    ba.press('✔ Xong');
    await ba.waitFor(/Báo cáo tiến độ — /);
    ba.press('✔ Xác nhận');
    await ba.waitFor(/Đã ghi nhận báo cáo “Phát hiện điển hình tiên tiến”: 3 điển hình\. Báo cáo có 1 tệp minh chứng/);

    // Second report: never silently a correction — the member chooses; "add" sums and keeps the file.
    await open();
    const mode = await ba.waitFor(/Kỳ này đồng chí đã báo cáo/);
    expect(mode.text).toContain('3 điển hình');
    expect(ba.buttons()).toEqual(['➕ Cộng thêm vào báo cáo đã gửi', '✏️ Sửa (thay) báo cáo đã gửi', '‹ Quay lại', '✖ Hủy']);
    ba.press('➕ Cộng thêm vào báo cáo đã gửi');
    const addAsk = await ba.waitFor(/Kết quả MỚI/);
    expect(addAsk.text).toContain('sẽ được cộng vào 3 điển hình đã báo cáo');
    ba.send('2');
    await ba.waitFor(/Ghi chú/);
    ba.press('⏭ Bỏ qua');
    await ba.waitFor(/Gửi ảnh/);
    ba.sendPhoto();
    await ba.waitFor(/Đã nhận 1 tệp/);
    ba.press('✔ Xong');
    const addSummary = await ba.waitFor(/Báo cáo tiến độ — /);
    expect(addSummary.text).toContain('Kết quả: 2 điển hình (cộng vào 3 điển hình đã báo cáo: tổng 5 điển hình)');
    expect(addSummary.text).toContain('Minh chứng: 2 tệp (1 tệp đã gửi, 1 tệp mới)');
    ba.press('✔ Xác nhận');
    await ba.waitFor(/Đã cộng thêm vào báo cáo “Phát hiện điển hình tiên tiến”: tổng kỳ này 5 điển hình\. Báo cáo có 2 tệp minh chứng/);
    let saved = await rows();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.valueNumber?.toString()).toBe('5');
    expect(saved[0]!.attachments.map((a) => a.kind)).toEqual(['DOCUMENT', 'PHOTO']);

    // Third: replace the figure but keep the two files, adding one more.
    await open();
    await ba.waitFor(/Kỳ này đồng chí đã báo cáo/);
    ba.press('✏️ Sửa (thay) báo cáo đã gửi');
    const replaceAsk = await ba.waitFor(/Tổng kết quả cả kỳ tính đến nay/);
    expect(replaceAsk.text).toContain('thay cho 5 điển hình đã báo cáo');
    ba.send('4');
    await ba.waitFor(/Ghi chú/);
    ba.press('⏭ Bỏ qua');
    await ba.waitFor(/Báo cáo đã gửi có 2 tệp minh chứng/);
    expect(ba.buttons()).toEqual(['📎 Giữ 2 tệp đã gửi', '🔄 Thay bằng tệp mới', '‹ Quay lại', '✖ Hủy']);
    ba.press('📎 Giữ 2 tệp đã gửi');
    await ba.waitFor(/Gửi ảnh/);
    ba.sendPhoto();
    await ba.waitFor(/Đã nhận 1 tệp/);
    ba.press('✔ Xong');
    const keepSummary = await ba.waitFor(/Báo cáo tiến độ — /);
    expect(keepSummary.text).toContain('Minh chứng: 3 tệp (2 tệp đã gửi, 1 tệp mới)');
    ba.press('✔ Xác nhận');
    await ba.waitFor(/Đã sửa báo cáo “Phát hiện điển hình tiên tiến”: 4 điển hình\. Báo cáo có 3 tệp minh chứng/);
    saved = await rows();
    expect(saved[0]!.valueNumber?.toString()).toBe('4');
    expect(saved[0]!.attachments).toHaveLength(3);

    // Fourth: replace the files too.
    await open();
    await ba.waitFor(/Kỳ này đồng chí đã báo cáo/);
    ba.press('✏️ Sửa (thay) báo cáo đã gửi');
    await ba.waitFor(/Tổng kết quả cả kỳ/);
    ba.send('4');
    await ba.waitFor(/Ghi chú/);
    ba.press('⏭ Bỏ qua');
    await ba.waitFor(/Báo cáo đã gửi có 3 tệp minh chứng/);
    ba.press('🔄 Thay bằng tệp mới');
    await ba.waitFor(/Gửi ảnh/);
    ba.sendDocument({ fileName: 'bien-ban.pdf', mimeType: 'application/pdf' });
    await ba.waitFor(/Đã nhận 1 tệp/);
    ba.press('✔ Xong');
    const replaceSummary = await ba.waitFor(/Báo cáo tiến độ — /);
    expect(replaceSummary.text).toContain('Minh chứng: 1 tệp mới (thay cho 3 tệp đã gửi)');
    ba.press('✔ Xác nhận');
    await ba.waitFor(/Đã sửa báo cáo “Phát hiện điển hình tiên tiến”: 4 điển hình\. Báo cáo có 1 tệp minh chứng/);
    saved = await rows();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.attachments.map((a) => a.fileName)).toEqual(['bien-ban.pdf']);
  });

  it('confirms a figure that reads two ways ("500,000": 500.000 or 500?) and keeps the answers before it', async () => {
    const cuc = h.fake.user({ firstName: 'Cúc' });
    const member = await joined(h, cuc, 'Lê Thị Cúc');
    cuc.send('/report');
    await cuc.waitFor(/Chọn nội dung/);
    cuc.press('2. Công trình chào mừng đại hội');
    await cuc.waitFor(/kết quả đạt được/);
    cuc.send('500,000');
    const which = await cuc.waitFor(/Đồng chí gõ “500,000”/);
    expect(which.text).toContain('ý đồng chí là 500.000 công trình hay 500 công trình?');
    expect(cuc.buttons()).toEqual(['500.000 công trình', '500 công trình', '‹ Quay lại', '✖ Hủy']);
    cuc.press('‹ Quay lại');
    await cuc.waitFor(/kết quả đạt được/);
    cuc.send('500,000');
    await cuc.waitFor(/hay 500 công trình\?/);
    cuc.send('500');
    await cuc.waitFor(/Ghi chú/);
    cuc.press('⏭ Bỏ qua');
    await cuc.waitFor(/Gửi ảnh/);
    cuc.send('xong');
    const summary = await cuc.waitFor(/Báo cáo tiến độ — /);
    expect(summary.text).toContain('Nội dung: Công trình chào mừng đại hội');
    expect(summary.text).toContain('Kết quả: 500 công trình');
    cuc.press('✔ Xác nhận');
    await cuc.waitFor(/Đã ghi nhận báo cáo/);
    const row = await h.app.services.prisma.progressReport.findFirstOrThrow({ where: { memberId: member.id } });
    expect(row.valueNumber?.toString()).toBe('500');
  });

  it('answers a sticker or a voice note in the middle of a report with a hint, and the report goes on', async () => {
    const dung = h.fake.user({ firstName: 'Dũng' });
    await joined(h, dung, 'Võ Văn Dũng');
    dung.send('/report');
    await dung.waitFor(/Chọn nội dung/);
    dung.press('2. Công trình chào mừng đại hội');
    await dung.waitFor(/kết quả đạt được/);
    dung.send('7');
    await dung.waitFor(/Ghi chú/);
    dung.press('⏭ Bỏ qua');
    await dung.waitFor(/Gửi ảnh/);
    dung.send('ảnh đây ạ');
    await dung.waitFor(/Vui lòng gửi ảnh hoặc tệp \(PDF, DOCX, XLSX, JPG, PNG\), hoặc bấm «Xong»/);
    dung.sendSticker();
    await dung.waitFor(/Vui lòng gửi ảnh hoặc tệp \(PDF, DOCX, XLSX, JPG, PNG\), hoặc bấm «Xong»/);
    dung.sendVoice();
    await dung.waitFor(/Vui lòng gửi ảnh hoặc tệp \(PDF, DOCX, XLSX, JPG, PNG\), hoặc bấm «Xong»/);
    // A button of another message (a reminder's "report now") does not restart the report half-way.
    const period = await h.app.services.prisma.milestone.findFirstOrThrow({ where: { campaignId, kind: 'PROGRESS_REPORT' } });
    const reminder = await h.app.bot.api.sendMessage(dung.id, 'Nhắc hạn báo cáo tiến độ', {
      reply_markup: { inline_keyboard: [[{ text: '📊 Báo cáo ngay', callback_data: encodeCallback('rem.report', { milestoneId: period.id }) }]] },
    });
    dung.press('📊 Báo cáo ngay', { inMessage: reminder });
    expect((await dung.waitForCallbackAnswer()).text).toMatch(/đang làm dở “Báo cáo tiến độ”/);
    dung.sendPhoto();
    await dung.waitFor(/Đã nhận 1 tệp minh chứng/);
    dung.send('xong');
    await dung.waitFor(/Báo cáo tiến độ — /);
    dung.press('✔ Xác nhận');
    await dung.waitFor(/Đã ghi nhận báo cáo “Công trình chào mừng đại hội”: 7 công trình\. Báo cáo có 1 tệp minh chứng/);
  });

  it('takes the unit review report from /review: a document only, key figures, an optional note, Back, and a resubmission replaces it', async () => {
    const vinh = h.fake.user({ firstName: 'Vinh' });
    const officer = await joined(h, vinh, 'Đỗ Văn Vinh', 'OFFICER');
    const submit = async (figures: string | null, note: string | null, fileName: string) => {
      vinh.send('/review');
      await vinh.waitFor(/Chọn mốc để nộp báo cáo/);
      vinh.press(/· báo cáo tổng kết ·/);
      await vinh.waitFor(/Đồng chí gửi tệp báo cáo/);
      if (figures === null) return;
      vinh.sendPhoto();
      await vinh.waitFor(/gửi tệp báo cáo dưới dạng tài liệu/);
      vinh.send('tệp đây');
      await vinh.waitFor(/gửi tệp báo cáo dưới dạng tài liệu/);
      vinh.sendDocument({ fileName: 'bao-cao.exe', mimeType: 'application/x-msdownload' });
      await vinh.waitFor(/Chỉ nhận tệp PDF, DOCX hoặc XLSX/);
      vinh.sendDocument({ fileName, mimeType: 'application/pdf' });
      await vinh.waitFor(/Số liệu chính/);
      vinh.send('không có dấu hai chấm');
      await vinh.waitFor(/chưa đúng dạng «tên: giá trị»/);
      vinh.send(figures);
      await vinh.waitFor(/Ghi chú kèm báo cáo/);
      vinh.press('‹ Quay lại');
      await vinh.waitFor(/Số liệu chính/);
      vinh.send(figures);
      await vinh.waitFor(/Ghi chú kèm báo cáo/);
      if (note) vinh.send(note);
      else vinh.press('Bỏ qua ›');
      const confirm = await vinh.waitFor(/Xác nhận nộp báo cáo/);
      expect(confirm.text).toContain(`Tệp: ${fileName}`);
      expect(confirm.text).toContain(`Ghi chú: ${note ?? '(không có)'}`);
      vinh.press('✔ Nộp báo cáo');
    };

    await submit('Đảng viên mới: 12\nSáng kiến được công nhận: 3', 'Đã họp chi bộ', 'tong-ket.pdf');
    const saved = await vinh.waitFor(/✅ Đã nhận báo cáo tổng kết của đơn vị “Xã Đồng Khởi”\./);
    expect(saved.text).not.toMatch(/báo cáo báo cáo|của đơn vị của đơn vị/);
    await submit('Đảng viên mới: 13', null, 'tong-ket-2.pdf');
    await vinh.waitFor(/✅ Đã thay báo cáo tổng kết của đơn vị “Xã Đồng Khởi” bằng tệp mới/);
    const rows = await h.app.services.prisma.reviewReport.findMany({ where: { submittedById: officer.id }, include: { attachments: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.attachments.map((a) => a.fileName)).toEqual(['tong-ket-2.pdf']);
    expect(rows[0]!.note).toBeNull();
    expect(rows[0]!.figures).toEqual([{ label: 'Đảng viên mới', value: '13' }]);

    // Cancel leaves without a report change.
    await submit(null, null, '');
    vinh.send('/cancel');
    await vinh.waitFor(/Đã hủy|hủy/i);
  });

  it('gives an officer the original files back and points officers to /review', async () => {
    const hoa = h.fake.user({ firstName: 'Hoa', languageCode: 'en' });
    await joined(h, hoa, 'Trần Thị Hoa', 'OFFICER', 'en');
    const report = await h.app.services.prisma.progressReport.findFirstOrThrow({ where: { member: { fullName: 'Nguyễn Thị Lan' } }, include: { attachments: { orderBy: { id: 'asc' } } } });
    hoa.send('/evidence');
    await hoa.waitFor(/Choose the report whose evidence you want/);
    hoa.press(new RegExp(`^#${report.id} Nguyễn Thị Lan`));
    await hoa.waitFor(/Evidence of report/);
    await new Promise((r) => setTimeout(r, 300));
    const sent = h.fake.callsOf('sendPhoto').filter((c) => String(c.payload.chat_id) === String(hoa.id));
    expect(sent.map((c) => c.payload.photo)).toEqual(report.attachments.map((a) => a.fileId));
    expect(sent.map((c) => c.payload.caption)).toEqual(['Khánh thành nhà văn hóa ấp 3', undefined]);

    hoa.send('/report');
    const reviews = await hoa.waitFor(/Open review reports/);
    expect(reviews.text).toContain('Final review');
    expect(reviews.text).toContain('/review');
    hoa.send('/cancel');
    await hoa.waitFor(/Cancelled|cancel/i);

    const member = h.fake.user({ firstName: 'Khánh' });
    await joined(h, member, 'Khánh');
    member.send(`/evidence ${report.id}`);
    await member.waitFor(/không có quyền/);
    expect(campaignId).toBeGreaterThan(0);
  });
  it('/my shows progress against each commitment and the deadline that is really next for the member', async () => {
    const id = await launchCampaign(h, 'tien-do', 2);
    const quyen = h.fake.user({ firstName: 'Quyên' });
    const member = await joined(h, quyen, 'Phan Thị Quyên');
    const block = async () => {
      quyen.send('/my');
      const my = await quyen.waitFor(/Tình hình thi đua/);
      return (my.text ?? '').split('\n\n').find((b) => b.includes('đại hội tien-do')) ?? '';
    };
    // Not registered yet: the registration deadline (in 2 days) comes first.
    expect(await block()).toMatch(/Hạn tiếp theo: [^\n]*[Đđ]ăng ký[^\n]*17:00/);

    const lines = await h.app.services.prisma.criterion.findMany({ where: { campaignId: id }, orderBy: { position: 'asc' } });
    const works = lines.find((l) => l.title === 'Công trình chào mừng đại hội')!;
    const r = await h.app.services.registrations.submit({ campaignId: id, actorMemberId: member.id, scope: 'INDIVIDUAL', titleCode: 'LDTT', commitments: [{ criterionId: works.id, number: '12' }] });
    expect(r.ok).toBe(true);
    // Registered: the registration deadline is no longer theirs — the report is next.
    let b = await block();
    expect(b).toContain('Công trình chào mừng đại hội: 0/12 công trình');
    expect(b).toMatch(/Hạn tiếp theo: Báo cáo tiến độ — 17:00/);

    const sent = await h.app.services.reports.submit({ memberId: member.id, campaignId: id, criterionId: works.id, number: '2', evidence: [] });
    expect(sent.ok).toBe(true);
    b = await block();
    expect(b).toContain('Công trình chào mừng đại hội: 2/12 công trình');
    // Reported in this period, and a member has no unit review to send: nothing is due from them.
    expect(b).not.toMatch(/Hạn tiếp theo/);
  });
});
