import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { auditBy, escapeHtml } from '../helpers.js';
import { hasRole } from '../access.js';

/**
 * Unit group chats (nhóm của đơn vị): an officer adds the bot to the unit's Telegram group and
 * runs /linkgroup there; launches and follow-up announcements then reach the group too.
 */
export const groups = new Composer<BotContext>();
const inGroup = groups.chatType(['group', 'supergroup']);

inGroup.command('linkgroup', async (ctx) => {
  const member = ctx.member;
  if (!member || !hasRole(ctx, 'OFFICER')) {
    await auditBy(ctx, {
      action: 'group.link',
      outcome: 'REFUSED',
      target: `chat:${ctx.chat.id}`,
      details: { need: 'OFFICER', had: member?.role ?? null },
    });
    return void (await ctx.reply(ctx.t('group-link-forbidden')));
  }
  if (!member.unitId) return void (await ctx.reply(ctx.t('officer-needs-unit')));
  const linked = await ctx.deps.services.groupChats.link({
    chatId: String(ctx.chat.id),
    title: ctx.chat.title ?? null,
    unitId: member.unitId,
    linkedById: member.id,
  });
  await auditBy(ctx, {
    action: 'group.link',
    target: `group_chat:${linked.id}`,
    details: { unitId: member.unitId, chatId: String(ctx.chat.id) },
  });
  await ctx.reply(ctx.t('group-linked', { unit: escapeHtml(linked.unit.name) }), { parse_mode: 'HTML' });
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
