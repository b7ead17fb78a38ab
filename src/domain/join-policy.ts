/**
 * Chế độ tham gia đơn vị — how a person joins a unit by themselves:
 * - `OPEN`: anyone may pick it in the unit picker or find it by name (how every unit worked before);
 * - `INVITE_ONLY`: only the unit's invite link or code joins; picking it is refused;
 * - `APPROVAL`: picking it or its invite files a join request; an officer of the unit's scope (or an
 *   admin) approves it, and only then is the person in the unit and in its launch audiences.
 *
 * New units are invite-only (a unit's members are known people, a picker open to anyone who finds
 * the bot is the exception); the migration kept units that existed before as OPEN.
 */
import { fold } from './text.js';

export type JoinPolicy = 'OPEN' | 'INVITE_ONLY' | 'APPROVAL';

/** The policy of a unit created without one (the database column's default says the same). */
export const DEFAULT_JOIN_POLICY: JoinPolicy = 'INVITE_ONLY';

/** The word a units file and /joinpolicy use for each policy. */
export const JOIN_POLICY_WORDS: Record<JoinPolicy, string> = { OPEN: 'open', INVITE_ONLY: 'invite', APPROVAL: 'approval' };

/** Words read as each policy (folded: lower case, no diacritics), English and Vietnamese. */
const ALIASES: Array<[JoinPolicy, readonly string[]]> = [
  ['OPEN', ['open', 'mo', 'tu do']],
  ['INVITE_ONLY', ['invite', 'invite only', 'invite-only', 'invite_only', 'ma moi', 'moi']],
  ['APPROVAL', ['approval', 'approve', 'duyet', 'phe duyet', 'can duyet']],
];

/**
 * The policy a word names, or null.
 *
 * @example parseJoinPolicy('Invite') === 'INVITE_ONLY'; parseJoinPolicy('duyệt') === 'APPROVAL'
 */
export function parseJoinPolicy(word: string): JoinPolicy | null {
  const w = fold(word).replace(/\s+/g, ' ').trim();
  for (const [policy, words] of ALIASES) if (words.includes(w)) return policy;
  return null;
}

/** How a person came to a unit: by its invite link or code, or by the picker (tree or search). */
export type JoinVia = 'INVITE' | 'PICKER';

/** What happens when a person who does not manage the unit joins it `via` this way. */
export function joinOutcome(policy: JoinPolicy, via: JoinVia): 'join' | 'request' | 'refuse' {
  if (policy === 'APPROVAL') return 'request';
  if (policy === 'INVITE_ONLY' && via === 'PICKER') return 'refuse';
  return 'join';
}
