/**
 * Biểu đồ thi đua — the chart that comes with /stats: per unit, two horizontal bars, the share of
 * the audience that registered and the share of members' own targets reached. Rendered on the
 * server, with no browser and no system fonts: Apache ECharts draws SVG in server-side mode,
 * @resvg/resvg-js turns it into PNG with Be Vietnam Pro (an npm-shipped font with every Vietnamese
 * glyph), off the event loop (resvg's async render runs on libuv's thread pool).
 *
 * Horizontal bars because unit names are long ("UBND xã Đông Thạnh") and a tổng kết may list 200
 * units: the picture grows downwards, {@link ROW_HEIGHT} per unit, within Telegram's photo limits
 * (width + height ≤ 10,000, sides at most 20:1); past {@link MAX_CHART_UNITS} the first units in
 * tree order are drawn and the caption says how many were left out.
 *
 * @example const { png } = await renderChart({ title: 'Xuân 2026', legend, units: [{ name: 'Xã A', registered: 0.5, reached: 0.25 }], locale: 'vi' });
 */
import { createRequire } from 'node:module';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/**
 * ECharts and resvg, loaded on the first chart rather than at start-up: ECharts is hundreds of
 * modules (seconds to load on a busy machine), and most processes never draw a chart.
 */
let engine: Promise<{ echarts: typeof import('echarts/core'); renderAsync: typeof import('@resvg/resvg-js').renderAsync }> | null = null;

function loadEngine() {
  engine ??= (async () => {
    const [echarts, charts, components, renderers, resvg] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
      import('@resvg/resvg-js'),
    ]);
    echarts.use([charts.BarChart, components.GridComponent, components.LegendComponent, components.TitleComponent, renderers.SVGRenderer]);
    return { echarts, renderAsync: resvg.renderAsync };
  })();
  return engine;
}

/** Width of every chart, in pixels: room for a long unit name and two labelled bars. */
export const CHART_WIDTH = 1000;
/** Height per unit (two bars and a gap). */
export const ROW_HEIGHT = 30;
/** Title, legend and axis. */
const CHROME_HEIGHT = 140;
/** Units drawn at most: 1000 + 140 + 290 × 30 = 9,840 px, inside Telegram's width + height ≤ 10,000. */
export const MAX_CHART_UNITS = 290;
/** The font every text is drawn with (the family name inside the TTF). */
export const CHART_FONT_FAMILY = 'Be Vietnam Pro';

const require = createRequire(import.meta.url);
/** Path of the TTF, resolved from the npm package (no system font is assumed). */
export const CHART_FONT_FILE = require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf');

/** One unit's bars: shares 0…1. */
export interface ChartUnit {
  name: string;
  registered: number;
  reached: number;
}

/** What to draw; texts already in the reader's language. */
export interface ChartInput {
  title: string;
  subtitle?: string;
  legend: { registered: string; reached: string };
  units: readonly ChartUnit[];
  /** Number format of the percentages ("12,5%" in Vietnamese). */
  locale: string;
}

/** A rendered chart: the PNG to send and the SVG it came from. */
export interface RenderedChart {
  png: Buffer;
  svg: string;
  width: number;
  height: number;
  /** Units left out past {@link MAX_CHART_UNITS}. */
  omitted: number;
}

/** Height of a chart of `units` units (after the cap). */
export function chartHeight(units: number): number {
  return CHROME_HEIGHT + Math.max(1, Math.min(units, MAX_CHART_UNITS)) * ROW_HEIGHT;
}

/** Longest unit name drawn; longer ones end with "…" (the text message has them in full). */
const MAX_NAME = 48;

function shortName(name: string): string {
  const chars = [...name];
  return chars.length > MAX_NAME ? `${chars.slice(0, MAX_NAME - 1).join('')}…` : name;
}

/** The chart as SVG (ECharts server-side rendering, no DOM). */
export async function chartSvg(input: ChartInput): Promise<{ svg: string; width: number; height: number; omitted: number }> {
  const { echarts } = await loadEngine();
  const units = input.units.slice(0, MAX_CHART_UNITS);
  const width = CHART_WIDTH;
  const height = chartHeight(units.length);
  const percent = new Intl.NumberFormat(input.locale === 'en' ? 'en-US' : 'vi-VN', { style: 'percent', maximumFractionDigits: 1 });
  const axisPercent = new Intl.NumberFormat(input.locale === 'en' ? 'en-US' : 'vi-VN', { style: 'percent', maximumFractionDigits: 0 });
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    // Top to bottom in the list's order: ECharts draws a category axis from the bottom, hence inverse.
    const names = units.map((u) => shortName(u.name));
    const bar = (name: string, data: number[], color: string) => ({
      name,
      type: 'bar' as const,
      data,
      barGap: '10%',
      barCategoryGap: '30%',
      itemStyle: { color },
      label: { show: true, position: 'right' as const, fontSize: 11, color: '#333', formatter: (p: { value: unknown }) => percent.format(Number(p.value)) },
    });
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CHART_FONT_FAMILY },
      title: { text: input.title, subtext: input.subtitle ?? '', left: 16, top: 10, textStyle: { fontSize: 18, fontWeight: 'normal' }, subtextStyle: { fontSize: 13 } },
      legend: { top: 66, left: 16, itemWidth: 18, itemHeight: 12, textStyle: { fontSize: 13 } },
      grid: { left: 16, right: 70, top: 120, bottom: 20 },
      xAxis: { type: 'value', min: 0, max: 1, splitNumber: 5, position: 'top', axisLabel: { fontSize: 11, formatter: (v: number) => axisPercent.format(v) } },
      yAxis: { type: 'category', inverse: true, data: names, axisLabel: { fontSize: 12, interval: 0 }, axisTick: { show: false } },
      series: [
        bar(input.legend.registered, units.map((u) => clamp01(u.registered)), '#1f77b4'),
        bar(input.legend.reached, units.map((u) => clamp01(u.reached)), '#d62728'),
      ],
    });
    return { svg: chart.renderToSVGString(), width, height, omitted: input.units.length - units.length };
  } finally {
    chart.dispose();
  }
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/** resvg's options: only our font (scanning system fonts is slow and they may not exist), drawn as is. */
export const RESVG_OPTIONS: ResvgRenderOptions = {
  font: { loadSystemFonts: false, fontFiles: [CHART_FONT_FILE], defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
  fitTo: { mode: 'original' },
  // Bars are axis-aligned rectangles: crisp edges cost less and look sharper. Text keeps its anti-aliasing
  // (without it Vietnamese marks break up: "Đã" reads "Đá").
  shapeRendering: 1,
  background: '#ffffff',
  logLevel: 'off',
};

/** The chart as PNG (and its SVG), rasterised off the event loop. */
export async function renderChart(input: ChartInput): Promise<RenderedChart> {
  const { svg, width, height, omitted } = await chartSvg(input);
  const image = await (await loadEngine()).renderAsync(svg, RESVG_OPTIONS);
  return { png: image.asPng(), svg, width, height, omitted };
}
