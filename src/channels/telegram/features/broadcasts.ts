import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { requireRole } from '../access.js';
import { answerQuietly, auditBy, onAction } from '../helpers.js';

/**
 * Broadcast controls on the officer's progress message (the dispatcher sends and edits that
 * message; see src/jobs/progress.ts). "Dừng gửi / Stop sending" drops the rows not yet sent; the
 * dispatcher then turns the message into the final summary, which says how many were cancelled.
 */
export const broadcasts = new Composer<BotContext>();

onAction(broadcasts, 'broadcast.stop', async (ctx, { broadcastId }) => {
  if (!(await requireRole(ctx, 'OFFICER', 'broadcast.stop'))) return;
  const member = ctx.member!;
  const result = await ctx.deps.services.broadcasts.cancelFor(broadcastId, member);
  if (!result.ok) {
    if (result.reason === 'not_yours') {
      await auditBy(ctx, {
        action: 'broadcast.stop',
        outcome: 'REFUSED',
        target: `broadcast:${broadcastId}`,
        details: { reason: 'not_creator' },
      });
    }
    await ctx.answerCallbackQuery({ text: ctx.t(`broadcast-stop-${result.reason}`), show_alert: result.reason === 'not_yours' });
    return;
  }
  await auditBy(ctx, {
    action: 'broadcast.stop',
    outcome: 'OK',
    target: `broadcast:${broadcastId}`,
    details: { dropped: result.dropped },
  });
  await answerQuietly(ctx, ctx.t('broadcast-stop-done', { dropped: result.dropped }));
});
