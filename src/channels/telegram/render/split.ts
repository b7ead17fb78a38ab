/**
 * Telegram's limits for what the bot says (4,096 characters of text, 1,024 of caption, 100 inline
 * buttons) and the HTML splitting helpers, which are channel-neutral and live in
 * src/messages/split.ts (the outbox renderers of every channel use them).
 */
export * from '../../../messages/split.js';
