import type { Campaign, Milestone, Prisma, PrismaClient } from '../generated/prisma/client.js';
import { campaignFileSchema, parseCampaignFile, type CampaignDraft, type CampaignFileError } from '../domain/campaign-file.js';
import { endOfLocalDay } from '../domain/dates.js';
import type { OutboxItem, OutboxMessage } from './outbox.js';
import type { BroadcastService } from './broadcasts.js';
import type { AuditService } from './audit.js';
import { loadActor, type ActorRef } from './actors.js';
import { inSubtree, pathIds, subtreeFilter } from '../domain/scope.js';

export type { Campaign };

export type CreateCampaignResult =
  | { ok: true; campaign: Campaign }
  | { ok: false; reason: 'code_taken'; code: string }
  | { ok: false; reason: 'audience_unknown'; codes: string[] };

/** Result of {@link CampaignService.importDraft}: a stored DRAFT, or why nothing was saved. */
export type ImportCampaignResult =
  | { ok: true; campaign: Campaign; replaced: boolean; warnings: CampaignFileError[] }
  | { ok: false; reason: 'invalid'; errors: CampaignFileError[] }
  | { ok: false; reason: 'code_taken'; code: string }
  | { ok: false; reason: 'code_invalid'; code: string }
  | { ok: false; reason: 'audience_unknown'; codes: string[] }
  | { ok: false; reason: 'audience_out_of_scope'; codes: string[] }
  | { ok: false; reason: 'officer_without_unit' }
  /** The actor is (no longer) an officer or admin. */
  | { ok: false; reason: 'not_officer' };

/**
 * Who acts on campaigns. Only the id is trusted: role and unit are re-read for every decision, so
 * an officer revoked or moved since the screen was shown is judged on what they are now.
 */
export type Actor = ActorRef;

/** Renders the message one recipient gets, in their locale (bot/ supplies it; services stay channel-free). */
export type RecipientRenderer = (locale: string) => OutboxMessage;

/** Why a state change of a campaign was refused. */
export type CampaignChangeRefusal = 'not_found' | 'not_draft' | 'not_launched' | 'out_of_scope' | 'already_archived';

export type LaunchResult =
  | { ok: true; broadcastId: number; total: number; members: number; groups: number }
  | { ok: false; reason: CampaignChangeRefusal };

/** Fields an officer may edit on a DRAFT from chat. */
export interface DraftEdit {
  title?: string;
  slogan?: string | null;
  startsAt?: Date;
  endsAt?: Date;
}

export type EditResult =
  | { ok: true; campaign: Campaign }
  | { ok: false; reason: CampaignChangeRefusal | 'ends_before_starts' | 'milestone_outside_period' | 'text_invalid' };

/** Result of {@link CampaignService.moveMilestone}. */
export type MoveMilestoneResult =
  | { ok: true; milestone: Milestone }
  | { ok: false; reason: CampaignChangeRefusal | 'milestone_outside_period' | 'due_in_past' };

/** A campaign with everything a screen about it needs. */
export const campaignFull = {
  criteria: { orderBy: { position: 'asc' } },
  titles: { orderBy: { position: 'asc' } },
  milestones: { orderBy: { dueAt: 'asc' } },
  audienceUnits: { include: { unit: true } },
  audienceGroups: { include: { group: true } },
} as const satisfies Prisma.CampaignInclude;

export type CampaignFull = Prisma.CampaignGetPayload<{ include: typeof campaignFull }>;

/**
 * Phong trào / đợt thi đua: storing a validated campaign draft, finding campaigns and their
 * audience. Authoring screens, launch and broadcasts build on these.
 */
