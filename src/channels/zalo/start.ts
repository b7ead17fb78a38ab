/**
 * Starts taking updates from Zalo, for the composition root once the channel is wired. Webhook
 * mode registers `<PUBLIC_URL>/zalo` with the secret (the HTTP server must already listen, with
 * the route mounted: Zalo posts at once); polling mode starts {@link ZaloPolling}, which deletes
 * any webhook first. Returns how to stop taking updates; updates in flight finish (the caller then
 * drains the receiver).
 *
 * @example
 * const zalo = await startZalo({ api, mode: config.ZALO_MODE, publicUrl: config.PUBLIC_URL, secret: config.ZALO_WEBHOOK_SECRET, receiver, logger });
 * // … on shutdown:
 * await zalo.stop(); await receiver.drain();
 */
import type { Logger } from '../../logger.js';
import type { ZaloApi, ZaloBotInfo } from './api.js';
import type { ZaloReceiver } from './receiver.js';
import { ZaloPolling } from './polling.js';

export interface StartZaloOptions {
  api: ZaloApi;
  mode: 'polling' | 'webhook';
  /** PUBLIC_URL (webhook mode): Zalo posts to `<publicUrl>/zalo`. */
  publicUrl?: string | undefined;
  /** ZALO_WEBHOOK_SECRET (webhook mode). */
  secret?: string | undefined;
  receiver: ZaloReceiver;
  logger: Logger;
  /** Long-poll timeout in seconds (polling mode; default 30). */
  pollTimeoutSec?: number;
}

/** Confirms the token with getMe, then receives in the configured mode; `me` is who the bot is (its @name). */
export async function startZalo(o: StartZaloOptions): Promise<{ stop(): Promise<void>; me: ZaloBotInfo }> {
  const me = await o.api.getMe();
  o.logger.info({ account: me.account_name, mode: o.mode }, 'zalo bot identity confirmed');
  if (o.mode === 'webhook') {
    if (!o.publicUrl || !o.secret) throw new Error('Zalo webhook mode needs PUBLIC_URL and ZALO_WEBHOOK_SECRET');
    await o.api.setWebhook(`${o.publicUrl.replace(/\/+$/, '')}/zalo`, o.secret);
    o.logger.info('zalo webhook registered');
    return { stop: async () => undefined, me };
  }
  const poller = new ZaloPolling({ api: o.api, receive: (u) => o.receiver.receive(u), logger: o.logger, ...(o.pollTimeoutSec ? { timeoutSec: o.pollTimeoutSec } : {}) });
  poller.start();
  return { stop: () => poller.stop(), me };
}
