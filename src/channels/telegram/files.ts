import type { Api } from 'grammy';
import type { BotContext } from './context.js';
import type { ChannelFileReader } from '../../services/evidence-files.js';

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

/**
 * Reads a file Telegram keeps by its file_id, for another channel (Zalo shows an officer the photo
 * a member sent on Telegram): getFile, then the file URL under the configured Bot API root. The
 * token stays here; errors are logged without it.
 */
export function telegramFileReader(api: Api, o: { apiRoot: string; token: string; log: { warn(obj: object, msg: string): void } }): ChannelFileReader {
  return async (fileId, maxBytes) => {
    try {
      const file = await api.getFile(fileId);
      if (!file.file_path || (file.file_size ?? 0) > maxBytes) return null;
      const res = await fetch(`${o.apiRoot}/file/bot${o.token}/${file.file_path}`, { signal: AbortSignal.timeout(30_000) });
      if (!res.ok) return null;
      const buf = new Uint8Array(await res.arrayBuffer());
      return buf.byteLength > maxBytes ? null : buf;
    } catch (err) {
      o.log.warn({ err: (err as Error).message.split(o.token).join('<token>') }, 'telegram file read failed');
      return null;
    }
  };
}
