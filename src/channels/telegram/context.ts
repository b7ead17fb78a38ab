import type { Context } from 'grammy';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Logger } from '../../logger.js';
import type { Member } from '../../generated/prisma/client.js';
import type { BotDeps } from './deps.js';

/** What every handler can reach besides the update: the member behind it, services, logger. */
export interface AppFlavor {
  /** The member writing, loaded once per update (null only for updates without a user, e.g. channel posts). */
  member: Member | null;
  /** How the bot addresses this member ("Đồng chí" / "Anh/Chị"): their unit's choice (src/domain/address.ts). */
  addressForm?: string;
  deps: BotDeps;
  log: Logger;
}

/**
 * The context of every handler. No grammY session: what lasts between updates is a flow's stored
 * state (src/flows) or the member's row (a campaign link opened before joining).
 */
export type BotContext = Context & I18nFlavor & AppFlavor;
