/**
 * The /stats chart for one member and campaign, drawn from the figures that member may see now
 * (StatsService decides and audits, under `stats.chart`), in their language. What a chart link
 * (`/media/chart/<token>`, for Zalo) serves; Telegram draws from the figures it has just shown.
 */
import type { Services } from '../services/index.js';
import type { CampaignStats } from '../services/stats.js';
import { renderChart, type RenderedChart } from './chart.js';
import { statsChartInput } from './stats-message.js';

/** Translates in a locale (the composition root's Fluent bundles). */
export type Translate = (locale: string, key: string, vars?: Record<string, string | number>) => string;

/** The chart of figures already read, in `locale`. */
export function chartOf(translate: Translate, locale: string, stats: CampaignStats): Promise<RenderedChart> {
  return renderChart(statsChartInput((key, vars) => translate(locale, key, vars), stats, locale));
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
