/**
 * What a text-only channel (Zalo, tomorrow) shows a member, rendered from the real locale files:
 * flow replies (questions with numbered choices, messages as plain text) and outbox rows (through
 * a sender the dispatcher can use). Tests that drive the channel-neutral core without Telegram read
 * these strings the way a member would.
 */
import { readFileSync } from 'node:fs';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { addressVars } from '../../src/domain/address.js';
import type { Reply } from '../../src/flows/conversations.js';
import type { Message } from '../../src/flows/model.js';
import { htmlToPlain, questionAsText } from '../../src/flows/render.js';
import type { ChannelSender, SendOutcome } from '../../src/jobs/channel.js';
import { renderText, ZALO_TEXT_LIMIT } from '../../src/messages/text.js';
import { isLegacyMessage, type OutboxMessage, type StoredMessage } from '../../src/messages/types.js';

function bundle(locale: 'vi' | 'en'): FluentBundle {
  const b = new FluentBundle(locale, { useIsolating: false });
  b.addResource(new FluentResource(readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), 'utf8')));
  return b;
}

const bundles = { vi: bundle('vi'), en: bundle('en') };

/** Translates with the real locale files (Vietnamese unless the locale is English); an unknown key throws. */
export function translate(locale: string, key: string, vars?: Record<string, string | number>): string {
  const b = locale === 'en' ? bundles.en : bundles.vi;
  const msg = b.getMessage(key);
  if (!msg?.value) throw new Error(`no message ${key}`);
  // As the app's translator does (src/channels/telegram/i18n.ts): the form of address defaults to "đồng chí".
  return b.formatPattern(msg.value, { ...addressVars(null), ...vars });
}

/** One message a text channel sent: to whom, in which language, and its parts in order. */
export interface TextSent {
  chatId: string;
  locale: string;
  parts: string[];
}

/**
 * A text-only channel's sender for the dispatcher (what Zalo's will be): renders each outbox row
 * with src/messages/text.ts in the recipient's language at send time, cuts it at `limit`, and
 * records what it would have sent. It cannot edit, so the officer's progress arrives as
 * milestone messages.
 */
export class TextChannelSender implements ChannelSender {
  readonly channel = 'ZALO' as const;
  readonly canEdit = false;
  readonly sent: TextSent[] = [];
  edits = 0;

  constructor(private readonly limit: number = ZALO_TEXT_LIMIT) {}

  async send(chatId: string, message: StoredMessage, locale: string): Promise<SendOutcome> {
    const parts = isLegacyMessage(message)
      ? [htmlToPlain(message.text)]
      : renderText((key, vars) => translate(locale, key, vars), message, { limit: this.limit });
    this.sent.push({ chatId, locale, parts });
    return { kind: 'sent', externalMessageId: `z${this.sent.length}` };
  }

  async edit(_chatId: string, _messageId: number, _message: OutboxMessage, _locale: string): Promise<SendOutcome> {
    this.edits += 1;
    return { kind: 'failed', error: 'a text channel cannot edit messages' };
  }
}

/** Renders a message in Vietnamese; an unknown key is a bug in the flow, so it throws. */
export function renderVi(m: Message): string {
  return translate('vi', m.key, m.vars);
}

/** The replies as a text-only channel would show them. */
export function shown(replies: readonly Reply[] | null): string {
  if (!replies) throw new Error('no flow open');
  // `done` says nothing: it only marks the end of a flow for a channel's follow-up.
  return replies
    .flatMap((r) => (r.kind === 'ask' ? [questionAsText(r.ask, renderVi)] : r.kind === 'say' ? [htmlToPlain(renderVi(r.message))] : []))
    .join('\n\n');
}
