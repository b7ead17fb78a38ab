import { GrammyError, HttpError, InputFile, type Api, type RawApi } from 'grammy';
import { isLegacyMessage, type OutboxDocument, type OutboxMessage, type StoredMessage } from '../../messages/types.js';
import type { ChannelSender, SendOutcome } from '../../jobs/channel.js';
import type { Translator } from './i18n.js';
import { renderForTelegram, type TelegramMessage } from './render/outbox.js';
import { splitHtml, TEXT_LIMIT, htmlLength } from './render/split.js';

/** Whether a stored message has an action that needs the bot's username (a deep link). */
function needsUsername(message: StoredMessage): boolean {
  return 'actions' in message && (message.actions ?? []).some((row) => row.some((a) => a.kind === 'register'));
}

/** Maps a grammY error to what the dispatcher should do about it. */
export function classifyTelegramError(err: unknown): SendOutcome {
  if (err instanceof GrammyError) {
    const error = `${err.error_code}: ${err.description}`;
    if (err.error_code === 429) {
      const seconds = err.parameters.retry_after ?? 1;
      return { kind: 'rate_limited', retryAfterMs: seconds * 1000, error };
    }
    if (err.error_code === 403) return { kind: 'unreachable', error };
    if (err.error_code === 400 && /chat not found|user is deactivated|PEER_ID_INVALID|bot was kicked/i.test(err.description)) {
      return { kind: 'unreachable', error };
    }
    if (err.error_code >= 500) return { kind: 'transient', error };
    return { kind: 'failed', error };
  }
  if (err instanceof HttpError) return { kind: 'transient', error: `network: ${err.message}` };
  return { kind: 'transient', error: err instanceof Error ? err.message : String(err) };
}

/** Options of {@link TelegramSender}. */
export interface TelegramSenderOptions {
  /** BROADCAST_PAID: sends with `allow_paid_broadcast` (Telegram then allows up to 1000 msg/s, billed in Stars). */
  paid?: boolean;
  /** The bot's username for deep links (known after `bot.init()`); asked of Telegram (getMe) when absent. */
  botUsername?: () => string;
  /** Reads a stored file an outbox message carries (an /export workbook); without it such rows fail. */
  files?: (fileId: string) => Promise<{ fileName: string; content: Uint8Array } | null>;
  /** A download link for a stored file, used when it is over Telegram's 50 MB upload limit; null = none. */
  linkFor?: (fileId: string) => string | null;
}

/** The largest file a bot may upload through the Bot API (sendDocument), in bytes. */
export const TELEGRAM_UPLOAD_LIMIT = 50 * 1024 * 1024;

/** The caption limit of sendDocument, in characters (after entities are parsed). */
const CAPTION_LIMIT = 1024;

/**
 * The dispatcher's sender for Telegram (src/jobs/channel.ts), through grammY's raw `bot.api` — the
 * same client path as every reply, so transformers installed on the bot (none by default) and the
 * fake Bot API in tests see real requests. Renders each row at send time in the recipient's
 * locale (src/channels/telegram/render/outbox.ts); a text longer than Telegram takes (it cannot
 * happen with our templates, but a legacy row might) goes as several messages, buttons on the last.
 */
export class TelegramSender implements ChannelSender {
  readonly channel = 'TELEGRAM' as const;
  readonly canEdit = true;
  private username: string | null = null;

  constructor(
    private readonly api: Api<RawApi>,
    private readonly t: Translator,
    private readonly opts: TelegramSenderOptions = {},
  ) {}

  /** The message as Telegram will show it to a reader of `locale`. */
  async render(message: StoredMessage, locale: string): Promise<TelegramMessage> {
    if (needsUsername(message) && this.username === null) {
      this.username = this.opts.botUsername?.() ?? (await this.api.getMe()).username;
    }
    return renderForTelegram((key, vars) => this.t(locale, key, vars), message, () => this.username ?? '');
  }

