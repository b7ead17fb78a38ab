/**
 * How registrations read in an officer's chat: the hourly digest of new ones (đăng ký mới) and
 * the /registrations list. Both carry an approve and a return button per registration, so both
 * are cut into messages that fit Telegram (4,096 characters, a keyboard of reasonable size) with
 * each registration's buttons in the same message as its line. No grammY imports: the digest is
 * rendered by the scheduler, outside any update.
 */
import type { OutboxButton, OutboxMessage } from '../../../services/outbox.js';
import type { DigestEntry, DigestInput } from '../../../services/registrations.js';
import { formatDateTime } from '../../../domain/dates.js';
import { escapeHtml } from '../../../domain/text.js';
import { isTitleCode } from '../../../domain/titles.js';
import type { T } from './campaign.js';
import { packEntries } from './split.js';

/** Registrations per digest message: two buttons each, so a keyboard of 40 and a readable screen. */
export const DIGEST_ENTRIES_PER_PART = 20;

export type { DigestEntry, DigestInput };

/** The callback data of the two decision buttons (the bot's codec). */
export interface DecisionButtons {
  approve(registrationId: number): string;
  return(registrationId: number): string;
}

/** A title's name in the reader's language (custom honours carry their own). */
export function titleText(t: T, code: string, customName?: string | null): string {
  if (customName) return customName;
  return isTitleCode(code) ? t(`reg-title-${code}`) : code;
}

/** The approve / return row of one registration. */
export function decisionRow(t: T, id: number, buttons: DecisionButtons, which: { approve: boolean; return: boolean } = { approve: true, return: true }): OutboxButton[] {
  const row: OutboxButton[] = [];
  if (which.approve) row.push({ text: t('reg-approve-button', { id }), callbackData: buttons.approve(id) });
  if (which.return) row.push({ text: t('reg-return-button', { id }), callbackData: buttons.return(id) });
  return row;
}

/**
 * The officers' digest as one or more messages, in order. Every registration appears once, with
 * its buttons in the message that shows it; with more than one message each heading says
 * "part 2/3". Returns, per message, the registrations it carries — the service marks exactly
 * those as digested.
 */
export function renderDigest(t: T, input: DigestInput, buttons: DecisionButtons): Array<{ message: OutboxMessage; registrationIds: number[] }> {
  const heading = (part: string) =>
    t('reg-digest-title', { campaign: escapeHtml(input.campaign), count: input.entries.length, at: formatDateTime(input.at) }) + part;
  const lines = input.entries.map((e) =>
    t('reg-digest-line', {
      id: e.id,
      who: escapeHtml(e.who),
      unit: e.unit ? ` (${escapeHtml(e.unit)})` : '',
      title: escapeHtml(titleText(t, e.titleCode, e.titleName)),
    }),
  );
  // Pack under the longest heading a part can have, then write each part's own heading.
  const widest = heading(` ${t('reg-digest-part', { part: 999, parts: 999 })}`);
  const packed = packEntries(widest, lines, { perPart: DIGEST_ENTRIES_PER_PART });
  return packed.map((p, i) => {
    const head = heading(packed.length > 1 ? ` ${t('reg-digest-part', { part: i + 1, parts: packed.length })}` : '');
    const body = p.text.slice(widest.length);
    const ids = p.indexes.map((k) => input.entries[k]!.id);
    return {
      message: { text: `${head}${body}`, parseMode: 'HTML' as const, buttons: ids.map((id) => decisionRow(t, id, buttons)) },
      registrationIds: ids,
    };
  });
}

