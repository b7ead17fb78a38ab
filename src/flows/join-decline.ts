/**
 * Từ chối yêu cầu tham gia (an officer declines a person's request to join a unit). Asks: the
 * reason, typed (the person will read it), or «Không nêu lý do». Stores (in the flow state) only the
 * request's id and the reason; `JoinRequestService.decide` re-checks the officer's role and scope when
 * the answer arrives, removes the request, tells the person and audits, in one transaction.
 */
import type { Services } from '../services/index.js';
import type { FlowSpec, Reply } from './conversations.js';
import { matchChoice, problem, type Step } from './model.js';
import { escapeHtml } from '../domain/text.js';

/** Flow id of declining a join request. */
export const JOIN_DECLINE_FLOW = 'join-decline';

/** Longest reason kept (as the service keeps it). */
const MAX_REASON = 500;

/** What the flow is started with: the request whose Decline was chosen. */
export interface JoinDeclineArgs {
  requestId: number;
}

interface JoinDeclineData extends JoinDeclineArgs {
  reason: string | null;
}

/** The decline-with-an-optional-reason flow, deciding through `services.joinRequests`. */
export function createJoinDeclineFlow(services: Services): FlowSpec<JoinDeclineData, JoinDeclineArgs> {
  const choices = [{ value: 'none', label: { key: 'join-decline-no-reason' } }];
  const reason: Step<JoinDeclineData> = {
    id: 'reason',
    accepts: 'text',
    prompt: (d) => ({ key: 'join-decline-ask', vars: { id: d.requestId } }),
    hint: () => ({ key: 'join-decline-hint' }),
    choices: () => choices,
    answer: (d, a, ctx) => {
      if (a.kind === 'choice' || (a.kind === 'text' && matchChoice(a.text, choices, ctx))) return { ok: true, data: { ...d, reason: '' } };
      return a.kind === 'text' ? { ok: true, data: { ...d, reason: a.text.slice(0, MAX_REASON) } } : problem('join-decline-hint');
    },
  };

  return {
    id: JOIN_DECLINE_FLOW,
    version: 1,
    nameKey: 'join-decline-flow-name',
    steps: [reason],
    init: (args) => ({ requestId: args.requestId, reason: null }),
    async complete(d, env): Promise<Reply[]> {
      const r = await services.joinRequests.decide({ requestId: d.requestId, actor: { id: env.memberId }, decision: 'DECLINE', reason: d.reason ?? '' });
      return [{ kind: 'say', message: joinDecisionReply(r, 'DECLINE'), menu: true }];
    },
  };
}

/** What the officer is told after approving or declining (the same words on every channel). */
export function joinDecisionReply(
  r: Awaited<ReturnType<Services['joinRequests']['decide']>>,
  decision: 'APPROVE' | 'DECLINE',
): { key: string; vars?: Record<string, string | number> } {
  if (r.ok) return { key: decision === 'APPROVE' ? 'join-approved' : 'join-declined', vars: { name: escapeHtml(r.name), unit: escapeHtml(r.unit) } };
  if (r.reason === 'not_found') return { key: 'join-request-gone' };
  if (r.reason === 'forbidden') return { key: 'forbidden' };
  return { key: 'forbidden-scope', vars: { unit: escapeHtml(r.unit ?? '—') } };
}
