/**
 * /stats as the officer reads it, for a tổng kết of 200 units: every unit's block whole in one
 * message of at most the channel's length (Telegram 4,096, Zalo 2,000), the Nudge action last,
 * numbers in the reader's convention; and the chart: names in its SVG, a PNG of the size promised,
 * within Telegram's photo limits however many units there are.
 */
import { describe, expect, it } from 'vitest';
import { createI18n, translator } from '../../src/channels/telegram/i18n.js';
import { renderForTelegram } from '../../src/channels/telegram/render/outbox.js';
import { htmlLength, htmlToPlain, splitHtml, TEXT_LIMIT } from '../../src/messages/split.js';
import { renderText, ZALO_TEXT_LIMIT } from '../../src/messages/text.js';
import { statsChartInput, statsMessage } from '../../src/insight/stats-message.js';
import { CHART_WIDTH, chartHeight, chartSvg, MAX_CHART_UNITS, renderChart } from '../../src/insight/chart.js';
import { pngSize } from '../support/fake-telegram.js';
import type { CampaignStats, UnitStats } from '../../src/services/stats.js';

const translate = translator(createI18n('vi'));
const tIn = (locale: string) => (key: string, vars?: Record<string, string | number>) => translate(locale, key, vars);

function unit(i: number): UnitStats {
  const laggards = Array.from({ length: 14 }, (_, k) => ({ memberId: i * 100 + k, name: `Nguyễn Thị Thu Hương ${i}-${k}` }));
  return {
    unitId: i,
    code: `U${i}`,
    name: `Ủy ban nhân dân xã Đông Thạnh số ${i}`,
    path: `/1/${i}/`,
    audience: 40,
    registered: 26,
    registeredShare: 0.65,
    byTitle: { LDTT: 20, CSTDCS: 6 },
    collectiveTitle: 'TTLDTT',
    reportsInPeriod: 30,
    reportersInPeriod: 22,
    lines: [{ criterionId: 1, reported: 1234.5, target: 2000, committed: 26, reached: 9 }],
    targetsReachedShare: 9 / 26,
    unreachable: 2,
    optedOut: 1,
    laggards,
  };
}

function stats(n: number): CampaignStats {
  const units = Array.from({ length: n }, (_, i) => unit(i + 1));
  return {
    campaign: { id: 1, code: 'xuan-2026', title: 'Thi đua "Mừng Đảng, mừng Xuân" 2026', status: 'LAUNCHED', startsAt: new Date('2026-01-01T00:00:00Z'), endsAt: new Date('2026-12-31T00:00:00Z') },
    at: new Date('2026-12-07T03:00:00Z'),
    scope: 'all',
    titles: [
      { code: 'LDTT', name: null, scope: 'INDIVIDUAL' },
      { code: 'CSTDCS', name: null, scope: 'INDIVIDUAL' },
      { code: 'TTLDTT', name: null, scope: 'COLLECTIVE' },
    ],
    lines: [{ criterionId: 1, code: 'K1', title: 'Trồng cây xanh', measure: 'NUMBER', unitOfMeasure: 'cây' }],
    period: { milestoneId: 5, title: null, dueAt: new Date('2026-12-31T10:00:00Z') },
    focus: { milestoneId: 5, kind: 'PROGRESS_REPORT', title: null, dueAt: new Date('2026-12-31T10:00:00Z') },
    units,
    totals: {
      audience: 40 * n,
      registered: 26 * n,
      registeredShare: 0.65,
      byTitle: { LDTT: 20 * n, CSTDCS: 6 * n },
      reportsInPeriod: 30 * n,
      reportersInPeriod: 22 * n,
      unreachable: 2 * n,
      optedOut: n,
      laggards: 14 * n,
      targetsReachedShare: 9 / 26,
      lines: [{ criterionId: 1, reported: 1234.5 * n, target: 2000 * n, committed: 26 * n, reached: 9 * n }],
    },
  };
}

