/**
 * The one flow model for multi-step input, for every channel (issue 9, step 1).
 *
 * A flow is a list of typed steps. Each step has a prompt (a template key and its variables), the
 * choices it offers (value + label key), what it accepts (text, number, date, choice, file) and a
 * validation that returns a localized problem. Back, Cancel and "answer by number or by words" are
 * handled here once, so Telegram (buttons) and a text-only channel (numbered lines) behave the same.
 *
 * This module knows no channel and no storage: no grammY, no Prisma, no Redis (a step's `answer` may
 * call a service it is given). {@link advanceFlow} takes the stored state and one input and returns
 * the next state and what to say; the runner (`runner.ts`) stores that state
 * before the channel sends the prompt, so a restart — or another instance taking the next update —
 * loses no answer.
 *
 * @example
 * const name: Step<{ name?: string }> = {
 *   id: 'name', accepts: 'text',
 *   prompt: () => ({ key: 'onb-ask-name' }),
 *   answer: (data, a) => (a.kind === 'text' ? { ok: true, data: { ...data, name: a.text } } : problem('flow-problem-text')),
 * };
 */
import { parseDate } from '../domain/dates.js';
import { fold, parseDecimalVi } from '../domain/text.js';

/** A localized text to show: a Fluent key and its variables, rendered by the channel in the member's language. */
export interface Message {
  key: string;
  vars?: Record<string, string | number>;
}

/** One option of a choice step. `aliases` are extra words that pick it when typed ("có", "yes"). */
export interface Choice {
  value: string;
  label: Message;
  aliases?: readonly string[];
}

/** A file a member sent, as the channel describes it (ids are the channel's own, as strings). */
export interface FileRef {
  channel: string;
  fileId: string;
  kind: 'photo' | 'document';
  size?: number;
  mimeType?: string;
  fileName?: string;
  caption?: string;
  /** The channel's stable id of the same file content, when it has one (Telegram's file_unique_id). */
  uniqueId?: string;
}

/**
 * What a member sent, normalized by the channel: typed text, a tapped choice (by value, or by its
 * index in the question of revision `rev` — what fits in 64 bytes of button data), a file, something
 * no step reads (`other`: a sticker, a voice note), or the Back/Cancel buttons.
 */
export type FlowInput =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; value: string }
  | { kind: 'pick'; index: number; rev: number }
  | { kind: 'file'; file: FileRef }
  | { kind: 'back' }
  | { kind: 'cancel' }
  /** Something no step takes as an answer (a sticker, a voice note): the step re-asks with its hint. */
  | { kind: 'other' };

/** What a step accepts; the engine parses numbers and dates the same way for every channel. */
export type Accepts = 'text' | 'number' | 'date' | 'choice' | 'file';

/** An answer after parsing, handed to {@link Step.answer}. */
export type Answer =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: string; unit?: string; text: string }
  | { kind: 'date'; date: Date; text: string }
  | { kind: 'choice'; value: string }
  | { kind: 'file'; file: FileRef };

/**
 * A step's verdict: the new data (and optionally the step to go to), or a problem to show while
 * re-asking. `next` naming the step itself asks it again with the new data (one more file; a tree
 * level, a page, a search); Back then leaves the step. `notice` is said before whatever comes next
 * ("Đã ghi nhận đơn vị …").
 */
export type StepResult<D> = { ok: true; data: D; next?: string; notice?: Message } | { ok: false; problem: Message };

/** What a step may read besides the flow's data: the clock, and how labels read in the member's language. */
export interface FlowContext {
  now: Date;
  /** Renders a message in the member's language; used to match typed words against choice labels. */
  label(message: Message): string;
  /**
   * Reads the content of a file the member sent, through the channel that received it (Telegram
   * downloads it by file_id); null when the channel will not give it or it is over `maxBytes`.
   * Absent on a channel that cannot fetch files: a step that needs the content then refuses.
   */
  readFile?(file: FileRef, maxBytes: number): Promise<Uint8Array | null>;
}

