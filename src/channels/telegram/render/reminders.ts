import type { I18n } from '@grammyjs/i18n';
import type { RenderEnv } from '../../../domain/reminders.js';
import type { BotContext } from '../context.js';
import { encodeCallback } from '../callback-data.js';
import { translator } from '../i18n.js';

/**
 * How reminders are rendered outside an update: the locale files, the bot's username (deep
 * links) and our callback codec for the buttons. Built in the channel so services and jobs never
 * import grammY; the scheduler and /nudge both use it.
 */
export function reminderRenderEnv(i18n: I18n<BotContext>, botUsername: string): RenderEnv {
  return {
    t: translator(i18n),
    botUsername,
    callbackData: (action, id) =>
      action === 'nudge'
        ? encodeCallback('rem.nudge', { milestoneId: id })
        : action === 'review'
          ? encodeCallback('rev.open', { milestoneId: id })
          : encodeCallback('rem.report', { milestoneId: id }),
  };
}
