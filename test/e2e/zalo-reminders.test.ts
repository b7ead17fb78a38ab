/**
 * Deadline reminders reach a member on Zalo (controlled clock): as plain text that says in words
 * what to send, and what it says opens registration for that campaign.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { localDate } from '../../src/domain/dates.js';
import { draft, launchedCampaign } from '../support/reminder-fixtures.js';

const D = 1440;
let clock = localDate(2025, 6, 16, 17, 0);

describe('deadline reminders on Zalo', () => {
  let zalo: FakeZalo;
  let h: Harness;
  beforeAll(async () => {
    zalo = await FakeZalo.start({ maxPollMs: 200 });
    h = await startHarness({ storage: 'postgres', now: () => clock, env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ZALO_RATE: '200' } });
    await seedUnits(h.app, [
      { code: 'TINH', name: 'UBND tỉnh Bến Tre' },
      { code: 'HUYEN', name: 'Huyện Giồng Trôm', parent: 'TINH' },
    ]);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await zalo?.close();
  });

  it('reminds a Zalo member at D-2 with "Gửi: đăng ký <code>", and those words open registration', async () => {
    const tinh = (await h.app.services.units.byCode('TINH'))!;
    const huyen = (await h.app.services.units.byCode('HUYEN'))!;
    const an = zalo.user('An');
    const m = await h.app.services.members.touch({ channel: 'ZALO', externalId: an.id, firstName: 'An' });
    await h.app.services.members.setUnit(m.id, huyen.id);
    await h.app.services.members.setName(m.id, 'Nguyễn Văn An');
    const period = { units: ['HUYEN'], startsAt: localDate(2025, 6, 1), endsAt: localDate(2025, 12, 31, 23, 59) };
    await launchedCampaign(h.app.services, draft('dong-khoi', 'Đồng khởi mới', [{ kind: 'REGISTRATION', dueAt: localDate(2025, 6, 19, 17), remindOffsets: [2 * D] }], period), tinh.id, clock);

    clock = localDate(2025, 6, 17, 17, 0);
    await h.app.scheduler!.tick();
    const [reminder] = await zalo.waitForSent(an.id, 1, 10_000);
    expect(reminder!.text).toMatch(/Nhắc hạn thi đua[\s\S]*Đồng khởi mới[\s\S]*17:00 19\/06\/2025/);
    expect(reminder!.text).toContain('Gửi: đăng ký dong-khoi');
    // No buttons on Zalo: the footer says what to send, not what to press.
    expect(reminder!.text).toContain('gửi lệnh ghi bên dưới để thực hiện ngay. Tắt nhắc hạn: gửi «cài đặt».');
    expect(reminder!.text).not.toMatch(/bấm|nút/i);
    expect(reminder!.text!.length).toBeLessThanOrEqual(2000);

    zalo.userSays(an, 'đăng ký dong-khoi');
    const answer = await zalo.waitForSent(an.id, 2, 10_000);
    // The fixture's campaign offers no title: registration for it opens and says so.
    expect(answer[1]!.text).toBe('Phong trào này không có danh hiệu nào để đồng chí đăng ký.');
    zalo.userSays(an, 'đăng ký khong-co');
    expect((await zalo.waitForSent(an.id, 3, 10_000))[2]!.text).toMatch(/không mở đăng ký/);
  }, 60_000);
});
