/**
 * How a campaign reads in chat: the launch announcement, the detail a member opens and the
 * officer's list. One module for all three so the officer's preview is byte for byte what members
 * receive. Plain HTML text with numbered lines (Zalo renders it as it is); no grammY imports, so
 * the outbox can render outside an update.
 */
import type { CampaignFull } from '../../../services/campaigns.js';
import type { OutboxMessage } from '../../../services/outbox.js';
import { formatDateTime } from '../../../domain/dates.js';
import { escapeHtml } from '../../../domain/text.js';
import { clipHtml } from './split.js';
import { campaignHeader, followUpBody, renderCriteria, type T } from '../../../flows/campaign-text.js';

/** The channel-neutral pieces (detail, content lines, titles, deadlines) live in flows/campaign-text.ts. */
export { renderCriteria, renderDetail, renderList, renderMilestones, renderTitles, titleLabel, type MemberStatus, type T } from '../../../flows/campaign-text.js';

/**
 * Longest announcement (one broadcast message per member; Telegram allows 4,096): longer content
 * is cut between lines with a note pointing to the full text in /campaigns.
 */
const MAX_ANNOUNCEMENT = 3900;

/** The deep link that opens registration for a campaign: `https://t.me/<bot>?start=c_<code>`. */
export function registerLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=c_${code}`;
}

/** The registration deadline (the first REGISTRATION milestone), if any. */
export function registrationDeadline(campaign: Pick<CampaignFull, 'milestones'>): Date | null {
  return campaign.milestones.find((m) => m.kind === 'REGISTRATION')?.dueAt ?? null;
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
  const parts = [campaignHeader(t, c).join('\n')];
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
    text: clip(t, followUpBody(t, c.title, text)),
    parseMode: 'HTML',
    buttons: [[{ text: t('camp-open-button'), url: registerLink(botUsername, c.code) }]],
  };
}
