/**
 * What a member said, in channel-neutral terms: every channel's transport turns its own update
 * format into this, and what handles members (flows, commands) reads nothing else. Ids are
 * opaque strings whatever the channel (Telegram's numbers become strings).
 */

/** The chat channels the bot speaks on. */
export type ChannelName = 'TELEGRAM' | 'ZALO';

/** One message a person sent the bot. */
export interface InboundEvent {
  channel: ChannelName;
  /** Unique per channel; a redelivery carries the same id (the dedupe key). */
  eventId: string;
  /** Where to answer. */
  chatId: string;
  chatType: 'private' | 'group';
  from: {
    /** The sender's id on that channel. */
    externalId: string;
    /** The name they show on that channel ('' when it gave none). */
    name: string;
  };
  date: Date;
  /** `unsupported`: something the bot cannot read (a voice note, content Zalo withholds). */
  kind: 'text' | 'image' | 'sticker' | 'unsupported';
  text?: string;
  /** A photo's URL (Zalo's expire: download at once). */
  imageUrl?: string;
  caption?: string;
}
