/**
 * Rendering a flow's question for a channel without buttons (Zalo, or any text-only channel): the
 * prompt, then the choices as numbered lines, then how to go back or stop. Telegram renders the same
 * question with inline buttons instead (channels/telegram); the answers mean the same on both,
 * because typed numbers and words are read by the flow model itself.
 */
import type { Choice, FlowOutcome, Message } from './model.js';

/** Renders a message in the member's language. */
export type Render = (message: Message) => string;

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/**
 * Plain text of a Telegram-HTML locale string: tags dropped (a link keeps its text), entities read.
 * The locale files write HTML for Telegram; a text channel shows the words.
 */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e] ?? e);
}

/** The numbered list of choices: "1. Lao động tiên tiến". */
export function numberedChoices(choices: readonly Choice[], render: Render): string {
  return choices.map((c, i) => `${i + 1}. ${htmlToPlain(render(c.label))}`).join('\n');
}

/**
 * A question as one plain text: the problem (when re-asking), the prompt, numbered choices and the
 * hint line. The hint says `0` is Back only where it is (choice steps; elsewhere 0 is a value).
 */
export function questionAsText(outcome: Extract<FlowOutcome<unknown>, { type: 'ask' }>, render: Render): string {
  const parts: string[] = [];
  if (outcome.problem) parts.push(htmlToPlain(render(outcome.problem)));
  parts.push(htmlToPlain(render(outcome.prompt)));
  if (outcome.choices.length > 0) parts.push(numberedChoices(outcome.choices, render));
  parts.push(htmlToPlain(render({ key: outcome.choices.length > 0 ? 'flow-text-hint-choice' : 'flow-text-hint' })));
  return parts.join('\n\n');
}
