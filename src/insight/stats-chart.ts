/**
 * The /stats chart for one member and campaign, drawn from the figures that member may see now
 * (StatsService decides and audits, under `stats.chart`), in their language. What a chart link
 * (`/media/chart/<token>`, for Zalo) serves; Telegram draws from the figures it has just shown.
 */
import type { Services } from '../services/index.js';
import type { CampaignStats } from '../services/stats.js';
import { MAX_CHART_UNITS, renderChart, type RenderedChart } from './chart.js';
import { statsChartInput } from './stats-message.js';

/** Translates in a locale (the composition root's Fluent bundles). */
export type Translate = (locale: string, key: string, vars?: Record<string, string | number>) => string;

/** The chart of figures already read, in `locale`. */
export function chartOf(translate: Translate, locale: string, stats: CampaignStats): Promise<RenderedChart> {
  return renderChart(statsChartInput((key, vars) => translate(locale, key, vars), stats, locale));
}

/**
 * Units per picture when the chart goes as an album: 50 rows make a 1,000 × 1,640 px picture,
 * which Telegram shows as drawn (it scales a photo down to about 2,560 px on its long side, so one
 * picture of 200 units — 1,000 × 6,140 — arrived too small to read).
 */
export const UNITS_PER_PAGE = 50;

/**
 * The chart as pictures of at most `perPage` units each, in the list's order, each subtitled
 * "trang k/n" when there are several; units past {@link MAX_CHART_UNITS} are left out as in one
 * picture. Drawn one after another (each rasterised off the event loop).
 */
export async function chartPagesOf(translate: Translate, locale: string, stats: CampaignStats, perPage = UNITS_PER_PAGE): Promise<{ pages: RenderedChart[]; shown: number; omitted: number }> {
  const input = statsChartInput((key, vars) => translate(locale, key, vars), stats, locale);
  const units = input.units.slice(0, MAX_CHART_UNITS);
  const count = Math.max(1, Math.ceil(units.length / perPage));
  const pages: RenderedChart[] = [];
  for (let k = 0; k < count; k++) {
    const page = count > 1 ? translate(locale, 'stats-chart-page', { page: k + 1, pages: count }) : null;
    pages.push(await renderChart({ ...input, subtitle: page ? `${input.subtitle ?? ''} · ${page}` : input.subtitle ?? '', units: units.slice(k * perPage, (k + 1) * perPage) }));
  }
  return { pages, shown: units.length, omitted: input.units.length - units.length };
}

/**
 * `(campaignId, memberId) → PNG | null`: null when the member may not see the campaign's figures
 * (or is gone). For {@link MediaDeps.chart}.
 */
export function chartForMember(services: Services, translate: Translate, defaultLocale: string) {
  return async (campaignId: number, memberId: number): Promise<Buffer | null> => {
    const r = await services.stats.forCampaign({ actor: { id: memberId }, campaignId, action: 'stats.chart' });
    if (!r.ok) return null;
    const member = await services.members.byId(memberId);
    return (await chartOf(translate, member?.locale ?? defaultLocale, r.stats)).png;
  };
}
