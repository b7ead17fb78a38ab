/**
 * Draws the chart shown in the README (docs/stats-chart.png) with the demo's units (scripts/demo.ts)
 * and made-up figures, through the same renderer and locale strings as /stats:
 * `npx tsx scripts/readme-chart.ts`.
 */
import { writeFileSync } from 'node:fs';
import { renderChart } from '../src/insight/chart.js';
import { createI18n, translator } from '../src/channels/telegram/i18n.js';

const t = translator(createI18n('vi'));
const units: Array<[string, number, number]> = [
  ['UBND tỉnh Bến Tre', 0.92, 0.61],
  ['Huyện Giồng Trôm', 0.78, 0.44],
  ['Xã Đồng Khởi', 0.85, 0.52],
  ['Sở Giáo dục và Đào tạo', 0.97, 0.73],
  ['Ủy ban MTTQ Việt Nam tỉnh', 0.66, 0.38],
  ['Tỉnh Đoàn', 0.88, 0.69],
  ['Hội Liên hiệp Phụ nữ tỉnh', 0.71, 0.25],
];
const chart = await renderChart({
  title: 'Phong trào thi đua "Đồng khởi mới" giai đoạn 2020 - 2025',
  subtitle: t('vi', 'stats-at', { at: '10:00 07/12/2026' }),
  legend: { registered: t('vi', 'stats-chart-registered'), reached: t('vi', 'stats-chart-reached') },
  units: units.map(([name, registered, reached]) => ({ name, registered, reached })),
  locale: 'vi',
});
const out = new URL('../docs/stats-chart.png', import.meta.url);
writeFileSync(out, chart.png);
console.log(`${out.pathname}: ${chart.width}×${chart.height}, ${chart.png.length} bytes`);
