/**
 * Cấp / thu hồi quyền cán bộ (an admin's /grant and /revoke). Asks: a name to search (skipped when
 * the command carried one; diacritics optional), the person among the results, then a confirmation.
 * Stores (in the flow state) only the search's candidates and the picked member's id; the change is
 * made by `MemberService.changeRole`, which re-checks that the actor is still an admin, refuses an
 * ADMIN_IDS admin, and audits the change or the refusal in one transaction.
 */
import type { Services } from '../services/index.js';
import { escapeHtml } from '../domain/text.js';
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type Choice, type Message, type Step } from './model.js';
import { confirmAnswer } from './steps.js';

/** Flow id of granting or revoking the officer role. */
export const GRANT_ROLE_FLOW = 'grant-role';

/** Results offered at most (as many buttons as before the flow model). */
const MAX_CANDIDATES = 8;
/** Longest search kept: a name, not a letter. */
const MAX_QUERY = 100;

/** What the flow is started with: grant (true) or revoke, and the name typed after the command. */
export interface GrantArgs {
  grant: boolean;
  query?: string;
  /** Filled by `prepare` when the command carried a name: the search is then already made. */
  candidates?: Candidate[];
}

/** A person found by the search, as shown on their button and in the confirmation. */
interface Candidate {
  id: number;
  name: string;
  unit: string;
  role: 'MEMBER' | 'OFFICER' | 'ADMIN';
}

interface GrantData {
  grant: boolean;
  candidates: Candidate[];
  memberId: number | null;
  confirmed: boolean;
  /** The command carried the name: no search question (and so none to go Back to). */
  searched: boolean;
}

const verbatim = (text: string): Message => ({ key: 'flow-verbatim', vars: { text } });

/** The grant / revoke flow, searching and deciding through `services.members`. */
export function createGrantRoleFlow(services: Services): FlowSpec<GrantData, GrantArgs> {
  const members = services.members;

  /** Grantable: members. Revocable: officers, and admins not in ADMIN_IDS (those only by configuration). */
  async function candidates(query: string, grant: boolean): Promise<Candidate[]> {
    const found = await members.search(query.slice(0, MAX_QUERY), { limit: MAX_CANDIDATES });
    return found
      .filter((m) => (grant ? m.role === 'MEMBER' : m.role === 'OFFICER' || (m.role === 'ADMIN' && !members.isConfiguredAdmin(m))))
      .map((m) => ({ id: m.id, name: m.fullName ?? '?', unit: m.unit?.name ?? '—', role: m.role }));
  }

  const search: Step<GrantData> = {
    id: 'search',
    accepts: 'text',
    skip: (d) => d.searched,
    prompt: (d) => ({ key: d.grant ? 'grant-ask' : 'revoke-ask' }),
    async answer(d, a) {
      if (a.kind !== 'text') return problem('flow-problem-text');
      const found = await candidates(a.text, d.grant);
      return found.length > 0 ? { ok: true, data: { ...d, candidates: found, memberId: null } } : problem('grant-none', { query: a.text.slice(0, MAX_QUERY) });
    },
  };

  const pick: Step<GrantData> = {
    id: 'pick',
    accepts: 'choice',
    prompt: (d) => ({ key: 'grant-results', vars: { grant: d.grant ? 'yes' : 'no' } }),
    choices: (d): Choice[] => d.candidates.map((c) => ({ value: String(c.id), label: verbatim(`${c.name} · ${c.unit}`) })),
    answer: (d, a) => (a.kind === 'choice' ? { ok: true, data: { ...d, memberId: Number(a.value) } } : problem('flow-problem-choice', { count: d.candidates.length })),
  };

  const confirm: Step<GrantData> = {
    id: 'confirm',
    accepts: 'choice',
    prompt(d) {
      const c = d.candidates.find((x) => x.id === d.memberId);
      const vars = { grant: d.grant ? 'yes' : 'no', name: escapeHtml(c?.name ?? '?'), unit: escapeHtml(c?.unit ?? '—') };
      return { key: !d.grant && c?.role === 'ADMIN' ? 'revoke-admin-confirm' : 'grant-confirm', vars };
    },
    choices: () => [{ value: 'yes', label: { key: 'grant-yes' } }],
    answer: confirmAnswer(),
  };

  return {
    id: GRANT_ROLE_FLOW,
    version: 1,
    nameKey: 'grant-flow-name',
    steps: [search, pick, confirm],
    init: (args) => ({ grant: args.grant, candidates: args.candidates ?? [], memberId: null, confirmed: false, searched: !!args.candidates }),
    async prepare(args, env) {
      // A courtesy before the first question: the services' own rule, a refusal audited there.
      const allowed = await services.access.check({ id: env.memberId }, { action: args.grant ? 'role.grant' : 'role.revoke', need: 'ADMIN' });
      if (!allowed.ok) return { ok: false, message: { key: 'forbidden' } };
      const query = args.query?.trim().slice(0, MAX_QUERY);
      if (!query) return { ok: true, args: { grant: args.grant } };
      const found = await candidates(query, args.grant);
      if (found.length === 0) return { ok: false, message: { key: 'grant-none', vars: { query } } };
      return { ok: true, args: { grant: args.grant, candidates: found } };
    },
    async complete(d, env): Promise<Reply[]> {
      const memberId = d.memberId!;
      // The service re-checks that the actor is still an admin and audits the change or the refusal.
      const r = await members.changeRole({ actor: { id: env.memberId }, memberId, role: d.grant ? 'OFFICER' : 'MEMBER' });
      if (!r.ok) {
        const name = escapeHtml(d.candidates.find((c) => c.id === memberId)?.name ?? '?');
        const message: Message =
          r.reason === 'forbidden'
            ? { key: 'forbidden' }
            : r.reason === 'not_found'
              ? { key: 'button-expired' }
              : r.reason === 'already'
                ? { key: 'grant-already', vars: { name, role: r.role } }
                : r.reason === 'no_unit'
                  ? { key: 'grant-no-unit', vars: { name } }
                  : { key: 'revoke-configured-admin', vars: { name } };
        return [{ kind: 'say', message }];
      }
      const name = escapeHtml(r.member.fullName ?? '?');
      const message: Message = d.grant
        ? { key: 'grant-done', vars: { name, unit: escapeHtml(r.member.unit?.name ?? '') } }
        : { key: r.from === 'ADMIN' ? 'revoke-admin-done' : 'revoke-done', vars: { name } };
      // `done` names the member whose role changed, first: a channel refreshes what that person sees
      // (Telegram: their command menu) before the admin is told it is done.
      return [{ kind: 'done', flow: GRANT_ROLE_FLOW, memberId: r.member.id }, { kind: 'say', message }];
    },
  };
}
