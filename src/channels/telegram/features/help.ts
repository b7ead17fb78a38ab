import { InlineKeyboard } from 'grammy';
import { FeatureComposer } from '../composer.js';
import type { BotContext } from '../context.js';
import { hasRole } from '../access.js';
import { isMenuText, mainMenu, MENU_KEYS } from '../keyboards/menu.js';
import { PRIVATE_COMMANDS } from '../commands.js';

/** /help (role-aware), /cancel, and the main-menu buttons whose features land in later issues. */
export const help = new FeatureComposer<BotContext>();

/**
 * Personal commands sent in a group (/profile, /language, /my, /help…) answer only "open a private
 * chat with me" and stop there: whatever they would show — name, unit, role, registrations — is
 * nobody else's business. This composer runs first among the features, so no later handler sees them.
 */
help.chatType(['group', 'supergroup']).command([...PRIVATE_COMMANDS], async (ctx) => {
  const kb = new InlineKeyboard().url(ctx.t('group-private-open'), `https://t.me/${ctx.me.username}`);
  await ctx.reply(ctx.t('group-private-only'), { reply_markup: kb });
});

async function sendHelp(ctx: BotContext): Promise<void> {
  const parts = [ctx.t('help-member')];
  if (hasRole(ctx, 'OFFICER')) parts.push(ctx.t('help-officer'), ctx.t('help-officer-honours'), ctx.t('help-officer-joins'));
  if (hasRole(ctx, 'ADMIN')) parts.push(ctx.t('help-admin'));
  await ctx.reply(parts.join('\n\n'), { parse_mode: 'HTML', reply_markup: ctx.member?.unitId ? mainMenu(ctx) : undefined });
}

help.command('help', sendHelp);

// An open flow takes /cancel itself (the flow driver runs first): reaching here, nothing is open.
help.command('cancel', async (ctx) => {
  await ctx.reply(ctx.t('nothing-to-cancel'), { reply_markup: ctx.member?.unitId ? mainMenu(ctx) : undefined });
});


help.chatType('private').on('message:text').filter((ctx) => isMenuText(ctx, 'menu-help', ctx.msg.text), sendHelp);

/** Features that later issues fill in: campaigns, registration, reports, my status. */
const COMING: Array<[string, (typeof MENU_KEYS)[number]]> = [
];
for (const [command, key] of COMING) {
  const answer = (ctx: BotContext) => ctx.reply(ctx.t('coming-soon', { feature: ctx.t(key) }), { reply_markup: mainMenu(ctx) });
  help.command(command, answer);
  help.on('message:text').filter((ctx) => isMenuText(ctx, key, ctx.msg.text), answer);
}
