/**
 * Tạo phong trào trong chat (/newcampaign, «tạo phong trào» on Zalo: the officer's wizard). Asks,
 * each question numbered "Bước n/13": the title; the code derived from it (cut at a word boundary,
 * shown to confirm or retype); the issuing body (cơ quan phát động; the officer's unit offered);
 * the kind (theo chuyên đề / thường xuyên); the slogan and description (skippable); start and end
 * dates (the end after the start); the titles offered — standard titles, the drive's usual rewards
 * (Giấy khen, Bằng khen of the issuer) and custom honours typed by name —; the content lines, one per
 * message, with how each is measured, its unit and target; the registration deadline and further
 * milestones, each optionally repeating monthly / quarterly / yearly until a date, with reminder
 * offsets as people write them ("7 ngày, 2 ngày, 4 giờ"), the milestones so far listed; the
 * audience; then shows the draft exactly as members will read it and saves it on "💾 Lưu bản nháp".
 * Going Back to a question shows the value entered before and offers to keep it. A wrong answer
 * re-asks only that question; Cancel stops.
 *
 * Stores (in the flow state) the answers so far, the officer, their unit's name and the units below
 * it (read once when the wizard opens). The answers become a campaign file run through
 * `parseCampaignFile`, so chat and file obey one set of rules; `CampaignService.importDraft` saves
 * it, re-checking that the member is still an officer and auditing the save or the refusal.
 */
import type { Services } from '../services/index.js';
import { parseCampaignFile, campaignFileSchema, type CampaignFile, type CampaignFileResult } from '../domain/campaign-file.js';
import { formatDate, formatDateTime, parseDate, parseDateTime } from '../domain/dates.js';
import { escapeHtml, fold } from '../domain/text.js';
import type { FlowSpec, Reply } from './conversations.js';
import { matchChoice, problem, type Answer, type Choice, type FlowContext, type Message, type Step, type StepResult } from './model.js';
import { namedChoice } from './steps.js';
import { draftAsCampaign, renderDetail, renderFileProblems, type T } from './campaign-text.js';
import {
  EXTRA_MILESTONES,
  KINDS,
  MEASURES,
  OFFERED_TITLES,
  REPEATS,
  REWARDS,
  codeFromTitle,
  customCode,
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
  type CampaignKind,
  type CriterionInput,
  type CustomTitle,
  type MilestoneInput,
  type MilestoneKind,
  type Repeat,
  type Scope,
} from './campaign-fields.js';

/** Flow id of the campaign wizard (the id the grammY conversation had). */
export const CREATE_CAMPAIGN_FLOW = 'create-campaign';

/** Units below the officer's offered as the audience, at most. */
const MAX_AUDIENCE_UNITS = 20;

/** Which question of a step that asks several is open. */
type CriterionPhase =
  | { phase: 'title' }
  | { phase: 'measure'; title: string }
  | { phase: 'unit'; title: string }
  | { phase: 'target'; title: string; unit?: string };
type TitlesPhase = { phase: 'pick' } | { phase: 'name' } | { phase: 'scope'; name: string };
/** A milestone being written: what is known so far. */
type Pending = Partial<MilestoneInput> & { kind: MilestoneKind };
type MilestonePhase = { phase: 'more' } | { phase: 'name' | 'due' | 'repeat' | 'until' | 'remind'; m: Pending };

interface WizardData {
  /** The officer, the actor of the save. */
  actorId: number;
  unitId: number | null;
  /** The officer's unit, offered as the issuer. */
  unitName: string | null;
  /** The units below the officer's, offered as the audience. */
  units: Array<{ code: string; name: string }>;
  title: string;
  /** The campaign code (derived from the title unless typed). */
  code: string;
  codeTyped: boolean;
  issuer: string | null;
  kind: CampaignKind | null;
  slogan: string | null;
  description: string | null;
  /** Optional questions answered at least once (a skipped answer is then "kept" as nothing). */
  answered: string[];
  starts: string;
  ends: string;
  startsAt: number;
  endsAt: number;
  titles: string[];
  custom: CustomTitle[];
  tt: TitlesPhase;
  /** The titles question was answered at least once: it then says how many are chosen. */
  titlesTouched: boolean;
  criteria: CriterionInput[];
  crit: CriterionPhase;
  milestones: MilestoneInput[];
  ms: MilestonePhase;
  audience: string[];
  aud: 'mode' | 'units';
  audienceTouched: boolean;
  saved: { id: number; code: string } | null;
  refused: boolean;
}

/** What the wizard is started with: the officer and the units below theirs (read by `prepare`). */
export interface CreateCampaignArgs {
  actorId?: number;
  unitId?: number | null;
  unitName?: string | null;
  units?: Array<{ code: string; name: string }>;
}

const STEP_IDS = ['title', 'code', 'issuer', 'kind', 'slogan', 'description', 'starts', 'ends', 'titles', 'criteria', 'milestones', 'audience', 'preview'] as const;

/** A step's label renderer as a translator, for the shared campaign renderers. */
const translator = (ctx: FlowContext): T => (key, vars) => ctx.label(vars ? { key, vars } : { key });

/** "Bước 3/13 — " before a question. */
function stepped(ctx: FlowContext, id: (typeof STEP_IDS)[number], body: Message | string): Message {
  const head = ctx.label({ key: 'wiz-step', vars: { n: STEP_IDS.indexOf(id) + 1, total: STEP_IDS.length } });
  return verbatim(`${head} ${typeof body === 'string' ? body : ctx.label(body)}`);
}

