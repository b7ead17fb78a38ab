/**
 * Nhắc người chưa thực hiện (an officer's /nudge, or the Nudge button of the summary after a
 * deadline), issue 12 #11. Before anything is queued it shows who would be reminded — the names,
 * per unit, with counts (a long list arrives in parts of the channel's size) — and asks to confirm
 * with one choice («🔔 Gửi nhắc»). Stores (in the flow state) only the milestone's id and the counts
 * shown; the names are read again by `ReminderService.nudge` when confirmed, which re-checks the
 * officer's role and scope, queues one reminder per laggard (once a day) and audits the outcome.
 */
import type { Services } from '../services/index.js';
import type { NudgeUnit } from '../services/reminders.js';
import { escapeHtml } from '../domain/text.js';
import { formatDateTime } from '../domain/dates.js';
import type { FlowSpec, Reply } from './conversations.js';
import type { Message, Step } from './model.js';
import { confirmAnswer } from './steps.js';

/** Flow id of nudging the laggards of one milestone. */
export const NUDGE_FLOW = 'nudge';

/** What the flow is started with: the milestone whose laggards are to be reminded. */
export interface NudgeArgs {
  milestoneId: number;
  /** Filled by `prepare`: how many would be reminded, in how many units. */
  laggards?: number;
  units?: number;
}

interface NudgeData {
  milestoneId: number;
  laggards: number;
  units: number;
  confirmed: boolean;
}

const verbatim = (text: string): Message => ({ key: 'flow-verbatim', vars: { text } });

/** Why a nudge cannot be made, as the officer reads it. */
export function nudgeRefusalKey(reason: 'not_found' | 'not_launched' | 'no_unit' | 'forbidden'): string {
  return reason === 'forbidden' ? 'forbidden' : reason === 'no_unit' ? 'officer-needs-unit' : reason === 'not_launched' ? 'nudge-not-launched' : 'review-not-found';
}

/** The preview's lines: one block per unit, its name and count, then its people's names. */
export function nudgeListHtml(label: (m: Message) => string, units: readonly NudgeUnit[]): string {
  return units
    .map((u) => `${label({ key: 'nudge-preview-unit', vars: { unit: escapeHtml(u.name), count: u.names.length } })}\n${u.names.map((n) => `• ${escapeHtml(n)}`).join('\n')}`)
    .join('\n\n');
}

/** The nudge flow, previewing and queueing through `services.reminders`. */
export function createNudgeFlow(services: Services): FlowSpec<NudgeData, NudgeArgs> {
  const confirm: Step<NudgeData> = {
    id: 'confirm',
    accepts: 'choice',
    prompt: (d) => ({ key: 'nudge-preview-confirm', vars: { count: d.laggards, units: d.units } }),
    choices: (d) => [{ value: 'send', label: { key: 'nudge-btn-confirm', vars: { count: d.laggards } } }],
    answer: confirmAnswer(),
  };

  return {
    id: NUDGE_FLOW,
    version: 1,
    nameKey: 'nudge-flow-name',
    // A preview to confirm, not a task half done: another command or button leaves it quietly.
    casual: true,
    keepsMember: true,
    steps: [confirm],
    async prepare(args, env) {
      const preview = await services.reminders.nudgePreview(args.milestoneId, { id: env.memberId });
      if (!preview.ok) return { ok: false, message: { key: nudgeRefusalKey(preview.reason) } };
      if (preview.laggards === 0) return { ok: false, message: { key: 'nudge-none' } };
      const m = preview.milestone;
      const head = env.label({
        key: 'nudge-preview-head',
        vars: {
          title: escapeHtml(m.campaign.title),
          what: env.label({ key: `reminder-what-${m.kind}` }),
          due: formatDateTime(m.dueAt),
          count: preview.laggards,
          units: preview.units.length,
        },
      });
      const text = `${head}\n\n${nudgeListHtml(env.label, preview.units)}`;
      return { ok: true, args: { ...args, laggards: preview.laggards, units: preview.units.length }, say: [verbatim(text)] };
    },
    init: (args) => ({ milestoneId: args.milestoneId, laggards: args.laggards ?? 0, units: args.units ?? 0, confirmed: false }),
    async complete(d, env): Promise<Reply[]> {
      const r = await services.reminders.nudge(d.milestoneId, { id: env.memberId });
      const message: Message = !r.ok
        ? { key: nudgeRefusalKey(r.reason) }
        : r.laggards === 0
          ? { key: 'nudge-none' }
          : r.queued === 0
            ? { key: 'nudge-already', vars: { laggards: r.laggards } }
            : { key: 'nudge-done', vars: { count: r.queued } };
      return [{ kind: 'say', message }, { kind: 'done', flow: NUDGE_FLOW }];
    },
  };
}
