/**
 * How a campaign reads in chat: the launch announcement, the detail a member opens and the
 * officer's list. One module for all three so the officer's preview is byte for byte what members
 * receive. Plain HTML text with numbered lines (Zalo renders it as it is); no grammY imports, so
 * the outbox can render outside an update.
 */
import type { CampaignFull } from '../../../services/campaigns.js';
import type { OutboxMessage } from '../../../services/outbox.js';
import { formatDate, formatDateTime } from '../../../domain/dates.js';
import { escapeHtml } from '../../../domain/text.js';
import { clipHtml } from './split.js';

/** A translator bound to one locale (`ctx.t`, or `(k, v) => i18n.t(locale, k, v)`). */
export type T = (key: string, vars?: Record<string, string | number>) => string;

/**
 * Longest announcement (one broadcast message per member; Telegram allows 4,096): longer content
 * is cut between lines with a note pointing to the full text in /campaigns.
 */
const MAX_ANNOUNCEMENT = 3900;

/** The deep link that opens registration for a campaign: `https://t.me/<bot>?start=c_<code>`. */
export function registerLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=c_${code}`;
}

function titleName(t: T, title: { code: string; name: string | null; custom: boolean }): string {
  return title.custom && title.name ? title.name : t(`camp-title-${title.code}`);
}

/** A title code as members read it (standard titles by the locale, custom ones by their name). */
export function titleLabel(t: T, campaign: Pick<CampaignFull, 'titles'>, code: string): string {
  const title = campaign.titles.find((x) => x.code === code);
  return title ? titleName(t, title) : code;
}

/** Content lines as a tree: "Chân thứ nhất…" with its numbered sub-items, then "Mũi 1…". */
export function renderCriteria(t: T, campaign: Pick<CampaignFull, 'criteria'>): string {
  const byParent = new Map<number | null, CampaignFull['criteria']>();
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

/** The registration deadline (the first REGISTRATION milestone), if any. */
export function registrationDeadline(campaign: Pick<CampaignFull, 'milestones'>): Date | null {
  return campaign.milestones.find((m) => m.kind === 'REGISTRATION')?.dueAt ?? null;
}

function header(t: T, c: CampaignFull): string[] {
  const out = [`📣 <b>${escapeHtml(c.title)}</b>`];
  if (c.slogan) out.push(`<i>«${escapeHtml(c.slogan)}»</i>`);
  if (c.issuer) out.push(t('camp-issuer', { issuer: escapeHtml(c.issuer) }));
  out.push(t('camp-period', { starts: formatDate(c.startsAt), ends: formatDate(c.endsAt) }));
  return out;
}

/** One message's worth, balanced, with the "see it in full in /campaigns" note when cut. */
function clip(t: T, text: string): string {
  return clipHtml(text, t('camp-text-cut'), MAX_ANNOUNCEMENT);
}

/**
 * The launch announcement (thông báo phát động): title, slogan, period, content lines,
 * registration deadline and a "📝 Đăng ký thi đua" URL button deep-linking to registration.
 */
export function renderAnnouncement(t: T, c: CampaignFull, botUsername: string): OutboxMessage {
  const parts = [header(t, c).join('\n')];
  if (c.description) parts.push(escapeHtml(c.description.trim()));
  parts.push(`${t('camp-content-heading')}\n${renderCriteria(t, c)}`);
  const reg = registrationDeadline(c);
  if (reg) parts.push(t('camp-registration-deadline', { at: formatDateTime(reg) }));
  parts.push(t('camp-announcement-call'));
  return {
    text: clip(t, parts.join('\n\n')),
    parseMode: 'HTML',
    buttons: [[{ text: t('camp-register-button'), url: registerLink(botUsername, c.code) }]],
  };
}

/** A follow-up announcement: the officer's text under the campaign's name. */
export function renderFollowUp(t: T, c: Pick<CampaignFull, 'title' | 'code'>, text: string, botUsername: string): OutboxMessage {
  return {
    text: clip(t, `${t('camp-followup-heading', { title: escapeHtml(c.title) })}\n\n${escapeHtml(text)}`),
    parseMode: 'HTML',
    buttons: [[{ text: t('camp-open-button'), url: registerLink(botUsername, c.code) }]],
  };
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
  const parts = [header(t, c).join('\n')];
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
