/**
 * Raw SQL helpers that behave the same on both adapters (adapter-pg and the PGlite adapter).
 *
 * Use Prisma's tagged templates (`prisma.$queryRaw\`…\``/`$executeRaw`) for anything with values:
 * they are parameterised on both adapters. These helpers cover what the tags make awkward.
 */
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';

/**
 * Parameterised SQL straight on the driver (`$1`, `$2`…), for the few statements that run on every
 * update or every registration. Prisma spends ≈ 0.2–0.4 ms of CPU planning and mapping each
 * `$queryRaw` (bench/registration); the driver ≈ 0.08 ms. Rows come back as the driver reads them:
 * so select json, int4, text, bool and timestamptz (a Date) only — int8 and numeric differ between
 * drivers. Everything else goes through Prisma.
 */
export interface DriverSql {
  rows<T>(text: string, values: readonly unknown[]): Promise<T[]>;
}

/** {@link DriverSql} through Prisma, for services built on a bare Prisma client (tests, scripts). */
export function prismaSql(prisma: PrismaClient): DriverSql {
  return { rows: <T>(text: string, values: readonly unknown[]) => prisma.$queryRawUnsafe<T[]>(text, ...values) };
}

/**
 * Quotes an SQL identifier (table/column name) for `Prisma.raw`, e.g. in a dynamic `ORDER BY`.
 * Never pass user input as an identifier without a whitelist; this only guarantees well-formed SQL.
 */
export function ident(name: string): Prisma.Sql {
  return Prisma.raw(`"${name.replace(/"/g, '""')}"`);
}

/** `a, b, c` from a list of values, each a bound parameter (for `IN (…)` and `= ANY(…)` alternatives). */
export function list(values: readonly unknown[]): Prisma.Sql {
  if (values.length === 0) throw new Error('sql.list() needs at least one value (IN () is invalid SQL)');
  return Prisma.join(values as unknown[]);
}

export { Prisma };
