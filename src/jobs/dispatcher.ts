import type { Api, RawApi } from 'grammy';
import type { Redis } from 'ioredis';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../http/metrics.js';
import type { OutboxMessage } from '../services/outbox.js';
import type { Translator } from '../channels/telegram/i18n.js';
import { createRateLimiter, EmissionPacer, type RateLimiter } from './rate-limit.js';
import { TelegramSender, type ChannelSender, type SendOutcome } from './telegram-sender.js';
import { ProgressReporter } from './progress.js';

/** Options of {@link Dispatcher}. Only the first group is required; the rest have sane defaults. */
export interface DispatcherOptions {
  prisma: PrismaClient;
  /** grammY's raw `bot.api`. */
  api: Api<RawApi>;
  redis?: Redis | null | undefined;
  logger: Logger;
  metrics?: Metrics | undefined;
  /** `(locale, key, vars) => text` for progress messages (translator(i18n)). */
  i18n: Translator;
  /** The app clock (services.now): decides which rows are due and stamps the rows. */
  now: () => Date;
  /** BROADCAST_RATE, messages per second over all chats. */
  rate: number;
  /** BROADCAST_PAID: send with allow_paid_broadcast (Telegram then allows up to 1000 msg/s). */
  paid?: boolean | undefined;
  defaultLocale?: string | undefined;
  /** Poll interval when the outbox is idle (DISPATCH_INTERVAL_MS, default 250 ms). */
  intervalMs?: number | undefined;
  /** Rows claimed per cycle (default ≈ 2 s of sending, 20–500). */
  batchSize?: number | undefined;
  /** Sends in flight at once (default from the rate, 8–64). */
  concurrency?: number | undefined;
  /** How long a claim stays valid; a row SENDING past it is presumed orphaned by a crash (default 60 s). */
  leaseMs?: number | undefined;
  /** Attempts before a transient failure becomes FAILED (default 5). */
  maxAttempts?: number | undefined;
  /** Replaces the limiter (tests, benches). */
  limiter?: RateLimiter | undefined;
  /** Replaces the Telegram sender (another channel). */
  senders?: ChannelSender[] | undefined;
}

/** A claimed row. */
interface Claimed {
  id: bigint;
  channel: 'TELEGRAM' | 'ZALO';
  chatId: string;
  memberId: number | null;
  broadcastId: number | null;
  payload: OutboxMessage;
  attempts: number;
  notBefore: Date;
}

type Outcome = SendOutcome | { kind: 'deferred'; waitMs: number };
interface Result {
  row: Claimed;
  outcome: Outcome;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff for transient failures: 2 s, 4 s, 8 s … capped at 5 min. */
export function backoffMs(attempts: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.max(1, attempts));
}

/**
 * The outbox dispatcher (bộ phát): claims due Delivery rows in batches with
 * `FOR UPDATE SKIP LOCKED` (any number of instances share the queue without double sending),
 * sends them through the channel API within Telegram's limits, and records the outcome.
 *
 * Guarantees: at-least-once. A claim is a lease; a row left SENDING past its lease (the process
 * died) goes back to PENDING. A duplicate is possible only when the process dies between Telegram
 * accepting a message and our commit — at most one claimed batch.
 *
 * @example
 * const dispatcher = new Dispatcher({ prisma, api: bot.api, redis, logger, metrics, i18n: translator(i18n), now, rate: 25 });
 * dispatcher.start();
 * // …
 * await dispatcher.stop(); // finishes the batch in flight
 */
export class Dispatcher {
  private readonly o: Required<Omit<DispatcherOptions, 'redis' | 'metrics' | 'paid' | 'limiter' | 'senders'>> &
    Pick<DispatcherOptions, 'redis' | 'metrics'>;
  private readonly limiter: RateLimiter;
  /** Local smoothing of actual emissions (only needed near Telegram's free limit, not in paid mode). */
  private readonly pacer: EmissionPacer | null;
  private readonly senders: Map<string, ChannelSender>;
  private readonly progress: ProgressReporter;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  private lastSweep = 0;
  private lastBacklog = 0;
  /** This instance's own knowledge of a 429 pause, checked after sleeping to a reserved slot. */
  private pausedUntil = 0;

