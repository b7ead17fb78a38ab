/**
 * Đính chính / gia hạn: amending a LAUNCHED campaign (issue 12, item 3) — a later deadline or end,
 * a corrected title, slogan, description or content line, one more content line. The rule of what
 * is an amendment lives in src/domain/amendments.ts; here the use case: who may (the officers whose
 * subtree holds the campaign's owner unit, and admins — decided on the actor as they are now), the
 * change, the notice to everyone who already received the launch announcement, and the audit row,
 * all in one transaction.
 *
 * Who is told: each member with a sent (or sending) launch delivery, once, on the channel the bot
 * reaches them on now (src/services/recipients.ts), and every linked group the announcement reached.
 * Launch deliveries not sent yet are rewritten with the corrected announcement instead, so nobody
 * gets the old text followed by a correction. A later deadline is a new revision of the milestone
 * (the database bumps it): the reminders are planned again for the new date, and reminders for the
 * old date still waiting in the outbox are withdrawn.
 */
import type { Campaign, Prisma, PrismaClient } from '../generated/prisma/client.js';
import { amendedText, checkAmendment, type AmendmentChange, type AmendmentRefusal } from '../domain/amendments.js';
import { endOfLocalDay } from '../domain/dates.js';
import { amendmentMessage, type AmendmentFacts } from '../messages/amendment.js';
import { launchMessage } from '../messages/compose.js';
import type { OutboxMessage } from '../messages/types.js';
import { authorize, loadActor, type ActorRef, type Db } from './actors.js';
import { writeAudit } from './audit.js';
import type { BroadcastService } from './broadcasts.js';
import { campaignFull, type CampaignFull, type CampaignService } from './campaigns.js';
import type { OutboxItem } from './outbox.js';
import { recipientsOf } from './recipients.js';

/** The audit action of every amendment (OK and REFUSED alike). */
export const AMEND_ACTION = 'campaign.amend';

/** Why an amendment was not made. */
export type AmendFailure = AmendmentRefusal | 'not_launched' | 'out_of_scope' | 'forbidden';

/** What an officer confirms: the notice as members will read it, and whom it reaches. */
export type AmendPreview =
  | { ok: true; message: OutboxMessage; members: number; groups: number }
  | { ok: false; reason: AmendFailure };

export type AmendResult =
  | {
      ok: true;
      members: number;
      groups: number;
      broadcastId: number | null;
      /** The same confirmation arrived again (a retry): nothing was changed or sent twice. */
      repeated: boolean;
    }
  | { ok: false; reason: AmendFailure };

