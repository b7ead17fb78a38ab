/**
 * How a campaign reads, on every channel: its header, content lines, titles, deadlines and the
 * detail a member or officer opens; the problems of a campaign file; a wizard's draft shaped like a
 * stored campaign. HTML with escaped values (a text-only channel strips the tags), in the reader's
 * language through a translator. The outbox's launch announcement and follow-ups (rendered at
 * send time by src/messages/templates.ts) and the wizard's preview (flows/create-campaign.ts) share
 * it, so a preview is what members will read.
 */
import type { CampaignFull } from '../services/campaigns.js';
import type { CampaignDraft, CampaignFileError } from '../domain/campaign-file.js';
import { formatDate } from '../domain/dates.js';
import { escapeHtml } from '../domain/text.js';
import { isTitleCode } from '../domain/titles.js';

/** A translator bound to one locale (`ctx.t`, a flow's `label`, or `(k, v) => i18n.t(locale, k, v)`). */
export type T = (key: string, vars?: Record<string, string | number>) => string;

/** A title's name: custom honours carry their own; standard titles have one legal name per locale (`reg-title-*`). */
function titleName(t: T, title: { code: string; name: string | null; custom: boolean }): string {
  if (title.custom && title.name) return title.name;
  return isTitleCode(title.code) ? t(`reg-title-${title.code}`) : (title.name ?? title.code);
}

/** A title code as members read it (standard titles by the locale, custom ones by their name). */
export function titleLabel(t: T, campaign: Pick<CampaignFull, 'titles'>, code: string): string {
  const title = campaign.titles.find((x) => x.code === code);
  return title ? titleName(t, title) : code;
}

/** A content line (nội dung / chỉ tiêu) as a campaign's text shows it (a stored line, or one from an outbox row). */
export interface CriterionText {
  id: number;
  parentId: number | null;
  title: string;
  measure: string;
  unitOfMeasure: string | null;
  /** A number (Decimal, or its text in an outbox row), or null. */
  target: { toString(): string } | null;
}

/** What a campaign's header says. */
export type CampaignHeading = Pick<CampaignFull, 'title' | 'slogan' | 'issuer' | 'startsAt' | 'endsAt'>;

/** Content lines as a tree: "Chân thứ nhất…" with its numbered sub-items, then "Mũi 1…". */
export function renderCriteria(t: T, campaign: { criteria: readonly CriterionText[] }): string {
  const byParent = new Map<number | null, CriterionText[]>();
  for (const c of campaign.criteria) {
    const list = byParent.get(c.parentId) ?? [];
    list.push(c);
    byParent.set(c.parentId, list);
  }
  const lines: string[] = [];
  const walk = (parentId: number | null, prefix: string, depth: number) => {
    (byParent.get(parentId) ?? []).forEach((c, i) => {
      const number = `${prefix}${i + 1}`;
      const measure = c.measure === 'NUMBER' && c.unitOfMeasure ? ` <i>(${escapeHtml(c.unitOfMeasure)})</i>` : '';
      const target = c.target !== null ? ` — ${t('camp-target', { target: c.target.toString() })}` : '';
      const label = depth === 0 ? `<b>${escapeHtml(c.title)}</b>` : escapeHtml(c.title);
      lines.push(`${'   '.repeat(depth)}${number}. ${label}${measure}${target}`);
      walk(c.id, `${number}.`, depth + 1);
    });
  };
  walk(null, '', 0);
  return lines.join('\n');
}

/** The header lines: 📣 title, “slogan”, issuer, period (dd/MM/yyyy). */
export function campaignHeader(t: T, c: CampaignHeading): string[] {
  const out = [`📣 <b>${escapeHtml(c.title)}</b>`];
  if (c.slogan) out.push(`<i>“${escapeHtml(c.slogan)}”</i>`);
  if (c.issuer) out.push(t('camp-issuer', { issuer: escapeHtml(c.issuer) }));
  out.push(t('camp-period', { starts: formatDate(c.startsAt), ends: formatDate(c.endsAt) }));
  return out;
}

/**
 * Deadlines in dd/MM/yyyy: single milestones one per line; a repeated series as one line with its
 * next occurrence and how many remain, so 19 quarterly reports do not flood the screen.
 */
export function renderMilestones(t: T, c: Pick<CampaignFull, 'milestones'>, now: Date): string {
  const lines: string[] = [];
  const seenSeries = new Set<number>();
  for (const m of c.milestones) {
    const name = m.title ? escapeHtml(m.title) : t(`camp-milestone-${m.kind}`);
    if (m.series === null) {
      lines.push(`• ${name}: ${formatDate(m.dueAt)}${m.dueAt < now ? ` ${t('camp-past')}` : ''}`);
      continue;
    }
    if (seenSeries.has(m.series)) continue;
    seenSeries.add(m.series);
    const all = c.milestones.filter((x) => x.series === m.series);
    const next = all.find((x) => x.dueAt >= now);
    const last = all[all.length - 1]!;
    lines.push(
      next
        ? `• ${name}: ${t('camp-series-next', { next: formatDate(next.dueAt), count: all.filter((x) => x.dueAt >= now).length, last: formatDate(last.dueAt) })}`
        : `• ${name}: ${t('camp-series-done', { first: formatDate(all[0]!.dueAt), last: formatDate(last.dueAt) })}`,
    );
  }
  return lines.join('\n');
}

