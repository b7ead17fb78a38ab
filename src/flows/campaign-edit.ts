/**
 * Sửa bản nháp phong trào (an officer edits a draft campaign from the chat, without redoing the
 * wizard or sending a file). Asks: which field — title, slogan, issuer, description, kind, start or
 * end date, titles offered, content lines, milestones (skipped when the button named it); for content
 * lines and milestones, which one (or ➕ add one) and what of it — a line's wording, how it is
 * measured, its unit or target, or removing it; a milestone's name, deadline, repeat (hằng tháng /
 * quý / năm until a date), reminders (as people write them: "7 ngày, 2 ngày, 4 giờ"), or removing it
 * —; then the new value, showing the current one. A value the campaign rules refuse (a milestone left
 * outside the period, an end not after the start) re-asks only the value, with the reason.
 *
 * Stores (in the flow state) the campaign's id and code, the officer, what is being changed and a
 * snapshot of the draft's fields and lists read when the edit opened (to show them). The change is
 * made by `CampaignService.reviseDraft`, which re-checks the officer's role and scope, refuses a
 * campaign no longer a draft, checks the result by the campaign-file rules and audits the edit or
 * the refusal in one transaction.
 *
 * While it is open, what the officer types goes here first: a main-menu label ("📝 Đăng ký") is
 * "busy", never a new title.
 */
import type { Services } from '../services/index.js';
import { formatDate, formatDateTime, parseDate, parseDateTime } from '../domain/dates.js';
import { draftAsFile, flatCriteria, type DraftRevision } from '../domain/draft-revision.js';
import { escapeHtml } from '../domain/text.js';
import type { FlowSpec, Reply } from './conversations.js';
import { matchChoice, problem, type Answer, type Choice, type FlowContext, type Message, type Step, type StepResult } from './model.js';
import { namedChoice } from './steps.js';
import { renderFileProblems, type T } from './campaign-text.js';
import {
  EXTRA_MILESTONES,
  KINDS,
  MEASURES,
  REPEATS,
  kindChoices,
  measureChoices,
  offsetsText,
  readOffsets,
  readTarget,
  repeatChoices,
  titleItems,
  toggleTitles,
  typedIndexes,
  verbatim,
  type CustomTitle,
  type Measure,
  type MilestoneInput,
} from './campaign-fields.js';

/** Flow id of editing a draft campaign. */
export const CAMPAIGN_EDIT_FLOW = 'campaign-edit';

const FIELDS = ['title', 'slogan', 'issuer', 'description', 'kind', 'starts', 'ends', 'titles', 'criteria', 'milestones'] as const;
export type EditField = (typeof FIELDS)[number];

const CRITERION_PARTS = ['title', 'measure', 'unit', 'target', 'remove'] as const;
const MILESTONE_PARTS = ['due', 'title', 'repeat', 'remind', 'remove'] as const;
type Part = (typeof CRITERION_PARTS)[number] | (typeof MILESTONE_PARTS)[number] | 'until' | 'add-title' | 'add-measure' | 'add-kind' | 'add-due';

/** What the flow is started with: the draft (its code is shown in the question) and, from a field's button, the field. */
export interface CampaignEditArgs {
  campaignId: number;
  code: string;
  field?: EditField;
  /** Filled by `prepare`: the officer editing and the draft as it was when the edit opened. */
  actorId?: number;
  snapshot?: Snapshot;
}

/** The draft's fields as shown in the questions. */
interface Snapshot {
  title: string;
  slogan: string | null;
  issuer: string | null;
  description: string | null;
  kind: string;
  starts: string;
  ends: string;
  /** Minutes from the start to the end: the longest reminder offset. */
  minutes: number;
  titles: string[];
  custom: CustomTitle[];
  criteria: Array<{ title: string; measure: Measure; unit: string | null; target: string | null }>;
  milestones: Array<Pick<MilestoneInput, 'kind' | 'title' | 'due' | 'repeat' | 'until' | 'remind'>>;
}

