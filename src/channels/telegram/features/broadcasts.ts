import { FeatureComposer } from '../composer.js';
import type { BotContext } from '../context.js';
import { requireRole } from '../access.js';
import { answerQuietly, onAction } from '../helpers.js';

/**
 * Broadcast controls on the officer's progress message (the dispatcher sends and edits that
 * message; see src/jobs/progress.ts). "Dừng gửi / Stop sending" drops the rows not yet sent; the
 * dispatcher then turns the message into the final summary, which says how many were cancelled.
 * Who may stop it is decided (and audited) by `BroadcastService.cancelFor`.
 */
export const broadcasts = new FeatureComposer<BotContext>();

onAction(broadcasts, 'broadcast.stop', async (ctx, { broadcastId }) => {
  if (!(await requireRole(ctx, 'OFFICER', 'broadcast.stop'))) return;
  const result = await ctx.deps.services.broadcasts.cancelFor(broadcastId, { id: ctx.member!.id });
  if (!result.ok) {
    const text = result.reason === 'forbidden' ? ctx.t('forbidden') : ctx.t(`broadcast-stop-${result.reason}`);
    await ctx.answerCallbackQuery({ text, show_alert: result.reason === 'not_yours' || result.reason === 'forbidden' });
    return;
  }
  await answerQuietly(ctx, ctx.t('broadcast-stop-done', { dropped: result.dropped }));
});
