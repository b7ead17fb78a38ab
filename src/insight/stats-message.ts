/**
 * /stats as a message: the figures of src/services/stats.ts as data (template key, raw values, the
 * Nudge action), rendered like an outbox message in the reader's language — Telegram with an inline
 * button, a text channel (Zalo) with "Gửi: nhắc 12" — and cut into as many messages as the
 * channel's length needs, whole lines only. Numbers go to the locale files as numbers, so they read
 * "1.234,5" and "50%" in Vietnamese and "1,234.5" in English. Also the chart's words and bars.
 */
import { formatDate, formatDateTime } from '../domain/dates.js';
import { escapeHtml, htmlToPlain } from '../domain/text.js';
import type { CampaignStats, StatsRefusal } from '../services/stats.js';
import { shorten } from '../domain/reminders.js';
import type { OutboxMessage } from '../messages/types.js';
import { TEMPLATES } from '../messages/compose.js';
import { titleText, type T } from '../messages/templates.js';
import type { ChartInput } from './chart.js';

/** Template key of the stats message (src/messages/templates.ts renders it with {@link renderStats}). */
export const STATS_TEMPLATE = TEMPLATES.stats;

/** Laggard names listed per unit; the rest are counted ("và 12 người khác"). */
export const STATS_NAMES_PER_UNIT = 10;

const esc = escapeHtml;

/**
 * A share 0…1 as the percentage figure the locale files put before "%" (66.7), one decimal: Fluent
 * formats it in the reader's convention ("66,7%"), and a locale file may not choose NUMBER's style.
 */
const percent = (share: number) => Math.round(share * 1000) / 10;

/**
 * The stats of a campaign as a message: the figures (JSON-safe) and, while the campaign runs and
 * someone lags, the Nudge action for the focus milestone (the service re-checks who presses it).
 */
export function statsMessage(s: CampaignStats): OutboxMessage {
  const laggards = s.totals.laggards;
  const canNudge = s.focus && laggards > 0 && s.campaign.status === 'LAUNCHED';
  return {
    key: STATS_TEMPLATE,
    vars: {
      campaign: s.campaign.title,
      at: s.at.toISOString(),
      subtree: s.scope === 'subtree',
      period: s.period ? { dueAt: s.period.dueAt.toISOString(), title: s.period.title } : null,
      focus: s.focus ? s.focus.kind : null,
      titles: s.titles.map((x) => ({ code: x.code, name: x.name })),
      lines: s.lines.map((l) => ({ title: l.title, unit: l.unitOfMeasure, yesNo: l.measure === 'YES_NO' })),
      totals: {
        audience: s.totals.audience,
        registered: s.totals.registered,
        share: s.totals.registeredShare,
        byTitle: s.totals.byTitle,
        reports: s.totals.reportsInPeriod,
        reporters: s.totals.reportersInPeriod,
        unreachable: s.totals.unreachable,
        optedOut: s.totals.optedOut,
        laggards,
        lines: s.totals.lines.map((l) => [l.reported, l.target, l.reached, l.committed]),
      },
      units: s.units.map((u) => ({
        name: u.name,
        audience: u.audience,
        registered: u.registered,
        share: u.registeredShare,
        byTitle: u.byTitle,
        collective: u.collectiveTitle,
        reports: u.reportsInPeriod,
        reporters: u.reportersInPeriod,
        unreachable: u.unreachable,
        optedOut: u.optedOut,
        lines: u.lines.map((l) => [l.reported, l.target, l.reached, l.committed]),
        laggards: u.laggards.slice(0, STATS_NAMES_PER_UNIT).map((l) => l.name),
        laggardCount: u.laggards.length,
      })),
    },
    actions: canNudge ? [[{ kind: 'nudge', milestoneId: s.focus!.milestoneId, label: { key: 'stats-nudge-button', vars: { count: laggards } } }]] : [],
  };
}

type Figures = {
  audience: number;
  registered: number;
  share: number;
  byTitle: Record<string, number>;
  reports: number;
  reporters: number;
  unreachable: number;
  optedOut: number;
  lines: number[][];
};

type Vars = {
  campaign: string;
  at: string;
  subtree: boolean;
  period: { dueAt: string; title: string | null } | null;
  focus: string | null;
  titles: Array<{ code: string; name: string | null }>;
  lines: Array<{ title: string; unit: string | null; yesNo: boolean }>;
  totals: Figures & { laggards: number };
  units: Array<Figures & { name: string; collective: string | null; laggards: string[]; laggardCount: number }>;
};

