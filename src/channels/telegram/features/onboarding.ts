import { FeatureComposer } from '../composer.js';
import type { BotContext } from '../context.js';
import { escapeHtml, telegramName } from '../helpers.js';
import { mainMenu } from '../keyboards/menu.js';
import { syncMemberCommands } from '../commands.js';
import { translator } from '../i18n.js';
import { flowFollowUps, flowKey, startFlowFor } from '../flow-driver.js';
import { openCampaignLink, resumeCampaignLink } from './registration.js';
import { setupChecklist, type OnboardingStart } from '../../../flows/onboarding.js';

/**
 * Onboarding (tham gia) on Telegram: /start greets and opens the channel-neutral onboarding flow
 * (src/flows/onboarding.ts) — unit by invite deep link `u_<inviteCode>` or the picker, then the
 * full name, Telegram's name offered. The flow's state is stored before each question goes out, so
 * an answer reaching another instance, or coming after a restart, finds it.
 */
export const onboarding = new FeatureComposer<BotContext>();

/** Starts (or restarts) onboarding for the member of this update. */
export function startOnboarding(ctx: BotContext, start: OnboardingStart = {}): Promise<void> {
  const name = telegramName(ctx);
  return startFlowFor(ctx, ctx.deps.conversations, 'onboarding', { ...start, ...(name ? { suggestedName: name } : {}) });
}

// After onboarding: the campaign link the member opened first, if any (registration for it).
flowFollowUps.set('onboarding', resumeCampaignLink);

// After a language change: the command menu in the new language, and onboarding again if it was open.
flowFollowUps.set('language', async (ctx) => {
  await syncMemberCommands(ctx.api, ctx.member!, String(ctx.from!.id), translator(ctx.deps.i18n), ctx.log);
  if (!ctx.member?.unitId || !ctx.member.fullName) await startOnboarding(ctx);
});

onboarding.command('start', async (ctx, next) => {
  const member = ctx.member!;
  if (ctx.chat.type !== 'private') return;
  const payload = ctx.match.trim();
  // A campaign link (`c_<code>`): registration for it (after onboarding if needed), else the campaigns feature.
  if (payload.startsWith('c_') && (await openCampaignLink(ctx, payload.slice(2)))) return;
  if (payload.startsWith('c_') && member.unitId && member.fullName) return next();
  await syncMemberCommands(ctx.api, member, String(ctx.from!.id), translator(ctx.deps.i18n), ctx.log);

  if (payload.startsWith('u_')) {
    const unit = await ctx.deps.services.units.byInviteCode(payload.slice(2));
    if (!unit) {
      await ctx.reply(ctx.t('start-invite-invalid'));
      return startOnboarding(ctx);
    }
    if (member.unitId !== unit.id && !(member.unitId && member.fullName)) {
      await ctx.reply(ctx.t('start-welcome', { name: escapeHtml(telegramName(ctx)) }), { parse_mode: 'HTML' });
    }
    return startOnboarding(ctx, { inviteUnitId: unit.id, inviteCode: unit.inviteCode });
  }

  if (member.unitId && member.fullName) {
    await ctx.deps.conversations.close(flowKey(member.id));
    const unit = await ctx.deps.services.units.byId(member.unitId);
    await ctx.reply(ctx.t('start-welcome-back', { name: escapeHtml(member.fullName), unit: escapeHtml(unit?.name ?? '') }), {
      parse_mode: 'HTML',
      reply_markup: mainMenu(ctx),
    });
    const setup = await setupChecklist(ctx.deps.services, member);
    if (setup) await ctx.reply(ctx.t(setup.key, setup.vars));
    return;
  }
  await ctx.reply(ctx.t('start-welcome', { name: escapeHtml(telegramName(ctx)) }), { parse_mode: 'HTML' });
  return startOnboarding(ctx);
});
