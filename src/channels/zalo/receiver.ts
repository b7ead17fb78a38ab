/**
 * Where every Zalo update enters, in both modes: it is read ({@link parseZaloUpdate}), dropped
 * with a log line when malformed, and handled once even when Zalo delivers it twice (a webhook
 * retried, an instance restarted): the update ledger (Redis, else the database) remembers
 * `event_name:message_id` for an hour, well over the ten minutes a redelivery may take.
 *
 * @example
 * const receiver = new ZaloReceiver({ ledger: redisLedger(redis, ZALO_UPDATES), logger, handle: (e) => flows.take(e) });
 * await receiver.receive(body); // 'handled' | 'duplicate' | 'dropped' | 'failed'
 */
import type { Logger } from '../../logger.js';
import type { InboundEvent } from '../inbound.js';
import type { LedgerSpace, UpdateLedger } from '../../updates/ledger.js';
import { parseZaloUpdate } from './updates.js';

/** Zalo's key space in the update ledger: `zalo:upd:<event_name>:<message_id>`, remembered for an hour. */
export const ZALO_UPDATES: LedgerSpace = { prefix: 'zalo:upd:', doneMs: 3600_000 };

/** What became of one delivery. */
export type ReceiveOutcome = 'handled' | 'duplicate' | 'dropped' | 'failed';

export interface ZaloReceiverDeps {
  ledger: UpdateLedger<string>;
  logger: Logger;
  /** What to do with a member's message (the next wave: identities, flows, commands). */
  handle: (event: InboundEvent) => Promise<void>;
  now?: () => Date;
}

export class ZaloReceiver {
  private readonly inFlight = new Set<Promise<ReceiveOutcome>>();

  constructor(private readonly deps: ZaloReceiverDeps) {}

  /** Reads, deduplicates and handles one update body (wrapped or bare). Never throws. */
  receive(body: unknown): Promise<ReceiveOutcome> {
    const work = this.attempt(body);
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  }

  /** Resolves once every update received so far is finished (shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async attempt(body: unknown): Promise<ReceiveOutcome> {
    const { ledger, logger } = this.deps;
    const parsed = parseZaloUpdate(body, this.deps.now);
    if (!parsed.ok) {
      logger.warn({ reason: parsed.reason }, 'zalo update dropped');
      return 'dropped';
    }
    const event = parsed.event;
    // Zalo has no offset to ask for an update again: when the ledger is down the update is handled
    // anyway (a rare duplicate beats a lost message).
    let claimed = true;
    try {
      const claim = await ledger.claim(event.eventId, false);
      if (claim !== 'new') {
        logger.debug({ eventId: event.eventId, claim }, 'zalo update already handled');
        return 'duplicate';
      }
    } catch (err) {
      claimed = false;
      logger.warn({ err: (err as Error).message, eventId: event.eventId }, 'zalo update ledger unavailable; handling without dedupe');
    }
    try {
      await this.deps.handle(event);
    } catch (err) {
      logger.error({ err, eventId: event.eventId }, 'zalo update could not be handled');
      if (claimed) await ledger.release(event.eventId).catch(() => undefined);
      return 'failed';
    }
    if (claimed) {
      await ledger.complete(event.eventId).catch((err: unknown) => logger.warn({ err: (err as Error).message, eventId: event.eventId }, 'zalo update handled but not recorded'));
    }
    return 'handled';
  }
}
