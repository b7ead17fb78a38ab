import type { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { OutboxMessage } from '../messages/types.js';
import { progressMessage, progressSummaryMessage } from '../messages/compose.js';
import { countBroadcast, type BroadcastProgress } from '../services/broadcasts.js';
import type { ChannelSender } from './channel.js';
import type { RateLimiter } from './rate-limit.js';

/** Minimum time between two edits of one progress message (Telegram edits are rate-limited too). */
export const PROGRESS_EDIT_INTERVAL_MS = 3_000;

/**
 * On a channel that cannot edit messages, `broadcast.progress_message_id` holds the last milestone
 * message sent instead of a message id: 1 = started, 2 = about half way.
 */
const MILESTONE_STARTED = 1;
const MILESTONE_HALF = 2;

/**
 * Keeps each broadcast's status and its officer's progress message up to date. Every step is a
 * conditional UPDATE, so with several dispatcher instances exactly one of them sends the first
 * message, one edits per interval, and one writes the summary. On a channel that cannot edit
 * (`sender.canEdit` false) the live message becomes three milestone messages: started, about half
 * way, and the summary.
 *
 * Progress and summary messages are the bot speaking to the officer about their own action; they
 * go straight through the sender (not the outbox) but still take a slot of the global rate.
 */
export class ProgressReporter {
  constructor(
    private readonly deps: {
      prisma: PrismaClient;
      /** The channels' senders; the progress goes through the one of the officer's identity that is the progress chat (Telegram otherwise). */
      senders: ReadonlyMap<string, ChannelSender>;
      limiter: RateLimiter;
      logger: Logger;
      now: () => Date;
      rate: number;
      defaultLocale: string;
    },
  ) {}

  /**
   * Advances broadcasts: QUEUED → SENDING (first progress message), periodic edits, and DONE (or
   * the end of a CANCELLED one) with the summary. `ids` limits the work to broadcasts a batch
   * touched; without it, every unfinished broadcast is looked at (the idle sweep).
   */
  async refresh(ids?: number[]): Promise<void> {
    const { prisma } = this.deps;
    const broadcasts = await prisma.broadcast.findMany({
      where: { finishedAt: null, ...(ids ? { id: { in: ids } } : {}) },
      include: { createdBy: { select: { locale: true, identities: { select: { channel: true, externalId: true } } } } },
      take: 100,
    });
    for (const b of broadcasts) {
      try {
        await this.refreshOne(b);
      } catch (err) {
        this.deps.logger.warn({ err, broadcastId: b.id }, 'broadcast progress update failed');
      }
    }
  }

  private async refreshOne(b: {
    id: number;
    status: BroadcastProgress['status'];
    total: number;
    progressChatId: string | null;
    progressMessageId: number | null;
    createdBy: { locale: string; identities: { channel: string; externalId: string }[] } | null;
  }): Promise<void> {
    const { prisma } = this.deps;
    const sender = this.senderFor(b.progressChatId, b.createdBy?.identities ?? []);
    const canEdit = sender.canEdit;
    const locale = b.createdBy?.locale ?? this.deps.defaultLocale;
    const progress = await countBroadcast(this.deps.prisma, b.id, b.total, b.status);
    const wall = new Date();

    if (progress.pending === 0) {
      const won = await prisma.broadcast.updateMany({
        where: { id: b.id, finishedAt: null },
        data: { finishedAt: this.deps.now(), status: b.status === 'CANCELLED' ? 'CANCELLED' : 'DONE', progressUpdatedAt: wall },
      });
      if (won.count === 1 && b.progressChatId) {
        const summary = progressSummaryMessage({ ...progress, status: b.status });
        const current = canEdit ? await prisma.broadcast.findUnique({ where: { id: b.id }, select: { progressMessageId: true } }) : null;
        await this.show(sender, b.id, b.progressChatId, current?.progressMessageId ?? null, summary, locale);
      }
      return;
    }

    if (b.status === 'QUEUED') {
      const won = await prisma.broadcast.updateMany({
        where: { id: b.id, status: 'QUEUED' },
        data: { status: 'SENDING', progressUpdatedAt: wall },
      });
      if (won.count === 1 && b.progressChatId) {
        await this.show(sender, b.id, b.progressChatId, null, progressMessage(b.id, progress, this.deps.rate), locale);
      }
      return;
    }

    if (!canEdit) {
      // Half way: one more message, sent by whichever instance moves the milestone first.
      const people = progress.total - progress.groups.total;
      const done = progress.sent + progress.failed + progress.unreachable - progress.groups.sent;
      if (b.status !== 'SENDING' || !b.progressChatId || b.progressMessageId !== MILESTONE_STARTED || done * 2 < people) return;
      const won = await prisma.broadcast.updateMany({
        where: { id: b.id, status: 'SENDING', progressMessageId: MILESTONE_STARTED },
        data: { progressMessageId: MILESTONE_HALF, progressUpdatedAt: wall },
      });
      if (won.count === 1) await this.show(sender, b.id, b.progressChatId, null, progressMessage(b.id, progress, this.deps.rate), locale);
      return;
    }

    if (b.status === 'SENDING' && b.progressChatId && b.progressMessageId) {
      const won = await prisma.broadcast.updateMany({
        where: { id: b.id, status: 'SENDING', progressUpdatedAt: { lt: new Date(wall.getTime() - PROGRESS_EDIT_INTERVAL_MS) } },
        data: { progressUpdatedAt: wall },
      });
      if (won.count === 1) {
        await this.show(sender, b.id, b.progressChatId, b.progressMessageId, progressMessage(b.id, progress, this.deps.rate), locale);
      }
    }
  }

  /**
   * Edits the progress message in place, or sends it (first time, when the edit is impossible, and
   * always on a channel that cannot edit — there each message is a milestone).
   */
  /**
   * The channel of the progress chat: the officer's identity whose chat it is (a private chat's id is
   * the person's id on both channels), so a launch from Zalo reports on Zalo; Telegram when none is.
   */
  private senderFor(chatId: string | null, identities: { channel: string; externalId: string }[]): ChannelSender {
    const senders = this.deps.senders;
    const channel = identities.find((i) => i.externalId === chatId && senders.has(i.channel))?.channel;
    return (channel ? senders.get(channel) : undefined) ?? senders.get('TELEGRAM') ?? senders.values().next().value!;
  }

  private async show(sender: ChannelSender, broadcastId: number, chatId: string, messageId: number | null, message: OutboxMessage, locale: string): Promise<void> {
    const delay = await this.deps.limiter.reserveGlobal();
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (messageId && sender.canEdit) {
      const edited = await sender.edit(chatId, messageId, message, locale);
      if (edited.kind === 'sent') return;
      if (edited.kind === 'rate_limited') {
        await this.deps.limiter.pause(edited.retryAfterMs);
        return;
      }
      this.deps.logger.warn({ broadcastId, error: 'error' in edited ? edited.error : undefined }, 'progress edit failed; sending anew');
    }
    const sent = await sender.send(chatId, message, locale);
    if (sent.kind === 'sent') {
      if (sender.canEdit) {
        await this.deps.prisma.broadcast.update({ where: { id: broadcastId }, data: { progressMessageId: Number(sent.externalMessageId) } });
      } else {
        // The first milestone marks itself; the half-way one was marked when it was claimed.
        await this.deps.prisma.broadcast.updateMany({ where: { id: broadcastId, progressMessageId: null }, data: { progressMessageId: MILESTONE_STARTED } });
      }
    } else {
      if (sent.kind === 'rate_limited') await this.deps.limiter.pause(sent.retryAfterMs);
      this.deps.logger.warn({ broadcastId, error: sent.error }, 'progress message could not be sent');
    }
  }
}
