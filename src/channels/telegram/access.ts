import type { Role } from '../../generated/prisma/client.js';
import type { BotContext } from './context.js';
import { auditBy } from './helpers.js';

const RANK: Record<Role, number> = { MEMBER: 0, OFFICER: 1, ADMIN: 2 };

/** True when the member's role is at least `role` (admins can do everything officers can). */
export function hasRole(ctx: BotContext, role: Role): boolean {
  return !!ctx.member && RANK[ctx.member.role] >= RANK[role];
}

/**
 * An early, cheap refusal for an officer/admin command or button. It is a hint, not the gate: the
 * member row was read for this update, so a role that suffices lets the update through and the use
 * case decides again when it acts. A role that falls short is put to the services
 * (`access.check`), which decide and audit the refusal; only then is the user told politely.
 */
export async function requireRole(ctx: BotContext, role: Role, action: string): Promise<boolean> {
  if (hasRole(ctx, role)) return true;
  if (ctx.member) {
    const need = role === 'ADMIN' ? 'ADMIN' : 'OFFICER';
    if ((await ctx.deps.services.access.check({ id: ctx.member.id }, { action, need })).ok) return true;
  } else {
    // Not a member yet: no row for the services to judge; the refusal is recorded by channel id.
    await auditBy(ctx, { action, outcome: 'REFUSED', details: { reason: 'forbidden', need: role, had: null } });
  }
  ctx.log.warn({ action, role: ctx.member?.role }, 'refused: insufficient role');
  await refuse(ctx, ctx.t('forbidden'));
  return false;
}

/** Answers a refused button with an alert, a refused message with a reply. */
export async function refuse(ctx: BotContext, text: string): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true }).catch(() => {});
  else await ctx.reply(text);
}
