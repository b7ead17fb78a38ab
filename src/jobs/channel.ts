import type { OutboxMessage, StoredMessage } from '../messages/types.js';

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
 * A channel the dispatcher can deliver through: renders an outbox message (template key, vars,
 * actions) in the recipient's `locale` and sends it to one chat — as one message, or several in
 * order when the channel's limit requires. Telegram is the reference.
 */
export interface ChannelSender {
  readonly channel: 'TELEGRAM' | 'ZALO';
  /**
   * Whether the channel can edit a message it sent. Without it, the officer's live progress
   * becomes a few milestone messages (started, about half way, the summary).
   */
  readonly canEdit: boolean;
  /**
   * Renders and sends one row; rows queued before messages became data may be pre-rendered. A
   * message cut into parts resumes at `fromPart` (the parts a failed try delivered), and the outcome
   * says in `partsSent` how many parts have reached the chat, so a retry repeats none of them.
   */
  send(chatId: string, message: StoredMessage, locale: string, opts?: { fromPart?: number }): Promise<SendOutcome & { partsSent?: number }>;
  /** Edits a message the bot sent earlier (progress messages); only called when `canEdit`. */
  edit(chatId: string, messageId: number, message: OutboxMessage, locale: string): Promise<SendOutcome>;
}