/** One question of a flow. */
export interface Step<D> {
  id: string;
  accepts: Accepts;
  prompt(data: D, ctx: FlowContext): Message;
  /** The choices offered (a text step may offer some too: its `answer` reads typed text that names one). */
  choices?(data: D, ctx: FlowContext): readonly Choice[];
  /**
   * True while a typed number is this step's answer (a figure), not the number of a choice: a
   * text-only channel then lists the choices as words, so "1" is never read two ways.
   */
  numbersAreValues?(data: D): boolean;
  /** True when this step does not apply to the data so far (it is then passed over, also on Back). */
  skip?(data: D, ctx: FlowContext): boolean;
  /** Validates and stores the answer; may call services (a unit search, a duplicate check). */
  answer(data: D, answer: Answer, ctx: FlowContext): StepResult<D> | Promise<StepResult<D>>;
  /**
   * What to say when the input is not something this step takes (a sticker, text where a choice is
   * expected, a file where text is). Default: the model's generic problem for what it accepts.
   */
  hint?(data: D, ctx: FlowContext): Message;
  /**
   * Back inside a step that asks several questions (one per content line, a level of the unit
   * tree, a search): the data of the previous question, or null to leave the step for the previous
   * one in the history.
   */
  back?(data: D, ctx: FlowContext): D | null | Promise<D | null>;
  /** Whether {@link back} has somewhere to go inside the step: channels then offer Back even on a first step. */
  canGoBack?(data: D): boolean;
}

/** A flow: its id, the version of its state's shape, its steps in order, and its first data. */
export interface Flow<D, A = void> {
  id: string;
  /** Bump when the steps or the data change shape: a stored state of another version restarts politely. */
  version: number;
  steps: readonly Step<D>[];
  init(args: A): D;
}

/** The stored state of one member's open flow. `rev` starts at 1 and grows with every stored change. */
export interface FlowState<D> {
  flow: string;
  version: number;
  rev: number;
  step: string;
  data: D;
  /** Steps answered so far, for Back. */
  history: string[];
  /** What the flow was started with, so a flow whose version changed can start again the same way. */
  args?: unknown;
}

/** What to do after an input: ask (again), finish, or stop. */
export type FlowOutcome<D> =
  | {
      type: 'ask';
      state: FlowState<D>;
      prompt: Message;
      choices: readonly Choice[];
      accepts: Accepts;
      /** A typed number answers this question as a figure ({@link Step.numbersAreValues}). */
      numbersAreValues: boolean;
      problem?: Message;
      /** Said before the question (the previous answer's {@link StepResult} notice). */
      notice?: Message;
      /** Whether Back leads somewhere (an earlier step, or up inside this one): channels offer it then. */
      back: boolean;
    }
  | { type: 'done'; state: FlowState<D>; notice?: Message }
  | { type: 'cancelled' }
  /** The stored state belongs to another version (or flow): `flow` and `args` say how it was started. */
  | { type: 'outdated'; flow?: string; args?: unknown };

/** Shorthand for a refused answer. */
export function problem(key: string, vars?: Record<string, string | number>): { ok: false; problem: Message } {
  return { ok: false, problem: vars ? { key, vars } : { key } };
}

const CANCEL_WORDS = new Set(['/cancel', 'cancel', 'huy', 'huy bo', 'thoat', 'dung', 'stop']);
const BACK_WORDS = new Set(['/back', 'back', 'quay lai', 'tro lai', 'lui']);

