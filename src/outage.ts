/**
 * Telling a store outage from a bug. An update that failed because PostgreSQL or Redis could not
 * be reached is worth handling again once the store is back; an update that failed for any other
 * reason would fail the same way again.
 */

/** Node socket errors: the server is down, restarting or unreachable. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/**
 * Prisma's connection errors: P1001 cannot reach the server, P1002 timed out, P1008 operation timed
 * out, P1017 server closed the connection, P2024 no pool connection in time.
 */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

/** Driver adapter error kinds Prisma reports for a lost connection. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/**
 * PostgreSQL SQLSTATEs of a server going away: class 08 (connection exception), 57P01–57P03
 * (shutdown, crash, cannot connect now), 53300 (too many connections).
 */
const PG_STATE = /^(08...|57P0[123]|53300)$/;

/** ioredis: a command gave up while disconnected, or was issued on a closed connection. */
const REDIS_MESSAGES = /^(Reached the max retries per request limit|Connection is closed|Stream isn't writeable)/;

/** pg: the connection dropped under a query. */
const PG_MESSAGES = /^(Connection terminated|terminating connection due to administrator command|Client has encountered a connection error)/;

function matchesOne(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; code?: unknown; kind?: unknown; message?: unknown };
  if (e.name === 'MaxRetriesPerRequestError') return true;
  if (typeof e.code === 'string' && (SOCKET_CODES.has(e.code) || PRISMA_CODES.has(e.code) || PG_STATE.test(e.code))) return true;
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return REDIS_MESSAGES.test(message) || PG_MESSAGES.test(message);
}

/**
 * Whether `err` (or one of its causes) means a store is unavailable right now, so the work that
 * failed can be tried again later unchanged.
 *
 * @example
 * try { await prisma.member.findUnique(…) } catch (err) { if (isStoreOutage(err)) return 'retry'; throw err; }
 */
export function isStoreOutage(err: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    if (matchesOne(current)) return true;
    seen.add(current);
    const e = current as { name?: unknown; cause?: unknown; error?: unknown; meta?: { driverAdapterError?: unknown } };
    // grammY wraps middleware errors in BotError (`error`); Prisma's raw queries report a lost
    // connection as P2010 with the adapter's error in `meta.driverAdapterError`; everything else
    // chains `cause`. (Not HttpError's `error`: Telegram being unreachable is not a store outage.)
    current = e.name === 'BotError' ? e.error : (e.cause ?? e.meta?.driverAdapterError);
  }
  return false;
}
