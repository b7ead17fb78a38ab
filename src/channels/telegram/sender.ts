import { GrammyError, HttpError, InputFile, type Api, type RawApi } from 'grammy';
import { isLegacyMessage, type OutboxAttachment, type OutboxDocument, type OutboxMessage, type StoredMessage } from '../../messages/types.js';
import type { EvidenceFileService } from '../../services/evidence-files.js';
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
  /** The evidence store, for an announcement's file Telegram does not hold (a photo that came from Zalo). */
  evidence?: Pick<EvidenceFileService, 'read'>;
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

  /**
   * Sends the row. A message that goes as several Telegram messages — a file then its long text, or
   * a text over 4,096 characters — resumes at `fromPart` (what an earlier try delivered), and the
   * outcome says in `partsSent` how many parts reached the chat, so a retry sends none twice.
   */
  async send(chatId: string, message: StoredMessage, locale: string, opts: { fromPart?: number } = {}): Promise<SendOutcome & { partsSent?: number }> {
    let delivered = 0;
    try {
      if (!isLegacyMessage(message) && message.document) return await this.sendDocument(chatId, message, message.document, locale);
      const m = await this.render(message, locale);
      const extra = { link_preview_options: { is_disabled: true }, ...(this.opts.paid ? { allow_paid_broadcast: true } : {}) };
      const parseMode = m.parseMode ? { parse_mode: m.parseMode } : {};
      const attachment = isLegacyMessage(message) ? undefined : message.attachment;
      const from = Math.max(0, opts.fromPart ?? 0);
      let sent: { message_id: number } | null = null;
      const text = m.text;
      if (attachment) {
        // The text rides as the file's caption when Telegram takes it (1,024 characters once the
        // HTML is parsed); a longer one follows the file as its own message(s), buttons on the last.
        const asCaption = htmlLength(m.text) <= CAPTION_LIMIT;
        if (from === 0) {
          const caption = asCaption ? { caption: m.text, ...parseMode, ...(m.markup ? { reply_markup: m.markup } : {}) } : {};
          const file = await this.fileOf(attachment);
          if (!file) return { kind: 'failed', error: `attachment ${attachment.fileId} is gone` };
          const paid = this.opts.paid ? { allow_paid_broadcast: true } : {};
          sent = attachment.kind === 'photo' ? await this.api.sendPhoto(chatId, file, { ...caption, ...paid }) : await this.api.sendDocument(chatId, file, { ...caption, ...paid });
          if (asCaption) return { kind: 'sent', externalMessageId: String(sent.message_id) };
        }
        delivered = 1;
      }
      const parts = m.parseMode === 'HTML' && htmlLength(text) > TEXT_LIMIT ? splitHtml(text) : [text];
      const first = delivered;
      for (const [i, part] of parts.entries()) {
        if (first + i < from) {
          delivered++;
          continue;
        }
        const last = i === parts.length - 1;
        sent = await this.api.sendMessage(chatId, part, { ...parseMode, ...(last && m.markup ? { reply_markup: m.markup } : {}), ...extra });
        delivered++;
      }
      const total = first + parts.length;
      return { kind: 'sent', externalMessageId: sent ? String(sent.message_id) : '', ...(total > 1 ? { partsSent: total } : {}) };
    } catch (err) {
      return { ...classifyTelegramError(err), ...(delivered > 0 ? { partsSent: delivered } : {}) };
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

  /** What to send as the file: Telegram's own file_id when it came from Telegram, else the stored bytes. */
  private async fileOf(a: OutboxAttachment): Promise<string | InputFile | null> {
    if (a.telegramFileId) return a.telegramFileId;
    const stored = await this.opts.evidence?.read(a.fileId);
    if (!stored) return null;
    const ext = a.mimeType === 'image/png' ? 'png' : a.mimeType === 'application/pdf' ? 'pdf' : 'jpg';
    return new InputFile(stored.content, a.fileName ?? `${a.kind === 'photo' ? 'anh' : 'tep'}.${ext}`);
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
