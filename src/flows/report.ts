/**
 * Báo cáo tiến độ (progress report). Asks: the campaign (when several are open and none was given)
 * → the content line, from the criteria tree → for a second report in the period, whether it adds
 * to or replaces the first → the value (the period total so far, or what is new), a figure that
 * reads two ways confirmed → an optional note → when replacing, whether to keep the earlier files
 * → evidence files (photos and documents within the size and type limits, captions kept as each
 * file's note; "xong" finishes; a photo sent before the report opened is already among them) → a
 * summary that says how many files, and Confirm.
 * Stores (in the flow state) the chosen campaign with its lines and period, the line's earlier
 * report of the period, the answers and the files as the channel's references; on Confirm the
 * report goes to `ReportService.submit`, which applies the rules and counts it for the current period.
 */
import { formatDateTime } from '../domain/dates.js';
import { addDecimals, escapeHtml, formatBytes } from '../domain/text.js';
import type { Services } from '../services/index.js';
import type { CommitmentInput, LineDto } from '../services/registrations.js';
import { checkEvidence, MAX_EVIDENCE_BYTES, type EvidenceInput, type ReportDto, type ReportMode } from '../services/reports.js';
import type { FlowSpec, Reply } from './conversations.js';
import type { Choice, FileRef, FlowContext, Message, Step, StepResult } from './model.js';
import { problem } from './model.js';
import { campaignStep, namedChoice, type CampaignOption } from './steps.js';
import { linePath, parseLineValue, readingAliases, valueText, type NumberLocale, type TwoWayFigure } from './values.js';

/** Flow id of báo cáo tiến độ. */
export const REPORT_FLOW = 'report';

const MAX_NOTE = 500;
/** Longest content line title on a button (the whole title is in the tree above). */
const LABEL_CHARS = 60;

/** A campaign as the report needs it: its content lines and the period a report counts for. */
interface ReportCampaign {
  id: number;
  title: string;
  lines: LineDto[];
  period: { milestoneId: number; dueAt: string };
}

/** What the flow is started with (see {@link openReport}). */
export interface ReportArgs {
  memberId: number;
  locale: NumberLocale;
  campaigns: CampaignOption[];
  /** Set when the campaign is known at the start (one open, or a reminder's button): no campaign question. */
  campaign: ReportCampaign | null;
  /** Files sent before the report was opened (a photo sent outside any flow): already this report's evidence. */
  attach?: FileRef[];
}

interface ReportData extends ReportArgs {
  /** The campaign was given at the start: the campaign step is passed over, also on Back. */
  fixedCampaign: boolean;
  lineId: number | null;
  /** The line's report already sent in this period, if any. */
  last: ReportDto | null;
  /** What this report counts: the period total (`new`, `replace`) or what is new since `last` (`add`). */
  mode: ReportMode['kind'];
  keepEvidence: boolean;
  /** A figure typed as "500,000", waiting for the member to say which reading they meant. */
  pending: TwoWayFigure | null;
  value: CommitmentInput | null;
  note: string | null;
  evidence: EvidenceInput[];
}

/** A plain text as a message (its words are already in the member's language, or are data). */
const verbatim = (text: string): Message => ({ key: 'flow-verbatim', vars: { text } });

const lineOf = (d: ReportData): LineDto => d.campaign!.lines.find((l) => l.id === d.lineId)!;
const lastValue = (d: ReportData, ctx: FlowContext): string => (d.last ? valueText(ctx, d.locale, lineOf(d), d.last) : '');
/** Files of the earlier report that stay with this one. */
const keptFiles = (d: ReportData): number => (d.last && (d.mode === 'add' || (d.mode === 'replace' && d.keepEvidence)) ? d.last.attachments : 0);
const asksKeep = (d: ReportData): boolean => d.mode === 'replace' && (d.last?.attachments ?? 0) > 0;

/** The content tree as text, grouped: parents as headings, leaves numbered as their buttons are. */
function treeText(lines: readonly LineDto[]): string {
  const out: string[] = [];
  let n = 0;
  const walk = (parentId: number | null, depth: number) => {
    for (const l of lines.filter((x) => x.parentId === parentId)) {
      const indent = '  '.repeat(depth);
      out.push(l.leaf ? `${indent}${++n}. ${escapeHtml(l.title)}` : `${indent}<b>${escapeHtml(l.title)}</b>`);
      walk(l.id, depth + 1);
    }
  };
  walk(null, 0);
  return out.join('\n');
}

