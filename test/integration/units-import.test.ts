import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createServices, type Services } from '../../src/services/index.js';
import { parseUnitsFile } from '../../src/domain/units-file.js';

/**
 * Units files that move several related units at once. The materialised `path` of every unit must
 * stay equal to what its chain of parents says, whatever the order of the rows in the file.
 */
describe('importing a units file that moves related units (PostgreSQL)', () => {
  let t: TestDatabase;
  let s: Services;
  beforeAll(async () => {
    t = await createTestDatabase();
    s = createServices(t.db.prisma, { adminIds: [], defaultLocale: 'vi' });
  });
  afterAll(() => t?.drop());

  async function importCsv(csv: string) {
    const parsed = parseUnitsFile(`code,name,parent\n${csv}`, 'csv');
    if (!parsed.ok) throw new Error(`the test file itself is invalid: ${JSON.stringify(parsed.errors)}`);
    return s.units.importUnits(parsed.units, parsed.groups);
  }

  /** Every unit's stored path next to the path its parent chain gives, and the codes of its ancestors. */
  async function treeState() {
    const rows = await t.db.prisma.unit.findMany({ select: { id: true, code: true, parentId: true, path: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const recompute = (id: number): string => {
      const chain: number[] = [];
      for (let cur = byId.get(id); cur; cur = cur.parentId === null ? undefined : byId.get(cur.parentId)) {
        if (chain.includes(cur.id) || chain.length > rows.length) throw new Error(`cycle through unit ${cur.code}`);
        chain.unshift(cur.id);
      }
      return `/${chain.join('/')}/`;
    };
    const ancestry = (path: string) =>
      path
        .split('/')
        .filter(Boolean)
        .map((id) => byId.get(Number(id))?.code ?? `?${id}`)
        .join('/');
    return rows.map((r) => ({ code: r.code, stored: r.path, expected: recompute(r.id), ancestry: ancestry(r.path) }));
  }

  async function expectConsistentTree() {
    const state = await treeState();
    expect(state.filter((r) => r.stored !== r.expected)).toEqual([]);
    return new Map(state.map((r) => [r.code, r.ancestry]));
  }

  it('moves a parent and its child in one file and leaves every grandchild with the right path', async () => {
    await importCsv('R,Tỉnh,\nP,Huyện P,R\nQ,Huyện Q,R\nA,Huyện A,R\nB,Xã B,A\nB2,Thôn B2,B\nC,Thôn C,B\nD,Tổ D,C\nD2,Tổ D2,D\n');
    // The child first, then its parent, and a new unit below a grandchild whose ancestors both move.
    const moved = await importCsv('C,Thôn C,Q\nB,Xã B,P\nE,Tổ E,D\n');
    expect(moved).toMatchObject({ ok: true, created: 1, updated: 2 });
    const ancestry = await expectConsistentTree();
    expect(ancestry.get('B2')).toBe('R/P/B/B2');
    expect(ancestry.get('D')).toBe('R/Q/C/D');
    expect(ancestry.get('D2')).toBe('R/Q/C/D/D2');
    expect(ancestry.get('E')).toBe('R/Q/C/D/E');
    const q = (await s.units.byCode('Q'))!;
    const d2 = (await s.units.byCode('D2'))!;
    expect(await s.units.inSubtree(q.id, d2.id)).toBe(true);
    expect(await s.units.breadcrumb(d2)).toEqual(['Tỉnh', 'Huyện Q', 'Thôn C', 'Tổ D', 'Tổ D2']);
  });

  it('refuses a cycle that only the file and the existing tree form together, naming the lines, and changes nothing', async () => {
    await importCsv('K,Khối K,\nX,Sở X,K\nY,Phòng Y,X\nZ,Tổ Z,\n');
    const before = await treeState();
    // Line 2 puts Z under Y (Y is under X in the database); line 3 puts X under Z: X → Z → Y → X.
    const result = await importCsv('Z,Tổ Z,Y\nX,Sở X,Z\nNEW,Mới,X\n');
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, code: 'parent_cycle', params: { value: 'Z' } },
        { line: 3, code: 'parent_cycle', params: { value: 'X' } },
      ],
    });
    expect(await treeState()).toEqual(before);
    expect(await s.units.byCode('NEW')).toBeNull();
  });

  it('keeps every path equal to a recomputation after random valid moves in one file (seeded property test)', async () => {
    const seed = 20261130;
    const random = mulberry32(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const shuffle = <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    };

    // A random tree of 40 units, written parents first.
    const parentOf = new Map<string, string | undefined>();
    for (let i = 0; i < 40; i++) parentOf.set(`P${i}`, i === 0 ? undefined : random() < 0.1 ? undefined : `P${Math.floor(random() * i)}`);
    const toCsv = (codes: string[]) => codes.map((c) => `${c},Đơn vị ${c},${parentOf.get(c) ?? ''}`).join('\n');
    expect(await importCsv(toCsv([...parentOf.keys()]))).toMatchObject({ ok: true, created: 40 });

    const isBelow = (code: string, ancestor: string): boolean => {
      for (let p: string | undefined = code; p !== undefined; p = parentOf.get(p)) if (p === ancestor) return true;
      return false;
    };
    for (let round = 0; round < 25; round++) {
      // Random moves, each valid against the tree the previous moves of the same file left.
      const touched = new Set<string>();
      for (let m = 0; m < 1 + Math.floor(random() * 8); m++) {
        const code = pick([...parentOf.keys()]);
        const candidates = [undefined, ...[...parentOf.keys()].filter((c) => !isBelow(c, code))];
        parentOf.set(code, pick(candidates));
        touched.add(code);
      }
      // Sometimes new units, possibly below each other, listed in random order with the moves.
      for (let n = 0; n < Math.floor(random() * 3); n++) {
        const code = `N${round}_${n}`;
        parentOf.set(code, random() < 0.2 ? undefined : pick([...parentOf.keys()]));
        touched.add(code);
      }
      const result = await importCsv(toCsv(shuffle([...touched])));
      expect(result, `seed ${seed}, round ${round}`).toMatchObject({ ok: true });

      const state = await treeState();
      expect(
        state.filter((r) => r.stored !== r.expected),
        `seed ${seed}, round ${round}`,
      ).toEqual([]);
      const expectedAncestry = (code: string): string => {
        const chain: string[] = [];
        for (let p: string | undefined = code; p !== undefined; p = parentOf.get(p)) chain.unshift(p);
        return chain.join('/');
      };
      const mine = state.filter((r) => parentOf.has(r.code));
      expect(
        mine.filter((r) => r.ancestry !== expectedAncestry(r.code)).map((r) => [r.code, r.ancestry, expectedAncestry(r.code)]),
        `seed ${seed}, round ${round}`,
      ).toEqual([]);
    }
  });
});

/** A small seeded generator (mulberry32): the same seed gives the same trees and moves on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
