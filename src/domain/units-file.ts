import { parseDocument, isSeq, isMap, LineCounter } from 'yaml';
import { z } from 'zod';
import { csvRows } from './csv.js';
import { checkYamlNesting, MAX_NESTING, MAX_YAML_ALIASES, yamlToData } from './file-limits.js';
import { parseJoinPolicy, type JoinPolicy } from './join-policy.js';

/**
 * A units file (danh sách đơn vị) an admin uploads to build the unit tree in one go.
 *
 * CSV: a header `code,name,parent,group` (parent and group may be empty; an optional `join` column),
 * one unit per line; fields containing commas are quoted with "…". YAML: either a list of units or
 * `{ groups: [{ code, name, kind }], units: [{ code, name, parent, group, join }] }`. `join` is the
 * unit's join policy — open | invite | approval (domain/join-policy.ts); left out, a new unit is
 * invite-only and an existing one keeps its policy.
 *
 * Nothing here touches the database: the parser checks the file on its own (codes, duplicates,
 * parents defined in the file or — checked later by the service — already in the database,
 * cycles) and reports each problem with its line number, so the admin can fix the file and
 * nothing is imported half-way.
 *
 * @example
 * parseUnitsFile('code,name,parent,group\nTINH,UBND tỉnh,,\nSO_GD,Sở Giáo dục,TINH,KHOI_VX', 'csv')
 */
export interface UnitRow {
  code: string;
  name: string;
  parent?: string | undefined;
  group?: string | undefined;
  /** The join policy the file sets; undefined = new units invite-only, existing ones unchanged. */
  join?: JoinPolicy | undefined;
  /** The `join` value as written, when it names no policy (reported as `join_invalid`). */
  joinWritten?: string | undefined;
  line: number;
}

export interface GroupRow {
  code: string;
  name: string;
  kind: 'BLOCK' | 'CLUSTER';
  line: number;
}

export type UnitsFileError = { line: number; code: UnitsFileErrorCode; params?: Record<string, string | number> };
export type UnitsFileErrorCode =
  | 'file_empty'
  | 'file_syntax'
  | 'file_header'
  | 'code_invalid'
  | 'name_missing'
  | 'name_too_long'
  | 'code_duplicate'
  | 'parent_self'
  | 'parent_cycle'
  | 'parent_unknown'
  | 'too_many_rows'
  | 'file_too_deep'
  | 'file_aliases'
  | 'group_invalid'
  | 'group_unknown'
  | 'join_invalid';

export type UnitsFileResult =
  | { ok: true; units: UnitRow[]; groups: GroupRow[] }
  /** The rows that could be read come with the errors, so the service can add its own (parents, groups) to the same answer. */
  | { ok: false; errors: UnitsFileError[]; units?: UnitRow[]; groups?: GroupRow[] };

export const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
export const MAX_UNITS_PER_FILE = 5000;
export const MAX_UNIT_NAME = 200;

function parseCsv(text: string): UnitsFileResult {
  // Blank lines and "#" comments are skipped; cells are trimmed.
  const rows = csvRows(text)
    .map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== '') && !r.cells[0]!.startsWith('#'));
  const [head, ...body] = rows;
  if (!head) return { ok: false, errors: [{ line: 1, code: 'file_empty' }] };
  const header = head.cells.map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col('code') < 0 || col('name') < 0) {
    return { ok: false, errors: [{ line: head.line, code: 'file_header', params: { expected: 'code,name,parent,group' } }] };
  }
  const units: UnitRow[] = body.map(({ line, cells }) => {
    const get = (name: string) => {
      const idx = col(name);
      const v = idx >= 0 ? cells[idx] : undefined;
      return v === undefined || v === '' ? undefined : v;
    };
    return { code: get('code') ?? '', name: get('name') ?? '', parent: get('parent'), group: get('group'), ...joinOf(get('join')), line };
  });
  return { ok: true, units, groups: [] };
}

const yamlUnit = z.object({
  code: z.union([z.string(), z.number()]).transform(String),
  name: z.string().optional(),
  parent: z.union([z.string(), z.number()]).transform(String).optional().nullable(),
  group: z.union([z.string(), z.number()]).transform(String).optional().nullable(),
  join: z.union([z.string(), z.number()]).transform(String).optional().nullable(),
});

/** The row fields of a `join` value: the policy, or what was written when it names none. */
function joinOf(value: string | null | undefined): Pick<UnitRow, 'join' | 'joinWritten'> {
  if (value === undefined || value === null || value.trim() === '') return {};
  const join = parseJoinPolicy(value);
  return join ? { join } : { joinWritten: value };
}
const yamlGroup = z.object({
  code: z.union([z.string(), z.number()]).transform(String),
  name: z.string().optional(),
  kind: z.enum(['BLOCK', 'CLUSTER']).optional(),
});