/** Titles offered, individual first, as numbered lines. */
export function renderTitles(t: T, c: Pick<CampaignFull, 'titles'>): string {
  const line = (scope: 'INDIVIDUAL' | 'COLLECTIVE') =>
    c.titles
      .filter((x) => x.scope === scope)
      .map((x) => escapeHtml(titleName(t, x)))
      .join('; ');
  const out: string[] = [];
  const ind = line('INDIVIDUAL');
  const col = line('COLLECTIVE');
  if (ind) out.push(t('camp-titles-individual', { titles: ind }));
  if (col) out.push(t('camp-titles-collective', { titles: col }));
  return out.join('\n');
}

/** What the member sees for their own status line. */
export type MemberStatus = { titleCode: string; status: string } | null;

/**
 * The campaign as a member opens it (/campaigns, deep link): header, content lines, titles,
 * deadlines and — when given — the member's own registration status. Whole, however long: the
 * caller sends it in as many messages as it takes (`replyHtml`), since this is where the
 * announcement's cut note sends members to read everything.
 */
export function renderDetail(t: T, c: CampaignFull, opts: { now: Date; status?: MemberStatus | undefined; forOfficer?: boolean }): string {
  const parts = [campaignHeader(t, c).join('\n')];
  if (opts.forOfficer) parts.push(t('camp-status-line', { status: t(`camp-status-${c.archivedAt ? 'ARCHIVED' : c.status}`), code: escapeHtml(c.code) }));
  parts.push(`${t('camp-content-heading')}\n${renderCriteria(t, c)}`);
  const titles = renderTitles(t, c);
  if (titles) parts.push(titles);
  if (c.milestones.length > 0) parts.push(`${t('camp-deadlines-heading')}\n${renderMilestones(t, c, opts.now)}`);
  if (opts.status !== undefined) {
    parts.push(
      opts.status
        ? t('camp-my-status', { title: escapeHtml(titleLabel(t, c, opts.status.titleCode)), status: t(`camp-reg-${opts.status.status}`) })
        : t('camp-my-status-none'),
    );
  }
  return parts.join('\n\n');
}


/** Problems of a campaign file listed at most (fixing the first ones often fixes the rest). */
const MAX_ERRORS_SHOWN = 20;

/**
 * "milestones[2].due: 31/02/2025 không phải ngày hợp lệ" — one line per problem. Errors stop at
 * `limit` ("and 12 more"); warnings of a saved campaign are all shown (`Infinity`).
 */
export function renderFileProblems(t: T, problems: CampaignFileError[], limit: number = MAX_ERRORS_SHOWN): string {
  const lines = problems.slice(0, limit).map((e) => {
    const problem = t(`camp-err-${e.code}`, { value: '', ...e.params });
    return `• ${e.path ? `<code>${escapeHtml(e.path)}</code>: ` : ''}${escapeHtml(problem)}`;
  });
  if (problems.length > limit) lines.push(t('camp-errors-more', { count: problems.length - limit }));
  return lines.join('\n');
}

/** A draft shaped like a stored campaign, so a preview uses the very renderer members see. */
export function draftAsCampaign(d: CampaignDraft): CampaignFull {
  const ids = new Map(d.criteria.map((c, i) => [c.code, i + 1]));
  return {
    id: 0,
    code: d.code,
    title: d.title,
    slogan: d.slogan,
    description: d.description,
    issuer: d.issuer,
    kind: d.kind,
    status: 'DRAFT',
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    archivedAt: null,
    criteria: d.criteria.map((c) => ({
      id: ids.get(c.code)!,
      parentId: c.parentCode ? ids.get(c.parentCode)! : null,
      code: c.code,
      title: c.title,
      measure: c.measure,
      unitOfMeasure: c.unit,
      target: c.target,
      position: c.position,
    })),
    titles: d.titles.map((t) => ({ code: t.code, name: t.name, scope: t.scope, custom: t.custom, position: t.position })),
    milestones: d.milestones.map((m) => ({ kind: m.kind, title: m.title, dueAt: m.dueAt, series: m.series, remindOffsets: m.remindOffsets })),
  } as unknown as CampaignFull;
}

/**
 * One line per campaign, numbered (the number can be typed to open it). A page of a longer list
 * passes its `offset` so numbers run on across pages.
 */
export function renderList(
  t: T,
  campaigns: Array<{ title: string; status: string; archivedAt: Date | null; startsAt: Date; endsAt: Date }>,
  opts: { withStatus: boolean; offset?: number },
): string {
  const offset = opts.offset ?? 0;
  return campaigns
    .map((c, i) => {
      const status = opts.withStatus ? ` · ${t(`camp-status-${c.archivedAt ? 'ARCHIVED' : c.status}`)}` : '';
      return `${offset + i + 1}. <b>${escapeHtml(c.title)}</b>\n    ${formatDate(c.startsAt)} – ${formatDate(c.endsAt)}${status}`;
    })
    .join('\n');
}

/** A follow-up announcement's text: the officer's words under the campaign's name. */
export function followUpBody(t: T, campaignTitle: string, text: string): string {
  return `${t('camp-followup-heading', { title: escapeHtml(campaignTitle) })}\n\n${escapeHtml(text)}`;
}
