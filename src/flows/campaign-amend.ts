/**
 * Đính chính / gia hạn (an officer amends a LAUNCHED campaign), on every channel: Telegram's
 * "✏️ Đính chính / gia hạn" button and /amend [code], Zalo's «gia hạn» / «đính chính» [code].
 *
 * Asks: which launched campaign (passed over when named or when the officer manages only one) →
 * what to amend (a deadline or the campaign's last day for «gia hạn»; the title, slogan,
 * description, a content line's wording or one more content line for «đính chính»; all of them
 * from /amend) → which deadline or content line, when it is one of several → the new value (a
 * date is later than the current one; a text differs from the current one — an earlier date is
 * refused with the reason, see src/domain/amendments.ts) → for a new line how it is measured and
 * its unit → a preview of the notice exactly as members will read it, with how many members and
 * groups already told of the launch it reaches, and «Gửi đính chính» / «Hủy». Nothing changes and
 * nothing is sent before that confirmation.
 *
 * Stores (in the flow state) the campaigns offered (id, code, title), the choices made, the value
 * typed, the preview (outbox data and counts), a nonce and the chat for the officer's progress. On
 * confirmation `AmendmentService.amend` re-checks the officer and the rule, changes the campaign,
 * queues the notices and audits, in one transaction; the same confirmation twice amends once.
 */
import { randomBytes } from 'node:crypto';
import type { Services } from '../services/index.js';
import { AMENDMENT_KINDS, EXTEND_KINDS, type AmendmentChange, type AmendmentKind, type LineMeasure, AMEND_TEXT_MAX } from '../domain/amendments.js';
import { formatDate, formatDateTime, localParts, parseDate, parseDateTime } from '../domain/dates.js';
import { escapeHtml } from '../domain/text.js';
import type { OutboxMessage } from '../messages/types.js';
import { renderText } from '../messages/text.js';
import type { FlowSpec, Reply } from './conversations.js';
import { matchChoice, problem, type Choice, type FlowContext, type Message, type Step, type StepResult } from './model.js';
import { confirmAnswer } from './steps.js';

/** Flow id of amending a launched campaign. */
export const CAMPAIGN_AMEND_FLOW = 'campaign-amend';

/** «gia hạn» offers only the later dates; «đính chính» the texts and a new line; null offers all. */
export type AmendMode = 'extend' | 'correct';

/** What the flow is started with. */
export interface CampaignAmendArgs {
  /** The campaign of the button pressed. */
  campaignId?: number;
  /** The code typed after the command ("gia hạn chu-nhat-xanh"). */
  code?: string;
  mode?: AmendMode;
  /** The chat the officer's sending progress goes to. */
  progressChatId: string | null;
  /** Filled by `prepare`. */
  actorId?: number;
  campaigns?: Listed[];
  title?: string;
}

interface Listed {
  id: number;
  code: string;
  title: string;
}

/** A milestone or content line to pick, as read when the kind was chosen. */
interface Target {
  id: number;
  /** Content line: its title. Milestone: its own title, if any. */
  text: string | null;
  milestoneKind?: string;
  dueAt?: string;
}

interface AmendData {
  actorId: number;
  progressChatId: string | null;
  mode: AmendMode | null;
  campaigns: Listed[];
  campaignId: number | null;
  title: string;
  kind: AmendmentKind | null;
  targets: Target[];
  targetId: number | null;
  /** What is there now, shown with the value question (to copy and correct). */
  current: string;
  /** The new text (or a new line's title). */
  text: string | null;
  /** The new date, ISO. */
  at: string | null;
  measure: LineMeasure | null;
  unit: string | null;
  preview: { message: OutboxMessage; members: number; groups: number } | null;
  nonce: string;
  confirmed: boolean;
}

const MEASURES: readonly LineMeasure[] = ['NUMBER', 'YES_NO', 'TEXT'];
const verbatim = (text: string): Message => ({ key: 'flow-verbatim', vars: { text } });
const SKIP: Choice = { value: 'skip', label: { key: 'wiz-skip' }, aliases: ['bo qua', 'skip'] };
const short = (s: string, n = 48): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A deadline or a content line as it reads now. */
const currentOf = (t: Target): string => (t.dueAt ? formatDateTime(new Date(t.dueAt)) : (t.text ?? ''));

