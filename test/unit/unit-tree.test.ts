import { describe, expect, it } from 'vitest';
import { planUnitTree, treePaths } from '../../src/domain/unit-tree.js';

const row = (code: string, parent: string | undefined, line: number) => ({ code, name: code, parent, line });

describe('the unit tree a units file leaves', () => {
  it('applies every row to the current tree, whatever the order of the rows', () => {
    const current = new Map([['R', undefined], ['A', 'R'], ['B', 'A'], ['C', 'B']]);
    const plan = planUnitTree(current, [row('C', 'R', 2), row('B', 'NEW', 3), row('NEW', 'C', 4)]);
    expect(plan).toEqual({ ok: true, parentOf: new Map([['R', undefined], ['A', 'R'], ['B', 'NEW'], ['C', 'R'], ['NEW', 'C']]) });
  });

  it('names every line on a cycle formed by the file together with the existing tree, and an unknown parent', () => {
    const current = new Map([['K', undefined], ['X', 'K'], ['Y', 'X'], ['Z', undefined]]);
    const plan = planUnitTree(current, [row('Q', 'NOPE', 5), row('X', 'Z', 3), row('Z', 'Y', 2), row('W', 'Y', 4)]);
    expect(plan).toEqual({
      ok: false,
      errors: [
        { line: 2, code: 'parent_cycle', params: { value: 'Z' } },
        { line: 3, code: 'parent_cycle', params: { value: 'X' } },
        { line: 5, code: 'parent_unknown', params: { value: 'NOPE' } },
      ],
    });
  });

  it('computes each path from the parent chain, and refuses a cycle instead of looping', () => {
    const paths = treePaths(new Map([[9, 4], [4, 1], [1, null], [7, null]]));
    expect(Object.fromEntries(paths)).toEqual({ 1: '/1/', 4: '/1/4/', 7: '/7/', 9: '/1/4/9/' });
    expect(() => treePaths(new Map([[1, 2], [2, 1]]))).toThrow(/own ancestor/);
  });

  it('handles a chain 5,000 units deep (the most one file may hold) without overflowing the stack', () => {
    const deep = new Map<number, number | null>([[1, null]]);
    for (let i = 2; i <= 5_000; i++) deep.set(i, i - 1);
    expect(treePaths(deep).get(5_000)!.split('/').filter(Boolean)).toHaveLength(5_000);
  });
});
