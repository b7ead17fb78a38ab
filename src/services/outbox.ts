import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { StoredMessage } from '../messages/types.js';

/**
 * An outbox row's content is data (src/messages/types.ts): a template key, raw variables and
 * channel-neutral actions, rendered at send time by the channel's sender in the recipient's
 * language. Build them with src/messages/compose.ts.
 */
export type { OutboxAction, OutboxMessage, StoredMessage } from '../messages/types.js';

/** One row to put in the outbox. */
export interface OutboxItem {
  channel?: 'TELEGRAM' | 'ZALO';
  chatId: string;
  memberId?: number | null;
  /** The member's channel identity the row goes to (src/services/recipients.ts); null for group chats. */
  identityId?: number | null;
  groupChatId?: number | null;
  /**
   * What to say: an OutboxMessage (src/messages/compose.ts). The pre-rendered legacy shape
   * ({ text, parseMode, buttons }) is still accepted — rows written before the change are sent as
   * they are, and transport tests use it — but use cases enqueue data.
   */
  message: StoredMessage;
  /**
   * Unique per intended message ("launch:12:member:34", "reminder:…"): enqueueing the same key
   * twice — a retry, a second instance, a restart — inserts nothing the second time.
   */
  dedupeKey: string;
  /** Not before this instant (quiet hours); default now. */
  notBefore?: Date;
  broadcastId?: number | null;
}

const CHUNK = 1000;

/**
 * The outbox (hộp thư đi): every message the bot sends on its own initiative is a Delivery row
 * first, then the dispatcher (src/jobs/dispatcher.ts) sends it, rate-limited, with retries and
 * leases. Handlers never loop over `sendMessage` themselves.
 */
export class OutboxService {
  constructor(
    private readonly prisma: PrismaClient,
    /** The app clock: rows are due "now" by it, so tests that control time see them due. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Inserts deliveries, skipping any whose dedupe key already exists. Returns how many were new.
   * Pass a transaction client to enqueue atomically with the change that caused the messages.
   */
  async enqueue(items: OutboxItem[], tx?: Prisma.TransactionClient): Promise<number> {
    const client = tx ?? this.prisma;
    let inserted = 0;
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK);
      const result = await client.delivery.createMany({
        data: chunk.map((item) => ({
          channel: item.channel ?? 'TELEGRAM',
          chatId: item.chatId,
          memberId: item.memberId ?? null,
          identityId: item.identityId ?? null,
          groupChatId: item.groupChatId ?? null,
          payload: item.message as unknown as Prisma.InputJsonValue,
          dedupeKey: item.dedupeKey,
          notBefore: item.notBefore ?? this.now(),
          broadcastId: item.broadcastId ?? null,
        })),
        skipDuplicates: true,
      });
      inserted += result.count;
    }
    return inserted;
  }

  /** Counts by status (for /metrics and officers' progress). */
  async counts(where: Prisma.DeliveryWhereInput = {}): Promise<Record<string, number>> {
    const rows = await this.prisma.delivery.groupBy({ by: ['status'], where, _count: { _all: true } });
    return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
  }
}
