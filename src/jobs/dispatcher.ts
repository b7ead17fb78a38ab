import type { Redis } from 'ioredis';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../http/metrics.js';
import type { StoredMessage } from '../messages/types.js';
import { createRateLimiter, EmissionPacer, type RateLimiter } from './rate-limit.js';
import type { ChannelSender, SendOutcome } from './channel.js';
import { ProgressReporter } from './progress.js';
import { ChatQueues, GroupCommit, Signal } from './pipeline.js';

/** Options of {@link Dispatcher}. Only the first group is required; the rest have sane defaults. */
export interface DispatcherOptions {
  prisma: PrismaClient;
  /**
   * One sender per channel rows are addressed to (Telegram's: src/channels/telegram/sender.ts);
   * each renders the rows' messages (data) in the recipient's language. The Telegram one (else
   * the first) also carries the officers' progress messages.
   */
  senders: readonly ChannelSender[];
  redis?: Redis | null | undefined;
  logger: Logger;
  metrics?: Metrics | undefined;
  /** The app clock (services.now): decides which rows are due and stamps the rows. */
  now: () => Date;
  /** BROADCAST_RATE, messages per second over all chats. */
  rate: number;
  /** The language of recipients without a member row (group chats): DEFAULT_LOCALE. */
  defaultLocale?: string | undefined;
  /** Poll interval when the outbox is idle (DISPATCH_INTERVAL_MS, default 250 ms). */
  intervalMs?: number | undefined;
  /** Rows claimed at once (default ≈ 2 s of sending, 20–500); the next batch is claimed before this one ends. */
  batchSize?: number | undefined;
  /**
   * Senders working at once (default ½ s of sending at the rate, 8–128): enough to keep the rate
   * at a 250 ms round trip to Telegram. Also the most sends a crash can repeat.
   */
  concurrency?: number | undefined;
  /** How long a claim stays valid; a row SENDING past it is presumed orphaned by a crash (default 60 s). */
  leaseMs?: number | undefined;
  /** Attempts before a transient failure becomes FAILED (default 5). */
  maxAttempts?: number | undefined;
  /** Replaces the limiter (tests, benches). */
  limiter?: RateLimiter | undefined;
}

/** A claimed row. */
interface Claimed {
  id: bigint;
  channel: 'TELEGRAM' | 'ZALO';
  chatId: string;
  memberId: number | null;
  identityId: number | null;
  broadcastId: number | null;
  payload: StoredMessage;
  /** The recipient's language as it is now (member.locale; group chats: the default). */
  locale: string;
  /** A unit's group chat (spaced as a group on every channel). */
  group: boolean;
  attempts: number;
  notBefore: Date;
  /** Parts of a cut message delivered by earlier tries (delivery.parts_sent). */
  partsSent: number;
}

/** `partsSent`: how many parts of a cut message reached the chat (kept when the row is retried). */
type Outcome = (SendOutcome & { partsSent?: number }) | { kind: 'deferred'; waitMs: number };
interface Result {
  row: Claimed;
  outcome: Outcome;
  /** Written already: a retried group commit skips it (and counts it once). */
  recorded?: boolean;
}

/**
 * What became of one try to send a row: an outcome from the channel, or not sent because the chat
 * is not free yet (`chat_busy`), the bot is paused by a 429 for long (`paused`), or the pipeline is
 * halting (`unsent`).
 */
type Attempt = (SendOutcome & { partsSent?: number }) | { kind: 'chat_busy' | 'paused'; waitMs: number } | { kind: 'unsent' };

/** Waits up to this long happen in memory; longer ones go back through the outbox. */
const IN_MEMORY_WAIT_MS = 2_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Rows to one chat of one channel are sent in order, one at a time. */
/** One chat on one channel ("TELEGRAM:123"): its queue and its rate-limit spacing, never shared across channels. */
const chatKey = (row: Pick<Claimed, 'channel' | 'chatId'>) => `${row.channel}:${row.chatId}`;

