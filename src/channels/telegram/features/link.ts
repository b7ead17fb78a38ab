import { FeatureComposer } from '../composer.js';
import type { BotContext } from '../context.js';
import { syncMemberCommands } from '../commands.js';
import { translator } from '../i18n.js';
import { flowFollowUps, startFlowFor } from '../flow-driver.js';
import { LINK_FLOW, type LinkArgs } from '../../../flows/link.js';

/**
 * /link on Telegram: without an argument it shows a code to send on Zalo; `/link 123456` redeems a
 * code made on Zalo, through the channel-neutral flow (src/flows/link.ts) that asks which
 * registration to keep where both accounts registered, and confirms the merge.
 */
export const link = new FeatureComposer<BotContext>();

link.chatType('private').command('link', async (ctx) => {
  const code = ctx.match.trim();
  await startFlowFor<LinkArgs>(ctx, ctx.deps.conversations, LINK_FLOW, { channel: 'TELEGRAM', ...(code ? { code } : {}) });
});

// After a merge this Telegram account belongs to the member who asked for the code (maybe an
// officer): answer as that member, with their command menu.
flowFollowUps.set(LINK_FLOW, async (ctx, done) => {
  const member = done.memberId ? await ctx.deps.services.members.byId(done.memberId) : null;
  if (!member) return;
  const { unit: _unit, ...row } = member;
  ctx.member = row;
  ctx.i18n.useLocale(member.locale);
  await syncMemberCommands(ctx.api, row, String(ctx.from!.id), translator(ctx.deps.i18n), ctx.log);
});
