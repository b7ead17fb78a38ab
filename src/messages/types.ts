/**
 * What an outbox row says, as data (issue 9, item 5): a template key, its raw values and the
 * actions it offers, stored on the Delivery at enqueue time and rendered at send time by the
 * channel's sender, in the recipient's language as it is then. Dates are ISO strings, numbers
 * stay numbers, user text stays unescaped: formatting and escaping belong to the renderer.
 */

/** A JSON-safe value of a message's variables. */
export type MessageValue = string | number | boolean | null | MessageValue[] | { [key: string]: MessageValue };

/** The variables of a message (JSON-safe: stored in `delivery.payload`). */
export type MessageVars = { [key: string]: MessageValue };

/** A localized label: a Fluent message id and its (plain) variables. */
export interface Label {
  key: string;
  vars?: Record<string, string | number>;
}

/**
 * What a message lets its reader do, in channel-neutral terms. Telegram turns them into inline
 * buttons (deep links, callback data); a text channel into numbered lines saying what to send.
 */
export type OutboxAction = { label: Label } & (
  /** Open registration for a campaign (Telegram: the deep link `?start=c_<code>`). */
  | { kind: 'register'; campaignCode: string }
  /** Report progress for a milestone. */
  | { kind: 'report'; milestoneId: number }
  /** Send the unit's review report (sơ kết / tổng kết) for a milestone. */
  | { kind: 'review'; milestoneId: number }
  /** An officer reminds the laggards of a milestone once more. */
  | { kind: 'nudge'; milestoneId: number }
  /** An officer approves or returns a registration. */
  | { kind: 'approve' | 'return'; registrationId: number }
  /** An officer approves or declines a person's request to join a unit (join policy APPROVAL). */
  | { kind: 'approve-join' | 'decline-join'; requestId: number }
  /** The officer who launched a broadcast stops it. */
  | { kind: 'stop-broadcast'; broadcastId: number }
  /** Any link. */
  | { kind: 'url'; url: string }
);

/**
 * A file sent with a message (issue 12 #12: the signed Kế hoạch PDF with an announcement). The bytes
 * are in the evidence store (`fileId` = `evidence_file:<id>`, services/evidence-files.ts), so every
 * channel can send them; a file that came from Telegram keeps its Telegram `file_id` too, sent again
 * without an upload. Each channel's sender decides how: Telegram sendDocument / sendPhoto with the
 * text as caption when it fits; Zalo a photo by URL, a document as a signed download link.
 */
export interface OutboxAttachment {
  kind: 'photo' | 'document';
  fileId: string;
  telegramFileId?: string | undefined;
  fileName?: string | undefined;
  mimeType: string;
}

/**
 * An outbox message: `key` names a template of src/messages/templates.ts or, for a simple text, a
 * Fluent message id; `vars` are its raw values; `actions` are rows of actions.
 */
export interface OutboxMessage {
  key: string;
  vars: MessageVars;
  actions?: OutboxAction[][] | undefined;
  /**
   * A file that goes with the message (an officer's /export workbook), by the store's id
   * (`export_file:<id>`): Telegram sends it as a document with the text as caption; a channel
   * that cannot send documents (Zalo) adds a signed, expiring download link to the text.
   */
  document?: OutboxDocument | undefined;
  /** A file sent with the text, from the evidence store (see {@link OutboxAttachment}). */
  attachment?: OutboxAttachment | undefined;
}

/** A stored file an outbox message carries. */
export interface OutboxDocument {
  fileId: string;
  fileName: string;
}

/**
 * The shape rows had before messages became data: Telegram HTML rendered at enqueue time, with
 * buttons. Rows queued by an older version are still sent as they are.
 */
export interface LegacyOutboxMessage {
  text: string;
  parseMode?: 'HTML' | undefined;
  buttons?: Array<Array<{ text: string; url: string } | { text: string; callbackData: string }>> | undefined;
}

/** What a Delivery's payload holds: a message, or an old pre-rendered one. */
export type StoredMessage = OutboxMessage | LegacyOutboxMessage;

export function isLegacyMessage(m: StoredMessage): m is LegacyOutboxMessage {
  return typeof (m as LegacyOutboxMessage).text === 'string' && typeof (m as OutboxMessage).key !== 'string';
}
