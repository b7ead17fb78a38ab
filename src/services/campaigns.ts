import type { Campaign, Milestone, Prisma, PrismaClient } from '../generated/prisma/client.js';
import { campaignFileSchema, parseCampaignFile, type CampaignDraft, type CampaignFileError } from '../domain/campaign-file.js';
import { endOfLocalDay, parseDate, startOfLocalDay } from '../domain/dates.js';
import { draftAsFile, reviseFile, type DraftRevision, type RevisionRefusal } from '../domain/draft-revision.js';
import type { OutboxItem, OutboxMessage } from './outbox.js';
import { followUpMessage, launchMessage } from '../messages/compose.js';
import type { OutboxAttachment } from '../messages/types.js';
import type { BroadcastService } from './broadcasts.js';
import type { AuditService } from './audit.js';
import { authorize, loadActor, manages, type ActorRef, type AuthRefusal, type CurrentActor, type Db } from './actors.js';
import { writeAudit } from './audit.js';
import { recipientsOf } from './recipients.js';
import { audienceUnitsSql, inAudienceSql } from '../db/audience.js';
import { Prisma as P } from '../generated/prisma/client.js';
import { inSubtree, subtreeFilter } from '../domain/scope.js';

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

/** Result of {@link CampaignService.reviseDraft}: the draft changed, or why not (`invalid`: the file rules' problems). */
export type ReviseResult =
  | { ok: true; campaign: Campaign }
  | { ok: false; reason: CampaignChangeRefusal | RevisionRefusal | 'ends_before_starts' }
  | { ok: false; reason: 'invalid'; errors: CampaignFileError[] };

