import type { Middleware, Transformer } from 'grammy';
import type { BotContext } from './context.js';
import type { BotDeps } from './deps.js';
import { isStoreOutage } from '../../outage.js';

/**
 * Thrown out of `bot.handleUpdate` when a store (PostgreSQL, Redis) was unavailable before the bot
 * had said anything about the update: it is safe to handle the whole update again later, and the
 * update processor does (webhook: 503 so Telegram redelivers; polling: a retry in order per chat).
 */
export class UpdateDeferred extends Error {
  constructor(readonly updateId: number, cause: unknown) {
    super(`update ${updateId} deferred: a store is unavailable`, { cause });
    this.name = 'UpdateDeferred';
  }
}

/** Calls that show the user nothing: they never make a retry unsafe. */
const SILENT_METHODS = new Set([
  'getMe',
  'getFile',
  'getChat',
  'getChatMember',
  'getChatAdministrators',
  'getMyCommands',
  'getUpdates',
  'getWebhookInfo',
  'sendChatAction',
]);

/**
 * Whether the bot has spoken during the update in flight, by chat id and callback query id (the
 * keys a Bot API call names its audience by). Updates of one chat run one at a time (per-chat
 * sequencing), so a chat id identifies its update (in a group two members' updates may overlap:
 * then one may count as spoken too early, which only turns a retry into "send again"); a plain map like `membersInFlight` rather than
 * AsyncLocalStorage, which would switch on promise hooks for the whole process.
 */
const spokenIn = new Map<string, { spoken: boolean }>();

function keysOf(ctx: BotContext): string[] {
  const keys: string[] = [];
  if (ctx.chat) keys.push(`c${ctx.chat.id}`);
  if (ctx.callbackQuery) keys.push(`q${ctx.callbackQuery.id}`);
  return keys;
}

/**
 * API transformer that records a call which may have reached the user. Installed on `bot.api`
 * (copied into every update's Api) and inside conversations, whose Api the plugin builds itself.
 * Recorded before the call: a call that failed half-way may still have been shown.
 */
export const recordSpoken: Transformer = (prev, method, payload, signal) => {
  if (!SILENT_METHODS.has(method)) {
    const p = payload as { chat_id?: unknown; callback_query_id?: unknown };
    const key = p.chat_id !== undefined ? `c${String(p.chat_id)}` : p.callback_query_id !== undefined ? `q${String(p.callback_query_id)}` : undefined;
    const entry = key ? spokenIn.get(key) : undefined;
    if (entry) entry.spoken = true;
  }
  return prev(method, payload, signal);
};

/**
 * The outage boundary, outermost around everything that touches a store (member lookup,
 * conversations, features). A store error before the bot said anything becomes
 * {@link UpdateDeferred}: the update is handled again once the store is back. A store error after
 * the bot answered (typically the state write at the end of a flow step) cannot be retried without
 * answering twice, so the user is asked to send that answer again — their state still holds the
 * question it was at.
 */
export function outageBoundary(deps: BotDeps): Middleware<BotContext> {
  return async (ctx, next) => {
    const keys = keysOf(ctx);
    const entry = { spoken: false };
    for (const key of keys) spokenIn.set(key, entry);
    try {
      await next();
    } catch (err) {
      if (!isStoreOutage(err)) throw err;
      deps.metrics.storeOutages.inc({ outcome: entry.spoken ? 'asked_to_resend' : 'deferred' });
      if (!entry.spoken) {
        ctx.log.warn({ err: (err as Error).message }, 'store unavailable: update deferred');
        throw new UpdateDeferred(ctx.update.update_id, err);
      }
      ctx.log.warn({ err: (err as Error).message }, 'store unavailable after answering: asked the user to send again');
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
      if (ctx.chat) await ctx.reply(resendText(ctx, deps)).catch(() => {});
    } finally {
      for (const key of keys) if (spokenIn.get(key) === entry) spokenIn.delete(key);
    }
  };
}

/** In the member's language when i18n already ran for this update, the default one otherwise. */
function resendText(ctx: BotContext, deps: BotDeps): string {
  if (typeof (ctx as Partial<BotContext>).t === 'function') return ctx.t('store-resend');
  return deps.i18n.t(ctx.member?.locale ?? deps.config.DEFAULT_LOCALE, 'store-resend');
}
