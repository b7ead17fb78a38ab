import { FeatureComposer } from '../composer.js';
import type { BotContext } from '../context.js';
import { requireRole } from '../access.js';
import { startFlowFor } from '../flow-driver.js';
import { HONOURS_FLOW, type HonoursArgs } from '../../../flows/honours.js';

/**
 * Vinh danh on Telegram: /honours [campaign code] opens the honour roll flow (src/flows/honours.ts)
 * — pick from approved registrations with buttons, type a list, or send the decision's CSV/XLSX —
 * and the launch-style progress of the announcement comes back to this chat. The role check here
 * is the early hint; the service decides and audits every step.
 */
export const honours = new FeatureComposer<BotContext>();

honours.chatType('private').command('honours', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'honours.record'))) return;
  const code = ctx.match.trim();
  await startFlowFor<HonoursArgs>(ctx, ctx.deps.conversations, HONOURS_FLOW, { progressChatId: String(ctx.chat.id), ...(code ? { code } : {}) });
});
