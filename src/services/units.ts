import { randomBytes } from 'node:crypto';
import type { EmulationGroup, PrismaClient, Unit } from '../generated/prisma/client.js';
import { fold } from '../domain/text.js';
import { UNIT_CODE, type GroupRow, type UnitRow, type UnitsFileError } from '../domain/units-file.js';
import { planUnitTree, treePaths } from '../domain/unit-tree.js';
import { inSubtree, pathIds, subtreeFilter } from '../domain/scope.js';

export type { Unit, EmulationGroup };

/** Invite codes are what a deep link carries (`?start=u_<code>`): short, URL-safe, unguessable. */
export function newInviteCode(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export type CreateUnitResult =
  | { ok: true; unit: Unit }
  | { ok: false; reason: 'code_invalid' | 'code_taken' | 'parent_unknown' | 'group_unknown' | 'name_missing' };

export type ImportResult =
  | { ok: true; created: number; updated: number; groupsCreated: number }
  | { ok: false; errors: UnitsFileError[] };

/**
 * Đơn vị and khối/cụm thi đua. Units form a tree; each keeps a materialised `path` ("/1/4/9/",
 * itself included) so "is this unit inside the officer's subtree" is a prefix test and a subtree
 * listing is one indexed query.
 */
export class UnitService {
  constructor(private readonly prisma: PrismaClient) {}

  byId(id: number) {
    return this.prisma.unit.findUnique({ where: { id } });
  }

  byCode(code: string) {
    return this.prisma.unit.findUnique({ where: { code } });
  }

  byInviteCode(inviteCode: string) {
    return this.prisma.unit.findUnique({ where: { inviteCode } });
  }

  /** Units directly under `parentId` (roots when null), by name. */
  children(parentId: number | null) {
    return this.prisma.unit.findMany({ where: { parentId }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  }

  /** How many children each of the given units has, for "›" markers in the picker. */
  async childCounts(ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.unit.groupBy({ by: ['parentId'], where: { parentId: { in: ids } }, _count: { _all: true } });
    return new Map(rows.map((r) => [r.parentId!, r._count._all]));
  }

  /** Units whose name contains every word of the query, diacritics ignored ("dong khoi" → "Đồng Khởi"). */
  search(query: string, opts: { withinUnitId?: number; limit?: number; withinPath?: string } = {}) {
    const words = fold(query).split(' ').filter(Boolean);
    if (words.length === 0) return Promise.resolve([] as Unit[]);
    return this.prisma.unit.findMany({
      where: {
        AND: words.map((w) => ({ nameSearch: { contains: w } })),
        ...(opts.withinPath ? { path: subtreeFilter(opts.withinPath) } : {}),
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: opts.limit ?? 8,
    });
  }

  /** True when `unitId` is `rootId` or below it. */
  async inSubtree(rootId: number, unitId: number): Promise<boolean> {
    const [root, unit] = await Promise.all([this.byId(rootId), this.byId(unitId)]);
    return !!root && !!unit && inSubtree(unit.path, root.path);
  }

  /** Ids of a unit and all units below it. */
  async subtreeIds(rootId: number): Promise<number[]> {
    const root = await this.byId(rootId);
    if (!root) return [];
    const rows = await this.prisma.unit.findMany({ where: { path: subtreeFilter(root.path) }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** Names from the root down to the unit: "UBND tỉnh › Sở GD&ĐT › Trường THPT A". */
  async breadcrumb(unit: Unit): Promise<string[]> {
    const ids = pathIds(unit.path);
    const rows = await this.prisma.unit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    return ids.map((id) => byId.get(id) ?? '?');
  }

  async create(input: { code: string; name: string; parentCode?: string; groupCode?: string }): Promise<CreateUnitResult> {
    const name = input.name.normalize('NFC').trim();
    if (!UNIT_CODE.test(input.code)) return { ok: false, reason: 'code_invalid' };
    if (!name) return { ok: false, reason: 'name_missing' };
    if (await this.byCode(input.code)) return { ok: false, reason: 'code_taken' };
    const group = input.groupCode ? await this.prisma.emulationGroup.findUnique({ where: { code: input.groupCode } }) : null;
    if (input.groupCode && !group) return { ok: false, reason: 'group_unknown' };
    try {
      return await this.prisma.$transaction(async (tx): Promise<CreateUnitResult> => {
        // The parent's path is read under the tree lock: an import moving it cannot interleave.
        await lockUnitTree(tx);
        const parent = input.parentCode ? await tx.unit.findUnique({ where: { code: input.parentCode } }) : null;
        if (input.parentCode && !parent) return { ok: false, reason: 'parent_unknown' };
        const created = await tx.unit.create({
          data: { code: input.code, name, nameSearch: fold(name), parentId: parent?.id ?? null, groupId: group?.id ?? null, inviteCode: newInviteCode() },
        });
        const unit = await tx.unit.update({ where: { id: created.id }, data: { path: `${parent?.path ?? '/'}${created.id}/` } });
        return { ok: true, unit };
      });
    } catch (e) {
      if ((e as { code?: string }).code === 'P2002') return { ok: false, reason: 'code_taken' };
      throw e;
    }
  }

  /** Issues a new invite code; the old deep link stops working. */
  rotateInvite(unitId: number) {
    return this.prisma.unit.update({ where: { id: unitId }, data: { inviteCode: newInviteCode() } });
  }

  listGroups() {
    return this.prisma.emulationGroup.findMany({ orderBy: { code: 'asc' }, include: { _count: { select: { units: true } } } });
  }

  async createGroup(input: { code: string; name: string; kind?: 'BLOCK' | 'CLUSTER' }) {
    if (!UNIT_CODE.test(input.code)) return { ok: false as const, reason: 'code_invalid' as const };
    try {
      const group = await this.prisma.emulationGroup.create({
        data: { code: input.code, name: input.name.normalize('NFC').trim() || input.code, kind: input.kind ?? 'BLOCK' },
      });
      return { ok: true as const, group };
    } catch (e) {
      if ((e as { code?: string }).code === 'P2002') return { ok: false as const, reason: 'code_taken' as const };
      throw e;
    }
  }

  /**
   * Imports a checked units file in one transaction: units are created or renamed/moved by code,
   * unknown group codes are created (named after their code unless the file names them).
   *
   * The final tree is computed before anything is written (see `domain/unit-tree.ts`): a parent
   * that is neither in the file nor in the database, and every row on a cycle the file would form
   * (alone or with the existing tree), are reported with their lines and nothing is saved.
   * Then every path that changes — moved units, their whole subtrees, new units — is written once,
   * so the order of the rows and moves of relatives in one file cannot leave a stale path.
   */
  async importUnits(units: UnitRow[], groups: GroupRow[]): Promise<ImportResult> {
    return this.prisma.$transaction(
      async (tx) => {
        await lockUnitTree(tx);
        const current = await tx.unit.findMany({ select: { id: true, code: true, parentId: true, path: true } });
        const codeById = new Map(current.map((u) => [u.id, u.code]));
        const plan = planUnitTree(new Map(current.map((u) => [u.code, u.parentId === null ? undefined : codeById.get(u.parentId)])), units);
        if (!plan.ok) return plan;

        const { groupIds, groupsCreated } = await upsertGroups(tx, units, groups);
        const idByCode = new Map(current.map((u) => [u.code, u.id]));
        let created = 0;
        let updated = 0;
        for (const row of units) {
          const data = { name: row.name, nameSearch: fold(row.name), groupId: row.group ? groupIds.get(row.group)! : null };
          const id = idByCode.get(row.code);
          if (id === undefined) {
            // Parent and path are set below with everyone else's, once every new id is known.
            const u = await tx.unit.create({ data: { ...data, code: row.code, inviteCode: newInviteCode() }, select: { id: true } });
            idByCode.set(row.code, u.id);
            created++;
          } else {
            await tx.unit.update({ where: { id }, data });
            updated++;
          }
        }

        const parentIdOf = new Map<number, number | null>();
        for (const [code, parentCode] of plan.parentOf) {
          parentIdOf.set(idByCode.get(code)!, parentCode === undefined ? null : idByCode.get(parentCode)!);
        }
        const before = new Map(current.map((u) => [u.id, u]));
        const changed = [...treePaths(parentIdOf)]
          .map(([id, path]) => ({ id, path, parentId: parentIdOf.get(id)! }))
          .filter((u) => before.get(u.id)?.path !== u.path || before.get(u.id)?.parentId !== u.parentId);
        await writeTreeRows(tx, changed);
        return { ok: true as const, created, updated, groupsCreated };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Serialises changes to the unit tree (imports, new units): a path is computed from the parents'
 * paths, so two writers interleaving could each write a path the other just made stale.
 */
async function lockUnitTree(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${UNIT_TREE_LOCK_KEY})`);
}

/** Advisory lock key of the unit tree ("UNIT" in ASCII), distinct from the migrator's. */
const UNIT_TREE_LOCK_KEY = 0x554e4954;

/** Writes parent and path of the given units in one statement (arrays, as the reminder queue does). */
async function writeTreeRows(tx: Tx, rows: { id: number; parentId: number | null; path: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => String(r.id));
  const parents = rows.map((r) => (r.parentId === null ? null : String(r.parentId)));
  const paths = rows.map((r) => r.path);
  await tx.$executeRaw`
    UPDATE unit AS u SET parent_id = v.parent_id::int, path = v.path
    FROM unnest(${ids}::text[], ${parents}::text[], ${paths}::text[]) AS v(id, parent_id, path)
    WHERE u.id = v.id::int`;
}

/** Creates the khối/cụm a file names that do not exist yet and renames the ones it redeclares. */
async function upsertGroups(tx: Tx, units: UnitRow[], groups: GroupRow[]): Promise<{ groupIds: Map<string, number>; groupsCreated: number }> {
  let groupsCreated = 0;
  const groupIds = new Map<string, number>();
  const groupCodes = new Set([...groups.map((g) => g.code), ...units.map((u) => u.group).filter((g): g is string => !!g)]);
  for (const code of groupCodes) {
    const declared = groups.find((g) => g.code === code);
    const found = await tx.emulationGroup.findUnique({ where: { code } });
    if (found) {
      if (declared && (declared.name !== found.name || declared.kind !== found.kind)) {
        await tx.emulationGroup.update({ where: { id: found.id }, data: { name: declared.name, kind: declared.kind } });
      }
      groupIds.set(code, found.id);
    } else {
      const g = await tx.emulationGroup.create({ data: { code, name: declared?.name ?? code, kind: declared?.kind ?? 'BLOCK' } });
      groupIds.set(code, g.id);
      groupsCreated++;
    }
  }
  return { groupIds, groupsCreated };
}
