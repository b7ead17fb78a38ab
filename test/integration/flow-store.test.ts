/**
 * The flow runner over its real stores — Redis, PostgreSQL and the embedded PGlite — as two bot
 * instances behind a round-robin proxy would use them: each answer may reach the other instance,
 * at once, and nothing may be lost or applied to a stale state.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/db/index.js';
import { problem, type Flow, type FlowContext, type FlowOutcome } from '../../src/flows/model.js';
import { FlowRunner } from '../../src/flows/runner.js';
import { PrismaFlowStore, RedisFlowStore, type FlowStore } from '../../src/flows/store.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../support/app-harness.js';

/** Onboarding-like: unit (choice) → name (text) → a note (text), so two typed answers fit either order. */
interface Data {
  unit?: string;
  name?: string;
  answers: string[];
}
const onboarding: Flow<Data> = {
  id: 'onboarding-test',
  version: 1,
  init: () => ({ answers: [] }),
  steps: [
    {
      id: 'unit',
      accepts: 'choice',
      prompt: () => ({ key: 'ask-unit' }),
      choices: () => [
        { value: 'XA_AN_BINH', label: { key: 'l', vars: { text: 'Xã An Bình' } } },
        { value: 'XA_TAN_PHU', label: { key: 'l', vars: { text: 'Xã Tân Phú' } } },
      ],
      answer: (d, a) => (a.kind === 'choice' ? { ok: true, data: { ...d, unit: a.value, answers: [...d.answers, a.value] } } : problem('x')),
    },
    {
      id: 'name',
      accepts: 'text',
      prompt: () => ({ key: 'ask-name' }),
      answer: (d, a) => (a.kind === 'text' ? { ok: true, data: { ...d, name: a.text, answers: [...d.answers, a.text] } } : problem('x')),
    },
    {
      id: 'note',
      accepts: 'text',
      prompt: () => ({ key: 'ask-note' }),
      answer: (d, a) => (a.kind === 'text' ? { ok: true, data: { ...d, answers: [...d.answers, a.text] } } : problem('x')),
    },
  ],
};
const ctx: FlowContext = { now: new Date('2026-11-30T03:00:00Z'), label: (m) => String(m.vars?.text ?? m.key) };

function stepOf(o: FlowOutcome<unknown> | null): string {
  if (!o) return 'none';
  return o.type === 'ask' ? o.state.step : o.type;
}

function contract(name: string, open: () => Promise<{ a: FlowStore; b: FlowStore; close(): Promise<void> }>) {
  describe(`flows stored in ${name}`, () => {
    let stores: { a: FlowStore; b: FlowStore; close(): Promise<void> };
    beforeAll(async () => {
      stores = await open();
    });
    afterAll(async () => {
      await stores?.close();
    });

    it('an answer that reaches the other instance at once finds the state the first one stored', async () => {
      const one = new FlowRunner(stores.a, [onboarding as never]);
      const two = new FlowRunner(stores.b, [onboarding as never]);
      const key = `m:${randomBytes(3).toString('hex')}`;
      expect(stepOf(await one.start(key, onboarding, undefined, ctx))).toBe('unit');
      expect(stepOf(await two.handle(key, { kind: 'text', text: 'xa an binh' }, ctx))).toBe('name');
      expect(stepOf(await one.handle(key, { kind: 'text', text: 'Nguyễn Văn An' }, ctx))).toBe('note');
      const done = await two.handle(key, { kind: 'text', text: '3' }, ctx);
      expect(done?.type).toBe('done');
      expect(done?.type === 'done' && done.state.data).toEqual({ unit: 'XA_AN_BINH', name: 'Nguyễn Văn An', answers: ['XA_AN_BINH', 'Nguyễn Văn An', '3'] });
      // Finished but not yet consumed: still there, so an outage in the use case loses nothing.
      expect((await one.current(key))?.step).toBe('note');
      if (done?.type === 'done') await one.end(key, done.state);
      expect(await two.current(key)).toBeNull();
      expect(await two.handle(key, { kind: 'text', text: 'hello' }, ctx)).toBeNull();
    });

    it('two answers sent at the same instant to two instances are both applied, in some order, none lost', async () => {
      const one = new FlowRunner(stores.a, [onboarding as never]);
      const two = new FlowRunner(stores.b, [onboarding as never]);
      const key = `m:${randomBytes(3).toString('hex')}`;
      await one.start(key, onboarding, undefined, ctx);
      await one.handle(key, { kind: 'text', text: '2' }, ctx);
      // Whichever lands first answers the name, the other the note: both are kept.
      const [x, y] = await Promise.all([
        one.handle(key, { kind: 'text', text: 'Trần Thị Bình' }, ctx),
        two.handle(key, { kind: 'text', text: '7' }, ctx),
      ]);
      const outcomes = [x, y].map(stepOf).sort();
      const stored = await one.current(key);
      const data = (x?.type === 'done' ? x.state.data : y?.type === 'done' ? y.state.data : stored?.data) as Data;
      expect(data.answers).toHaveLength(3);
      expect(data.answers[0]).toBe('XA_TAN_PHU');
      expect(new Set(data.answers.slice(1))).toEqual(new Set(['Trần Thị Bình', '7']));
      expect(outcomes).toEqual(['done', 'note']);
    });

    it('a stale save is refused and a cancel removes the flow', async () => {
      const one = new FlowRunner(stores.a, [onboarding as never]);
      const key = `m:${randomBytes(3).toString('hex')}`;
      const started = await one.start(key, onboarding, undefined, ctx);
      if (started.type !== 'ask') throw new Error('no question');
      expect(await stores.b.save(key, { ...started.state, rev: 5 }, 4)).toBe(false);
      expect(await stores.b.save(key, { ...started.state, rev: 2 }, 1)).toBe(true);
      expect((await stores.a.load(key))?.rev).toBe(2);
      expect((await one.handle(key, { kind: 'text', text: 'Hủy' }, ctx))?.type).toBe('cancelled');
      expect(await stores.a.load(key)).toBeNull();
    });
  });
}

