/**
 * Sửa bản nháp phong trào (an officer edits one field of a draft campaign). Asks: which field
 * (title, slogan, start or end date; skipped when the button named it), then its new value — a
 * wrong date, an end before the start or a milestone left outside the new period re-asks the value.
 * Stores (in the flow state) only the campaign's id and code, the officer and the field; the change
 * is made by `CampaignService.editDraft`, which re-checks the officer's role and scope, refuses a
 * campaign no longer a draft and audits the edit or the refusal in one transaction.
 *
 * While it is open, what the officer types goes here first: a main-menu label ("📝 Đăng ký") is
 * "busy", never a new title.
 */
import type { Services } from '../services/index.js';
import { parseDate } from '../domain/dates.js';
import { escapeHtml } from '../domain/text.js';
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type Step, type StepResult } from './model.js';

/** Flow id of editing a draft campaign. */
export const CAMPAIGN_EDIT_FLOW = 'campaign-edit';

const FIELDS = ['title', 'slogan', 'starts', 'ends'] as const;
export type EditField = (typeof FIELDS)[number];

/** What the flow is started with: the draft (its code is shown in the question) and, from a field's button, the field. */
export interface CampaignEditArgs {
  campaignId: number;
  code: string;
  field?: EditField;
  /** Filled by `prepare`: the officer editing. */
  actorId?: number;
}

interface EditData {
  campaignId: number;
  code: string;
  actorId: number;
  field: EditField | null;
  /** The button named the field: no question about it (and none to go Back to). */
  fieldGiven: boolean;
  /** How it ended: saved, or a refusal that stops the edit (the campaign was launched meanwhile). */
  outcome: string | null;
}

/** Refusals the officer can fix by typing another value; the others end the edit. */
const RETYPE = new Set(['ends_before_starts', 'milestone_outside_period', 'text_invalid']);

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
      return f ? { ok: true, data: { ...d, field: f } } : problem('flow-problem-choice', { count: FIELDS.length });
    },
  };

  const value: Step<EditData> = {
    id: 'value',
    accepts: 'text',
    prompt: (d) => ({ key: `camp-edit-ask-${d.field ?? 'title'}` }),
    async answer(d, a, ctx): Promise<StepResult<EditData>> {
      if (a.kind !== 'text') return problem('flow-problem-text');
      const input = a.text.normalize('NFC');
      let edit: Parameters<typeof services.campaigns.editDraft>[2];
      if (d.field === 'slogan') edit = { slogan: input === '-' ? null : input };
      else if (d.field === 'starts' || d.field === 'ends') {
        const parsed = parseDate(input, ctx.now);
        if (!parsed.ok) return problem(`wiz-date-${parsed.reason}`, { value: input });
        edit = d.field === 'starts' ? { startsAt: parsed.date } : { endsAt: parsed.date };
      } else edit = { title: input };
      // The service re-checks the officer and the draft, and audits the edit or the refusal.
      const r = await services.campaigns.editDraft(d.campaignId, { id: d.actorId }, edit);
      if (r.ok) return { ok: true, data: { ...d, outcome: 'saved' } };
      if (RETYPE.has(r.reason)) return problem(`camp-edit-${r.reason}`);
      return { ok: true, data: { ...d, outcome: r.reason } };
    },
  };

  return {
    id: CAMPAIGN_EDIT_FLOW,
    version: 1,
    nameKey: 'camp-edit-flow-name',
    steps: [field, value],
    init: (args) => ({ campaignId: args.campaignId, code: args.code, actorId: args.actorId ?? 0, field: args.field ?? null, fieldGiven: args.field !== undefined, outcome: null }),
    prepare: async (args, env) => ({ ok: true, args: { ...args, actorId: env.memberId } }),
    async complete(d): Promise<Reply[]> {
      if (d.outcome !== 'saved') return [{ kind: 'say', message: { key: `camp-edit-${d.outcome ?? 'not_found'}` } }];
      return [
        { kind: 'say', message: { key: 'camp-edit-saved' } },
        { kind: 'done', flow: CAMPAIGN_EDIT_FLOW, value: { campaignId: d.campaignId } },
      ];
    },
  };
}
