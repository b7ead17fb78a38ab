/**
 * Thông báo bổ sung (an officer's follow-up announcement to a launched campaign's audience). Asks:
 * the text, then shows it as members will read it with how many members and groups it reaches,
 * and asks for confirmation — nothing is sent before "✔ Gửi thông báo". Stores (in the flow state)
 * the campaign's id and title, the text, the audience counts and a nonce: a confirmation sent twice
 * queues the announcement once. The channel queues it (`CampaignService.announce`, which re-checks
 * the officer's role and scope and audits the outcome), rendering the message for the outbox.
 */
import { randomBytes } from 'node:crypto';
import type { Services } from '../services/index.js';
import { escapeHtml } from '../domain/text.js';
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type Step } from './model.js';
import { followUpBody, type T } from './campaign-text.js';

/** Flow id of a follow-up announcement. */
export const CAMPAIGN_ANNOUNCE_FLOW = 'campaign-announce';

/** Longest announcement text kept. */
const MAX_TEXT = 3000;

/** What the flow is started with: the launched campaign whose Announce button was pressed. */
export interface CampaignAnnounceArgs {
  campaignId: number;
  title: string;
}

interface AnnounceData extends CampaignAnnounceArgs {
  text: string;
  members: number;
  groups: number;
  nonce: string;
  confirmed: boolean;
}

/** The announce flow, counting the audience through `services.campaigns`. */
export function createCampaignAnnounceFlow(services: Services): FlowSpec<AnnounceData, CampaignAnnounceArgs> {
  const text: Step<AnnounceData> = {
    id: 'text',
    accepts: 'text',
    prompt: (d) => ({ key: 'camp-announce-ask', vars: { title: escapeHtml(d.title) } }),
    async answer(d, a) {
      if (a.kind !== 'text') return problem('flow-problem-text');
      const count = await services.campaigns.audienceCount(d.campaignId);
      // A new text is a new announcement: a new nonce.
      return { ok: true, data: { ...d, text: a.text.slice(0, MAX_TEXT), members: count.members, groups: count.groups, nonce: randomBytes(6).toString('hex') } };
    },
  };

  const confirm: Step<AnnounceData> = {
    id: 'confirm',
    accepts: 'choice',
    prompt(d, ctx) {
      const t: T = (key, vars) => ctx.label(vars ? { key, vars } : { key });
      const body = [t('camp-preview-intro'), followUpBody(t, d.title, d.text), t('camp-announce-confirm', { members: d.members, groups: d.groups })];
      return { key: 'flow-verbatim', vars: { text: body.join('\n\n') } };
    },
    choices: () => [{ value: 'send', label: { key: 'camp-btn-announce-confirm' } }],
    answer: (d, a) => (a.kind === 'choice' ? { ok: true, data: { ...d, confirmed: true } } : problem('flow-problem-choice', { count: 1 })),
  };

  return {
    id: CAMPAIGN_ANNOUNCE_FLOW,
    version: 1,
    nameKey: 'camp-announce-flow-name',
    steps: [text, confirm],
    init: (args) => ({ campaignId: args.campaignId, title: args.title, text: '', members: 0, groups: 0, nonce: '', confirmed: false }),
    async complete(d): Promise<Reply[]> {
      // Queued by the channel, which renders the outbox message (see the channel's follow-up).
      return [{ kind: 'done', flow: CAMPAIGN_ANNOUNCE_FLOW, value: { campaignId: d.campaignId, text: d.text, nonce: d.nonce } }];
    },
  };
}
