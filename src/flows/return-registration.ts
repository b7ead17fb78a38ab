/**
 * Trả lại đăng ký (an officer returns a registration with a reason). Asks: the reason, as typed
 * text (the registrant will read it). Stores (in the flow state) only the registration's id and the
 * reason; the reason goes to `RegistrationService.decide`, which re-checks the officer's role and
 * scope at that moment (one revoked while typing is refused), returns the registration, notifies
 * the registrant and audits the decision or the refusal in one transaction.
 */
import type { Services } from '../services/index.js';
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type Step } from './model.js';

/** Flow id of returning a registration (the id the grammY conversation had). */
export const RETURN_FLOW = 'reg-return';

/** Longest reason kept, as the service keeps it. */
const MAX_REASON = 500;

/** What the flow is started with: the registration whose Return button was pressed. */
export interface ReturnArgs {
  registrationId: number;
}

interface ReturnData extends ReturnArgs {
  reason: string | null;
}

/** The return-with-reason flow, deciding through `services.registrations`. */
export function createReturnRegistrationFlow(services: Services): FlowSpec<ReturnData, ReturnArgs> {
  const reason: Step<ReturnData> = {
    id: 'reason',
    accepts: 'text',
    prompt: (d) => ({ key: 'reg-return-ask', vars: { id: d.registrationId } }),
    // A sticker, a file or an empty message: the same words as before the flow model.
    hint: () => ({ key: 'reg-return-hint' }),
    answer: (d, a) => (a.kind === 'text' ? { ok: true, data: { ...d, reason: a.text.slice(0, MAX_REASON) } } : problem('reg-return-hint')),
  };

  return {
    id: RETURN_FLOW,
    version: 1,
    nameKey: 'reg-return-flow-name',
    steps: [reason],
    init: (args) => ({ registrationId: args.registrationId, reason: null }),
    async complete(d, env): Promise<Reply[]> {
      // Decided when the reason arrives: the service re-reads the officer (revoked meanwhile → refused).
      const r = await services.registrations.decide({ registrationId: d.registrationId, actor: { id: env.memberId }, decision: 'RETURN', reason: d.reason ?? '' });
      const message = r.ok ? { key: 'reg-returned', vars: { id: d.registrationId } } : { key: `reg-decide-${r.reason}` };
      return [{ kind: 'say', message, menu: true }];
    },
  };
}