function parseYaml(text: string): UnitsFileResult {
  const nesting = checkYamlNesting(text);
  if (!nesting.ok) return { ok: false, errors: [{ line: nesting.line, code: 'file_too_deep', params: { max: MAX_NESTING } }] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = lineCounter.linePos(first.pos[0]).line;
    return { ok: false, errors: [{ line, code: 'file_syntax', params: { message: first.message.split('\n')[0] ?? '' } }] };
  }
  const data = yamlToData(doc, (offset) => lineCounter.linePos(offset).line);
  if (!data.ok) return { ok: false, errors: [{ line: data.line, code: 'file_aliases', params: { max: MAX_YAML_ALIASES } }] };
  const root = doc.contents;
  const unitsNode = isSeq(root) ? root : isMap(root) ? root.get('units', true) : undefined;
  const groupsNode = isMap(root) ? root.get('groups', true) : undefined;
  if (!isSeq(unitsNode)) return { ok: false, errors: [{ line: 1, code: 'file_empty' }] };
  const errors: UnitsFileError[] = [];
  const lineOf = (node: unknown) => {
    const range = (node as { range?: [number, number, number] }).range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const units: UnitRow[] = [];
  for (const item of unitsNode.items) {
    const line = lineOf(item);
    const parsed = yamlUnit.safeParse((item as { toJSON(): unknown }).toJSON());
    if (!parsed.success) {
      errors.push({ line, code: 'code_invalid', params: { value: '' } });
      continue;
    }
    units.push({
      code: parsed.data.code,
      name: parsed.data.name ?? '',
      parent: parsed.data.parent ?? undefined,
      group: parsed.data.group ?? undefined,
      ...joinOf(parsed.data.join),
      line,
    });
  }
  const groups: GroupRow[] = [];
  if (isSeq(groupsNode)) {
    for (const item of groupsNode.items) {
      const line = lineOf(item);
      const parsed = yamlGroup.safeParse((item as { toJSON(): unknown }).toJSON());
      if (!parsed.success) {
        errors.push({ line, code: 'group_invalid' });
        continue;
      }
      groups.push({ code: parsed.data.code, name: parsed.data.name ?? parsed.data.code, kind: parsed.data.kind ?? 'BLOCK', line });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, units, groups };
}

/** Checks rows on their own: codes, names, duplicates, self-parents and cycles within the file. */
function checkRows(units: UnitRow[], groups: GroupRow[]): UnitsFileError[] {
  const errors: UnitsFileError[] = [];
  if (units.length === 0) return [{ line: 1, code: 'file_empty' }];
  if (units.length > MAX_UNITS_PER_FILE) return [{ line: 1, code: 'too_many_rows', params: { max: MAX_UNITS_PER_FILE } }];
  const seen = new Map<string, number>();
  for (const u of units) {
    if (!UNIT_CODE.test(u.code)) errors.push({ line: u.line, code: 'code_invalid', params: { value: u.code } });
    if (u.name.trim() === '') errors.push({ line: u.line, code: 'name_missing', params: { code: u.code } });
    else if (u.name.length > MAX_UNIT_NAME) errors.push({ line: u.line, code: 'name_too_long', params: { max: MAX_UNIT_NAME } });
    const prev = seen.get(u.code);
    if (prev !== undefined) errors.push({ line: u.line, code: 'code_duplicate', params: { value: u.code, first: prev } });
    else seen.set(u.code, u.line);
    if (u.parent !== undefined && u.parent === u.code) errors.push({ line: u.line, code: 'parent_self', params: { value: u.code } });
    if (u.group !== undefined && !UNIT_CODE.test(u.group)) errors.push({ line: u.line, code: 'group_invalid', params: { value: u.group } });
    if (u.joinWritten !== undefined) errors.push({ line: u.line, code: 'join_invalid', params: { value: u.joinWritten } });
  }
  for (const g of groups) {
    if (!UNIT_CODE.test(g.code)) errors.push({ line: g.line, code: 'group_invalid', params: { value: g.code } });
  }
  // Cycles among parents defined in this file (A → B → A).
  const parentOf = new Map(units.map((u) => [u.code, u.parent]));
  for (const u of units) {
    if (u.parent === u.code) continue;
    const visited = new Set<string>([u.code]);
    let p = u.parent;
    while (p !== undefined && parentOf.has(p)) {
      if (visited.has(p)) {
        errors.push({ line: u.line, code: 'parent_cycle', params: { value: u.code } });
        break;
      }
      visited.add(p);
      p = parentOf.get(p);
    }
  }
  return errors.sort((a, b) => a.line - b.line);
}

/** Parses and checks a units file; see the module comment for the formats. */
export function parseUnitsFile(text: string, format: 'csv' | 'yaml'): UnitsFileResult {
  const parsed = format === 'csv' ? parseCsv(text) : parseYaml(text);
  if (!parsed.ok) return parsed;
  const units = parsed.units.map((u) => ({ ...u, name: u.name.normalize('NFC').trim() }));
  const errors = checkRows(units, parsed.groups);
  return errors.length > 0 ? { ok: false, errors, units, groups: parsed.groups } : { ok: true, units, groups: parsed.groups };
}

/**
 * A spreadsheet's rows (cells as text, with their row numbers) as the CSV text this parser reads:
 * row n of the sheet is line n of the text, so every problem names the row the admin sees.
 */
export function rowsToCsv(rows: ReadonlyArray<{ line: number; cells: readonly string[] }>): string {
  const out: string[] = [];
  for (const r of rows) {
    while (out.length < r.line - 1) out.push('');
    out.push(r.cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
  }
  return out.join('\n');
}