  constructor(options: DispatcherOptions) {
    const rate = options.rate;
    this.o = {
      ...options,
      defaultLocale: options.defaultLocale ?? 'vi',
      intervalMs: options.intervalMs ?? 250,
      batchSize: options.batchSize ?? Math.min(500, Math.max(20, Math.ceil(rate * 2))),
      concurrency: options.concurrency ?? Math.min(64, Math.max(8, Math.ceil(rate / 8))),
      leaseMs: options.leaseMs ?? 60_000,
      maxAttempts: options.maxAttempts ?? 5,
    };
    this.limiter = options.limiter ?? createRateLimiter({ rate, redis: options.redis });
    this.pacer = rate <= 100 ? new EmissionPacer(rate) : null;
    const senders = options.senders ?? [new TelegramSender(options.api, { paid: options.paid ?? false })];
    this.senders = new Map(senders.map((s) => [s.channel, s]));
    this.progress = new ProgressReporter({
      prisma: options.prisma,
      sender: this.senders.get('TELEGRAM') ?? senders[0]!,
      limiter: this.limiter,
      t: options.i18n,
      logger: options.logger,
      now: options.now,
      rate,
      defaultLocale: this.o.defaultLocale,
    });
  }

  /** Starts the background loop (idempotent). */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Stops polling and waits for the batch in flight to be sent and recorded. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** Wakes an idle loop now (after an enqueue, so small broadcasts start at once). */
  poke(): void {
    this.wake?.();
  }

