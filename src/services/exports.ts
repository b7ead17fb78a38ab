/**
 * Xuất Excel (/export): the tổng kết annex as an .xlsx workbook, built off the update path.
 *
 * An officer asks (`request`): the service decides who may — officers for campaigns they manage or
 * whose audience reaches their subtree, admins for all, members refused — writes the audit row in
 * the same transaction, and stores a durable job row (`export_job`). The job runner
 * (src/jobs/exports.ts) claims it with a lease (`claim`: a row left RUNNING by a crash is taken
 * again), builds the workbook (`build`: every sheet streamed page by page, see export-workbook.ts),
 * keeps the bytes on the job and queues one outbox message carrying the file (`complete`), which
 * the channel's sender delivers: a document on Telegram, a signed download link on Zalo.
 *
 * The data is the requester's subtree as it was when they asked (admins: everything).
 */
import { PassThrough } from 'node:stream';
import { Prisma as P, type PrismaClient } from '../generated/prisma/client.js';
import { authorize, loadActor, type ActorRef, type AuthRefusal } from './actors.js';
import { writeAudit } from './audit.js';
import { actedSql } from './reminders.js';
import type { OutboxService } from './outbox.js';
import { audienceUnitsSql } from '../db/audience.js';
import { inSubtree, subtreeLike } from '../domain/scope.js';
import { localParts } from '../domain/dates.js';
import { writeWorkbook, type CellValue, type ColumnSpec, type LazySheet, type SheetSpec } from './export-workbook.js';

/** The file's MIME type. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FILE_PREFIX = 'export_file:';

/** Whether a file id names a built workbook (`export_file:<job id>`). */
export function isExportFile(fileId: string): boolean {
  return /^export_file:\d+$/.test(fileId);
}

/** Rows read per query while streaming a sheet: memory holds one page, never the whole sheet. */
const PAGE = 2000;

/** A job claimed longer ago than this without finishing is presumed dead (the process crashed). */
export const EXPORT_LEASE_MS = 10 * 60_000;

/** Attempts before a job is given up (a workbook that fails three times will fail a fourth). */
export const EXPORT_MAX_ATTEMPTS = 3;

export type ExportRefusal = AuthRefusal | 'not_found' | 'no_unit' | 'not_launched';

/** Translates a locale key for the workbook's headers and labels (the requester's language). */
export type ExportLabel = (key: string, vars?: Record<string, string | number>) => string;

export interface ClaimedExport {
  id: number;
  campaignId: number;
  requestedById: number;
  channel: 'TELEGRAM' | 'ZALO';
  chatId: string;
  scopePath: string | null;
  attempts: number;
}

const q = (scopePath: string | null, column: string) => (scopePath ? P.sql`AND ${P.raw(column)} LIKE ${subtreeLike(scopePath)}` : P.empty);

