import type { BotContext } from '../context.js';
import { titleText } from '../../../messages/templates.js';
import { formatQuantity } from '../../../flows/values.js';

/**
 * The title name /my shows. Registration and the officer's return-with-reason are channel-neutral
 * flows (src/flows/register.ts, src/flows/return-registration.ts).
 */

export { formatQuantity };

/** Display name of a title (messages/templates.ts titleText: custom honours carry their own name). */
export function titleLabel(ctx: { t: BotContext['t'] }, code: string, customName?: string | null): string {
  return titleText((key, vars) => ctx.t(key, vars), code, customName);
}
