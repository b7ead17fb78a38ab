import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import type { SimulatedUser } from '../support/simulated-user.js';
import { localDate } from '../../src/domain/dates.js';
import { draft, launchedCampaign, member, registration } from '../support/reminder-fixtures.js';

const D = 1440;
let clock = localDate(2025, 6, 16, 17, 0); // Monday 17:00, three days before the registration deadline
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const reminders = (u: SimulatedUser, re: RegExp) => u.messages.filter((m) => re.test(m.text ?? ''));

describe('deadline reminders with a controlled clock', () => {
  let h: Harness;
  let users: SimulatedUser[];
  let officer: SimulatedUser;
  beforeAll(async () => {
    h = await startHarness({ storage: 'postgres', now: () => clock });
    await seedUnits(h.app, [
      { code: 'TINH', name: 'UBND tỉnh Bến Tre' },
      { code: 'HUYEN', name: 'Huyện Giồng Trôm', parent: 'TINH' },
    ]);
    const tinh = (await h.app.services.units.byCode('TINH'))!;
    const huyen = (await h.app.services.units.byCode('HUYEN'))!;
    const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'];
    users = names.map((n) => h.fake.user({ firstName: n }));
    const rows = [];
    for (const [i, u] of users.entries()) rows.push(await member(h.app.services.prisma, u.id, names[i]!, huyen.id));
    officer = h.fake.user({ firstName: 'Cán bộ' });
    await member(h.app.services.prisma, officer.id, 'Võ Thị Cán Bộ', tinh.id, 'OFFICER');
    const period = { units: ['HUYEN'], startsAt: localDate(2025, 6, 1), endsAt: localDate(2025, 12, 31, 23, 59) };
    const a = await launchedCampaign(h.app.services, draft('dong-khoi', 'Đồng khởi mới', [{ kind: 'REGISTRATION', dueAt: localDate(2025, 6, 19, 17), remindOffsets: [2 * D] }], period), tinh.id, clock);
    const b = await launchedCampaign(h.app.services, draft('dai-hoi', 'Thi đua chào mừng Đại hội', [{ kind: 'REGISTRATION', dueAt: localDate(2025, 6, 19, 17), remindOffsets: [2 * D] }], period), tinh.id, clock);
    await launchedCampaign(h.app.services, draft('chuyen-doi-so', 'Chuyển đổi số', [{ kind: 'REGISTRATION', dueAt: localDate(2025, 6, 20, 22), remindOffsets: [2 * D] }], period), tinh.id, clock);
    for (const r of rows.slice(0, 2)) {
      await registration(h.app.services.prisma, a.id, r.id);
      await registration(h.app.services.prisma, b.id, r.id);
    }
  });
  afterAll(() => h?.close());

  it('at D-2 (17:00) reminds only the 3 of 5 members who have not registered, with one merged message each', async () => {
    clock = localDate(2025, 6, 17, 17, 0);
    await h.app.scheduler!.tick();
    for (const u of users.slice(2)) {
      const msg = await u.waitFor(/Nhắc hạn thi đua/);
      expect(msg.text).toContain('Đồng khởi mới');
      expect(msg.text).toContain('Thi đua chào mừng Đại hội');
      expect(msg.text).toContain('17:00 19/06/2025');
      expect(msg.text).toContain('còn 2 ngày');
      expect(u.buttons(msg)).toEqual(['📝 Đăng ký: Đồng khởi mới', '📝 Đăng ký: Thi đua chào mừng Đại hội']);
    }
    await sleep(500);
    for (const u of users.slice(0, 2)) expect(reminders(u, /Nhắc hạn/)).toHaveLength(0);
    for (const u of users.slice(2)) expect(reminders(u, /Nhắc hạn/)).toHaveLength(1);
  });

  it('holds a reminder due at 22:00 until 07:00, and a restart in between neither loses nor repeats it', async () => {
    clock = localDate(2025, 6, 18, 22, 0);
    await h.app.scheduler!.tick();
    await sleep(400);
    for (const u of users) expect(reminders(u, /Chuyển đổi số/)).toHaveLength(0);
    clock = localDate(2025, 6, 18, 23, 30);
    await h.restart();
    await h.app.scheduler!.tick();
    await sleep(300);
    for (const u of users) expect(reminders(u, /Chuyển đổi số/)).toHaveLength(0);
    clock = localDate(2025, 6, 19, 7, 0);
    await h.app.scheduler!.tick();
    for (const u of users) {
      const msg = await u.waitFor(/Chuyển đổi số/);
      expect(msg.text).toContain('22:00 20/06/2025');
      expect(msg.text).toContain('còn 1 ngày 15 giờ');
    }
    clock = localDate(2025, 6, 19, 7, 1);
    await h.restart();
    await h.app.scheduler!.tick();
    await sleep(500);
    for (const u of users) expect(reminders(u, /Chuyển đổi số/)).toHaveLength(1);
  });

  it("sends the officer a summary an hour after the deadline, and its Nudge button reminds the laggards", async () => {
    clock = localDate(2025, 6, 19, 18, 0);
    await h.app.scheduler!.tick();
    const summary = await officer.waitFor(/Tổng hợp sau hạn.*Đồng khởi mới/s);
    expect(summary.text).toContain('Huyện Giồng Trôm: 2/5');
    expect(summary.text).toMatch(/chưa thực hiện: Hoàng Văn Em, Lê Văn Cường, Phạm Thị Dung/);
    officer.press('🔔 Nhắc người chưa thực hiện', { inMessage: summary });
    // A preview first: the names per unit, and nothing sent before the officer confirms.
    const preview = await officer.waitFor(/Xem trước lời nhắc/);
    expect(preview.text).toContain('Sẽ nhắc 3 người chưa thực hiện ở 1 đơn vị');
    expect(preview.text).toMatch(/Huyện Giồng Trôm \(3 người\)\n• Hoàng Văn Em\n• Lê Văn Cường\n• Phạm Thị Dung/);
    await officer.waitFor(/Gửi lời nhắc tới 3 người ở 1 đơn vị\?/);
    await sleep(300);
    for (const u of users) expect(reminders(u, /nhắc lại/)).toHaveLength(0);
    officer.press('🔔 Gửi nhắc (3 người)');
    await officer.waitFor(/Đã gửi lời nhắc tới 3 người/);
    for (const u of users.slice(2)) {
      const nudge = await u.waitFor(/nhắc lại/);
      expect(nudge.text).toContain('đã quá hạn');
    }
    await sleep(300);
    for (const u of users.slice(0, 2)) expect(reminders(u, /nhắc lại/)).toHaveLength(0);
    for (const u of users.slice(2)) expect(reminders(u, /nhắc lại/)).toHaveLength(1);
  });

  it('refuses the Nudge button to a member and audits it', async () => {
    const m = users[0]!;
    const summary = officer.messages.find((x) => /Tổng hợp sau hạn/.test(x.text ?? ''))!;
    const data = (summary.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard[0]![0]!.callback_data;
    m.pressData(data);
    const answer = await m.waitForCallbackAnswer();
    expect(String(answer.text)).toMatch(/không có quyền/);
    const refusals = await h.app.services.audit.recent({ action: 'reminders.nudge' });
    expect(refusals.some((r) => r.outcome === 'REFUSED' && r.actorRef === `tg:${m.id}`)).toBe(true);
  });

  it('lets a member turn reminders off with /settings', async () => {
    const u = users[4]!;
    u.send('/settings');
    await u.waitFor(/Nhắc hạn thi đua: Bật/);
    u.press('🔕 Tắt nhắc hạn');
    await u.waitFor(/Đã tắt nhắc hạn/);
    const row = await h.app.services.members.byIdentity('TELEGRAM', String(u.id));
    expect(row?.remindersEnabled).toBe(false);
  });

  it('lets /settings give way to the main menu instead of "you are in the middle of …"', async () => {
    const u = users[3]!;
    u.send('/settings');
    await u.waitFor(/Nhắc hạn thi đua: Bật/);
    u.send('📋 Phong trào');
    const answer = await u.waitFor(/Thời gian: |phong trào thi đua nào đang triển khai|Các phong trào đang triển khai/);
    expect(answer.text).not.toMatch(/đang làm dở/);
    // The settings question is closed: its button no longer changes anything.
    expect((await h.app.services.members.byIdentity('TELEGRAM', String(u.id)))?.remindersEnabled).toBe(true);
  });
});