/** The evidence a file stands for: a photo is a JPEG; its caption is the file's note. */
export function evidenceOf(file: FileRef): EvidenceInput {
  return {
    channel: file.channel === 'zalo' ? 'ZALO' : 'TELEGRAM',
    kind: file.kind === 'photo' ? 'PHOTO' : 'DOCUMENT',
    fileId: file.fileId,
    fileUniqueId: file.uniqueId ?? null,
    fileName: file.fileName ?? null,
    mimeType: file.mimeType ?? (file.kind === 'photo' ? 'image/jpeg' : null),
    size: file.size ?? null,
    note: file.caption?.trim() || null,
  };
}

/**
 * Before the flow: who may report, and on what. Returns what to say first (open review reports for
 * officers, or why there is nothing to report) and the flow's arguments — null when it should not
 * start. `campaignId` comes from a reminder's button.
 */
export async function openReport(
  services: Services,
  who: { memberId: number; role: string; locale: string },
  campaignId: number | null,
  ctx: Pick<FlowContext, 'label'>,
): Promise<{ say: Message[]; args: ReportArgs | null }> {
  const say: Message[] = [];
  const campaigns = await services.registrations.campaignsFor(who.memberId);
  if (who.role !== 'MEMBER' && campaigns.length > 0) {
    const reviews = await services.reports.openReviews(campaigns.map((c) => c.id));
    if (reviews.length > 0) {
      const lines = reviews.map((r) =>
        ctx.label({
          key: 'rep-review-line',
          vars: { kind: ctx.label({ key: `rep-review-${r.kind}` }), title: escapeHtml(r.title ?? ''), campaign: escapeHtml(r.campaign), due: formatDateTime(new Date(r.dueAt)) },
        }),
      );
      say.push(verbatim([ctx.label({ key: 'rep-reviews-open' }), ...lines, ctx.label({ key: 'rep-reviews-pointer' })].join('\n')));
    }
  }
  const given = campaignId ? campaigns.find((c) => c.id === campaignId) : campaigns.length === 1 ? campaigns[0] : undefined;
  if (campaigns.length === 0 || (campaignId && !given)) return { say: [...say, { key: 'rep-no-campaigns' }], args: null };
  let campaign: ReportCampaign | null = null;
  if (given) {
    const period = await services.reports.period(given.id);
    if (!period) return { say: [...say, { key: 'rep-no-period', vars: { campaign: escapeHtml(given.title) } }], args: null };
    campaign = { id: given.id, title: given.title, lines: given.lines, period: { milestoneId: period.milestoneId, dueAt: period.dueAt } };
  }
  return {
    say,
    args: { memberId: who.memberId, locale: who.locale === 'en' ? 'en' : 'vi', campaigns: campaigns.map((c) => ({ id: c.id, title: c.title })), campaign },
  };
}

/** Resets everything chosen after the line (a new line, or a new campaign). */
function fromLine(d: ReportData, lineId: number | null, last: ReportDto | null): ReportData {
  return { ...d, lineId, last, mode: 'new', keepEvidence: true, pending: null, value: null, note: null, evidence: (d.attach ?? []).map(evidenceOf) };
}

