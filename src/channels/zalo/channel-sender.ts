/**
 * The dispatcher's sender for Zalo (src/jobs/channel.ts): an outbox row is rendered at send time
 * in the recipient's language by the text renderer (src/messages/text.ts: plain text, actions as
 * numbered lines saying what to send — "Gửi: DK chu-nhat-xanh"), cut into parts of at most 2,000
 * characters and sent in order through {@link ZaloSender} (paced at ZALO_RATE); the dispatcher
 * records how many parts went out, so a retry after a failure at part k starts at part k. Zalo cannot edit a
 * message: `canEdit` is false, so an officer's launch progress arrives as milestone messages.
 */
import type { ChannelSender, SendOutcome } from '../../jobs/channel.js';
import { isLegacyMessage, type LegacyOutboxMessage, type OutboxAttachment, type StoredMessage } from '../../messages/types.js';
import { escapeHtml } from '../../domain/text.js';
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
 * How an announcement's file reaches a Zalo reader (issue 12 #12). Zalo bots send photos by URL but
 * no documents: a photo is sent from its signed link after the text; a document becomes a line with
 * a signed download link (24 hours). Without PUBLIC_URL there are no links: the reader is told a
 * file is attached and where to see it.
 */
function attachmentPart(t: (key: string, vars?: Record<string, string | number>) => string, a: OutboxAttachment, linkFor: (fileId: string) => string | null): { text: string } | { photoUrl: string } {
  const url = linkFor(a.fileId);
  const name = a.fileName ?? t(a.kind === 'photo' ? 'camp-announce-photo-word' : 'camp-announce-document-word');
  if (!url) return { text: htmlToPlain(t('zalo-attachment-unavailable', { name: escapeHtml(name) })) };
  if (a.kind === 'photo') return { photoUrl: url };
  return { text: htmlToPlain(t('zalo-attachment-download', { name: escapeHtml(name), url })) };
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
      const tr = (key: string, vars?: Record<string, string | number>) => t(locale, key, vars);
      const texts = isLegacyMessage(message) ? [legacyText(message)] : renderText(tr, message);
      if (!isLegacyMessage(message) && message.document) {
        const url = linkFor(message.document.fileId);
        texts.push(url ? t(locale, 'export-link', { url }) : t(locale, 'export-no-link'));
      }
      // The parts as sent (each ≤ 2,000 characters), numbered across the whole message: a retry
      // resumes at the first part not delivered, so the member never reads a part twice. An
      // attachment is the last part: its download line, or the photo after the text.
      const parts: Array<string | { photoUrl: string }> = texts.flatMap((text) => splitPlainText(text));
      const file = !isLegacyMessage(message) && message.attachment ? attachmentPart(tr, message.attachment, linkFor) : null;
      if (file) parts.push(...('text' in file ? splitPlainText(file.text) : [file]));
      let sent = Math.min(Math.max(0, opts.fromPart ?? 0), parts.length);
      let last: SendOutcome = parts.length === 0 ? { kind: 'failed', error: 'empty message' } : { kind: 'sent', externalMessageId: '' };
      for (const part of parts.slice(sent)) {
        if (typeof part === 'string') {
          const { parts: _n, partsSent: _s, ...outcome } = await sender.sendText(chatId, part);
          last = outcome as SendOutcome;
        } else last = await sender.sendPhoto(chatId, part.photoUrl);
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
