import { InlineKeyboard } from 'grammy';
import { FeatureComposer } from '../composer.js';
import { GROUP_LINK_REFUSAL_KEYS } from '../../../services/group-chats.js';
import type { BotContext } from '../context.js';
import { encodeCallback } from '../callback-data.js';
import { answerQuietly, escapeHtml, onAction } from '../helpers.js';
import { hasRole } from '../access.js';

/**
 * Unit group chats (nhóm của đơn vị): an officer adds the bot to the unit's Telegram group and
 * runs /linkgroup there; launches and follow-up announcements then reach the group too.
 */
export const groups = new FeatureComposer<BotContext>();
const inGroup = groups.chatType(['group', 'supergroup']);

/** Whether the sender is an administrator (or the creator) of this group, asked of Telegram now. */
async function senderIsChatAdmin(ctx: BotContext): Promise<boolean> {
  if (!ctx.chat || !ctx.from) return false;
  try {
    const m = await ctx.api.getChatMember(ctx.chat.id, ctx.from.id);
    return m.status === 'creator' || m.status === 'administrator';
  } catch (err) {
    // Telegram could not tell: treat as "not an administrator" (refused, and the officer can retry).
    ctx.log.warn({ err }, 'getChatMember failed');
    return false;
  }
}

/** Links the group to the sender's unit (the service decides and audits), asking before moving it from another unit. */
async function linkGroup(ctx: BotContext, confirm?: { unitId: number }): Promise<boolean> {
  const chat = ctx.chat!;
  const result = await ctx.deps.services.groupChats.linkByOfficer({
    actor: { id: ctx.member!.id },
    chatId: String(chat.id),
    title: 'title' in chat ? (chat.title ?? null) : null,
    senderIsChatAdmin: await senderIsChatAdmin(ctx),
    ...(confirm ? { confirmMove: true, expectUnitId: confirm.unitId } : {}),
  });
  if (result.ok) {
    const text = result.movedFrom
      ? ctx.t('group-relinked', { from: escapeHtml(result.movedFrom), unit: escapeHtml(result.group.unit.name) })
      : ctx.t('group-linked', { unit: escapeHtml(result.group.unit.name) });
    await ctx.reply(text, { parse_mode: 'HTML' });
    return true;
  }
  if (result.reason === 'needs_confirmation') {
    const kb = new InlineKeyboard()
      .text(ctx.t('group-relink-yes', { unit: result.unit }), encodeCallback('group.relink', { unitId: result.unitId }))
      .row()
      .text(ctx.t('group-relink-no'), encodeCallback('group.keep', {}));
    await ctx.reply(ctx.t('group-relink-ask', { current: escapeHtml(result.currentUnit), unit: escapeHtml(result.unit) }), { parse_mode: 'HTML', reply_markup: kb });
    return false;
  }
  await ctx.reply(ctx.t(GROUP_LINK_REFUSAL_KEYS[result.reason]));
  return false;
}

inGroup.command('linkgroup', async (ctx) => {
  if (!ctx.member) return;
  await linkGroup(ctx);
});

/** Confirmation of moving a group linked to another unit: the service checks everything again. */
onAction(groups, 'group.relink', async (ctx, { unitId }) => {
  if (!ctx.member || (ctx.chat?.type !== 'group' && ctx.chat?.type !== 'supergroup')) return answerQuietly(ctx, ctx.t('button-expired'));
  await answerQuietly(ctx);
  if (await linkGroup(ctx, { unitId })) await ctx.editMessageReplyMarkup().catch(() => {});
});

onAction(groups, 'group.keep', async (ctx) => {
  // Only staff may dismiss the question (it changes nothing, but members should not clear it).
  if (!hasRole(ctx, 'OFFICER')) return answerQuietly(ctx, ctx.t('forbidden'));
  await answerQuietly(ctx);
  await ctx.editMessageReplyMarkup().catch(() => {});
  await ctx.reply(ctx.t('group-relink-kept'));
});

groups.on('my_chat_member', async (ctx) => {
  const chat = ctx.chat;
  if (!chat || (chat.type !== 'group' && chat.type !== 'supergroup')) return;
  const status = ctx.myChatMember.new_chat_member.status;
  if (status === 'left' || status === 'kicked') {
    await ctx.deps.services.groupChats.deactivate(String(chat.id));
    return;
  }
  if (status === 'member' || status === 'administrator') {
    await ctx.reply(ctx.t('group-added-hint'), { parse_mode: 'HTML' }).catch(() => {});
  }
});
