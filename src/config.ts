import { z } from 'zod';
import { VN_TIME_ZONE } from './domain/dates.js';

/**
 * The environment the bot runs in, validated once at start-up.
 *
 * Why zod: a missing or malformed variable must stop the process with a message that names the
 * variable, never surface later as `undefined` deep inside a handler.
 *
 * @example
 * const result = parseConfig(process.env);
 * if (!result.ok) { console.error(result.message); process.exit(1); }
 */
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());

/** Marks the "no channel at all" issue, which {@link parseConfig} replaces with {@link NO_CHANNEL_HELP}. */
const NO_CHANNEL = 'no channel';

const hhmm = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export const configSchema = z
  .object({
    /** Telegram's bot token. Optional when ZALO_BOT_TOKEN is set: at least one channel must be. */
    BOT_TOKEN: z.preprocess(
      emptyToUndefined,
      z.string().regex(/^\d+:[\w-]+$/, 'does not look like a Telegram bot token (digits:letters)').optional(),
    ),
    TELEGRAM_API_ROOT: z.preprocess(emptyToUndefined, z.url().default('https://api.telegram.org')),
    BOT_MODE: z.preprocess(emptyToUndefined, z.enum(['polling', 'webhook']).default('polling')),
    WEBHOOK_URL: optionalUrl,
    WEBHOOK_SECRET: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/, 'may contain only A-Z, a-z, 0-9, _ and - (1–256 characters)')
        .optional(),
    ),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'must be a port number (0–65535)' }).int('must be a port number (0–65535)').min(0, 'must be a port number (0–65535)').max(65535, 'must be a port number (0–65535)').default(3000)),
    HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
    /**
     * Where Prometheus scrapes `/metrics`: its own listener, on the loopback interface by default,
     * so the public (webhook) port never shows internals. `off` serves no metrics listener.
     */
    METRICS_PORT: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('9464')
        .transform((s, ctx): number | 'off' => {
          if (s.trim() === 'off') return 'off';
          if (/^\d{1,5}$/.test(s.trim()) && Number(s) <= 65535) return Number(s);
          ctx.addIssue({ code: 'custom', message: 'must be a port number (0–65535) or "off"' });
          return z.NEVER;
        }),
    ),
    METRICS_HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
    /** When set, `/metrics` is also served on the public port, to requests carrying `Authorization: Bearer <token>`. */
    METRICS_TOKEN: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9._~+/=-]{16,256}$/, 'must be 16–256 characters of A-Z, a-z, 0-9 and ._~+/=- (a random secret)')
        .optional(),
    ),
    /**
     * Webhook mode: answer Telegram after this many ms even if the update is still being handled
     * (it finishes in the background), so a slow update is never redelivered and handled twice.
     */
    WEBHOOK_ACK_MS: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ error: 'must be a number of milliseconds' }).int('must be a whole number of milliseconds').min(50, 'must be at least 50').max(50_000, 'must be at most 50000 (Telegram gives up on a webhook call after about a minute)').default(10_000),
    ),
    /** Zalo Bot Platform token (`<bot id>:<secret>`, from Zalo Bot Creator): turns the Zalo channel on. */
    ZALO_BOT_TOKEN: z.preprocess(
      emptyToUndefined,
      z.string().regex(/^\d+:[\w-]+$/, 'does not look like a Zalo bot token (digits:letters, from Zalo Bot Creator)').optional(),
    ),
    /** Zalo Bot API root: the API is `<root>/bot<token>/<method>` (the legacy host was bot-api.zapps.me). */
    ZALO_API_ROOT: z.preprocess(emptyToUndefined, z.url().default('https://bot-api.zaloplatforms.com')),
    ZALO_MODE: z.preprocess(emptyToUndefined, z.enum(['polling', 'webhook']).default('polling')),
    /** Secret Zalo sends in `X-Bot-Api-Secret-Token` (webhook mode; Zalo accepts 8–256 characters). */
    ZALO_WEBHOOK_SECRET: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{8,256}$/, 'must be 8–256 characters of A-Z, a-z, 0-9, _ and -')
        .optional(),
    ),
    /** Public base URL of this bot's HTTP server: the Zalo webhook and the files Zalo fetches by URL. */
    PUBLIC_URL: optionalUrl,
    /**
     * Key that signs the `<PUBLIC_URL>/media/<token>` links Zalo fetches evidence photos from. Unset:
     * derived (HMAC) from ZALO_BOT_TOKEN, so a token change also voids old links.
     */
    MEDIA_SECRET: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
    /** Zalo messages per second (Zalo publishes no limit; it answers 429 when over it). */
    ZALO_RATE: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'must be a number of messages per second' }).positive('must be positive').max(1000, 'must be at most 1000').default(10)),
    DATABASE_URL: optionalString.pipe(
      z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
    ),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
    REDIS_URL: optionalString.pipe(
      z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
    ),
    REDIS_PREFIX: z.preprocess(emptyToUndefined, z.string().default('thidua:')),
    ADMIN_IDS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('')
        .transform((s, ctx) => {
          const ids = s
            .split(/[\s,;]+/)
            .filter(Boolean)
            .map((part) => part.trim());
          for (const id of ids) {
            if (!/^\d{1,20}$/.test(id) && !/^zalo:[\w-]{1,64}$/i.test(id)) {
              ctx.addIssue({ code: 'custom', message: `"${id}" is not a Telegram user id (digits only) nor zalo:<Zalo user id>` });
              return z.NEVER;
            }
          }
          return ids;
        }),
    ),
    /**
     * Not a setting any more: every date is shown and read in Asia/Ho_Chi_Minh (the law's deadlines are
     * Vietnamese). Kept in the schema only so that a deployment still setting another zone is told so
     * instead of silently getting Vietnam time.
     */
    TZ_NAME: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine(
          (tz) => tz === VN_TIME_ZONE || tz === 'Asia/Saigon',
          `is not a setting: ThiĐua Bot shows and reads every date in ${VN_TIME_ZONE} (UTC+7). Remove TZ_NAME`,
        )
        .optional(),
    ),
    DEFAULT_LOCALE: z.preprocess(emptyToUndefined, z.enum(['vi', 'en']).default('vi')),
    BROADCAST_RATE: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'must be a number of messages per second' }).positive('must be positive').max(1000, 'must be at most 1000').default(25)),
    /** Paid broadcasts (allow_paid_broadcast, billed in Stars): Telegram then allows up to 1000 msg/s. */
    BROADCAST_PAID: z.preprocess(emptyToUndefined, z.stringbool({ error: 'must be true or false' }).default(false)),
    /** How often an idle dispatcher looks for due outbox rows (ms). */
    DISPATCH_INTERVAL_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(10).max(60_000).optional()),
    QUIET_HOURS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('21:00-07:00')
        .refine((s) => {
          const [a, b] = s.split('-');
          return !!a && !!b && hhmm.test(a) && hhmm.test(b);
        }, 'must look like 21:00-07:00 (or "off")')
        .or(z.literal('off')),
    ),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    NODE_ENV: z.preprocess(emptyToUndefined, z.string().default('production')),
  })
  .superRefine((c, ctx) => {
    if (!c.BOT_TOKEN && !c.ZALO_BOT_TOKEN) ctx.addIssue({ code: 'custom', path: ['BOT_TOKEN'], message: NO_CHANNEL });
    if (c.ZALO_BOT_TOKEN && c.ZALO_MODE === 'webhook') {
      if (!c.ZALO_WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['ZALO_WEBHOOK_SECRET'], message: 'is required when ZALO_MODE=webhook' });
      if (!c.PUBLIC_URL) ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'is required when ZALO_MODE=webhook (Zalo posts to <PUBLIC_URL>/zalo)' });
    }
    if (c.METRICS_PORT !== 'off' && c.METRICS_PORT !== 0 && c.METRICS_PORT === c.PORT) {
      ctx.addIssue({ code: 'custom', path: ['METRICS_PORT'], message: 'must differ from PORT (metrics are not served on the public port; set METRICS_TOKEN for that)' });
    }
    if (c.BOT_MODE === 'webhook') {
      if (!c.WEBHOOK_URL) ctx.addIssue({ code: 'custom', path: ['WEBHOOK_URL'], message: 'is required when BOT_MODE=webhook' });
      if (!c.WEBHOOK_SECRET)
        ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'is required when BOT_MODE=webhook' });
    }
  });