/** The end day comes after the start day: a drive lasts at least until the day after it starts. */
export function endsAfterStart(startsAt: Date, endsAt: Date): boolean {
  return startOfLocalDay(endsAt).getTime() > startOfLocalDay(startsAt).getTime();
}

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
    /** The caller's transaction (a use case that audits with the change); a code clash then throws P2002. */
    tx?: Prisma.TransactionClient,
  ): Promise<CreateCampaignResult> {
    const db: Db = tx ?? this.prisma;
    // One after the other: inside a transaction both would go to its one connection at once.
    const units = await db.unit.findMany({ where: { code: { in: draft.audience.units } } });
    const groups = await db.emulationGroup.findMany({ where: { code: { in: draft.audience.groups } } });
    const missing = [
      ...draft.audience.units.filter((c) => !units.some((u) => u.code === c)),
      ...draft.audience.groups.filter((c) => !groups.some((g) => g.code === c)),
    ];
    if (missing.length > 0) return { ok: false, reason: 'audience_unknown', codes: missing };
    const audienceUnitIds = units.length === 0 && groups.length === 0 && opts.ownerUnitId ? [opts.ownerUnitId] : units.map((u) => u.id);
    if (tx) {
      if (opts.replaceId) await tx.campaign.delete({ where: { id: opts.replaceId } });
      return { ok: true, campaign: await this.insertDraft(tx, draft, opts, audienceUnitIds, groups.map((g) => g.id)) };
    }
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
    await this.insertParts(tx, c.id, draft);
    if (audienceUnitIds.length > 0) {
      await tx.campaignAudienceUnit.createMany({ data: audienceUnitIds.map((unitId) => ({ campaignId: c.id, unitId })) });
    }
    if (groupIds.length > 0) {
      await tx.campaignAudienceGroup.createMany({ data: groupIds.map((groupId) => ({ campaignId: c.id, groupId })) });
    }
    return c;
  }

  /** A draft's content lines (with their tree), titles and milestones, stored under campaign `campaignId`. */
  private async insertParts(tx: Prisma.TransactionClient, campaignId: number, draft: CampaignDraft): Promise<void> {
    const c = { id: campaignId };
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
  }

  /**
   * Unit ids in a campaign's audience: each audience unit with its subtree, plus every unit of an
   * audience khối/cụm with their subtrees.
   */
  async audienceUnitIds(campaignId: number, db: Db = this.prisma): Promise<number[]> {
    const rows = await db.$queryRaw<Array<{ unit_id: number }>>`${audienceUnitsSql(campaignId)}`;
    return rows.map((r) => r.unit_id);
  }

  /** Members of the audience who have joined through a channel and have not left. */
  async audienceMembers(campaignId: number, db: Db = this.prisma) {
    const unitIds = await this.audienceUnitIds(campaignId, db);
    return db.member.findMany({
      // Only those the bot can write to (a reachable channel identity: src/services/recipients.ts).
      where: { unitId: { in: unitIds }, leftAt: null, fullName: { not: null }, identities: { some: { reachable: true } } },
      orderBy: { id: 'asc' },
    });
  }

  /** Launched (not closed/archived) campaigns whose audience includes the unit. */
  async activeForUnit(unitId: number) {
    const open = await this.prisma.$queryRaw<Array<{ id: number }>>`
      SELECT id FROM campaign WHERE status = 'LAUNCHED' AND archived_at IS NULL AND ${inAudienceSql(P.sql`id`, unitId)}`;
    if (open.length === 0) return [];
    return this.prisma.campaign.findMany({
      where: { id: { in: open.map((c) => c.id) } },
      include: campaignFull,
      orderBy: { startsAt: 'desc' },
    });
  }

  // ---- Scope --------------------------------------------------------------------------------

  /**
   * The path whose subtree manages a campaign: its owner unit's path, null for a campaign without an
   * owner unit (the admins').
   */
  private async ownerPath(db: Db, campaign: Pick<Campaign, 'ownerUnitId'>): Promise<string | null> {
    if (!campaign.ownerUnitId) return null;
    return (await db.unit.findUnique({ where: { id: campaign.ownerUnitId }, select: { path: true } }))?.path ?? null;
  }

  /**
   * Opens a campaign for an officer's screen or button (view, edit, launch preview, announce…):
   * the use case decides — role and scope as they are now — and audits a refusal under `action`.
   *
   * @example const r = await services.campaigns.forManager(id, { id: member.id }, 'campaign.view');
   */
  async forManager(
    campaignId: number,
    actor: Actor,
    action: string,
  ): Promise<{ ok: true; campaign: CampaignFull } | { ok: false; reason: 'not_found' | AuthRefusal }> {
    const campaign = await this.byId(campaignId);
    if (!campaign) return { ok: false, reason: 'not_found' };
    const who = await authorize(this.prisma, actor, {
      action,
      need: 'OFFICER',
      target: `campaign:${campaignId}`,
      path: await this.ownerPath(this.prisma, campaign),
    });
    return who.ok ? { ok: true, campaign } : { ok: false, reason: who.reason };
  }

  /**
   * Runs a change to one campaign as a use case: in one transaction, re-reads the actor, checks role
   * and scope (refusals audited under `action`), runs `change`, and writes its OK row — or, when
   * `change` refuses, a REFUSED row with the reason. Every life-cycle change goes through here.
   */
  private async changeCampaign<R extends { ok: true } | { ok: false; reason: string }>(
    campaignId: number,
    actor: Actor,
    action: string,
    change: (tx: Prisma.TransactionClient, c: Campaign, who: CurrentActor) => Promise<R | { ok: false; reason: 'out_of_scope' }>,
    details: (r: Extract<R, { ok: true }>) => Prisma.InputJsonValue = () => ({}),
    /** The audit target when it is not the campaign itself ("milestone:7"). */
    auditTarget?: string,
  ): Promise<R | { ok: false; reason: 'not_found' | 'out_of_scope' }> {
    return this.prisma.$transaction(
      async (tx) => {
        const c = await tx.campaign.findUnique({ where: { id: campaignId } });
        if (!c) return { ok: false as const, reason: 'not_found' as const };
        const target = auditTarget ?? `campaign:${c.id}`;
        const who = await authorize(tx, actor, { action, need: 'OFFICER', target, path: await this.ownerPath(tx, c) });
        // A revoked officer and one outside the subtree get the same answer: not theirs to manage.
        if (!who.ok) return { ok: false as const, reason: 'out_of_scope' as const };
        const r = await change(tx, c, who.actor);
        const base = { actorId: who.actor.id, actorRef: who.actor.ref, action, target };
        if (r.ok) await writeAudit(tx, { ...base, details: details(r as Extract<R, { ok: true }>) });
        else await writeAudit(tx, { ...base, outcome: 'REFUSED', details: { reason: r.reason } });
        return r;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }

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
   * Audited as `campaign.import` (the file's name in the details), refusals and bad files included.
   */
  async importFile(input: { text: string; format: 'yaml' | 'json'; actor: Actor; code?: string; fileName?: string }): Promise<ImportCampaignResult> {
    const file: Record<string, string> = input.fileName !== undefined ? { file: input.fileName } : {};
    const parsed = parseCampaignFile(input.text, input.format, this.now());
    let result: ImportCampaignResult;
    if (!parsed.ok) result = { ok: false, reason: 'invalid', errors: parsed.errors };
    else if (input.code !== undefined && !campaignFileSchema.shape.code.safeParse(input.code).success) result = { ok: false, reason: 'code_invalid', code: input.code };
    else {
      if (input.code !== undefined) parsed.campaign.code = input.code;
      const saved = await this.importDraft(parsed.campaign, input.actor, input.text, { action: 'campaign.import', details: file });
      return saved.ok ? { ...saved, warnings: parsed.warnings } : saved;
    }
    // The file was refused before any permission question: the refusal is still on record.
    const current = await loadActor(this.prisma, input.actor);
    await writeAudit(this.prisma, {
      actorId: current?.id ?? null,
      actorRef: current?.ref ?? null,
      action: 'campaign.import',
      outcome: 'REFUSED',
      details: { ...file, reason: result.reason },
    });
    return result;
  }

  /**
   * Stores a validated draft (file or chat wizard) for an officer; see {@link importFile}. The
   * check, the save and the audit row (`campaign.create` for the wizard, `campaign.import` for a
   * file; OK or REFUSED) are one transaction, so an officer revoked while the wizard was open saves
   * nothing.
   */
  async importDraft(
    draft: CampaignDraft,
    actor: Actor,
    source: string | null,
    opts: { action?: 'campaign.create' | 'campaign.import'; details?: Record<string, string> } = {},
  ): Promise<ImportCampaignResult> {
    const action = opts.action ?? 'campaign.create';
    const facts = { code: draft.code, ...(opts.details ?? {}) };
    try {
      return await this.prisma.$transaction(
        async (tx): Promise<ImportCampaignResult> => {
          // Revoked between opening the wizard (or the upload prompt) and saving: refused now.
          const who = await authorize(tx, actor, { action, need: 'OFFICER', details: facts });
          if (!who.ok) return { ok: false, reason: 'not_officer' };
          const current = who.actor;
          const base = { actorId: current.id, actorRef: current.ref, action };
          const refuse = async <F extends Extract<ImportCampaignResult, { ok: false }>>(r: F): Promise<F> => {
            await writeAudit(tx, { ...base, outcome: 'REFUSED', details: { ...facts, reason: r.reason } });
            return r;
          };
          const path = current.role === 'ADMIN' ? null : current.unitPath;
          if (current.role !== 'ADMIN' && !path) return refuse({ ok: false, reason: 'officer_without_unit' });
          if (path) {
            const outside = await this.audienceOutside(tx, draft, path);
            if (outside.length > 0) return refuse({ ok: false, reason: 'audience_out_of_scope', codes: outside });
          }
          const existing = await tx.campaign.findUnique({ where: { code: draft.code } });
          let replaceId: number | undefined;
          if (existing) {
            const mine = current.role === 'ADMIN' || manages(current, await this.ownerPath(tx, existing));
            if (existing.status !== 'DRAFT' || existing.archivedAt || !mine) return refuse({ ok: false, reason: 'code_taken', code: draft.code });
            replaceId = existing.id;
          }
          const created = await this.createFromDraft(
            draft,
            { ownerUnitId: current.unitId ?? null, createdById: current.id, source, ...(replaceId ? { replaceId } : {}) },
            tx,
          );
          if (!created.ok) return refuse(created);
          const replaced = replaceId !== undefined;
          await writeAudit(tx, { ...base, target: `campaign:${created.campaign.id}`, details: { ...facts, replaced } });
          return { ok: true, campaign: created.campaign, replaced, warnings: [] };
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
    } catch (e) {
      if ((e as { code?: string }).code !== 'P2002') throw e;
      // Another save took the code meanwhile; the transaction rolled back, the refusal is recorded alone.
      await writeAudit(this.prisma, { actorId: actor.id, action, outcome: 'REFUSED', details: { ...facts, reason: 'code_taken' } });
      return { ok: false, reason: 'code_taken', code: draft.code };
    }
  }

  /** Audience codes of a draft that fall outside the subtree at `path` (a khối/cụm counts when any of its units does). */
  private async audienceOutside(db: Db, draft: CampaignDraft, path: string): Promise<string[]> {
    // Sequential: `db` may be a transaction (one connection).
    const units = await db.unit.findMany({ where: { code: { in: draft.audience.units } }, select: { code: true, path: true } });
    const groups = await db.emulationGroup.findMany({ where: { code: { in: draft.audience.groups } }, include: { units: { select: { path: true } } } });
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
    const fields = Object.keys(edit);
    return this.changeCampaign(
      campaignId,
      actor,
      'campaign.edit',
      async (tx, c): Promise<EditResult> => {
        if (c.status !== 'DRAFT') return { ok: false, reason: 'not_draft' };
        const milestones = await tx.milestone.findMany({ where: { campaignId }, select: { dueAt: true } });
        const startsAt = edit.startsAt ?? c.startsAt;
        const endsAt = edit.endsAt ? endOfLocalDay(edit.endsAt) : c.endsAt;
        // The end day must come after the start day (the same rule as the wizard's).
        if (!endsAfterStart(startsAt, endsAt)) return { ok: false, reason: 'ends_before_starts' };
        if (milestones.some((m) => m.dueAt < startsAt || m.dueAt > endsAt)) return { ok: false, reason: 'milestone_outside_period' };
        if (edit.title !== undefined && !campaignFileSchema.shape.title.safeParse(edit.title).success) return { ok: false, reason: 'text_invalid' };
        if (edit.slogan && !campaignFileSchema.shape.slogan.safeParse(edit.slogan).success) return { ok: false, reason: 'text_invalid' };
        const campaign = await tx.campaign.update({
          where: { id: campaignId },
          data: {
            ...(edit.title !== undefined ? { title: edit.title.normalize('NFC').trim() } : {}),
            ...(edit.slogan !== undefined ? { slogan: edit.slogan?.normalize('NFC').trim() || null } : {}),
            startsAt,
            endsAt,
          },
        });
        return { ok: true, campaign };
      },
      () => ({ fields }),
    );
  }

  /**
   * Sửa một mục của bản nháp: any field of a DRAFT — title, slogan, issuer, description, kind, period,
   * titles, one content line or one milestone (a repeated series as a whole) — changed in place. The
   * draft is written back as its campaign file, the change applied, the file checked by the upload
   * rules (`parseCampaignFile`), then the campaign row updated and its lines, titles and milestones
   * rewritten under the same id (a draft has no registrations or reminders yet). Checked and audited
   * (`campaign.edit`, the field in the details) in one transaction.
   */
  async reviseDraft(campaignId: number, actor: Actor, revision: DraftRevision): Promise<ReviseResult> {
    return this.changeCampaign(
      campaignId,
      actor,
      'campaign.edit',
      async (tx, c): Promise<ReviseResult> => {
        if (c.status !== 'DRAFT' || c.archivedAt) return { ok: false, reason: 'not_draft' };
        const full = await tx.campaign.findUniqueOrThrow({ where: { id: campaignId }, include: campaignFull });
        const revised = reviseFile(draftAsFile(full), revision);
        if (!revised.ok) return { ok: false, reason: revised.reason };
        // The period first: an end on the start day is told as such, not as every milestone now outside it.
        const [starts, ends] = [parseDate(revised.file.starts, new Date(0)), parseDate(revised.file.ends, new Date(0))];
        if (starts.ok && ends.ok && !endsAfterStart(starts.date, ends.date)) return { ok: false, reason: 'ends_before_starts' };
        const parsed = parseCampaignFile(JSON.stringify(revised.file), 'json');
        if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };
        const d = parsed.campaign;
        if (!endsAfterStart(d.startsAt, d.endsAt)) return { ok: false, reason: 'ends_before_starts' };
        const campaign = await tx.campaign.update({
          where: { id: campaignId },
          data: { title: d.title, slogan: d.slogan, issuer: d.issuer, description: d.description, kind: d.kind, startsAt: d.startsAt, endsAt: d.endsAt },
        });
        await tx.criterion.deleteMany({ where: { campaignId } });
        await tx.campaignTitle.deleteMany({ where: { campaignId } });
        await tx.milestone.deleteMany({ where: { campaignId } });
        await this.insertParts(tx, campaignId, d);
        return { ok: true, campaign };
      },
      () => ({ field: revision.field, ...('index' in revision ? { index: revision.index } : {}) }),
    );
  }

  /**
   * Dời hạn: moves a milestone's deadline (a DRAFT's or a LAUNCHED campaign's) within the campaign
   * period and not into the past. The move is a new revision of the milestone (the database bumps
   * it whenever `due_at` changes), so the reminders are planned again for the new date even if
   * those for the old date already went out; pending ones for the old date are withdrawn.
   * Audited in the same transaction as the move.
   */
  async moveMilestone(input: { milestoneId: number; dueAt: Date; actor: Actor }): Promise<MoveMilestoneResult> {
    const m = await this.prisma.milestone.findUnique({ where: { id: input.milestoneId } });
    if (!m) return { ok: false, reason: 'not_found' };
    const r = await this.changeCampaign(
      m.campaignId,
      input.actor,
      'milestone.move',
      async (tx, c): Promise<MoveMilestoneResult> => {
        if (c.status === 'CLOSED' || c.archivedAt) return { ok: false, reason: 'not_launched' };
        if (input.dueAt < c.startsAt || input.dueAt > c.endsAt) return { ok: false, reason: 'milestone_outside_period' };
        if (input.dueAt.getTime() <= this.now().getTime()) return { ok: false, reason: 'due_in_past' };
        return { ok: true, milestone: await tx.milestone.update({ where: { id: m.id }, data: { dueAt: input.dueAt } }) };
      },
      (r) => ({ campaignId: m.campaignId, from: m.dueAt.toISOString(), to: input.dueAt.toISOString(), revision: r.milestone.revision }),
      `milestone:${m.id}`,
    );
    if (r.ok) await this.deps.onChanged?.(m.campaignId);
    return r;
  }

  // ---- Audience -----------------------------------------------------------------------------

  /** Linked, active group chats of the audience units (they receive launches and announcements too). */
  async audienceGroupChats(campaignId: number, db: Db = this.prisma) {
    const unitIds = await this.audienceUnitIds(campaignId, db);
    return db.groupChat.findMany({ where: { unitId: { in: unitIds }, active: true }, orderBy: { id: 'asc' } });
  }

  /** How many members and linked groups a launch would reach. */
  async audienceCount(campaignId: number): Promise<{ members: number; groups: number }> {
    const [members, groups] = await Promise.all([this.audienceMembers(campaignId), this.audienceGroupChats(campaignId)]);
    return { members: members.length, groups: groups.length };
  }

  /**
   * Outbox rows for every audience member and every linked group: one message (data), rendered
   * for each recipient in their language when it is sent. Launches, follow-ups and the honour roll
   * (services/honours.ts) all reach the audience through here.
   */
  async audienceItems(
    db: Db,
    campaignId: number,
    message: OutboxMessage,
    key: string,
  ): Promise<{ items: OutboxItem[]; members: number; groups: number }> {
    // Read through the use case's transaction: the embedded database has a single connection.
    const members = await this.audienceMembers(campaignId, db);
    const groups = await this.audienceGroupChats(campaignId, db);
    const to = await recipientsOf(db, members.map((m) => m.id));
    const reachable = members.filter((m) => to.has(m.id));
    const items: OutboxItem[] = [
      ...reachable.map((m) => ({
        ...to.get(m.id)!,
        memberId: m.id,
        message,
        dedupeKey: `${key}:m:${m.id}`,
      })),
      ...groups.map((g) => ({
        channel: g.channel,
        chatId: g.chatId,
        groupChatId: g.id,
        message,
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
  async launch(input: { campaignId: number; actor: Actor; progressChatId: string | null }): Promise<LaunchResult> {
    // The status change, the deliveries and the audit row commit together: a failure launches nothing.
    return this.changeCampaign(
      input.campaignId,
      input.actor,
      'campaign.launch',
      async (tx, c, who): Promise<LaunchResult> => {
        const moved = await tx.campaign.updateMany({
          where: { id: c.id, status: 'DRAFT', archivedAt: null },
          data: { status: 'LAUNCHED', launchedAt: this.now() },
        });
        if (moved.count === 0) return { ok: false, reason: 'not_draft' };
        const full = await tx.campaign.findUniqueOrThrow({ where: { id: c.id }, include: campaignFull });
        const { items, members, groups } = await this.audienceItems(tx, c.id, launchMessage(full), `launch:${c.id}`);
        const started = await this.broadcasts().start({ kind: 'LAUNCH', campaignId: c.id, createdById: who.id, progressChatId: input.progressChatId, items }, tx);
        return { ok: true, ...started, members, groups };
      },
      (r) => ({ members: r.members, groups: r.groups, broadcastId: r.broadcastId }),
    );
  }

  /**
   * A follow-up announcement (tin bổ sung) to the launched campaign's audience. `nonce` makes the
   * dedupe keys unique per announcement and identical on a retry of the same confirmation.
   */
  async announce(input: {
    campaignId: number;
    actor: Actor;
    text: string;
    progressChatId: string | null;
    nonce: string;
    /** A file sent with the text (stored in the evidence store by the announce flow). */
    attachment?: OutboxAttachment | undefined;
  }): Promise<LaunchResult> {
    return this.changeCampaign(
      input.campaignId,
      input.actor,
      'campaign.announce',
      async (tx, c, who): Promise<LaunchResult> => {
        if (c.status !== 'LAUNCHED' || c.archivedAt) return { ok: false, reason: 'not_launched' };
        const { items, members, groups } = await this.audienceItems(tx, c.id, followUpMessage(c, input.text, input.attachment), `announce:${c.id}:${input.nonce}`);
        const started = await this.broadcasts().start(
          { kind: 'ANNOUNCEMENT', campaignId: c.id, createdById: who.id, progressChatId: input.progressChatId, items },
          tx,
        );
        return { ok: true, ...started, members, groups };
      },
      (r) => ({ members: r.members, groups: r.groups, broadcastId: r.broadcastId, ...(input.attachment ? { file: input.attachment.fileName ?? input.attachment.kind } : {}) }),
    );
  }

  /** Kết thúc: LAUNCHED → CLOSED (registrations and reports stop; the record stays). */
  async close(campaignId: number, actor: Actor): Promise<{ ok: true } | { ok: false; reason: CampaignChangeRefusal }> {
    const r = await this.changeCampaign(campaignId, actor, 'campaign.close', async (tx, c) => {
      const moved = await tx.campaign.updateMany({ where: { id: c.id, status: 'LAUNCHED' }, data: { status: 'CLOSED', closedAt: this.now() } });
      return moved.count === 0 ? { ok: false as const, reason: 'not_launched' as const } : { ok: true as const };
    });
    if (r.ok) await this.deps.onChanged?.(campaignId);
    return r;
  }

  /** Lưu trữ: hides a DRAFT or CLOSED campaign from lists (a LAUNCHED one must be closed first). */
  async archive(campaignId: number, actor: Actor): Promise<{ ok: true } | { ok: false; reason: CampaignChangeRefusal }> {
    const r = await this.changeCampaign(campaignId, actor, 'campaign.archive', async (tx, c) => {
      if (c.archivedAt) return { ok: false as const, reason: 'already_archived' as const };
      const moved = await tx.campaign.updateMany({ where: { id: c.id, status: { not: 'LAUNCHED' }, archivedAt: null }, data: { archivedAt: this.now() } });
      return moved.count === 0 ? { ok: false as const, reason: 'not_draft' as const } : { ok: true as const };
    });
    if (r.ok) await this.deps.onChanged?.(campaignId);
    return r;
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
