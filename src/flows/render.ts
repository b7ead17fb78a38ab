/**
 * Rendering a flow's question for a channel without buttons (Zalo, or any text-only channel): the
 * prompt, then the choices as numbered lines, then how to go back or stop. Telegram renders the same
 * question with inline buttons instead (channels/telegram); the answers mean the same on both,
 * because typed numbers and words are read by the flow model itself.
 */
import { htmlToPlain } from '../domain/text.js';
import type { Choice, FlowOutcome, Message } from './model.js';

/** Renders a message in the member's language. */
export type Render = (message: Message) => string;

export { htmlToPlain };

/** The numbered list of choices: "1. Lao động tiên tiến". */
export function numberedChoices(choices: readonly Choice[], render: Render): string {
  return choices
    .map((c, i) => {
      const label = htmlToPlain(render(c.label));
      // A label that carries its own number ("▫️ 1. Lao động tiên tiến", "2. Có / Không") is not numbered twice.
      const own = /^[^\p{L}\p{N}]*(\d+)\.\s/u.exec(label)?.[1];
      return own === String(i + 1) ? label : `${i + 1}. ${label}`;
    })
    .join('\n');
}

/** Choices offered beside a number ("⏭ Bỏ qua" while a figure is asked): words, not numbers, since a typed 1 is a figure there. */
export function wordChoices(choices: readonly Choice[], render: Render): string {
  return choices.map((c) => `• ${htmlToPlain(render(c.label))}`).join('\n');
}

/**
 * A question as one plain text: the problem (when re-asking), the prompt, the choices and the hint
 * line. Where a number is asked, a typed number is the answer, never a choice and never Back: the
 * choices are then listed as words, and the hint says `0` is Back only where it is.
 */
export function questionAsText(outcome: Extract<FlowOutcome<unknown>, { type: 'ask' }>, render: Render): string {
  const parts: string[] = [];
  const byNumber = !outcome.numbersAreValues;
  if (outcome.problem) parts.push(htmlToPlain(render(outcome.problem)));
  parts.push(htmlToPlain(render(outcome.prompt)));
  if (outcome.choices.length > 0) parts.push(byNumber ? numberedChoices(outcome.choices, render) : wordChoices(outcome.choices, render));
  parts.push(htmlToPlain(render({ key: outcome.choices.length > 0 && byNumber ? 'flow-text-hint-choice' : 'flow-text-hint' })));
  return parts.join('\n\n');
}
