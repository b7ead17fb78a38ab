import type { Composer, Context, Filter } from 'grammy';
import type { Message } from 'grammy/types';
import type { BotContext } from './context.js';
import type { CallbackAction, CallbackArgs, DecodedCallback } from './callback-data.js';
import { decodeCallback } from './callback-data.js';
import { escapeHtml } from '../../domain/text.js';
import type { AuditEntry } from '../../services/audit.js';
import { splitHtml } from './render/split.js';
import { notJoinedText } from '../join-text.js';

export { escapeHtml };

/** The decoded callback of this update, cached on the context (decoded once per update). */
export function callbackOf(ctx: BotContext): DecodedCallback | null {
  const c = ctx as BotContext & { _cb?: DecodedCallback | null };
  if (c._cb === undefined) c._cb = decodeCallback(ctx.callbackQuery?.data);
  return c._cb;
}

/**
 * Registers a handler for one button action. Arguments arrive validated; data that fails
 * validation never reaches a handler (unhandled.ts answers "this button has expired").
 */
export function onAction<A extends CallbackAction>(
  composer: Composer<BotContext>,
  action: A,
  handler: (ctx: Filter<BotContext, 'callback_query:data'>, args: CallbackArgs<A>) => unknown,
): void {
  composer.on('callback_query:data').filter(
    (ctx) => callbackOf(ctx)?.action === action,
    async (ctx) => {
      const decoded = callbackOf(ctx)!;
      await handler(ctx, decoded.args as CallbackArgs<A>);
    },
  );
}

/** Answers the callback query if the handler did not (every query must be answered). */
export async function answerQuietly(ctx: BotContext, text?: string): Promise<void> {
  try {
    await ctx.answerCallbackQuery(text ? { text } : undefined);
  } catch {
    // Already answered or too old: nothing the user can be told.
  }
}

/** The display name Telegram gives us for this user, as a name suggestion. */
export function telegramName(ctx: BotContext): string {
  const from = ctx.from;
  if (!from) return '';
  return [from.first_name, from.last_name].filter(Boolean).join(' ').trim();
}

/** A user reference for audit entries that works even before a Member row exists. */
export function actorRef(ctx: Pick<BotContext, 'from'>): string | null {
  return ctx.from ? `tg:${ctx.from.id}` : null;
}

/** Writes an audit entry for the user behind this update: their member id and channel id are filled in. */
export function auditBy(ctx: Pick<BotContext, 'from' | 'member' | 'deps'>, entry: Omit<AuditEntry, 'actorId' | 'actorRef'>): Promise<void> {
  return ctx.deps.services.audit.record({ actorId: ctx.member?.id ?? null, actorRef: actorRef(ctx), ...entry });
}

/** Options of {@link replyHtml}: those of `ctx.reply`, applied to the last part (the keyboard goes there). */
export type ReplyOptions = Parameters<Context['reply']>[1];

/**
 * Replies with HTML that may not fit one Telegram message: the text is cut at paragraph and line
 * boundaries into balanced parts of at most 4,096 characters (`splitHtml`), sent in order; the
 * keyboard and other options go with the last part, so its buttons sit under the end of the text.
 * Works inside conversations too (their `ctx.reply` is replay-safe). Returns the last message.
 *
 * @example await replyHtml(ctx, renderDetail(t, campaign, opts), { reply_markup: kb });
 */
export async function replyHtml(ctx: Pick<Context, 'reply'>, html: string, options: ReplyOptions = {}): Promise<Message.TextMessage> {
  const parts = splitHtml(html);
  const preview = options?.link_preview_options ? { link_preview_options: options.link_preview_options } : {};
  for (const part of parts.slice(0, -1)) await ctx.reply(part, { parse_mode: 'HTML', ...preview });
  return ctx.reply(parts[parts.length - 1]!, { ...options, parse_mode: 'HTML' });
}

/**
 * Answers someone who has not joined a unit yet: a person waiting for their join request to be
 * approved hears that it is waiting (not "send /start", which would have them ask again).
 */
export async function replyNotJoined(ctx: BotContext): Promise<void> {
  await replyHtml(ctx, await notJoinedText((key, vars) => ctx.t(key, vars), ctx.deps.services, ctx.member?.id ?? null, 'not-joined'));
}