interface EditData {
  campaignId: number;
  code: string;
  actorId: number;
  field: EditField | null;
  /** The button named the field: no question about it (and none to go Back to). */
  fieldGiven: boolean;
  /** The content line or milestone chosen (index in the snapshot's list), or 'add'. */
  item: number | 'add' | null;
  part: Part | null;
  /** A value asked before the last one (a new line's wording before its measure; a repeat before its end). */
  pending: Record<string, string>;
  /** Titles toggled so far (the titles field). */
  titles: string[];
  custom: CustomTitle[];
  snap: Snapshot;
  /** How it ended: saved, or a refusal that stops the edit (the campaign was launched meanwhile). */
  outcome: string | null;
}

const translator = (ctx: FlowContext): T => (key, vars) => ctx.label(vars ? { key, vars } : { key });
const DONE: Choice = { value: 'done', label: { key: 'wiz-done' }, aliases: ['xong', 'done'] };
const CLEAR: Choice = { value: 'clear', label: { key: 'camp-edit-clear' }, aliases: ['-', 'xoa', 'bo', 'clear'] };
const DEFAULT_REMIND: Choice = { value: 'default', label: { key: 'wiz-remind-default' }, aliases: ['mac dinh', 'default'] };
const UNTIL_END: Choice = { value: 'end', label: { key: 'wiz-until-end' }, aliases: ['het phong trao', 'den het', 'end'] };

function chosen(a: Answer, choices: readonly Choice[], ctx: FlowContext): string | undefined {
  if (a.kind === 'choice') return a.value;
  return a.kind === 'text' ? matchChoice(a.text, choices, ctx)?.value : undefined;
}

/** A milestone as one line: "Báo cáo tiến độ — 30/09/2024 17:00, hằng quý đến 31/03/2025". */
function milestoneLine(ctx: FlowContext, m: Snapshot['milestones'][number]): string {
  const name = m.title ?? ctx.label({ key: `camp-milestone-${m.kind}` });
  const repeat = m.repeat ? `, ${ctx.label({ key: `wiz-repeat-${m.repeat}` }).toLowerCase()} → ${m.until ?? ''}` : '';
  return `${name} — ${m.due}${repeat}`;
}

function criterionLine(c: Snapshot['criteria'][number]): string {
  return `${c.title}${c.unit ? ` (${c.unit})` : ''}`;
}

