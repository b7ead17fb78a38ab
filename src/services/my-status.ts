import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { nextDeadline } from '../domain/periods.js';
import type { CampaignService } from './campaigns.js';

/** One campaign on a member's "Của tôi" screen. */
export interface MyCampaignStatus {
  campaignId: number;
  title: string;
  registrations: Array<{
    id: number;
    scope: 'INDIVIDUAL' | 'COLLECTIVE';
    unitName: string | null;
    titleCode: string;
    titleName: string | null;
    status: 'SUBMITTED' | 'RETURNED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
    returnReason: string | null;
    basis: string | null;
    initiativeTitle: string | null;
    commitments: Array<{
      line: string;
      unit: string | null;
      number: string | null;
      bool: boolean | null;
      text: string | null;
      /** What the member reported on this line so far, over all periods (each report holds its period's total; for a unit's registration: null). */
      reported: { number: string | null; yes: boolean } | null;
    }>;
  }>;
  reportsSent: number;
  reportsThisPeriod: number;
  nextDeadline: { kind: string; title: string | null; dueAt: Date } | null;
}

/**
 * "Của tôi" (My status): per open campaign of the member's unit, the registration(s) — their own
 * and, for an officer, their unit's — with commitments, what was reported against each so far
 * ("2/12 buổi"), the status, how many reports were sent, and the next deadline that is theirs: a
 * registration deadline only while they have not registered, a reporting period only while they
 * have not reported in it, a unit review only for officers.
 */
export class MyStatusService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly campaigns: CampaignService,
    private readonly now: () => Date,
  ) {}

  async forMember(memberId: number): Promise<MyCampaignStatus[]> {
    const member = await this.prisma.member.findUnique({ where: { id: memberId } });
    if (!member?.unitId) return [];
    const campaigns = await this.campaigns.activeForUnit(member.unitId);
    if (campaigns.length === 0) return [];
    const now = this.now();
    const ids = campaigns.map((c) => c.id);
    // Two reads for every campaign at once: the registrations (own, and the unit's for an officer)
    // and the member's own reports (a member sends tens of them, not thousands), counted here.
    const allRegs = await this.prisma.registration.findMany({
      where: {
        campaignId: { in: ids },
        OR: [{ memberId: member.id }, ...(member.role !== 'MEMBER' ? [{ unitId: member.unitId, scope: 'COLLECTIVE' as const }] : [])],
      },
      include: { commitments: { include: { criterion: true }, orderBy: { criterion: { position: 'asc' } } }, unit: true },
      orderBy: [{ campaignId: 'asc' }, { scope: 'asc' }],
    });
    const allReports = await this.prisma.progressReport.findMany({
      where: { campaignId: { in: ids }, memberId: member.id },
      select: { campaignId: true, criterionId: true, milestoneId: true, valueNumber: true, valueBool: true },
    });
    const out: MyCampaignStatus[] = [];
    for (const c of campaigns) {
      const regs = allRegs.filter((r) => r.campaignId === c.id);
      const reports = allReports.filter((r) => r.campaignId === c.id);
      const reportsSent = reports.length;
      const period = nextDeadline(c.milestones, now, ['PROGRESS_REPORT']);
      const reportsThisPeriod = period ? reports.filter((r) => r.milestoneId === period.id).length : 0;
      // What each line got from this member's reports (the same sum /stats counts).
      const gotBy = new Map<number, Prisma.Decimal>();
      for (const r of reports) if (r.valueNumber !== null) gotBy.set(r.criterionId, (gotBy.get(r.criterionId) ?? new Prisma.Decimal(0)).plus(r.valueNumber));
      const yesBy = new Set(reports.filter((r) => r.valueBool === true).map((r) => r.criterionId));
      const reportedIn = new Set(reports.flatMap((r) => (r.milestoneId !== null ? [r.milestoneId] : [])));
      const registered = regs.some((r) => r.scope === 'INDIVIDUAL' && r.status !== 'WITHDRAWN' && r.status !== 'RETURNED');
      const next = nextDeadline(
        c.milestones.filter((m) =>
          m.kind === 'REGISTRATION' ? !registered : m.kind === 'PROGRESS_REPORT' ? !reportedIn.has(m.id) : member.role !== 'MEMBER',
        ),
        now,
      );
      out.push({
        campaignId: c.id,
        title: c.title,
        registrations: regs.map((r) => ({
          id: r.id,
          scope: r.scope,
          unitName: r.unit?.name ?? null,
          titleCode: r.titleCode,
          titleName: c.titles.find((t) => t.code === r.titleCode)?.name ?? null,
          status: r.status,
          returnReason: r.returnReason,
          basis: r.basis,
          initiativeTitle: r.initiativeTitle,
          commitments: r.commitments.map((cm) => ({
            line: cm.criterion.title,
            unit: cm.criterion.unitOfMeasure,
            number: cm.targetNumber === null ? null : cm.targetNumber.toString(),
            bool: cm.targetBool,
            text: cm.targetText,
            reported: r.scope === 'INDIVIDUAL' ? { number: gotBy.get(cm.criterionId)?.toString() ?? null, yes: yesBy.has(cm.criterionId) } : null,
          })),
        })),
        reportsSent,
        reportsThisPeriod,
        nextDeadline: next ? { kind: next.kind, title: next.title, dueAt: next.dueAt } : null,
      });
    }
    return out;
  }
}
