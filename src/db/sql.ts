/**
 * Raw SQL helpers that behave the same on both adapters (adapter-pg and the PGlite adapter).
 *
 * Use Prisma's tagged templates (`prisma.$queryRaw\`…\``/`$executeRaw`) for anything with values:
 * they are parameterised on both adapters. These helpers cover what the tags make awkward.
 */
import { Prisma } from '../generated/prisma/client.js';

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
