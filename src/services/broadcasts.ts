import type { BroadcastKind, PrismaClient } from '../generated/prisma/client.js';
import type { OutboxItem, OutboxService } from './outbox.js';

/** Counts an officer sees for a broadcast. */
export interface BroadcastProgress {
  total: number;
  sent: number;
  failed: number;
  unreachable: number;
  pending: number;
  cancelled: number;
  status: 'QUEUED' | 'SENDING' | 'DONE' | 'CANCELLED';
}

/**
 * Broadcasts (launch announcements, follow-ups, reminders…): a Broadcast row plus one Delivery per
 * recipient, created together so a crash never leaves a half-announced campaign.
 * (Contract for the campaigns and reminders features; the dispatcher sends the rows.)
 */
export class BroadcastService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly outbox: OutboxService,
  ) {}

  /** Creates the broadcast and enqueues its deliveries in one transaction. */
  async start(input: {
    kind: BroadcastKind;
    campaignId?: number | null;
    createdById?: number | null;
    /** Chat where the officer's progress message is kept up to date; null for silent broadcasts. */
    progressChatId?: string | null;
    items: OutboxItem[];
  }): Promise<{ broadcastId: number; total: number }> {
    return this.prisma.$transaction(
      async (tx) => {
        const b = await tx.broadcast.create({
          data: {
            kind: input.kind,
            campaignId: input.campaignId ?? null,
            createdById: input.createdById ?? null,
            progressChatId: input.progressChatId ?? null,
            total: input.items.length,
          },
        });
        const total = await this.outbox.enqueue(
          input.items.map((i) => ({ ...i, broadcastId: b.id })),
          tx,
        );
        if (total !== input.items.length) await tx.broadcast.update({ where: { id: b.id }, data: { total } });
        return { broadcastId: b.id, total };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }

  async progress(broadcastId: number): Promise<BroadcastProgress> {
    const b = await this.prisma.broadcast.findUniqueOrThrow({ where: { id: broadcastId } });
    const rows = await this.prisma.delivery.groupBy({ by: ['status'], where: { broadcastId }, _count: { _all: true } });
    const n = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
    return {
      total: b.total,
      sent: n('SENT'),
      failed: n('FAILED'),
      unreachable: n('UNREACHABLE'),
      pending: n('PENDING') + n('SENDING'),
      cancelled: n('CANCELLED'),
      status: b.status,
    };
  }

  /** Drops the pending rows of a broadcast; rows already sent stay sent. */
  async cancel(broadcastId: number): Promise<{ dropped: number }> {
    return this.prisma.$transaction(async (tx) => {
      const dropped = await tx.delivery.updateMany({ where: { broadcastId, status: 'PENDING' }, data: { status: 'CANCELLED' } });
      await tx.broadcast.update({ where: { id: broadcastId }, data: { status: 'CANCELLED', cancelledAt: new Date() } });
      return { dropped: dropped.count };
    });
  }
}