/** Parts of a row delivered so far: what this try reached, never fewer than before. */
function partsOf(row: Claimed, outcome: Outcome): number {
  return Math.max(row.partsSent, 'partsSent' in outcome && typeof outcome.partsSent === 'number' ? outcome.partsSent : 0);
}

/** Exponential backoff for transient failures: 2 s, 4 s, 8 s … capped at 5 min. */
export function backoffMs(attempts: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.max(1, attempts));
}

/**
 * The outbox dispatcher (bộ phát): claims due Delivery rows in batches with
 * `FOR UPDATE SKIP LOCKED` (any number of instances share the queue without double sending),
 * sends them through the channel API within Telegram's limits, and records each outcome as soon
 * as it is known. Claiming, sending and recording overlap (see {@link pump}), so a long round trip
 * to Telegram costs no rate.
 *
 * Guarantees: at-least-once. A claim is a lease; a row left SENDING past its lease (the process
 * died) goes back to PENDING. A duplicate is possible only when the process dies between Telegram
 * accepting a message and our commit — at most the sends in flight, never more than `concurrency`.
 * When Redis or PostgreSQL fails mid-broadcast, sending stops at once, known outcomes are recorded
 * and unsent rows go back to PENDING: an outage delays messages but neither loses nor repeats them.
 *
 * @example
 * // Telegram's sender: telegramDelivery in src/channels/telegram/sender.ts.
 * const dispatcher = new Dispatcher({ prisma, redis, logger, metrics, now, rate: 25, ...telegramDelivery(bot.api, t) });
 * dispatcher.start();
 * // …
 * await dispatcher.stop(); // finishes the batch in flight
 */
export class Dispatcher {
  private readonly o: Required<Omit<DispatcherOptions, 'redis' | 'metrics' | 'limiter' | 'senders'>> &
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
  /** Wakes the running pipeline's idle senders (stop()). */
  private changed: Signal | null = null;
  /** Outcomes of every sender, written together while a write is under way. */
  private readonly writer = new GroupCommit<Result>((results) => this.record(results));

