import { conversationRegistry, Flow, type Convo, type ConvContext } from './index.js';
import { isTitleCode } from '../../../domain/titles.js';
import { formatQuantity } from '../../../flows/values.js';

/**
 * The officer's return-with-reason conversation, and the title name /my shows. Registration itself
 * is the channel-neutral flow in src/flows/register.ts.
 */

export { formatQuantity };

/** Display name of a title (custom honours carry their own name). */
export function titleLabel(ctx: { t: ConvContext['t'] }, code: string, customName?: string | null): string {
  if (customName) return customName;
  return isTitleCode(code) ? ctx.t(`reg-title-${code}`) : code;
}

/** Conversation id of an officer returning a registration with a typed reason. */
export const RETURN_REGISTRATION = 'reg-return';

/** Trả lại đăng ký: asks the reason, then returns the registration; the registrant is notified. */
async function returnRegistration(conversation: Convo, ctx: ConvContext, registrationId: number): Promise<void> {
  const flow = new Flow(conversation, ctx, 'reg-return-flow-name');
  const a = await flow.ask<string>({
    text: ctx.t('reg-return-ask', { id: registrationId }),
    parse: (text) => (text.trim() ? { ok: true, value: text.trim().slice(0, 500) } : { ok: false, error: ctx.t('reg-return-hint') }),
    hint: ctx.t('reg-return-hint'),
  });
  if (a.kind !== 'text') return;
  const officerId = await flow.external(() => ctx.member!.id);
  const reason = a.value;
  // Decided when the reason arrives: an officer revoked while typing it is refused by the service.
  const r = await flow.external(() => ctx.deps.services.registrations.decide({ registrationId, actor: { id: officerId }, decision: 'RETURN', reason }));
  await flow.finish(r.ok ? ctx.t('reg-returned', { id: registrationId }) : ctx.t(`reg-decide-${r.reason}`));
}

conversationRegistry.push({ id: RETURN_REGISTRATION, builder: returnRegistration as never, version: 1, nameKey: 'reg-return-flow-name' });
