/**
 * Texts that speak of buttons — or of files, which Zalo does not pass to bots — and their wording
 * on a text-only channel, where choices are numbered lines and only photos arrive. Each key here has
 * a `<key>-text` message in both locale files (test/unit/locales.test.ts checks it); a text channel
 * translates through {@link textChannelKey}, Telegram uses the keys as they are.
 */
const KEYS = [
  // Outbox messages (src/messages/templates.ts renderMessage with `buttons: false`).
  'camp-announcement-call',
  'reminder-footer',
  // Registration: a target per content line.
  'reg-ask-line-NUMBER',
  'reg-ask-line-YES_NO',
  'reg-ask-line-TEXT',
  'reg-hint-line-NUMBER',
  'reg-hint-line-YES_NO',
  'reg-hint-line-TEXT',
  // Progress report: note and evidence (photos only on Zalo).
  'rep-ask-note',
  'rep-hint-note',
  'rep-ask-evidence',
  'rep-evidence-more',
  'rep-hint-evidence',
  'rep-evidence-type',
  // Answers read two ways, yes/no.
  'cv-yes-no-invalid',
  'cv-number-which',
  'cv-number-which-hint',
  // Officers: the campaign wizard and draft editing, the honour roll, announcements, pick lists.
  'wiz-ask-slogan',
  'wiz-ask-titles',
  'wiz-titles-help',
  'wiz-titles-selected',
  'wiz-measure-help',
  'wiz-ask-unit',
  'wiz-ask-remind',
  'wiz-ask-more-milestones',
  'wiz-ask-audience-units',
  'wiz-save-help',
  'wiz-previous',
  'wiz-ask-code',
  'wiz-ask-issuer',
  'wiz-ask-description',
  'wiz-ask-ms-name',
  'wiz-ask-until',
  'wiz-ask-target',
  'camp-edit-ask-titles',
  'camp-edit-ask-m-until',
  'camp-edit-remove-help',
  'honours-ask-pick',
  'honours-pick-none',
  'honours-preview-confirm',
  'camp-announce-ask-file',
  'stats-pick',
  'camp-member-pick',
] as const;

const VARIANTS: ReadonlyMap<string, string> = new Map(KEYS.map((k) => [k, `${k}-text`]));

/** The keys that have a text-channel wording. */
export const TEXT_CHANNEL_KEYS: readonly string[] = KEYS;

/** The message id a text-only channel shows for `key`: its `-text` wording when it has one. */
export function textChannelKey(key: string): string {
  return VARIANTS.get(key) ?? key;
}
