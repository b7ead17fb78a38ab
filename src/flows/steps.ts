/**
 * Steps several flows share. "Which campaign?" asks for one of the campaigns open to the member
 * (one button each; typing its number or title works too) and lets the flow check and load the
 * chosen one — a campaign closed meanwhile is refused with a localized problem. The last question
 * of a flow that acts (send, launch, grant…) answers with {@link confirmAnswer}.
 */
import { fold } from '../domain/text.js';
import { problem, type Answer, type Choice, type StepResult, type Step, type FlowContext } from './model.js';

/** A campaign as offered in a choice. */
export interface CampaignOption {
  id: number;
  title: string;
}

/** Longest campaign title on a button. */
const LABEL_CHARS = 60;

/**
 * The "which campaign?" step. `options(data)` lists the campaigns; `skip(data)` passes the step over
 * (the campaign was given, or there is only one); `chosen` checks and stores the campaign picked.
 */
export function campaignStep<D>(opts: {
  prompt: string;
  options(data: D): readonly CampaignOption[];
  skip(data: D): boolean;
  chosen(data: D, campaignId: number, ctx: FlowContext): StepResult<D> | Promise<StepResult<D>>;
}): Step<D> {
  return {
    id: 'campaign',
    accepts: 'choice',
    prompt: () => ({ key: opts.prompt }),
    choices: (d) => opts.options(d).map((c) => ({ value: `c${c.id}`, label: { key: 'flow-verbatim', vars: { text: c.title.slice(0, LABEL_CHARS) } } })),
    skip: (d) => opts.skip(d),
    answer: (d, a, ctx) => (a.kind === 'choice' ? opts.chosen(d, Number(a.value.slice(1)), ctx) : { ok: false, problem: { key: 'cv-hint-button' } }),
  };
}

/**
 * The choice typed words name — its label or an alias ("bỏ qua", "xong") — but never its number:
 * on a step that takes a typed value, "1" is a value, not the first button.
 */
export function namedChoice(text: string, choices: readonly Choice[], ctx: FlowContext): Choice | undefined {
  const words = (s: string) => fold(s).replace(/[^\p{L}\p{N}., ]+/gu, ' ').replace(/\s+/g, ' ').trim();
  const w = words(text);
  if (w === '') return undefined;
  return choices.find((c) => words(ctx.label(c.label)) === w || (c.aliases ?? []).some((a) => words(a) === w));
}

/**
 * The answer of a flow's last question, the preview with its act button(s): `confirmed` when the
 * choice is `yes` (a single-button question: any choice), then the flow completes and acts only if
 * confirmed. Anything but a choice is asked again.
 */
export function confirmAnswer<D extends { confirmed: boolean }>(yes?: string, choices = yes === undefined ? 1 : 2): (d: D, a: Answer) => StepResult<D> {
  return (d, a) => (a.kind === 'choice' ? { ok: true, data: { ...d, confirmed: yes === undefined || a.value === yes } } : problem('flow-problem-choice', { count: choices }));
}
