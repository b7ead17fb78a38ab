/**
 * Báo cáo tiến độ end to end: a member reports a number in Vietnamese format with photos as
 * evidence, across a restart of the bot in the middle of the photo step; bad files are refused
 * politely; the last report of a line is corrected; officers get the original files back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { joined, launchCampaign, UNITS } from '../support/conversation-fixtures.js';

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
    await lan.waitFor(/Kết quả đạt được \(công trình\)/);
    lan.send('một nghìn');
    await lan.waitFor(/Chưa đọc được số/);
    lan.send('1.234,5');
    await lan.waitFor(/Ghi chú thêm/);
    lan.press('⏭ Bỏ qua');
    await lan.waitFor(/Gửi ảnh hoặc tệp minh chứng/);
    lan.sendPhoto();
    await lan.waitFor(/Đã nhận 1 tệp minh chứng/);
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
    await lan.waitFor(/Đã ghi nhận báo cáo «Công trình chào mừng đại hội»: 1.234,5 công trình, 2 tệp minh chứng/);
    const reports = await h.app.services.prisma.progressReport.findMany({ where: { memberId: member.id }, include: { attachments: true, milestone: true } });
    expect(reports).toHaveLength(1);
    expect(reports[0]!.valueNumber?.toString()).toBe('1234.5');
    expect(reports[0]!.milestone?.kind).toBe('PROGRESS_REPORT');
    expect(reports[0]!.attachments.map((a) => a.kind)).toEqual(['PHOTO', 'PHOTO']);
    expect(reports[0]!.attachments[1]!.size).toBe(2_000_000);
  });

  it('shows and corrects the last report of a line until the period deadline', async () => {
    const lan = h.fake.user({ id: 7_700_001, firstName: 'Ba' });
    const member = await joined(h, lan, 'Trần Văn Ba');
    for (const value of ['3', '4']) {
      lan.send('/report');
      await lan.waitFor(/Chọn nội dung/);
      lan.press('3. Phát hiện điển hình tiên tiến');
      const ask = await lan.waitFor(/Kết quả đạt được/);
      if (value === '4') expect(ask.text).toContain('Kỳ này đồng chí đã báo cáo: 3 điển hình');
      lan.send(value);
      await lan.waitFor(/Ghi chú/);
      lan.send('Đã biểu dương');
      await lan.waitFor(/Gửi ảnh/);
      lan.sendDocument({ fileName: 'danh-sach.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      await lan.waitFor(/Đã nhận 1 tệp/);
      lan.press('✔ Xong');
      await lan.waitFor(/Báo cáo tiến độ — /);
      lan.press('✔ Xác nhận');
      await lan.waitFor(value === '3' ? /Đã ghi nhận báo cáo/ : /Đã sửa báo cáo «Phát hiện điển hình tiên tiến»: 4 điển hình/);
    }
    const rows = await h.app.services.prisma.progressReport.findMany({ where: { memberId: member.id }, include: { attachments: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.valueNumber?.toString()).toBe('4');
    expect(rows[0]!.attachments).toHaveLength(1);
  });

  it('gives an officer the original files back and points officers to /review', async () => {
    const hoa = h.fake.user({ firstName: 'Hoa', languageCode: 'en' });
    await joined(h, hoa, 'Trần Thị Hoa', 'OFFICER', 'en');
    const report = await h.app.services.prisma.progressReport.findFirstOrThrow({ where: { member: { fullName: 'Nguyễn Thị Lan' } }, include: { attachments: true } });
    hoa.send('/evidence');
    await hoa.waitFor(/Choose the report whose evidence you want/);
    hoa.press(new RegExp(`^#${report.id} Nguyễn Thị Lan`));
    await hoa.waitFor(/Evidence of report/);
    await new Promise((r) => setTimeout(r, 300));
    const sent = h.fake.callsOf('sendPhoto').filter((c) => String(c.payload.chat_id) === String(hoa.id));
    expect(sent.map((c) => c.payload.photo)).toEqual(report.attachments.map((a) => a.fileId));

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
});
