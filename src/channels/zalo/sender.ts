/**
 * Sending on Zalo: plain text only, at most 2,000 characters a message, paced at ZALO_RATE
 * messages per second over every chat (shared by every instance through Redis when there is one,
 * under its own keys: Zalo's budget is not Telegram's), and slowed down for everyone after a 429.
 *
 * A longer text is sent as several messages, in order, cut at paragraph, then line, then word
 * boundaries — the cutting is the Telegram splitter's ({@link splitHtml}) applied to plain text,
 * so both channels cut the same way. When a part fails the result says how many were sent, so a
 * retry can resume with `fromPart` instead of repeating what the member already has.
 *
 * @example
 * const sender = new ZaloSender({ api, rate: config.ZALO_RATE, redis });
 * const r = await sender.sendText(chatId, longText);
 * if (r.kind !== 'sent') retryLater({ fromPart: r.partsSent });
 */
import type { Redis } from '../../redis.js';
import type { SendOutcome } from '../../jobs/channel.js';
import { LocalRateLimiter, RedisRateLimiter, type RateLimiter } from '../../jobs/rate-limit.js';
import { escapeHtml, htmlToPlain } from '../../domain/text.js';
import { splitHtml } from '../../messages/split.js';
import { ZALO_TEXT_LIMIT } from '../../messages/text.js';
import { sendOutcome, type ZaloApi } from './api.js';

/** Longest text (and caption) Zalo accepts (one constant, beside the text renderer of outbox messages). */
export { ZALO_TEXT_LIMIT };

/**
 * Cuts plain text into parts of at most `max` characters: between paragraphs when they fit,
 * else between lines, else between words. Nothing is lost but the whitespace at the cuts.
 *
 * @example splitPlainText('a'.repeat(1500) + '\n\n' + 'b'.repeat(1500)) // ['aaa…', 'bbb…']
 */
export function splitPlainText(text: string, max: number = ZALO_TEXT_LIMIT): string[] {
  return splitHtml(escapeHtml(text), max).map(htmlToPlain);
}

/** What {@link ZaloSender.sendText} came to: the outcome, and how far it got. */
export type TextOutcome = SendOutcome & {
  /** How many parts the text was cut into. */
  parts: number;
  /** Parts delivered, counting those skipped by `fromPart` (= `parts` when sent). */
  partsSent: number;
};

export interface ZaloSenderOptions {
  api: ZaloApi;
  /** Messages per second over all chats (ZALO_RATE). */
  rate: number;
  /** Shares the budget and the 429 pause between instances (keys `zalo:rl:*`). */
  redis?: Redis | null | undefined;
  /** Tries of one message through 429s and hiccups before giving up (default 4). */
  attempts?: number;
  /** Wait before retrying a hiccup (doubles each time; default 500 ms). */
  transientDelayMs?: number;
  /** For tests: a limiter of our own. */
  limiter?: RateLimiter;
}

export class ZaloSender {
  private readonly limiter: RateLimiter;
  private readonly attempts: number;
  private readonly transientDelayMs: number;

  constructor(private readonly o: ZaloSenderOptions) {
    // Zalo publishes no per-chat limit: only the global rate spaces messages, so the parts of a
    // long text follow each other without a per-chat gap.
    const spacing = { rate: o.rate, privateChatSpacingMs: 0, groupChatSpacingMs: 0 };
    this.limiter = o.limiter ?? (o.redis ? new RedisRateLimiter(o.redis, spacing, 'zalo:rl:') : new LocalRateLimiter(spacing));
    this.attempts = o.attempts ?? 4;
    this.transientDelayMs = o.transientDelayMs ?? 500;
  }

  /** Sends `text` as one message or several in order; `fromPart` skips parts already delivered. */
  async sendText(chatId: string, text: string, opts: { fromPart?: number } = {}): Promise<TextOutcome> {
    if (text.trim() === '') return { kind: 'failed', error: 'empty text (Zalo needs 1–2000 characters)', parts: 0, partsSent: 0 };
    const parts = splitPlainText(text);
    let sent = Math.max(0, opts.fromPart ?? 0);
    let last: SendOutcome = { kind: 'sent', externalMessageId: '' };
    for (const part of parts.slice(sent)) {
      last = await this.deliver(chatId, () => this.o.api.sendMessage(chatId, part));
      if (last.kind !== 'sent') return { ...last, parts: parts.length, partsSent: sent };
      sent += 1;
    }
    return { ...last, parts: parts.length, partsSent: sent };
  }

  /** Sends a photo Zalo fetches from `url` (under PUBLIC_URL), with an optional caption. */
  async sendPhoto(chatId: string, url: string, caption?: string): Promise<SendOutcome> {
    if (caption && caption.length > ZALO_TEXT_LIMIT) return { kind: 'failed', error: `caption longer than ${ZALO_TEXT_LIMIT} characters` };
    return this.deliver(chatId, () => this.o.api.sendPhoto(chatId, url, caption));
  }

  /** One message: waits for a slot, sends, and tries again after a 429 or a hiccup. */
  private async deliver(chatId: string, send: Parameters<typeof sendOutcome>[0]): Promise<SendOutcome> {
    let outcome: SendOutcome = { kind: 'transient', error: 'not sent' };
    for (let attempt = 1; attempt <= this.attempts; attempt += 1) {
      await this.slot(chatId);
      outcome = await sendOutcome(send);
      if (outcome.kind === 'rate_limited') {
        await this.limiter.pause(outcome.retryAfterMs);
      } else if (outcome.kind === 'transient') {
        await sleep(this.transientDelayMs * 2 ** (attempt - 1));
      } else {
        return outcome;
      }
    }
    return outcome;
  }

  private async slot(chatId: string): Promise<void> {
    for (;;) {
      const r = await this.limiter.reserve(chatId);
      if (r.ok) {
        if (r.delayMs > 0) await sleep(r.delayMs);
        return;
      }
      await sleep(r.waitMs);
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
