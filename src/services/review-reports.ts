import type { PrismaClient } from '../generated/prisma/client.js';
import { authorize, isStaff, loadActor, type ActorRef, type AuthRefusal, type Db } from './actors.js';
import { writeAudit } from './audit.js';
import { Prisma as P } from '../generated/prisma/client.js';
import { nfc } from '../domain/text.js';
import { subtreeLike } from '../domain/scope.js';
import { audienceUnitsSql, inAudienceSql } from '../db/audience.js';

/** Largest review document accepted (Telegram bots can download up to 20 MB). */
export const MAX_REVIEW_FILE_BYTES = 20 * 1024 * 1024;

/** Accepted review document types: PDF, Word (DOCX), Excel (XLSX). */
const EXTENSIONS: Record<string, string[]> = {
  pdf: ['application/pdf'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
};

/** The document an officer sends (channel file id and what the channel says about it). */
export interface ReviewDocument {
  fileId: string;
  fileUniqueId?: string | null;
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
}

/** One key figure ("Số đảng viên mới: 12"). */
export interface KeyFigure {
  label: string;
  value: string;
}

export type DocumentCheck = { ok: true } | { ok: false; reason: 'file_type' | 'file_too_large' };

/**
 * Whether a document can be a review report: PDF, DOCX or XLSX (by extension or MIME type), at
 * most 20 MB.
 */
export function checkReviewDocument(doc: Pick<ReviewDocument, 'fileName' | 'mimeType' | 'size'>): DocumentCheck {
  if (doc.size !== null && doc.size > MAX_REVIEW_FILE_BYTES) return { ok: false, reason: 'file_too_large' };
  const ext = (doc.fileName ?? '').toLowerCase().split('.').pop() ?? '';
  const byExt = ext in EXTENSIONS;
  const byMime = Object.values(EXTENSIONS).some((list) => list.includes(doc.mimeType ?? ''));
  return byExt || byMime ? { ok: true } : { ok: false, reason: 'file_type' };
}

/**
 * Parses key figures typed one per line as `label: value`; null with the first bad line when a
 * line has no colon or an empty side.
 *
 * @example parseKeyFigures('Đảng viên mới: 12\nSáng kiến: 3') // [{ label: 'Đảng viên mới', value: '12' }, …]
 */
export function parseKeyFigures(text: string): { ok: true; figures: KeyFigure[] } | { ok: false; line: string } {
  const figures: KeyFigure[] = [];
  for (const raw of nfc(text).split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const i = line.indexOf(':');
    const label = i > 0 ? line.slice(0, i).trim() : '';
    const value = i > 0 ? line.slice(i + 1).trim() : '';
    if (!label || !value || label.length > 100 || value.length > 100) return { ok: false, line };
    figures.push({ label, value });
  }
  if (figures.length === 0 || figures.length > 20) return { ok: false, line: text.trim().slice(0, 50) };
  return { ok: true, figures };
}

export type SubmitReviewResult =
  | { ok: true; replaced: boolean; reportId: number }
  | { ok: false; reason: 'not_found' | 'not_review' | 'closed' | 'not_in_audience' | 'not_officer' | 'file_type' | 'file_too_large' };

/**
 * Who submits: an officer of the unit (admins may too). Only the id is trusted: role and unit are
 * re-read when the flow opens and again when the report is saved.
 */
export type ReviewActor = ActorRef;

type ReviewRefusal = 'not_found' | 'not_review' | 'closed' | 'not_in_audience' | 'not_officer';

/**
 * Báo cáo sơ kết / tổng kết: a unit's report for a MIDTERM_REVIEW or FINAL_REVIEW milestone,
 * sent by its officer as a document (+ key figures, note). Resubmitting before the deadline
 * replaces the previous one; officers above the unit see who has submitted.
 */
export class ReviewReportService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: () => Date,
  ) {}

  /**
   * /review: the open review milestones of the actor's own unit — staff with a unit only (the
   * report speaks for that unit); refusals audited.
   */
  async openForActor(actor: ActorRef) {
    const who = await authorize(this.prisma, actor, { action: 'review.open', need: 'OFFICER' });
    if (!who.ok) return { ok: false as const, reason: who.reason };
    const unit = who.actor.unitId ? await this.prisma.unit.findUnique({ where: { id: who.actor.unitId } }) : null;
    if (!unit) return { ok: false as const, reason: 'no_unit' as const };
    return { ok: true as const, unit, milestones: await this.openFor(unit.id) };
  }

  /** Review milestones still open (deadline ahead) of launched campaigns whose audience includes the unit. */
  async openFor(unitId: number) {
    const now = this.now();
    const ids = await this.prisma.$queryRaw<Array<{ id: number }>>`
      SELECT m.id FROM milestone m JOIN campaign c ON c.id = m.campaign_id
      WHERE m.kind IN ('MIDTERM_REVIEW', 'FINAL_REVIEW') AND m.due_at > ${now}
        AND c.status = 'LAUNCHED' AND c.archived_at IS NULL
        AND ${inAudienceSql(P.sql`m.campaign_id`, unitId)}
      ORDER BY m.due_at LIMIT 20`;
    if (ids.length === 0) return [];
    return this.prisma.milestone.findMany({
      where: { id: { in: ids.map((r) => r.id) } },
      include: { campaign: { select: { id: true, title: true, code: true } }, reviewReports: { where: { unitId }, include: { attachments: true } } },
      orderBy: { dueAt: 'asc' },
    });
  }

  milestone(id: number) {
    return this.prisma.milestone.findUnique({ where: { id }, include: { campaign: { select: { id: true, title: true, code: true, status: true } } } });
  }

  /** The unit's current report for a milestone, with its document. */
  current(milestoneId: number, unitId: number) {
    return this.prisma.reviewReport.findUnique({
      where: { milestoneId_unitId: { milestoneId, unitId } },
      include: { attachments: true },
    });
  }

  /** Checks before the flow starts: is this an open review milestone of a unit the actor speaks for. */
  async canSubmit(milestoneId: number, actor: ReviewActor): Promise<{ ok: true; unitId: number } | { ok: false; reason: ReviewRefusal }> {
    return this.check(this.prisma, milestoneId, actor);
  }

  /** The rules of {@link canSubmit}, read through `db` (the submitting transaction, when saving). */
  private async check(db: Db, milestoneId: number, actor: ReviewActor): Promise<{ ok: true; unitId: number } | { ok: false; reason: ReviewRefusal }> {
    const current = await loadActor(db, actor);
    if (!isStaff(current) || !current.unitId) return { ok: false, reason: 'not_officer' };
    const m = await db.milestone.findUnique({ where: { id: milestoneId }, include: { campaign: { select: { status: true } } } });
    if (!m) return { ok: false, reason: 'not_found' };
    if (m.kind !== 'MIDTERM_REVIEW' && m.kind !== 'FINAL_REVIEW') return { ok: false, reason: 'not_review' };
    if (m.campaign.status !== 'LAUNCHED' || m.dueAt.getTime() <= this.now().getTime()) return { ok: false, reason: 'closed' };
    const rows = await db.$queryRaw<Array<{ ok: boolean }>>`
      SELECT ${inAudienceSql(m.campaignId, current.unitId)} AS ok`;
    if (!rows[0]?.ok) return { ok: false, reason: 'not_in_audience' };
    return { ok: true, unitId: current.unitId };
  }

  /**
   * Saves the unit's review report (replacing an earlier one until the deadline), its document
   * and figures, in one transaction. The officer is re-checked inside it: one revoked or moved
   * since the flow opened is refused (audited) and nothing is saved.
   */
  async submit(input: {
    milestoneId: number;
    actor: ReviewActor;
    document: ReviewDocument;
    figures: KeyFigure[] | null;
    note: string | null;
  }): Promise<SubmitReviewResult> {
    const doc = checkReviewDocument(input.document);
    if (!doc.ok) return doc;
    const target = `milestone:${input.milestoneId}`;
    return this.prisma.$transaction(async (tx) => {
      const check = await this.check(tx, input.milestoneId, input.actor);
      const actorRef = (await loadActor(tx, input.actor))?.ref ?? null;
      if (!check.ok) {
        await writeAudit(tx, { actorId: input.actor.id, actorRef, action: 'review.submit', outcome: 'REFUSED', target, details: { reason: check.reason } });
        return check;
      }
      const unitId = check.unitId;
      const prior = await tx.reviewReport.findUnique({ where: { milestoneId_unitId: { milestoneId: input.milestoneId, unitId } } });
      const data = {
        submittedById: input.actor.id,
        figures: input.figures ? (input.figures as unknown as P.InputJsonValue) : P.DbNull,
        note: input.note ? nfc(input.note).trim() : null,
      };
      const report = prior
        ? await tx.reviewReport.update({ where: { id: prior.id }, data })
        : await tx.reviewReport.create({ data: { milestoneId: input.milestoneId, unitId, ...data } });
      if (prior) await tx.attachment.deleteMany({ where: { reviewReportId: report.id } });
      await tx.attachment.create({
        data: {
          reviewReportId: report.id,
          kind: 'DOCUMENT',
          fileId: input.document.fileId,
          fileUniqueId: input.document.fileUniqueId ?? null,
          fileName: input.document.fileName,
          mimeType: input.document.mimeType,
          size: input.document.size,
        },
      });
      await writeAudit(tx, { actorId: input.actor.id, actorRef, action: 'review.submit', target, details: { unitId, replaced: !!prior } });
      return { ok: true as const, replaced: !!prior, reportId: report.id };
    });
  }

  /**
   * Who has submitted, for officers above the units: every audience unit inside the officer's
   * subtree with its report (if any).
   */
  async status(milestoneId: number, withinUnitId: number | null) {
    const path = withinUnitId ? (await this.prisma.unit.findUnique({ where: { id: withinUnitId } }))?.path ?? null : null;
    return this.statusWithin(milestoneId, path);
  }

  /**
   * "Who has submitted" as the actor may see it: staff only, limited to their subtree (admins: every
   * audience unit). Refusals audited.
   */
  async statusFor(milestoneId: number, actor: ActorRef): Promise<{ ok: true; rows: Awaited<ReturnType<ReviewReportService['statusWithin']>> } | { ok: false; reason: AuthRefusal }> {
    const who = await authorize(this.prisma, actor, { action: 'review.status', need: 'OFFICER', target: `milestone:${milestoneId}` });
    if (!who.ok) return { ok: false, reason: who.reason };
    // An officer without a unit manages no subtree: nothing to show (never everything).
    if (who.actor.role !== 'ADMIN' && !who.actor.unitPath) return { ok: true, rows: [] };
    return { ok: true, rows: await this.statusWithin(milestoneId, who.actor.role === 'ADMIN' ? null : who.actor.unitPath) };
  }

  private async statusWithin(milestoneId: number, path: string | null) {
    const m = await this.prisma.milestone.findUnique({ where: { id: milestoneId } });
    if (!m) return [];
    return this.prisma.$queryRaw<Array<{ unit_id: number; name: string; submitted_at: Date | null; file_name: string | null }>>`
      SELECT u.id AS unit_id, u.name, rr.updated_at AS submitted_at, a.file_name
      FROM unit u
      LEFT JOIN review_report rr ON rr.unit_id = u.id AND rr.milestone_id = ${milestoneId}
      LEFT JOIN attachment a ON a.review_report_id = rr.id
      WHERE u.id IN (${audienceUnitsSql(m.campaignId)}) ${path ? P.sql`AND u.path LIKE ${subtreeLike(path)}` : P.empty}
      ORDER BY u.path`;
  }
}
