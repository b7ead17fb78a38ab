/**
 * Chọn trong danh sách (pick one item of a list a channel without buttons offers: the milestones an
 * officer may nudge, the review reports to submit, the reports with evidence, the campaigns to edit,
 * announce, close or archive, the people to move). Telegram shows the same lists as buttons.
 *
 * Asks one question: the prompt and the numbered items; the officer answers with the number or
 * the words. Stores (in the flow state) only the items offered (a value and its label, as read
 * when the list was made) and what the pick is for (`action`). It decides nothing: `done` hands
 * the action and the picked value back to the channel, which calls the service — the service
 * re-checks the officer's role and scope and audits, as for a Telegram button (never trusted).
 * A casual flow: a command or another message closes it quietly.
 */
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type Message, type Step } from './model.js';

/** Flow id of picking an item of a list. */
export const PICK_ITEM_FLOW = 'pick-item';

/** Items listed at most (a Zalo text stays well under 2,000 characters). */
export const MAX_PICK_ITEMS = 20;

/** What the flow is started with: what the pick is for, the question and the items (value + label). */
export interface PickItemArgs {
  /** What the channel does with the pick ("nudge", "evidence", "campaign.edit" …). */
  action: string;
  prompt: Message;
  items: Array<{ value: string; label: Message }>;
}

interface PickData extends PickItemArgs {
  picked: string | null;
}

/** The pick flow. */
export function createPickItemFlow(): FlowSpec<PickData, PickItemArgs> {
  const item: Step<PickData> = {
    id: 'item',
    accepts: 'choice',
    prompt: (d) => d.prompt,
    choices: (d) => d.items.map((i) => ({ value: i.value, label: i.label })),
    answer: (d, a) =>
      a.kind === 'choice' && d.items.some((i) => i.value === a.value)
        ? { ok: true, data: { ...d, picked: a.value } }
        : problem('flow-problem-choice', { count: d.items.length }),
  };
  return {
    id: PICK_ITEM_FLOW,
    version: 1,
    nameKey: 'pick-flow-name',
    casual: true,
    keepsMember: true,
    steps: [item],
    init: (args) => ({ action: args.action, prompt: args.prompt, items: args.items.slice(0, MAX_PICK_ITEMS), picked: null }),
    async complete(d): Promise<Reply[]> {
      return [{ kind: 'done', flow: PICK_ITEM_FLOW, value: { action: d.action, value: d.picked ?? '' } }];
    },
  };
}
