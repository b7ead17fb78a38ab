/**
 * Fixtures for reminder tests: units, members and launched campaigns created directly (the
 * flows that create them in chat are other features' tests).
 */
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import type { Services } from '../../src/services/index.js';
import type { CampaignDraft, MilestoneDraft } from '../../src/domain/campaign-file.js';
import { telegram } from './identities.js';

export function draft(code: string, title: string, milestones: Array<Pick<MilestoneDraft, 'kind' | 'dueAt' | 'remindOffsets'>>, opts: { units: string[]; startsAt: Date; endsAt: Date }): CampaignDraft {
  return {
    code,
    title,
    slogan: null,
    issuer: null,
    description: null,
    kind: 'THEMATIC',
    startsAt: opts.startsAt,
    endsAt: opts.endsAt,
    addressForm: 'Đồng chí',
    audience: { units: opts.units, groups: [] },
    titles: [],
    criteria: [],
    milestones: milestones.map((m, i) => ({ ...m, title: null, series: null, occurrence: 0, source: i, position: i })),
  };
}

/** Creates the campaign and launches it at `launchedAt`. */
export async function launchedCampaign(services: Services, d: CampaignDraft, ownerUnitId: number, launchedAt: Date) {
  const r = await services.campaigns.createFromDraft(d, { ownerUnitId });
  if (!r.ok) throw new Error(JSON.stringify(r));
  await services.prisma.campaign.update({ where: { id: r.campaign.id }, data: { status: 'LAUNCHED', launchedAt } });
  return (await services.campaigns.byId(r.campaign.id))!;
}

/** A joined member (name, unit, optional role), by Telegram id. */
export function member(prisma: PrismaClient, telegramId: number, fullName: string, unitId: number, role: 'MEMBER' | 'OFFICER' = 'MEMBER') {
  return prisma.member.create({ data: { identities: telegram(BigInt(telegramId)), fullName, nameSearch: fullName.toLowerCase(), unitId, role } });
}

/** An individual registration (what issue 4's flow writes). */
export function registration(prisma: PrismaClient, campaignId: number, memberId: number) {
  return prisma.registration.create({ data: { campaignId, memberId, scope: 'INDIVIDUAL', titleCode: 'LDTT' } });
}
