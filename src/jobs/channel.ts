import type { OutboxMessage } from '../services/outbox.js';
import type { BroadcastProgress } from '../services/broadcasts.js';

/**
 * What the background jobs need from a chat channel, in channel-neutral terms. The composition
 * root (src/app.ts) gives the jobs an implementation per channel (Telegram's lives in
 * src/channels/telegram/); the jobs never import channel code, so a second channel plugs in here.
 */

/**
 * What one send attempt came to, in channel-neutral terms the dispatcher acts on:
 * - `sent`: the channel accepted it (we keep its message id);
 * - `rate_limited`: slow down everyone for `retryAfterMs`, then retry (not a failure);
 * - `unreachable`: the recipient blocked us or the chat is gone — stop writing to them;
 * - `failed`: the message itself is wrong (bad markup, too long) — retrying cannot help;
 * - `transient`: the channel or network hiccupped — retry with backoff.
 */
export type SendOutcome =
  | { kind: 'sent'; externalMessageId: string }
  | { kind: 'rate_limited'; retryAfterMs: number; error: string }
  | { kind: 'unreachable'; error: string }
  | { kind: 'failed'; error: string }
  | { kind: 'transient'; error: string };

/**
 * A channel the dispatcher can deliver through: sends one outbox payload to one chat. Telegram is
 * the reference; a channel that cannot edit messages answers `edit` with `failed`, and the progress
 * message is then sent anew.
 */
export interface ChannelSender {
  readonly channel: 'TELEGRAM' | 'ZALO';
  send(chatId: string, message: OutboxMessage): Promise<SendOutcome>;
  /** Edits a message the bot sent earlier (progress messages). */
  edit(chatId: string, messageId: number, message: OutboxMessage): Promise<SendOutcome>;
}

/**
 * How the officer's broadcast progress reads in their language: the live message (with a way to
 * stop the broadcast) and the final summary that replaces it. Rendering knows the channel's markup
 * and action encoding; deciding when to show what stays in the jobs.
 */
export interface ProgressView {
  /** The message while sending; `rate` (messages per second) gives the time left. */
  progress(locale: string, broadcastId: number, p: BroadcastProgress, rate: number): OutboxMessage;
  /** The summary once nothing is pending (no action). */
  summary(locale: string, p: BroadcastProgress): OutboxMessage;
}
