import { InlineKeyboard } from 'grammy';
import { FeatureComposer } from '../composer.js';
import type { BotContext } from '../context.js';
import { encodeCallback } from '../callback-data.js';
import { answerQuietly, escapeHtml, onAction, telegramName } from '../helpers.js';
import { startFlowFor } from '../flow-driver.js';

/**
 * /profile and /language on Telegram: the profile card with its three buttons; each opens a
 * channel-neutral flow (src/flows/profile.ts) that asks and stores the change.
 */
export const profile = new FeatureComposer<BotContext>();

profile.command('profile', async (ctx) => {
  const member = ctx.member!;
  const unit = member.unitId ? await ctx.deps.services.units.byId(member.unitId) : null;
  const breadcrumb = unit ? (await ctx.deps.services.units.breadcrumb(unit)).join(' › ') : ctx.t('profile-not-set');
  const kb = new InlineKeyboard()
    .text(ctx.t('profile-change-name'), encodeCallback('profile.name', {}))
    .row()
    .text(ctx.t('profile-change-unit'), encodeCallback('profile.unit', {}))
    .row()
    .text(ctx.t('profile-change-language'), encodeCallback('profile.lang', {}));
  await ctx.reply(
    ctx.t('profile-show', {
      name: escapeHtml(member.fullName ?? ctx.t('profile-not-set')),
      unit: escapeHtml(breadcrumb),
      language: ctx.t('language-name'),
      role: ctx.t(`role-${member.role}`),
    }),
    { parse_mode: 'HTML', reply_markup: kb },
  );
});

onAction(profile, 'profile.name', async (ctx) => {
  await answerQuietly(ctx);
  const name = telegramName(ctx);
  await startFlowFor(ctx, ctx.deps.conversations, 'profile-name', name ? { suggestedName: name } : {});
});

onAction(profile, 'profile.unit', async (ctx) => {
  await answerQuietly(ctx);
  await startFlowFor(ctx, ctx.deps.conversations, 'profile-unit', {});
});

onAction(profile, 'profile.lang', async (ctx) => {
  await answerQuietly(ctx);
  await startFlowFor(ctx, ctx.deps.conversations, 'language', undefined);
});

profile.command('language', (ctx) => startFlowFor(ctx, ctx.deps.conversations, 'language', undefined));