  constructor(options: DispatcherOptions) {
    const rate = options.rate;
    this.o = {
      ...options,
      defaultLocale: options.defaultLocale ?? 'vi',
      intervalMs: options.intervalMs ?? 250,
      batchSize: options.batchSize ?? Math.min(500, Math.max(20, Math.ceil(rate * 2))),
      concurrency: options.concurrency ?? Math.min(128, Math.max(8, Math.ceil(rate / 2))),
      leaseMs: options.leaseMs ?? 60_000,
      maxAttempts: options.maxAttempts ?? 5,
    };
    this.limiter = options.limiter ?? createRateLimiter({ rate, redis: options.redis });
    this.pacer = rate <= 100 ? new EmissionPacer(rate) : null;
    const senders = options.senders;
    if (senders.length === 0) throw new Error('Dispatcher needs at least one channel sender');
    this.senders = new Map(senders.map((s) => [s.channel, s]));
    this.progress = new ProgressReporter({
      prisma: options.prisma,
      senders: this.senders,
      limiter: this.limiter,
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

  /** Stops: sends in flight finish and are recorded; claimed rows not yet sent go back to the outbox. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    this.changed?.fire();
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
      const n = await this.cycle(Infinity);
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
    let failures = 0;
    while (!this.stopping) {
      try {
        await this.cycle(Infinity);
        failures = 0;
      } catch (err) {
        failures += 1;
        this.o.logger.error({ err }, 'dispatcher cycle failed');
      }
      if (this.stopping) break;
      // A failing store is retried with backoff (no log storm); an idle outbox is polled.
      const paused = failures > 0 ? 0 : await this.limiter.pausedFor().catch(() => 0);
      const waitMs = failures > 0 ? Math.min(5_000, this.o.intervalMs * 2 ** failures) : Math.max(this.o.intervalMs, paused);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /**
   * One cycle: claims, sends and records one batch of due rows — returns the number claimed (0
   * when nothing was due or the bot is paused by a 429). Tests drive the dispatcher with it; the
   * background loop runs cycles without a claim limit instead (see {@link pump}).
   */
  async runOnce(): Promise<number> {
    return this.cycle(1);
  }

  private async cycle(maxClaims: number): Promise<number> {
    await this.recoverLeases(this.o.now());
    if ((await this.limiter.pausedFor()) > 0) return 0;
    const n = await this.pump(maxClaims);
    await this.housekeeping();
    return n;
  }

  /** The idle sweep of progress messages and the backlog gauge, at most every 1 s / 5 s. */
  private async housekeeping(): Promise<void> {
    const wall = Date.now();
    if (wall - this.lastSweep >= 1_000) {
      this.lastSweep = wall;
      await this.progress.refresh();
    }
    if (this.o.metrics && wall - this.lastBacklog >= 5_000) {
      this.lastBacklog = wall;
      this.o.metrics.outboxBacklog.set(await this.o.prisma.delivery.count({ where: { status: { in: ['PENDING', 'SENDING'] } } }));
    }
  }

  /**
   * The send pipeline. Senders take rows one at a time and the next batch is claimed while the
   * current one is still being sent, so the rate never drops at a batch boundary or waits for a
   * batch's slowest send (at 200 ms round trip that wait cost a third of the rate). Each outcome is
   * recorded as soon as it is known (group commit) and a sender takes no new row before its last
   * outcome is committed: a crash repeats at most the sends in flight, one per sender.
   *
   * A store failure (the Redis limiter, PostgreSQL) halts the whole pipeline at once: no sender
   * starts another send, outcomes already known are recorded (retried until the database answers),
   * and claimed rows that were not sent go back to PENDING without spending an attempt. The error
   * is then rethrown, and the caller retries later with backoff.
   *
   * Ends when nothing more is due (or `maxClaims` batches were claimed), on stop(), or when a 429
   * pause too long to wait out in place begins. Returns the number of rows claimed.
   */
  private async pump(maxClaims: number): Promise<number> {
    const queues = new ChatQueues<Claimed>();
    const changed = new Signal();
    this.changed = changed;
    const touched = new Set<number>();
    let claims = 0;
    let claimedRows = 0;
    let exhausted = false;
    let claiming: Promise<void> | null = null;
    let halt: { error: unknown } | { pausedMs: number } | null = null;
    const stopAll = (why: { error: unknown } | { pausedMs: number }) => {
      halt ??= why;
      changed.fire();
    };
    // Claim the next batch while the senders still have about a second of work.
    const lowWater = Math.max(this.o.concurrency, Math.ceil(this.o.batchSize / 2));
    const refill = () => {
      if (claiming || exhausted || halt || this.stopping || claims >= maxClaims || queues.size >= lowWater) return;
      claims += 1;
      claiming = this.claim(this.o.now())
        .then((rows) => {
          claimedRows += rows.length;
          if (rows.length < this.o.batchSize) exhausted = true;
          for (const row of rows) queues.add(chatKey(row), row);
        }, (error: unknown) => stopAll({ error }))
        .finally(() => {
          claiming = null;
          changed.fire();
        });
    };

    const sender = async () => {
      while (!halt && !this.stopping) {
        refill();
        const next = queues.take();
        if (!next) {
          if (queues.size === 0 && !claiming && (exhausted || claims >= maxClaims)) return;
          await changed.wait();
          continue;
        }
        const { key, row } = next;
        let attempt: Attempt;
        try {
          attempt = await this.sendOne(row, () => halt !== null);
        } catch (error) {
          // The limiter's store failed: nothing more may go out of this process until it answers.
          queues.putBack(key, row);
          stopAll({ error });
          return;
        }
        let results: Result[];
        switch (attempt.kind) {
          case 'unsent':
            queues.putBack(key, row);
            return;
          case 'paused':
            queues.putBack(key, row);
            stopAll({ pausedMs: attempt.waitMs });
            return;
          case 'chat_busy':
            if (attempt.waitMs <= IN_MEMORY_WAIT_MS) {
              // Wait for the chat here rather than through the database; other chats go meanwhile.
              queues.putBack(key, row, attempt.waitMs, () => changed.fire());
              continue;
            }
            // Busy for long (a reminder and an announcement to one group): back to the outbox, in order.
            results = [row, ...queues.drop(key)].map((r) => ({ row: r, outcome: { kind: 'deferred', waitMs: attempt.waitMs } }));
            break;
          case 'rate_limited':
            // Everyone is paused for retry_after; this row goes again after it, first in its chat,
            // from the part the 429 stopped (kept in the row too, should this process stop first).
            await this.keepParts(row, partsOf(row, attempt));
            queues.putBack(key, row);
            changed.fire();
            continue;
          case 'unreachable':
            results = [row, ...queues.drop(key)].map((r) => ({ row: r, outcome: attempt }));
            break;
          default:
            results = [{ row, outcome: attempt }];
            queues.done(key);
        }
        for (const r of results) if (r.row.broadcastId !== null) touched.add(r.row.broadcastId);
        await this.commit(results, (error) => stopAll({ error }));
        changed.fire();
      }
    };

    refill();
    await claiming;
    const failedClaim = halt as { error: unknown } | null;
    if (failedClaim) throw failedClaim.error;
    if (queues.size === 0) return claimedRows;
    const ticker = this.progressTicker(touched);
    try {
      await Promise.all(Array.from({ length: this.o.concurrency }, sender));
      await claiming;
    } finally {
      await ticker.stop();
    }
    const unsent = queues.clear();
    const why = halt as { error: unknown } | { pausedMs: number } | null;
    const pausedMs = why && 'pausedMs' in why ? why.pausedMs : 0;
    if (unsent.length > 0) await this.releaseUnsent(unsent, new Date(this.o.now().getTime() + pausedMs));
    if (touched.size > 0) await this.progress.refresh([...touched]).catch(() => undefined);
    if (why && 'error' in why) throw why.error;
    return claimedRows;
  }

  /**
   * While a pipeline runs: the officers' progress messages of the broadcasts it touches and the
   * return of rows orphaned by a crashed instance, once a second, off the senders' path.
   */
  private progressTicker(touched: Set<number>): { stop(): Promise<void> } {
    let busy: Promise<void> | null = null;
    const tick = async () => {
      try {
        await this.recoverLeases(this.o.now());
        if (touched.size > 0) await this.progress.refresh([...touched]);
        await this.housekeeping();
      } catch (err) {
        this.o.logger.warn({ err }, 'dispatcher housekeeping failed');
      }
    };
    const timer = setInterval(() => {
      busy ??= tick().finally(() => (busy = null));
    }, 1_000);
    return {
      stop: async () => {
        clearInterval(timer);
        await busy;
      },
    };
  }

  /**
   * Records outcomes, retrying while the database fails (the pipeline is halted meanwhile: an
   * outcome we know but cannot write is the one thing that turns into a duplicate). Gives up only
   * when stopping and a lease has passed; those rows then come back after their lease.
   */
  private async commit(results: Result[], onFailure: (error: unknown) => void): Promise<void> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        await this.writer.add(results);
        return;
      } catch (err) {
        onFailure(err);
        if (this.stopping && Date.now() - started > this.o.leaseMs) {
          this.o.logger.error({ err, rows: results.length }, 'could not record delivery outcomes; they may be sent again');
          return;
        }
        this.o.logger.warn({ err, rows: results.length }, 'could not record delivery outcomes; retrying');
        await sleep(Math.min(5_000, 100 * 2 ** attempt));
      }
    }
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
      identity_id: number | null;
      broadcast_id: number | null;
      payload: unknown;
      locale: string | null;
      is_group: boolean;
      attempts: number;
      not_before: Date;
      parts_sent: number;
    }>>`
      UPDATE delivery SET status = 'SENDING', lease_until = ${lease}::timestamptz, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM delivery
        WHERE status = 'PENDING' AND not_before <= ${now}::timestamptz
        ORDER BY not_before, id
        LIMIT ${this.o.batchSize}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, channel::text AS channel, chat_id, member_id, identity_id, broadcast_id, payload, attempts, not_before, parts_sent,
        group_chat_id IS NOT NULL AS is_group,
        (SELECT m.locale FROM member m WHERE m.id = delivery.member_id) AS locale`;
    return rows
      .map((r) => ({
        id: BigInt(r.id),
        channel: r.channel,
        chatId: r.chat_id,
        memberId: r.member_id,
        identityId: r.identity_id,
        broadcastId: r.broadcast_id,
        payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as StoredMessage,
        locale: r.locale ?? this.o.defaultLocale,
        group: r.is_group === true,
        attempts: Number(r.attempts),
        notBefore: new Date(r.not_before),
        partsSent: Number(r.parts_sent ?? 0),
      }))
      .sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Reserves a slot and sends one row. Waits in place for a short 429 pause; reports a busy chat
   * or a long pause instead of waiting. Checks `halted` (and stop()) after every wait, right before
   * the send: once the pipeline halts, nothing more leaves. Throws when the limiter's store fails.
   */
  private async sendOne(row: Claimed, halted: () => boolean): Promise<Attempt> {
    const sender = this.senders.get(row.channel);
    if (!sender) return { kind: 'failed', error: `no sender for channel ${row.channel}` };
    for (;;) {
      if (halted() || this.stopping) return { kind: 'unsent' };
      const slot = await this.limiter.reserve(chatKey(row), { group: row.group });
      if (!slot.ok) {
        if (slot.reason === 'chat') return { kind: 'chat_busy', waitMs: slot.waitMs };
        // Short waits are cheaper in place than a round trip through the database.
        if (slot.waitMs > IN_MEMORY_WAIT_MS) return { kind: 'paused', waitMs: slot.waitMs };
        await sleep(slot.waitMs);
        continue;
      }
      if (slot.delayMs > 0) await sleep(slot.delayMs);
      await this.pacer?.wait();
      if (halted() || this.stopping) return { kind: 'unsent' };
      if (this.pausedUntil > Date.now()) continue;
      const outcome = await sender.send(row.chatId, row.payload, row.locale, row.partsSent > 0 ? { fromPart: row.partsSent } : undefined);
      if (outcome.kind === 'rate_limited') {
        this.o.logger.warn({ retryAfterMs: outcome.retryAfterMs, chatId: row.chatId }, 'rate limited (429): pausing the dispatcher');
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + outcome.retryAfterMs);
        await this.limiter.pause(outcome.retryAfterMs).catch(() => undefined);
      }
      return outcome;
    }
  }

  /**
   * Claimed rows that were never sent go back to PENDING (or CANCELLED with their broadcast) and
   * get their attempt back: the claim counted one, but nothing was tried. If the database is what
   * failed, they come back when their lease expires instead.
   */
  private async releaseUnsent(rows: Claimed[], notBefore: Date): Promise<void> {
    const ids = Prisma.join(rows.map((r) => Prisma.sql`${r.id}::bigint`));
    try {
      await this.o.prisma.$executeRaw`
        UPDATE delivery SET
          status = (CASE WHEN EXISTS (SELECT 1 FROM broadcast b WHERE b.id = delivery.broadcast_id AND b.status = 'CANCELLED')
                    THEN 'CANCELLED' ELSE 'PENDING' END)::"DeliveryStatus",
          not_before = GREATEST(not_before, ${notBefore}::timestamptz), attempts = GREATEST(attempts - 1, 0), lease_until = NULL
        WHERE id IN (${ids}) AND status = 'SENDING'`;
    } catch (err) {
      this.o.logger.warn({ err, rows: rows.length }, 'could not return unsent rows to the outbox; they return when their lease expires');
    }
  }

  /** Writes the outcomes: SENT rows in one statement, the (rare) others row by row. */
  private async record(all: Result[]): Promise<void> {
    const { prisma, metrics } = this.o;
    const now = this.o.now();
    const results = all.filter((r) => !r.recorded);
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
      for (const r of sent) r.recorded = true;
    }
    const unreachable = new Map<string, Claimed>();
    for (const result of results) {
      const { row, outcome } = result;
      switch (outcome.kind) {
        case 'sent':
          break;
        case 'deferred':
        case 'rate_limited':
          // Not the row's fault: back to the queue without spending an attempt.
          await this.release(row, new Date(now.getTime() + ('waitMs' in outcome ? outcome.waitMs : 0)), row.attempts - 1, null, partsOf(row, outcome));
          break;
        case 'transient':
          if (row.attempts >= this.o.maxAttempts) {
            await this.finish(row, 'FAILED', outcome.error);
          } else {
            await this.release(row, new Date(now.getTime() + backoffMs(row.attempts)), row.attempts, outcome.error, partsOf(row, outcome));
          }
          break;
        case 'failed':
          await this.finish(row, 'FAILED', outcome.error);
          break;
        case 'unreachable':
          await this.finish(row, 'UNREACHABLE', outcome.error);
          if (row.memberId !== null || row.identityId !== null) unreachable.set(chatKey(row), row);
          break;
      }
      result.recorded = true;
    }
    for (const row of unreachable.values()) {
      // The identity, not the member: they may still be reached on another channel. Rows written
      // before identities existed name only the chat, which is the identity's external id.
      const marked = await prisma.channelIdentity.updateManyAndReturn({
        where: row.identityId !== null ? { id: row.identityId } : { channel: row.channel, externalId: row.chatId },
        data: { reachable: false },
        select: { id: true },
      });
      // Stop writing to that identity until they write to us there again: its other queued messages end here too.
      const dropped = await prisma.delivery.updateMany({
        where: {
          status: 'PENDING',
          OR: [{ identityId: { in: marked.map((i) => i.id) } }, { channel: row.channel, chatId: row.chatId, groupChatId: null }],
        },
        data: { status: 'UNREACHABLE', lastError: 'identity unreachable' },
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

  /** Remembers how many parts of a cut message are out, when a try got further than the row says. */
  private async keepParts(row: Claimed, partsSent: number): Promise<void> {
    if (partsSent <= row.partsSent) return;
    row.partsSent = partsSent;
    try {
      await this.o.prisma.delivery.update({ where: { id: row.id }, data: { partsSent } });
    } catch (err) {
      // The in-memory row resumes right; only a crash before the retry would repeat these parts.
      this.o.logger.warn({ err, deliveryId: String(row.id) }, 'could not record the parts sent');
    }
  }

  /** Back to PENDING — or CANCELLED when its broadcast was cancelled while the row was in flight. */
  private async release(row: Claimed, notBefore: Date, attempts: number, error: string | null, partsSent = row.partsSent): Promise<void> {
    await this.o.prisma.$executeRaw`
      UPDATE delivery SET
        status = (CASE WHEN EXISTS (SELECT 1 FROM broadcast b WHERE b.id = delivery.broadcast_id AND b.status = 'CANCELLED')
                  THEN 'CANCELLED' ELSE 'PENDING' END)::"DeliveryStatus",
        not_before = ${notBefore}::timestamptz, attempts = ${attempts}, last_error = ${error}, lease_until = NULL,
        parts_sent = ${partsSent}
      WHERE id = ${row.id}::bigint`;
  }
}
