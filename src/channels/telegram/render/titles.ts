import type { BotContext } from '../context.js';
import { isTitleCode } from '../../../domain/titles.js';
import { formatQuantity } from '../../../flows/values.js';

/**
 * The title name /my shows. Registration and the officer's return-with-reason are channel-neutral
 * flows (src/flows/register.ts, src/flows/return-registration.ts).
 */

export { formatQuantity };

/** Display name of a title (custom honours carry their own name). */
export function titleLabel(ctx: { t: BotContext['t'] }, code: string, customName?: string | null): string {
  if (customName) return customName;
  return isTitleCode(code) ? ctx.t(`reg-title-${code}`) : code;
}
