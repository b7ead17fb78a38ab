import { BotError, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { BotContext } from './context.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../http/metrics.js';
import type { UpdateLedger } from '../../updates/ledger.js';
import { UpdateDeferred } from './outage.js';
import { isStoreOutage } from '../../outage.js';

/**
 * What became of one delivery of an update: handled now, handled before (a redelivery), or not
 * handled because a store was unavailable — deliver it again later.
 */
export type Outcome = 'done' | 'duplicate' | 'retry';

/** A Telegram update as the webhook receives it (src/http names no grammY type itself). */
export type TelegramUpdate = Update;

/** How long and how often a polled update is tried again while a store is down. */
export interface RetryPolicy {
  /** First wait (doubles each time). */
  firstDelayMs: number;
  /** Longest wait between two tries. */
  maxDelayMs: number;
  /** Give up (and log the update as dropped) after this long. */
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 250, maxDelayMs: 5_000, giveUpAfterMs: 15 * 60_000 };

/** How many handled update ids this process remembers without asking the ledger. */
const RECENT_IDS = 10_000;

export interface UpdateProcessorDeps {
  bot: Bot<BotContext>;
  ledger: UpdateLedger;
  logger: Logger;
  metrics: Metrics;
  retry?: RetryPolicy;
}

/**
 * Every update enters the bot here, in both modes, so that it is handled exactly once and never
 * lost to a brief store outage:
 * - {@link handle} claims the update id in the ledger (a redelivery is answered "duplicate"),
 *   runs the bot, and reports "retry" when a store was down before the bot said anything;
 * - {@link submit} (polling, and webhook updates already acknowledged) keeps trying such an update,
 *   with backoff and a time limit, while later updates of the same chat wait behind it.
 */
export class UpdateProcessor {
  private readonly inFlight = new Map<number, Promise<Outcome>>();
  private readonly recent = new Set<number>();
  /** Claims this process took but could not give back (the store was down): retaking them is fine. */
  private readonly heldLeases = new Set<number>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly sleepers = new Set<() => void>();
  private readonly retry: RetryPolicy;
  private stopped = false;

  constructor(private readonly deps: UpdateProcessorDeps) {
    this.retry = deps.retry ?? DEFAULT_RETRY;
  }

  /**
   * Handles one delivery of an update. A delivery of an update that is being handled right now
   * waits for that handling and shares its outcome.
   */
  handle(update: Update): Promise<Outcome> {
    const id = update.update_id;
    const running = this.inFlight.get(id);
    if (running) return running.then((o) => (o === 'done' ? this.duplicate(id) : o));
    if (this.recent.has(id)) return Promise.resolve(this.duplicate(id));
    const attempt = this.attempt(update).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, attempt);
    return attempt;
  }

  /**
   * Handles an update in order with the other updates of its chat, trying again while a store is
   * down (bounded by the retry policy). Resolves once the update is handled or given up.
   */
  submit(update: Update): Promise<void> {
    const key = chatKey(update);
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.untilHandled(update));
    this.chains.set(key, next);
    void next.finally(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
    return next;
  }

  /**
   * Webhook: the outcome when it is known within `ms`; otherwise `'accepted'` — the update goes on
   * in the background (Telegram is answered and will not deliver it again), and should a store turn
   * out to be down it is retried here like a polled update.
   */
  async handleWithin(update: Update, ms: number): Promise<Outcome | 'accepted'> {
    const work = this.handle(update);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'accepted'>((resolve) => (timer = setTimeout(() => resolve('accepted'), ms)));
    const first = await Promise.race([work, late]);
    clearTimeout(timer);
    if (first === 'accepted') {
      this.deps.logger.info({ update_id: update.update_id, ackAfterMs: ms }, 'slow update acknowledged, finishing in the background');
      void work.then(
        (outcome) => (outcome === 'retry' ? this.submit(update) : undefined),
        (err: unknown) => this.deps.logger.error({ err, update_id: update.update_id }, 'update could not be handled'),
      );
    }
    return first;
  }

  /** Stops retrying: updates still waiting for a store are given up (and logged). */
  stop(): void {
    this.stopped = true;
    for (const wake of this.sleepers) wake();
  }

  /**
   * Resolves when no update is being handled or recorded any more (or after `timeoutMs`), so
   * shutdown closes the stores only after the last update's ledger write.
   */
  async drain(timeoutMs = 25_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.inFlight.values(), ...this.chains.values()]), timeout]);
    clearTimeout(timer);
  }

  private async attempt(update: Update): Promise<Outcome> {
    const id = update.update_id;
    let claim;
    try {
      claim = await this.deps.ledger.claim(id, this.heldLeases.has(id));
    } catch (err) {
      if (!isStoreOutage(err)) throw err;
      this.deferred(id, 'ledger', err);
      return 'retry';
    }
    this.heldLeases.delete(id);
    if (claim === 'done') {
      this.remember(id);
      return this.duplicate(id);
    }
    if (claim === 'busy') {
      this.deps.logger.info({ update_id: id }, 'update is being handled by another instance: asked to deliver it later');
      return 'retry';
    }
    try {
      await this.deps.bot.handleUpdate(update);
    } catch (err) {
      const cause = err instanceof BotError ? err.error : err;
      if (cause instanceof UpdateDeferred) {
        await this.deps.ledger.release(id).catch(() => this.heldLeases.add(id));
        return 'retry';
      }
      // A bug, not an outage: handling it again would fail again. Logged, and counted as handled.
      this.deps.logger.error({ err: cause, update_id: id }, 'update failed outside features');
    }
    this.remember(id);
    await this.deps.ledger.complete(id).catch((err: unknown) => {
      // Handled, but not recorded: this process still remembers it; another might handle a redelivery.
      this.deps.logger.warn({ err: (err as Error).message, update_id: id }, 'could not record the update as handled');
    });
    return 'done';
  }

  private async untilHandled(update: Update): Promise<void> {
    const started = Date.now();
    let delay = this.retry.firstDelayMs;
    for (;;) {
      const outcome = await this.handle(update).catch((err: unknown) => {
        this.deps.logger.error({ err, update_id: update.update_id }, 'update could not be handled');
        return 'done' as const;
      });
      if (outcome !== 'retry') return;
      if (Date.now() - started + delay > this.retry.giveUpAfterMs) return this.drop(update, started);
      await this.sleep(delay);
      if (this.stopped) return this.drop(update, started);
      delay = Math.min(delay * 2, this.retry.maxDelayMs);
    }
  }

  private drop(update: Update, started: number): void {
    this.deps.metrics.updatesDropped.inc();
    const reason = this.stopped ? 'shutting down' : 'a store stayed unavailable';
    this.deps.logger.error({ update_id: update.update_id, triedForMs: Date.now() - started, reason }, 'update dropped');
  }

  private deferred(id: number, where: string, err: unknown): void {
    this.deps.metrics.storeOutages.inc({ outcome: 'deferred' });
    this.deps.logger.warn({ update_id: id, where, err: (err as Error).message }, 'store unavailable: update deferred');
  }

  private duplicate(id: number): Outcome {
    this.deps.metrics.updatesDuplicate.inc();
    this.deps.logger.info({ update_id: id }, 'update delivered again: already handled');
    return 'duplicate';
  }

  private remember(id: number): void {
    if (this.recent.size >= RECENT_IDS) this.recent.delete(this.recent.values().next().value!);
    this.recent.add(id);
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}

/** The chat an update belongs to (its order is kept per chat), or its sender when it has no chat. */
export function chatKey(update: Update): string {
  const chat =
    update.message?.chat ??
    update.edited_message?.chat ??
    update.callback_query?.message?.chat ??
    update.my_chat_member?.chat ??
    update.chat_member?.chat;
  if (chat) return `c${chat.id}`;
  const from = update.callback_query?.from ?? update.inline_query?.from;
  return from ? `u${from.id}` : 'other';
}