const DONE_WORDS = ['xong', 'done', 'het', 'ket thuc', 'finish'];
const DONE: Choice = { value: 'done', label: { key: 'wiz-done' }, aliases: DONE_WORDS };
const SKIP: Choice = { value: 'skip', label: { key: 'wiz-skip' }, aliases: ['bo qua', 'skip', 'khong co'] };
const KEEP_WORDS = ['giu', 'giu nguyen', 'keep'];

/** True when the answer means "done": the ✔ Xong button, or the word typed. */
function isDone(a: Answer): boolean {
  return (a.kind === 'choice' && a.value === 'done') || (a.kind === 'text' && DONE_WORDS.includes(fold(a.text)));
}

/** The "keep what was entered" choice offered when a question is asked again (after Back). */
function keepChoice(shown: string): Choice {
  return { value: 'keep', label: { key: 'wiz-keep', vars: { value: shown.length > 40 ? `${shown.slice(0, 39)}…` : shown } }, aliases: KEEP_WORDS };
}

/**
 * The choice an answer picks among those the question shows: its button, or — typed — its number,
 * its words or an alias. Only for questions whose typed value is never a bare number.
 */
function chosen(a: Answer, choices: readonly Choice[], ctx: FlowContext): string | undefined {
  if (a.kind === 'choice') return a.value;
  return a.kind === 'text' ? matchChoice(a.text, choices, ctx)?.value : undefined;
}

/** The question again with the value entered before ("Đã nhập: «…»"), when there is one. */
function withPrevious(ctx: FlowContext, prompt: Message, shown: string | null): string {
  const text = ctx.label(prompt);
  return shown === null ? text : `${text}\n${ctx.label({ key: 'wiz-previous', vars: { value: escapeHtml(shown) } })}`;
}

function toggle(list: readonly string[], codes: readonly string[]): string[] {
  const out = new Set(list);
  for (const c of codes) {
    if (out.has(c)) out.delete(c);
    else out.add(c);
  }
  return [...out];
}

/** The wizard's answers as a campaign file (JSON), validated by the same rules as uploads. */
export function wizardFile(d: WizardData, milestones: readonly MilestoneInput[] = d.milestones): CampaignFile {
  const standard = (scope: Scope) => d.titles.filter((c) => OFFERED_TITLES.some(([x, s]) => x === c && s === scope));
  return {
    code: d.code,
    title: d.title,
    ...(d.slogan ? { slogan: d.slogan } : {}),
    ...(d.issuer ? { issuer: d.issuer } : {}),
    ...(d.description ? { description: d.description } : {}),
    kind: d.kind ?? 'THEMATIC',
    starts: d.starts,
    ends: d.ends,
    ...(d.audience.length > 0 ? { audience: { units: d.audience } } : {}),
    titles: { individual: standard('INDIVIDUAL'), collective: standard('COLLECTIVE'), ...(d.custom.length > 0 ? { custom: d.custom } : {}) },
    criteria: d.criteria,
    milestones: milestones.map((m) => ({ ...m })),
  } as unknown as CampaignFile;
}

function parseWizard(d: WizardData, milestones?: readonly MilestoneInput[]): CampaignFileResult {
  return parseCampaignFile(JSON.stringify(wizardFile(d, milestones)), 'json');
}

/**
 * The milestones so far, numbered, a repeated one with its dates: "2. Báo cáo tiến độ — hằng quý,
 * 3 lần: 17:00 30/09/2024, 17:00 31/12/2024, 17:00 31/03/2025 · nhắc 3d 1d".
 */
export function milestoneList(ctx: FlowContext, list: readonly MilestoneInput[], parsed: CampaignFileResult | null): string {
  return list
    .map((m, i) => {
      const name = m.title ? escapeHtml(m.title) : ctx.label({ key: `camp-milestone-${m.kind}` });
      const dues = parsed?.ok ? parsed.campaign.milestones.filter((x) => x.source === i).map((x) => formatDateTime(x.dueAt)) : [m.due];
      const when = m.repeat
        ? ctx.label({ key: 'wiz-ms-series', vars: { repeat: ctx.label({ key: `wiz-repeat-${m.repeat}` }), count: dues.length, dates: dues.join(', ') } })
        : (dues[0] ?? m.due);
      return `${i + 1}. ${name} — ${when} · ${ctx.label({ key: 'wiz-ms-remind', vars: { offsets: offsetsText(ctx, m.remind) } })}`;
    })
    .join('\n');
}

/** The content lines so far: "1. Số buổi ra quân (buổi) — chỉ tiêu 12". */
function criteriaList(ctx: FlowContext, list: readonly CriterionInput[]): string {
  return list
    .map((c, i) => {
      const unit = c.unit ? ` (${escapeHtml(c.unit)})` : '';
      const target = c.target ? ` — ${ctx.label({ key: 'camp-target', vars: { target: c.target } })}` : '';
      return `${i + 1}. ${escapeHtml(c.title)}${unit}${target} · ${ctx.label({ key: `wiz-measure-${c.measure}` })}`;
    })
    .join('\n');
}

