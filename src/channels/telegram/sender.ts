import { GrammyError, HttpError, type Api, type RawApi } from 'grammy';
import type { OutboxMessage, StoredMessage } from '../../messages/types.js';
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
}

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
