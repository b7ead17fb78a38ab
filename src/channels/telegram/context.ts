import type { Context, SessionFlavor } from 'grammy';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Logger } from '../../logger.js';
import type { Member } from '../../generated/prisma/client.js';
import type { BotDeps } from './deps.js';

/**
 * What the Telegram session keeps between updates (Redis or the database). Multi-step input is not
 * here: every dialogue is a flow with its own stored state (src/flows). Features add their fields
 * by declaration merging (registration: the campaign link opened before onboarding). Ids are
 * numbers or strings only: session JSON cannot hold BigInt.
 */
export interface SessionData {}

/** What every handler can reach besides the update: the member behind it, services, logger. */
export interface AppFlavor {
  /** The member writing, loaded once per update (null only for updates without a user, e.g. channel posts). */
  member: Member | null;
  deps: BotDeps;
  log: Logger;
}

/** The context of every handler. */
export type BotContext = Context & SessionFlavor<SessionData> & I18nFlavor & AppFlavor;
