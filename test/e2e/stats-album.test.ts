/**
 * /stats for a province with 120 communes on Telegram: the chart comes as an album of three
 * pictures of at most 50 units each (Telegram shrinks a photo to about 2,560 px on its long side;
 * one picture of 120 units would have been 1,000 × 3,740 px), in the units' order, the caption on
 * the first, each page numbered. Through the fake Bot API, which refuses albums Telegram refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { launchCampaign } from '../support/conversation-fixtures.js';
import { membersWithTelegram, telegram } from '../support/identities.js';
import { CHART_WIDTH, chartHeight } from '../../src/insight/chart.js';
import { UNITS_PER_PAGE } from '../../src/insight/stats-chart.js';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const COMMUNES = 120;

describe('the /stats chart of many units on Telegram', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    const communes = Array.from({ length: COMMUNES }, (_, i) => ({ code: `XA${String(i + 1).padStart(3, '0')}`, name: `Xã số ${String(i + 1).padStart(3, '0')}`, parent: 'BENTRE' }));
    await seedUnits(h.app, [{ code: 'BENTRE', name: 'UBND tỉnh Bến Tre' }, { code: 'DONGKHOI', name: 'Xã Đồng Khởi', parent: 'BENTRE' }, ...communes]);
    await launchCampaign(h, 'xuan-2027', 10);
    const ids = new Map((await h.app.services.prisma.unit.findMany()).map((u) => [u.code, u.id]));
    await membersWithTelegram(
      h.app.services.prisma,
      communes.map((c, i) => ({ telegramId: 9_100_000 + i, fullName: `Người ${i}`, nameSearch: `nguoi ${i}`, unitId: ids.get(c.code)! })),
    );
  }, 60_000);
  afterAll(() => h?.close());

  it('sends the chart as an album of pages of at most 50 units, caption on the first', async () => {
    const officer = h.fake.user({ firstName: 'Tỉnh' });
    const unitId = (await h.app.services.units.byCode('BENTRE'))!.id;
    await h.app.services.prisma.member.create({ data: { identities: telegram(BigInt(officer.id)), fullName: 'Cán Bộ Tỉnh', unitId, role: 'OFFICER' } });
    officer.send('/stats xuan-2027');
    await officer.waitFor(/Số liệu thi đua — Thi đua chào mừng đại hội xuan-2027/);
    const albums = h.fake.callsOf('sendMediaGroup');
    const deadline = Date.now() + 30_000;
    while (h.fake.callsOf('sendMediaGroup').length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(h.fake.callsOf('sendMediaGroup')).toHaveLength(albums.length + 1);
    await officer.waitFor(/tỷ lệ đăng ký và đạt chỉ tiêu theo đơn vị/);
    const photos = officer.messages.filter((m) => m.photo);
    const units = COMMUNES + 2; // the province, Đồng Khởi and the communes
    const pages = Math.ceil(units / UNITS_PER_PAGE);
    expect(photos).toHaveLength(pages);
    expect(new Set(photos.map((m) => m.media_group_id)).size).toBe(1);
    expect(photos[0]!.caption).toContain('tỷ lệ đăng ký và đạt chỉ tiêu theo đơn vị');
    expect(photos.slice(1).every((m) => m.caption === undefined)).toBe(true);
    const sizes = photos.map((m) => pngSize(h.fake.uploadedContent(m.photo!.at(-1)!.file_id)!));
    expect(sizes).toEqual([
      ...Array.from({ length: pages - 1 }, () => ({ width: CHART_WIDTH, height: chartHeight(UNITS_PER_PAGE) })),
      { width: CHART_WIDTH, height: chartHeight(units - (pages - 1) * UNITS_PER_PAGE) },
    ]);
    // Every picture fits Telegram's long side unshrunk.
    expect(sizes.every((s) => s.height <= 2560)).toBe(true);
  }, 90_000);
});
