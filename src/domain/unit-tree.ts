import type { UnitRow, UnitsFileError } from './units-file.js';

/**
 * The unit tree a units file leaves behind, computed before anything is written.
 *
 * A file may move a unit and, in the same file, its child or any other relative; a row may name a
 * parent that the same file moves elsewhere. Checking rows one by one against the tree as it was
 * misses cycles the file and the existing tree only form together, and rewriting paths row by row
 * leaves grandchildren with stale ones. So the service first computes the whole final tree here,
 * refuses it if it has a cycle (naming every file line on it), and then writes each changed path
 * once from {@link treePaths}.
 */

/** Parent code by unit code; `undefined` for a root. */
export type ParentMap = ReadonlyMap<string, string | undefined>;

export type TreePlan = { ok: true; parentOf: Map<string, string | undefined> } | { ok: false; errors: UnitsFileError[] };

/**
 * Applies the file's rows to the current tree. Errors: a parent neither in the file nor in the
 * tree (`parent_unknown`), and every row whose unit lies on a cycle of the final tree
 * (`parent_cycle`), sorted by line.
 *
 * @example
 * // In the tree K ← X ← Y, the file "Z under Y" + "X under Z" closes X → Z → Y → X.
 * planUnitTree(new Map([['K', undefined], ['X', 'K'], ['Y', 'X'], ['Z', undefined]]), rows)
 */
export function planUnitTree(current: ParentMap, rows: readonly UnitRow[]): TreePlan {
  const parentOf = new Map(current);
  for (const row of rows) parentOf.set(row.code, row.parent);
  const errors: UnitsFileError[] = [];
  for (const row of rows) {
    if (row.parent !== undefined && !parentOf.has(row.parent)) {
      errors.push({ line: row.line, code: 'parent_unknown', params: { value: row.parent } });
    }
  }
  const onCycle = cycleMembers(parentOf);
  for (const row of rows) {
    if (onCycle.has(row.code)) errors.push({ line: row.line, code: 'parent_cycle', params: { value: row.code } });
  }
  return errors.length > 0 ? { ok: false, errors: errors.sort((a, b) => a.line - b.line) } : { ok: true, parentOf };
}

/**
 * Codes of the units that are their own ancestor. Each unit has at most one parent, so walking up
 * from every unit once, and remembering where each walk ended, finds every cycle in linear time.
 */
function cycleMembers(parentOf: ParentMap): Set<string> {
  const onCycle = new Set<string>();
  const settled = new Set<string>();
  for (const start of parentOf.keys()) {
    const walk: string[] = [];
    const inWalk = new Set<string>();
    let cur: string | undefined = start;
    while (cur !== undefined && parentOf.has(cur) && !settled.has(cur) && !inWalk.has(cur)) {
      walk.push(cur);
      inWalk.add(cur);
      cur = parentOf.get(cur);
    }
    if (cur !== undefined && inWalk.has(cur)) {
      for (let i = walk.indexOf(cur); i < walk.length; i++) onCycle.add(walk[i]!);
    }
    for (const code of walk) settled.add(code);
  }
  return onCycle;
}

/**
 * The materialised path ("/1/4/9/", the unit itself included) of every unit of an acyclic tree,
 * given each unit's parent id. Iterative, so a deep tree cannot overflow the stack.
 */
export function treePaths(parentIdOf: ReadonlyMap<number, number | null>): Map<number, string> {
  const paths = new Map<number, string>();
  for (const start of parentIdOf.keys()) {
    const pending: number[] = [];
    let cur: number | null | undefined = start;
    while (cur !== null && cur !== undefined && !paths.has(cur)) {
      if (pending.length > parentIdOf.size) throw new Error(`unit ${start} is its own ancestor`);
      pending.push(cur);
      cur = parentIdOf.get(cur);
    }
    let prefix = cur === null || cur === undefined ? '/' : paths.get(cur)!;
    for (let i = pending.length - 1; i >= 0; i--) {
      prefix = `${prefix}${pending[i]}/`;
      paths.set(pending[i]!, prefix);
    }
  }
  return paths;
}
