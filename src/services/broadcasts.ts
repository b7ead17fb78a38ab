import type { BroadcastKind, Prisma, PrismaClient } from '../generated/prisma/client.js';
import { authorize, type ActorRef } from './actors.js';
import { writeAudit } from './audit.js';
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

  /**
   * Creates the broadcast and enqueues its deliveries in one transaction — the caller's `tx` when a
   * use case starts it together with its own change (a launch flips the status in the same one).
   */
  async start(input: {
    kind: BroadcastKind;
    campaignId?: number | null;
    createdById?: number | null;
    /** Chat where the officer's progress message is kept up to date; null for silent broadcasts. */
    progressChatId?: string | null;
    items: OutboxItem[];
  }, outer?: Prisma.TransactionClient): Promise<{ broadcastId: number; total: number }> {
    const now = this.now();
    const run = async (tx: Prisma.TransactionClient) => {
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
    };
    return outer ? run(outer) : this.prisma.$transaction(run, { timeout: 60_000, maxWait: 10_000 });
  }

  async progress(broadcastId: number): Promise<BroadcastProgress> {
    const b = await this.prisma.broadcast.findUniqueOrThrow({ where: { id: broadcastId } });
    return countBroadcast(this.prisma, broadcastId, b.total, b.status);
  }

  /**
   * An officer presses "Stop sending": only staff, and of them only the broadcast's creator or an
   * admin, and only while it is still going. Decided on the actor as they are now; the check, the
   * cancellation and the audit row (OK or REFUSED) are one transaction. The dispatcher then writes
   * the summary (with how many were not sent).
   */
  async cancelFor(
    broadcastId: number,
    actor: ActorRef,
  ): Promise<{ ok: true; dropped: number } | { ok: false; reason: 'forbidden' | 'not_found' | 'not_yours' | 'finished' }> {
    return this.prisma.$transaction(async (tx) => {
      const target = `broadcast:${broadcastId}`;
      const who = await authorize(tx, actor, { action: 'broadcast.stop', need: 'OFFICER', target });
      if (!who.ok) return { ok: false as const, reason: 'forbidden' as const };
      const base = { actorId: who.actor.id, actorRef: who.actor.ref, action: 'broadcast.stop', target };
      const b = await tx.broadcast.findUnique({ where: { id: broadcastId } });
      if (!b) return { ok: false as const, reason: 'not_found' as const };
      if (who.actor.role !== 'ADMIN' && b.createdById !== who.actor.id) {
        await writeAudit(tx, { ...base, outcome: 'REFUSED', details: { reason: 'not_creator' } });
        return { ok: false as const, reason: 'not_yours' as const };
      }
      if (b.finishedAt || b.status === 'DONE' || b.status === 'CANCELLED') return { ok: false as const, reason: 'finished' as const };
      const dropped = await this.cancelIn(tx, broadcastId);
      await writeAudit(tx, { ...base, details: { dropped } });
      return { ok: true as const, dropped };
    });
  }

  /** Drops the pending rows of a broadcast; rows already sent stay sent. */
  async cancel(broadcastId: number): Promise<{ dropped: number }> {
    return this.prisma.$transaction(async (tx) => ({ dropped: await this.cancelIn(tx, broadcastId) }));
  }

  private async cancelIn(tx: Prisma.TransactionClient, broadcastId: number): Promise<number> {
    const dropped = await tx.delivery.updateMany({ where: { broadcastId, status: 'PENDING' }, data: { status: 'CANCELLED' } });
    await tx.broadcast.update({ where: { id: broadcastId }, data: { status: 'CANCELLED', cancelledAt: this.now() } });
    return dropped.count;
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