/** The edit flow, changing the draft through `services.campaigns`. */
export function createCampaignEditFlow(services: Services): FlowSpec<EditData, CampaignEditArgs> {
  const field: Step<EditData> = {
    id: 'field',
    accepts: 'choice',
    skip: (d) => d.fieldGiven,
    prompt: (d) => ({ key: 'camp-edit-ask', vars: { code: escapeHtml(d.code) } }),
    choices: () => FIELDS.map((f) => ({ value: f, label: { key: `camp-edit-field-${f}` } })),
    answer: (d, a) => {
      const f = FIELDS.find((x) => a.kind === 'choice' && x === a.value);
      return f ? { ok: true, data: { ...d, field: f, item: null, part: null, pending: {} } } : problem('flow-problem-choice', { count: FIELDS.length });
    },
  };

  const ADD: Choice = { value: 'add', label: { key: 'camp-edit-add' }, aliases: ['them', 'add'] };
  const itemChoices = (d: EditData, ctx: FlowContext): Choice[] => [
    ...(d.field === 'criteria'
      ? d.snap.criteria.map((c, i) => ({ value: `i${i}`, label: verbatim(`${i + 1}. ${escapeHtml(criterionLine(c)).slice(0, 60)}`) }))
      : d.snap.milestones.map((m, i) => ({ value: `i${i}`, label: verbatim(`${i + 1}. ${escapeHtml(milestoneLine(ctx, m)).slice(0, 60)}`) }))),
    ADD,
  ];

  /** Which content line or milestone (or a new one). */
  const item: Step<EditData> = {
    id: 'item',
    accepts: 'choice',
    skip: (d) => d.field !== 'criteria' && d.field !== 'milestones',
    prompt: (d) => ({ key: d.field === 'criteria' ? 'camp-edit-ask-criterion' : 'camp-edit-ask-milestone' }),
    choices: (d, ctx) => itemChoices(d, ctx),
    answer(d, a) {
      if (a.kind !== 'choice') return problem('flow-problem-choice');
      if (a.value === 'add') return { ok: true, data: { ...d, item: 'add', part: d.field === 'criteria' ? 'add-title' : 'add-kind', pending: {} } };
      return { ok: true, data: { ...d, item: Number(a.value.slice(1)), part: null, pending: {} } };
    },
  };

  /** What of the line or milestone: its wording, measure, unit, target; a milestone's deadline, name, repeat, reminders; or removing it. */
  const part: Step<EditData> = {
    id: 'part',
    accepts: 'choice',
    skip: (d) => d.item === null || d.item === 'add',
    prompt(d, ctx) {
      const i = typeof d.item === 'number' ? d.item : 0;
      const what = d.field === 'criteria' ? criterionLine(d.snap.criteria[i]!) : milestoneLine(ctx, d.snap.milestones[i]!);
      return { key: 'camp-edit-ask-part', vars: { item: escapeHtml(what) } };
    },
    choices: (d) => {
      const parts = d.field === 'criteria' ? CRITERION_PARTS.filter((p) => d.snap.criteria[d.item as number]?.measure === 'NUMBER' || (p !== 'unit' && p !== 'target')) : MILESTONE_PARTS;
      const mine = d.field === 'milestones' && d.snap.milestones[d.item as number]?.kind === 'REGISTRATION' ? parts.filter((p) => p !== 'repeat') : parts;
      return mine.map((p) => ({ value: p, label: { key: `camp-edit-part-${d.field === 'criteria' ? 'c' : 'm'}-${p}` } }));
    },
    answer(d, a) {
      if (a.kind !== 'choice') return problem('flow-problem-choice');
      return { ok: true, data: { ...d, part: a.value as Part, pending: {} } };
    },
  };

  /** The current value shown with the question ("Hiện tại: …"). */
  function current(d: EditData, ctx: FlowContext): string | null {
    const s = d.snap;
    const c = typeof d.item === 'number' ? s.criteria[d.item] : undefined;
    const m = typeof d.item === 'number' ? s.milestones[d.item] : undefined;
    switch (d.field) {
      case 'title':
        return s.title;
      case 'slogan':
      case 'issuer':
      case 'description':
        return s[d.field];
      case 'kind':
        return ctx.label({ key: `wiz-kind-${s.kind}` });
      case 'starts':
        return s.starts;
      case 'ends':
        return s.ends;
      case 'criteria':
        if (!c) return null;
        if (d.part === 'title') return c.title;
        if (d.part === 'measure') return ctx.label({ key: `wiz-measure-${c.measure}` });
        if (d.part === 'unit') return c.unit;
        if (d.part === 'target') return c.target;
        return null;
      case 'milestones':
        if (!m) return null;
        if (d.part === 'due') return m.due;
        if (d.part === 'title') return m.title ?? null;
        if (d.part === 'repeat') return ctx.label({ key: `wiz-repeat-${m.repeat ?? 'none'}` });
        if (d.part === 'until') return m.until ?? null;
        if (d.part === 'remind') return offsetsText(ctx, m.remind);
        return null;
      default:
        return null;
    }
  }

  const items = (d: EditData, ctx: FlowContext) => titleItems(ctx, d, d.snap.issuer, d.snap.custom);

  /** The question for the value, by field and part. */
  function valuePrompt(d: EditData, ctx: FlowContext): Message {
    if (d.field === 'titles') return { key: 'camp-edit-ask-titles', vars: { count: d.titles.length + d.custom.length } };
    const key =
      d.field === 'criteria' || d.field === 'milestones' ? `camp-edit-ask-${d.field === 'criteria' ? 'c' : 'm'}-${d.part ?? 'title'}` : `camp-edit-ask-${d.field ?? 'title'}`;
    const vars: Record<string, string> = { starts: d.snap.starts, ends: d.snap.ends, repeat: ctx.label({ key: `wiz-repeat-${d.pending.repeat ?? 'none'}` }).toLocaleLowerCase() };
    const now = current(d, ctx);
    const text = ctx.label({ key, vars });
    return verbatim(now ? `${text}\n${ctx.label({ key: 'camp-edit-current', vars: { value: escapeHtml(now) } })}` : text);
  }

  function valueChoices(d: EditData, ctx: FlowContext): Choice[] {
    const optional = ['slogan', 'issuer', 'description'].includes(d.field ?? '');
    if (d.field === 'kind') return kindChoices(ctx);
    if (d.field === 'titles') return [...items(d, ctx).map((x, i) => ({ value: x.value, label: verbatim(`${x.on ? '✅' : '▫️'} ${i + 1}. ${x.label}`) })), DONE];
    if (optional) return [CLEAR];
    switch (d.part) {
      case 'measure':
      case 'add-measure':
        return measureChoices(ctx);
      case 'unit':
      case 'target':
        return [CLEAR];
      case 'repeat':
        return repeatChoices(ctx);
      case 'until':
        return [UNTIL_END];
      case 'remind':
        return [DEFAULT_REMIND];
      case 'add-kind':
        return EXTRA_MILESTONES.map((k, i) => ({ value: k, label: verbatim(`${i + 1}. ${ctx.label({ key: `camp-milestone-${k}` })}`) }));
      case 'title':
        return d.field === 'milestones' ? [CLEAR] : [];
      case 'remove':
        return [{ value: 'remove', label: { key: 'camp-edit-remove-confirm' } }];
      default:
        return [];
    }
  }

  /** Saves one change; a value the rules refuse re-asks the value with the reason. */
  async function save(d: EditData, revision: DraftRevision, ctx: FlowContext): Promise<StepResult<EditData>> {
    // The service re-checks the officer and the draft, checks the campaign rules and audits the edit or the refusal.
    const r = await services.campaigns.reviseDraft(d.campaignId, { id: d.actorId }, revision);
    if (r.ok) return { ok: true, data: { ...d, outcome: 'saved' } };
    if (r.reason === 'invalid') {
      return { ok: false, problem: verbatim(`${ctx.label({ key: 'camp-edit-invalid' })}\n${renderFileProblems(translator(ctx), r.errors)}`) };
    }
    if (r.reason === 'ends_before_starts') return problem('camp-edit-ends_before_starts', { starts: d.snap.starts });
    if (r.reason === 'last_criterion') return problem('camp-edit-last_criterion');
    return { ok: true, data: { ...d, outcome: r.reason === 'item_not_found' ? 'not_found' : r.reason } };
  }

  const value: Step<EditData> = {
    id: 'value',
    accepts: 'text',
    prompt: (d, ctx) => valuePrompt(d, ctx),
    choices: (d, ctx) => valueChoices(d, ctx),
    numbersAreValues: (d) => d.part === 'target',
    async answer(d, a, ctx): Promise<StepResult<EditData>> {
      const choices = valueChoices(d, ctx);
      // A target is a number: only the words clear it; elsewhere a typed number picks a choice.
      const pick = d.part === 'target' ? (a.kind === 'choice' ? a.value : a.kind === 'text' ? namedChoice(a.text, choices, ctx)?.value : undefined) : chosen(a, choices, ctx);
      const text = a.kind === 'text' ? a.text.normalize('NFC').trim() : '';
      const i = typeof d.item === 'number' ? d.item : -1;
      const again = (data: EditData): StepResult<EditData> => ({ ok: true, data, next: 'value' });
      switch (d.field) {
        case 'title':
          if (!text) return problem('flow-problem-text');
          return save(d, { field: 'title', value: text }, ctx);
        case 'slogan':
        case 'issuer':
        case 'description':
          if (pick === 'clear') return save(d, { field: d.field, value: null }, ctx);
          if (!text) return problem('flow-problem-text');
          return save(d, { field: d.field, value: text }, ctx);
        case 'kind': {
          const k = KINDS.find((x) => x === pick);
          return k ? save(d, { field: 'kind', value: k }, ctx) : problem('wiz-measure-help');
        }
        case 'starts':
        case 'ends': {
          const parsed = parseDate(text, ctx.now);
          if (!parsed.ok) return problem(`wiz-date-${parsed.reason}`, { value: text });
          return save(d, { field: d.field, value: formatDate(parsed.date) }, ctx);
        }
        case 'titles': {
          if (pick === 'done') {
            if (d.titles.length + d.custom.length === 0) return problem('wiz-titles-empty');
            return save(d, { field: 'titles', standard: d.titles, custom: d.custom }, ctx);
          }
          const values = a.kind === 'choice' ? [a.value] : typedIndexes(text, items(d, ctx)).map((x) => x.value);
          if (values.length === 0) return problem('wiz-titles-help');
          return again({ ...d, ...toggleTitles(ctx, d, values, d.snap.issuer, d.snap.custom) });
        }
        case 'criteria':
          switch (d.part) {
            case 'title':
              if (!text) return problem('flow-problem-text');
              return save(d, { field: 'criterion', index: i, change: { title: text } }, ctx);
            case 'measure': {
              const measure = MEASURES.find((m) => m === pick);
              return measure ? save(d, { field: 'criterion', index: i, change: { measure } }, ctx) : problem('wiz-measure-help');
            }
            case 'unit':
              if (pick === 'clear') return save(d, { field: 'criterion', index: i, change: { unit: null } }, ctx);
              if (!text) return problem('flow-problem-text');
              return save(d, { field: 'criterion', index: i, change: { unit: text } }, ctx);
            case 'target': {
              if (pick === 'clear') return save(d, { field: 'criterion', index: i, change: { target: null } }, ctx);
              const target = readTarget(text);
              return target.ok ? save(d, { field: 'criterion', index: i, change: { target: target.data } }, ctx) : target;
            }
            case 'remove':
              return pick === 'remove' ? save(d, { field: 'criterion-remove', index: i }, ctx) : problem('camp-edit-remove-help');
            case 'add-title':
              if (!text) return problem('flow-problem-text');
              return again({ ...d, part: 'add-measure', pending: { title: text } });
            case 'add-measure': {
              const measure = MEASURES.find((m) => m === pick);
              return measure ? save(d, { field: 'criterion-add', title: d.pending.title ?? '', measure }, ctx) : problem('wiz-measure-help');
            }
            default:
              return problem('flow-problem-text');
          }
        case 'milestones':
          switch (d.part) {
            case 'due':
            case 'add-due': {
              const parsed = parseDateTime(text, ctx.now);
              if (!parsed.ok) return problem(`wiz-date-${parsed.reason}`, { value: text });
              const [hm, date] = formatDateTime(parsed.date).split(' ');
              const due = `${date} ${hm}`;
              if (d.part === 'add-due') return save(d, { field: 'milestone-add', milestone: { kind: (d.pending.kind ?? 'CUSTOM') as MilestoneInput['kind'], due } }, ctx);
              return save(d, { field: 'milestone', index: i, change: { due } }, ctx);
            }
            case 'title':
              if (pick === 'clear') return save(d, { field: 'milestone', index: i, change: { title: null } }, ctx);
              if (!text) return problem('flow-problem-text');
              return save(d, { field: 'milestone', index: i, change: { title: text } }, ctx);
            case 'repeat': {
              const repeat = REPEATS.find((r) => r === pick);
              if (!repeat) return problem('wiz-measure-help');
              if (repeat === 'none') return save(d, { field: 'milestone', index: i, change: { repeat: null } }, ctx);
              return again({ ...d, part: 'until', pending: { repeat } });
            }
            case 'until': {
              const repeat = d.pending.repeat as 'monthly' | 'quarterly' | 'yearly';
              if (pick === 'end') return save(d, { field: 'milestone', index: i, change: { repeat, until: d.snap.ends } }, ctx);
              const parsed = parseDate(text, ctx.now);
              if (!parsed.ok) return problem(`wiz-date-${parsed.reason}`, { value: text });
              return save(d, { field: 'milestone', index: i, change: { repeat, until: formatDate(parsed.date) } }, ctx);
            }
            case 'remind': {
              if (pick === 'default') return save(d, { field: 'milestone', index: i, change: { remind: null } }, ctx);
              const r = readOffsets(text, d.snap.minutes);
              return r.ok ? save(d, { field: 'milestone', index: i, change: { remind: r.remind } }, ctx) : { ok: false, problem: r.problem };
            }
            case 'remove':
              return pick === 'remove' ? save(d, { field: 'milestone-remove', index: i }, ctx) : problem('camp-edit-remove-help');
            case 'add-kind': {
              const kind = EXTRA_MILESTONES.find((k) => k === pick);
              return kind ? again({ ...d, part: 'add-due', pending: { kind } }) : problem('wiz-measure-help');
            }
            default:
              return problem('flow-problem-text');
          }
        default:
          return problem('flow-problem-text');
      }
    },
    back(d) {
      // A question asked after another inside the value step: that one again.
      if (d.part === 'add-measure') return { ...d, part: 'add-title' };
      if (d.part === 'add-due') return { ...d, part: 'add-kind' };
      if (d.part === 'until') return { ...d, part: 'repeat' };
      return null;
    },
    canGoBack: (d) => d.part === 'add-measure' || d.part === 'add-due' || d.part === 'until',
  };

  return {
    id: CAMPAIGN_EDIT_FLOW,
    version: 2,
    nameKey: 'camp-edit-flow-name',
    steps: [field, item, part, value],
    init: (args) => ({
      campaignId: args.campaignId,
      code: args.code,
      actorId: args.actorId ?? 0,
      field: args.field ?? null,
      fieldGiven: args.field !== undefined,
      item: null,
      part: null,
      pending: {},
      titles: args.snapshot?.titles ?? [],
      custom: args.snapshot?.custom ?? [],
      snap: args.snapshot ?? emptySnapshot(),
      outcome: null,
    }),
    async prepare(args, env) {
      // The service decides whether this officer may open the draft (and audits a refusal).
      const r = await services.campaigns.forManager(args.campaignId, { id: env.memberId }, 'campaign.edit');
      if (!r.ok) return { ok: false, message: { key: r.reason === 'not_found' ? 'camp-edit-not_found' : 'camp-edit-out_of_scope' } };
      const c = r.campaign;
      if (c.status !== 'DRAFT' || c.archivedAt) return { ok: false, message: { key: 'camp-edit-not-draft' } };
      const file = draftAsFile(c);
      const snapshot: Snapshot = {
        title: c.title,
        slogan: c.slogan,
        issuer: c.issuer,
        description: c.description,
        kind: c.kind,
        starts: formatDate(c.startsAt),
        ends: formatDate(c.endsAt),
        minutes: Math.floor((c.endsAt.getTime() + 1 - c.startsAt.getTime()) / 60_000),
        titles: [...file.titles.individual, ...file.titles.collective],
        custom: file.titles.custom ?? [],
        criteria: flatCriteria(file.criteria).map((x) => ({ title: x.title, measure: x.measure, unit: x.unit ?? null, target: x.target ?? null })),
        milestones: file.milestones,
      };
      return { ok: true, args: { ...args, code: c.code, actorId: env.memberId, snapshot } };
    },
    async complete(d): Promise<Reply[]> {
      if (d.outcome !== 'saved') return [{ kind: 'say', message: { key: `camp-edit-${d.outcome ?? 'not_found'}` } }];
      return [
        { kind: 'say', message: { key: 'camp-edit-saved' } },
        { kind: 'done', flow: CAMPAIGN_EDIT_FLOW, value: { campaignId: d.campaignId } },
      ];
    },
  };
}

function emptySnapshot(): Snapshot {
  return { title: '', slogan: null, issuer: null, description: null, kind: 'THEMATIC', starts: '', ends: '', minutes: 0, titles: [], custom: [], criteria: [], milestones: [] };
}
