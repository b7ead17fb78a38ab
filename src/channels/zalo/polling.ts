/**
 * Receiving from Zalo by long polling (ZALO_MODE=polling, and local development): the webhook is
 * deleted first (Zalo refuses getUpdates while one is set), then `getUpdates` is called in a loop.
 * It returns one update per call, or error 408 after `timeout` seconds with nothing — the loop
 * just asks again. Any other failure waits, doubling from `firstDelayMs` up to `maxDelayMs` with
 * jitter (so instances restarted together do not hammer Zalo in step), and resets on success.
 * Updates are handled one after another, in the order Zalo gave them.
 *
 * @example
 * const poller = new ZaloPolling({ api, receive: (u) => receiver.receive(u), logger });
 * poller.start();
 * await poller.stop(); // returns promptly: the pending long poll is aborted
 */
import type { Logger } from '../../logger.js';
import type { ZaloApi } from './api.js';

export interface ZaloPollingOptions {
  api: ZaloApi;
  /** Handles one update body; awaited before the next getUpdates. */
  receive: (update: unknown) => Promise<unknown>;
  logger: Logger;
  /** Long-poll timeout in seconds sent to Zalo (default 30, Zalo's own default). */
  timeoutSec?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export class ZaloPolling {
  private stopped = false;
  private running: Promise<void> | null = null;
  private readonly abort = new AbortController();
  private wake: (() => void) | null = null;
  private failures = 0;

  constructor(private readonly o: ZaloPollingOptions) {}

  /** Starts the loop in the background (idempotent). */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = this.loop();
  }

  /** Stops: aborts the pending long poll and any backoff wait, and waits for the update being handled. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    const { api, logger } = this.o;
    while (!this.stopped) {
      try {
        await api.deleteWebhook();
        this.failures = 0;
        break;
      } catch (err) {
        if (this.stopped) return;
        await this.backoff(err, 'deleteWebhook');
      }
    }
    logger.info('zalo polling started');
    while (!this.stopped) {
      let updates: unknown[];
      try {
        updates = await api.getUpdates(this.o.timeoutSec ?? 30, this.abort.signal);
        this.failures = 0;
      } catch (err) {
        if (this.stopped) break;
        await this.backoff(err, 'getUpdates');
        continue;
      }
      for (const update of updates) {
        await this.o.receive(update).catch((err: unknown) => logger.error({ err }, 'zalo update failed'));
      }
    }
    logger.info('zalo polling stopped');
  }

  private async backoff(err: unknown, method: string): Promise<void> {
    const first = this.o.firstDelayMs ?? 500;
    const max = this.o.maxDelayMs ?? 30_000;
    const ceiling = Math.min(max, first * 2 ** this.failures);
    this.failures += 1;
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.o.logger.warn({ err: (err as Error).message, method, retryInMs: delay }, 'zalo polling failed; retrying');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = null;
  }
}