/** Pages through a keyset query (`after` = the last id seen) one page at a time. */
async function* paged<R extends { id: number }>(fetch: (after: number) => Promise<R[]>): AsyncGenerator<R> {
  let after = 0;
  for (;;) {
    const rows = await fetch(after);
    for (const r of rows) yield r;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

async function* mapRows<R>(rows: AsyncIterable<R>, f: (r: R) => CellValue[]): AsyncGenerator<CellValue[]> {
  for await (const r of rows) yield f(r);
}

const num = (v: string | number | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/** File name: the campaign's code and the Vietnam date, e.g. `chu-nhat-xanh-07-12-2026.xlsx`. */
export function exportFileName(code: string, at: Date): string {
  const p = localParts(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${code.replace(/[^A-Za-z0-9_-]+/g, '-')}-${two(p.d)}-${two(p.m)}-${p.y}.xlsx`;
}

export class ExportService {
  /** Called after a job is queued (the runner's poke), so it starts at once. */
  onQueued: (() => void) | null = null;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly outbox: OutboxService,
    private readonly now: () => Date,
  ) {}

  /**
   * Whether the campaign concerns the actor's subtree: they manage it (its owner unit is in their
   * subtree) or part of its audience lies in their subtree.
   */
  private async concerns(db: P.TransactionClient | PrismaClient, campaignId: number, ownerUnitId: number | null, path: string): Promise<boolean> {
    if (ownerUnitId) {
      const owner = await db.unit.findUnique({ where: { id: ownerUnitId }, select: { path: true } });
      if (owner && inSubtree(owner.path, path)) return true;
    }
    const rows = await db.$queryRaw<Array<{ hit: boolean }>>`
      SELECT EXISTS (SELECT 1 FROM unit u WHERE u.id IN (${audienceUnitsSql(campaignId)}) AND u.path LIKE ${subtreeLike(path)}) AS hit`;
    return rows[0]?.hit === true;
  }

  /**
   * Queues an export of a campaign for the actor, to be delivered to `chatId` on `channel`. The
   * decision and its audit row (`export.request`, OK or REFUSED) commit together.
   */
  async request(input: {
    campaignId: number;
    actor: ActorRef;
    channel: 'TELEGRAM' | 'ZALO';
    chatId: string;
  }): Promise<{ ok: true; jobId: number; title: string } | { ok: false; reason: ExportRefusal }> {
    const action = 'export.request';
    const target = `campaign:${input.campaignId}`;
    const r = await this.prisma.$transaction(async (tx) => {
      const who = await authorize(tx, input.actor, { action, need: 'OFFICER', target });
      if (!who.ok) return { ok: false as const, reason: who.reason };
      const actor = who.actor;
      const refuse = async (reason: ExportRefusal) => {
        await writeAudit(tx, { actorId: actor.id, actorRef: actor.ref, action, target, outcome: 'REFUSED', details: { reason } });
        return { ok: false as const, reason };
      };
      const c = await tx.campaign.findUnique({ where: { id: input.campaignId }, select: { id: true, title: true, status: true, ownerUnitId: true } });
      if (!c) return refuse('not_found');
      const scopePath = actor.role === 'ADMIN' ? null : actor.unitPath;
      if (actor.role !== 'ADMIN' && !scopePath) return refuse('no_unit');
      if (scopePath && !(await this.concerns(tx, c.id, c.ownerUnitId, scopePath))) return refuse('out_of_scope');
      if (c.status === 'DRAFT') return refuse('not_launched');
      const job = await tx.exportJob.create({
        data: { campaignId: c.id, requestedById: actor.id, channel: input.channel, chatId: input.chatId, scopePath },
        select: { id: true },
      });
      await writeAudit(tx, { actorId: actor.id, actorRef: actor.ref, action, target, details: { job: job.id, scope: scopePath ?? 'all' } });
      return { ok: true as const, jobId: job.id, title: c.title };
    });
    if (r.ok) this.onQueued?.();
    return r;
  }

  /** Campaigns (launched or closed, not archived) the actor may export, newest first. */
  async campaignsFor(actor: ActorRef): Promise<Array<{ id: number; code: string; title: string }>> {
    const a = await loadActor(this.prisma, actor);
    if (!a || (a.role !== 'ADMIN' && (a.role !== 'OFFICER' || !a.unitPath))) return [];
    const within =
      a.role === 'ADMIN'
        ? P.empty
        : P.sql`AND (EXISTS (SELECT 1 FROM unit o WHERE o.id = c.owner_unit_id AND o.path LIKE ${subtreeLike(a.unitPath!)})
                 OR EXISTS (SELECT 1 FROM unit u WHERE u.id IN (SELECT unit_id FROM campaign_audience_units(c.id)) AND u.path LIKE ${subtreeLike(a.unitPath!)}))`;
    return this.prisma.$queryRaw<Array<{ id: number; code: string; title: string }>>`
      SELECT c.id, c.code, c.title FROM campaign c
      WHERE c.status <> 'DRAFT' AND c.archived_at IS NULL ${within}
      ORDER BY c.created_at DESC, c.id DESC LIMIT 30`;
  }

  /** Claims the oldest waiting job (or one whose runner died), or null. */
  async claim(): Promise<ClaimedExport | null> {
    const now = this.now();
    const rows = await this.prisma.$queryRaw<
      Array<{ id: number; campaign_id: number; requested_by_id: number; channel: 'TELEGRAM' | 'ZALO'; chat_id: string; scope_path: string | null; attempts: number }>
    >`
      UPDATE export_job SET status = 'RUNNING', attempts = attempts + 1, lease_until = ${new Date(now.getTime() + EXPORT_LEASE_MS)}
      WHERE id = (
        SELECT id FROM export_job
        WHERE status = 'PENDING' OR (status = 'RUNNING' AND lease_until < ${now})
        ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id, campaign_id, requested_by_id, channel::text AS channel, chat_id, scope_path, attempts`;
    const r = rows[0];
    if (!r) return null;
    return { id: r.id, campaignId: r.campaign_id, requestedById: r.requested_by_id, channel: r.channel, chatId: r.chat_id, scopePath: r.scope_path, attempts: r.attempts };
  }

  /** The requester's language (the workbook's headers are in it). */
  async localeOf(memberId: number): Promise<string | null> {
    return (await this.prisma.member.findUnique({ where: { id: memberId }, select: { locale: true } }))?.locale ?? null;
  }

  /**
   * Runs a claimed job: re-checks that the requester is still staff (a revoked officer's queued
   * export is refused and audited), builds the workbook and hands it to the outbox. Throws on a
   * failure worth retrying; the runner decides.
   */
  async run(job: ClaimedExport, label: ExportLabel): Promise<{ ok: true; size: number; reportRows: number } | { ok: false; reason: ExportRefusal }> {
    const actor = await loadActor(this.prisma, { id: job.requestedById });
    if (!actor || (actor.role !== 'ADMIN' && actor.role !== 'OFFICER')) {
      await this.prisma.$transaction(async (tx) => {
        await writeAudit(tx, { actorId: job.requestedById, actorRef: actor?.ref ?? null, action: 'export.build', target: `campaign:${job.campaignId}`, outcome: 'REFUSED', details: { reason: 'forbidden', job: job.id } });
        await this.finish(tx, job, { status: 'FAILED', error: 'forbidden' }, { key: 'export-refused', vars: {} });
      });
      return { ok: false, reason: 'forbidden' };
    }
    const c = await this.prisma.campaign.findUnique({ where: { id: job.campaignId }, select: { code: true, title: true } });
    if (!c) {
      await this.prisma.$transaction((tx) => this.finish(tx, job, { status: 'FAILED', error: 'not_found' }, { key: 'export-failed', vars: {} }));
      return { ok: false, reason: 'not_found' };
    }
    const chunks: Buffer[] = [];
    const out = new PassThrough();
    out.on('data', (b: Buffer) => chunks.push(b));
    const done = new Promise<void>((resolve, reject) => {
      out.on('end', resolve);
      out.on('error', reject);
    });
    const counts = await writeWorkbook(this.sheets(job.campaignId, job.scopePath, label), out);
    await done;
    const content = Buffer.concat(chunks);
    const fileName = exportFileName(c.code, this.now());
    const reportRows = counts[2] ?? 0;
    await this.prisma.$transaction((tx) =>
      this.finish(
        tx,
        job,
        { status: 'DONE', content, size: content.length, fileName, reportRows },
        { key: 'export-ready', vars: { title: c.title, reports: reportRows }, document: { fileId: `${FILE_PREFIX}${job.id}`, fileName } },
      ),
    );
    return { ok: true, size: content.length, reportRows };
  }

  /** Records a failure: back to PENDING for another try, or FAILED (with a message) after the last. */
  async failed(job: ClaimedExport, error: string): Promise<'retry' | 'failed'> {
    if (job.attempts < EXPORT_MAX_ATTEMPTS) {
      await this.prisma.exportJob.update({ where: { id: job.id }, data: { status: 'PENDING', leaseUntil: null, error: error.slice(0, 500) } });
      return 'retry';
    }
    await this.prisma.$transaction((tx) => this.finish(tx, job, { status: 'FAILED', error: error.slice(0, 500) }, { key: 'export-failed', vars: {} }));
    return 'failed';
  }

  /** Ends a job and queues what the requester is told, in one transaction (so exactly one message). */
  private async finish(
    tx: P.TransactionClient,
    job: ClaimedExport,
    data: P.ExportJobUpdateInput,
    message: { key: string; vars: Record<string, string | number>; document?: { fileId: string; fileName: string } },
  ): Promise<void> {
    await tx.exportJob.update({ where: { id: job.id }, data: { ...data, leaseUntil: null, finishedAt: this.now() } });
    await this.outbox.enqueue([{ channel: job.channel, chatId: job.chatId, memberId: job.requestedById, message, dedupeKey: `export:${job.id}` }], tx);
  }

  /** A built workbook's bytes (`export_file:<id>`), or null. */
  async readFile(fileId: string): Promise<{ mimeType: string; fileName: string; content: Uint8Array } | null> {
    if (!isExportFile(fileId)) return null;
    const job = await this.prisma.exportJob.findUnique({ where: { id: Number(fileId.slice(FILE_PREFIX.length)) }, select: { content: true, fileName: true } });
    if (!job?.content) return null;
    return { mimeType: XLSX_MIME, fileName: job.fileName ?? 'export.xlsx', content: job.content };
  }

  // ---- The sheets ---------------------------------------------------------------------------

  /** The five sheets, each read lazily when the writer reaches it. */
  sheets(campaignId: number, scopePath: string | null, label: ExportLabel): LazySheet[] {
    return [
      this.summarySheet(campaignId, scopePath, label),
      // Its columns (one per content line) are read when the writer reaches it.
      () => this.registrationSheet(campaignId, scopePath, label),
      this.reportSheet(campaignId, scopePath, label),
      this.laggardSheet(campaignId, scopePath, label),
      this.reviewSheet(campaignId, scopePath, label),
    ];
  }

  /** Tổng hợp: per unit of the audience in scope. */
  private summarySheet(campaignId: number, scopePath: string | null, label: ExportLabel): SheetSpec {
    const columns: ColumnSpec[] = [
      { header: label('export-col-unit'), kind: 'text', width: 30 },
      { header: label('export-col-unit-code'), kind: 'text', width: 12 },
      { header: label('export-col-members'), kind: 'integer' },
      { header: label('export-col-registered'), kind: 'integer' },
      { header: label('export-col-registered-share'), kind: 'percent' },
      { header: label('export-col-approved'), kind: 'integer' },
      { header: label('export-col-reports'), kind: 'integer' },
      { header: label('export-col-evidence'), kind: 'integer' },
    ];
    const prisma = this.prisma;
    async function* rows(): AsyncGenerator<CellValue[]> {
      const list = await prisma.$queryRaw<Array<{ code: string; name: string; members: number; registered: number; approved: number; reports: number; evidence: number }>>`
        WITH au AS (SELECT u.id, u.code, u.name, u.path FROM unit u WHERE u.id IN (${audienceUnitsSql(campaignId)}) ${q(scopePath, 'u.path')}),
             mem AS (SELECT m.id, m.unit_id FROM member m JOIN au ON au.id = m.unit_id WHERE m.left_at IS NULL AND m.full_name IS NOT NULL)
        SELECT au.code, au.name,
          (SELECT count(*) FROM mem WHERE mem.unit_id = au.id)::int AS members,
          (SELECT count(*) FROM registration r JOIN mem ON mem.id = r.member_id WHERE r.campaign_id = ${campaignId} AND mem.unit_id = au.id AND r.status <> 'WITHDRAWN')::int AS registered,
          (SELECT count(*) FROM registration r JOIN mem ON mem.id = r.member_id WHERE r.campaign_id = ${campaignId} AND mem.unit_id = au.id AND r.status = 'APPROVED')::int AS approved,
          (SELECT count(*) FROM progress_report p JOIN mem ON mem.id = p.member_id WHERE p.campaign_id = ${campaignId} AND mem.unit_id = au.id)::int AS reports,
          (SELECT count(*) FROM attachment a JOIN progress_report p ON p.id = a.progress_report_id JOIN mem ON mem.id = p.member_id
             WHERE p.campaign_id = ${campaignId} AND mem.unit_id = au.id)::int AS evidence
        FROM au ORDER BY au.path`;
      for (const r of list) yield [r.name, r.code, r.members, r.registered, r.members > 0 ? r.registered / r.members : null, r.approved, r.reports, r.evidence];
    }
    return { name: label('export-sheet-summary'), columns, rows: rows() };
  }

  /** Đăng ký: one row per registration, one column per content line with its commitment. */
  private async registrationSheet(campaignId: number, scopePath: string | null, label: ExportLabel): Promise<SheetSpec> {
    const criteria = await this.prisma.criterion.findMany({ where: { campaignId }, orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, title: true, measure: true, unitOfMeasure: true } });
    const columns: ColumnSpec[] = [
      { header: label('export-col-registration'), kind: 'integer' },
      { header: label('export-col-name'), kind: 'text', width: 26 },
      { header: label('export-col-unit'), kind: 'text', width: 30 },
      { header: label('export-col-scope'), kind: 'text', width: 10 },
      { header: label('export-col-title'), kind: 'text', width: 28 },
      { header: label('export-col-status'), kind: 'text', width: 14 },
      { header: label('export-col-registered-at'), kind: 'datetime' },
      { header: label('export-col-decided-at'), kind: 'datetime' },
      ...criteria.map((c): ColumnSpec => ({
        header: c.unitOfMeasure ? `${c.title} (${c.unitOfMeasure})` : c.title,
        kind: c.measure === 'NUMBER' ? 'number' : c.measure === 'TEXT' ? 'longtext' : 'text',
      })),
    ];
    const index = new Map(criteria.map((c, i) => [c.id, i]));
    const prisma = this.prisma;
    type Row = {
      id: number; scope: string; title_code: string; title_name: string | null; status: string; created_at: Date; decided_at: Date | null;
      full_name: string | null; unit_name: string | null;
      commitments: Array<{ c: number; n: string | null; b: boolean | null; t: string | null }> | null;
    };
    const pages = paged<Row>(
      (after) => prisma.$queryRaw<Row[]>`
        SELECT r.id, r.scope::text AS scope, r.title_code, ct.name AS title_name, r.status::text AS status, r.created_at, r.decided_at,
               mem.full_name, u.name AS unit_name,
               (SELECT json_agg(json_build_object('c', cm.criterion_id, 'n', cm.target_number::text, 'b', cm.target_bool, 't', cm.target_text))
                  FROM commitment cm WHERE cm.registration_id = r.id) AS commitments
        FROM registration r
        LEFT JOIN member mem ON mem.id = r.member_id
        LEFT JOIN unit u ON u.id = COALESCE(r.unit_id, mem.unit_id)
        LEFT JOIN campaign_title ct ON ct.campaign_id = r.campaign_id AND ct.code = r.title_code
        WHERE r.campaign_id = ${campaignId} AND r.id > ${after} ${q(scopePath, 'u.path')}
        ORDER BY r.id LIMIT ${PAGE}`,
    );
    const yesNo = (b: boolean) => label(b ? 'export-yes' : 'export-no');
    return {
      name: label('export-sheet-registrations'),
      columns,
      rows: mapRows(pages, (r) => {
        const targets: CellValue[] = criteria.map(() => null);
        for (const cm of r.commitments ?? []) {
          const i = index.get(cm.c);
          if (i !== undefined) targets[i] = cm.n !== null ? Number(cm.n) : cm.b !== null ? yesNo(cm.b) : cm.t;
        }
        const title = r.title_name ?? label(`reg-title-${r.title_code}`);
        return [r.id, r.full_name, r.unit_name, label(`export-scope-${r.scope}`), title, label(`export-status-${r.status}`), r.created_at, r.decided_at, ...targets];
      }),
    };
  }

  /** Báo cáo: one row per progress report, with its period and evidence count. */
  private reportSheet(campaignId: number, scopePath: string | null, label: ExportLabel): SheetSpec {
    const columns: ColumnSpec[] = [
      { header: label('export-col-report'), kind: 'integer' },
      { header: label('export-col-reported-at'), kind: 'datetime' },
      { header: label('export-col-name'), kind: 'text', width: 26 },
      { header: label('export-col-unit'), kind: 'text', width: 30 },
      { header: label('export-col-period'), kind: 'text', width: 24 },
      { header: label('export-col-period-due'), kind: 'date' },
      { header: label('export-col-line'), kind: 'text', width: 32 },
      { header: label('export-col-measure'), kind: 'text', width: 10 },
      { header: label('export-col-value'), kind: 'number' },
      { header: label('export-col-note'), kind: 'longtext' },
      { header: label('export-col-evidence'), kind: 'integer' },
    ];
    const prisma = this.prisma;
    type Row = {
      id: number; updated_at: Date; full_name: string | null; unit_name: string | null; m_title: string | null; m_kind: string | null; due_at: Date | null;
      line: string; uom: string | null; value_number: string | null; value_bool: boolean | null; value_text: string | null; note: string | null; evidence: number;
    };
    const pages = paged<Row>(
      (after) => prisma.$queryRaw<Row[]>`
        SELECT p.id, p.updated_at, mem.full_name, u.name AS unit_name, m.title AS m_title, m.kind::text AS m_kind, m.due_at,
               c.title AS line, c.unit_of_measure AS uom, p.value_number::text AS value_number, p.value_bool, p.value_text, p.note,
               (SELECT count(*) FROM attachment a WHERE a.progress_report_id = p.id)::int AS evidence
        FROM progress_report p
        JOIN criterion c ON c.id = p.criterion_id
        JOIN member mem ON mem.id = p.member_id
        LEFT JOIN unit u ON u.id = mem.unit_id
        LEFT JOIN milestone m ON m.id = p.milestone_id
        WHERE p.campaign_id = ${campaignId} AND p.id > ${after} ${q(scopePath, 'u.path')}
        ORDER BY p.id LIMIT ${PAGE}`,
    );
    return {
      name: label('export-sheet-reports'),
      columns,
      rows: mapRows(pages, (r) => [
        r.id,
        r.updated_at,
        r.full_name,
        r.unit_name,
        r.m_title ?? (r.m_kind ? label(`camp-milestone-${r.m_kind}`) : null),
        r.due_at,
        r.line,
        r.uom,
        r.value_number !== null ? num(r.value_number) : r.value_bool !== null ? label(r.value_bool ? 'export-yes' : 'export-no') : r.value_text,
        r.note,
        r.evidence,
      ]),
    };
  }

  /** Chưa thực hiện: per milestone already due, who has not done it (review milestones: units without a report). */
  private laggardSheet(campaignId: number, scopePath: string | null, label: ExportLabel): SheetSpec {
    const columns: ColumnSpec[] = [
      { header: label('export-col-milestone'), kind: 'text', width: 26 },
      { header: label('export-col-due'), kind: 'datetime' },
      { header: label('export-col-unit'), kind: 'text', width: 30 },
      { header: label('export-col-unit-code'), kind: 'text', width: 12 },
      { header: label('export-col-name'), kind: 'text', width: 26 },
    ];
    const prisma = this.prisma;
    const now = this.now();
    async function* rows(): AsyncGenerator<CellValue[]> {
      const milestones = await prisma.milestone.findMany({
        where: { campaignId, dueAt: { lte: now }, kind: { not: 'CUSTOM' } },
        orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
        select: { id: true, kind: true, title: true, dueAt: true },
      });
      for (const m of milestones) {
        const name = m.title ?? label(`camp-milestone-${m.kind}`);
        if (m.kind === 'MIDTERM_REVIEW' || m.kind === 'FINAL_REVIEW') {
          const units = await prisma.$queryRaw<Array<{ code: string; name: string }>>`
            SELECT u.code, u.name FROM unit u
            WHERE u.id IN (${audienceUnitsSql(campaignId)}) ${q(scopePath, 'u.path')}
              AND NOT EXISTS (SELECT 1 FROM review_report rr WHERE rr.milestone_id = ${m.id} AND rr.unit_id = u.id)
            ORDER BY u.path`;
          for (const u of units) yield [name, m.dueAt, u.name, u.code, null];
          continue;
        }
        const members = await prisma.$queryRaw<Array<{ full_name: string; code: string; name: string }>>`
          SELECT mem.full_name, u.code, u.name FROM member mem JOIN unit u ON u.id = mem.unit_id
          WHERE mem.unit_id IN (${audienceUnitsSql(campaignId)}) ${q(scopePath, 'u.path')}
            AND mem.left_at IS NULL AND mem.full_name IS NOT NULL
            AND NOT ${actedSql(P.sql`${m.kind}`, P.sql`${m.id}`, P.sql`${campaignId}`)}
          ORDER BY u.path, mem.full_name, mem.id`;
        for (const r of members) yield [name, m.dueAt, r.name, r.code, r.full_name];
      }
    }
    return { name: label('export-sheet-laggards'), columns, rows: rows() };
  }

  /** Báo cáo đơn vị: the units' sơ kết / tổng kết reports. */
  private reviewSheet(campaignId: number, scopePath: string | null, label: ExportLabel): SheetSpec {
    const columns: ColumnSpec[] = [
      { header: label('export-col-milestone'), kind: 'text', width: 26 },
      { header: label('export-col-unit'), kind: 'text', width: 30 },
      { header: label('export-col-submitted-by'), kind: 'text', width: 26 },
      { header: label('export-col-submitted-at'), kind: 'datetime' },
      { header: label('export-col-figures'), kind: 'longtext', width: 48 },
      { header: label('export-col-note'), kind: 'longtext' },
      { header: label('export-col-files'), kind: 'integer' },
    ];
    const prisma = this.prisma;
    async function* rows(): AsyncGenerator<CellValue[]> {
      const list = await prisma.$queryRaw<
        Array<{ m_title: string | null; m_kind: string; unit_name: string; full_name: string | null; updated_at: Date; figures: Array<{ label: string; value: string }> | null; note: string | null; files: number }>
      >`
        SELECT m.title AS m_title, m.kind::text AS m_kind, u.name AS unit_name, sub.full_name, rr.updated_at, rr.figures, rr.note,
               (SELECT count(*) FROM attachment a WHERE a.review_report_id = rr.id)::int AS files
        FROM review_report rr JOIN milestone m ON m.id = rr.milestone_id JOIN unit u ON u.id = rr.unit_id
        LEFT JOIN member sub ON sub.id = rr.submitted_by_id
        WHERE m.campaign_id = ${campaignId} ${q(scopePath, 'u.path')}
        ORDER BY m.due_at, m.id, u.path`;
      for (const r of list) {
        const figures = Array.isArray(r.figures) ? r.figures.map((f) => `${f.label}: ${f.value}`).join('\n') : null;
        yield [r.m_title ?? label(`camp-milestone-${r.m_kind}`), r.unit_name, r.full_name, r.updated_at, figures, r.note, r.files];
      }
    }
    return { name: label('export-sheet-reviews'), columns, rows: rows() };
  }
}
