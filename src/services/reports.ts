import type { PrismaClient } from '../generated/prisma/client.js';
import { currentPeriod } from '../domain/periods.js';
import { nfc } from '../domain/text.js';

/** Largest evidence file accepted (Telegram bots can fetch up to 20 MB). */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** Evidence types accepted: PDF, DOCX, XLSX, JPG, PNG — by extension and, when given, MIME type. */
const ALLOWED: ReadonlyArray<{ ext: string[]; mime: string[] }> = [
  { ext: ['pdf'], mime: ['application/pdf'] },
  { ext: ['docx'], mime: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'] },
  { ext: ['xlsx'], mime: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  { ext: ['jpg', 'jpeg'], mime: ['image/jpeg'] },
  { ext: ['png'], mime: ['image/png'] },
];

/** One evidence file (minh chứng), stored by the channel's file id. */
export interface EvidenceInput {
  kind: 'PHOTO' | 'DOCUMENT';
  fileId: string;
  fileUniqueId?: string | null;
  fileName?: string | null;
  mimeType?: string | null;
  size?: number | null;
}

export type EvidenceCheck = { ok: true } | { ok: false; reason: 'evidence_too_large' | 'evidence_type' };

/**
 * Whether an evidence file is accepted: photos always are (Telegram sends them as JPEG); documents
 * must be PDF, DOCX, XLSX, JPG or PNG; nothing over 20 MB.
 *
 * @example checkEvidence({ kind: 'DOCUMENT', fileId: 'x', fileName: 'a.exe', size: 10 }) // { ok: false, reason: 'evidence_type' }
 */
export function checkEvidence(e: EvidenceInput): EvidenceCheck {
  if ((e.size ?? 0) > MAX_EVIDENCE_BYTES) return { ok: false, reason: 'evidence_too_large' };
  if (e.kind === 'PHOTO') return { ok: true };
  const ext = (e.fileName ?? '').toLowerCase().split('.').pop() ?? '';
  const mime = (e.mimeType ?? '').toLowerCase();
  const byExt = ALLOWED.find((a) => a.ext.includes(ext));
  const byMime = ALLOWED.find((a) => a.mime.includes(mime));
  if (byExt && (!mime || byMime === byExt || mime === 'application/octet-stream')) return { ok: true };
  if (!e.fileName && byMime) return { ok: true };
  return { ok: false, reason: 'evidence_type' };
}

/** A reporting period (kỳ báo cáo): the PROGRESS_REPORT milestone a report counts for. */
export interface PeriodDto {
  milestoneId: number;
  dueAt: string;
  title: string | null;
}

/** A progress report, JSON-safe. */
export interface ReportDto {
  id: number;
  campaignId: number;
  criterionId: number;
  milestoneId: number | null;
  number: string | null;
  bool: boolean | null;
  text: string | null;
  note: string | null;
  attachments: number;
  createdAt: string;
}

export interface SubmitReport {
  memberId: number;
  campaignId: number;
  criterionId: number;
  number?: string | null;
  bool?: boolean | null;
  text?: string | null;
  note?: string | null;
  evidence: EvidenceInput[];
}

export type SubmitReportResult =
  | { ok: true; report: ReportDto; corrected: boolean }
  | { ok: false; reason: 'campaign_not_open' | 'line_unknown' | 'no_open_period' | 'evidence_too_large' | 'evidence_type' };

/**
 * Báo cáo tiến độ: a member's progress on a content line with evidence. One report per member,
 * line and reporting period; reporting the same line again in the same period corrects it (until
 * the period's deadline, after which the report belongs to the next period).
 */
export class ReportService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: () => Date,
  ) {}

  /** The current reporting period of a campaign, or null after its last PROGRESS_REPORT deadline. */
  async period(campaignId: number): Promise<PeriodDto | null> {
    const milestones = await this.prisma.milestone.findMany({ where: { campaignId, kind: 'PROGRESS_REPORT' } });
    const m = currentPeriod(milestones, this.now());
    return m ? { milestoneId: m.id, dueAt: m.dueAt.toISOString(), title: m.title } : null;
  }

  /** The member's report on a line in the current period (the one they may still correct). */
  async lastInPeriod(memberId: number, criterionId: number, milestoneId: number): Promise<ReportDto | null> {
    const r = await this.prisma.progressReport.findFirst({
      where: { memberId, criterionId, milestoneId },
      orderBy: { createdAt: 'desc' },
      include: { _count: { select: { attachments: true } } },
    });
    return r ? reportDto(r) : null;
  }

  /** Stores (or corrects) a report in the current period, evidence included, in one transaction. */
  async submit(input: SubmitReport): Promise<SubmitReportResult> {
    const campaign = await this.prisma.campaign.findUnique({ where: { id: input.campaignId } });
    if (!campaign || campaign.status !== 'LAUNCHED') return { ok: false, reason: 'campaign_not_open' };
    const line = await this.prisma.criterion.findFirst({ where: { id: input.criterionId, campaignId: campaign.id } });
    if (!line) return { ok: false, reason: 'line_unknown' };
    for (const e of input.evidence) {
      const check = checkEvidence(e);
      if (!check.ok) return check;
    }
    const period = await this.period(campaign.id);
    if (!period) return { ok: false, reason: 'no_open_period' };
    const data = {
      valueNumber: input.number ?? null,
      valueBool: input.bool ?? null,
      valueText: input.text ? nfc(input.text).trim() : null,
      note: input.note ? nfc(input.note).trim() : null,
    };
    return this.prisma.$transaction(async (tx) => {
      const previous = await tx.progressReport.findFirst({
        where: { memberId: input.memberId, criterionId: line.id, milestoneId: period.milestoneId },
        orderBy: { createdAt: 'desc' },
      });
      const report = previous
        ? await tx.progressReport.update({ where: { id: previous.id }, data })
        : await tx.progressReport.create({
            data: { ...data, campaignId: campaign.id, criterionId: line.id, memberId: input.memberId, milestoneId: period.milestoneId },
          });
      if (previous) await tx.attachment.deleteMany({ where: { progressReportId: report.id } });
      if (input.evidence.length > 0) {
        await tx.attachment.createMany({
          data: input.evidence.map((e) => ({
            progressReportId: report.id,
            kind: e.kind,
            fileId: e.fileId,
            fileUniqueId: e.fileUniqueId ?? null,
            fileName: e.fileName ?? null,
            mimeType: e.mimeType ?? null,
            size: e.size ?? null,
          })),
        });
      }
      return { ok: true as const, corrected: !!previous, report: reportDto({ ...report, _count: { attachments: input.evidence.length } }) };
    });
  }

  /** A report with its evidence and reporter, for officers asking for the original files. */
  evidence(reportId: number) {
    return this.prisma.progressReport.findUnique({
      where: { id: reportId },
      include: { attachments: { orderBy: { id: 'asc' } }, member: { include: { unit: true } }, criterion: true, campaign: true },
    });
  }

  /** Recent reports with evidence inside a unit subtree (an officer's scope), newest first. */
  recentInScope(unitPath: string, limit = 10) {
    return this.prisma.progressReport.findMany({
      where: { member: { unit: { path: { startsWith: unitPath } } }, attachments: { some: {} } },
      include: { member: true, criterion: true, _count: { select: { attachments: true } } },
      orderBy: { updatedAt: 'desc' },
      take: limit,
    });
  }

  /** Review milestones (sơ kết / tổng kết) still open in campaigns of a unit, soonest first. */
  async openReviews(campaignIds: number[]) {
    const rows = await this.prisma.milestone.findMany({
      where: { campaignId: { in: campaignIds }, kind: { in: ['MIDTERM_REVIEW', 'FINAL_REVIEW'] }, dueAt: { gte: this.now() } },
      include: { campaign: true },
      orderBy: { dueAt: 'asc' },
    });
    return rows.map((m) => ({ id: m.id, kind: m.kind, title: m.title, dueAt: m.dueAt.toISOString(), campaign: m.campaign.title }));
  }
}

function reportDto(r: {
  id: number;
  campaignId: number;
  criterionId: number;
  milestoneId: number | null;
  valueNumber: { toString(): string } | null;
  valueBool: boolean | null;
  valueText: string | null;
  note: string | null;
  createdAt: Date;
  _count: { attachments: number };
}): ReportDto {
  return {
    id: r.id,
    campaignId: r.campaignId,
    criterionId: r.criterionId,
    milestoneId: r.milestoneId,
    number: r.valueNumber === null ? null : r.valueNumber.toString(),
    bool: r.valueBool,
    text: r.valueText,
    note: r.note,
    attachments: r._count.attachments,
    createdAt: r.createdAt.toISOString(),
  };
}
