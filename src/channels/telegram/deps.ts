import type { TelegramConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { Services } from '../../services/index.js';
import type { Metrics } from '../../http/metrics.js';
import type { Conversations } from '../../flows/conversations.js';
import type { I18n } from '@grammyjs/i18n';
import type { BotContext } from './context.js';

/** Everything `createBot` needs from the composition root, passed in so tests build the same bot. */
export interface BotDeps {
  config: TelegramConfig;
  logger: Logger;
  services: Services;
  /** The channel-neutral flows (src/flows) and their stored state. */
  conversations: Conversations;
  metrics: Metrics;
  /** Translations, shared with the outbox renderer (messages sent outside an update). */
  i18n: I18n<BotContext>;
}
