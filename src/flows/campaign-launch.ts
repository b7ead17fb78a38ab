/**
 * Phát động phong trào (an officer launches a draft campaign), for a channel without buttons (Zalo;
 * Telegram keeps its own preview and buttons, calling the same service). Asks: which draft — passed
 * over when the officer named one by its code or manages only one — then shows the launch message as
 * members will read it, with how many members and groups it reaches (the numbers Telegram shows),
 * and asks for confirmation: "Phát động" or "Hủy". Nothing is sent before "Phát động".
 *
 * Stores (in the flow state) the drafts listed (id, code, title), the chosen one's launch message
 * (as outbox data) and audience counts, and the chat where the officer's progress goes. On
 * confirmation `CampaignService.launch` re-checks the officer's role and scope, launches, and
 * audits the outcome or the refusal in one transaction.
 */
import type { Services } from '../services/index.js';
import type { OutboxMessage } from '../messages/types.js';
import { launchMessage } from '../messages/compose.js';
import { renderText } from '../messages/text.js';
import { escapeHtml } from '../domain/text.js';
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type Message, type Step } from './model.js';
import { confirmAnswer } from './steps.js';
import type { T } from './campaign-text.js';

/** Flow id of launching a draft campaign by text. */
export const CAMPAIGN_LAUNCH_FLOW = 'campaign-launch';

interface Draft {
  id: number;
  code: string;
  title: string;
}

/** What the flow is started with: the code the officer typed (if any) and the chat for the launch progress. */
export interface CampaignLaunchArgs {
  code?: string;
  /** The channel chat the officer's progress messages go to (their own chat on that channel). */
  progressChatId: string | null;
  /** Read by `prepare`: the drafts to pick from, and the preview of the one already chosen. */
  drafts?: Draft[];
  preview?: Preview;
}

/** What confirmation shows: the launch message as data and the audience counts. */
interface Preview {
  campaignId: number;
  title: string;
  message: OutboxMessage;
  members: number;
  groups: number;
}

interface LaunchData {
  drafts: Draft[];
  progressChatId: string | null;
  preview: Preview | null;
  confirmed: boolean;
}

const verbatim = (text: string): Message => ({ key: 'flow-verbatim', vars: { text } });
const tOf =
  (ctx: { label(m: Message): string }): T =>
  (key, vars) =>
    ctx.label(vars ? { key, vars } : { key });

/** The launch flow, deciding through `services.campaigns`. */
export function createCampaignLaunchFlow(services: Services): FlowSpec<LaunchData, CampaignLaunchArgs> {
  /**
   * The preview of a draft: the officer's right to it is checked (and a refusal audited) by the
   * service when named by code; a listed draft came from the officer's own scope. The launch itself
   * re-checks both.
   */
  async function previewOf(campaignId: number, memberId: number | null): Promise<{ ok: true; preview: Preview } | { ok: false; message: Message }> {
    let c = memberId === null ? await services.campaigns.byId(campaignId) : null;
    if (memberId !== null) {
      const r = await services.campaigns.forManager(campaignId, { id: memberId }, 'campaign.launch');
      if (!r.ok) return { ok: false, message: { key: r.reason === 'not_found' ? 'camp-launch-not-found' : r.reason === 'forbidden' ? 'forbidden' : 'camp-out-of-scope' } };
      c = r.campaign;
    }
    if (!c) return { ok: false, message: { key: 'camp-launch-not-found' } };
    if (c.status !== 'DRAFT' || c.archivedAt) return { ok: false, message: { key: 'camp-already-launched' } };
    const count = await services.campaigns.audienceCount(c.id);
    return { ok: true, preview: { campaignId: c.id, title: c.title, message: launchMessage(c), members: count.members, groups: count.groups } };
  }

  const pick: Step<LaunchData> = {
    id: 'pick',
    accepts: 'choice',
    skip: (d) => d.preview !== null,
    prompt: () => ({ key: 'camp-launch-pick' }),
    choices: (d) => d.drafts.map((c, i) => ({ value: `c${c.id}`, label: verbatim(`${i + 1}. ${c.title.slice(0, 40)} (${c.code})`), aliases: [c.code] })),
    async answer(d, a) {
      if (a.kind !== 'choice') return problem('flow-problem-choice', { count: d.drafts.length });
      const p = await previewOf(Number(a.value.slice(1)), null);
      if (!p.ok) return { ok: false, problem: p.message };
      return { ok: true, data: { ...d, preview: p.preview } };
    },
  };

  const confirm: Step<LaunchData> = {
    id: 'confirm',
    accepts: 'choice',
    prompt(d, ctx) {
      const t = tOf(ctx);
      const p = d.preview!;
      const body = [t('camp-preview-intro'), ...renderText(t, p.message, { limit: Number.MAX_SAFE_INTEGER }).map(escapeHtml), t('camp-launch-confirm', { members: p.members, groups: p.groups })];
      return verbatim(body.join('\n\n'));
    },
    choices: () => [
      { value: 'launch', label: { key: 'camp-launch-choice-launch' } },
      { value: 'cancel', label: { key: 'camp-launch-choice-cancel' } },
    ],
    answer: confirmAnswer('launch'),
  };

  return {
    id: CAMPAIGN_LAUNCH_FLOW,
    version: 1,
    nameKey: 'camp-launch-flow-name',
    keepsMember: true,
    cancelled: { key: 'camp-launch-cancelled' },
    steps: [pick, confirm],
    init: (args) => ({ drafts: args.drafts ?? [], progressChatId: args.progressChatId, preview: args.preview ?? null, confirmed: false }),
    async prepare(args, env) {
      if (args.code) {
        const c = await services.campaigns.byCode(args.code.trim().toLowerCase());
        if (!c) return { ok: false, message: { key: 'camp-launch-not-found' } };
        const p = await previewOf(c.id, env.memberId);
        return p.ok ? { ok: true, args: { ...args, preview: p.preview } } : p;
      }
      const drafts = (await services.campaigns.listForOfficer({ id: env.memberId })).filter((c) => c.status === 'DRAFT' && !c.archivedAt);
      if (drafts.length === 0) return { ok: false, message: { key: 'camp-launch-no-drafts' } };
      if (drafts.length === 1) {
        const p = await previewOf(drafts[0]!.id, env.memberId);
        return p.ok ? { ok: true, args: { ...args, preview: p.preview } } : p;
      }
      return { ok: true, args: { ...args, drafts: drafts.map((c) => ({ id: c.id, code: c.code, title: c.title })) } };
    },
    async complete(d, env): Promise<Reply[]> {
      const p = d.preview!;
      if (!d.confirmed) return [{ kind: 'say', message: { key: 'camp-launch-cancelled' } }];
      const r = await services.campaigns.launch({ campaignId: p.campaignId, actor: { id: env.memberId }, progressChatId: d.progressChatId });
      if (!r.ok) return [{ kind: 'say', message: { key: r.reason === 'not_draft' ? 'camp-already-launched' : (r.reason as string) === 'forbidden' ? 'forbidden' : 'camp-out-of-scope' } }];
      return [{ kind: 'say', message: { key: 'camp-launched-text', vars: { title: escapeHtml(p.title), members: r.members, groups: r.groups } } }];
    },
  };
}