/** The amendment the answers so far describe (complete once the value is given). */
function changeOf(d: AmendData): AmendmentChange {
  switch (d.kind) {
    case 'deadline':
      return { kind: 'deadline', milestoneId: d.targetId ?? 0, dueAt: new Date(d.at ?? 0) };
    case 'end':
      return { kind: 'end', endsAt: new Date(d.at ?? 0) };
    case 'line':
      return { kind: 'line', criterionId: d.targetId ?? 0, text: d.text ?? '' };
    case 'add-line':
      return { kind: 'add-line', title: d.text ?? '', measure: d.measure ?? 'TEXT', unit: d.unit };
    default:
      return { kind: d.kind ?? 'title', text: d.text ?? '' };
  }
}

/** The amend flow, deciding through `services.amendments`. */
export function createCampaignAmendFlow(services: Services): FlowSpec<AmendData, CampaignAmendArgs> {
  const refused = (reason: string): { ok: false; problem: Message } => problem(`amend-refused-${reason}`);

  /** The value is complete: the notice as members will read it, or why it is not an amendment. */
  async function withPreview(d: AmendData): Promise<StepResult<AmendData>> {
    const p = await services.amendments.preview(d.campaignId!, { id: d.actorId }, changeOf(d));
    if (!p.ok) return refused(p.reason);
    return { ok: true, data: { ...d, preview: { message: p.message, members: p.members, groups: p.groups }, nonce: randomBytes(6).toString('hex') }, next: 'confirm' };
  }

  const pick: Step<AmendData> = {
    id: 'pick',
    accepts: 'choice',
    skip: (d) => d.campaignId !== null && d.campaigns.length <= 1,
    prompt: () => ({ key: 'amend-pick' }),
    choices: (d) => d.campaigns.map((c, i) => ({ value: `c${c.id}`, label: verbatim(`${i + 1}. ${short(c.title, 40)} (${c.code})`), aliases: [c.code] })),
    async answer(d, a) {
      if (a.kind !== 'choice') return problem('flow-problem-choice', { count: d.campaigns.length });
      const r = await services.amendments.open(Number(a.value.slice(1)), { id: d.actorId });
      if (!r.ok) return problem(`amend-open-${r.reason}`);
      return { ok: true, data: { ...d, campaignId: r.campaign.id, title: r.campaign.title } };
    },
  };

  const kinds = (d: AmendData): readonly AmendmentKind[] =>
    d.mode === 'extend' ? EXTEND_KINDS : d.mode === 'correct' ? AMENDMENT_KINDS.filter((k) => !EXTEND_KINDS.includes(k)) : AMENDMENT_KINDS;

  const what: Step<AmendData> = {
    id: 'what',
    accepts: 'choice',
    prompt: (d) => ({ key: d.mode === 'extend' ? 'amend-ask-what-extend' : 'amend-ask-what', vars: { title: escapeHtml(d.title) } }),
    choices: (d, ctx) => kinds(d).map((k, i) => ({ value: k, label: verbatim(`${i + 1}. ${ctx.label({ key: `amend-kind-${k}` })}`) })),
    async answer(d, a) {
      const kind = kinds(d).find((k) => a.kind === 'choice' && a.value === k);
      if (!kind) return problem('flow-problem-choice', { count: kinds(d).length });
      const c = await services.campaigns.byId(d.campaignId!);
      if (!c) return problem('amend-open-not_launched');
      let targets: Target[] = [];
      if (kind === 'deadline') targets = c.milestones.map((m) => ({ id: m.id, text: m.title, milestoneKind: m.kind, dueAt: m.dueAt.toISOString() }));
      if (kind === 'line') targets = c.criteria.map((x) => ({ id: x.id, text: x.title }));
      if ((kind === 'deadline' || kind === 'line') && targets.length === 0) return problem(`amend-no-targets-${kind}`);
      const only = targets.length === 1 ? targets[0]! : null;
      const now: Record<AmendmentKind, string> = {
        deadline: only ? currentOf(only) : '',
        end: formatDate(c.endsAt),
        title: c.title,
        slogan: c.slogan ?? '—',
        description: c.description ?? '—',
        line: only ? currentOf(only) : '',
        'add-line': '',
      };
      return { ok: true, data: { ...d, kind, targets, targetId: only?.id ?? null, current: now[kind], text: null, at: null, measure: null, unit: null, preview: null } };
    },
  };

  const targetLabel = (t: Target, ctx: FlowContext): string =>
    t.milestoneKind
      ? `${ctx.label({ key: `camp-milestone-${t.milestoneKind}` })}${t.text ? ` (${t.text})` : ''} — ${formatDateTime(new Date(t.dueAt!))}`
      : short(t.text ?? '', 60);

  const target: Step<AmendData> = {
    id: 'target',
    accepts: 'choice',
    skip: (d) => !(d.kind === 'deadline' || d.kind === 'line') || d.targets.length <= 1,
    prompt: (d) => ({ key: `amend-ask-target-${d.kind === 'line' ? 'line' : 'deadline'}` }),
    choices: (d, ctx) => d.targets.map((t, i) => ({ value: `t${t.id}`, label: verbatim(`${i + 1}. ${targetLabel(t, ctx)}`) })),
    answer(d, a) {
      const t = a.kind === 'choice' ? d.targets.find((x) => `t${x.id}` === a.value) : undefined;
      return t ? { ok: true, data: { ...d, targetId: t.id, current: currentOf(t) } } : problem('flow-problem-choice', { count: d.targets.length });
    },
  };

  const value: Step<AmendData> = {
    id: 'value',
    accepts: 'text',
    prompt: (d) => ({ key: `amend-ask-${d.kind ?? 'title'}`, vars: { current: escapeHtml(d.current) } }),
    async answer(d, a, ctx): Promise<StepResult<AmendData>> {
      if (a.kind !== 'text') return problem('flow-problem-text');
      const input = a.text.normalize('NFC').trim();
      if (d.kind === 'deadline' || d.kind === 'end') {
        let at: Date;
        if (d.kind === 'deadline') {
          // A date alone keeps the deadline's time of day (17:00 stays 17:00).
          const old = d.targets.find((t) => t.id === d.targetId)?.dueAt;
          const p = old ? localParts(new Date(old)) : { hh: 17, mm: 0 };
          const parsed = parseDateTime(input, ctx.now, { defaultTime: `${String(p.hh).padStart(2, '0')}:${String(p.mm).padStart(2, '0')}` });
          if (!parsed.ok) return problem(`wiz-date-${parsed.reason}`, { value: escapeHtml(input) });
          at = parsed.date;
        } else {
          const parsed = parseDate(input, ctx.now);
          if (!parsed.ok) return problem(`wiz-date-${parsed.reason}`, { value: escapeHtml(input) });
          at = parsed.date;
        }
        return withPreview({ ...d, at: at.toISOString() });
      }
      if (d.kind === 'add-line') {
        if (input.length > AMEND_TEXT_MAX.line) return problem('text-too-long', { max: AMEND_TEXT_MAX.line });
        return { ok: true, data: { ...d, text: input, preview: null } };
      }
      return withPreview({ ...d, text: input });
    },
  };

  const measureChoices = (ctx: FlowContext): Choice[] => MEASURES.map((m, i) => ({ value: m, label: verbatim(`${i + 1}. ${ctx.label({ key: `wiz-measure-${m}` })}`) }));

  const measure: Step<AmendData> = {
    id: 'measure',
    accepts: 'choice',
    skip: (d) => d.kind !== 'add-line',
    prompt: (d) => ({ key: 'wiz-ask-measure', vars: { title: escapeHtml(d.text ?? '') } }),
    choices: (_d, ctx) => measureChoices(ctx),
    async answer(d, a) {
      const m = MEASURES.find((x) => a.kind === 'choice' && a.value === x);
      if (!m) return problem('wiz-measure-help');
      if (m === 'NUMBER') return { ok: true, data: { ...d, measure: m } };
      return withPreview({ ...d, measure: m, unit: null });
    },
  };

  const unit: Step<AmendData> = {
    id: 'unit',
    accepts: 'text',
    skip: (d) => d.kind !== 'add-line' || d.measure !== 'NUMBER',
    prompt: () => ({ key: 'wiz-ask-unit' }),
    choices: () => [SKIP],
    async answer(d, a, ctx) {
      if (a.kind === 'choice' || (a.kind === 'text' && matchChoice(a.text, [SKIP], ctx))) return withPreview({ ...d, unit: null });
      if (a.kind !== 'text') return problem('flow-problem-text');
      if (a.text.length > AMEND_TEXT_MAX.unit) return problem('text-too-long', { max: AMEND_TEXT_MAX.unit });
      return withPreview({ ...d, unit: a.text.normalize('NFC').trim() });
    },
  };

  const confirm: Step<AmendData> = {
    id: 'confirm',
    accepts: 'choice',
    prompt(d, ctx) {
      const t = (key: string, vars?: Record<string, string | number>) => ctx.label(vars ? { key, vars } : { key });
      const p = d.preview!;
      const dates = d.kind === 'deadline' || d.kind === 'end';
      const body = [
        t('amend-preview-intro'),
        ...renderText(t, p.message, { limit: Number.MAX_SAFE_INTEGER }).map(escapeHtml),
        t('amend-confirm', { members: p.members, groups: p.groups }),
        ...(dates ? [t('amend-confirm-reminders')] : []),
        ...(d.kind === 'add-line' ? [t('amend-confirm-add-line')] : []),
      ];
      return verbatim(body.join('\n\n'));
    },
    choices: () => [
      { value: 'send', label: { key: 'amend-choice-send' } },
      { value: 'cancel', label: { key: 'amend-choice-cancel' } },
    ],
    answer: confirmAnswer('send'),
  };

  return {
    id: CAMPAIGN_AMEND_FLOW,
    version: 1,
    nameKey: 'amend-flow-name',
    keepsMember: true,
    cancelled: { key: 'amend-cancelled' },
    steps: [pick, what, target, value, measure, unit, confirm],
    init: (args) => ({
      actorId: args.actorId ?? 0,
      progressChatId: args.progressChatId,
      mode: args.mode ?? null,
      campaigns: args.campaigns ?? [],
      campaignId: args.campaignId ?? null,
      title: args.title ?? '',
      kind: null,
      targets: [],
      targetId: null,
      current: '',
      text: null,
      at: null,
      measure: null,
      unit: null,
      preview: null,
      nonce: '',
      confirmed: false,
    }),
    async prepare(args, env) {
      const actor = { id: env.memberId };
      const opened = async (campaignId: number) => {
        const r = await services.amendments.open(campaignId, actor);
        return r.ok
          ? { ok: true as const, args: { ...args, actorId: env.memberId, campaignId: r.campaign.id, title: r.campaign.title, campaigns: [] } }
          : { ok: false as const, message: { key: `amend-open-${r.reason}` } };
      };
      if (args.campaignId) return opened(args.campaignId);
      if (args.code) {
        const c = await services.campaigns.byCode(args.code.trim().toLowerCase());
        return c ? opened(c.id) : { ok: false, message: { key: 'amend-open-not_found' } };
      }
      const list = await services.amendments.amendable(actor);
      if (list.length === 0) return { ok: false, message: { key: 'amend-none' } };
      if (list.length === 1) return opened(list[0]!.id);
      return { ok: true, args: { ...args, actorId: env.memberId, campaigns: list.map((c) => ({ id: c.id, code: c.code, title: c.title })) } };
    },
    async complete(d, env): Promise<Reply[]> {
      if (!d.confirmed) return [{ kind: 'say', message: { key: 'amend-cancelled' }, menu: true }];
      const r = await services.amendments.amend({ campaignId: d.campaignId!, actor: { id: env.memberId }, change: changeOf(d), nonce: d.nonce, progressChatId: d.progressChatId });
      if (!r.ok) return [{ kind: 'say', message: { key: `amend-refused-${r.reason}` }, menu: true }];
      const dates = d.kind === 'deadline' || d.kind === 'end';
      return [
        { kind: 'say', message: { key: dates ? 'amend-done-extend' : 'amend-done-correct', vars: { members: r.members, groups: r.groups } }, menu: true },
        { kind: 'done', flow: CAMPAIGN_AMEND_FLOW, value: { campaignId: d.campaignId! } },
      ];
    },
  };
}
