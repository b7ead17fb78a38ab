/**
 * The dispatcher's sender for Zalo (src/jobs/channel.ts): an outbox row is rendered at send time
 * in the recipient's language by the text renderer (src/messages/text.ts: plain text, actions as
 * numbered lines saying what to send — "Gửi: DK chu-nhat-xanh"), cut into parts of at most 2,000
 * characters and sent in order through {@link ZaloSender} (paced at ZALO_RATE); the dispatcher
 * records how many parts went out, so a retry after a failure at part k starts at part k. Zalo cannot edit a
 * message: `canEdit` is false, so an officer's launch progress arrives as milestone messages.
 */
import type { ChannelSender, SendOutcome } from '../../jobs/channel.js';
import { isLegacyMessage, type LegacyOutboxMessage, type StoredMessage } from '../../messages/types.js';
import { renderText } from '../../messages/text.js';
import { htmlToPlain } from '../../domain/text.js';
import { splitPlainText, type ZaloSender } from './sender.js';

/** Translates in a locale (the composition root's Fluent bundles). */
type Translate = (locale: string, key: string, vars?: Record<string, string | number>) => string;

/** A row queued before messages became data: its text as plain text, then its links as "label: url". */
function legacyText(m: LegacyOutboxMessage): string {
  const links = (m.buttons ?? []).flat().flatMap((b) => ('url' in b ? [`${b.text}: ${b.url}`] : []));
  const text = m.parseMode === 'HTML' ? htmlToPlain(m.text) : m.text;
  return links.length > 0 ? `${text}\n\n${links.join('\n')}` : text;
}

/**
 * `linkFor`: a signed, expiring download link to a stored file (an /export workbook) under
 * PUBLIC_URL, null without one. Zalo cannot send documents: a message carrying a file gets its link
 * as its last part instead (or says that links are off).
 */
export function zaloChannelSender(sender: ZaloSender, t: Translate, linkFor: (fileId: string) => string | null = () => null): ChannelSender {
  return {
    channel: 'ZALO',
    canEdit: false,
    async send(chatId: string, message: StoredMessage, locale: string, opts: { fromPart?: number } = {}): Promise<SendOutcome & { partsSent: number }> {
      const texts = isLegacyMessage(message) ? [legacyText(message)] : renderText((key, vars) => t(locale, key, vars), message);
      if (!isLegacyMessage(message) && message.document) {
        const url = linkFor(message.document.fileId);
        texts.push(url ? t(locale, 'export-link', { url }) : t(locale, 'export-no-link'));
      }
      // The parts as sent (each ≤ 2,000 characters), numbered across the whole message: a retry
      // resumes at the first part not delivered, so the member never reads a part twice.
      const parts = texts.flatMap((text) => splitPlainText(text));
      let sent = Math.min(Math.max(0, opts.fromPart ?? 0), parts.length);
      let last: SendOutcome = parts.length === 0 ? { kind: 'failed', error: 'empty message' } : { kind: 'sent', externalMessageId: '' };
      for (const part of parts.slice(sent)) {
        const { parts: _n, partsSent: _s, ...outcome } = await sender.sendText(chatId, part);
        last = outcome as SendOutcome;
        if (last.kind !== 'sent') return { ...last, partsSent: sent };
        sent += 1;
      }
      return { ...last, partsSent: sent };
    },
    async edit(): Promise<SendOutcome> {
      return { kind: 'failed', error: 'Zalo cannot edit messages' };
    },
  };
}
