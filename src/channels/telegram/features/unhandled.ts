import { FeatureComposer } from '../composer.js';
import type { BotContext } from '../context.js';
import { answerQuietly, callbackOf, onAction, replyNotJoined } from '../helpers.js';
import { mainMenu } from '../keyboards/menu.js';

/**
 * The last word: buttons nobody handled (stale or forged data) and messages outside any flow.
 * Nothing here changes state.
 */
export const unhandled = new FeatureComposer<BotContext>();

onAction(unhandled, 'flow.cancel', async (ctx) => {
  await answerQuietly(ctx);
  await ctx.editMessageReplyMarkup().catch(() => {});
  await ctx.reply(ctx.t('cancelled'), { reply_markup: ctx.member?.unitId ? mainMenu(ctx) : undefined });
});

unhandled.on('callback_query', async (ctx) => {
  if (!callbackOf(ctx)) ctx.log.warn({ data: ctx.callbackQuery.data?.slice(0, 64) }, 'stale or forged callback data');
  await answerQuietly(ctx, ctx.t('button-expired'));
});

unhandled.chatType('private').on('message', async (ctx) => {
  if (!ctx.member?.unitId || !ctx.member.fullName) {
    await replyNotJoined(ctx);
    return;
  }
  await ctx.reply(ctx.t('unhandled-text'), { reply_markup: mainMenu(ctx) });
});
