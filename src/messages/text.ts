/**
 * An outbox message for a text-only channel (Zalo next; any channel without buttons or markup):
 * plain text, the actions as numbered lines saying what to send, cut into parts of at most
 * `limit` characters at paragraph boundaries (then lines, then words). The flows' questions are
 * rendered the same way (src/flows/render.ts); a channel's sender sends the parts in order.
 */
import { escapeHtml, htmlToPlain } from '../domain/text.js';
import { splitHtml } from './split.js';
import { renderMessage, type RenderedAction, type T } from './templates.js';
import type { OutboxMessage } from './types.js';

/** Zalo's longest message (text and caption); the Zalo sender uses it too. */
export const ZALO_TEXT_LIMIT = 2000;

/** What a reader types to do an action, in their language ("đăng ký dai-hoi-2025"). */
function command(t: T, a: RenderedAction['action']): string {
  switch (a.kind) {
    case 'register':
      return t('out-cmd-register', { code: a.campaignCode });
    case 'report':
    case 'review':
    case 'nudge':
      return t(`out-cmd-${a.kind}`, { id: a.milestoneId });
    case 'approve':
    case 'return':
      return t(`out-cmd-${a.kind}`, { id: a.registrationId });
    case 'approve-join':
    case 'decline-join':
      return t(`out-cmd-${a.kind}`, { id: a.requestId });
    case 'stop-broadcast':
      return t('out-cmd-stop-broadcast', { id: a.broadcastId });
    case 'url':
      return a.url;
  }
}

/** "1. 📝 Đăng ký thi đua — Gửi: đăng ký dai-hoi" (a link: "1. Label: https://…"). */
export function actionLine(t: T, n: number, a: RenderedAction): string {
  return a.action.kind === 'url'
    ? t('out-action-link', { n, label: a.text, url: a.action.url })
    : t('out-action-send', { n, label: a.text, command: command(t, a.action) });
}

/**
 * The message as plain-text parts, each at most `limit` characters: the text, then a paragraph of
 * numbered actions. Nothing is dropped; a long message becomes several parts, in order.
 *
 * @example renderText((k, v) => t('vi', k, v), row.payload) // ['⏰ Nhắc hạn thi đua…\n\n1. 📝 Đăng ký: … — Gửi: đăng ký x']
 */
export function renderText(t: T, message: OutboxMessage, opts: { limit?: number } = {}): string[] {
  const limit = opts.limit ?? ZALO_TEXT_LIMIT;
  const rendered = renderMessage(t, message, { buttons: false });
  const lines = rendered.actions.flat().map((a, i) => escapeHtml(actionLine(t, i + 1, a)));
  const html = lines.length > 0 ? `${rendered.html}\n\n${lines.join('\n')}` : rendered.html;
  return splitHtml(html, limit).map(htmlToPlain);
}
