/**
 * A campaign's audience, as SQL fragments over the database functions that define it once
 * (prisma/migrations/20261201030500_campaign_audience; the membership check is plpgsql since
 * 20261207140000_registration_round_trips, so its plan is kept): every unit under an audience unit, and every
 * unit under a unit of an audience khối/cụm. Services compose these into their statements; nothing
 * else spells the audience out.
 */
import { Prisma } from '../generated/prisma/client.js';

/** `SELECT unit_id FROM …`: the unit ids of the campaign's audience, for `IN (…)`. */
export function audienceUnitsSql(campaignId: number | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT unit_id FROM campaign_audience_units(${campaignId}::integer)`;
}

/** A boolean expression: the unit (an id or an SQL column) is in the campaign's audience. */
export function inAudienceSql(campaignId: number | Prisma.Sql, unitId: number | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`unit_in_campaign_audience(${campaignId}::integer, ${unitId}::integer)`;
}
