/**
 * Xem phong trào (the member's "📋 Phong trào"). Asks: which of the campaigns open to the member's
 * unit to show — a numbered list, one button each, the number or the title typed; passed over when
 * there is only one (or the member opened one by its button or link). Stores (in the flow state)
 * only the campaigns listed (id, title, period). Shows the chosen campaign as members read it, with
 * the member's own status and — not registered yet and still in time — the Register action.
 * A casual flow: the menu or a command leaves it without "you are in the middle of …".
 *
 * For an officer's /stats (`purpose: 'stats'`) the same question lists the campaigns whose figures
 * they may see (StatsService.campaignsFor) and ends with `done` carrying `statsCampaignId`: each
 * channel then shows the figures and the chart its own way.
 */
import type { Services } from '../services/index.js';
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type Message, type Step } from './model.js';
import { renderDetail, renderList, type T } from './campaign-text.js';

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
  /** Show this campaign (opened by its button or link), if it is open to the member. */
  campaignId?: number;
  campaigns?: Listed[];
  /** What the pick is for: the member's view of a campaign (default) or an officer's figures. */
  purpose?: PickPurpose;
}

/** `view`: the campaign as members read it; `stats`: its figures (/stats), shown by the channel. */
export type PickPurpose = 'view' | 'stats';

interface PickData {
  campaigns: Listed[];
  chosen: number | null;
  /** Absent in states stored before /stats existed: a view. */
  purpose?: PickPurpose;
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
      const [head, ask] = d.purpose === 'stats' ? ['stats-pick-list', 'stats-pick'] : ['camp-member-list', 'camp-member-pick'];
      return verbatim(`${t(head)}\n${renderList(t, list, { withStatus: false })}\n\n${t(ask)}`);
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
    keepsMember: true,
    steps: [campaign],
    init: (args) => {
      const campaigns = args.campaigns ?? [];
      return { campaigns, chosen: campaigns.length === 1 ? campaigns[0]!.id : null, purpose: args.purpose ?? 'view' };
    },
    async prepare(args, env) {
      if (args.purpose === 'stats') {
        const listed = await services.stats.campaignsFor({ id: env.memberId });
        if (listed.length === 0) return { ok: false, message: { key: 'stats-none' } };
        const campaigns = listed.map((c) => ({ id: c.id, title: c.title, startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString() }));
        return { ok: true, args: { campaigns, purpose: 'stats' } };
      }
      const member = await services.members.byId(env.memberId);
      if (!member?.unitId || !member.fullName) return { ok: false, message: { key: 'not-joined' } };
      const all = await services.campaigns.activeForUnit(member.unitId);
      const active = args.campaignId === undefined ? all : all.filter((c) => c.id === args.campaignId);
      if (active.length === 0) return { ok: false, message: { key: args.campaignId === undefined ? 'camp-member-none' : 'camp-link-invalid' } };
      const campaigns = active.map((c) => ({ id: c.id, title: c.title, startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString() }));
      return { ok: true, args: { campaigns } };
    },
    async complete(d, env): Promise<Reply[]> {
      // The figures are read (and the permission decided) by the channel's follow-up, through StatsService.
      if (d.purpose === 'stats') return [{ kind: 'done', flow: CAMPAIGN_PICK_FLOW, value: { statsCampaignId: d.chosen! } }];
      // Re-read: the campaign may have closed, or the member moved, since the list was shown.
      const member = await services.members.byId(env.memberId);
      const c = member?.unitId ? (await services.campaigns.activeForUnit(member.unitId)).find((x) => x.id === d.chosen) : undefined;
      if (!c) return [{ kind: 'say', message: { key: 'camp-link-invalid' }, menu: true }];
      const reg = await services.campaigns.myRegistration(c.id, env.memberId);
      const registrationOpen = c.milestones.some((m) => m.kind === 'REGISTRATION' && m.dueAt > env.now);
      const t: T = (key, vars) => env.label(vars ? { key, vars } : { key });
      const message = verbatim(renderDetail(t, c, { now: env.now, status: reg }));
      // Not registered yet and still in time: the same Register action as the launch announcement.
      if (!reg && registrationOpen) return [{ kind: 'say', message, actions: [{ label: { key: 'camp-register-button' }, open: 'register', code: c.code }] }];
      return [{ kind: 'say', message, menu: true }];
    },
  };
}
