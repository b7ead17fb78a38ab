/**
 * The dispatcher's sender for Zalo (src/jobs/channel.ts): an outbox row is rendered at send time
 * in the recipient's language by the text renderer (src/messages/text.ts: plain text, actions as
 * numbered lines saying what to send — "Gửi: DK chu-nhat-xanh"), cut into parts of at most 2,000
 * characters and sent in order through {@link ZaloSender} (paced at ZALO_RATE). Zalo cannot edit a
 * message: `canEdit` is false, so an officer's launch progress arrives as milestone messages.
 */
import type { ChannelSender, SendOutcome } from '../../jobs/channel.js';
import { isLegacyMessage, type LegacyOutboxMessage, type StoredMessage } from '../../messages/types.js';
import { renderText } from '../../messages/text.js';
import { htmlToPlain } from '../../domain/text.js';
import type { ZaloSender } from './sender.js';

/** Translates in a locale (the composition root's Fluent bundles). */
type Translate = (locale: string, key: string, vars?: Record<string, string | number>) => string;

/** A row queued before messages became data: its text as plain text, then its links as "label: url". */
function legacyText(m: LegacyOutboxMessage): string {
  const links = (m.buttons ?? []).flat().flatMap((b) => ('url' in b ? [`${b.text}: ${b.url}`] : []));
  const text = m.parseMode === 'HTML' ? htmlToPlain(m.text) : m.text;
  return links.length > 0 ? `${text}\n\n${links.join('\n')}` : text;
}

export function zaloChannelSender(sender: ZaloSender, t: Translate): ChannelSender {
  return {
    channel: 'ZALO',
    canEdit: false,
    async send(chatId: string, message: StoredMessage, locale: string): Promise<SendOutcome> {
      const parts = isLegacyMessage(message) ? [legacyText(message)] : renderText((key, vars) => t(locale, key, vars), message);
      let last: SendOutcome = { kind: 'failed', error: 'empty message' };
      for (const part of parts) {
        const { parts: _n, partsSent: _s, ...outcome } = await sender.sendText(chatId, part);
        last = outcome as SendOutcome;
        if (last.kind !== 'sent') return last;
      }
      return last;
    },
    async edit(): Promise<SendOutcome> {
      return { kind: 'failed', error: 'Zalo cannot edit messages' };
    },
  };
}
