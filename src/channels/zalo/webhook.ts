/**
 * Zalo's webhook (`POST /zalo`, mounted by src/http/server.ts). Zalo sends the secret given to
 * `setWebhook` in `X-Bot-Api-Secret-Token` and signs nothing else, so the header is compared in
 * constant time and anything else answered 401. A genuine call is answered 200 at once and the
 * update handled in the background, as Zalo asks; a redelivery is caught by the receiver's ledger.
 */
import type { Context } from 'hono';
import type { Logger } from '../../logger.js';
import { sameSecret } from '../../http/secret.js';

export interface ZaloWebhookDeps {
  /** ZALO_WEBHOOK_SECRET. */
  secret: string;
  /** Takes the body (wrapped or bare); {@link ZaloReceiver.receive}. */
  receive: (body: unknown) => Promise<unknown>;
  logger: Logger;
}

/** The route handler for `POST /zalo`. */
export function zaloWebhookHandler(deps: ZaloWebhookDeps) {
  return async (c: Context): Promise<Response> => {
    if (!sameSecret(c.req.header('X-Bot-Api-Secret-Token'), deps.secret)) return c.text('secret token is wrong', 401);
    let body: unknown;
    try {
      body = await c.req.json<unknown>();
    } catch {
      deps.logger.warn('zalo webhook body is not JSON; dropped');
      return c.text('body is not JSON', 400);
    }
    void deps.receive(body).catch((err: unknown) => deps.logger.error({ err }, 'zalo webhook update failed'));
    return c.json({ ok: true }, 200);
  };
}
