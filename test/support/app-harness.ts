/**
 * Starts the whole bot the way `npm start` does (createApp from src/app.ts), pointed at our fake
 * Telegram Bot API, with a fresh PostgreSQL database (or embedded PGlite) and a fresh Redis key
 * prefix. `restart()` stops the process-level app and builds a new one on the same storage, which
 * is how tests prove that nothing is lost on a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { parseConfig, type Config } from '../../src/config.js';
import { createApp, type App } from '../../src/app.js';
import { FakeTelegram, type FakeTelegramOptions } from './fake-telegram.js';
import type { RetryPolicy } from '../../src/channels/telegram/update-processor.js';
import { createEmptyTestDatabase, type EmptyTestDatabase } from './databases.js';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface HarnessOptions {
  mode?: 'polling' | 'webhook';
  storage?: 'postgres' | 'embedded';
  redis?: boolean;
  adminIds?: number[];
  env?: Record<string, string>;
  now?: () => Date;
  /** Options of the fake Bot API (webhook retries and timeout). */
  fake?: FakeTelegramOptions;
  /** How the app retries updates while a store is down. */
  retry?: RetryPolicy;
  /** Rewrites the test database's URL the app connects to (e.g. through a proxy the test cuts). */
  databaseUrl?: (url: string) => string;
}

export interface Harness {
  fake: FakeTelegram;
  app: App;
  config: Config;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeTelegram.start(opts.fake);
  let database: EmptyTestDatabase | null = null;
  let dataDir: string | null = null;
  if ((opts.storage ?? 'postgres') === 'postgres') database = await createEmptyTestDatabase();
  else dataDir = await mkdtemp(join(tmpdir(), 'thidua-e2e-'));
  const prefix = `test:${randomBytes(4).toString('hex')}:`;
  const mode = opts.mode ?? 'polling';
  const env: Record<string, string> = {
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    BOT_MODE: mode,
    PORT: '0',
    METRICS_PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ADMIN_IDS: (opts.adminIds ?? []).join(','),
    REDIS_PREFIX: prefix,
    ...(database ? { DATABASE_URL: opts.databaseUrl ? opts.databaseUrl(database.url) : database.url } : { DATA_DIR: dataDir! }),
    ...(opts.redis ? { REDIS_URL: TEST_REDIS_URL } : {}),
    ...(mode === 'webhook' ? { WEBHOOK_SECRET: 'test-secret-' + randomBytes(4).toString('hex') } : {}),
    ...opts.env,
  };

  const build = async (): Promise<{ app: App; config: Config }> => {
    // In webhook mode the URL is only known once the HTTP server has a port: start with a
    // placeholder, then register the real one.
    const parsed = parseConfig({ ...env, ...(mode === 'webhook' ? { WEBHOOK_URL: 'http://127.0.0.1:1/telegram' } : {}) });
    if (!parsed.ok) throw new Error(parsed.message);
    const logger = pino({ level: env.LOG_LEVEL ?? 'silent' });
    const app = await createApp(parsed.config, { logger, ...(opts.now ? { now: opts.now } : {}), ...(opts.retry ? { retry: opts.retry } : {}) });
    await app.start();
    if (mode === 'webhook') {
      await app.bot.api.setWebhook(`http://127.0.0.1:${app.port}/telegram`, { secret_token: parsed.config.WEBHOOK_SECRET! });
    }
    return { app, config: parsed.config };
  };

  let current = await build();
  const harness: Harness = {
    fake,
    get app() {
      return current.app;
    },
    get config() {
      return current.config;
    },
    async restart() {
      await current.app.stop();
      current = await build();
    },
    async close() {
      await current.app.stop();
      await fake.close();
      if (database) await database.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      if (opts.redis) await deleteRedisPrefix(prefix);
    },
  };
  return harness;
}

/** Removes every key a test wrote under its prefix. */
export async function deleteRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Creates units directly through the service (fixtures for tests that are not about importing).
 * Open to the unit picker unless a row says otherwise (`join`): these tests walk the picker as
 * members did before units had a join policy; the policy's own tests set it.
 */
export async function seedUnits(app: App, rows: Array<{ code: string; name: string; parent?: string; group?: string; join?: 'OPEN' | 'INVITE_ONLY' | 'APPROVAL' }>) {
  const result = await app.services.units.importUnits(
    rows.map((r, i) => ({ join: 'OPEN' as const, ...r, line: i + 2 })),
    [],
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}
