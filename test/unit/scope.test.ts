import { describe, expect, it } from 'vitest';
import { ancestorPaths, inSubtree, pathIds, subtreeLike } from '../../src/domain/scope.js';

describe('scope: is this unit in that subtree', () => {
  it('counts the unit itself and everything below it, and nothing beside it', () => {
    expect(inSubtree('/1/4/', '/1/4/')).toBe(true);
    expect(inSubtree('/1/4/9/', '/1/4/')).toBe(true);
    // Unit 40 is a sibling of unit 4, not its child: the trailing slash keeps them apart.
    expect(inSubtree('/1/40/', '/1/4/')).toBe(false);
    expect(inSubtree('/1/', '/1/4/')).toBe(false);
  });

  it('places nobody in the subtree of a missing unit', () => {
    expect(inSubtree('/1/', null)).toBe(false);
    expect(inSubtree(null, '/1/')).toBe(false);
  });

  it('gives the ancestors, ids and SQL pattern of a path', () => {
    expect(ancestorPaths('/1/4/9/')).toEqual(['/1/', '/1/4/', '/1/4/9/']);
    expect(pathIds('/1/4/9/')).toEqual([1, 4, 9]);
    expect(subtreeLike('/1/4/')).toBe('/1/4/%');
  });
});
