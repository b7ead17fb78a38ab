import type { Campaign, Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { CampaignDraft } from '../domain/campaign-file.js';

export type { Campaign };

export type CreateCampaignResult =
  | { ok: true; campaign: Campaign }
  | { ok: false; reason: 'code_taken'; code: string }
  | { ok: false; reason: 'audience_unknown'; codes: string[] };

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
  constructor(private readonly prisma: PrismaClient) {}

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
    opts: { ownerUnitId?: number | null; createdById?: number | null; source?: string | null } = {},
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
          if (groups.length > 0) {
            await tx.campaignAudienceGroup.createMany({ data: groups.map((g) => ({ campaignId: c.id, groupId: g.id })) });
          }
          return c;
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
      return { ok: true, campaign };
    } catch (e) {
      if ((e as { code?: string }).code === 'P2002') return { ok: false, reason: 'code_taken', code: draft.code };
      throw e;
    }
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
    const ancestorIds = unit.path.split('/').filter(Boolean).map(Number);
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
}
