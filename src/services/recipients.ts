/**
 * Which channel identity a message to a member goes to — decided here once for every sender of
 * the outbox (launches, announcements, reminders, nudges, summaries, digests, notices).
 *
 * The rule: the member's reachable identity on the channel they chose in /settings
 * (`member.preferred_channel`), else their *reachable* identity seen most recently (ties: the newest
 * identity). So a member linked on two channels gets each message once, where they want it; when the
 * chosen channel is unreachable (they blocked the bot there) it goes to the other. A member without a
 * reachable identity gets nothing and is left out of send lists and reminder plans.
 */
import { Prisma } from '../generated/prisma/client.js';
import type { Channel } from '../generated/prisma/client.js';
import type { Db } from './actors.js';

/** Where one member's message goes: the identity, its channel and the chat id there. */
export interface Recipient {
  identityId: number;
  channel: Channel;
  chatId: string;
}

/**
 * The preference among the reachable identities (alias `ci`) of member `m`: the chosen channel
 * first (the comparison is null when there is no choice, so nothing is preferred), then the one
 * seen most recently.
 */
function recipientOrder(m: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(ci.channel = ${m}.preferred_channel) DESC NULLS LAST, ci.last_seen_at DESC NULLS LAST, ci.id DESC`;
}

/**
 * SQL: `LEFT JOIN LATERAL … rcp` giving member `<alias>` their recipient as `rcp.identity_id`,
 * `rcp.channel`, `rcp.chat_id` (all null when they have no reachable identity).
 */
export function recipientJoin(memberAlias = 'mem'): Prisma.Sql {
  const m = Prisma.raw(`"${memberAlias}"`);
  return Prisma.sql`LEFT JOIN LATERAL (
      SELECT ci.id AS identity_id, ci.channel::text AS channel, ci.external_id AS chat_id
      FROM channel_identity ci WHERE ci.member_id = ${m}.id AND ci.reachable
      ORDER BY ${recipientOrder(m)} LIMIT 1) rcp ON true`;
}

/** SQL: true when member `<alias>` can be written to at all (has a reachable identity). */
export function hasRecipient(memberAlias = 'mem'): Prisma.Sql {
  const m = Prisma.raw(`"${memberAlias}"`);
  return Prisma.sql`EXISTS (SELECT 1 FROM channel_identity ci WHERE ci.member_id = ${m}.id AND ci.reachable)`;
}

/** A row read through {@link recipientJoin}, as an outbox item's recipient fields (null: nobody to write to). */
export function recipientOf(row: { identity_id: number | null; channel: string | null; chat_id: string | null }): Recipient | null {
  if (row.identity_id === null || row.chat_id === null) return null;
  return { identityId: row.identity_id, channel: row.channel as Channel, chatId: row.chat_id };
}

/** The recipient of each of these members that has one (one query, whatever the count). */
export async function recipientsOf(db: Db, memberIds: readonly number[]): Promise<Map<number, Recipient>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ member_id: number; identity_id: number | null; channel: string | null; chat_id: string | null }>>`
    SELECT mem.id AS member_id, rcp.identity_id, rcp.channel, rcp.chat_id
    FROM member mem ${recipientJoin('mem')}
    WHERE mem.id = ANY(${[...memberIds]}::int[])`;
  const out = new Map<number, Recipient>();
  for (const r of rows) {
    const to = recipientOf(r);
    if (to) out.set(r.member_id, to);
  }
  return out;
}
