import type { PrismaClient } from '../generated/prisma/client.js';
import { currentPeriod } from '../domain/periods.js';
import { addDecimals, nfc } from '../domain/text.js';
import { subtreeFilter } from '../domain/scope.js';
import { authorize, type ActorRef, type AuthRefusal } from './actors.js';
import { writeAudit } from './audit.js';

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
  /** The channel it came through (default Telegram, whose file ids need its Bot API). */
  channel?: 'TELEGRAM' | 'ZALO';
  kind: 'PHOTO' | 'DOCUMENT';
  fileId: string;
  fileUniqueId?: string | null;
  fileName?: string | null;
  mimeType?: string | null;
  size?: number | null;
  /** What the member wrote with the file (a photo's caption); officers see it with /evidence. */
  note?: string | null;
}

/** Longest note kept per file: Telegram's caption limit, so it can be sent back as a caption. */
export const MAX_EVIDENCE_NOTE = 1024;

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

/**
 * What a report counts, chosen by the member — never guessed. The stored value is always the total
 * for the period so far: the first report of a line in a period is that total (`new`); a later one
 * either adds what is new since then (`add`: numbers are summed, texts appended) or replaces the
 * figure (`replace`). Earlier evidence stays unless a replacement says `keepEvidence: false`.
 * `reportId` is the report the member was shown, so a report changed meanwhile is not overwritten.
 */
export type ReportMode =
  | { kind: 'new' }
  | { kind: 'add'; reportId: number }
  | { kind: 'replace'; reportId: number; keepEvidence: boolean };

export interface SubmitReport {
  memberId: number;
  campaignId: number;
  criterionId: number;
  number?: string | null;
  bool?: boolean | null;
  text?: string | null;
  note?: string | null;
  evidence: EvidenceInput[];
  /** Default `{ kind: 'new' }`. */
  mode?: ReportMode;
}

export type SubmitReportRefusal =
  | 'campaign_not_open'
  | 'line_unknown'
  | 'no_open_period'
  | 'evidence_too_large'
  | 'evidence_type'
  /** `new` although the line already has a report in this period: the member must choose add or replace. */
  | 'report_exists'
  /** `add`/`replace` of a report that is not (or no longer) the line's report in this period. */
  | 'report_changed'
  /** `add` on a yes/no line: there is nothing to add up. */
  | 'cannot_add'
  /** The sum of `add` does not fit the value column. */
  | 'value_out_of_range';

export type SubmitReportResult =
  | { ok: true; report: ReportDto; mode: ReportMode['kind']; keptEvidence: number }
  | { ok: false; reason: SubmitReportRefusal };

/** Largest stored figure: `Decimal(18, 4)` has 14 integer digits. */
const MAX_INTEGER_DIGITS = 14;

