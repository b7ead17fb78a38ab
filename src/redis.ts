import { Redis } from 'ioredis';

export type { Redis };

/**
 * One ioredis client for flow state (src/flows/store.ts), the update ledger and the shared rate
 * limiter.
 * Every key the bot writes starts with `prefix`, so several bots — or test files — share a server.
 */
export function createRedis(url: string, prefix: string, onError?: (err: Error) => void): Redis {
  const redis = new Redis(url, {
    keyPrefix: prefix,
    // While Redis is down a command fails after a few reconnection attempts (a few seconds) instead
    // of hanging the update: the update processor retries the whole update once Redis is back
    // (src/channels/telegram/update-processor.ts).
    maxRetriesPerRequest: 3,
    // Reconnect at least every second (ioredis's default backs off to 2 s and its retries then
    // wait for that), so the bot notices within a second that Redis is back.
    retryStrategy: (times) => Math.min(times * 100, 1000),
    lazyConnect: false,
    enableAutoPipelining: true,
  });
  // Without a listener ioredis prints "Unhandled error event" on every reconnect attempt; it
  // reconnects by itself, and /healthz reports Redis as down meanwhile.
  redis.on('error', onError ?? (() => {}));
  return redis;
}
