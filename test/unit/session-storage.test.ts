import { MemorySessionStorage } from 'grammy';
import { describe, expect, it } from 'vitest';
import { writeIfChanged } from '../../src/channels/telegram/session-storage.js';

/** grammY's in-memory storage, counting the writes that reach it. */
function countingStorage<T>() {
  const inner = new MemorySessionStorage<T>();
  const counts = { writes: 0, deletes: 0 };
  return {
    counts,
    storage: {
      read: (k: string) => inner.read(k),
      write: (k: string, v: T) => {
        counts.writes++;
        return inner.write(k, v);
      },
      delete: (k: string) => {
        counts.deletes++;
        return inner.delete(k);
      },
    },
  };
}

describe('session writes', () => {
  it('skips writing back a session that a handler only looked at', async () => {
    const { storage, counts } = countingStorage<{ step?: string }>();
    await storage.write('c1', { step: 'join-name' });
    const wrapped = writeIfChanged(storage);
    const value = await wrapped.read('c1');
    await wrapped.write('c1', value!);
    expect(counts.writes).toBe(1);
  });

  it('writes a changed session, and a session written without a read', async () => {
    const { storage, counts } = countingStorage<{ step?: string }>();
    const wrapped = writeIfChanged(storage);
    await wrapped.read('c1');
    await wrapped.write('c1', { step: 'join-unit' });
    await wrapped.write('c1', { step: 'join-unit' }); // no read in between: must reach storage
    expect(counts.writes).toBe(2);
    expect(await storage.read('c1')).toEqual({ step: 'join-unit' });
  });
});
