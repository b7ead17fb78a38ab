/**
 * Xuất Excel (/export, «xuất excel»): an officer asks for the campaign's workbook. Asks: which
 * campaign — passed over when the officer named one by its code or may export only one; the list
 * is the launched and closed campaigns they manage or whose audience reaches their subtree (admins:
 * all). Stores (in the flow state) only the campaigns listed (id, code, title), the one chosen and
 * where the file goes (channel and chat). On completion `ExportService.request` decides — role and
 * scope as they are now, audited — and queues the job; the officer is told «đang lập tệp…» and the
 * file follows through the outbox when it is built.
 */
import type { Services } from '../services/index.js';
import type { ExportRefusal } from '../services/exports.js';
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type Message, type Step } from './model.js';
import { escapeHtml } from '../domain/text.js';

/** Flow id of asking for an export. */
export const EXPORT_FLOW = 'export';

interface Listed {
  id: number;
  code: string;
  title: string;
}

/** What the flow is started with: the code typed (if any) and where the file goes. */
export interface ExportArgs {
  code?: string;
  channel: 'TELEGRAM' | 'ZALO';
  chatId: string;
  /** Read by `prepare`. */
  campaigns?: Listed[];
  chosen?: number;
}

interface ExportData {
  campaigns: Listed[];
  chosen: number | null;
  channel: 'TELEGRAM' | 'ZALO';
  chatId: string;
}

const verbatim = (text: string): Message => ({ key: 'flow-verbatim', vars: { text } });

/** What an officer is told when the service refuses. */
export function exportRefusalKey(reason: ExportRefusal): string {
  switch (reason) {
    case 'forbidden':
      return 'forbidden';
    case 'no_unit':
      return 'officer-needs-unit';
    case 'not_found':
      return 'export-not-found';
    case 'not_launched':
      return 'export-not-launched';
    case 'out_of_scope':
      return 'export-out-of-scope';
  }
}

export function createExportFlow(services: Services): FlowSpec<ExportData, ExportArgs> {
  const pick: Step<ExportData> = {
    id: 'campaign',
    accepts: 'choice',
    skip: (d) => d.chosen !== null,
    prompt: () => ({ key: 'export-pick' }),
    choices: (d) => d.campaigns.map((c, i) => ({ value: `c${c.id}`, label: verbatim(`${i + 1}. ${c.title.slice(0, 40)} (${c.code})`), aliases: [c.code] })),
    answer: (d, a) => (a.kind === 'choice' ? { ok: true, data: { ...d, chosen: Number(a.value.slice(1)) } } : problem('flow-problem-choice', { count: d.campaigns.length })),
  };

  return {
    id: EXPORT_FLOW,
    version: 1,
    nameKey: 'export-flow-name',
    keepsMember: true,
    steps: [pick],
    init: (args) => ({ campaigns: args.campaigns ?? [], chosen: args.chosen ?? null, channel: args.channel, chatId: args.chatId }),
    async prepare(args, env) {
      if (args.code) {
        // Named by code: the service decides (and audits) whether this officer may have it.
        const c = await services.campaigns.byCode(args.code.trim().toLowerCase());
        if (!c) return { ok: false, message: { key: 'export-not-found' } };
        return { ok: true, args: { ...args, chosen: c.id } };
      }
      const campaigns = await services.exports.campaignsFor({ id: env.memberId });
      if (campaigns.length === 0) return { ok: false, message: { key: 'export-none' } };
      return { ok: true, args: { ...args, campaigns, ...(campaigns.length === 1 ? { chosen: campaigns[0]!.id } : {}) } };
    },
    async complete(d, env): Promise<Reply[]> {
      const r = await services.exports.request({ campaignId: d.chosen!, actor: { id: env.memberId }, channel: d.channel, chatId: d.chatId });
      if (!r.ok) return [{ kind: 'say', message: { key: exportRefusalKey(r.reason) }, menu: true }];
      return [{ kind: 'say', message: { key: 'export-queued', vars: { title: escapeHtml(r.title) } }, menu: true }];
    },
  };
}