/** The part (index) holding a text, and that it is there once in all. */
function partOf(parts: string[], text: string): number {
  const found = parts.flatMap((p, i) => (p.includes(text) ? [i] : []));
  expect(found, text).toHaveLength(1);
  return found[0]!;
}

describe('/stats for 200 units', () => {
  const s = stats(200);

  it('on Telegram: messages of at most 4,096 characters, each unit whole in one, the Nudge button under the last', () => {
    const rendered = renderForTelegram(tIn('vi'), statsMessage(s), () => 'bot');
    const parts = splitHtml(rendered.text, TEXT_LIMIT);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.every((p) => htmlLength(p) <= TEXT_LIMIT)).toBe(true);
    const plain = parts.map(htmlToPlain);
    for (const u of s.units) {
      const at = partOf(plain, `🏢 ${u.name}: 26/40 người đã đăng ký (65%)`);
      expect(plain[at]).toContain(`⏳ Chưa báo cáo kỳ này: ${u.laggards.slice(0, 10).map((l) => l.name).join(', ')} và 4 người khác`);
    }
    expect(plain[0]).toContain('• Trồng cây xanh: đạt 246.900/400.000 cây; 1.800/5.200 người đạt chỉ tiêu đã cam kết');
    expect(plain[0]).toContain('Danh hiệu đăng ký: Lao động tiên tiến: 4.000, Chiến sĩ thi đua cơ sở: 1.200');
    expect(rendered.markup?.inline_keyboard).toEqual([[{ text: '🔔 Nhắc 2.800 người chưa thực hiện', callback_data: expect.any(String) }]]);
  });

  it('on Zalo: parts of at most 2,000 characters, each unit whole, and what to send to nudge at the end', () => {
    const parts = renderText(tIn('vi'), statsMessage(s), { limit: ZALO_TEXT_LIMIT });
    expect(parts.every((p) => p.length <= ZALO_TEXT_LIMIT)).toBe(true);
    for (const u of s.units) partOf(parts, `🏢 ${u.name}: 26/40`);
    expect(parts.at(-1)).toMatch(/1\. 🔔 Nhắc 2\.800 người chưa thực hiện — Gửi: nhắc 5$/);
  });

  it('writes numbers as the reader does: 1.234,5 in Vietnamese, 1,234.5 in English', () => {
    const one = stats(1);
    expect(renderText(tIn('vi'), statsMessage(one)).join('\n')).toContain('đạt 1.234,5/2.000 cây');
    expect(renderText(tIn('en'), statsMessage(one)).join('\n')).toContain('1,234.5/2,000 cây achieved');
  });
});

describe('the chart', () => {
  it('names the units in its SVG and renders a PNG of the promised size', async () => {
    const input = statsChartInput(tIn('vi'), stats(3), 'vi');
    const { svg } = await chartSvg(input);
    for (let i = 1; i <= 3; i++) expect(svg).toContain(`Ủy ban nhân dân xã Đông Thạnh số ${i}`);
    expect(svg).toContain('65%');
    const chart = await renderChart(input);
    expect(chart.png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    expect(pngSize(chart.png)).toEqual({ width: CHART_WIDTH, height: chartHeight(3) });
    // The first chart of the process loads ECharts: seconds on a busy machine.
  }, 30_000);

  it('stays within Telegram photo limits for a long list, drawing the first units and counting the rest', async () => {
    const chart = await renderChart(statsChartInput(tIn('vi'), stats(400), 'vi'));
    expect(chart.omitted).toBe(400 - MAX_CHART_UNITS);
    const size = pngSize(chart.png)!;
    expect(size).toEqual({ width: CHART_WIDTH, height: chartHeight(MAX_CHART_UNITS) });
    expect(size.width + size.height).toBeLessThanOrEqual(10_000);
    expect(size.height / size.width).toBeLessThanOrEqual(20);
    expect(chart.svg).toContain(`Đông Thạnh số ${MAX_CHART_UNITS}<`);
    expect(chart.svg).not.toContain(`Đông Thạnh số ${MAX_CHART_UNITS + 1}<`);
  }, 30_000);
});
