import { InlineKeyboard } from 'grammy';
import { FeatureComposer } from '../composer.js';
import type { BotContext } from '../context.js';
import { encodeCallback } from '../callback-data.js';
import { answerQuietly, onAction, replyHtml } from '../helpers.js';
import { refuse, requireRole } from '../access.js';
import { startFlowFor } from '../flow-driver.js';
import { pendingJoinLine, setAddressFormText, setJoinPolicyText } from '../../join-text.js';
import { JOIN_DECLINE_FLOW, joinDecisionReply, type JoinDeclineArgs } from '../../../flows/join-decline.js';

/**
 * Joining policy and join requests on Telegram (issue 12 #8): /joinpolicy CODE open|invite|approval,
 * /joins (pending requests in the officer's scope, each with ✔ / ✖), and the Approve / Decline
 * buttons of the officers' notice. `units.setJoinPolicy` and `joinRequests` decide and audit; a
 * decline asks for an optional reason in the channel-neutral flow (src/flows/join-decline.ts).
 */
export const joins = new FeatureComposer<BotContext>();
const privateChat = joins.chatType('private');

privateChat.command('joinpolicy', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'unit.join_policy'))) return;
  await replyHtml(ctx, await setJoinPolicyText(ctx.deps.services, ctx.member!.id, ctx.match, (k, v) => ctx.t(k, v)));
});

// How the bot addresses a unit's people (issue 12 #19): "Đồng chí" or "Anh/Chị".
privateChat.command('addressform', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'unit.address_form'))) return;
  await replyHtml(ctx, await setAddressFormText(ctx.deps.services, ctx.member!.id, ctx.match, (k, v) => ctx.t(k, v)));
});

privateChat.command('joins', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'join.list'))) return;
  const r = await ctx.deps.services.joinRequests.listInScope({ id: ctx.member!.id });
  if (!r.ok) return refuse(ctx, ctx.t(r.reason === 'no_unit' ? 'officer-needs-unit' : 'forbidden'));
  if (r.items.length === 0) return void (await ctx.reply(ctx.t('joins-empty')));
  const t = (k: string, v?: Record<string, string | number>) => ctx.t(k, v);
  const kb = new InlineKeyboard();
  for (const item of r.items) {
    kb.text(ctx.t('join-approve-button', { id: item.id }), encodeCallback('join.approve', { requestId: item.id }));
    kb.text(ctx.t('join-decline-button', { id: item.id }), encodeCallback('join.decline', { requestId: item.id })).row();
  }
  await replyHtml(ctx, [ctx.t('joins-title', { count: r.items.length, total: r.total }), ...r.items.map((i) => pendingJoinLine(t, i))].join('\n'), { reply_markup: kb });
});

onAction(joins, 'join.approve', async (ctx, { requestId }) => {
  if (!(await requireRole(ctx, 'OFFICER', 'member.join.approve'))) return;
  // The service re-checks the officer's role and scope as they are now, and audits the outcome.
  const r = await ctx.deps.services.joinRequests.decide({ requestId, actor: { id: ctx.member!.id }, decision: 'APPROVE' });
  const reply = joinDecisionReply(r, 'APPROVE');
  if (!r.ok && r.reason !== 'not_found') return refuse(ctx, ctx.t(reply.key, reply.vars));
  await answerQuietly(ctx);
  await ctx.editMessageReplyMarkup().catch(() => {});
  await replyHtml(ctx, ctx.t(reply.key, reply.vars));
});

onAction(joins, 'join.decline', async (ctx, { requestId }) => {
  if (!(await requireRole(ctx, 'OFFICER', 'member.join.decline'))) return;
  // Asked before the reason is typed; decide() asks again when it arrives.
  const may = await ctx.deps.services.joinRequests.mayDecide({ requestId, actor: { id: ctx.member!.id } });
  if (!may.ok) {
    const reply = joinDecisionReply(may, 'DECLINE');
    if (may.reason !== 'not_found') return refuse(ctx, ctx.t(reply.key, reply.vars));
    await answerQuietly(ctx);
    return void (await ctx.reply(ctx.t(reply.key, reply.vars)));
  }
  await answerQuietly(ctx);
  await startFlowFor<JoinDeclineArgs>(ctx, ctx.deps.conversations, JOIN_DECLINE_FLOW, { requestId });
});