/** Folded words without emoji or punctuation: "⬅️ Quay lại" → "quay lai". */
function words(s: string): string {
  return fold(s)
    .replace(/[^\p{L}\p{N}/ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when typed text means Cancel ("hủy", "/cancel", "thoát"…), in either language, with or without diacritics. */
export function isCancelText(text: string): boolean {
  return CANCEL_WORDS.has(words(text));
}

/**
 * True when typed text means Back ("quay lại", "back"). On a choice step `0` is Back too; elsewhere
 * 0 is a value a member may mean (a report of 0), so it is not.
 */
export function isBackText(text: string, accepts: Accepts): boolean {
  const w = words(text);
  return BACK_WORDS.has(w) || (accepts === 'choice' && w === '0');
}

/**
 * Picks the choice a typed answer means: its number in the list (1-based), its label's words, its
 * value, or one of its aliases — case- and diacritic-insensitive, emoji ignored.
 */
export function matchChoice(text: string, choices: readonly Choice[], ctx: FlowContext): Choice | undefined {
  const w = words(text);
  if (/^\d+$/.test(w)) {
    const n = Number(w);
    return n >= 1 && n <= choices.length ? choices[n - 1] : undefined;
  }
  if (w === '') return undefined;
  // A label may carry its own number ("▫️ 2. Công trình…"): its words without the number match too.
  const own = (label: string) => words(label).replace(/^\d+ /, '');
  return choices.find(
    (c) => words(ctx.label(c.label)) === w || own(ctx.label(c.label)) === w || words(c.value) === w || (c.aliases ?? []).some((a) => words(a) === w),
  );
}

function stepById<D>(flow: Flow<D, unknown>, id: string): Step<D> | undefined {
  return flow.steps.find((s) => s.id === id);
}

/** The first step from `index` on that applies to `data`, or undefined when the flow is complete. */
function firstApplicable<D>(flow: Flow<D, unknown>, index: number, data: D, ctx: FlowContext): Step<D> | undefined {
  for (let i = index; i < flow.steps.length; i++) {
    const step = flow.steps[i]!;
    if (!step.skip?.(data, ctx)) return step;
  }
  return undefined;
}

function ask<D>(flow: Flow<D, unknown>, state: FlowState<D>, ctx: FlowContext, problemMsg?: Message, notice?: Message): FlowOutcome<D> {
  const step = stepById(flow, state.step)!;
  return {
    type: 'ask',
    state,
    prompt: step.prompt(state.data, ctx),
    choices: step.choices?.(state.data, ctx) ?? [],
    accepts: step.accepts,
    numbersAreValues: step.accepts === 'number' || (step.numbersAreValues?.(state.data) ?? false),
    ...(problemMsg ? { problem: problemMsg } : {}),
    ...(notice ? { notice } : {}),
    // The history may hold the current step itself (it repeated): only another step is somewhere to go back to.
    back: state.history.some((id) => id !== state.step) || (step.canGoBack?.(state.data) ?? false),
  };
}

/**
 * The question a stored state is at, asked again without any input (a channel showing another page
 * of its choices); `outdated` when the state belongs to another version of the flow.
 */
export function currentQuestion<D, A>(flow: Flow<D, A>, state: FlowState<D>, ctx: FlowContext): FlowOutcome<D> {
  const f = flow as Flow<D, unknown>;
  if (state.flow !== flow.id || state.version !== flow.version || !stepById(f, state.step)) return { type: 'outdated' };
  return ask(f, state, ctx);
}

/**
 * Starts `flow` with `args`: the state to store and the first question. A flow whose every step is
 * skipped is done at once. `restartArgs` (default `args`) is kept in the state to start it again
 * after a version change.
 */
export function startFlow<D, A>(flow: Flow<D, A>, args: A, ctx: FlowContext, restartArgs: unknown = args): FlowOutcome<D> {
  const data = flow.init(args);
  const first = firstApplicable(flow as Flow<D, unknown>, 0, data, ctx);
  const state: FlowState<D> = { flow: flow.id, version: flow.version, rev: 1, step: first?.id ?? '', data, history: [], ...(restartArgs === undefined ? {} : { args: restartArgs }) };
  if (!first) return { type: 'done', state };
  return ask(flow as Flow<D, unknown>, state, ctx);
}

/** Parses input for a step; a problem when it is not what the step accepts. */
function parseAnswer(step: Step<unknown>, choices: readonly Choice[], input: FlowInput, rev: number, ctx: FlowContext): Answer | Message {
  if (input.kind === 'other') return { key: step.accepts === 'choice' ? 'flow-problem-choice' : step.accepts === 'file' ? 'flow-problem-file' : 'flow-problem-text', vars: { count: choices.length } };
  if (input.kind === 'file') return step.accepts === 'file' ? { kind: 'file', file: input.file } : { key: 'flow-problem-no-file' };
  if (input.kind === 'choice') {
    const choice = choices.find((c) => c.value === input.value);
    return choice ? { kind: 'choice', value: choice.value } : { key: 'flow-problem-stale-choice' };
  }
  if (input.kind === 'pick') {
    // A button of an earlier question (the member went back, or tapped an old message) is stale.
    const choice = input.rev === rev ? choices[input.index] : undefined;
    return choice ? { kind: 'choice', value: choice.value } : { key: 'flow-problem-stale-choice' };
  }
  if (input.kind !== 'text') return { key: 'flow-problem-choice' };
  const text = input.text.trim();
  switch (step.accepts) {
    case 'choice': {
      const choice = matchChoice(text, choices, ctx);
      return choice ? { kind: 'choice', value: choice.value } : { key: 'flow-problem-choice', vars: { count: choices.length } };
    }
    case 'number': {
      const n = parseDecimalVi(text);
      if (!n.ok) return { key: `flow-problem-${n.reason.replace(/_/g, '-')}` };
      return n.unit ? { kind: 'number', value: n.value, unit: n.unit, text } : { kind: 'number', value: n.value, text };
    }
    case 'date': {
      const d = parseDate(text, ctx.now);
      return d.ok ? { kind: 'date', date: d.date, text } : { key: `flow-problem-${d.reason.replace(/_/g, '-')}` };
    }
    case 'file': {
      // A file step's choices ("✔ Xong") may be typed too; other text is not a file.
      const choice = matchChoice(text, choices, ctx);
      return choice ? { kind: 'choice', value: choice.value } : { key: 'flow-problem-file' };
    }
    case 'text':
      return text === '' ? { key: 'flow-problem-text' } : { kind: 'text', text };
  }
}

/**
 * Applies one input to a stored state. Cancel stops; Back returns to the previous applicable step
 * (keeping the data); an answer the step refuses re-asks that one step with the problem and keeps
 * every earlier answer; an accepted one moves on (to `next`, or the following applicable step) or
 * finishes. The returned state has `rev + 1` whenever it changed, for the store's compare-and-set.
 */
export async function advanceFlow<D, A>(flow: Flow<D, A>, state: FlowState<D>, input: FlowInput, ctx: FlowContext): Promise<FlowOutcome<D>> {
  const f = flow as Flow<D, unknown>;
  const outdated: FlowOutcome<D> = { type: 'outdated', flow: state.flow, args: state.args };
  if (state.flow !== flow.id || state.version !== flow.version) return outdated;
  const step = stepById(f, state.step);
  if (!step) return outdated;
  if (input.kind === 'cancel' || (input.kind === 'text' && isCancelText(input.text))) return { type: 'cancelled' };
  if (input.kind === 'back' || (input.kind === 'text' && isBackText(input.text, step.accepts))) {
    const inner = step.back ? await step.back(state.data, ctx) : null;
    if (inner) return ask(f, { ...state, rev: state.rev + 1, data: inner }, ctx);
    const history = [...state.history];
    let previous: string | undefined;
    while ((previous = history.pop()) !== undefined) {
      const s = stepById(f, previous);
      // A step that repeated itself (one more file, the next content line) is left, not asked again.
      if (s && s !== step && !s.skip?.(state.data, ctx)) break;
    }
    if (previous === undefined) return ask(f, state, ctx, { key: 'flow-problem-first-step' });
    return ask(f, { ...state, rev: state.rev + 1, step: previous, history }, ctx);
  }
  const choices = step.choices?.(state.data, ctx) ?? [];
  const parsed = parseAnswer(step as Step<unknown>, choices, input, state.rev, ctx);
  if ('key' in parsed) {
    const stale = parsed.key === 'flow-problem-stale-choice';
    return ask(f, state, ctx, !stale && step.hint ? step.hint(state.data, ctx) : parsed);
  }
  const result = await step.answer(state.data, parsed, ctx);
  if (!result.ok) return ask(f, state, ctx, result.problem);
  // A step that repeats (one more file, the next content line) is one entry of the history, not one per question.
  const history = state.history[state.history.length - 1] === step.id ? [...state.history] : [...state.history, step.id];
  const nextIndex = result.next !== undefined ? f.steps.findIndex((s) => s.id === result.next) : f.steps.indexOf(step) + 1;
  if (result.next !== undefined && nextIndex < 0) throw new Error(`flow ${flow.id}: step ${step.id} named unknown step ${result.next}`);
  const next = firstApplicable(f, nextIndex, result.data, ctx);
  const moved: FlowState<D> = { ...state, rev: state.rev + 1, data: result.data, history, step: next?.id ?? state.step };
  if (!next) return { type: 'done', state: moved, ...(result.notice ? { notice: result.notice } : {}) };
  return ask(f, moved, ctx, undefined, result.notice);
}