/** The report flow, calling `services` for the campaign, the earlier report and the submission. */
export function createReportFlow(services: Services): FlowSpec<ReportData, ReportArgs> {
  const chooseCampaign = campaignStep<ReportData>({
    prompt: 'rep-ask-campaign',
    options: (d) => d.campaigns,
    skip: (d) => d.fixedCampaign,
    async chosen(d, campaignId): Promise<StepResult<ReportData>> {
      const c = (await services.registrations.campaignsFor(d.memberId)).find((x) => x.id === campaignId);
      if (!c) return problem('rep-refused-campaign_not_open');
      const period = await services.reports.period(c.id);
      if (!period) return problem('rep-no-period', { campaign: escapeHtml(c.title) });
      const campaign = { id: c.id, title: c.title, lines: c.lines, period: { milestoneId: period.milestoneId, dueAt: period.dueAt } };
      return { ok: true, data: fromLine({ ...d, campaign }, null, null) };
    },
  });

  const line: Step<ReportData> = {
    id: 'line',
    accepts: 'choice',
    prompt: (d, ctx) => {
      const c = d.campaign!;
      return verbatim([ctx.label({ key: 'rep-ask-line', vars: { campaign: escapeHtml(c.title), due: formatDateTime(new Date(c.period.dueAt)) } }), treeText(c.lines)].join('\n'));
    },
    choices: (d) =>
      d.campaign!.lines.filter((l) => l.leaf).map((l, i) => ({ value: `l${l.id}`, label: verbatim(`${i + 1}. ${l.title}`.slice(0, LABEL_CHARS)) })),
    async answer(d, a) {
      if (a.kind !== 'choice') return problem('cv-hint-button');
      const lineId = Number(a.value.slice(1));
      const last = await services.reports.lastInPeriod(d.memberId, lineId, d.campaign!.period.milestoneId);
      return { ok: true, data: fromLine(d, lineId, last) };
    },
  };

  // A second report in the period never silently corrects the first: the member says how it counts.
  const mode: Step<ReportData> = {
    id: 'mode',
    accepts: 'choice',
    skip: (d) => !d.last,
    prompt: (d, ctx) => ({
      key: 'rep-ask-mode',
      vars: { line: escapeHtml(lineOf(d).title), value: escapeHtml(lastValue(d, ctx)), at: formatDateTime(new Date(d.last!.createdAt)), files: d.last!.attachments },
    }),
    choices: (d) => [
      ...(lineOf(d).measure === 'YES_NO' ? [] : [{ value: 'add', label: { key: 'rep-mode-add' } }]),
      { value: 'replace', label: { key: 'rep-mode-replace' } },
    ],
    answer: (d, a) => (a.kind === 'choice' ? { ok: true, data: { ...d, mode: a.value === 'add' ? 'add' : 'replace' } } : problem('cv-hint-button')),
  };

  const yesNo = (d: ReportData): Choice[] =>
    lineOf(d).measure === 'YES_NO' ? [{ value: 'yes', label: { key: 'cv-yes' } }, { value: 'no', label: { key: 'cv-no' } }] : [];

  const value: Step<ReportData> = {
    id: 'value',
    accepts: 'text',
    prompt: (d, ctx) => {
      const l = lineOf(d);
      return {
        key: `rep-value-${d.mode === 'new' ? 'total' : d.mode}-${l.measure}`,
        vars: { line: escapeHtml(linePath(d.campaign!.lines, l)), unit: l.unitOfMeasure ? ` (${escapeHtml(l.unitOfMeasure)})` : '', previous: escapeHtml(lastValue(d, ctx)) },
      };
    },
    choices: yesNo,
    numbersAreValues: (d) => lineOf(d).measure === 'NUMBER',
    hint: (d) => ({ key: `reg-hint-line-${lineOf(d).measure}` }),
    answer(d, a, ctx) {
      const l = lineOf(d);
      if (a.kind === 'choice') return { ok: true, data: { ...d, pending: null, value: { criterionId: l.id, bool: a.value === 'yes' } } };
      if (a.kind !== 'text') return problem(`reg-hint-line-${l.measure}`);
      const named = namedChoice(a.text, yesNo(d), ctx);
      if (named) return { ok: true, data: { ...d, pending: null, value: { criterionId: l.id, bool: named.value === 'yes' } } };
      const v = parseLineValue(d.locale, l, a.text);
      if (v.kind === 'problem') return { ok: false, problem: v.problem };
      if (v.kind === 'ambiguous') return { ok: true, data: { ...d, pending: { typed: v.typed, thousands: v.thousands, decimal: v.decimal }, value: null } };
      return { ok: true, data: { ...d, pending: null, value: v.value } };
    },
  };

  // A figure that reads two ways ("500,000") is never guessed: the member picks a reading or retypes it.
  const readings = (d: ReportData, ctx: FlowContext): Choice[] => {
    const l = lineOf(d);
    const p = d.pending!;
    return (['thousands', 'decimal'] as const).map((which) => ({
      value: which,
      label: verbatim(valueText(ctx, d.locale, l, { number: p[which] })),
      aliases: readingAliases(p[which], d.locale),
    }));
  };
  const which: Step<ReportData> = {
    id: 'which',
    accepts: 'text',
    skip: (d) => !d.pending,
    prompt: (d, ctx) => {
      const [thousands, decimal] = readings(d, ctx).map((c) => escapeHtml(ctx.label(c.label)));
      return { key: 'cv-number-which', vars: { typed: escapeHtml(d.pending!.typed), thousands: thousands!, decimal: decimal! } };
    },
    choices: readings,
    hint: () => ({ key: 'cv-number-which-hint' }),
    answer(d, a, ctx) {
      const l = lineOf(d);
      const p = d.pending!;
      const pick = (w: string) => ({ ok: true as const, data: { ...d, pending: null, value: { criterionId: l.id, number: w === 'thousands' ? p.thousands : p.decimal } } });
      if (a.kind === 'choice') return pick(a.value);
      if (a.kind !== 'text') return problem('cv-number-which-hint');
      const named = namedChoice(a.text, readings(d, ctx), ctx);
      if (named) return pick(named.value);
      const v = parseLineValue(d.locale, l, a.text);
      if (v.kind === 'problem') return { ok: false, problem: v.problem };
      if (v.kind === 'ambiguous') return problem('cv-number-which-hint');
      return { ok: true, data: { ...d, pending: null, value: v.value } };
    },
  };

  const skipNote: Choice = { value: 'skip', label: { key: 'cv-skip' }, aliases: ['bo qua', 'skip', 'khong'] };
  const note: Step<ReportData> = {
    id: 'note',
    accepts: 'text',
    prompt: () => ({ key: 'rep-ask-note' }),
    choices: () => [skipNote],
    hint: () => ({ key: 'rep-hint-note' }),
    answer(d, a, ctx) {
      if (a.kind === 'choice') return { ok: true, data: { ...d, note: null } };
      if (a.kind !== 'text') return problem('rep-hint-note');
      if (namedChoice(a.text, [skipNote], ctx)) return { ok: true, data: { ...d, note: null } };
      if ([...a.text].length > MAX_NOTE) return problem('cv-text-too-long', { max: MAX_NOTE });
      return { ok: true, data: { ...d, note: a.text } };
    },
  };

  // Correcting the figure must not delete the evidence behind it unless the member says so.
  const keep: Step<ReportData> = {
    id: 'keep',
    accepts: 'choice',
    skip: (d) => !asksKeep(d),
    prompt: (d) => ({ key: 'rep-ask-keep-evidence', vars: { count: d.last!.attachments } }),
    choices: (d) => [
      { value: 'keep', label: { key: 'rep-keep-evidence', vars: { count: d.last!.attachments } } },
      { value: 'replace', label: { key: 'rep-replace-evidence' } },
    ],
    answer: (d, a) => (a.kind === 'choice' ? { ok: true, data: { ...d, keepEvidence: a.value === 'keep' } } : problem('cv-hint-button')),
  };

  const evidence: Step<ReportData> = {
    id: 'evidence',
    accepts: 'file',
    prompt: (d, ctx) => {
      const kept = keptFiles(d);
      if (d.evidence.length === 0) {
        const ask = ctx.label({ key: 'rep-ask-evidence', vars: { max: formatBytes(MAX_EVIDENCE_BYTES) } });
        return verbatim(kept > 0 ? `${ask}\n${ctx.label({ key: 'rep-evidence-kept', vars: { count: kept } })}` : ask);
      }
      const more = ctx.label({ key: 'rep-evidence-more', vars: { count: d.evidence.length } });
      const caption = d.evidence.at(-1)?.note;
      return verbatim(caption ? `${more}\n${ctx.label({ key: 'rep-evidence-caption', vars: { caption: escapeHtml(caption) } })}` : more);
    },
    choices: () => [{ value: 'done', label: { key: 'cv-done' }, aliases: ['xong', 'done', 'bo qua', 'skip'] }],
    hint: () => ({ key: 'rep-hint-evidence' }),
    answer(d, a) {
      if (a.kind === 'choice') return { ok: true, data: d };
      if (a.kind !== 'file') return problem('rep-hint-evidence');
      const e = evidenceOf(a.file);
      const check = checkEvidence(e);
      if (!check.ok) {
        return check.reason === 'evidence_too_large'
          ? problem('rep-evidence-too-large', { name: escapeHtml(e.fileName ?? ''), size: formatBytes(e.size ?? 0), max: formatBytes(MAX_EVIDENCE_BYTES) })
          : problem('rep-evidence-type', { name: escapeHtml(e.fileName ?? '') });
      }
      // One more file: the same question again, now saying how many arrived.
      return { ok: true, data: { ...d, evidence: [...d.evidence, e] }, next: 'evidence' };
    },
  };

  const summary: Step<ReportData> = {
    id: 'summary',
    accepts: 'choice',
    prompt: (d, ctx) => verbatim(summaryText(d, ctx)),
    choices: () => [{ value: 'confirm', label: { key: 'cv-confirm' } }],
    answer: (d, a) => (a.kind === 'choice' ? { ok: true, data: d } : problem('cv-hint-button')),
  };

  return {
    id: REPORT_FLOW,
    version: 1,
    nameKey: 'rep-flow-name',
    // A report changes the campaign's figures, never the member: no reload when it finishes.
    keepsMember: true,
    steps: [chooseCampaign, line, mode, value, which, note, keep, evidence, summary],
    init: (args) => fromLine({ ...args, fixedCampaign: args.campaign !== null } as ReportData, null, null),
    async complete(d, env): Promise<Reply[]> {
      const l = lineOf(d);
      const v = d.value!;
      const reportMode: ReportMode =
        d.mode === 'new' ? { kind: 'new' } : d.mode === 'add' ? { kind: 'add', reportId: d.last!.id } : { kind: 'replace', reportId: d.last!.id, keepEvidence: d.keepEvidence };
      const result = await services.reports.submit({
        memberId: env.memberId,
        campaignId: d.campaign!.id,
        criterionId: l.id,
        number: v.number ?? null,
        bool: v.bool ?? null,
        text: v.text ?? null,
        note: d.note,
        evidence: d.evidence,
        mode: reportMode,
      });
      if (!result.ok) return [{ kind: 'say', message: { key: `rep-refused-${result.reason}` }, menu: true }];
      const r = result.report;
      const vars = {
        line: escapeHtml(l.title),
        value: escapeHtml(valueText(env, d.locale, l, r)),
        files: r.attachments,
        due: formatDateTime(new Date(d.campaign!.period.dueAt)),
      };
      return [{ kind: 'say', message: { key: `rep-saved-${result.mode}`, vars }, menu: true }];
    },
  };
}