export class AmendmentService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly deps: {
      campaigns: CampaignService;
      broadcasts: BroadcastService;
      now: () => Date;
      /** After a date changed: reminders are re-planned (ReminderService.onCampaignChanged). */
      onDatesChanged?: (campaignId: number) => Promise<unknown>;
    },
  ) {}

  /** Launched campaigns the officer may amend (admins: all), newest first. */
  async amendable(actor: ActorRef): Promise<Campaign[]> {
    const list = await this.deps.campaigns.listForOfficer(actor);
    return list.filter((c) => c.status === 'LAUNCHED' && !c.archivedAt);
  }

  /**
   * Opens a campaign for amending: the officer's right to it (a refusal audited under
   * `campaign.amend`) and that it is launched.
   */
  async open(campaignId: number, actor: ActorRef): Promise<{ ok: true; campaign: CampaignFull } | { ok: false; reason: 'not_found' | AmendFailure }> {
    const r = await this.deps.campaigns.forManager(campaignId, actor, AMEND_ACTION);
    if (!r.ok) return r;
    if (r.campaign.status !== 'LAUNCHED' || r.campaign.archivedAt) return { ok: false, reason: 'not_launched' };
    return r;
  }

  /** Whether `change` is an amendment of the campaign as it is now (for a flow to re-ask early). */
  async check(campaignId: number, change: AmendmentChange): Promise<{ ok: true } | { ok: false; reason: AmendmentRefusal | 'not_launched' }> {
    const c = await this.prisma.campaign.findUnique({ where: { id: campaignId }, include: campaignFull });
    if (!c || c.status !== 'LAUNCHED' || c.archivedAt) return { ok: false, reason: 'not_launched' };
    return checkAmendment(c, change, this.deps.now());
  }

  /** The notice and its reach, before anything is changed (the officer's confirmation screen). */
  async preview(campaignId: number, actor: ActorRef, change: AmendmentChange): Promise<AmendPreview> {
    const opened = await this.open(campaignId, actor);
    if (!opened.ok) return { ok: false, reason: opened.reason === 'not_found' ? 'not_launched' : opened.reason };
    const checked = checkAmendment(opened.campaign, change, this.deps.now());
    if (!checked.ok) {
      // An attempt to shorten a deadline (or the like) is on record even though the flow re-asks.
      const who = await loadActor(this.prisma, actor);
      await writeAudit(this.prisma, {
        actorId: who?.id ?? null,
        actorRef: who?.ref ?? null,
        action: AMEND_ACTION,
        outcome: 'REFUSED',
        target: `campaign:${campaignId}`,
        details: { reason: checked.reason, stage: 'preview', ...describe(change) },
      });
      return checked;
    }
    const [members, groups] = await Promise.all([this.toldMembers(this.prisma, campaignId), this.toldGroups(this.prisma, campaignId)]);
    const reachable = await recipientsOf(this.prisma, members);
    return { ok: true, message: amendmentMessage(factsOf(opened.campaign, change)), members: reachable.size, groups: groups.length };
  }

  /**
   * Makes the amendment and queues its notice, in one transaction with its audit row. `nonce`
   * identifies one confirmation: the same nonce again (a retried answer) changes and sends nothing.
   */
  async amend(input: { campaignId: number; actor: ActorRef; change: AmendmentChange; nonce: string; progressChatId: string | null }): Promise<AmendResult> {
    const { campaignId, change } = input;
    const result = await this.prisma.$transaction(
      async (tx): Promise<AmendResult> => {
        const c = await tx.campaign.findUnique({ where: { id: campaignId }, include: campaignFull });
        const target = `campaign:${campaignId}`;
        const path = c?.ownerUnitId ? ((await tx.unit.findUnique({ where: { id: c.ownerUnitId }, select: { path: true } }))?.path ?? null) : null;
        const who = await authorize(tx, input.actor, { action: AMEND_ACTION, need: 'OFFICER', target, path, details: { kind: change.kind } });
        if (!who.ok) return { ok: false, reason: who.reason };
        const base = { actorId: who.actor.id, actorRef: who.actor.ref, action: AMEND_ACTION, target };
        const earlier = await tx.auditLog.findFirst({
          where: { action: AMEND_ACTION, target, outcome: 'OK', details: { path: ['nonce'], equals: input.nonce } },
          select: { details: true },
        });
        if (earlier) {
          const d = earlier.details as { members?: number; groups?: number; broadcastId?: number | null };
          return { ok: true, members: d.members ?? 0, groups: d.groups ?? 0, broadcastId: d.broadcastId ?? null, repeated: true };
        }
        const refuse = async (reason: AmendFailure): Promise<AmendResult> => {
          await writeAudit(tx, { ...base, outcome: 'REFUSED', details: { reason, ...describe(change) } });
          return { ok: false, reason };
        };
        if (!c || c.status !== 'LAUNCHED' || c.archivedAt) return refuse('not_launched');
        const checked = checkAmendment(c, change, this.deps.now());
        if (!checked.ok) return refuse(checked.reason);

        const facts = factsOf(c, change);
        await this.apply(tx, c, change);
        const after = await tx.campaign.findUniqueOrThrow({ where: { id: campaignId }, include: campaignFull });
        // Not reached yet: they will read the corrected announcement, and need no correction.
        const rewritten = await tx.delivery.updateMany({
          where: { status: 'PENDING', broadcast: { campaignId, kind: 'LAUNCH' } },
          data: { payload: launchMessage(after) as unknown as Prisma.InputJsonValue },
        });
        const withdrawn = change.kind === 'deadline' ? await withdrawQueuedReminders(tx, change.milestoneId) : 0;
        const items = await this.noticeItems(tx, campaignId, amendmentMessage(facts), `amend:${campaignId}:${input.nonce}`);
        const started = items.items.length
          ? await this.deps.broadcasts.start({ kind: 'NOTICE', campaignId, createdById: who.actor.id, progressChatId: input.progressChatId, items: items.items }, tx)
          : null;
        const broadcastId = started?.broadcastId ?? null;
        await writeAudit(tx, {
          ...base,
          details: {
            nonce: input.nonce,
            ...describe(change),
            from: facts.from,
            to: facts.to,
            members: items.members,
            groups: items.groups,
            broadcastId,
            announcementsRewritten: rewritten.count,
            remindersWithdrawn: withdrawn,
          },
        });
        return { ok: true, members: items.members, groups: items.groups, broadcastId, repeated: false };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    if (result.ok && !result.repeated && (change.kind === 'deadline' || change.kind === 'end')) await this.deps.onDatesChanged?.(campaignId);
    return result;
  }

  private async apply(tx: Prisma.TransactionClient, c: CampaignFull, change: AmendmentChange): Promise<void> {
    switch (change.kind) {
      case 'deadline':
        // The trigger raises the milestone's revision; its summary is owed again after the new date.
        await tx.milestone.update({ where: { id: change.milestoneId }, data: { dueAt: change.dueAt, summaryQueuedAt: null } });
        return;
      case 'end':
        await tx.campaign.update({ where: { id: c.id }, data: { endsAt: endOfLocalDay(change.endsAt) } });
        return;
      case 'title':
      case 'slogan':
      case 'description':
        await tx.campaign.update({ where: { id: c.id }, data: { [change.kind]: amendedText(change.text) } });
        return;
      case 'line':
        await tx.criterion.update({ where: { id: change.criterionId }, data: { title: amendedText(change.text) } });
        return;
      case 'add-line': {
        const codes = new Set(c.criteria.map((x) => x.code));
        let n = c.criteria.length + 1;
        while (codes.has(`BS${n}`)) n++;
        const position = Math.max(-1, ...c.criteria.map((x) => x.position)) + 1;
        await tx.criterion.create({
          data: {
            campaignId: c.id,
            code: `BS${n}`,
            title: amendedText(change.title),
            measure: change.measure,
            unitOfMeasure: change.measure === 'NUMBER' && change.unit ? amendedText(change.unit) : null,
            position,
          },
        });
        return;
      }
    }
  }

  /** Members (not left) to whom the launch announcement was sent, or is being sent. */
  private async toldMembers(db: Db, campaignId: number): Promise<number[]> {
    const rows = await db.$queryRaw<Array<{ member_id: number }>>`
      SELECT DISTINCT d.member_id FROM delivery d
      JOIN broadcast b ON b.id = d.broadcast_id
      JOIN member mem ON mem.id = d.member_id
      WHERE b.campaign_id = ${campaignId} AND b.kind = 'LAUNCH' AND d.status IN ('SENT', 'SENDING') AND mem.left_at IS NULL
      ORDER BY d.member_id`;
    return rows.map((r) => r.member_id);
  }

  /** Linked groups, still active, that the launch announcement reached. */
  private async toldGroups(db: Db, campaignId: number) {
    return db.groupChat.findMany({
      where: { active: true, deliveries: { some: { status: { in: ['SENT', 'SENDING'] }, broadcast: { campaignId, kind: 'LAUNCH' } } } },
      orderBy: { id: 'asc' },
    });
  }

  /** One notice per told member (on their channel now) and per told group. */
  private async noticeItems(db: Db, campaignId: number, message: OutboxMessage, key: string): Promise<{ items: OutboxItem[]; members: number; groups: number }> {
    const members = await this.toldMembers(db, campaignId);
    const groups = await this.toldGroups(db, campaignId);
    const to = await recipientsOf(db, members);
    const items: OutboxItem[] = [
      ...members.filter((id) => to.has(id)).map((id) => ({ ...to.get(id)!, memberId: id, message, dedupeKey: `${key}:m:${id}` })),
      ...groups.map((g) => ({ channel: g.channel, chatId: g.chatId, groupChatId: g.id, message, dedupeKey: `${key}:g:${g.id}` })),
    ];
    return { items, members: to.size, groups: groups.length };
  }
}

/**
 * Reminders for a milestone's old date already in the outbox but not sent: withdrawn (unless the
 * merged message also carries another milestone's reminder, which is still right).
 */
async function withdrawQueuedReminders(tx: Prisma.TransactionClient, milestoneId: number): Promise<number> {
  return tx.$executeRaw`
    UPDATE delivery d SET status = 'CANCELLED'
    WHERE d.status = 'PENDING'
      AND EXISTS (SELECT 1 FROM reminder r WHERE r.delivery_id = d.id AND r.milestone_id = ${milestoneId})
      AND NOT EXISTS (SELECT 1 FROM reminder r WHERE r.delivery_id = d.id AND r.milestone_id <> ${milestoneId})`;
}

/** The change's identity for the audit log (ids and kind; texts go in from/to). */
function describe(change: AmendmentChange): Record<string, string | number> {
  switch (change.kind) {
    case 'deadline':
      return { kind: change.kind, milestoneId: change.milestoneId };
    case 'line':
      return { kind: change.kind, criterionId: change.criterionId };
    case 'add-line':
      return { kind: change.kind, measure: change.measure };
    default:
      return { kind: change.kind };
  }
}

/** What the notice says changed: before and after, on the campaign as it is before the change. */
export function factsOf(c: CampaignFull, change: AmendmentChange): AmendmentFacts {
  const base = { kind: change.kind, campaignCode: c.code, title: c.title };
  switch (change.kind) {
    case 'deadline': {
      const m = c.milestones.find((x) => x.id === change.milestoneId);
      return { ...base, milestoneKind: m?.kind ?? 'CUSTOM', milestoneTitle: m?.title ?? null, from: m ? m.dueAt.toISOString() : null, to: change.dueAt.toISOString() };
    }
    case 'end':
      return { ...base, from: c.endsAt.toISOString(), to: endOfLocalDay(change.endsAt).toISOString() };
    case 'title':
      return { ...base, title: amendedText(change.text), from: c.title, to: amendedText(change.text) };
    case 'slogan':
    case 'description':
      return { ...base, from: c[change.kind], to: amendedText(change.text) };
    case 'line':
      return { ...base, from: c.criteria.find((x) => x.id === change.criterionId)?.title ?? null, to: amendedText(change.text) };
    case 'add-line':
      return { ...base, from: null, to: amendedText(change.title) };
  }
}
