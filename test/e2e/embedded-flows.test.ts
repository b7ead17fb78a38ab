/**
 * The default set-up of the quick start — embedded PGlite, no Redis — carries the conversations
 * too: registration and report state live in the database's session table and survive a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { joined, launchCampaign, UNITS } from '../support/conversation-fixtures.js';
import { encodeCallback } from '../../src/channels/telegram/callback-data.js';
import { telegramIdOf } from '../support/identities.js';

describe('conversations on the embedded database without Redis', () => {
  let h: Harness;
  let campaignId: number;
  beforeAll(async () => {
    h = await startHarness({ storage: 'embedded', redis: false });
    await seedUnits(h.app, UNITS);
    campaignId = await launchCampaign(h, 'nhung-dong-khoi', 10);
  }, 60_000);
  afterAll(() => h?.close());

  it('registers across a restart in the middle of the commitments, keeping the title chosen before it', async () => {
    const lan = h.fake.user({ firstName: 'Lan' });
    await joined(h, lan, 'Nguyễn Thị Lan');
    lan.send('/register');
    await lan.waitFor(/Chọn danh hiệu thi đua/);
    lan.press('Lao động tiên tiến');
    await lan.waitFor(/Nội dung thi đua 1\/3/);
    lan.press('⏭ Bỏ qua');
    await lan.waitFor(/Nội dung thi đua 2\/3/);

    await h.restart();
    const stored = await h.app.db.prisma.session.count({ where: { key: { startsWith: 'flow:' } } });
    expect(stored).toBeGreaterThan(0);

    lan.send('5');
    await lan.waitFor(/Nội dung thi đua 3\/3/);
    lan.send('2');
    const summary = await lan.waitFor(/Đăng ký thi đua — /);
    expect(summary.text).toContain('Danh hiệu: Lao động tiên tiến');
    lan.press('✔ Xác nhận');
    await lan.waitFor(/Đã ghi nhận đăng ký danh hiệu Lao động tiên tiến/);
    const member = await h.app.services.members.byIdentity('TELEGRAM', String(lan.id));
    const reg = await h.app.db.prisma.registration.findFirst({ where: { memberId: member!.id }, include: { commitments: true } });
    expect(reg).toMatchObject({ titleCode: 'LDTT', status: 'SUBMITTED' });
    expect(reg!.commitments.map((c) => Number(c.targetNumber)).sort()).toEqual([2, 5]);
  });

  it('reports progress with a Vietnamese number and a photo on the embedded database', async () => {
    const binh = h.fake.user({ firstName: 'Bình' });
    const member = await joined(h, binh, 'Trần Văn Bình');
    binh.send('/report');
    await binh.waitFor(/Chọn nội dung cần báo cáo/);
    binh.press('2. Công trình chào mừng đại hội');
    await binh.waitFor(/Tổng kết quả đạt được trong kỳ tính đến nay \(công trình\)/);
    binh.send('1.234,5');
    await binh.waitFor(/Ghi chú thêm/);
    binh.send('Hoàn thành trước hạn');
    await binh.waitFor(/Gửi ảnh hoặc tệp minh chứng/);
    binh.sendPhoto();
    await binh.waitFor(/Đã nhận 1 tệp minh chứng/);
    binh.send('xong');
    await binh.waitFor(/Báo cáo tiến độ — /);
    binh.press('✔ Xác nhận');
    await binh.waitFor(/Đã ghi nhận báo cáo “Công trình chào mừng đại hội”: 1.234,5 công trình\. Báo cáo có 1 tệp minh chứng/);
    const report = await h.app.db.prisma.progressReport.findFirst({ where: { memberId: member.id }, include: { attachments: true } });
    expect(report?.valueNumber?.toString()).toBe('1234.5');
    expect(report?.note).toBe('Hoàn thành trước hạn');
    expect(report?.attachments).toHaveLength(1);
  });

  it('opens the report flow of the campaign straight from a progress-report reminder’s button', async () => {
    const chi = h.fake.user({ firstName: 'Chi' });
    await joined(h, chi, 'Lê Thị Chi');
    const period = await h.app.db.prisma.milestone.findFirstOrThrow({ where: { campaignId, kind: 'PROGRESS_REPORT' } });
    const reminder = await h.app.bot.api.sendMessage(chi.id, 'Nhắc hạn báo cáo tiến độ', {
      reply_markup: { inline_keyboard: [[{ text: '📊 Báo cáo ngay', callback_data: encodeCallback('rem.report', { milestoneId: period.id }) }]] },
    });
    chi.press('📊 Báo cáo ngay', { inMessage: reminder });
    await chi.waitFor(/Chọn nội dung cần báo cáo/);
  });

  it('offers the Register button on a campaign only to members who have not registered while it is open', async () => {
    const dung = h.fake.user({ firstName: 'Dũng' });
    await joined(h, dung, 'Phan Văn Dũng');
    dung.send('📋 Phong trào');
    const view = await dung.waitFor(/Thi đua chào mừng đại hội nhung-dong-khoi/);
    const buttons = (view.reply_markup?.inline_keyboard.flat() ?? []) as Array<{ text: string; url?: string }>;
    expect(buttons).toEqual([{ text: '📝 Đăng ký thi đua', url: 'https://t.me/thidua_test_bot?start=c_nhung-dong-khoi' }]);

    const lan = h.fake.user({ id: Number(await telegramIdOf(h.app.db.prisma, (await h.app.db.prisma.member.findFirstOrThrow({ where: { fullName: 'Nguyễn Thị Lan' } })).id)), firstName: 'Lan' });
    lan.send('📋 Phong trào');
    const registered = await lan.waitFor(/Thi đua chào mừng đại hội nhung-dong-khoi/);
    expect(registered.reply_markup?.inline_keyboard ?? []).toEqual([]);
  });
});
