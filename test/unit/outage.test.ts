import { describe, expect, it } from 'vitest';
import { BotError, GrammyError, HttpError } from 'grammy';
import { Prisma } from '../../src/generated/prisma/client.js';
import { isStoreOutage } from '../../src/outage.js';

const prismaError = (code: string) => new Prisma.PrismaClientKnownRequestError('query failed', { code, clientVersion: '7' });

describe('telling a store outage from a bug', () => {
  it('recognises PostgreSQL and Redis being unreachable, also wrapped by grammY', () => {
    const redisGaveUp = Object.assign(new Error('Reached the max retries per request limit (which is 3).'), { name: 'MaxRetriesPerRequestError' });
    expect(isStoreOutage(redisGaveUp)).toBe(true);
    expect(isStoreOutage(new Error('Connection is closed.'))).toBe(true);
    expect(isStoreOutage(prismaError('P1001'))).toBe(true); // cannot reach the server
    expect(isStoreOutage(prismaError('P1017'))).toBe(true); // server closed the connection
    expect(isStoreOutage(new Error('wrapped', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }))).toBe(true);
    expect(isStoreOutage(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isStoreOutage(new BotError(prismaError('P1001'), {} as never))).toBe(true);
    // A raw query ($queryRaw) that could not reach the server: P2010 carrying the adapter's error.
    const rawDown = new Prisma.PrismaClientKnownRequestError('Raw query failed', {
      code: 'P2010',
      clientVersion: '7',
      meta: { driverAdapterError: Object.assign(new Error('DatabaseNotReachable'), { cause: { kind: 'DatabaseNotReachable' } }) },
    });
    expect(isStoreOutage(rawDown)).toBe(true);
  });

  it('does not retry bugs, bad data or Telegram being unreachable', () => {
    expect(isStoreOutage(prismaError('P2002'))).toBe(false); // unique violation
    // A raw query that failed on its own SQL is a bug, not an outage.
    expect(isStoreOutage(new Prisma.PrismaClientKnownRequestError('Raw query failed', { code: 'P2010', clientVersion: '7', meta: { driverAdapterError: Object.assign(new Error('syntax'), { cause: { kind: 'postgres', code: '42601' } }) } }))).toBe(false);
    expect(isStoreOutage(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isStoreOutage(new GrammyError('Call to sendMessage failed', { ok: false, error_code: 400, description: 'Bad Request' }, 'sendMessage', {}))).toBe(false);
    expect(isStoreOutage(new HttpError('Network request for sendMessage failed', Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })))).toBe(false);
    expect(isStoreOutage(undefined)).toBe(false);
  });
});
