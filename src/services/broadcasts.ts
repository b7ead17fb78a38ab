import type { BroadcastKind, PrismaClient } from '../generated/prisma/client.js';
import type { OutboxItem, OutboxService } from './outbox.js';

/** Counts an officer sees for a broadcast. People and group chats are counted apart ("50/50 đồng chí, 1/1 nhóm"). */
export interface BroadcastProgress {
  /** All deliveries, people and groups. */
  total: number;
  /** Deliveries to group chats, and how many of them have been sent. */
  groups: { total: number; sent: number };
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
    /** The app clock: rows without a notBefore are due "now" by the same clock the dispatcher reads. */
    private readonly now: () => Date = () => new Date(),
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
    const now = this.now();
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
          input.items.map((i) => ({ ...i, notBefore: i.notBefore ?? now, broadcastId: b.id })),
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
    return countBroadcast(this.prisma, broadcastId, b.total, b.status);
  }

  /**
   * An officer presses "Stop sending": only the broadcast's creator or an admin may, and only while
   * it is still going. The dispatcher then writes the summary (with how many were not sent).
   */
  async cancelFor(
    broadcastId: number,
    actor: { id: number; role: 'MEMBER' | 'OFFICER' | 'ADMIN' },
  ): Promise<{ ok: true; dropped: number } | { ok: false; reason: 'not_found' | 'not_yours' | 'finished' }> {
    const b = await this.prisma.broadcast.findUnique({ where: { id: broadcastId } });
    if (!b) return { ok: false, reason: 'not_found' };
    if (actor.role !== 'ADMIN' && b.createdById !== actor.id) return { ok: false, reason: 'not_yours' };
    if (b.finishedAt || b.status === 'DONE' || b.status === 'CANCELLED') return { ok: false, reason: 'finished' };
    return { ok: true, ...(await this.cancel(broadcastId)) };
  }

  /** Drops the pending rows of a broadcast; rows already sent stay sent. */
  async cancel(broadcastId: number): Promise<{ dropped: number }> {
    return this.prisma.$transaction(async (tx) => {
      const dropped = await tx.delivery.updateMany({ where: { broadcastId, status: 'PENDING' }, data: { status: 'CANCELLED' } });
      await tx.broadcast.update({ where: { id: broadcastId }, data: { status: 'CANCELLED', cancelledAt: this.now() } });
      return { dropped: dropped.count };
    });
  }
}

/**
 * Counts a broadcast's deliveries by status, people and group chats apart: one query, used by the
 * officer's progress message and by anyone asking for a broadcast's figures.
 */
export async function countBroadcast(
  prisma: PrismaClient,
  broadcastId: number,
  total: number,
  status: BroadcastProgress['status'],
): Promise<BroadcastProgress> {
  const rows = await prisma.$queryRaw<Array<{ status: string; grp: boolean; n: number }>>`
    SELECT status::text AS status, (group_chat_id IS NOT NULL) AS grp, count(*)::int AS n
    FROM delivery WHERE broadcast_id = ${broadcastId} GROUP BY 1, 2`;
  const n = (s: string) => rows.filter((r) => r.status === s).reduce((sum, r) => sum + r.n, 0);
  return {
    total,
    groups: {
      total: rows.filter((r) => r.grp).reduce((sum, r) => sum + r.n, 0),
      sent: rows.filter((r) => r.grp && r.status === 'SENT').reduce((sum, r) => sum + r.n, 0),
    },
    sent: n('SENT'),
    failed: n('FAILED'),
    unreachable: n('UNREACHABLE'),
    pending: n('PENDING') + n('SENDING'),
    cancelled: n('CANCELLED'),
    status,
  };
}
