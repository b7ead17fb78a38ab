/**
 * /stats end to end, on both channels at once (createApp, PostgreSQL, Redis, the fake Telegram and
 * Zalo Bot APIs): an officer picks a campaign and reads the figures of the units they manage —
 * checked here against the database with queries of this test's own —, presses Nudge, and gets the
 * chart: on Telegram a PNG photo uploaded by the bot, on Zalo a signed /media/chart link that Zalo
 * fetches from the bot's own HTTP server. The PNG decodes to the expected size and its SVG source
 * names the units. Members are refused and audited; a revoked officer's chart link shows nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUnits, type Harness } from '../support/app-harness.js';
import { startZaloHarness } from '../support/zalo-harness.js';
import { joined, launchCampaign } from '../support/conversation-fixtures.js';
import type { FakeZalo, ZaloUser } from '../support/fake-zalo.js';
import { pngSize } from '../support/fake-telegram.js';
import type { SimulatedUser } from '../support/simulated-user.js';
import { telegram } from '../support/identities.js';
import { CHART_WIDTH, chartHeight, chartSvg } from '../../src/insight/chart.js';
import { statsChartInput } from '../../src/insight/stats-message.js';
import { createI18n, translator } from '../../src/channels/telegram/i18n.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const viNumber = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 }).format(n);
const viPercent = (n: number) => new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(n);
const translate = translator(createI18n('vi'));

async function until<T>(check: () => Promise<T | null | undefined | false> | T | null | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('/stats and its chart on Telegram and Zalo (polling, PostgreSQL, Redis)', () => {
  let h: Harness;
  let zalo: FakeZalo;
  let publicUrl: string;
  let officer: SimulatedUser;
  let campaignId: number;
  let line: number;
  const ids: Record<string, number> = {};

  /** The unit's figures as this test reads them from the tables (not through StatsService). */
  async function fromDatabase(unitCode: string) {
    const prisma = h.app.services.prisma;
    const unit = (await prisma.unit.findUniqueOrThrow({ where: { code: unitCode } }))!;
    const members = await prisma.member.findMany({ where: { unitId: unit.id, leftAt: null, fullName: { not: null } }, orderBy: { fullName: 'asc' } });
    const regs = await prisma.registration.findMany({
      where: { campaignId, scope: 'INDIVIDUAL', status: { not: 'WITHDRAWN' }, memberId: { in: members.map((m) => m.id) } },
      include: { commitments: { where: { criterionId: line } } },
    });
    const reports = await prisma.progressReport.findMany({ where: { campaignId, criterionId: line, memberId: { in: members.map((m) => m.id) } } });
    const sumOf = (memberId: number) => reports.filter((r) => r.memberId === memberId).reduce((a, r) => a + Number(r.valueNumber ?? 0), 0);
    const targets = regs.flatMap((r) => r.commitments.map((c) => ({ memberId: r.memberId!, target: Number(c.targetNumber) })));
    return {
      name: unit.name,
      audience: members.length,
      registered: regs.length,
      reported: reports.reduce((a, r) => a + Number(r.valueNumber ?? 0), 0),
      target: targets.reduce((a, x) => a + x.target, 0),
      committed: targets.length,
      reached: targets.filter((x) => sumOf(x.memberId) >= x.target).length,
      laggards: members.filter((m) => !regs.some((r) => r.memberId === m.id)).map((m) => m.fullName!),
    };
  }

  /** The lines /stats must show for a unit, written from the database's figures. */
  function expectedLines(f: Awaited<ReturnType<typeof fromDatabase>>): string[] {
    return [
      `🏢 ${f.name}: ${f.registered}/${f.audience} người đã đăng ký (${viPercent(f.registered / f.audience)})`,
      `• Công trình chào mừng đại hội: đạt ${viNumber(f.reported)}/${viNumber(f.target)} công trình; ${f.reached}/${f.committed} người đạt chỉ tiêu đã cam kết`,
      `⏳ Chưa đăng ký: ${f.laggards.join(', ')}`,
    ];
  }

  beforeAll(async () => {
    ({ h, zalo, publicUrl } = await startZaloHarness());
    await seedUnits(h.app, [
      { code: 'BENTRE', name: 'UBND tỉnh Bến Tre' },
      { code: 'DONGKHOI', name: 'Xã Đồng Khởi', parent: 'BENTRE' },
      { code: 'GIONGTROM', name: 'Xã Giồng Trôm', parent: 'BENTRE' },
    ]);
    campaignId = await launchCampaign(h, 'xuan-2026', 10);
    await launchCampaign(h, 'he-2026', 10);
    const prisma = h.app.services.prisma;
    line = (await prisma.criterion.findFirstOrThrow({ where: { campaignId, code: 'K3' } })).id;
    officer = h.fake.user({ firstName: 'Hoa' });
    await joined(h, officer, 'Trần Thị Hoa', 'OFFICER');
    const unitId = async (code: string) => (await h.app.services.units.byCode(code))!.id;
    let tg = 7_700_000;
    for (const [key, fullName, unit] of [
      ['an', 'Nguyễn Văn An', 'DONGKHOI'],
      ['binh', 'Phạm Thị Bình', 'DONGKHOI'],
      ['chi', 'Lê Thị Chi', 'DONGKHOI'],
      ['dung', 'Võ Văn Dũng', 'GIONGTROM'],
    ] as const) {
      ids[key] = (await prisma.member.create({ data: { identities: telegram(++tg), fullName, unitId: await unitId(unit) } })).id;
    }
    const register = async (who: string, titleCode: string, target: string, extra = {}) => {
      const r = await h.app.services.registrations.submit({ campaignId, actorMemberId: ids[who]!, scope: 'INDIVIDUAL', titleCode, commitments: [{ criterionId: line, number: target }], ...extra });
      if (!r.ok) throw new Error(r.reason);
    };
    await register('an', 'LDTT', '2');
    await register('binh', 'CSTDCS', '5000', { basis: 'EXCELLENT_RATING' });
    await register('dung', 'LDTT', '3');
    for (const [who, value] of [['an', '1234.5'], ['binh', '3']] as const) {
      const r = await h.app.services.reports.submit({ memberId: ids[who]!, campaignId, criterionId: line, number: value, evidence: [] });
      if (!r.ok) throw new Error(r.reason);
    }
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await zalo?.close();
  });

  it('Telegram: an officer picks the campaign, reads the figures of their unit as the database has them, nudges, and gets the chart as a PNG photo', async () => {
    officer.send('/stats');
    const list = await officer.waitFor(/Xem số liệu phong trào/);
    expect(officer.buttons(list)).toEqual(expect.arrayContaining([expect.stringContaining('xuan-2026'), expect.stringContaining('he-2026')]));
    officer.press(/xuan-2026/);
    const text = await officer.waitFor(/Số liệu thi đua — Thi đua chào mừng đại hội xuan-2026/);
    expect(text.text).toContain('các đơn vị thuộc phạm vi phụ trách của đồng chí');
    const dk = await fromDatabase('DONGKHOI');
    // 1.234,5 + 3 reported against 2 + 5.000 committed: Vietnamese number format.
    expect(dk.reported).toBe(1237.5);
    for (const expected of expectedLines(dk)) expect(text.text).toContain(expected);
    expect(text.text).toContain(`Tổng cộng: ${dk.registered}/${dk.audience} người đã đăng ký`);
    expect(text.text).toContain('Danh hiệu đăng ký: Lao động tiên tiến: 1, Chiến sĩ thi đua cơ sở: 1');
    expect(text.text).toContain('Báo cáo trong kỳ: 2 báo cáo của 2 người');
    // Only the officer's own subtree.
    expect(text.text).not.toContain('Giồng Trôm');

    const photo = await officer.waitFor(/tỷ lệ đăng ký và đạt chỉ tiêu theo đơn vị/);
    const png = h.fake.uploadedContent(photo.photo!.at(-1)!.file_id)!;
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width: CHART_WIDTH, height: chartHeight(1) });

    // Nudge: those who have not registered in the officer's units are reminded once.
    officer.press(/Nhắc 2 người chưa thực hiện/);
    // The same preview as /nudge: who would be reminded, then the officer confirms.
    const preview = await officer.waitFor(/Xem trước lời nhắc/);
    expect(preview.text).toContain('Xã Đồng Khởi (2 người)\n• Lê Thị Chi\n• Trần Thị Hoa');
    const ask = await officer.waitFor(/Gửi lời nhắc tới 2 người ở 1 đơn vị\?/);
    officer.press('🔔 Gửi nhắc (2 người)', { inMessage: ask });
    await officer.waitFor(/Đã gửi lời nhắc tới 2 người chưa thực hiện/);
    const focus = await h.app.services.prisma.milestone.findFirstOrThrow({ where: { campaignId, kind: 'REGISTRATION' } });
    const nudged = await h.app.services.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: `nudge:${focus.id}:` } } });
    expect(nudged.map((d) => d.memberId).sort()).toEqual([ids.chi, (await h.app.services.prisma.member.findFirstOrThrow({ where: { fullName: 'Trần Thị Hoa' } })).id].sort());
  }, 60_000);

  it('the chart SVG names every unit the officer sees, and only those', async () => {
    const hoa = await h.app.services.prisma.member.findFirstOrThrow({ where: { fullName: 'Trần Thị Hoa' } });
    const r = await h.app.services.stats.forCampaign({ actor: { id: hoa.id }, campaignId });
    if (!r.ok) throw new Error(r.reason);
    const { svg, height } = await chartSvg(statsChartInput((k, v) => translate('vi', k, v), r.stats, 'vi'));
    expect(svg).toContain('Xã Đồng Khởi');
    expect(svg).not.toContain('Giồng Trôm');
    expect(height).toBe(chartHeight(1));
  });

  it('Zalo: «thống kê» lists the campaigns, the figures of every unit below the officer come as text with «nhắc <id>», and the chart by a link Zalo fetches', async () => {
    const minh: ZaloUser = zalo.user('Minh');
    const o = await h.app.services.members.touch({ channel: 'ZALO', externalId: minh.id, firstName: 'Minh' });
    await h.app.services.members.setUnit(o.id, (await h.app.services.units.byCode('BENTRE'))!.id);
    await h.app.services.members.setName(o.id, 'Lê Văn Minh');
    await h.app.services.members.setRole(o.id, 'OFFICER');

    const say = async (text: string, re: RegExp) => {
      const before = zalo.sentTo(minh.id).length;
      zalo.userSays(minh, text);
      return until(() => {
        const texts = zalo.textsTo(minh.id).slice(before).join('\n\n');
        return re.test(texts) ? texts : null;
      }, `an answer matching ${re}`);
    };
    const list = await say('thống kê', /Xem số liệu phong trào/);
    const n = /(\d+)\. Thi đua chào mừng đại hội xuan-2026/.exec(list)![1]!;
    const before = zalo.sentTo(minh.id).length;
    const text = await say(n, /Số liệu thi đua — Thi đua chào mừng đại hội xuan-2026[\s\S]*Gửi: nhắc \d+/);
    for (const code of ['DONGKHOI', 'GIONGTROM']) for (const expected of expectedLines(await fromDatabase(code))) expect(text).toContain(expected);
    expect(text).toContain('🏢 UBND tỉnh Bến Tre: 0/1 người đã đăng ký (0%)');
    const focus = await h.app.services.prisma.milestone.findFirstOrThrow({ where: { campaignId, kind: 'REGISTRATION' } });
    expect(text).toMatch(new RegExp(`🔔 Nhắc 3 người chưa thực hiện — Gửi: nhắc ${focus.id}`));
    expect(zalo.textsTo(minh.id).slice(before).every((t) => t.length <= 2000)).toBe(true);

    const photo = await until(() => zalo.sentTo(minh.id).slice(before).find((m) => m.method === 'sendPhoto'), 'the chart');
    expect(photo.photo!.startsWith(`${publicUrl}/media/chart/`)).toBe(true);
    expect(photo.photoType).toBe('image/png');
    expect(photo.photoBytes!.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(photo.photoBytes!)).toEqual({ width: CHART_WIDTH, height: chartHeight(3) });
    const r = await h.app.services.stats.forCampaign({ actor: { id: o.id }, campaignId });
    if (!r.ok) throw new Error(r.reason);
    const { svg } = await chartSvg(statsChartInput((k, v) => translate('vi', k, v), r.stats, 'vi'));
    for (const name of ['UBND tỉnh Bến Tre', 'Xã Đồng Khởi', 'Xã Giồng Trôm']) expect(svg).toContain(name);

    // By code, the same figures; the link is drawn for whoever it was made for, as they are now.
    await say('thong ke xuan-2026', /Số liệu thi đua — Thi đua chào mừng đại hội xuan-2026/);
    await h.app.services.members.setRole(o.id, 'MEMBER');
    const refetch = await fetch(photo.photo!);
    expect(refetch.status).toBe(404);
    expect(await fetch(photo.photo!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))).then((x) => x.status)).toBe(404);
    const refused = await h.app.services.prisma.auditLog.findFirst({ where: { action: 'stats.chart', actorId: o.id, outcome: 'REFUSED' } });
    expect(refused).not.toBeNull();
  }, 60_000);

  it('a member asking for figures is refused on both channels, and the refusal is audited', async () => {
    const lan: ZaloUser = zalo.user('Lan');
    const m = await h.app.services.members.touch({ channel: 'ZALO', externalId: lan.id, firstName: 'Lan' });
    await h.app.services.members.setUnit(m.id, (await h.app.services.units.byCode('DONGKHOI'))!.id);
    await h.app.services.members.setName(m.id, 'Đỗ Thị Lan');
    zalo.userSays(lan, 'thống kê xuan-2026');
    await until(() => zalo.textsTo(lan.id).some((t) => /không có quyền/.test(t)), 'the refusal on Zalo');
    expect(zalo.sentTo(lan.id).some((x) => x.method === 'sendPhoto')).toBe(false);

    const an = h.fake.user({ firstName: 'An' });
    await joined(h, an, 'Hồ Văn Ân');
    an.send('/stats xuan-2026');
    await an.waitFor(/không có quyền/);
    expect(an.messages.some((x) => x.photo)).toBe(false);
    const refusals = await h.app.services.prisma.auditLog.findMany({ where: { action: 'stats.view', outcome: 'REFUSED' } });
    expect(refusals.map((a) => a.actorId)).toEqual(expect.arrayContaining([m.id]));
    expect(refusals).toHaveLength(2);
  }, 30_000);
});
