import type { OutboxMessage } from '../../../services/outbox.js';
import type { BroadcastProgress } from '../../../services/broadcasts.js';
import type { ProgressView } from '../../../jobs/channel.js';
import { encodeCallback } from '../callback-data.js';
import type { Translator } from '../i18n.js';

/** "m:ss" for the progress message's ETA; language-neutral on purpose. */
export function formatEta(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Finished deliveries to people (not group chats) and how many people in all: "50/50 đồng chí". */
function peopleFigures(p: BroadcastProgress) {
  return {
    done: p.sent + p.failed + p.unreachable - p.groups.sent,
    total: p.total - p.groups.total,
    groupsDone: p.groups.sent,
    groupsTotal: p.groups.total,
  };
}

/** The officer's progress message while a broadcast is being sent, with a Stop button. */
export function renderProgress(t: Translator, locale: string, broadcastId: number, p: BroadcastProgress, rate: number): OutboxMessage {
  return {
    text: t(locale, 'broadcast-progress', {
      ...peopleFigures(p),
      sent: p.sent,
      failed: p.failed,
      unreachable: p.unreachable,
      eta: formatEta(p.pending / rate),
    }),
    parseMode: 'HTML',
    buttons: [[{ text: t(locale, 'broadcast-stop-button'), callbackData: encodeCallback('broadcast.stop', { broadcastId }) }]],
  };
}

/** The final summary that replaces the progress message (no button). */
export function renderSummary(t: Translator, locale: string, p: BroadcastProgress): OutboxMessage {
  return {
    text: t(locale, p.cancelled > 0 || p.status === 'CANCELLED' ? 'broadcast-summary-cancelled' : 'broadcast-summary', {
      ...peopleFigures(p),
      sent: p.sent,
      failed: p.failed,
      unreachable: p.unreachable,
      cancelled: p.cancelled,
    }),
    parseMode: 'HTML',
  };
}

/**
 * The officer's progress message as Telegram shows it: HTML, edited in place by the dispatcher's
 * progress reporter (src/jobs/progress.ts), with a Stop button carrying our callback data.
 */
export function telegramProgressView(t: Translator): ProgressView {
  return {
    progress: (locale, broadcastId, p, rate) => renderProgress(t, locale, broadcastId, p, rate),
    summary: (locale, p) => renderSummary(t, locale, p),
  };
}
