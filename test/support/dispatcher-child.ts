/**
 * A dispatcher in its own process, for the crash test (test/integration/dispatcher-crash.test.ts):
 * the test SIGKILLs it halfway through a broadcast and starts it again. It drains the outbox and
 * exits 0. Env: DATABASE_URL, TELEGRAM_API_ROOT, BOT_TOKEN, LEASE_MS, and optionally BATCH_SIZE, CONCURRENCY, RATE.
 */
import { Api } from 'grammy';
import { pino } from 'pino';
import { createDatabase } from '../../src/db/index.js';
import { telegramDelivery } from '../../src/channels/telegram/sender.js';
import { Dispatcher } from '../../src/jobs/dispatcher.js';
import { createI18n, translator } from '../../src/channels/telegram/i18n.js';

const env = process.env;
const logger = pino({ level: env.TEST_LOG_LEVEL ?? 'silent' });
const db = await createDatabase({ databaseUrl: env.DATABASE_URL, dataDir: 'unused', logger });
const dispatcher = new Dispatcher({
  prisma: db.prisma,
  ...telegramDelivery(new Api(env.BOT_TOKEN!, { apiRoot: env.TELEGRAM_API_ROOT! }), translator(createI18n('vi'))),
  logger,
  now: () => new Date(),
  rate: Number(env.RATE ?? 150),
  ...(env.BATCH_SIZE ? { batchSize: Number(env.BATCH_SIZE) } : {}),
  ...(env.CONCURRENCY ? { concurrency: Number(env.CONCURRENCY) } : {}),
  leaseMs: Number(env.LEASE_MS ?? 2000),
  intervalMs: 20,
});
process.stdout.write('ready\n');
const sent = await dispatcher.drain();
process.stdout.write(`drained ${sent}\n`);
await db.close();
process.exit(0);