export class CampaignService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly deps: {
      broadcasts?: BroadcastService;
      audit?: AuditService;
      now?: () => Date;
      /** Called after a campaign is launched, closed or archived (reminders re-plan or cancel). */
      onChanged?: (campaignId: number) => Promise<unknown>;
    } = {},
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  byId(id: number) {
    return this.prisma.campaign.findUnique({ where: { id }, include: campaignFull });
  }

  byCode(code: string) {
    return this.prisma.campaign.findUnique({ where: { code }, include: campaignFull });
  }

  /**
   * Stores a draft (from a file or the chat wizard) as a DRAFT campaign, in one transaction:
   * criteria (with their tree), titles, milestones (repeats already expanded) and audience. With
   * no audience in the draft, the owner unit's subtree is the audience.
   */
  async createFromDraft(
    draft: CampaignDraft,
    opts: { ownerUnitId?: number | null; createdById?: number | null; source?: string | null; replaceId?: number } = {},
  ): Promise<CreateCampaignResult> {
    const [units, groups] = await Promise.all([
      this.prisma.unit.findMany({ where: { code: { in: draft.audience.units } } }),
      this.prisma.emulationGroup.findMany({ where: { code: { in: draft.audience.groups } } }),
    ]);
    const missing = [
      ...draft.audience.units.filter((c) => !units.some((u) => u.code === c)),
      ...draft.audience.groups.filter((c) => !groups.some((g) => g.code === c)),
    ];
    if (missing.length > 0) return { ok: false, reason: 'audience_unknown', codes: missing };
    const audienceUnitIds = units.length === 0 && groups.length === 0 && opts.ownerUnitId ? [opts.ownerUnitId] : units.map((u) => u.id);
    try {
      const campaign = await this.prisma.$transaction(
        async (tx) => {
          if (opts.replaceId) await tx.campaign.delete({ where: { id: opts.replaceId } });
          return this.insertDraft(tx, draft, opts, audienceUnitIds, groups.map((g) => g.id));
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
      return { ok: true, campaign };
    } catch (e) {
      if ((e as { code?: string }).code === 'P2002') return { ok: false, reason: 'code_taken', code: draft.code };
      throw e;
    }
  }

  private async insertDraft(
    tx: Prisma.TransactionClient,
    draft: CampaignDraft,
    opts: { ownerUnitId?: number | null; createdById?: number | null; source?: string | null },
    audienceUnitIds: number[],
    groupIds: number[],
  ): Promise<Campaign> {
    const c = await tx.campaign.create({
      data: {
        code: draft.code,
        title: draft.title,
        slogan: draft.slogan,
        description: draft.description,
        issuer: draft.issuer,
        kind: draft.kind,
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
        addressForm: draft.addressForm,
        ownerUnitId: opts.ownerUnitId ?? null,
        createdById: opts.createdById ?? null,
        source: opts.source ?? null,
      },
    });
    const ids = new Map<string, number>();
    for (const cr of [...draft.criteria].sort((a, b) => a.depth - b.depth || a.position - b.position)) {
      const row = await tx.criterion.create({
        data: {
          campaignId: c.id,
          parentId: cr.parentCode ? ids.get(cr.parentCode)! : null,
          code: cr.code,
          title: cr.title,
          measure: cr.measure,
          unitOfMeasure: cr.unit,
          target: cr.target,
          position: cr.position,
        },
      });
      ids.set(cr.code, row.id);
    }
    await tx.campaignTitle.createMany({
      data: draft.titles.map((t) => ({ campaignId: c.id, code: t.code, name: t.name, scope: t.scope, custom: t.custom, position: t.position })),
    });
    await tx.milestone.createMany({
      data: draft.milestones.map((m) => ({
        campaignId: c.id,
        kind: m.kind,
        title: m.title,
        dueAt: m.dueAt,
        remindOffsets: m.remindOffsets,
        series: m.series,
        position: m.position,
      })),
    });
    if (audienceUnitIds.length > 0) {
      await tx.campaignAudienceUnit.createMany({ data: audienceUnitIds.map((unitId) => ({ campaignId: c.id, unitId })) });
    }
    if (groupIds.length > 0) {
      await tx.campaignAudienceGroup.createMany({ data: groupIds.map((groupId) => ({ campaignId: c.id, groupId })) });
    }
    return c;
  }

  /**
   * Unit ids in a campaign's audience: each audience unit with its subtree, plus every unit of an
   * audience khối/cụm with their subtrees.
   */
  async audienceUnitIds(campaignId: number): Promise<number[]> {
    const rows = await this.prisma.$queryRaw<Array<{ id: number }>>`
      SELECT DISTINCT u.id FROM unit u
      JOIN unit root ON u.path LIKE root.path || '%'
      WHERE root.id IN (SELECT unit_id FROM campaign_audience_unit WHERE campaign_id = ${campaignId})
         OR root.group_id IN (SELECT group_id FROM campaign_audience_group WHERE campaign_id = ${campaignId})`;
    return rows.map((r) => r.id);
  }

  /** Members of the audience who have joined through a channel and have not left. */
  async audienceMembers(campaignId: number) {
    const unitIds = await this.audienceUnitIds(campaignId);
    return this.prisma.member.findMany({
      where: { unitId: { in: unitIds }, leftAt: null, fullName: { not: null } },
      orderBy: { id: 'asc' },
    });
  }

  /** Launched (not closed/archived) campaigns whose audience includes the unit. */
  async activeForUnit(unitId: number) {
    const unit = await this.prisma.unit.findUnique({ where: { id: unitId } });
    if (!unit) return [];
    const ancestorIds = pathIds(unit.path);
    const ancestors = await this.prisma.unit.findMany({ where: { id: { in: ancestorIds } }, select: { groupId: true } });
    const groupIds = ancestors.map((a) => a.groupId).filter((g): g is number => g !== null);
    return this.prisma.campaign.findMany({
      where: {
        status: 'LAUNCHED',
        archivedAt: null,
        OR: [{ audienceUnits: { some: { unitId: { in: ancestorIds } } } }, { audienceGroups: { some: { groupId: { in: groupIds } } } }],
      },
      include: campaignFull,
      orderBy: { startsAt: 'desc' },
    });
  }

  // ---- Scope --------------------------------------------------------------------------------

  /**
   * The unit path the actor may act under as they are *now* (re-read): null for admins
   * (everywhere), false for members, people without a unit, and unknown ids.
   */
  private async scopePath(actor: Actor): Promise<string | null | false> {
    const current = await loadActor(this.prisma, actor);
    if (current?.role === 'ADMIN') return null;
    if (current?.role !== 'OFFICER') return false;
    return current.unitPath ?? false;
  }

  /**
   * Whether the actor may manage a campaign: admins always; officers when the campaign's owner unit
   * lies in their subtree. Campaigns without an owner unit are the admins'. Role and unit are read
   * afresh, so a revoked officer's stale buttons do nothing.
   */
  async canManage(actor: Actor, campaign: Pick<Campaign, 'ownerUnitId'>): Promise<boolean> {
    const path = await this.scopePath(actor);
    if (path === null) return true;
    if (path === false || !campaign.ownerUnitId) return false;
    const owner = await this.prisma.unit.findUnique({ where: { id: campaign.ownerUnitId }, select: { path: true } });
    return !!owner && inSubtree(owner.path, path);
  }

  /** Campaigns an officer manages (admins: all), newest first; archived ones only when asked. */
  async listForOfficer(actor: Actor, opts: { includeArchived?: boolean } = {}) {
    const path = await this.scopePath(actor);
    if (path === false) return [];
    return this.prisma.campaign.findMany({
      where: {
        ...(opts.includeArchived ? {} : { archivedAt: null }),
        ...(path === null ? {} : { ownerUnit: { path: subtreeFilter(path) } }),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 30,
    });
  }

  // ---- Authoring ----------------------------------------------------------------------------

  /**
   * Reads a campaign file and stores it as a DRAFT owned by the officer's unit — all or nothing.
   * Audience units and khối/cụm outside the officer's subtree are refused (admins may name any).
   * A code already used by a DRAFT the officer manages is a re-upload: the draft is replaced in the
   * same transaction. `code` overrides the file's code (the officer's answer to "code taken").
   */
  async importFile(input: { text: string; format: 'yaml' | 'json'; actor: Actor; code?: string }): Promise<ImportCampaignResult> {
    const parsed = parseCampaignFile(input.text, input.format, this.now());
    if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };
    const draft = parsed.campaign;
    if (input.code !== undefined) {
      if (!campaignFileSchema.shape.code.safeParse(input.code).success) return { ok: false, reason: 'code_invalid', code: input.code };
      draft.code = input.code;
    }
    const result = await this.importDraft(draft, input.actor, input.text);
    return result.ok ? { ...result, warnings: parsed.warnings } : result;
  }

  /** Stores a validated draft (file or chat wizard) for an officer; see {@link importFile}. */
  async importDraft(draft: CampaignDraft, actor: Actor, source: string | null): Promise<ImportCampaignResult> {
    const current = await loadActor(this.prisma, actor);
    if (!current || current.role === 'MEMBER') {
      // Revoked between opening the wizard (or the upload prompt) and saving: refused now.
      await this.deps.audit?.record({ actorId: actor.id, actorRef: current?.ref ?? null, action: 'campaign.create', outcome: 'REFUSED', details: { reason: 'not_officer', code: draft.code } });
      return { ok: false, reason: 'not_officer' };
    }
    const path = await this.scopePath(actor);
    if (path === false) return { ok: false, reason: 'officer_without_unit' };
    if (path !== null) {
      const outside = await this.audienceOutside(draft, path);
      if (outside.length > 0) return { ok: false, reason: 'audience_out_of_scope', codes: outside };
    }
    const existing = await this.prisma.campaign.findUnique({ where: { code: draft.code } });
    let replaceId: number | undefined;
    if (existing) {
      if (existing.status !== 'DRAFT' || existing.archivedAt || !(await this.canManage(actor, existing))) {
        return { ok: false, reason: 'code_taken', code: draft.code };
      }
      replaceId = existing.id;
    }
    const created = await this.createFromDraft(draft, {
      ownerUnitId: current.unitId ?? null,
      createdById: current.id,
      source,
      ...(replaceId ? { replaceId } : {}),
    });
    if (!created.ok) return created;
    return { ok: true, campaign: created.campaign, replaced: replaceId !== undefined, warnings: [] };
  }

  /** Audience codes of a draft that fall outside the subtree at `path` (a khối/cụm counts when any of its units does). */
  private async audienceOutside(draft: CampaignDraft, path: string): Promise<string[]> {
    const [units, groups] = await Promise.all([
      this.prisma.unit.findMany({ where: { code: { in: draft.audience.units } }, select: { code: true, path: true } }),
      this.prisma.emulationGroup.findMany({ where: { code: { in: draft.audience.groups } }, include: { units: { select: { path: true } } } }),
    ]);
    return [
      ...units.filter((u) => !inSubtree(u.path, path)).map((u) => u.code),
      ...groups.filter((g) => g.units.length === 0 || g.units.some((u) => !inSubtree(u.path, path))).map((g) => g.code),
    ];
  }

  /** A code that is free, derived from `base` ("thi-dua-quy-4", then "thi-dua-quy-4-2"…). */
  async freeCode(base: string): Promise<string> {
    const stem = base.slice(0, 34).replace(/-+$/, '') || 'phong-trao';
    for (let i = 1; i < 1000; i++) {
      const code = i === 1 ? stem : `${stem}-${i}`;
      if (!(await this.prisma.campaign.findUnique({ where: { code }, select: { id: true } }))) return code;
    }
    return `${stem}-${Date.now().toString(36)}`;
  }

  /**
   * Edits title, slogan or period of a DRAFT. A new period must still contain every milestone
   * (the same rule as files), so the campaign stays valid.
   */
  async editDraft(campaignId: number, actor: Actor, edit: DraftEdit): Promise<EditResult> {
    const c = await this.byId(campaignId);
    if (!c) return { ok: false, reason: 'not_found' };
    if (!(await this.canManage(actor, c))) return { ok: false, reason: 'out_of_scope' };
    if (c.status !== 'DRAFT') return { ok: false, reason: 'not_draft' };
    const startsAt = edit.startsAt ?? c.startsAt;
    const endsAt = edit.endsAt ? endOfLocalDay(edit.endsAt) : c.endsAt;
    if (endsAt.getTime() < startsAt.getTime()) return { ok: false, reason: 'ends_before_starts' };
    if (c.milestones.some((m) => m.dueAt < startsAt || m.dueAt > endsAt)) return { ok: false, reason: 'milestone_outside_period' };
    if (edit.title !== undefined && !campaignFileSchema.shape.title.safeParse(edit.title).success) return { ok: false, reason: 'text_invalid' };
    if (edit.slogan && !campaignFileSchema.shape.slogan.safeParse(edit.slogan).success) return { ok: false, reason: 'text_invalid' };
    const campaign = await this.prisma.campaign.update({
      where: { id: campaignId },
      data: {
        ...(edit.title !== undefined ? { title: edit.title.normalize('NFC').trim() } : {}),
        ...(edit.slogan !== undefined ? { slogan: edit.slogan?.normalize('NFC').trim() || null } : {}),
        startsAt,
        endsAt,
      },
    });
    return { ok: true, campaign };
  }

  /**
   * Dời hạn: moves a milestone's deadline (a DRAFT's or a LAUNCHED campaign's) within the campaign
   * period and not into the past. The move is a new revision of the milestone (the database bumps
   * it whenever `due_at` changes), so the reminders are planned again for the new date even if
   * those for the old date already went out; pending ones for the old date are withdrawn.
   * Audited in the same transaction as the move.
   */
  async moveMilestone(input: { milestoneId: number; dueAt: Date; actor: Actor }): Promise<MoveMilestoneResult> {
    const m = await this.prisma.milestone.findUnique({ where: { id: input.milestoneId }, include: { campaign: true } });
    if (!m) return { ok: false, reason: 'not_found' };
    const c = m.campaign;
    if (!(await this.canManage(input.actor, c))) return { ok: false, reason: 'out_of_scope' };
    if (c.status === 'CLOSED' || c.archivedAt) return { ok: false, reason: 'not_launched' };
    if (input.dueAt < c.startsAt || input.dueAt > c.endsAt) return { ok: false, reason: 'milestone_outside_period' };
    if (input.dueAt.getTime() <= this.now().getTime()) return { ok: false, reason: 'due_in_past' };
    const milestone = await this.prisma.$transaction(async (tx) => {
      const moved = await tx.milestone.update({ where: { id: m.id }, data: { dueAt: input.dueAt } });
      await this.deps.audit?.record(
        {
          actorId: input.actor.id,
          action: 'milestone.move',
          target: `milestone:${m.id}`,
          details: { campaignId: c.id, from: m.dueAt.toISOString(), to: input.dueAt.toISOString(), revision: moved.revision },
        },
        tx,
      );
      return moved;
    });
    await this.deps.onChanged?.(c.id);
    return { ok: true, milestone };
  }

  // ---- Audience -----------------------------------------------------------------------------

  /** Linked, active group chats of the audience units (they receive launches and announcements too). */
  async audienceGroupChats(campaignId: number) {
    const unitIds = await this.audienceUnitIds(campaignId);
    return this.prisma.groupChat.findMany({ where: { unitId: { in: unitIds }, active: true }, orderBy: { id: 'asc' } });
  }

  /** How many members and linked groups a launch would reach. */
  async audienceCount(campaignId: number): Promise<{ members: number; groups: number }> {
    const [members, groups] = await Promise.all([this.audienceMembers(campaignId), this.audienceGroupChats(campaignId)]);
    return { members: members.filter((m) => m.telegramId !== null).length, groups: groups.length };
  }

  /** Outbox rows for every audience member (rendered in their locale) and every linked group. */
  private async audienceItems(campaignId: number, render: RecipientRenderer, key: string, groupLocale: string): Promise<{ items: OutboxItem[]; members: number; groups: number }> {
    const [members, groups] = await Promise.all([this.audienceMembers(campaignId), this.audienceGroupChats(campaignId)]);
    const cache = new Map<string, OutboxMessage>();
    const message = (locale: string) => {
      let m = cache.get(locale);
      if (!m) cache.set(locale, (m = render(locale)));
      return m;
    };
    const reachable = members.filter((m) => m.telegramId !== null);
    const items: OutboxItem[] = [
      ...reachable.map((m) => ({
        channel: 'TELEGRAM' as const,
        chatId: m.telegramId!.toString(),
        memberId: m.id,
        message: message(m.locale),
        dedupeKey: `${key}:m:${m.id}`,
      })),
      ...groups.map((g) => ({
        channel: g.channel,
        chatId: g.chatId,
        groupChatId: g.id,
        message: message(groupLocale),
        dedupeKey: `${key}:g:${g.id}`,
      })),
    ];
    return { items, members: reachable.length, groups: groups.length };
  }

  // ---- Launch and life cycle ----------------------------------------------------------------

  /**
   * Phát động: DRAFT → LAUNCHED, then one outbox row per audience member and linked group in a
   * LAUNCH broadcast. The status change is a conditional update, so two confirmations racing
   * launch once; the dedupe keys `launch:<campaign>:m:<member>` make a repeated enqueue a no-op.
   */
  async launch(input: { campaignId: number; actor: Actor; render: RecipientRenderer; groupLocale: string; progressChatId: string | null }): Promise<LaunchResult> {
    const c = await this.prisma.campaign.findUnique({ where: { id: input.campaignId } });
    if (!c) return { ok: false, reason: 'not_found' };
    if (!(await this.canManage(input.actor, c))) return { ok: false, reason: 'out_of_scope' };
    const moved = await this.prisma.campaign.updateMany({
      where: { id: c.id, status: 'DRAFT', archivedAt: null },
      data: { status: 'LAUNCHED', launchedAt: this.now() },
    });
    if (moved.count === 0) return { ok: false, reason: 'not_draft' };
    try {
      const { items, members, groups } = await this.audienceItems(c.id, input.render, `launch:${c.id}`, input.groupLocale);
      const started = await this.broadcasts().start({
        kind: 'LAUNCH',
        campaignId: c.id,
        createdById: input.actor.id,
        progressChatId: input.progressChatId,
        items,
      });
      await this.deps.audit?.record({ actorId: input.actor.id, action: 'campaign.launch', target: `campaign:${c.id}`, details: { members, groups, broadcastId: started.broadcastId } });
      return { ok: true, ...started, members, groups };
    } catch (e) {
      await this.prisma.campaign.update({ where: { id: c.id }, data: { status: 'DRAFT', launchedAt: null } });
      throw e;
    }
  }

  /**
   * A follow-up announcement (tin bổ sung) to the launched campaign's audience. `nonce` makes the
   * dedupe keys unique per announcement and identical on a retry of the same confirmation.
   */
  async announce(input: { campaignId: number; actor: Actor; render: RecipientRenderer; groupLocale: string; progressChatId: string | null; nonce: string }): Promise<LaunchResult> {
    const c = await this.prisma.campaign.findUnique({ where: { id: input.campaignId } });
    if (!c) return { ok: false, reason: 'not_found' };
    if (!(await this.canManage(input.actor, c))) return { ok: false, reason: 'out_of_scope' };
    if (c.status !== 'LAUNCHED' || c.archivedAt) return { ok: false, reason: 'not_launched' };
    const { items, members, groups } = await this.audienceItems(c.id, input.render, `announce:${c.id}:${input.nonce}`, input.groupLocale);
    const started = await this.broadcasts().start({
      kind: 'ANNOUNCEMENT',
      campaignId: c.id,
      createdById: input.actor.id,
      progressChatId: input.progressChatId,
      items,
    });
    await this.deps.audit?.record({ actorId: input.actor.id, action: 'campaign.announce', target: `campaign:${c.id}`, details: { members, groups, broadcastId: started.broadcastId } });
    return { ok: true, ...started, members, groups };
  }

  /** Kết thúc: LAUNCHED → CLOSED (registrations and reports stop; the record stays). */
  async close(campaignId: number, actor: Actor): Promise<{ ok: true } | { ok: false; reason: CampaignChangeRefusal }> {
    const c = await this.prisma.campaign.findUnique({ where: { id: campaignId } });
    if (!c) return { ok: false, reason: 'not_found' };
    if (!(await this.canManage(actor, c))) return { ok: false, reason: 'out_of_scope' };
    const moved = await this.prisma.campaign.updateMany({ where: { id: c.id, status: 'LAUNCHED' }, data: { status: 'CLOSED', closedAt: this.now() } });
    if (moved.count === 0) return { ok: false, reason: 'not_launched' };
    await this.deps.onChanged?.(c.id);
    await this.deps.audit?.record({ actorId: actor.id, action: 'campaign.close', target: `campaign:${c.id}` });
    return { ok: true };
  }

  /** Lưu trữ: hides a DRAFT or CLOSED campaign from lists (a LAUNCHED one must be closed first). */
  async archive(campaignId: number, actor: Actor): Promise<{ ok: true } | { ok: false; reason: CampaignChangeRefusal }> {
    const c = await this.prisma.campaign.findUnique({ where: { id: campaignId } });
    if (!c) return { ok: false, reason: 'not_found' };
    if (!(await this.canManage(actor, c))) return { ok: false, reason: 'out_of_scope' };
    if (c.archivedAt) return { ok: false, reason: 'already_archived' };
    const moved = await this.prisma.campaign.updateMany({ where: { id: c.id, status: { not: 'LAUNCHED' }, archivedAt: null }, data: { archivedAt: this.now() } });
    if (moved.count === 0) return { ok: false, reason: 'not_draft' };
    await this.deps.onChanged?.(c.id);
    await this.deps.audit?.record({ actorId: actor.id, action: 'campaign.archive', target: `campaign:${c.id}` });
    return { ok: true };
  }

  /** The member's own registration in a campaign (title and status), or null when not registered. */
  myRegistration(campaignId: number, memberId: number) {
    return this.prisma.registration.findUnique({
      where: { campaignId_memberId: { campaignId, memberId } },
      select: { titleCode: true, status: true },
    });
  }

  private broadcasts(): BroadcastService {
    if (!this.deps.broadcasts) throw new Error('CampaignService needs the broadcast service to launch');
    return this.deps.broadcasts;
  }
}