export type Config = z.output<typeof configSchema>;

/** The configuration when the Telegram channel is on: what the Telegram channel code is given. */
export type TelegramConfig = Config & { BOT_TOKEN: string };

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

const NO_CHANNEL_HELP =
  'No channel is configured: set BOT_TOKEN (Telegram), ZALO_BOT_TOKEN (Zalo) or both. For Telegram, create a bot ' +
  'with @BotFather (/newbot), copy the token it gives you (it looks like 123456789:AAF…) and start again with ' +
  'BOT_TOKEN=<token> npm start. For Zalo, create a bot with Zalo Bot Creator and set ZALO_BOT_TOKEN=<token>.';

/**
 * Validates the environment. Returns a message naming every bad variable instead of throwing, so
 * the caller decides how to stop (the CLI prints and exits 1, tests assert on the message).
 */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return { ok: true, config: parsed.data };
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    if (issue.message === NO_CHANNEL) return NO_CHANNEL_HELP;
    return `${name} ${issue.message}`;
  });
  return { ok: false, message: `Invalid configuration:\n- ${[...new Set(lines)].join('\n- ')}` };
}

/** Quiet hours as minutes after local midnight, or null when switched off. */
export function quietHours(config: Pick<Config, 'QUIET_HOURS'>): { start: number; end: number } | null {
  if (config.QUIET_HOURS === 'off') return null;
  const [a, b] = config.QUIET_HOURS.split('-') as [string, string];
  const toMinutes = (s: string) => {
    const [h, m] = s.split(':').map(Number) as [number, number];
    return h * 60 + m;
  };
  return { start: toMinutes(a), end: toMinutes(b) };
}