/** The summary before Confirm: line, value (and what it adds to or replaces), note, how many files. */
function summaryText(d: ReportData, ctx: FlowContext): string {
  const t = (key: string, vars?: Message['vars']) => ctx.label(vars ? { key, vars } : { key });
  const l = lineOf(d);
  const v = d.value!;
  const shown = escapeHtml(valueText(ctx, d.locale, l, v));
  const previous = escapeHtml(lastValue(d, ctx));
  const valueLine =
    d.mode === 'add' && l.measure === 'NUMBER' && d.last?.number && v.number
      ? t('rep-summary-value-added', { value: shown, previous, total: escapeHtml(valueText(ctx, d.locale, l, { number: addDecimals(d.last.number, v.number) })) })
      : d.mode === 'add'
        ? t('rep-summary-value-appended', { value: shown })
        : t('rep-summary-value', { value: shown });
  const kept = keptFiles(d);
  const dropped = d.last && d.mode === 'replace' && !d.keepEvidence ? d.last.attachments : 0;
  const added = d.evidence.length;
  const evidenceLine =
    kept > 0
      ? t('rep-summary-evidence-kept', { total: kept + added, kept, added })
      : dropped > 0
        ? t('rep-summary-evidence-replaced', { added, dropped })
        : t('rep-summary-evidence', { count: added });
  return [
    t('rep-summary-title', { campaign: escapeHtml(d.campaign!.title) }),
    t('rep-summary-line', { line: escapeHtml(l.title) }),
    valueLine,
    ...(d.note ? [t('rep-summary-note', { note: escapeHtml(d.note) })] : []),
    evidenceLine,
    ...(d.mode === 'replace' ? [t('rep-summary-replaces', { previous })] : []),
  ].join('\n');
}
