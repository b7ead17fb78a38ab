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
  /** The last update of each chat still being handled: the next one of that chat waits for it. */
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: ZaloReceiverDeps) {}

  /**
   * Reads, deduplicates and handles one update body (wrapped or bare). Never throws. Updates of
   * one chat are handled one after another in the order received (webhook posts may overlap: a
   * member answering "1" then "2" must not have the second taken first); other chats run alongside.
   */
  receive(body: unknown): Promise<ReceiveOutcome> {
    const parsed = parseZaloUpdate(body, this.deps.now);
    if (!parsed.ok) {
      this.deps.logger.warn({ reason: parsed.reason }, 'zalo update dropped');
      return Promise.resolve('dropped');
    }
    const chat = parsed.event.chatId;
    const previous = (this.chains.get(chat) ?? Promise.resolve()).catch(() => undefined);
    const work = previous.then(() => this.attempt(parsed.event));
    this.chains.set(chat, work);
    this.inFlight.add(work);
    void work.finally(() => {
      this.inFlight.delete(work);
      if (this.chains.get(chat) === work) this.chains.delete(chat);
    });
    return work;
  }

  /** Resolves once every update received so far is finished (shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async attempt(event: InboundEvent): Promise<ReceiveOutcome> {
    const { ledger, logger } = this.deps;
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
