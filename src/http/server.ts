import { Hono, type Context } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import type { Metrics } from './metrics.js';
import type { TelegramUpdate, UpdateProcessor } from '../channels/telegram/update-processor.js';
import { zaloWebhookHandler, type ZaloWebhookDeps } from '../channels/zalo/webhook.js';
import { sameSecret } from './secret.js';
import { chartHandler, mediaHandler, type MediaDeps } from './media.js';

export interface HttpDeps {
  metrics: Metrics;
  /** Returns which dependencies answer; /healthz is 200 only when all do. */
  health: () => Promise<Record<string, boolean>>;
  /** Present in webhook mode: updates are POSTed to /telegram with the secret header. */
  webhook?: WebhookDeps | undefined;
  /** Present in Zalo webhook mode: Zalo POSTs updates to /zalo with `X-Bot-Api-Secret-Token`. */
  zalo?: ZaloWebhookDeps | undefined;
  /** When set, /metrics is served here too, to `Authorization: Bearer <metricsToken>` only. */
  metricsToken?: string | undefined;
  /** Present when PUBLIC_URL is set: `GET /media/<token>` serves stored evidence by signed link, `/media/chart/<token>` the /stats chart. */
  media?: MediaDeps | undefined;
}

export interface WebhookDeps {
  processor: UpdateProcessor;
  secret: string;
  /** Answer Telegram after this long even if the update is still being handled. */
  ackMs: number;
}

async function metricsBody(c: Context, metrics: Metrics): Promise<Response> {
  c.header('Content-Type', metrics.registry.contentType);
  return c.body(await metrics.registry.metrics());
}

/**
 * The public HTTP face of the bot: the Telegram webhook and health for orchestrators. Metrics are
 * internals (update rates, errors, backlog): they live on {@link createMetricsApp}'s own listener,
 * and here only behind a bearer token. The same app runs behind any number of stateless instances.
 */
export function createHttpApp(deps: HttpDeps): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const checks = await deps.health();
    const ok = Object.values(checks).every(Boolean);
    return c.json({ status: ok ? 'ok' : 'degraded', checks }, ok ? 200 : 503);
  });
  const token = deps.metricsToken;
  if (token) {
    app.get('/metrics', async (c) => {
      const auth = c.req.header('Authorization') ?? '';
      if (!sameSecret(/^Bearer (.+)$/i.exec(auth)?.[1], token)) {
        c.header('WWW-Authenticate', 'Bearer realm="metrics"');
        return c.text('Unauthorized', 401);
      }
      return metricsBody(c, deps.metrics);
    });
  }
  if (deps.webhook) app.post('/telegram', webhookHandler(deps.webhook));
  if (deps.zalo) app.post('/zalo', zaloWebhookHandler(deps.zalo));
  if (deps.media) app.get('/media/:token', mediaHandler(deps.media));
  if (deps.media?.chart) app.get('/media/chart/:token', chartHandler(deps.media));
  return app;
}

/**
 * Telegram's webhook. Answers 200 once the update is handled (or was already: a redelivery is not
 * handled twice), 503 when a store was unavailable so Telegram delivers the update again later, and
 * 200 after `ackMs` for a slow update, which then finishes in the background — Telegram redelivers
 * an update whose call takes too long.
 */
function webhookHandler(webhook: WebhookDeps) {
  return async (c: Context): Promise<Response> => {
    if (!sameSecret(c.req.header('X-Telegram-Bot-Api-Secret-Token'), webhook.secret)) return c.text('secret token is wrong', 401);
    let update: TelegramUpdate;
    try {
      update = await c.req.json<TelegramUpdate>();
    } catch {
      return c.text('body is not JSON', 400);
    }
    if (typeof update?.update_id !== 'number') return c.text('not a Telegram update', 400);
    const outcome = await webhook.processor.handleWithin(update, webhook.ackMs);
    if (outcome === 'retry') {
      c.header('Retry-After', '5');
      return c.text('a store is unavailable; deliver this update again', 503);
    }
    return c.body(null, 200);
  };
}

/** The metrics listener's app: `/metrics` only, bound to METRICS_HOST (loopback by default). */
export function createMetricsApp(metrics: Metrics): Hono {
  const app = new Hono();
  app.get('/metrics', (c) => metricsBody(c, metrics));
  return app;
}

/** Starts listening; resolves with the server and the port actually bound (PORT=0 picks a free one). */
export function listen(app: Hono, port: number, hostname: string): Promise<{ server: ServerType; port: number; address: string }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => resolve({ server, port: info.port, address: info.address }));
    server.once('error', reject);
  });
}
