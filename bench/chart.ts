/**
 * bench/chart — one /stats chart of 200 units (issue 11: under 500 ms on this machine), against a
 * baseline measured in the same run: the same ECharts → resvg pipeline as one writes it from the two
 * READMEs — the full `echarts` bundle, resvg with its default options (it scans the system's fonts,
 * here given our TTF as well) and the synchronous `new Resvg(svg).render().asPng()` on the event loop.
 *
 * Ours (src/insight/chart.ts): only the ECharts parts a bar chart needs, no animation, resvg told to
 * load our one font and no system font, and `renderAsync` — the rasterising and PNG encoding run on
 * libuv's thread pool, so the bot keeps answering updates while a chart is drawn.
 *
 * Printed per pipeline: the first chart in this process (cold: modules and JIT not warm), the median
 * and worst wall time of the next runs, the median CPU time of the process (all its threads: less
 * coloured by other processes on a shared machine than wall time), and the longest stall of the event
 * loop during a chart (what other officers' updates wait). Figures only, never a verdict.
 */
import * as echartsFull from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY, CHART_FONT_FILE, chartHeight, CHART_WIDTH, chartSvg, renderChart, type ChartInput } from '../src/insight/chart.js';
import { fmt, printTable } from './lib.js';

const UNITS = Number(process.env.BENCH_CHART_UNITS ?? 200);
const RUNS = Number(process.env.BENCH_CHART_RUNS ?? 10);

const input: ChartInput = {
  title: 'Phong trào thi đua "Đồng khởi mới" giai đoạn 2020 - 2025',
  subtitle: 'Số liệu lúc 10:00 07/12/2026',
  legend: { registered: 'Đã đăng ký (% số người của đơn vị)', reached: 'Đạt chỉ tiêu (% chỉ tiêu đã cam kết)' },
  units: Array.from({ length: UNITS }, (_, i) => ({ name: `UBND xã Đông Thạnh số ${i + 1}`, registered: ((i * 37) % 100) / 100, reached: ((i * 53) % 100) / 100 })),
  locale: 'vi',
};

/** The baseline: full bundle, the same option, resvg's defaults (plus our font), synchronous. */
function baseline(): Buffer {
  const height = chartHeight(input.units.length);
  const chart = echartsFull.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
  const bar = (name: string, data: number[]) => ({ name, type: 'bar' as const, data, label: { show: true, position: 'right' as const, formatter: (p: { value: unknown }) => percent.format(Number(p.value)) } });
  chart.setOption({
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: { text: input.title, subtext: input.subtitle },
    legend: { top: 70 },
    grid: { top: 105 },
    xAxis: { type: 'value', min: 0, max: 1 },
    yAxis: { type: 'category', inverse: true, data: input.units.map((u) => u.name), axisLabel: { interval: 0 } },
    series: [bar(input.legend.registered, input.units.map((u) => u.registered)), bar(input.legend.reached, input.units.map((u) => u.reached))],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return new Resvg(svg, { font: { fontFiles: [CHART_FONT_FILE] } }).render().asPng();
}

async function ours(): Promise<Buffer> {
  return (await renderChart(input)).png;
}

/** The longest gap between ticks of a 2 ms timer while `fn` runs: how long the event loop was held. */
async function withStall<T>(fn: () => T | Promise<T>): Promise<{ value: T; stall: number }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 2);
  const value = await fn();
  // Let the timer see the gap a synchronous call left.
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(timer);
  return { value, stall };
}

async function measure(name: string, fn: () => Buffer | Promise<Buffer>) {
  const times: number[] = [];
  const cpu: number[] = [];
  let stall = 0;
  let bytes = 0;
  for (let i = 0; i <= RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await withStall(fn);
    times.push(performance.now() - t0 - 5);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (i > 0) stall = Math.max(stall, r.stall);
    bytes = r.value.length;
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const warm = times.slice(1);
  return {
    name,
    'first ms': fmt(times[0]!, 0),
    'median ms': fmt(median(warm), 0),
    'worst ms': fmt(Math.max(...warm), 0),
    'median CPU ms': fmt(median(cpu.slice(1)), 0),
    'event-loop stall ms': fmt(stall, 0),
    'PNG KB': Math.round(bytes / 1024),
  };
}

// Ours first, so its "first" figure is truly cold (the baseline then finds ECharts' shared code warm: to its advantage).
const a = await measure('src/insight/chart.ts', ours);
const b = await measure('baseline (full echarts, resvg defaults, sync)', baseline);
console.log(`one chart, ${UNITS} units, ${CHART_WIDTH}×${chartHeight(UNITS)} px, ${RUNS} runs after the first; SVG ${Math.round((await chartSvg(input)).svg.length / 1024)} KB`);
printTable('chart rendering', [a, b]);
const ratio = (k: keyof typeof a) => fmt(Number(a[k]) / Number(b[k]), 2);
console.log(`ours / baseline: median ${ratio('median ms')}×, CPU ${ratio('median CPU ms')}×, event-loop stall ${ratio('event-loop stall ms')}×`);