/** The lines every block shares: titles, reports in the period, content lines, unreachable / opted out. */
function figureLines(t: T, v: Vars, f: Figures, always: boolean): string[] {
  const out: string[] = [];
  const titles = v.titles.filter((x) => f.byTitle[x.code]).map((x) => t('stats-title-count', { title: esc(titleText(t, x.code, x.name)), count: f.byTitle[x.code]! }));
  if (titles.length) out.push(t('stats-titles', { titles: titles.join(', ') }));
  if (v.period && (always || f.reports > 0)) out.push(t('stats-reports', { reports: f.reports, reporters: f.reporters }));
  v.lines.forEach((l, i) => {
    const [reported = 0, target = 0, reached = 0, committed = 0] = f.lines[i] ?? [];
    if (reported === 0 && committed === 0) return;
    out.push(
      t(l.yesNo ? 'stats-line-yes-no' : 'stats-line', {
        line: esc(l.title),
        reported,
        target,
        unit: l.unit ? ` ${esc(l.unit)}` : '',
        reached,
        committed,
      }),
    );
  });
  if (always || f.unreachable || f.optedOut) out.push(t('stats-reach', { unreachable: f.unreachable, optedOut: f.optedOut }));
  return out;
}

/** Renders the stats message's text (HTML) in the reader's language: a header, the totals, then one block per unit. */
export function renderStats(t: T, raw: Record<string, unknown>): string {
  const v = raw as unknown as Vars;
  const head = [t('stats-header', { campaign: esc(v.campaign) }), t(v.subtree ? 'stats-at-subtree' : 'stats-at', { at: formatDateTime(new Date(v.at)) })];
  if (v.period) head.push(t('stats-period', { deadline: formatDate(new Date(v.period.dueAt)) }));
  const lagKey = v.focus === 'REGISTRATION' ? 'stats-laggards-registration' : 'stats-laggards-report';
  const total = [t('stats-total', { registered: v.totals.registered, audience: v.totals.audience, share: percent(v.totals.share) }), ...figureLines(t, v, v.totals, true)];
  if (v.focus) total.push(t(`${lagKey}-count`, { count: v.totals.laggards }));
  const blocks = v.units.map((u) => {
    if (u.audience === 0) return t('stats-unit-empty', { unit: esc(u.name) });
    const lines = [t('stats-unit', { unit: esc(u.name), registered: u.registered, audience: u.audience, share: percent(u.share) })];
    if (u.collective) lines.push(t('stats-collective', { title: esc(titleText(t, u.collective, v.titles.find((x) => x.code === u.collective)?.name)) }));
    lines.push(...figureLines(t, v, u, false));
    if (u.laggardCount > 0) {
      const more = u.laggardCount - u.laggards.length;
      lines.push(t(lagKey, { names: esc(u.laggards.join(', ')) + (more > 0 ? t('reminder-summary-more', { count: more }) : '') }));
    }
    return lines.join('\n');
  });
  return [head.join('\n'), total.join('\n'), ...blocks].join('\n\n');
}

/** What the chart shows for these figures, in the reader's language. */
export function statsChartInput(t: T, s: CampaignStats, locale: string): ChartInput {
  return {
    title: s.campaign.title,
    subtitle: htmlToPlain(t(s.scope === 'subtree' ? 'stats-at-subtree' : 'stats-at', { at: formatDateTime(s.at) })),
    legend: { registered: t('stats-chart-registered'), reached: t('stats-chart-reached') },
    units: s.units.map((u) => ({ name: u.name, registered: u.registeredShare, reached: u.targetsReachedShare })),
    locale,
  };
}

/** What an officer is told when StatsService refuses (the refusal itself is already audited). */
export const STATS_REFUSAL_KEYS: Record<StatsRefusal, string> = {
  not_found: 'stats-unknown',
  not_launched: 'stats-not-launched',
  out_of_scope: 'stats-out-of-scope',
  forbidden: 'forbidden',
};

/** The chart's caption: what it shows, and how many units it left out (Telegram's caption limit: 1,024). */
export function chartCaption(t: T, campaign: string, shown: number, omitted: number): string {
  const caption = t('stats-chart-caption', { campaign: shorten(campaign, 200) });
  return omitted > 0 ? `${caption}\n${t('stats-chart-omitted', { shown, omitted })}` : caption;
}
