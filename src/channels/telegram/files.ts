import type { BotContext } from './context.js';

/** Sizes are shown the same on every channel: the helper lives in the domain. */
export { formatBytes } from '../../domain/text.js';

/**
 * Downloads a file the user sent, through the configured Bot API root (self-hosted servers and the
 * test fake included). Returns null when Telegram will not give it or it is larger than `maxBytes`.
 */
export async function downloadFile(ctx: BotContext, fileId: string, maxBytes: number): Promise<Buffer | null> {
  try {
    const file = await ctx.api.getFile(fileId);
    if (!file.file_path || (file.file_size ?? 0) > maxBytes) return null;
    const { TELEGRAM_API_ROOT, BOT_TOKEN } = ctx.deps.config;
    const res = await fetch(`${TELEGRAM_API_ROOT}/file/bot${BOT_TOKEN}/${file.file_path}`);
    if (!res.ok) return null;
    const buf = Buffer.from(await res.arrayBuffer());
    return buf.length > maxBytes ? null : buf;
  } catch (err) {
    ctx.log.warn({ err: (err as Error).message }, 'file download failed');
    return null;
  }
}
