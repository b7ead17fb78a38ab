import type { Role } from '../../generated/prisma/client.js';
import type { BotContext } from './context.js';
import { auditBy } from './helpers.js';

const RANK: Record<Role, number> = { MEMBER: 0, OFFICER: 1, ADMIN: 2 };

/** True when the member's role is at least `role` (admins can do everything officers can). */
export function hasRole(ctx: BotContext, role: Role): boolean {
  return !!ctx.member && RANK[ctx.member.role] >= RANK[role];
}

/**
 * Guards an officer/admin action: refuses politely and writes the refusal to the audit log.
 * Roles are re-read from the database for every update, never trusted from a button.
 */
export async function requireRole(ctx: BotContext, role: Role, action: string): Promise<boolean> {
  if (hasRole(ctx, role)) return true;
  ctx.log.warn({ action, role: ctx.member?.role }, 'refused: insufficient role');
  await auditBy(ctx, {
    action,
    outcome: 'REFUSED',
    details: { need: role, had: ctx.member?.role ?? null },
  });
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('forbidden'), show_alert: true }).catch(() => {});
  else await ctx.reply(ctx.t('forbidden'));
  return false;
}

/**
 * Officers act only inside their own unit's subtree; admins everywhere. Refusals are audited.
 */
export async function requireScope(ctx: BotContext, unitId: number, action: string): Promise<boolean> {
  const member = ctx.member!;
  if (member.role === 'ADMIN') return true;
  const inScope = !!member.unitId && (await ctx.deps.services.units.inSubtree(member.unitId, unitId));
  if (inScope) return true;
  const unit = await ctx.deps.services.units.byId(unitId);
  await auditBy(ctx, {
    action,
    outcome: 'REFUSED',
    target: `unit:${unitId}`,
    details: { reason: 'out_of_scope' },
  });
  await ctx.reply(ctx.t('forbidden-scope', { unit: unit?.name ?? String(unitId) }));
  return false;
}
