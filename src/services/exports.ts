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
 * The data is the requester's subtree as it is when the workbook is built (admins: everything);
 * the Tổng hợp sheet is StatsService's figures, the same /stats shows.
 */
import { PassThrough } from 'node:stream';
import { Prisma as P, type PrismaClient } from '../generated/prisma/client.js';
import { authorize, loadActor, type ActorRef, type AuthRefusal } from './actors.js';
import { writeAudit } from './audit.js';
import { actedSql } from './reminders.js';
import type { OutboxService } from './outbox.js';
import type { CampaignStats, StatsService } from './stats.js';
import { audienceUnitsSql } from '../db/audience.js';
import { subtreeLike } from '../domain/scope.js';
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

/** A sheet whose rows are one query's, read when the writer reaches the sheet (the short sheets: review reports, awards). */
function queriedSheet<R>(name: string, columns: ColumnSpec[], read: () => Promise<R[]>, row: (r: R) => CellValue[]): SheetSpec {
  async function* rows(): AsyncGenerator<CellValue[]> {
    for (const r of await read()) yield row(r);
  }
  return { name, columns, rows: rows() };
}

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
    /** The per-unit figures of the Tổng hợp sheet: the same numbers /stats shows. */
    private readonly stats: StatsService,
    private readonly now: () => Date,
  ) {}

  /** Whether part of the campaign's audience lies in the subtree at `path` (what /stats shows an officer). */
  private async concerns(db: P.TransactionClient, campaignId: number, path: string): Promise<boolean> {
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
      const c = await tx.campaign.findUnique({ where: { id: input.campaignId }, select: { id: true, title: true, status: true } });
      if (!c) return refuse('not_found');
      const scopePath = actor.role === 'ADMIN' ? null : actor.unitPath;
      if (actor.role !== 'ADMIN' && !scopePath) return refuse('no_unit');
      if (scopePath && !(await this.concerns(tx, c.id, scopePath))) return refuse('out_of_scope');
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

  /** Campaigns the actor may export: the ones /stats offers (launched or closed, audience in their subtree; admins all). */
  async campaignsFor(actor: ActorRef): Promise<Array<{ id: number; code: string; title: string }>> {
    return (await this.stats.campaignsFor(actor)).map((c) => ({ id: c.id, code: c.code, title: c.title }));
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
   * Runs a claimed job. The requester is judged again as they are now, by the same use case that
   * gives /stats its figures (`StatsService.forCampaign`, audited as `stats.export`): a revoked or
   * moved officer's queued export is refused, and the workbook covers the subtree they manage
   * when it is built — the Tổng hợp figures and every other sheet alike. Builds the workbook and
   * hands it to the outbox. Throws on a failure worth retrying; the runner decides.
   */
  async run(job: ClaimedExport, label: ExportLabel): Promise<{ ok: true; size: number; reportRows: number } | { ok: false; reason: ExportRefusal }> {
    const r = await this.stats.forCampaign({ actor: { id: job.requestedById }, campaignId: job.campaignId, action: 'stats.export' });
    if (!r.ok) {
      const key = r.reason === 'forbidden' ? 'export-refused' : r.reason === 'out_of_scope' ? 'export-out-of-scope' : 'export-failed';
      await this.prisma.$transaction((tx) => this.finish(tx, job, { status: 'FAILED', error: r.reason }, { key, vars: {} }));
      return { ok: false, reason: r.reason };
    }
    const stats = r.stats;
    const actor = await loadActor(this.prisma, { id: job.requestedById });
    const scopePath = stats.scope === 'all' ? null : (actor?.unitPath ?? null);
    if (stats.scope !== 'all' && !scopePath) {
      // Moved out of every unit between the two reads: nothing of theirs to export.
      await this.prisma.$transaction((tx) => this.finish(tx, job, { status: 'FAILED', error: 'no_unit' }, { key: 'export-out-of-scope', vars: {} }));
      return { ok: false, reason: 'no_unit' };
    }
    const c = stats.campaign;
    const chunks: Buffer[] = [];
    const out = new PassThrough();
    out.on('data', (b: Buffer) => chunks.push(b));
    const done = new Promise<void>((resolve, reject) => {
      out.on('end', resolve);
      out.on('error', reject);
    });
    const counts = await writeWorkbook(this.sheets(stats, scopePath, label), out);
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

  /** The six sheets, each read lazily when the writer reaches it. */
  sheets(stats: CampaignStats, scopePath: string | null, label: ExportLabel): LazySheet[] {
    const campaignId = stats.campaign.id;
    return [
      this.summarySheet(stats, label),
      // Its columns (one per content line) are read when the writer reaches it.
      () => this.registrationSheet(campaignId, scopePath, label),
      this.reportSheet(campaignId, scopePath, label),
      this.laggardSheet(campaignId, scopePath, label),
      this.reviewSheet(campaignId, scopePath, label),
      this.awardSheet(campaignId, scopePath, label),
    ];
  }

  /**
   * Tổng hợp: per unit of the audience in scope, then the totals — the figures of /stats
   * (StatsService: one definition of each number): audience, registered (and per title), the
   * current period's reports, per content line the sum reported against the sum of targets and
   * how many reached their own, unreachable, opted out and laggards of the focus milestone.
   */
  private summarySheet(stats: CampaignStats, label: ExportLabel): SheetSpec {
    const titleName = (t: CampaignStats['titles'][number]) => t.name ?? label(`reg-title-${t.code}`);
    const individual = stats.titles.filter((t) => t.scope === 'INDIVIDUAL');
    const lineName = (l: CampaignStats['lines'][number]) => (l.unitOfMeasure ? `${l.title} (${l.unitOfMeasure})` : l.title);
    const columns: ColumnSpec[] = [
      { header: label('export-col-unit'), kind: 'text', width: 30 },
      { header: label('export-col-unit-code'), kind: 'text', width: 12 },
      { header: label('export-col-members'), kind: 'integer' },
      { header: label('export-col-registered'), kind: 'integer' },
      { header: label('export-col-registered-share'), kind: 'percent' },
      ...individual.map((t): ColumnSpec => ({ header: label('export-col-by-title', { title: titleName(t) }), kind: 'integer' })),
      { header: label('export-col-collective'), kind: 'text', width: 28 },
      { header: label('export-col-period-reports'), kind: 'integer' },
      { header: label('export-col-period-reporters'), kind: 'integer' },
      ...stats.lines.flatMap((l): ColumnSpec[] => [
        { header: label('export-col-line-reported', { line: lineName(l) }), kind: 'number' },
        { header: label('export-col-line-target', { line: lineName(l) }), kind: 'number' },
        { header: label('export-col-line-reached', { line: lineName(l) }), kind: 'integer' },
      ]),
      { header: label('export-col-targets-reached'), kind: 'percent' },
      { header: label('export-col-unreachable'), kind: 'integer' },
      { header: label('export-col-opted-out'), kind: 'integer' },
      { header: label('export-col-laggards'), kind: 'integer' },
    ];
    const collective = (code: string | null) => {
      const t = code ? stats.titles.find((x) => x.code === code) : undefined;
      return code ? (t ? titleName(t) : label(`reg-title-${code}`)) : null;
    };
    const rows: CellValue[][] = stats.units.map((u) => [
      u.name,
      u.code,
      u.audience,
      u.registered,
      u.registeredShare,
      ...individual.map((t) => u.byTitle[t.code] ?? 0),
      collective(u.collectiveTitle),
      u.reportsInPeriod,
      u.reportersInPeriod,
      ...u.lines.flatMap((l) => [l.reported, l.target, l.reached]),
      u.targetsReachedShare,
      u.unreachable,
      u.optedOut,
      u.laggards.length,
    ]);
    const t = stats.totals;
    rows.push([
      label('export-total'),
      null,
      t.audience,
      t.registered,
      t.registeredShare,
      ...individual.map((x) => t.byTitle[x.code] ?? 0),
      null,
      t.reportsInPeriod,
      t.reportersInPeriod,
      ...t.lines.flatMap((l) => [l.reported, l.target, l.reached]),
      t.targetsReachedShare,
      t.unreachable,
      t.optedOut,
      t.laggards,
    ]);
    return { name: label('export-sheet-summary'), columns, rows };
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
    const read = () =>
      this.prisma.$queryRaw<
        Array<{ m_title: string | null; m_kind: string; unit_name: string; full_name: string | null; updated_at: Date; figures: Array<{ label: string; value: string }> | null; note: string | null; files: number }>
      >`
        SELECT m.title AS m_title, m.kind::text AS m_kind, u.name AS unit_name, sub.full_name, rr.updated_at, rr.figures, rr.note,
               (SELECT count(*) FROM attachment a WHERE a.review_report_id = rr.id)::int AS files
        FROM review_report rr JOIN milestone m ON m.id = rr.milestone_id JOIN unit u ON u.id = rr.unit_id
        LEFT JOIN member sub ON sub.id = rr.submitted_by_id
        WHERE m.campaign_id = ${campaignId} ${q(scopePath, 'u.path')}
        ORDER BY m.due_at, m.id, u.path`;
    return queriedSheet(label('export-sheet-reviews'), columns, read, (r) => {
      const figures = Array.isArray(r.figures) ? r.figures.map((f) => `${f.label}: ${f.value}`).join('\n') : null;
      return [r.m_title ?? label(`camp-milestone-${r.m_kind}`), r.unit_name, r.full_name, r.updated_at, figures, r.note, r.files];
    });
  }

  /**
   * Khen thưởng: the published honour roll (vinh danh) of people and collectives in scope, in the
   * order it was published — the annex an officer attaches to the tổng kết.
   */
  private awardSheet(campaignId: number, scopePath: string | null, label: ExportLabel): SheetSpec {
    const columns: ColumnSpec[] = [
      { header: label('export-col-honoured'), kind: 'text', width: 30 },
      { header: label('export-col-scope'), kind: 'text', width: 12 },
      { header: label('export-col-unit'), kind: 'text', width: 30 },
      { header: label('export-col-honour'), kind: 'text', width: 32 },
      { header: label('export-col-decision-number'), kind: 'text', width: 18 },
      { header: label('export-col-decision-date'), kind: 'date' },
      { header: label('export-col-published-at'), kind: 'datetime' },
    ];
    const read = () =>
      this.prisma.$queryRaw<
        Array<{ name: string; collective: boolean; unit: string | null; title_code: string | null; title_text: string | null; decision_number: string | null; decision_date: Date | null; published_at: Date }>
      >`
        SELECT COALESCE(m.full_name, au.name) AS name, (a.unit_id IS NOT NULL) AS collective, COALESCE(mu.name, au.name) AS unit,
               a.title_code, a.title_text, a.decision_number, a.decision_date, a.published_at
        FROM award a
        LEFT JOIN member m ON m.id = a.member_id LEFT JOIN unit mu ON mu.id = m.unit_id
        LEFT JOIN unit au ON au.id = a.unit_id
        WHERE a.campaign_id = ${campaignId} AND a.published_at IS NOT NULL ${q(scopePath, 'COALESCE(mu.path, au.path)')}
        ORDER BY a.published_at, a.id`;
    return queriedSheet(label('export-sheet-awards'), columns, read, (r) => [
      r.name,
      label(r.collective ? 'export-scope-COLLECTIVE' : 'export-scope-INDIVIDUAL'),
      r.unit,
      r.title_text ?? (r.title_code ? label(`reg-title-${r.title_code}`) : ''),
      r.decision_number,
      r.decision_date,
      r.published_at,
    ]);
  }
}
