import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.js';
import { encodeCallback } from '../callback-data.js';
import { answerQuietly, escapeHtml, onAction } from '../helpers.js';
import { mainMenu } from '../keyboards/menu.js';
import { askName, askUnit } from './onboarding.js';
import { syncMemberCommands } from '../commands.js';
import { translator } from '../i18n.js';
import { SUPPORTED_LOCALES } from '../../../services/members.js';

/** /profile and /language: show and change name, unit and language. */
export const profile = new Composer<BotContext>();

function languageKeyboard(ctx: BotContext): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const locale of SUPPORTED_LOCALES) kb.text(ctx.deps.i18n.t(locale, 'language-name'), encodeCallback('lang.set', { locale }));
  return kb;
}

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
  await askName(ctx, 'profile');
});

onAction(profile, 'profile.unit', async (ctx) => {
  await answerQuietly(ctx);
  await askUnit(ctx, 'profile');
});

onAction(profile, 'profile.lang', async (ctx) => {
  await answerQuietly(ctx);
  await ctx.reply(ctx.t('language-choose'), { reply_markup: languageKeyboard(ctx) });
});

profile.command('language', (ctx) => ctx.reply(ctx.t('language-choose'), { reply_markup: languageKeyboard(ctx) }));

onAction(profile, 'lang.set', async (ctx, { locale }) => {
  ctx.member = await ctx.deps.services.members.setLocale(ctx.member!.id, locale);
  ctx.i18n.useLocale(locale);
  await answerQuietly(ctx);
  await ctx.editMessageReplyMarkup().catch(() => {});
  await syncMemberCommands(ctx.api, ctx.member, translator(ctx.deps.i18n), ctx.log);
  await ctx.reply(ctx.t('language-set'), { reply_markup: ctx.member.unitId && ctx.member.fullName ? mainMenu(ctx) : undefined });
});