contract('Redis', async () => {
  const prefix = `test:${randomBytes(4).toString('hex')}:`;
  const ra = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
  const rb = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
  return {
    a: new RedisFlowStore(ra),
    b: new RedisFlowStore(rb),
    async close() {
      ra.disconnect();
      rb.disconnect();
      await deleteRedisPrefix(prefix);
    },
  };
});

contract('PostgreSQL', async () => {
  const tdb: TestDatabase = await createTestDatabase();
  const other: Database = await createDatabase({ databaseUrl: tdb.url, dataDir: 'unused' });
  return {
    a: new PrismaFlowStore(tdb.db.prisma),
    b: new PrismaFlowStore(other.prisma),
    async close() {
      await other.close();
      await tdb.drop();
    },
  };
});

contract('the embedded database', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-flows-'));
  const db = await createDatabase({ dataDir: dir });
  return {
    a: new PrismaFlowStore(db.prisma),
    b: new PrismaFlowStore(db.prisma),
    async close() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('a finished flow whose use case fails', () => {
  it('stays at its last question, so the member sends the last answer again and nothing is lost', async () => {
    const { Conversations } = await import('../../src/flows/conversations.js');
    const prefix = `test:${randomBytes(4).toString('hex')}:`;
    const redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
    try {
      let outage = true;
      const saved: Data[] = [];
      const spec = {
        ...onboarding,
        nameKey: 'flow-name-test',
        async complete(data: Data) {
          if (outage) throw new Error('database unavailable');
          saved.push(data);
          return [{ kind: 'say' as const, message: { key: 'onboarding-done' }, menu: true }];
        },
      };
      const conversations = new Conversations(new RedisFlowStore(redis), [spec]);
      const env = { ...ctx, memberId: 1 };
      await conversations.start('m1', 'onboarding-test', undefined, env);
      await conversations.input('m1', { kind: 'text', text: '1' }, env);
      await conversations.input('m1', { kind: 'text', text: 'Lê Thị Cúc' }, env);
      await expect(conversations.input('m1', { kind: 'text', text: 'ghi chú' }, env)).rejects.toThrow('database unavailable');
      expect((await conversations.open('m1'))?.state.step).toBe('note');
      outage = false;
      const replies = await conversations.input('m1', { kind: 'text', text: 'ghi chú' }, env);
      // The use case's replies, then the mark a channel follows up on (the flow finished).
      expect(replies).toEqual([{ kind: 'say', message: { key: 'onboarding-done' }, menu: true }, { kind: 'done', flow: 'onboarding-test' }]);
      expect(saved).toEqual([{ unit: 'XA_AN_BINH', name: 'Lê Thị Cúc', answers: ['XA_AN_BINH', 'Lê Thị Cúc', 'ghi chú'] }]);
      expect(await conversations.open('m1')).toBeNull();
    } finally {
      redis.disconnect();
      await deleteRedisPrefix(prefix);
    }
  });
});
