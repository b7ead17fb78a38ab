import type { ServerType } from '@hono/node-server';
import type { Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { createDatabase, type Database } from './db/client.js';
import { createRedis, type Redis } from './redis.js';
import { createServices, type Services } from './services/index.js';
import { Conversations } from './flows/conversations.js';
import { createFlows } from './flows/index.js';
import { PrismaFlowStore, RedisFlowStore } from './flows/store.js';
import { createBot, drainBot } from './channels/telegram/index.js';
import { createI18n, translator } from './channels/telegram/i18n.js';
import { syncMemberCommands } from './channels/telegram/commands.js';
import { telegramDelivery } from './channels/telegram/sender.js';
import { prepareTelegram, startTelegram, type TelegramBot } from './channels/telegram/start.js';
import { createMetrics, type Metrics } from './http/metrics.js';
import { createHttpApp, createMetricsApp, listen } from './http/server.js';
import { UpdateProcessor, type RetryPolicy } from './channels/telegram/update-processor.js';
import { databaseLedger, redisLedger } from './updates/ledger.js';
import { Dispatcher } from './jobs/dispatcher.js';
import { Scheduler } from './jobs/scheduler.js';
import { ExportRunner } from './jobs/exports.js';
import type { ChannelSender } from './jobs/channel.js';
import { ZaloApi } from './channels/zalo/api.js';
import { ZaloSender } from './channels/zalo/sender.js';
import { ZaloReceiver, ZALO_UPDATES } from './channels/zalo/receiver.js';
import { zaloChannelSender } from './channels/zalo/channel-sender.js';
import { zaloHandler } from './channels/zalo/handler.js';
import { MediaLinks, mediaSecret } from './services/media-links.js';
import { chartForMember } from './insight/stats-chart.js';
import { startZalo } from './channels/zalo/start.js';
import { telegramFileReader } from './channels/telegram/files.js';
import { quietHours } from './config.js';
import { VN_TIME_ZONE } from './domain/dates.js';

/** Things tests and benchmarks may replace; production passes none of them. */
export interface AppOverrides {
  logger?: Logger;
  /** The clock every service and job reads, so tests control time. */
  now?: () => Date;
  /** Skip the HTTP server (benchmarks). */
  http?: boolean;
  /** Skip background jobs (the outbox dispatcher): benches and tests that drive them by hand. */
  jobs?: boolean;
  /** How long and how often an update is retried while a store is down (tests shorten it). */
  retry?: RetryPolicy;
}

export interface App {
  config: Config;
  logger: Logger;
  db: Database;
  redis: Redis | null;
  services: Services;
  /** The Telegram bot; reading it on a bot without BOT_TOKEN throws (see {@link App.telegram}). */
  readonly bot: TelegramBot;
  /** The Telegram bot, or null when only Zalo is configured. */
  telegram: TelegramBot | null;
  /** Where every Telegram update enters (dedupe by update_id, retries while a store is down); throws without Telegram. */
  readonly updates: UpdateProcessor;
  /** The Zalo channel (null without ZALO_BOT_TOKEN): where its updates enter, and how it sends. */
  zalo: { api: ZaloApi; receiver: ZaloReceiver; sender: ZaloSender } | null;
  /** The channel-neutral flows (registration…), over Redis or the database. */
  conversations: Conversations;
  metrics: Metrics;
  /** The outbox dispatcher (null when jobs are disabled). */
  dispatcher: Dispatcher | null;
  /** The reminder scheduler (null when jobs are disabled); tests call `scheduler.tick(now)`. */
  scheduler: Scheduler | null;
  /** Builds queued /export workbooks (null when jobs are disabled); tests call `exportRunner.drain()`. */
  exportRunner: ExportRunner | null;
  /** The port the HTTP server listens on (useful with PORT=0). */
  port: number | null;
  /** The metrics listener's port and address (null when METRICS_PORT=off or without HTTP). */
  metricsPort: number | null;
  metricsAddress: string | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The composition root: config → logger → database → Redis → services → bot → HTTP, and the
 * reverse on stop. `npm start`, the e2e tests and the benchmarks all build the bot here, so they
 * exercise the same wiring.
 */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  if (!config.BOT_TOKEN && !config.ZALO_BOT_TOKEN) throw new Error('No channel is configured: set BOT_TOKEN (Telegram), ZALO_BOT_TOKEN (Zalo) or both.');
  const logger = overrides.logger ?? createLogger({ level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
  const db = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger });
  logger.info({ database: db.kind }, 'database ready');
  const redis: Redis | null = config.REDIS_URL
    ? createRedis(config.REDIS_URL, config.REDIS_PREFIX, (err) => logger.warn({ err: err.message }, 'redis connection error'))
    : null;
  const services = createServices(db.prisma, {
    sql: db.sql,
    adminIds: config.ADMIN_IDS,
    defaultLocale: config.DEFAULT_LOCALE,
    quietHours: quietHours(config),
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  const metrics = createMetrics();
  const i18n = createI18n(config.DEFAULT_LOCALE);
  const flowStore = redis ? new RedisFlowStore(redis) : new PrismaFlowStore(db.prisma);
  const conversations = new Conversations(flowStore, createFlows(services));
  // Telegram, when BOT_TOKEN is set.
  const bot = config.BOT_TOKEN
    ? createBot({ config: { ...config, BOT_TOKEN: config.BOT_TOKEN }, logger, services, conversations, metrics, i18n })
    : null;
  const updates = bot
    ? new UpdateProcessor({
        bot,
        ledger: redis ? redisLedger(redis) : databaseLedger(db.prisma, services.now),
        logger,
        metrics,
        ...(overrides.retry ? { retry: overrides.retry } : {}),
      })
    : null;
  // Signed links to stored evidence under PUBLIC_URL (Zalo fetches photos by URL): key MEDIA_SECRET, else derived from ZALO_BOT_TOKEN.
  const mediaKey = mediaSecret(config.MEDIA_SECRET, config.ZALO_BOT_TOKEN);
  const mediaLinks = mediaKey && config.PUBLIC_URL ? new MediaLinks({ secret: mediaKey, publicUrl: config.PUBLIC_URL }) : undefined;
  // Zalo, when ZALO_BOT_TOKEN is set: the same services and flows, answered as plain text.
  const zalo = config.ZALO_BOT_TOKEN
    ? (() => {
        const api = new ZaloApi({ token: config.ZALO_BOT_TOKEN, apiRoot: config.ZALO_API_ROOT });
        const sender = new ZaloSender({ api, rate: config.ZALO_RATE, redis });
        const zlog = logger.child({ channel: 'zalo' });
        // The name group members @mention the bot by: from getMe, once the channel has started.
        let botName: string | undefined;
        const handle = zaloHandler({
          services,
          conversations,
          send: (chatId, text) => sender.sendText(chatId, text),
          sendPhoto: async (chatId, url, caption) => (await sender.sendPhoto(chatId, url, caption)).kind === 'sent',
          mediaLinks,
          botName: () => botName,
          // A photo kept by Telegram, asked for on Zalo: read through the Telegram channel when it runs.
          telegramFiles: bot ? telegramFileReader(bot.api, { apiRoot: config.TELEGRAM_API_ROOT, token: config.BOT_TOKEN!, log: zlog }) : undefined,
          t: translator(i18n),
          defaultLocale: config.DEFAULT_LOCALE,
          logger: zlog,
        });
        const ledger = redis ? redisLedger<string>(redis, ZALO_UPDATES) : databaseLedger<string>(db.prisma, services.now, ZALO_UPDATES);
        const receiver = new ZaloReceiver({ ledger, logger: zlog, handle, now: services.now });
        return { api, sender, receiver, named: (name: string) => void (botName = name) };
      })()
    : null;
  const senders: ChannelSender[] = [
    ...(bot
      ? telegramDelivery(bot.api, translator(i18n), {
          paid: config.BROADCAST_PAID,
          botUsername: () => bot.botInfo.username,
          files: (fileId) => services.exports.readFile(fileId),
          linkFor: (fileId) => mediaLinks?.linkFor(fileId, services.now()) ?? null,
          evidence: services.evidenceFiles,
        }).senders
      : []),
    ...(zalo ? [zaloChannelSender(zalo.sender, translator(i18n), (fileId) => mediaLinks?.linkFor(fileId, services.now()) ?? null)] : []),
  ];

  const dispatcher =
    overrides.jobs === false
      ? null
      : new Dispatcher({
          prisma: db.prisma,
          // BROADCAST_PAID sends with allow_paid_broadcast (Telegram then allows up to 1000 msg/s).
          senders,
          redis,
          logger: logger.child({ job: 'dispatcher' }),
          metrics,
          now: services.now,
          rate: config.BROADCAST_PAID ? 1000 : config.BROADCAST_RATE,
          defaultLocale: config.DEFAULT_LOCALE,
          intervalMs: config.DISPATCH_INTERVAL_MS,
        });
  const scheduler =
    overrides.jobs === false
      ? null
      : new Scheduler({
          services,
          logger: logger.child({ job: 'scheduler' }),
          timezone: VN_TIME_ZONE,
          onQueued: () => dispatcher?.poke(),
        });
  const exportRunner =
    overrides.jobs === false
      ? null
      : new ExportRunner({
          exports: services.exports,
          t: translator(i18n),
          defaultLocale: config.DEFAULT_LOCALE,
          logger: logger.child({ job: 'exports' }),
          onQueued: () => dispatcher?.poke(),
        });
  services.exports.onQueued = () => exportRunner?.poke();
  let telegram: { stop(): Promise<void> } | null = null;
  let zaloReceiving: Awaited<ReturnType<typeof startZalo>> | null = null;
  let server: ServerType | null = null;
  let metricsServer: ServerType | null = null;
  let stopped = false;

  const app: App = {
    config,
    logger,
    db,
    redis,
    services,
    get bot(): TelegramBot {
      if (!bot) throw new Error('this bot has no Telegram channel (BOT_TOKEN is not set)');
      return bot;
    },
    telegram: bot,
    get updates(): UpdateProcessor {
      if (!updates) throw new Error('this bot has no Telegram channel (BOT_TOKEN is not set)');
      return updates;
    },
    zalo,
    conversations,
    metrics,
    dispatcher,
    scheduler,
    exportRunner,
    port: null,
    metricsPort: null,
    metricsAddress: null,
    async start() {
      if (bot) await prepareTelegram({ bot, t: translator(i18n), config, logger });
      // ADMIN_IDS is the source of truth for admins: whoever was removed from it loses the role now.
      for (const demoted of await services.members.demoteUnlistedAdmins()) {
        logger.warn({ memberId: demoted.id }, 'admin demoted: no longer in ADMIN_IDS');
        if (bot) await syncMemberCommands(bot.api, demoted, await services.members.externalIdOf(demoted.id, 'TELEGRAM'), translator(i18n), logger);
      }
      if (overrides.http !== false) {
        const http = createHttpApp({
          metrics,
          health: async () => ({
            database: await db.ping(),
            ...(redis ? { redis: await redis.ping().then((r) => r === 'PONG', () => false) } : {}),
          }),
          media: mediaLinks
            ? {
                links: mediaLinks,
                files: { read: async (fileId: string) => (await services.evidenceFiles.read(fileId)) ?? (await services.exports.readFile(fileId)) },
                now: services.now,
                chart: chartForMember(services, translator(i18n), config.DEFAULT_LOCALE),
              }
            : undefined,
          webhook: updates && config.BOT_MODE === 'webhook' ? { processor: updates, secret: config.WEBHOOK_SECRET!, ackMs: config.WEBHOOK_ACK_MS } : undefined,
          zalo:
            zalo && config.ZALO_MODE === 'webhook'
              ? { secret: config.ZALO_WEBHOOK_SECRET!, receive: (body) => zalo.receiver.receive(body), logger: logger.child({ channel: 'zalo' }) }
              : undefined,
          metricsToken: config.METRICS_TOKEN,
        });
        const bound = await listen(http, config.PORT, config.HOST);
        server = bound.server;
        app.port = bound.port;
        logger.info({ port: bound.port }, 'http server listening');
        if (config.METRICS_PORT !== 'off') {
          const m = await listen(createMetricsApp(metrics), config.METRICS_PORT, config.METRICS_HOST);
          metricsServer = m.server;
          app.metricsPort = m.port;
          app.metricsAddress = m.address;
          logger.info({ port: m.port, host: m.address }, 'metrics listening');
        }
      }
      // After the HTTP server: in webhook mode Telegram posts as soon as the webhook is set.
      if (bot && updates) telegram = await startTelegram({ bot, config, updates, logger });
      if (zalo) {
        zaloReceiving = await startZalo({
          api: zalo.api,
          mode: config.ZALO_MODE,
          publicUrl: config.PUBLIC_URL,
          secret: config.ZALO_WEBHOOK_SECRET,
          receiver: zalo.receiver,
          logger: logger.child({ channel: 'zalo' }),
        });
        zalo.named(zaloReceiving.me.display_name || zaloReceiving.me.account_name);
      }
      dispatcher?.start();
      scheduler?.start();
      exportRunner?.start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // The scheduler first: no new outbox rows while the rest shuts down.
      await scheduler?.stop();
      await exportRunner?.stop();
      // The dispatcher first: it finishes and records the batch in flight while the database is still open.
      await dispatcher?.stop();
      // Reverse order: stop taking updates (in-flight ones finish), then the HTTP server, then storage.
      await telegram?.stop();
      await zaloReceiving?.stop();
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      if (metricsServer) await new Promise<void>((resolve) => metricsServer!.close(() => resolve()));
      // Updates still waiting for a store are given up (logged); the ones being handled finish.
      updates?.stop();
      await updates?.drain();
      await zalo?.receiver.drain();
      if (bot) await drainBot(bot);
      if (redis) await redis.quit().catch(() => redis!.disconnect());
      await db.close();
      logger.info('stopped');
    },
  };
  return app;
}
