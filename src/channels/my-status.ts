/**
 * "Của tôi" (/my) as text, for every channel: per open campaign, the member's registration(s) with
 * their commitments and what was reported against each ("2/12 buổi"), reports sent and the next
 * deadline. Telegram sends it as HTML; a text-only
 * channel (Zalo) turns the same HTML into plain text. The facts come from services/my-status.ts.
 */
import type { MyCampaignStatus } from '../services/my-status.js';
import type { MyAward } from '../services/honours.js';
import { escapeHtml } from '../domain/text.js';
import { formatDateTime, timeLeft } from '../domain/dates.js';
import { decisionText, titleText } from '../messages/templates.js';
import { formatQuantity } from '../flows/values.js';

/** Translates in the member's language. */
type T = (key: string, vars?: Record<string, string | number>) => string;

/** "còn 5 ngày" / "còn 3 giờ" / "đã quá hạn". */
function daysLeft(t: T, now: Date, due: Date): string {
  const left = timeLeft(now, due);
  if (left.past) return t('my-overdue');
  if (left.days > 0) return t('my-days-left', { days: left.days });
  return t('my-hours-left', { hours: Math.max(1, left.hours) });
}

/** The blocks of /my (HTML), the title first; one block per campaign. Empty items: nothing to show. */
export function myStatusBlocks(t: T, items: readonly MyCampaignStatus[], now: Date, locale: string | null | undefined): string[] {
  const blocks = items.map((c) => {
    const lines = [`<b>${escapeHtml(c.title)}</b>`];
    if (c.registrations.filter((r) => r.scope === 'INDIVIDUAL').length === 0) lines.push(t('my-not-registered'));
    for (const r of c.registrations) {
      lines.push(
        t(r.scope === 'COLLECTIVE' ? 'my-reg-collective' : 'my-reg-individual', {
          unit: escapeHtml(r.unitName ?? ''),
          title: escapeHtml(titleText(t, r.titleCode, r.titleName)),
          status: t(`reg-status-${r.status}`),
        }),
      );
      if (r.status === 'RETURNED' && r.returnReason) lines.push(t('my-return-reason', { reason: escapeHtml(r.returnReason) }));
      for (const cm of r.commitments) {
        const unit = cm.unit ? ' ' + cm.unit : '';
        let value: string;
        // Progress against the commitment: "2/12 buổi" (what was reported so far / the target).
        if (cm.number !== null && cm.reported) value = `${formatQuantity(cm.reported.number ?? '0', locale ?? 'vi')}/${formatQuantity(cm.number, locale ?? 'vi')}${unit}`;
        else if (cm.number !== null) value = `${formatQuantity(cm.number, locale ?? 'vi')}${unit}`;
        else if (cm.bool !== null) value = cm.reported && cm.bool ? t(cm.reported.yes ? 'my-done-yes' : 'my-done-not-yet') : t(cm.bool ? 'cv-yes' : 'cv-no');
        else value = cm.text ?? '';
        lines.push(`  • ${escapeHtml(cm.line)}: <b>${escapeHtml(value)}</b>`);
      }
      if (r.basis) lines.push('  ' + t('reg-summary-basis', { basis: t(`reg-basis-${r.basis}`) }));
      if (r.initiativeTitle) lines.push('  ' + t('reg-summary-initiative', { initiative: escapeHtml(r.initiativeTitle) }));
    }
    lines.push(t('my-reports', { count: c.reportsSent, period: c.reportsThisPeriod }));
    if (c.nextDeadline) {
      lines.push(
        t('my-next-deadline', {
          what: c.nextDeadline.title ? escapeHtml(c.nextDeadline.title) : t(`my-milestone-${c.nextDeadline.kind}`),
          due: formatDateTime(c.nextDeadline.dueAt),
          left: daysLeft(t, now, c.nextDeadline.dueAt),
        }),
      );
    }
    return lines.join('\n');
  });
  return [t('my-title'), ...blocks];
}

/** The member's published awards (vinh danh), newest first, as one HTML block; none: nothing. */
export function myAwardsBlocks(t: T, awards: readonly MyAward[]): string[] {
  if (awards.length === 0) return [];
  const lines = awards.map((a) => {
    const decision = decisionText(t, a.decisionNumber, a.decisionDate?.toISOString() ?? null);
    const vars = { title: escapeHtml(titleText(t, a.titleCode ?? '', a.titleName)), campaign: escapeHtml(a.campaign), decision: decision ? ` — ${decision}` : '' };
    // The unit's own award (a collective's) is said as the unit's.
    return a.unit ? t('my-award-unit-line', { ...vars, unit: escapeHtml(a.unit) }) : t('my-award-line', vars);
  });
  return [[t('my-awards-title'), ...lines].join('\n')];
}