/** The wizard, saving through `services.campaigns`. */
export function createCampaignFlow(services: Services): FlowSpec<WizardData, CreateCampaignArgs> {
  /**
   * A question answered by typing, asked again after Back with the value entered before and a
   * "keep" button. `optional` questions can be skipped (stored as null).
   */
  function textStep(opts: {
    id: (typeof STEP_IDS)[number];
    prompt: Message;
    get(d: WizardData): string | null;
    set(d: WizardData, value: string | null, ctx: FlowContext): StepResult<WizardData> | Promise<StepResult<WizardData>>;
    optional?: boolean;
    /** A value offered as a button (the officer's unit as the issuer). */
    offer?(d: WizardData): string | null;
  }): Step<WizardData> {
    const shownOf = (d: WizardData): string | null => opts.get(d) || null;
    const offerChoice = (d: WizardData): Choice | null => {
      const v = opts.offer?.(d);
      return v && v !== shownOf(d) ? { value: 'offer', label: verbatim(v.slice(0, 60)) } : null;
    };
    return {
      id: opts.id,
      accepts: 'text',
      prompt: (d, ctx) => stepped(ctx, opts.id, withPrevious(ctx, opts.prompt, shownOf(d))),
      choices(d) {
        const shown = shownOf(d);
        const offer = offerChoice(d);
        return [...(shown !== null ? [keepChoice(shown)] : []), ...(offer ? [offer] : []), ...(opts.optional ? [SKIP] : [])];
      },
      answer(d, a, ctx) {
        const done = (data: WizardData): WizardData => ({ ...data, answered: data.answered.includes(opts.id) ? data.answered : [...data.answered, opts.id] });
        const pick = chosen(a, this.choices!(d, ctx), ctx);
        if (pick === 'keep') return { ok: true, data: done(d) };
        if (pick === 'offer') return Promise.resolve(opts.set(d, opts.offer!(d)!, ctx)).then((r) => (r.ok ? { ...r, data: done(r.data) } : r));
        if (pick === 'skip') return Promise.resolve(opts.set(d, null, ctx)).then((r) => (r.ok ? { ...r, data: done(r.data) } : r));
        if (a.kind !== 'text') return problem('flow-problem-text');
        return Promise.resolve(opts.set(d, a.text.normalize('NFC').trim(), ctx)).then((r) => (r.ok ? { ...r, data: done(r.data) } : r));
      },
    };
  }

  /** A free code derived from the title, cut at a word boundary. */
  async function derivedCode(title: string): Promise<string> {
    return services.campaigns.freeCode(codeFromTitle(title));
  }

  const title = textStep({
    id: 'title',
    prompt: { key: 'wiz-ask-title' },
    get: (d) => d.title || null,
    async set(d, text) {
      if (!text || text.length < 3 || text.length > 300) return problem('wiz-title-invalid');
      const code = d.codeTyped && d.title ? d.code : await derivedCode(text);
      return { ok: true, data: { ...d, title: text, code } };
    },
  });

  const CODE_OK: Choice = { value: 'ok', label: { key: 'wiz-code-ok' }, aliases: ['dung', 'ok', 'dong y', 'yes', 'co'] };
  const code: Step<WizardData> = {
    id: 'code',
    accepts: 'text',
    prompt: (d, ctx) => stepped(ctx, 'code', { key: 'wiz-ask-code', vars: { code: escapeHtml(d.code) } }),
    choices: () => [CODE_OK],
    async answer(d, a, ctx): Promise<StepResult<WizardData>> {
      if (chosen(a, [CODE_OK], ctx) === 'ok') return { ok: true, data: d };
      if (a.kind !== 'text') return problem('flow-problem-text');
      const typed = fold(a.text).trim().replace(/\s+/g, '-');
      if (!campaignFileSchema.shape.code.safeParse(typed).success) return problem('wiz-code-invalid', { value: a.text });
      if (typed !== d.code && (await services.campaigns.byCode(typed))) return problem('wiz-code-taken', { value: typed });
      return { ok: true, data: { ...d, code: typed, codeTyped: true } };
    },
  };

  const issuer = textStep({
    id: 'issuer',
    prompt: { key: 'wiz-ask-issuer' },
    optional: true,
    get: (d) => d.issuer,
    offer: (d) => d.unitName,
    set: (d, text) => (text && text.length > 300 ? problem('text-too-long', { max: 300 }) : { ok: true, data: { ...d, issuer: text } }),
  });

  const kind: Step<WizardData> = {
    id: 'kind',
    accepts: 'choice',
    prompt: (d, ctx) => stepped(ctx, 'kind', withPrevious(ctx, { key: 'wiz-ask-kind' }, d.kind ? ctx.label({ key: `wiz-kind-${d.kind}` }) : null)),
    choices: (_d, ctx) => kindChoices(ctx),
    answer(d, a) {
      const k = KINDS.find((x) => a.kind === 'choice' && a.value === x);
      return k ? { ok: true, data: { ...d, kind: k } } : problem('wiz-measure-help');
    },
  };

  const slogan = textStep({
    id: 'slogan',
    prompt: { key: 'wiz-ask-slogan' },
    optional: true,
    get: (d) => d.slogan,
    set: (d, text) => (text && text.length > 500 ? problem('text-too-long', { max: 500 }) : { ok: true, data: { ...d, slogan: text === '-' ? null : text } }),
  });

  const description = textStep({
    id: 'description',
    prompt: { key: 'wiz-ask-description' },
    optional: true,
    get: (d) => d.description,
    set: (d, text) => (text && text.length > 4000 ? problem('text-too-long', { max: 4000 }) : { ok: true, data: { ...d, description: text === '-' ? null : text } }),
  });

  function dateStep(which: 'starts' | 'ends'): Step<WizardData> {
    return textStep({
      id: which,
      prompt: { key: `wiz-ask-${which}` },
      get: (d) => d[which] || null,
      set(d, text, ctx) {
        const parsed = parseDate(text ?? '', ctx.now);
        if (!parsed.ok) return problem(`wiz-date-${parsed.reason}`, { value: text ?? '' });
        const at = parsed.date.getTime();
        if (which === 'starts') {
          // A new start on or after the end asked before: the end is asked again.
          const endsOk = d.endsAt > at + 86_400_000;
          return { ok: true, data: { ...d, starts: formatDate(parsed.date), startsAt: at, ...(endsOk ? {} : { ends: '', endsAt: 0 }) } };
        }
        // The end must be after the start (a one-day drive ends the day after it starts at the earliest).
        if (at <= d.startsAt) return problem('wiz-ends-before-starts', { starts: d.starts });
        return { ok: true, data: { ...d, ends: formatDate(parsed.date), endsAt: at + 86_400_000 - 1 } };
      },
    });
  }

  // ---- Titles: standard ones, the drive's rewards, custom honours --------------------------------

  const items = (d: WizardData, ctx: FlowContext) => titleItems(ctx, d, d.issuer);
  const ADD_CUSTOM: Choice = { value: 'custom', label: { key: 'wiz-title-add-custom' }, aliases: ['them', 'khac', 'danh hieu khac'] };
  const scopeChoices = (ctx: FlowContext): Choice[] =>
    (['INDIVIDUAL', 'COLLECTIVE'] as const).map((s, i) => ({ value: s, label: verbatim(`${i + 1}. ${ctx.label({ key: `wiz-scope-${s}` })}`) }));

  const titles: Step<WizardData> = {
    id: 'titles',
    accepts: 'text',
    prompt(d, ctx): Message {
      if (d.tt.phase === 'name') return stepped(ctx, 'titles', { key: 'wiz-ask-custom-name' });
      if (d.tt.phase === 'scope') return stepped(ctx, 'titles', { key: 'wiz-ask-custom-scope', vars: { name: escapeHtml(d.tt.name) } });
      return stepped(ctx, 'titles', d.titlesTouched ? { key: 'wiz-titles-selected', vars: { count: d.titles.length + d.custom.length } } : { key: 'wiz-ask-titles' });
    },
    choices(d, ctx) {
      if (d.tt.phase === 'name') return [];
      if (d.tt.phase === 'scope') return scopeChoices(ctx);
      return [...items(d, ctx).map((x, i) => ({ value: x.value, label: verbatim(`${x.on ? '✅' : '▫️'} ${i + 1}. ${x.label}`) })), ADD_CUSTOM, DONE];
    },
    answer(d, a, ctx): StepResult<WizardData> {
      const tt = d.tt;
      if (tt.phase === 'name') {
        if (a.kind !== 'text') return problem('flow-problem-text');
        const name = a.text.normalize('NFC').trim();
        if (name.length < 2 || name.length > 200) return problem('text-too-long', { max: 200 });
        return { ok: true, data: { ...d, tt: { phase: 'scope', name } }, next: 'titles' };
      }
      if (tt.phase === 'scope') {
        const value = a.kind === 'choice' ? a.value : a.kind === 'text' ? matchChoice(a.text, scopeChoices(ctx), ctx)?.value : undefined;
        const scope: Scope | null = value === 'INDIVIDUAL' || value === 'COLLECTIVE' ? value : null;
        if (!scope) return problem('wiz-measure-help');
        const taken = [...OFFERED_TITLES.map(([c]) => c as string), ...REWARDS.map(([c]) => c as string), ...d.custom.map((c) => c.code)];
        const custom = { code: customCode(tt.name, taken), name: tt.name, scope };
        return { ok: true, data: { ...d, custom: [...d.custom, custom], tt: { phase: 'pick' }, titlesTouched: true }, next: 'titles' };
      }
      if (isDone(a)) {
        if (d.titles.length + d.custom.length === 0) return problem('wiz-titles-empty');
        return { ok: true, data: { ...d, titles: OFFERED_TITLES.map(([c]) => c as string).filter((c) => d.titles.includes(c)) } };
      }
      const list = items(d, ctx);
      const addTyped = a.kind === 'text' && (namedChoice(a.text, [ADD_CUSTOM], ctx) !== undefined || a.text.trim() === String(list.length + 1));
      if ((a.kind === 'choice' && a.value === 'custom') || addTyped) {
        return { ok: true, data: { ...d, tt: { phase: 'name' } }, next: 'titles' };
      }
      // A button toggles one item; typed numbers ("1 3 10") toggle several.
      const values = a.kind === 'choice' ? [a.value] : a.kind === 'text' ? typedIndexes(a.text, list).map((x) => x.value) : [];
      if (values.length === 0) return problem('wiz-titles-help');
      return { ok: true, data: { ...d, ...toggleTitles(ctx, d, values, d.issuer), titlesTouched: true }, next: 'titles' };
    },
    back(d) {
      if (d.tt.phase === 'scope') return { ...d, tt: { phase: 'name' } };
      if (d.tt.phase === 'name') return { ...d, tt: { phase: 'pick' } };
      return null;
    },
    canGoBack: (d) => d.tt.phase !== 'pick',
  };

  // ---- Content lines ------------------------------------------------------------------------------

  /** Content lines, one per message: the line, how it is measured, its unit and target when counted; "xong" ends. */
  const criteria: Step<WizardData> = {
    id: 'criteria',
    accepts: 'text',
    prompt(d, ctx): Message {
      const c = d.crit;
      if (c.phase === 'measure') return stepped(ctx, 'criteria', { key: 'wiz-ask-measure', vars: { title: escapeHtml(c.title) } });
      if (c.phase === 'unit') return stepped(ctx, 'criteria', { key: 'wiz-ask-unit' });
      if (c.phase === 'target') return stepped(ctx, 'criteria', { key: 'wiz-ask-target', vars: { title: escapeHtml(c.title), unit: c.unit ? escapeHtml(c.unit) : 'none' } });
      const ask = ctx.label({ key: 'wiz-ask-criterion', vars: { n: d.criteria.length + 1 } });
      return stepped(ctx, 'criteria', d.criteria.length > 0 ? `${ctx.label({ key: 'wiz-criteria-so-far' })}\n${criteriaList(ctx, d.criteria)}\n\n${ask}` : ask);
    },
    numbersAreValues: (d) => d.crit.phase === 'target',
    choices(d, ctx) {
      if (d.crit.phase === 'measure') return measureChoices(ctx);
      if (d.crit.phase === 'unit' || d.crit.phase === 'target') return [SKIP];
      return d.criteria.length > 0 ? [DONE] : [];
    },
    answer(d, a, ctx): StepResult<WizardData> {
      const crit = d.crit;
      const add = (c: Omit<CriterionInput, 'code'>): StepResult<WizardData> => ({
        ok: true,
        data: { ...d, criteria: [...d.criteria, { code: `K${d.criteria.length + 1}`, ...c }], crit: { phase: 'title' } },
        next: 'criteria',
      });
      // A unit is never a bare number ("1" is the Skip choice); a target is (only the words skip it).
      const skipped =
        a.kind === 'choice' || (a.kind === 'text' && (crit.phase === 'unit' ? matchChoice(a.text, [SKIP], ctx) : namedChoice(a.text, [SKIP], ctx)) !== undefined);
      if (crit.phase === 'title') {
        if (isDone(a)) return d.criteria.length === 0 ? problem('wiz-criteria-empty') : { ok: true, data: d };
        if (a.kind !== 'text') return problem('wiz-criteria-empty');
        const text = a.text.normalize('NFC').trim();
        if (text.length > 500) return problem('text-too-long', { max: 500 });
        return { ok: true, data: { ...d, crit: { phase: 'measure', title: text } }, next: 'criteria' };
      }
      if (crit.phase === 'measure') {
        const value = a.kind === 'choice' ? a.value : a.kind === 'text' ? matchChoice(a.text, measureChoices(ctx), ctx)?.value : undefined;
        const measure = MEASURES.find((m) => m === value);
        if (!measure) return problem('wiz-measure-help');
        if (measure === 'NUMBER') return { ok: true, data: { ...d, crit: { phase: 'unit', title: crit.title } }, next: 'criteria' };
        return add({ title: crit.title, measure });
      }
      if (crit.phase === 'unit') {
        if (skipped) return { ok: true, data: { ...d, crit: { phase: 'target', title: crit.title } }, next: 'criteria' };
        if (a.kind !== 'text') return problem('flow-problem-text');
        if (a.text.length > 40) return problem('text-too-long', { max: 40 });
        return { ok: true, data: { ...d, crit: { phase: 'target', title: crit.title, unit: a.text.normalize('NFC').trim() } }, next: 'criteria' };
      }
      const unit = crit.unit ? { unit: crit.unit } : {};
      if (skipped) return add({ title: crit.title, measure: 'NUMBER', ...unit });
      if (a.kind !== 'text') return problem('flow-problem-text');
      const target = readTarget(a.text);
      if (!target.ok) return target;
      return add({ title: crit.title, measure: 'NUMBER', ...unit, target: target.data });
    },
    back(d) {
      const c = d.crit;
      if (c.phase === 'target') return { ...d, crit: { phase: 'unit', title: c.title } };
      if (c.phase === 'unit') return { ...d, crit: { phase: 'measure', title: c.title } };
      if (c.phase === 'measure') return { ...d, crit: { phase: 'title' } };
      // Back from the next line's question: the previous line's last question again.
      const last = d.criteria[d.criteria.length - 1];
      if (!last) return null;
      const criteria = d.criteria.slice(0, -1);
      return {
        ...d,
        criteria,
        crit: last.measure === 'NUMBER' ? { phase: 'target', title: last.title, ...(last.unit ? { unit: last.unit } : {}) } : { phase: 'measure', title: last.title },
      };
    },
    canGoBack: (d) => d.crit.phase !== 'title' || d.criteria.length > 0,
  };

  // ---- Milestones ---------------------------------------------------------------------------------

  const extraChoices = (ctx: FlowContext): Choice[] => [
    ...EXTRA_MILESTONES.map((k, i) => ({ value: k, label: verbatim(`${i + 1}. ${ctx.label({ key: `camp-milestone-${k}` })}`) })),
    DONE,
  ];
  const DEFAULT_REMIND: Choice = { value: 'default', label: { key: 'wiz-remind-default' }, aliases: ['mac dinh', 'default'] };
  const UNTIL_END: Choice = { value: 'end', label: { key: 'wiz-until-end' }, aliases: ['het phong trao', 'den het', 'end'] };

  /** The value of the open milestone question entered before (after Back), shown and offered to keep. */
  function pendingShown(ms: MilestonePhase): string | null {
    if (ms.phase === 'name') return ms.m.title ?? null;
    if (ms.phase === 'due') return ms.m.due ?? null;
    if (ms.phase === 'until') return ms.m.until ?? null;
    return null;
  }

  /** Checks the milestone against the whole draft (period, repeats, offsets) and adds it. */
  function addMilestone(d: WizardData, m: MilestoneInput, ctx: FlowContext): StepResult<WizardData> {
    const list = [...d.milestones, m];
    const parsed = parseWizard(d, list);
    if (!parsed.ok) {
      const mine = parsed.errors.filter((e) => e.path.startsWith(`milestones[${list.length - 1}]`));
      return { ok: false, problem: verbatim(renderFileProblems(translator(ctx), mine.length > 0 ? mine : parsed.errors)) };
    }
    return { ok: true, data: { ...d, milestones: list, ms: { phase: 'more' } }, next: 'milestones' };
  }

  /** Milestones: the registration deadline, then more on request; each with its due time, repeat and reminders. */
  const milestones: Step<WizardData> = {
    id: 'milestones',
    accepts: 'text',
    prompt(d, ctx): Message {
      const ms = d.ms;
      if (ms.phase === 'more') {
        const list = milestoneList(ctx, d.milestones, parseWizard(d));
        return stepped(ctx, 'milestones', `${ctx.label({ key: 'wiz-ms-so-far', vars: { count: d.milestones.length } })}\n${list}\n\n${ctx.label({ key: 'wiz-ask-more-milestones' })}`);
      }
      const kindName = ctx.label({ key: `camp-milestone-${ms.m.kind}` });
      const shown = pendingShown(ms);
      switch (ms.phase) {
        case 'name':
          return stepped(ctx, 'milestones', withPrevious(ctx, { key: 'wiz-ask-ms-name', vars: { kind: kindName } }, shown));
        case 'due':
          return stepped(ctx, 'milestones', withPrevious(ctx, { key: 'wiz-ask-due', vars: { kind: ms.m.title ? escapeHtml(ms.m.title) : kindName, starts: d.starts, ends: d.ends } }, shown));
        case 'repeat':
          return stepped(ctx, 'milestones', { key: 'wiz-ask-repeat', vars: { due: ms.m.due ?? '' } });
        case 'until':
          return stepped(ctx, 'milestones', withPrevious(ctx, { key: 'wiz-ask-until', vars: { repeat: ctx.label({ key: `wiz-repeat-${ms.m.repeat ?? 'none'}` }).toLocaleLowerCase(), ends: d.ends } }, shown));
        case 'remind':
          return stepped(ctx, 'milestones', { key: 'wiz-ask-remind' });
      }
    },
    choices(d, ctx) {
      const ms = d.ms;
      if (ms.phase === 'more') return extraChoices(ctx);
      const shown = pendingShown(ms);
      const keep = shown !== null ? [keepChoice(shown)] : [];
      if (ms.phase === 'name') return [...keep, SKIP];
      if (ms.phase === 'repeat') return repeatChoices(ctx);
      if (ms.phase === 'until') return [...keep, UNTIL_END];
      if (ms.phase === 'remind') return [DEFAULT_REMIND];
      return keep;
    },
    answer(d, a, ctx): StepResult<WizardData> {
      const ms = d.ms;
      const go = (next: MilestonePhase): StepResult<WizardData> => ({ ok: true, data: { ...d, ms: next }, next: 'milestones' });
      if (ms.phase === 'more') {
        if (isDone(a)) return { ok: true, data: d };
        const value = a.kind === 'choice' ? a.value : a.kind === 'text' ? matchChoice(a.text, extraChoices(ctx), ctx)?.value : undefined;
        if (value === 'done') return { ok: true, data: d };
        const kind = EXTRA_MILESTONES.find((k) => k === value);
        if (!kind) return problem('wiz-measure-help');
        return go({ phase: 'name', m: { kind } });
      }
      const m = ms.m;
      const pick = chosen(a, this.choices!(d, ctx), ctx);
      const keeping = pick === 'keep';
      switch (ms.phase) {
        case 'name': {
          if (keeping) return go({ phase: 'due', m });
          if (pick === 'skip') {
            const { title: _drop, ...rest } = m;
            return go({ phase: 'due', m: rest });
          }
          if (a.kind !== 'text') return problem('flow-problem-text');
          const name = a.text.normalize('NFC').trim();
          if (name.length > 300) return problem('text-too-long', { max: 300 });
          return go({ phase: 'due', m: { ...m, title: name } });
        }
        case 'due': {
          const after = (due: string): MilestonePhase => (m.kind === 'REGISTRATION' ? { phase: 'remind', m: { ...m, due } } : { phase: 'repeat', m: { ...m, due } });
          if (keeping && m.due) return go(after(m.due));
          if (a.kind !== 'text') return problem('flow-problem-text');
          const parsed = parseDateTime(a.text, ctx.now);
          if (!parsed.ok) return problem(`wiz-date-${parsed.reason}`, { value: a.text });
          const at = parsed.date.getTime();
          if (at < d.startsAt || at > d.endsAt) return problem('wiz-due-outside', { value: formatDateTime(parsed.date), starts: d.starts, ends: d.ends });
          // The file's own spelling (dd/MM/yyyy HH:mm), which parseCampaignFile reads back exactly.
          const [hm, date] = formatDateTime(parsed.date).split(' ');
          return go(after(`${date} ${hm}`));
        }
        case 'repeat': {
          const value = a.kind === 'choice' ? a.value : a.kind === 'text' ? matchChoice(a.text, repeatChoices(ctx), ctx)?.value : undefined;
          const repeat = REPEATS.find((r) => r === value) as Repeat | undefined;
          if (!repeat) return problem('wiz-measure-help');
          if (repeat === 'none') {
            const { repeat: _r, until: _u, ...rest } = m;
            return go({ phase: 'remind', m: rest });
          }
          return go({ phase: 'until', m: { ...m, repeat } });
        }
        case 'until': {
          if (keeping) return go({ phase: 'remind', m });
          if (pick === 'end') return go({ phase: 'remind', m: { ...m, until: d.ends } });
          if (a.kind !== 'text') return problem('flow-problem-text');
          const parsed = parseDate(a.text, ctx.now);
          if (!parsed.ok) return problem(`wiz-date-${parsed.reason}`, { value: a.text });
          return go({ phase: 'remind', m: { ...m, until: formatDate(parsed.date) } });
        }
        case 'remind': {
          const full = { ...m, due: m.due ?? '' } as MilestoneInput;
          if (pick === 'default') {
            const { remind: _x, ...rest } = full;
            return addMilestone(d, rest, ctx);
          }
          if (a.kind !== 'text') return problem('flow-problem-text');
          const r = readOffsets(a.text, Math.floor((d.endsAt + 1 - d.startsAt) / 60_000));
          if (!r.ok) return { ok: false, problem: r.problem };
          return addMilestone(d, { ...full, remind: r.remind }, ctx);
        }
      }
    },
    back(d) {
      const ms = d.ms;
      if (ms.phase === 'more') {
        // Back from "more milestones?": the last milestone's reminders again.
        const last = d.milestones[d.milestones.length - 1];
        if (!last) return null;
        return { ...d, milestones: d.milestones.slice(0, -1), ms: { phase: 'remind', m: last } };
      }
      const m = ms.m;
      switch (ms.phase) {
        case 'remind':
          return { ...d, ms: m.kind === 'REGISTRATION' ? { phase: 'due', m } : m.repeat ? { phase: 'until', m } : { phase: 'repeat', m } };
        case 'until':
          return { ...d, ms: { phase: 'repeat', m } };
        case 'repeat':
          return { ...d, ms: { phase: 'due', m } };
        case 'due':
          if (m.kind === 'REGISTRATION') return null;
          return { ...d, ms: { phase: 'name', m } };
        case 'name':
          return { ...d, ms: { phase: 'more' } };
      }
    },
    canGoBack: (d) => !(d.ms.phase === 'due' && d.ms.m.kind === 'REGISTRATION' && d.milestones.length === 0),
  };

  // ---- Audience and preview -----------------------------------------------------------------------

  const modeChoices = (d: WizardData): Choice[] => [
    { value: 'own', label: { key: 'wiz-audience-own' } },
    ...(d.units.length > 0 ? [{ value: 'pick', label: { key: 'wiz-audience-pick' } }] : []),
  ];
  const unitChoices = (d: WizardData): Choice[] => [
    ...d.units.map((u, i) => ({ value: `u.${u.code}`, label: verbatim(`${d.audience.includes(u.code) ? '✅' : '▫️'} ${i + 1}. ${u.name}`.slice(0, 60)) })),
    DONE,
  ];

  /** Moves on to the preview: the code still free, and the file checked by the upload rules. */
  async function toPreview(d: WizardData, ctx: FlowContext): Promise<StepResult<WizardData>> {
    // Another draft took the code meanwhile: a derived code moves on to the next free one.
    const taken = await services.campaigns.byCode(d.code);
    const codeNow = taken ? (d.codeTyped ? null : await derivedCode(d.title)) : d.code;
    if (codeNow === null) return { ok: true, data: d, next: 'code', notice: { key: 'wiz-code-taken', vars: { value: d.code } } };
    const next = { ...d, code: codeNow };
    const parsed = parseWizard(next);
    if (!parsed.ok) {
      // The answers contradict each other (a period changed after its milestones): listed here, fixed by going back.
      const t = translator(ctx);
      return { ok: false, problem: verbatim(`${t('camp-import-invalid', { count: parsed.errors.length })}\n${renderFileProblems(t, parsed.errors)}`) };
    }
    return { ok: true, data: next };
  }

  const audience: Step<WizardData> = {
    id: 'audience',
    accepts: 'text',
    prompt: (d, ctx): Message =>
      stepped(ctx, 'audience', d.aud === 'mode' ? { key: 'wiz-ask-audience' } : d.audienceTouched ? { key: 'wiz-titles-selected', vars: { count: d.audience.length } } : { key: 'wiz-ask-audience-units' }),
    choices: (d) => (d.aud === 'mode' ? modeChoices(d) : unitChoices(d)),
    async answer(d, a, ctx): Promise<StepResult<WizardData>> {
      if (d.aud === 'mode') {
        const value = a.kind === 'choice' ? a.value : a.kind === 'text' ? matchChoice(a.text, modeChoices(d), ctx)?.value : undefined;
        if (value === 'own' && d.unitId !== null) return toPreview({ ...d, audience: [] }, ctx);
        if (value === 'pick' && d.units.length > 0) return { ok: true, data: { ...d, aud: 'units', audience: [], audienceTouched: false }, next: 'audience' };
        return problem('wiz-measure-help');
      }
      if (isDone(a)) {
        if (d.audience.length === 0) return problem('wiz-audience-empty');
        return toPreview({ ...d, audience: d.units.filter((u) => d.audience.includes(u.code)).map((u) => u.code) }, ctx);
      }
      const codes =
        a.kind === 'choice' ? d.units.filter((u) => `u.${u.code}` === a.value).map((u) => u.code) : a.kind === 'text' ? typedIndexes(a.text, d.units).map((u) => u.code) : [];
      if (codes.length === 0) return problem('wiz-titles-help');
      return { ok: true, data: { ...d, audience: toggle(d.audience, codes), audienceTouched: true }, next: 'audience' };
    },
    back: (d) => (d.aud === 'units' ? { ...d, aud: 'mode', audience: [] } : null),
    canGoBack: (d) => d.aud === 'units',
  };

  const SAVE: Choice = { value: 'save', label: { key: 'wiz-save' }, aliases: ['luu', 'save'] };

  const preview: Step<WizardData> = {
    id: 'preview',
    accepts: 'choice',
    prompt(d, ctx) {
      const parsed = parseWizard(d);
      const t = translator(ctx);
      const detail = parsed.ok ? renderDetail(t, draftAsCampaign(parsed.campaign), { now: ctx.now, forOfficer: true }) : '';
      const extra = [
        t('wiz-preview-kind', { kind: t(`wiz-kind-${d.kind ?? 'THEMATIC'}`) }),
        ...(d.description ? [t('wiz-preview-description', { text: escapeHtml(d.description) })] : []),
        `${t('wiz-ms-so-far', { count: d.milestones.length })}\n${milestoneList(ctx, d.milestones, parsed)}`,
      ];
      return stepped(ctx, 'preview', `${t('wiz-preview')}\n\n${detail}\n\n${extra.join('\n\n')}`);
    },
    choices: () => [SAVE],
    hint: () => ({ key: 'wiz-save-help' }),
    async answer(d): Promise<StepResult<WizardData>> {
      const file = wizardFile(d);
      const parsed = parseCampaignFile(JSON.stringify(file), 'json');
      if (!parsed.ok) return { ok: true, data: d, next: 'audience', notice: { key: 'wiz-save-failed', vars: { reason: 'invalid' } } };
      // The service decides (is this still an officer?) and audits the save or the refusal.
      const r = await services.campaigns.importDraft(parsed.campaign, { id: d.actorId }, JSON.stringify(file, null, 2));
      if (r.ok) return { ok: true, data: { ...d, saved: { id: r.campaign.id, code: r.campaign.code } } };
      // No longer an officer (revoked while the wizard was open): nothing is saved, the wizard ends.
      if (r.reason === 'not_officer') return { ok: true, data: { ...d, refused: true } };
      if (r.reason === 'code_taken') return { ok: true, data: d, next: 'code', notice: { key: 'wiz-code-taken', vars: { value: d.code } } };
      return { ok: true, data: d, next: 'audience', notice: { key: 'wiz-save-failed', vars: { reason: r.reason } } };
    },
  };

  return {
    id: CREATE_CAMPAIGN_FLOW,
    version: 2,
    nameKey: 'wiz-flow-name',
    steps: [title, code, issuer, kind, slogan, description, dateStep('starts'), dateStep('ends'), titles, criteria, milestones, audience, preview],
    init: (args) => ({
      actorId: args.actorId ?? 0,
      unitId: args.unitId ?? null,
      unitName: args.unitName ?? null,
      units: args.units ?? [],
      title: '',
      code: '',
      codeTyped: false,
      issuer: null,
      kind: null,
      slogan: null,
      description: null,
      answered: [],
      starts: '',
      ends: '',
      startsAt: 0,
      endsAt: 0,
      titles: [],
      custom: [],
      tt: { phase: 'pick' },
      titlesTouched: false,
      criteria: [],
      crit: { phase: 'title' },
      milestones: [],
      ms: { phase: 'due', m: { kind: 'REGISTRATION' } },
      audience: [],
      aud: 'mode',
      audienceTouched: false,
      saved: null,
      refused: false,
    }),
    async prepare(_args, env) {
      const member = await services.members.byId(env.memberId);
      if (!member || (member.role !== 'OFFICER' && member.role !== 'ADMIN')) return { ok: false, message: { key: 'forbidden' } };
      if (!member.unitId && member.role !== 'ADMIN') return { ok: false, message: { key: 'officer-needs-unit' } };
      const [children, unit] = await Promise.all([services.units.children(member.unitId), member.unitId ? services.units.byId(member.unitId) : null]);
      const units = children.slice(0, MAX_AUDIENCE_UNITS).map((u) => ({ code: u.code, name: u.name }));
      return { ok: true, args: { actorId: member.id, unitId: member.unitId, unitName: unit?.name ?? null, units }, say: [{ key: 'wiz-intro' }] };
    },
    async complete(d): Promise<Reply[]> {
      if (d.refused || !d.saved) return [{ kind: 'say', message: { key: 'forbidden' } }];
      const saved = d.saved;
      return [
        {
          kind: 'say',
          message: { key: 'wiz-saved', vars: { title: escapeHtml(d.title), code: escapeHtml(saved.code) } },
          actions: [{ label: { key: 'wiz-open' }, open: 'campaign', campaignId: saved.id }],
        },
        { kind: 'done', flow: CREATE_CAMPAIGN_FLOW, value: { campaignId: saved.id } },
      ];
    },
  };
}
