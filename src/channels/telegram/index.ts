import { Bot, type BotConfig } from 'grammy';
import { sequentialize } from '@grammyjs/runner';
import type { BotContext } from './context.js';
import type { BotDeps } from './deps.js';
import { onboarding } from './features/onboarding.js';
import { profile } from './features/profile.js';
import { help } from './features/help.js';
import { admin } from './features/admin.js';
import { joins } from './features/joins.js';
import { unhandled } from './features/unhandled.js';
import { mainMenu } from './keyboards/menu.js';
import { sessionKey } from './session-key.js';
import { flowDriver } from './flow-driver.js';
import { campaigns } from './features/campaigns.js';
import { registration } from './features/registration.js';
import { reports } from './features/reports.js';
import { reminders } from './features/reminders.js';
import { groups } from './features/groups.js';
import { broadcasts } from './features/broadcasts.js';
import { link } from './features/link.js';
import { stats } from './features/stats.js';
import { honours } from './features/honours.js';
import { exportsFeature } from './features/exports.js';
import { outageBoundary, recordSpoken } from './outage.js';
import { isStoreOutage } from '../../outage.js';

export type { BotDeps };

/** Updates being handled per bot, so shutdown can wait for them (the runner's stop does not). */
const inFlight = new WeakMap<Bot<BotContext>, { count: number; idle: Array<() => void> }>();

/** Resolves when the bot has no update in progress (or after `timeoutMs`). */
export function drainBot(bot: Bot<BotContext>, timeoutMs = 25_000): Promise<void> {
  const state = inFlight.get(bot);
  if (!state || state.count === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    state.idle.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export { sessionKey };

/**
 * Builds the bot: the same factory serves `npm start` (polling or webhook), the e2e tests and the
 * benchmarks. Middleware order matters: per-chat sequencing first, the outage boundary around
 * everything that reads or writes a store (member, flows, features), the member before i18n (their stored locale decides the language), features, then
 * the catch-all. Updates enter through `UpdateProcessor` (src/channels/telegram/update-processor.ts), never `bot.start()`.
 *
 * @example
 * const bot = createBot(deps, { client: { apiRoot: 'http://127.0.0.1:8081' } });
 */
export function createBot(deps: BotDeps, botConfig?: BotConfig<BotContext>): Bot<BotContext> {
  const bot = new Bot<BotContext>(deps.config.BOT_TOKEN, {
    ...botConfig,
    client: { apiRoot: deps.config.TELEGRAM_API_ROOT, ...botConfig?.client },
  });

  const state = { count: 0, idle: [] as Array<() => void> };
  inFlight.set(bot, state);
  bot.use(async (ctx, next) => {
    state.count++;
    ctx.deps = deps;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id });
    const type = Object.keys(ctx.update).find((k) => k !== 'update_id') ?? 'unknown';
    deps.metrics.updates.inc({ type });
    const stop = deps.metrics.updateSeconds.startTimer();
    try {
      await next();
    } finally {
      stop();
      if (--state.count === 0) state.idle.splice(0).forEach((wake) => wake());
    }
  });
  bot.use(sequentialize(sessionKey));
  bot.api.config.use(recordSpoken);
  bot.use(outageBoundary(deps));
  bot.use(async (ctx, next) => {
    ctx.member = ctx.from && !ctx.from.is_bot
      ? await deps.services.members.touch({
          channel: 'TELEGRAM',
          externalId: String(ctx.from.id),
          firstName: ctx.from.first_name,
          lastName: ctx.from.last_name,
          languageCode: ctx.from.language_code,
        })
      : null;
    // Cached for a minute: a lookup only when the cache is cold.
    ctx.addressForm = deps.services.units.addressFormCached(ctx.member?.unitId) ?? (await deps.services.units.addressFormOf(ctx.member?.unitId));
    await next();
  });
  bot.use(deps.i18n);

  const features = bot.errorBoundary(async (err) => {
    // A store outage is not a bug of this handler: the outage boundary decides (retry or "send again").
    if (isStoreOutage(err.error)) throw err.error;
    deps.metrics.handlerErrors.inc();
    const ctx = err.ctx;
    ctx.log.error({ err: err.error }, 'handler failed');
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
    if (ctx.chat?.type === 'private') {
      await ctx.reply(ctx.t('error-generic'), { reply_markup: ctx.member?.unitId ? mainMenu(ctx) : undefined }).catch(() => {});
    }
  });
  // Input goes to an open flow first (src/flows: every multi-step dialogue).
  if (deps.conversations.size > 0) features.use(flowDriver(deps.conversations));
  // Feature composers, one per feature (see src/channels/telegram/features/). `unhandled` must stay last.
  features.use(help, onboarding, profile, link, admin, joins, campaigns, registration, reports, reminders, stats, groups, broadcasts, honours, exportsFeature, unhandled);

  bot.catch((err) => deps.logger.error({ err: err.error, update_id: err.ctx.update.update_id }, 'update failed outside features'));
  return bot;
}