  async send(chatId: string, message: StoredMessage, locale: string): Promise<SendOutcome> {
    try {
      if (!isLegacyMessage(message) && message.document) return await this.sendDocument(chatId, message, message.document, locale);
      const m = await this.render(message, locale);
      const parts = m.parseMode === 'HTML' && htmlLength(m.text) > TEXT_LIMIT ? splitHtml(m.text) : [m.text];
      let sent: { message_id: number } | null = null;
      for (const [i, text] of parts.entries()) {
        const last = i === parts.length - 1;
        sent = await this.api.sendMessage(chatId, text, {
          ...(m.parseMode ? { parse_mode: m.parseMode } : {}),
          ...(last && m.markup ? { reply_markup: m.markup } : {}),
          link_preview_options: { is_disabled: true },
          ...(this.opts.paid ? { allow_paid_broadcast: true } : {}),
        });
      }
      return { kind: 'sent', externalMessageId: String(sent!.message_id) };
    } catch (err) {
      return classifyTelegramError(err);
    }
  }

  /**
   * A message with a file: the file as a document, the text as its caption. A file over the
   * upload limit goes as a download link when there is one, else the reader is told it is too large.
   */
  private async sendDocument(chatId: string, message: OutboxMessage, doc: OutboxDocument, locale: string): Promise<SendOutcome> {
    const file = await this.opts.files?.(doc.fileId);
    if (!file) return { kind: 'failed', error: `stored file ${doc.fileId} not found` };
    const m = await this.render({ ...message, document: undefined }, locale);
    if (file.content.byteLength > TELEGRAM_UPLOAD_LIMIT) {
      const url = this.opts.linkFor?.(doc.fileId) ?? null;
      const extra = url ? this.t(locale, 'export-link', { url }) : this.t(locale, 'export-too-large');
      const sent = await this.api.sendMessage(chatId, `${m.text}\n\n${extra}`, { ...(m.parseMode ? { parse_mode: m.parseMode } : {}), link_preview_options: { is_disabled: true } });
      return { kind: 'sent', externalMessageId: String(sent.message_id) };
    }
    const captionFits = m.parseMode !== 'HTML' || htmlLength(m.text) <= CAPTION_LIMIT;
    const sent = await this.api.sendDocument(chatId, new InputFile(file.content, doc.fileName), {
      ...(captionFits ? { caption: m.text, ...(m.parseMode ? { parse_mode: m.parseMode } : {}) } : {}),
      ...(m.markup ? { reply_markup: m.markup } : {}),
    });
    return { kind: 'sent', externalMessageId: String(sent.message_id) };
  }

  async edit(chatId: string, messageId: number, message: OutboxMessage, locale: string): Promise<SendOutcome> {
    try {
      const m = await this.render(message, locale);
      await this.api.editMessageText(chatId, messageId, m.text, {
        ...(m.parseMode ? { parse_mode: m.parseMode } : {}),
        reply_markup: m.markup ?? { inline_keyboard: [] },
        link_preview_options: { is_disabled: true },
      });
      return { kind: 'sent', externalMessageId: String(messageId) };
    } catch (err) {
      if (err instanceof GrammyError && /message is not modified/i.test(err.description)) {
        return { kind: 'sent', externalMessageId: String(messageId) };
      }
      return classifyTelegramError(err);
    }
  }
}

/**
 * What the dispatcher (src/jobs/dispatcher.ts) needs to deliver through Telegram: its sender,
 * rendering with the locale files `t`.
 *
 * @example
 * new Dispatcher({ prisma, logger, now, rate: 25, ...telegramDelivery(bot.api, translator(i18n), { botUsername: () => bot.botInfo.username }) });
 */
export function telegramDelivery(api: Api<RawApi>, t: Translator, opts: TelegramSenderOptions = {}): { senders: ChannelSender[] } {
  return { senders: [new TelegramSender(api, t, opts)] };
}
