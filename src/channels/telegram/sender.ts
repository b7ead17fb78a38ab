import { GrammyError, HttpError, type Api, type RawApi } from 'grammy';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { OutboxMessage } from '../../services/outbox.js';
import type { ChannelSender, ProgressView, SendOutcome } from '../../jobs/channel.js';
import type { Translator } from './i18n.js';
import { telegramProgressView } from './render/progress.js';

/** Inline keyboard from the outbox's channel-neutral buttons. */
export function inlineKeyboard(buttons: OutboxMessage['buttons']): InlineKeyboardMarkup | undefined {
  if (!buttons || buttons.length === 0) return undefined;
  return {
    inline_keyboard: buttons.map((row) =>
      row.map((b): InlineKeyboardButton => ('url' in b ? { text: b.text, url: b.url } : { text: b.text, callback_data: b.callbackData })),
    ),
  };
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

/**
 * The dispatcher's sender for Telegram (src/jobs/channel.ts), through grammY's raw `bot.api` — the
 * same client path as every reply, so transformers installed on the bot (none by default) and the
 * fake Bot API in tests see real requests.
 * `paid` adds `allow_paid_broadcast` (Telegram then allows up to 1000 msg/s, billed in Stars).
 */
export class TelegramSender implements ChannelSender {
  readonly channel = 'TELEGRAM' as const;

  constructor(
    private readonly api: Api<RawApi>,
    private readonly opts: { paid?: boolean } = {},
  ) {}

  async send(chatId: string, message: OutboxMessage): Promise<SendOutcome> {
    try {
      const markup = inlineKeyboard(message.buttons);
      const sent = await this.api.sendMessage(chatId, message.text, {
        ...(message.parseMode ? { parse_mode: message.parseMode } : {}),
        ...(markup ? { reply_markup: markup } : {}),
        link_preview_options: { is_disabled: true },
        ...(this.opts.paid ? { allow_paid_broadcast: true } : {}),
      });
      return { kind: 'sent', externalMessageId: String(sent.message_id) };
    } catch (err) {
      return classifyTelegramError(err);
    }
  }

  async edit(chatId: string, messageId: number, message: OutboxMessage): Promise<SendOutcome> {
    try {
      const markup = inlineKeyboard(message.buttons);
      await this.api.editMessageText(chatId, messageId, message.text, {
        ...(message.parseMode ? { parse_mode: message.parseMode } : {}),
        reply_markup: markup ?? { inline_keyboard: [] },
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
 * What the dispatcher (src/jobs/dispatcher.ts) needs to deliver through Telegram: the sender and
 * the officers' progress messages. `paid` is BROADCAST_PAID.
 *
 * @example
 * new Dispatcher({ prisma, logger, now, rate: 25, ...telegramDelivery(bot.api, translator(i18n)) });
 */
export function telegramDelivery(
  api: Api<RawApi>,
  t: Translator,
  opts: { paid?: boolean } = {},
): { senders: ChannelSender[]; progressView: ProgressView } {
  return { senders: [new TelegramSender(api, opts)], progressView: telegramProgressView(t) };
}
