import { randomBytes } from 'node:crypto';
import type { EmulationGroup, Prisma, PrismaClient, Unit } from '../generated/prisma/client.js';
import { authorize, loadActor, type ActorRef, type AuthRefusal } from './actors.js';
import { writeAudit } from './audit.js';
import { fold } from '../domain/text.js';
import { ADDRESS_FORMS, DEFAULT_ADDRESS_FORM, type AddressForm } from '../domain/address.js';
import { UNIT_CODE, parseUnitsFile, type GroupRow, type UnitRow, type UnitsFileError } from '../domain/units-file.js';
import { planUnitTree, treePaths } from '../domain/unit-tree.js';
import { inSubtree, pathIds, subtreeFilter } from '../domain/scope.js';
import type { JoinPolicy } from '../domain/join-policy.js';

export type { Unit, EmulationGroup };

type Tx = Prisma.TransactionClient;

/** A unit to create: code, name, and optionally its parent's and its khối/cụm's codes. */
export interface NewUnit {
  code: string;
  name: string;
  parentCode?: string;
  groupCode?: string;
  /** Who may join it by themselves; default invite-only (domain/join-policy.ts). */
  join?: JoinPolicy;
}

/** A khối/cụm thi đua to create. */
export interface NewGroup {
  code: string;
  name: string;
  kind?: 'BLOCK' | 'CLUSTER';
}

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

  /** True when `unitId` is `rootId` or below it (by id; the rule itself is `domain/scope.ts`). */
  async inSubtree(rootId: number, unitId: number): Promise<boolean> {
    const [root, unit] = await Promise.all([this.byId(rootId), this.byId(unitId)]);
    return !!root && !!unit && inSubtree(unit.path, root.path);
  }


  /** Names from the root down to the unit: "UBND tỉnh › Sở GD&ĐT › Trường THPT A". */
  async breadcrumb(unit: Unit): Promise<string[]> {
    const ids = pathIds(unit.path);
    const rows = await this.prisma.unit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    return ids.map((id) => byId.get(id) ?? '?');
  }

  /**
   * Creates a unit (trusted: seeding, tests, benchmarks). People add units through {@link addUnit},
   * which decides who may.
   */
  async create(input: NewUnit): Promise<CreateUnitResult> {
    try {
      return await this.prisma.$transaction((tx) => this.createIn(tx, input));
    } catch (e) {
      if ((e as { code?: string }).code === 'P2002') return { ok: false, reason: 'code_taken' };
      throw e;
    }
  }

  /** /addunit: an admin adds a unit. Decided on the actor as they are now; audited with the change, refusals included. */
  async addUnit(input: NewUnit & { actor: ActorRef }): Promise<CreateUnitResult | { ok: false; reason: 'forbidden' }> {
    const { actor, ...unit } = input;
    return this.asAdmin(actor, 'unit.create', { code: unit.code }, (tx) => this.createIn(tx, unit), (r) => ({ target: `unit:${r.unit.id}`, details: { code: unit.code, join: r.unit.joinPolicy } }));
  }

  private async createIn(tx: Tx, input: NewUnit): Promise<CreateUnitResult> {
    const name = input.name.normalize('NFC').trim();
    if (!UNIT_CODE.test(input.code)) return { ok: false, reason: 'code_invalid' };
    if (!name) return { ok: false, reason: 'name_missing' };
    // The parent's path is read under the tree lock: an import moving it cannot interleave.
    await lockUnitTree(tx);
    if (await tx.unit.findUnique({ where: { code: input.code } })) return { ok: false, reason: 'code_taken' };
    const group = input.groupCode ? await tx.emulationGroup.findUnique({ where: { code: input.groupCode } }) : null;
    if (input.groupCode && !group) return { ok: false, reason: 'group_unknown' };
    const parent = input.parentCode ? await tx.unit.findUnique({ where: { code: input.parentCode } }) : null;
    if (input.parentCode && !parent) return { ok: false, reason: 'parent_unknown' };
    const created = await tx.unit.create({
      data: {
        code: input.code,
        name,
        nameSearch: fold(name),
        parentId: parent?.id ?? null,
        groupId: group?.id ?? null,
        inviteCode: newInviteCode(),
        ...(input.join ? { joinPolicy: input.join } : {}),
      },
    });
    const unit = await tx.unit.update({ where: { id: created.id }, data: { path: `${parent?.path ?? '/'}${created.id}/` } });
    return { ok: true, unit };
  }

  /**
   * Runs an admin-only use case in one transaction: the actor is re-read and must be an admin now;
   * the change and its audit row (OK, or REFUSED with the reason the change gave) commit together.
   * A code clash raced in by someone else rolls everything back and is answered `code_taken`.
   */
  private async asAdmin<R extends { ok: true } | { ok: false }>(
    actor: ActorRef,
    action: string,
    facts: Record<string, string | number>,
    change: (tx: Tx) => Promise<R>,
    ok: (r: Extract<R, { ok: true }>) => { target?: string; details?: Prisma.InputJsonValue },
    refusal: (r: Exclude<R, { ok: true }>) => Prisma.InputJsonValue = (r) => ({ ...facts, reason: 'reason' in r ? String(r.reason) : 'invalid' }),
  ): Promise<R | { ok: false; reason: 'forbidden' | 'code_taken' }> {
    try {
      return await this.prisma.$transaction(
        async (tx) => {
          const who = await authorize(tx, actor, { action, need: 'ADMIN', details: facts });
          if (!who.ok) return { ok: false as const, reason: 'forbidden' as const };
          const r = await change(tx);
          const base = { actorId: who.actor.id, actorRef: who.actor.ref, action };
          if (r.ok) await writeAudit(tx, { ...base, ...ok(r as Extract<R, { ok: true }>) });
          else await writeAudit(tx, { ...base, outcome: 'REFUSED', details: refusal(r as Exclude<R, { ok: true }>) });
          return r;
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
    } catch (e) {
      if ((e as { code?: string }).code !== 'P2002') throw e;
      await writeAudit(this.prisma, { actorId: actor.id, action, outcome: 'REFUSED', details: { ...facts, reason: 'code_taken' } });
      return { ok: false, reason: 'code_taken' };
    }
  }

  /** Issues a new invite code; the old deep link stops working. */
  rotateInvite(unitId: number) {
    return this.prisma.unit.update({ where: { id: unitId }, data: { inviteCode: newInviteCode() } });
  }

  listGroups() {
    return this.prisma.emulationGroup.findMany({ orderBy: { code: 'asc' }, include: { _count: { select: { units: true } } } });
  }

  /** Creates a khối/cụm (trusted: seeding, tests). People add them through {@link addGroup}. */
  async createGroup(input: NewGroup) {
    try {
      return await this.prisma.$transaction((tx) => this.createGroupIn(tx, input));
    } catch (e) {
      if ((e as { code?: string }).code === 'P2002') return { ok: false as const, reason: 'code_taken' as const };
      throw e;
    }
  }

  /** /addgroup: an admin adds a khối/cụm thi đua; decided and audited like {@link addUnit}. */
  async addGroup(input: NewGroup & { actor: ActorRef }) {
    const { actor, ...group } = input;
    return this.asAdmin(actor, 'group.create', { code: group.code }, (tx) => this.createGroupIn(tx, group), (r) => ({ target: `group:${r.group.id}`, details: { code: group.code } }));
  }

  private async createGroupIn(tx: Tx, input: NewGroup) {
    if (!UNIT_CODE.test(input.code)) return { ok: false as const, reason: 'code_invalid' as const };
    if (await tx.emulationGroup.findUnique({ where: { code: input.code } })) return { ok: false as const, reason: 'code_taken' as const };
    const group = await tx.emulationGroup.create({
      data: { code: input.code, name: input.name.normalize('NFC').trim() || input.code, kind: input.kind ?? 'BLOCK' },
    });
    return { ok: true as const, group };
  }

  /**
   * /importunits: an admin sends a units file (CSV or YAML). Parsed and imported as one use case:
   * the admin check, the import ({@link importUnits}) and the audit row — OK with the counts, or
   * REFUSED with how many problems the file had — commit together.
   */
  async importFile(input: { actor: ActorRef; text: string; format: 'csv' | 'yaml'; fileName: string }): Promise<ImportResult | { ok: false; reason: 'forbidden' | 'code_taken' }> {
    const parsed = parseUnitsFile(input.text, input.format);
    return this.asAdmin(
      input.actor,
      'unit.import',
      { file: input.fileName },
      async (tx): Promise<ImportResult> => {
        if (parsed.ok) return this.importIn(tx, parsed.units, parsed.groups);
        // Every problem at once: the file's own, then what only the database can tell (unknown
        // parents and groups, cycles with the tree) for the rows that could be read.
        const more = parsed.units ? await this.treeProblems(tx, parsed.units, parsed.groups ?? []) : [];
        const seen = new Set(parsed.errors.map((e) => `${e.line}:${e.code}`));
        const errors = [...parsed.errors, ...more.filter((e) => !seen.has(`${e.line}:${e.code}`))].sort((a, b) => a.line - b.line);
        return { ok: false, errors };
      },
      (r) => ({ details: { file: input.fileName, created: r.created, updated: r.updated, groups: r.groupsCreated } }),
      (r) => ({ file: input.fileName, errors: 'errors' in r ? r.errors.length : 0 }),
    );
  }

  /**
   * How far the setup of a new bot has come, for the first admin's checklist: units in the tree,
   * officers named, members who have joined a unit (admins and officers included).
   */
  async setupStatus(): Promise<{ units: number; officers: number; joined: number }> {
    const [units, officers, joined] = await Promise.all([
      this.prisma.unit.count(),
      this.prisma.member.count({ where: { role: 'OFFICER', leftAt: null } }),
      this.prisma.member.count({ where: { unitId: { not: null }, leftAt: null } }),
    ]);
    return { units, officers, joined };
  }

  /**
   * /invite [unit code]: an officer's invite link for a unit in their subtree (their own unit by
   * default; admins: any). Decided here and audited, given or refused.
   */
  async invite(input: { actor: ActorRef; code?: string }): Promise<
    | { ok: true; unit: Unit }
    | { ok: false; reason: 'unknown_unit'; code: string }
    | { ok: false; reason: 'ambiguous'; code: string; units: Unit[] }
    | { ok: false; reason: 'no_unit' }
    | { ok: false; reason: AuthRefusal; unit: Unit | null }
  > {
    // What the officer typed: a unit code in any case ("thpt_a"), else words of its name without
    // diacritics ("vi thanh"), looked for in their own subtree (admins: everywhere). Several
    // matches: the channel offers them to pick from, by code.
    if (input.code) {
      const typed = input.code.trim();
      const exact = await this.prisma.unit.findFirst({ where: { code: { equals: typed, mode: 'insensitive' } } });
      if (!exact) {
        const me = await loadActor(this.prisma, input.actor);
        const within = me && me.role !== 'ADMIN' ? (me.unitPath ?? undefined) : undefined;
        const found = me && (me.role === 'ADMIN' || within) ? await this.search(typed, { limit: 9, ...(within ? { withinPath: within } : {}) }) : [];
        if (found.length > 1) return { ok: false, reason: 'ambiguous', code: typed, units: found.slice(0, 8) };
        if (found.length === 1) return this.invite({ actor: input.actor, code: found[0]!.code });
      } else if (exact.code !== typed) return this.invite({ actor: input.actor, code: exact.code });
    }
    return this.prisma.$transaction(async (tx) => {
      const me = await tx.member.findUnique({ where: { id: input.actor.id }, select: { unitId: true } });
      const unit = input.code ? await tx.unit.findUnique({ where: { code: input.code } }) : me?.unitId ? await tx.unit.findUnique({ where: { id: me.unitId } }) : null;
      const target = unit ? `unit:${unit.id}` : null;
      const who = await authorize(tx, input.actor, { action: 'unit.invite', need: 'OFFICER', target, ...(unit ? { path: unit.path } : {}) });
      if (!who.ok) return { ok: false as const, reason: who.reason, unit };
      if (!unit) return input.code ? { ok: false as const, reason: 'unknown_unit' as const, code: input.code } : { ok: false as const, reason: 'no_unit' as const };
      await writeAudit(tx, { actorId: who.actor.id, actorRef: who.actor.ref, action: 'unit.invite', target });
      return { ok: true as const, unit };
    });
  }

  /**
   * /joinpolicy CODE open|invite|approval: changes who may join a unit by themselves. Admins for any
   * unit, officers for a unit in their own subtree; decided on the actor as they are now, the change
   * and its audit row (from → to), or the refusal, in one transaction.
   */
  async setJoinPolicy(input: { actor: ActorRef; code: string; policy: JoinPolicy }) {
    return this.changeUnitSetting(input.actor, input.code, 'unit.join_policy', 'joinPolicy', input.policy);
  }

  /**
   * Xưng hô of a unit's people (/addressform CODE Đồng chí | Anh/Chị): an admin, or an officer whose
   * subtree holds the unit. Units below without their own form follow it. Audited, given or refused.
   */
  async setAddressForm(input: { actor: ActorRef; code: string; form: AddressForm }) {
    const r = await this.changeUnitSetting(input.actor, input.code, 'unit.address_form', 'addressForm', input.form);
    if (r.ok) this.addressForms = null;
    return r;
  }

  /**
   * One setting of a unit, changed by an admin or an officer whose subtree holds it (the unit by its
   * code in any case): decided on the actor as they are now, the change and its audit row (from →
   * to), or the refusal, in one transaction.
   */
  private changeUnitSetting<F extends 'joinPolicy' | 'addressForm'>(
    actor: ActorRef,
    code: string,
    action: string,
    field: F,
    value: NonNullable<Unit[F]>,
  ): Promise<
    | { ok: true; unit: Unit; from: Unit[F] }
    | { ok: false; reason: 'unknown_unit'; code: string }
    | { ok: false; reason: AuthRefusal; unit: Unit | null }
  > {
    return this.prisma.$transaction(async (tx) => {
      const unit = await tx.unit.findFirst({ where: { code: { equals: code.trim(), mode: 'insensitive' } } });
      const target = unit ? `unit:${unit.id}` : null;
      const who = await authorize(tx, actor, { action, need: 'OFFICER', target, details: { code, to: value }, ...(unit ? { path: unit.path } : {}) });
      if (!who.ok) return { ok: false as const, reason: who.reason, unit };
      if (!unit) return { ok: false as const, reason: 'unknown_unit' as const, code };
      const updated = await tx.unit.update({ where: { id: unit.id }, data: { [field]: value } });
      await writeAudit(tx, { actorId: who.actor.id, actorRef: who.actor.ref, action, target, details: { code: unit.code, from: unit[field], to: value } });
      return { ok: true as const, unit: updated, from: unit[field] };
    });
  }

  /** Units' own forms of address and parents, read at most once a minute (they change rarely). */
  private addressForms: { at: number; units: Map<number, { parentId: number | null; form: string | null }> } | null = null;

  /**
   * The form of address of a unit's people: the unit's own, else the nearest unit above with one,
   * else "Đồng chí". Cached for a minute, so reading it with every update costs nothing.
   */
  async addressFormOf(unitId: number | null | undefined): Promise<AddressForm> {
    return this.addressFormCached(unitId) ?? (await this.loadAddressForms(), this.addressFormCached(unitId)!);
  }

  /** {@link addressFormOf} without waiting: undefined when the cached forms are missing or a minute old. */
  addressFormCached(unitId: number | null | undefined): AddressForm | undefined {
    if (!unitId) return DEFAULT_ADDRESS_FORM;
    if (!this.addressForms || Date.now() - this.addressForms.at > 60_000) return undefined;
    return this.formIn(this.addressForms.units, unitId);
  }

  private async loadAddressForms(): Promise<void> {
    const rows = await this.prisma.unit.findMany({ select: { id: true, parentId: true, addressForm: true } });
    this.addressForms = { at: Date.now(), units: new Map(rows.map((u) => [u.id, { parentId: u.parentId, form: u.addressForm }])) };
  }

  private formIn(units: Map<number, { parentId: number | null; form: string | null }>, unitId: number): AddressForm {
    for (let id: number | null = unitId, hops = 0; id !== null && hops < 64; hops++) {
      const u = units.get(id);
      if (!u) break;
      if (u.form && (ADDRESS_FORMS as readonly string[]).includes(u.form)) return u.form as AddressForm;
      id = u.parentId;
    }
    return DEFAULT_ADDRESS_FORM;
  }

  /**
   * /units: the unit tree an officer manages (their subtree; admins: everything, with the khối/cụm).
   * Refusals are audited.
   */
  async treeFor(actor: ActorRef): Promise<
    | { ok: true; root: Unit | null; units: Array<Unit & { group: EmulationGroup | null }>; groups: Awaited<ReturnType<UnitService['listGroups']>> }
    | { ok: false; reason: AuthRefusal | 'no_unit' }
  > {
    const who = await authorize(this.prisma, actor, { action: 'units.view', need: 'OFFICER' });
    if (!who.ok) return { ok: false, reason: who.reason };
    const admin = who.actor.role === 'ADMIN';
    const root = admin || !who.actor.unitId ? null : await this.byId(who.actor.unitId);
    if (!admin && !root) return { ok: false, reason: 'no_unit' };
    const units = await this.prisma.unit.findMany({ where: root ? { path: subtreeFilter(root.path) } : {}, orderBy: { path: 'asc' }, include: { group: true } });
    return { ok: true, root, units, groups: admin ? await this.listGroups() : [] };
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
    return this.prisma.$transaction((tx) => this.importIn(tx, units, groups), { timeout: 60_000, maxWait: 10_000 });
  }

  /**
   * What the database adds to a file's problems: parents that exist neither in the file nor in the
   * tree, cycles with the tree, and khối/cụm codes neither declared in the file nor existing — a
   * mistyped group code is an error, not a new group made silently.
   */
  private async treeProblems(tx: Tx, units: UnitRow[], groups: GroupRow[]): Promise<UnitsFileError[]> {
    const current = await tx.unit.findMany({ select: { id: true, code: true, parentId: true } });
    const codeById = new Map(current.map((u) => [u.id, u.code]));
    const valid = units.filter((u) => UNIT_CODE.test(u.code));
    const plan = planUnitTree(new Map(current.map((u) => [u.code, u.parentId === null ? undefined : codeById.get(u.parentId)])), valid);
    const errors: UnitsFileError[] = plan.ok ? [] : [...plan.errors];
    const declared = new Set(groups.map((g) => g.code));
    const used = [...new Set(units.map((u) => u.group).filter((g): g is string => !!g && !declared.has(g) && UNIT_CODE.test(g)))];
    const existing = new Set((await tx.emulationGroup.findMany({ where: { code: { in: used } }, select: { code: true } })).map((g) => g.code));
    for (const u of units) {
      if (u.group && !declared.has(u.group) && UNIT_CODE.test(u.group) && !existing.has(u.group)) errors.push({ line: u.line, code: 'group_unknown', params: { value: u.group } });
    }
    return errors.sort((a, b) => a.line - b.line);
  }

  private async importIn(tx: Tx, units: UnitRow[], groups: GroupRow[]): Promise<ImportResult> {
    await lockUnitTree(tx);
    const problems = await this.treeProblems(tx, units, groups);
    if (problems.length > 0) return { ok: false, errors: problems };
    const current = await tx.unit.findMany({ select: { id: true, code: true, parentId: true, path: true } });
    const codeById = new Map(current.map((u) => [u.id, u.code]));
    const plan = planUnitTree(new Map(current.map((u) => [u.code, u.parentId === null ? undefined : codeById.get(u.parentId)])), units);
    if (!plan.ok) return plan;

    const { groupIds, groupsCreated } = await upsertGroups(tx, units, groups);
    const idByCode = new Map(current.map((u) => [u.code, u.id]));
    let created = 0;
    let updated = 0;
    for (const row of units) {
      // A row without `join` leaves an existing unit's policy alone (a new one gets the default).
      const data = { name: row.name, nameSearch: fold(row.name), groupId: row.group ? groupIds.get(row.group)! : null, ...(row.join ? { joinPolicy: row.join } : {}) };
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
  }
}


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
