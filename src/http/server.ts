import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import { webhookCallback, type Bot } from 'grammy';
import type { BotContext } from '../bot/context.js';
import type { Metrics } from './metrics.js';

export interface HttpDeps {
  metrics: Metrics;
  /** Returns which dependencies answer; /healthz is 200 only when all do. */
  health: () => Promise<Record<string, boolean>>;
  /** Present in webhook mode: updates are POSTed to /telegram with the secret header. */
  webhook?: { bot: Bot<BotContext>; secret: string } | undefined;
}

/**
 * The HTTP face of the bot: the Telegram webhook, health for orchestrators, metrics for Prometheus.
 * Hono keeps it small; the same app runs behind any number of stateless instances.
 */
export function createHttpApp(deps: HttpDeps): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const checks = await deps.health();
    const ok = Object.values(checks).every(Boolean);
    return c.json({ status: ok ? 'ok' : 'degraded', checks }, ok ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    c.header('Content-Type', deps.metrics.registry.contentType);
    return c.body(await deps.metrics.registry.metrics());
  });
  if (deps.webhook) {
    // grammY checks X-Telegram-Bot-Api-Secret-Token and answers 401 when it is wrong or missing.
    app.post('/telegram', webhookCallback(deps.webhook.bot, 'hono', { secretToken: deps.webhook.secret, timeoutMilliseconds: 55_000 }));
  }
  return app;
}

/** Starts listening; resolves with the server and the port actually bound (PORT=0 picks a free one). */
export function listen(app: Hono, port: number, hostname: string): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => resolve({ server, port: info.port }));
  });
}
