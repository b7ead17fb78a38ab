/**
 * Báo cáo sơ kết / tổng kết of a unit (review report). Asks an officer, for one open review
 * milestone: the document (PDF/DOCX/XLSX ≤ 20 MB; a photo is not a report) → optional key figures,
 * one "name: value" a line → an optional note → Confirm. Stores (in the flow state) the milestone,
 * what to show about it, the document as the channel's file reference, the figures and the note;
 * on Confirm `ReviewReportService.submit` re-checks the officer's role and unit and saves it
 * (a resubmission replaces the unit's report).
 */
import { formatDateTime } from '../domain/dates.js';
import { escapeHtml } from '../domain/text.js';
import type { Services } from '../services/index.js';
import { checkReviewDocument, parseKeyFigures, type KeyFigure, type ReviewDocument } from '../services/review-reports.js';
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type Choice, type FlowContext, type Message, type Step } from './model.js';
import { namedChoice } from './steps.js';

/** Flow id of the review report. */
export const REVIEW_FLOW = 'review-report';

const NOTE_MAX = 1000;

/** What the flow is started with (see {@link openReview}). */
export interface ReviewArgs {
  milestoneId: number;
  campaign: string;
  kind: string;
  /** The deadline as shown (Vietnam time). */
  deadline: string;
  unit: string;
  /** The file of the report the unit already sent, which a new one replaces. */
  currentFile: string | null;
}

interface ReviewData extends ReviewArgs {
  document: ReviewDocument | null;
  figures: KeyFigure[] | null;
  note: string | null;
}

/** The locale key of a refusal of the review rules. */
function refusalKey(reason: string): string {
  switch (reason) {
    case 'closed':
      return 'review-closed';
    case 'not_in_audience':
      return 'review-not-in-audience';
    case 'not_officer':
      return 'forbidden';
    case 'file_type':
      return 'review-file-type';
    case 'file_too_large':
      return 'review-file-too-large';
    default:
      return 'review-not-found';
  }
}

/**
 * Before the flow: may this member submit for the milestone (an officer of a unit in its audience,
 * while it is open)? Returns the flow's arguments, or what to say instead.
 */
export async function openReview(services: Services, memberId: number, milestoneId: number): Promise<{ ok: true; args: ReviewArgs } | { ok: false; say: Message }> {
  const r = services.reviewReports;
  const check = await r.canSubmit(milestoneId, { id: memberId });
  if (!check.ok) return { ok: false, say: { key: refusalKey(check.reason) } };
  const m = (await r.milestone(milestoneId))!;
  const unit = (await services.units.byId(check.unitId))!;
  const current = await r.current(milestoneId, unit.id);
  return {
    ok: true,
    args: { milestoneId, campaign: m.campaign.title, kind: m.kind, deadline: formatDateTime(m.dueAt), unit: unit.name, currentFile: current?.attachments[0]?.fileName ?? null },
  };
}

const what = (d: ReviewData, ctx: FlowContext): string => ctx.label({ key: `reminder-what-${d.kind}` });
const skip: Choice = { value: 'skip', label: { key: 'review-skip' }, aliases: ['bo qua', 'skip'] };
/** "Bỏ qua" typed instead of tapped (a text-only channel). */
const isSkip = (text: string, ctx: FlowContext): boolean => namedChoice(text, [skip], ctx) !== undefined;

/** The review report flow, submitting through `services.reviewReports`. */
export function createReviewFlow(services: Services): FlowSpec<ReviewData, ReviewArgs> {
  const file: Step<ReviewData> = {
    id: 'file',
    accepts: 'file',
    prompt: (d, ctx) => ({
      key: 'review-ask-file',
      vars: { what: what(d, ctx), unit: escapeHtml(d.unit), replace: d.currentFile ? 'yes' : 'no', file: escapeHtml(d.currentFile ?? '') },
    }),
    hint: () => ({ key: 'review-need-file' }),
    answer(d, a) {
      if (a.kind !== 'file' || a.file.kind !== 'document') return problem('review-need-file');
      const f = a.file;
      const document: ReviewDocument = { fileId: f.fileId, fileUniqueId: f.uniqueId ?? null, fileName: f.fileName ?? null, mimeType: f.mimeType ?? null, size: f.size ?? null };
      const checked = checkReviewDocument(document);
      if (!checked.ok) return problem(checked.reason === 'file_type' ? 'review-file-type' : 'review-file-too-large');
      return { ok: true, data: { ...d, document } };
    },
  };

  const figures: Step<ReviewData> = {
    id: 'figures',
    accepts: 'text',
    prompt: () => ({ key: 'review-ask-figures' }),
    choices: () => [skip],
    answer(d, a, ctx) {
      if (a.kind === 'choice' || (a.kind === 'text' && isSkip(a.text, ctx))) return { ok: true, data: { ...d, figures: null } };
      if (a.kind !== 'text') return problem('cv-hint-button');
      const parsed = parseKeyFigures(a.text);
      if (!parsed.ok) return problem('review-figures-invalid', { line: escapeHtml(parsed.line) });
      return { ok: true, data: { ...d, figures: parsed.figures } };
    },
  };

  const note: Step<ReviewData> = {
    id: 'note',
    accepts: 'text',
    prompt: () => ({ key: 'review-ask-note' }),
    choices: () => [skip],
    answer(d, a, ctx) {
      if (a.kind === 'choice' || (a.kind === 'text' && isSkip(a.text, ctx))) return { ok: true, data: { ...d, note: null } };
      if (a.kind !== 'text') return problem('cv-hint-button');
      if (a.text.length > NOTE_MAX) return problem('text-too-long', { max: NOTE_MAX });
      return { ok: true, data: { ...d, note: a.text.trim() } };
    },
  };

  const confirm: Step<ReviewData> = {
    id: 'confirm',
    accepts: 'choice',
    prompt: (d, ctx) => {
      const none = ctx.label({ key: 'review-none-given' });
      return {
        key: 'review-confirm',
        vars: {
          campaign: escapeHtml(d.campaign),
          what: what(d, ctx),
          deadline: d.deadline,
          unit: escapeHtml(d.unit),
          file: escapeHtml(d.document?.fileName ?? '—'),
          figures: d.figures ? escapeHtml(d.figures.map((f) => `${f.label}: ${f.value}`).join('; ')) : none,
          note: d.note ? escapeHtml(d.note) : none,
        },
      };
    },
    choices: () => [{ value: 'confirm', label: { key: 'review-confirm-button' } }],
    answer: (d, a) => (a.kind === 'choice' ? { ok: true, data: d } : problem('cv-hint-button')),
  };

  return {
    id: REVIEW_FLOW,
    version: 1,
    nameKey: 'review-flow-name',
    steps: [file, figures, note, confirm],
    init: (args) => ({ ...args, document: null, figures: null, note: null }),
    async complete(d, env): Promise<Reply[]> {
      const result = await services.reviewReports.submit({ milestoneId: d.milestoneId, actor: { id: env.memberId }, document: d.document!, figures: d.figures, note: d.note });
      if (!result.ok) return [{ kind: 'say', message: { key: refusalKey(result.reason) }, menu: true }];
      const vars = { what: what(d, env), unit: escapeHtml(d.unit), deadline: d.deadline };
      return [{ kind: 'say', message: { key: result.replaced ? 'review-replaced' : 'review-saved', vars }, menu: true }];
    },
  };
}
