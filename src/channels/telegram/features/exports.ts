import { FeatureComposer } from '../composer.js';
import type { BotContext } from '../context.js';
import { requireRole } from '../access.js';
import { startFlowFor } from '../flow-driver.js';
import { EXPORT_FLOW, type ExportArgs } from '../../../flows/export.js';

/**
 * Xuất Excel: `/export [mã phong trào]` opens the export flow (src/flows/export.ts) — the campaign
 * picker when no code is given — and the workbook arrives later as a document in this chat, sent
 * by the outbox when the job is built. The service decides who may; this only translates.
 */
export const exportsFeature = new FeatureComposer<BotContext>();

exportsFeature.chatType('private').command('export', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'export.request'))) return;
  const code = ctx.match.trim();
  await startFlowFor<ExportArgs>(ctx, ctx.deps.conversations, EXPORT_FLOW, { channel: 'TELEGRAM', chatId: String(ctx.chat.id), ...(code ? { code } : {}) });
});
