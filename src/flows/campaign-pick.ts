/**
 * Xem phong trào (the member's "📋 Phong trào"). Asks: which of the campaigns open to the member's
 * unit to show — a numbered list, one button each, the number or the title typed; passed over when
 * there is only one. Stores (in the flow state) only the campaigns listed (id, title, period). The
 * channel shows the chosen campaign (with its Register button when the member may still register).
 * A casual flow: the menu or a command leaves it without "you are in the middle of …".
 */
import type { Services } from '../services/index.js';
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type Message, type Step } from './model.js';
import { renderList, type T } from './campaign-text.js';

/** Flow id of picking a campaign to view. */
export const CAMPAIGN_PICK_FLOW = 'campaign-pick';

interface Listed {
  id: number;
  title: string;
  startsAt: string;
  endsAt: string;
}

/** What the flow is started with: the campaigns open to the member (read by `prepare`). */
export interface CampaignPickArgs {
  campaigns?: Listed[];
}

interface PickData {
  campaigns: Listed[];
  chosen: number | null;
}

const verbatim = (text: string): Message => ({ key: 'flow-verbatim', vars: { text } });

/** The pick flow, listing through `services.campaigns`. */
export function createCampaignPickFlow(services: Services): FlowSpec<PickData, CampaignPickArgs> {
  const campaign: Step<PickData> = {
    id: 'campaign',
    accepts: 'choice',
    skip: (d) => d.chosen !== null,
    prompt(d, ctx) {
      const t: T = (key, vars) => ctx.label(vars ? { key, vars } : { key });
      const list = d.campaigns.map((c) => ({ title: c.title, status: 'LAUNCHED', archivedAt: null, startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt) }));
      return verbatim(`${t('camp-member-list')}\n${renderList(t, list, { withStatus: false })}\n\n${t('camp-member-pick')}`);
    },
    choices: (d) => d.campaigns.map((c, i) => ({ value: `c${c.id}`, label: verbatim(`${i + 1}. ${c.title.slice(0, 40)}`) })),
    answer: (d, a) => (a.kind === 'choice' ? { ok: true, data: { ...d, chosen: Number(a.value.slice(1)) } } : problem('camp-pick-invalid', { max: d.campaigns.length })),
    hint: (d) => ({ key: 'camp-pick-invalid', vars: { max: d.campaigns.length } }),
  };

  return {
    id: CAMPAIGN_PICK_FLOW,
    version: 1,
    nameKey: 'camp-pick-flow-name',
    casual: true,
    steps: [campaign],
    init: (args) => {
      const campaigns = args.campaigns ?? [];
      return { campaigns, chosen: campaigns.length === 1 ? campaigns[0]!.id : null };
    },
    async prepare(_args, env) {
      const member = await services.members.byId(env.memberId);
      if (!member?.unitId || !member.fullName) return { ok: false, message: { key: 'not-joined' } };
      const active = await services.campaigns.activeForUnit(member.unitId);
      if (active.length === 0) return { ok: false, message: { key: 'camp-member-none' } };
      const campaigns = active.map((c) => ({ id: c.id, title: c.title, startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString() }));
      return { ok: true, args: { campaigns } };
    },
    async complete(d): Promise<Reply[]> {
      return [{ kind: 'done', flow: CAMPAIGN_PICK_FLOW, value: { campaignId: d.chosen ?? 0 } }];
    },
  };
}