  /** Runs cycles until nothing is due (tests, CLI). Returns how many rows were processed. */
  async drain(maxCycles = 10_000): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxCycles; i++) {
      const n = await this.runOnce();
      total += n;
      if (n === 0) {
        const paused = await this.limiter.pausedFor();
        if (paused > 0) {
          await sleep(paused);
          continue;
        }
        const due = await this.o.prisma.delivery.count({
          where: { OR: [{ status: 'PENDING', notBefore: { lte: this.o.now() } }, { status: 'SENDING' }] },
        });
        if (due === 0) break;
        await sleep(50);
      }
    }
    await this.progress.refresh();
    return total;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let n = 0;
      try {
        n = await this.runOnce();
      } catch (err) {
        this.o.logger.error({ err }, 'dispatcher cycle failed');
      }
      if (this.stopping) break;
      if (n < this.o.batchSize) {
        const paused = await this.limiter.pausedFor().catch(() => 0);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(this.o.intervalMs, paused));
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    }
  }

  /**
   * One cycle: return expired leases to PENDING, claim one batch of due rows, send them within the
   * limits, record the outcomes, refresh the progress of the broadcasts involved. Returns the
   * number of rows claimed (0 when nothing was due or the bot is paused by a 429).
   */
  async runOnce(): Promise<number> {
    const now = this.o.now();
    await this.recoverLeases(now);
    if ((await this.limiter.pausedFor()) > 0) return 0;
    const rows = await this.claim(now);
    if (rows.length > 0) {
      const results = await this.sendAll(rows);
      await this.record(results);
      const touched = [...new Set(rows.map((r) => r.broadcastId).filter((id): id is number => id !== null))];
      if (touched.length > 0) await this.progress.refresh(touched);
    }
    const wall = Date.now();
    if (wall - this.lastSweep >= 1_000) {
      this.lastSweep = wall;
      await this.progress.refresh();
    }
    if (this.o.metrics && wall - this.lastBacklog >= 5_000) {
      this.lastBacklog = wall;
      this.o.metrics.outboxBacklog.set(await this.o.prisma.delivery.count({ where: { status: { in: ['PENDING', 'SENDING'] } } }));
    }
    return rows.length;
  }

  private async recoverLeases(now: Date): Promise<void> {
    const n = await this.o.prisma.$executeRaw`
      UPDATE delivery SET status = 'PENDING', lease_until = NULL
      WHERE status = 'SENDING' AND lease_until < ${now}::timestamptz`;
    if (n > 0) this.o.logger.warn({ rows: n }, 'returned rows with expired leases to the outbox');
  }

  private async claim(now: Date): Promise<Claimed[]> {
    const lease = new Date(now.getTime() + this.o.leaseMs);
    const rows = await this.o.prisma.$queryRaw<Array<{
      id: bigint;
      channel: 'TELEGRAM' | 'ZALO';
      chat_id: string;
      member_id: number | null;
      broadcast_id: number | null;
      payload: unknown;
      attempts: number;
      not_before: Date;
    }>>`
      UPDATE delivery SET status = 'SENDING', lease_until = ${lease}::timestamptz, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM delivery
        WHERE status = 'PENDING' AND not_before <= ${now}::timestamptz
        ORDER BY not_before, id
        LIMIT ${this.o.batchSize}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, channel::text AS channel, chat_id, member_id, broadcast_id, payload, attempts, not_before`;
    return rows
      .map((r) => ({
        id: BigInt(r.id),
        channel: r.channel,
        chatId: r.chat_id,
        memberId: r.member_id,
        broadcastId: r.broadcast_id,
        payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as OutboxMessage,
        attempts: Number(r.attempts),
        notBefore: new Date(r.not_before),
      }))
      .sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Sends a batch with bounded parallelism. Rows to one chat go in order, one after the other
   * (the per-chat spacing); a chat that is not free soon enough is deferred to a later cycle.
   */
  private async sendAll(rows: Claimed[]): Promise<Result[]> {
    const byChat = new Map<string, Claimed[]>();
    for (const row of rows) {
      const key = `${row.channel}:${row.chatId}`;
      const list = byChat.get(key);
      if (list) list.push(row);
      else byChat.set(key, [row]);
    }
    const queues = [...byChat.values()];
    const results: Result[] = [];
    let next = 0;
    const worker = async () => {
      while (next < queues.length) {
        const queue = queues[next++]!;
        for (let i = 0; i < queue.length; i++) {
          const row = queue[i]!;
          const outcome = await this.sendOne(row);
          results.push({ row, outcome });
          if (outcome.kind === 'unreachable' || outcome.kind === 'deferred' || outcome.kind === 'rate_limited') {
            // The rest of this chat's rows wait for the next cycle (or are dropped for an unreachable chat in record()).
            for (const rest of queue.slice(i + 1)) {
              results.push({ row: rest, outcome: outcome.kind === 'unreachable' ? outcome : { kind: 'deferred', waitMs: 0 } });
            }
            break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.o.concurrency, queues.length) }, worker));
    return results;
  }

  private async sendOne(row: Claimed): Promise<Outcome> {
    const sender = this.senders.get(row.channel);
    if (!sender) return { kind: 'failed', error: `no sender for channel ${row.channel}` };
    for (;;) {
      const slot = await this.limiter.reserve(`${row.channel === 'TELEGRAM' ? '' : row.channel + ':'}${row.chatId}`);
      if (!slot.ok) {
        // Short waits are cheaper in place than a round trip through the database.
        if (slot.waitMs > 2_000 || this.stopping) return { kind: 'deferred', waitMs: slot.waitMs };
        await sleep(slot.waitMs);
        continue;
      }
      if (slot.delayMs > 0) await sleep(slot.delayMs);
      await this.pacer?.wait();
      if (this.pausedUntil > Date.now()) continue;
      const outcome = await sender.send(row.chatId, row.payload);
      if (outcome.kind === 'rate_limited') {
        this.o.logger.warn({ retryAfterMs: outcome.retryAfterMs, chatId: row.chatId }, 'rate limited (429): pausing the dispatcher');
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + outcome.retryAfterMs);
        await this.limiter.pause(outcome.retryAfterMs);
      }
      return outcome;
    }
  }

  /** Writes the outcomes: SENT rows in one statement, the (rare) others row by row. */
  private async record(results: Result[]): Promise<void> {
    const { prisma, metrics } = this.o;
    const now = this.o.now();
    const sent = results.filter((r) => r.outcome.kind === 'sent');
    if (sent.length > 0) {
      const values = Prisma.join(
        sent.map((r) => Prisma.sql`(${r.row.id}::bigint, ${(r.outcome as { externalMessageId: string }).externalMessageId}::text)`),
      );
      await prisma.$executeRaw`
        UPDATE delivery AS d SET status = 'SENT', external_message_id = v.mid, sent_at = ${now}::timestamptz,
          lease_until = NULL, last_error = NULL
        FROM (VALUES ${values}) AS v(id, mid) WHERE d.id = v.id`;
      metrics?.deliveries.inc({ status: 'SENT' }, sent.length);
    }
    const unreachableMembers = new Set<number>();
    for (const { row, outcome } of results) {
      switch (outcome.kind) {
        case 'sent':
          break;
        case 'deferred':
        case 'rate_limited':
          // Not the row's fault: back to the queue without spending an attempt.
          await this.release(row, new Date(now.getTime() + ('waitMs' in outcome ? outcome.waitMs : 0)), row.attempts - 1, null);
          break;
        case 'transient':
          if (row.attempts >= this.o.maxAttempts) {
            await this.finish(row, 'FAILED', outcome.error);
          } else {
            await this.release(row, new Date(now.getTime() + backoffMs(row.attempts)), row.attempts, outcome.error);
          }
          break;
        case 'failed':
          await this.finish(row, 'FAILED', outcome.error);
          break;
        case 'unreachable':
          await this.finish(row, 'UNREACHABLE', outcome.error);
          if (row.memberId !== null) unreachableMembers.add(row.memberId);
          break;
      }
    }
    for (const memberId of unreachableMembers) {
      await prisma.member.update({ where: { id: memberId }, data: { reachable: false } }).catch(() => undefined);
      // Stop writing to them until they write to us again: their other queued messages end here too.
      const dropped = await prisma.delivery.updateMany({
        where: { memberId, status: 'PENDING' },
        data: { status: 'UNREACHABLE', lastError: 'member unreachable' },
      });
      if (dropped.count > 0) metrics?.deliveries.inc({ status: 'UNREACHABLE' }, dropped.count);
    }
  }

  private async finish(row: Claimed, status: 'FAILED' | 'UNREACHABLE', error: string): Promise<void> {
    await this.o.prisma.delivery.update({
      where: { id: row.id },
      data: { status, lastError: error.slice(0, 1000), leaseUntil: null },
    });
    this.o.metrics?.deliveries.inc({ status });
    if (status === 'FAILED') this.o.logger.warn({ deliveryId: String(row.id), error }, 'delivery failed');
  }

  /** Back to PENDING — or CANCELLED when its broadcast was cancelled while the row was in flight. */
  private async release(row: Claimed, notBefore: Date, attempts: number, error: string | null): Promise<void> {
    await this.o.prisma.$executeRaw`
      UPDATE delivery SET
        status = (CASE WHEN EXISTS (SELECT 1 FROM broadcast b WHERE b.id = delivery.broadcast_id AND b.status = 'CANCELLED')
                  THEN 'CANCELLED' ELSE 'PENDING' END)::"DeliveryStatus",
        not_before = ${notBefore}::timestamptz, attempts = ${attempts}, last_error = ${error}, lease_until = NULL
      WHERE id = ${row.id}::bigint`;
  }
}