/**
 * Báo cáo tiến độ: a member's progress on a content line with evidence. One report per member,
 * line and reporting period, holding the total for the period so far; reporting the same line again
 * in the same period adds to it or replaces it, as the member chose (until the period's deadline,
 * after which the report belongs to the next period). A correction is audited with the previous
 * value, so nothing the member sent before is lost without a trace.
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

  /**
   * Stores a report in the current period, or adds to / replaces the member's report of the line
   * in it (see {@link ReportMode}), evidence included, in one transaction with its audit row.
   */
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
    const mode = input.mode ?? { kind: 'new' };
    if (mode.kind === 'add' && line.measure === 'YES_NO') return { ok: false, reason: 'cannot_add' };
    const given = {
      valueNumber: input.number ?? null,
      valueBool: input.bool ?? null,
      valueText: input.text ? nfc(input.text).trim() : null,
      note: input.note ? nfc(input.note).trim() : null,
    };
    return this.prisma.$transaction(async (tx): Promise<SubmitReportResult> => {
      const found = await tx.progressReport.findFirst({
        where: { memberId: input.memberId, criterionId: line.id, milestoneId: period.milestoneId },
        orderBy: { createdAt: 'desc' },
        select: { id: true },
      });
      if (mode.kind === 'new' && found) return { ok: false, reason: 'report_exists' };
      if (mode.kind !== 'new' && found?.id !== mode.reportId) return { ok: false, reason: 'report_changed' };
      let reportId: number;
      let kept = 0;
      if (mode.kind === 'new') {
        const created = await tx.progressReport.create({
          data: { ...given, campaignId: campaign.id, criterionId: line.id, memberId: input.memberId, milestoneId: period.milestoneId },
        });
        reportId = created.id;
      } else {
        // Lock the row: two corrections at once must not both read the same earlier total.
        await tx.$queryRaw`SELECT id FROM progress_report WHERE id = ${mode.reportId} FOR UPDATE`;
        const previous = await tx.progressReport.findUniqueOrThrow({ where: { id: mode.reportId }, include: { _count: { select: { attachments: true } } } });
        const data = mode.kind === 'add' ? added(previous, given) : given;
        if (data.valueNumber !== null && data.valueNumber.replace(/^-/, '').split('.')[0]!.length > MAX_INTEGER_DIGITS) {
          return { ok: false, reason: 'value_out_of_range' };
        }
        await tx.progressReport.update({ where: { id: previous.id }, data });
        const dropEvidence = mode.kind === 'replace' && !mode.keepEvidence;
        if (dropEvidence) await tx.attachment.deleteMany({ where: { progressReportId: previous.id } });
        kept = dropEvidence ? 0 : previous._count.attachments;
        reportId = previous.id;
        await tx.auditLog.create({
          data: {
            actorId: input.memberId,
            action: `report.${mode.kind}`,
            target: `report:${previous.id}`,
            details: {
              previous: { number: previous.valueNumber?.toString() ?? null, bool: previous.valueBool, text: previous.valueText, note: previous.note },
              evidenceKept: kept,
              evidenceDropped: previous._count.attachments - kept,
              evidenceAdded: input.evidence.length,
            },
          },
        });
      }
      if (input.evidence.length > 0) {
        await tx.attachment.createMany({
          data: input.evidence.map((e) => ({
            progressReportId: reportId,
            channel: e.channel ?? 'TELEGRAM',
            kind: e.kind,
            fileId: e.fileId,
            fileUniqueId: e.fileUniqueId ?? null,
            fileName: e.fileName ?? null,
            mimeType: e.mimeType ?? null,
            size: e.size ?? null,
            note: evidenceNote(e.note),
          })),
        });
      }
      const report = await tx.progressReport.findUniqueOrThrow({ where: { id: reportId }, include: { _count: { select: { attachments: true } } } });
      return { ok: true, mode: mode.kind, keptEvidence: kept, report: reportDto(report) };
    });
  }

  /** A report with its evidence and reporter, for officers asking for the original files. */
  evidence(reportId: number) {
    return this.prisma.progressReport.findUnique({
      where: { id: reportId },
      include: { attachments: { orderBy: { id: 'asc' } }, member: { include: { unit: true } }, criterion: true, campaign: true },
    });
  }

  /**
   * /evidence #id: the files of one report, for staff whose subtree holds the reporter's unit
   * (admins: any). Handing over someone's evidence is recorded, and so is a refusal — a forged
   * report id from outside the officer's scope gets nothing but an audit row.
   */
  async evidenceFor(reportId: number, actor: ActorRef) {
    return this.prisma.$transaction(async (tx) => {
      const report = await tx.progressReport.findUnique({
        where: { id: reportId },
        include: { attachments: { orderBy: { id: 'asc' } }, member: { include: { unit: true } }, criterion: true, campaign: true },
      });
      const target = `report:${reportId}`;
      // A report whose reporter has no unit is in nobody's subtree: admins only.
      const scope = report ? { path: report.member.unit?.path ?? null } : {};
      const who = await authorize(tx, actor, { action: 'report.evidence', need: 'OFFICER', target, ...scope });
      if (!who.ok) return { ok: false as const, reason: who.reason, unit: report?.member.unit?.name ?? null };
      if (!report) return { ok: false as const, reason: 'not_found' as const };
      await writeAudit(tx, { actorId: who.actor.id, actorRef: who.actor.ref, action: 'report.evidence', target, details: { files: report.attachments.length } });
      return { ok: true as const, report };
    });
  }

  /** /evidence: the latest reports with files in the actor's subtree (admins: all); staff only, refusals audited. */
  async recentFor(actor: ActorRef, limit = 10): Promise<{ ok: true; reports: Awaited<ReturnType<ReportService['recentInScope']>> } | { ok: false; reason: AuthRefusal }> {
    const who = await authorize(this.prisma, actor, { action: 'report.evidence', need: 'OFFICER' });
    if (!who.ok) return { ok: false, reason: who.reason };
    const path = who.actor.role === 'ADMIN' ? '/' : who.actor.unitPath;
    return { ok: true, reports: path ? await this.recentInScope(path, limit) : [] };
  }

  /** Recent reports with evidence inside a unit subtree (an officer's scope), newest first. */
  recentInScope(unitPath: string, limit = 10) {
    return this.prisma.progressReport.findMany({
      where: { member: { unit: { path: subtreeFilter(unitPath) } }, attachments: { some: {} } },
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

type ReportValues = { valueNumber: string | null; valueBool: boolean | null; valueText: string | null; note: string | null };

/**
 * The report after adding what is new to it: figures summed, texts and notes appended on a new
 * line (a value not given keeps the earlier one).
 */
function added(
  previous: { valueNumber: { toString(): string } | null; valueBool: boolean | null; valueText: string | null; note: string | null },
  given: ReportValues,
): ReportValues {
  const join = (a: string | null, b: string | null) => [a, b].filter((x) => x).join('\n') || null;
  const before = previous.valueNumber?.toString() ?? null;
  return {
    valueNumber: before !== null && given.valueNumber !== null ? addDecimals(before, given.valueNumber) : (given.valueNumber ?? before),
    valueBool: given.valueBool ?? previous.valueBool,
    valueText: join(previous.valueText, given.valueText),
    note: join(previous.note, given.note),
  };
}

/** A file's note as stored: NFC, trimmed, at most {@link MAX_EVIDENCE_NOTE} characters, or null. */
function evidenceNote(note: string | null | undefined): string | null {
  const n = note ? nfc(note).trim() : '';
  return n ? [...n].slice(0, MAX_EVIDENCE_NOTE).join('') : null;
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
