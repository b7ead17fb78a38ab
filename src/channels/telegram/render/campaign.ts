/**
 * How a campaign reads in Telegram: the deep link that opens its registration. The launch
 * announcement and follow-ups are outbox messages (src/messages/compose.ts), rendered at send time
 * by src/messages/templates.ts with the channel-neutral pieces of flows/campaign-text.ts, so an
 * officer's preview is what members receive.
 */

/** The channel-neutral pieces (detail, content lines, titles, deadlines) live in flows/campaign-text.ts. */
export { renderCriteria, renderDetail, renderList, renderMilestones, renderTitles, titleLabel, type MemberStatus, type T } from '../../../flows/campaign-text.js';

/** The deep link that opens registration for a campaign: `https://t.me/<bot>?start=c_<code>`. */
export function registerLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=c_${code}`;
}
