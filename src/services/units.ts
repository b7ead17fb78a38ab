import { randomBytes } from 'node:crypto';
import type { EmulationGroup, PrismaClient, Unit } from '../generated/prisma/client.js';
import { fold } from '../domain/text.js';
import { parentsFirst, UNIT_CODE, type GroupRow, type UnitRow, type UnitsFileError } from '../domain/units-file.js';

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
        ...(opts.withinPath ? { path: { startsWith: opts.withinPath } } : {}),
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: opts.limit ?? 8,
    });
  }

  /** True when `unitId` is `rootId` or below it. */
  async inSubtree(rootId: number, unitId: number): Promise<boolean> {
    const [root, unit] = await Promise.all([this.byId(rootId), this.byId(unitId)]);
    return !!root && !!unit && unit.path.startsWith(root.path);
  }

  /** Ids of a unit and all units below it. */
  async subtreeIds(rootId: number): Promise<number[]> {
    const root = await this.byId(rootId);
    if (!root) return [];
    const rows = await this.prisma.unit.findMany({ where: { path: { startsWith: root.path } }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** Names from the root down to the unit: "UBND tỉnh › Sở GD&ĐT › Trường THPT A". */
  async breadcrumb(unit: Unit): Promise<string[]> {
    const ids = unit.path.split('/').filter(Boolean).map(Number);
    const rows = await this.prisma.unit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    return ids.map((id) => byId.get(id) ?? '?');
  }

  async create(input: { code: string; name: string; parentCode?: string; groupCode?: string }): Promise<CreateUnitResult> {
    const name = input.name.normalize('NFC').trim();
    if (!UNIT_CODE.test(input.code)) return { ok: false, reason: 'code_invalid' };
    if (!name) return { ok: false, reason: 'name_missing' };
    if (await this.byCode(input.code)) return { ok: false, reason: 'code_taken' };
    const parent = input.parentCode ? await this.byCode(input.parentCode) : null;
    if (input.parentCode && !parent) return { ok: false, reason: 'parent_unknown' };
    const group = input.groupCode ? await this.prisma.emulationGroup.findUnique({ where: { code: input.groupCode } }) : null;
    if (input.groupCode && !group) return { ok: false, reason: 'group_unknown' };
    try {
      const unit = await this.prisma.$transaction(async (tx) => {
        const created = await tx.unit.create({
          data: { code: input.code, name, nameSearch: fold(name), parentId: parent?.id ?? null, groupId: group?.id ?? null, inviteCode: newInviteCode() },
        });
        return tx.unit.update({ where: { id: created.id }, data: { path: `${parent?.path ?? '/'}${created.id}/` } });
      });
      return { ok: true, unit };
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
   * unknown group codes are created (named after their code unless the file names them). A parent
   * that is neither in the file nor in the database is reported with its line and nothing is saved.
   */
  async importUnits(units: UnitRow[], groups: GroupRow[]): Promise<ImportResult> {
    const codesInFile = new Set(units.map((u) => u.code));
    const parentCodes = [...new Set(units.map((u) => u.parent).filter((p): p is string => !!p && !codesInFile.has(p)))];
    const existingParents = await this.prisma.unit.findMany({ where: { code: { in: parentCodes } } });
    const known = new Set(existingParents.map((p) => p.code));
    const errors: UnitsFileError[] = units
      .filter((u) => u.parent && !codesInFile.has(u.parent) && !known.has(u.parent))
      .map((u) => ({ line: u.line, code: 'parent_unknown' as const, params: { value: u.parent! } }));
    const existing = await this.prisma.unit.findMany({ where: { code: { in: [...codesInFile] } } });
    const existingByCode = new Map(existing.map((u) => [u.code, u]));
    // Moving a unit below one of its own descendants would corrupt the tree.
    const dbParentByCode = new Map(existingParents.map((p) => [p.code, p]));
    for (const u of units) {
      const prior = existingByCode.get(u.code);
      const parent = u.parent ? dbParentByCode.get(u.parent) : undefined;
      if (prior && parent && parent.path.startsWith(prior.path)) {
        errors.push({ line: u.line, code: 'parent_cycle', params: { value: u.code } });
      }
    }
    if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };

    return this.prisma.$transaction(
      async (tx) => {
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
        const pathByCode = new Map(existingParents.map((p) => [p.code, { id: p.id, path: p.path }]));
        let created = 0;
        let updated = 0;
        for (const row of parentsFirst(units)) {
          const parent = row.parent ? pathByCode.get(row.parent) : undefined;
          const data = {
            name: row.name,
            nameSearch: fold(row.name),
            parentId: parent?.id ?? null,
            groupId: row.group ? groupIds.get(row.group)! : null,
          };
          const prior = existingByCode.get(row.code);
          if (prior) {
            const path = `${parent?.path ?? '/'}${prior.id}/`;
            await tx.unit.update({ where: { id: prior.id }, data: { ...data, path } });
            if (path !== prior.path) {
              // Re-root the subtree of a moved unit.
              await tx.$executeRaw`UPDATE unit SET path = ${path} || substr(path, ${prior.path.length + 1}) WHERE path LIKE ${prior.path + '%'} AND id <> ${prior.id}`;
            }
            pathByCode.set(row.code, { id: prior.id, path });
            updated++;
          } else {
            const u = await tx.unit.create({ data: { ...data, code: row.code, inviteCode: newInviteCode() } });
            const path = `${parent?.path ?? '/'}${u.id}/`;
            await tx.unit.update({ where: { id: u.id }, data: { path } });
            pathByCode.set(row.code, { id: u.id, path });
            created++;
          }
        }
        return { ok: true as const, created, updated, groupsCreated };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }
}
