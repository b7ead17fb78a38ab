import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The process logger: JSON lines in production, pretty in development. The bot token and other
 * secrets never reach it: redaction covers the paths where they could appear.
 */
export function createLogger(opts: { level: string; pretty?: boolean }): Logger {
  return pino({
    level: opts.level,
    base: undefined,
    redact: {
      paths: ['token', 'config.BOT_TOKEN', 'config.WEBHOOK_SECRET', 'config.ZALO_BOT_TOKEN', 'config.ZALO_WEBHOOK_SECRET', 'config.DATABASE_URL', 'config.REDIS_URL', '*.token'],
      censor: '[redacted]',
    },
    ...(opts.pretty ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  });
}
