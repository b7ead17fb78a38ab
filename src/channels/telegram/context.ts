import type { Context, SessionFlavor } from 'grammy';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Logger } from '../../logger.js';
import type { Member } from '../../generated/prisma/client.js';
import type { BotDeps } from './deps.js';

/**
 * A small multi-step state kept in the session (Redis or the database), so a restart in the middle
 * of an admin or campaign step resumes where the user was (onboarding and the profile changes are
 * channel-neutral flows now: src/flows). Ids are numbers or strings only:
 * session JSON cannot hold BigInt.
 */
export type Step =
  | { kind: 'admin-import-units' }
  | { kind: 'campaign-upload' }
  | { kind: 'campaign-code'; fileId: string; fileName: string; format: 'yaml' | 'json' }
  | { kind: 'campaign-edit'; campaignId: number; field: 'title' | 'slogan' | 'starts' | 'ends' }
  | { kind: 'campaign-announce'; campaignId: number }
  | { kind: 'campaign-announce-confirm'; campaignId: number; text: string; nonce: string }
  | { kind: 'campaign-pick'; ids: number[] };

export interface SessionData {
  step?: Step | undefined;
}

/** What every handler can reach besides the update: the member behind it, services, logger. */
export interface AppFlavor {
  /** The member writing, loaded once per update (null only for updates without a user, e.g. channel posts). */
  member: Member | null;
  deps: BotDeps;
  log: Logger;
}

/** The context of every handler. */
export type BotContext = Context & SessionFlavor<SessionData> & I18nFlavor & AppFlavor;
