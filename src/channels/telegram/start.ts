import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { BotContext } from './context.js';
import type { Translator } from './i18n.js';
import type { UpdateProcessor } from './update-processor.js';
import { syncDefaultCommands } from './commands.js';

/** The bot as the composition root holds it (src/app.ts names no grammY type itself). */
export type TelegramBot = Bot<BotContext>;

/** The update types the bot asks Telegram for, in both modes. */
const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/**
 * Confirms the bot's identity with Telegram (its username makes the deep links) and sets the
 * default command menus. Runs at start-up before anything is sent or received.
 */
export async function prepareTelegram(o: { bot: TelegramBot; t: Translator; config: Config; logger: Logger }): Promise<void> {
  await o.bot.init();
  o.logger.info({ username: o.bot.botInfo.username, mode: o.config.BOT_MODE }, 'bot identity confirmed');
  await syncDefaultCommands(o.bot.api, o.t, o.config.DEFAULT_LOCALE);
}

/**
 * Starts taking updates from Telegram. Webhook mode registers the webhook (the HTTP server must
 * already listen: Telegram posts at once) and updates arrive through the server; polling mode
 * drops any webhook and starts the grammY runner, which fetches while the processor handles
 * (dedupe, retries in order per chat while a store is down). Returns how to stop taking updates;
 * updates in flight finish (the caller drains the processor and the bot afterwards).
 */
export async function startTelegram(o: {
  bot: TelegramBot;
  config: Config;
  updates: UpdateProcessor;
  logger: Logger;
}): Promise<{ stop(): Promise<void> }> {
  const { bot, config, updates, logger } = o;
  if (config.BOT_MODE === 'webhook') {
    await bot.api.setWebhook(config.WEBHOOK_URL!, {
      secret_token: config.WEBHOOK_SECRET!,
      allowed_updates: [...ALLOWED_UPDATES],
    });
    logger.info('webhook registered');
    return { stop: async () => undefined };
  }
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(
    {
      init: () => bot.init(),
      api: bot.api,
      handleUpdate: (update) => updates.submit(update),
      errorHandler: (err: unknown) => logger.error({ err }, 'update could not be handled'),
    },
    { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } },
  );
  logger.info('polling started');
  return {
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
    },
  };
}
