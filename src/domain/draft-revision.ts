/**
 * Sửa một mục của bản nháp (one change to a draft campaign): a stored draft written back as the
 * campaign file it stands for, one change applied to that file, and the file checked again by
 * `parseCampaignFile` — so an edit from chat obeys exactly the rules of an upload and of the wizard
 * (a milestone left outside the period, a repeat ending before it starts, an offset longer than the
 * drive are refused the same way). Pure: the service loads the draft and stores the result.
 */
import { formatDate, formatDateTime, localParts } from './dates.js';
import { formatOffset } from './durations.js';
import { isTitleCode, TITLE_POLICY } from './titles.js';

type Scope = 'INDIVIDUAL' | 'COLLECTIVE';
type Measure = 'NUMBER' | 'YES_NO' | 'TEXT';
type Repeat = 'monthly' | 'quarterly' | 'yearly';
type MilestoneKind = 'REGISTRATION' | 'PROGRESS_REPORT' | 'MIDTERM_REVIEW' | 'FINAL_REVIEW' | 'CUSTOM';

/** A content line of the file (a tree through `items`). */
export interface FileCriterion {
  code: string;
  title: string;
  measure: Measure;
  unit?: string;
  target?: string;
  items?: FileCriterion[];
}

/** A milestone of the file: one deadline, or a repeat until a date. */
export interface FileMilestone {
  kind: MilestoneKind;
  title?: string;
  /** "dd/MM/yyyy HH:mm" */
  due: string;
  repeat?: Repeat;
  until?: string;
  remind?: string[];
}

/** A campaign file as JSON (the shape `parseCampaignFile` reads). */
export interface DraftFile {
  code: string;
  title: string;
  slogan?: string;
  issuer?: string;
  description?: string;
  kind: 'REGULAR' | 'THEMATIC';
  starts: string;
  ends: string;
  addressForm?: string;
  audience?: { units?: string[]; groups?: string[] };
  titles: { individual: string[]; collective: string[]; custom?: Array<{ code: string; name: string; scope: Scope }> };
  criteria: FileCriterion[];
  milestones: FileMilestone[];
}

/** What a stored draft has, as `CampaignService.byId` returns it. */
export interface StoredDraft {
  code: string;
  title: string;
  slogan: string | null;
  issuer: string | null;
  description: string | null;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  addressForm: string;
  criteria: Array<{ id: number; parentId: number | null; code: string; title: string; measure: string; unitOfMeasure: string | null; target: { toString(): string } | null }>;
  titles: Array<{ code: string; name: string | null; scope: string; custom: boolean }>;
  milestones: Array<{ kind: string; title: string | null; dueAt: Date; series: number | null; remindOffsets: number[] }>;
  audienceUnits: Array<{ unit: { code: string } }>;
  audienceGroups: Array<{ group: { code: string } }>;
}

/** "17:00 30/06/2025" → "30/06/2025 17:00", the file's spelling of a due time. */
function fileDue(at: Date): string {
  const [hm, date] = formatDateTime(at).split(' ');
  return `${date} ${hm}`;
}

/** The repeat that produced a series: the months between its first two dates. */
function repeatOf(first: Date, second: Date): Repeat | null {
  const a = localParts(first);
  const b = localParts(second);
  const months = (b.y - a.y) * 12 + (b.m - a.m);
  return months === 1 ? 'monthly' : months === 3 ? 'quarterly' : months === 12 ? 'yearly' : null;
}

/**
 * A stored draft as its campaign file. A repeated series becomes one milestone again (its repeat
 * read from its first two dates, `until` its last date), so editing it edits the series.
 */
export function draftAsFile(c: StoredDraft): DraftFile {
  const byParent = new Map<number | null, StoredDraft['criteria']>();
  for (const cr of c.criteria) byParent.set(cr.parentId, [...(byParent.get(cr.parentId) ?? []), cr]);
  const tree = (parentId: number | null): FileCriterion[] =>
    (byParent.get(parentId) ?? []).map((cr) => {
      const items = tree(cr.id);
      return {
        code: cr.code,
        title: cr.title,
        measure: cr.measure as Measure,
        ...(cr.unitOfMeasure ? { unit: cr.unitOfMeasure } : {}),
        ...(cr.target !== null ? { target: cr.target.toString() } : {}),
        ...(items.length > 0 ? { items } : {}),
      };
    });
  const milestones: FileMilestone[] = [];
  const seen = new Set<number>();
  for (const m of [...c.milestones].sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime())) {
    const base = { kind: m.kind as MilestoneKind, ...(m.title ? { title: m.title } : {}), due: fileDue(m.dueAt), remind: m.remindOffsets.map(formatOffset) };
    if (m.series === null) {
      milestones.push(base);
      continue;
    }
    if (seen.has(m.series)) continue;
    seen.add(m.series);
    const all = c.milestones.filter((x) => x.series === m.series).sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime());
    const repeat = all.length > 1 ? repeatOf(all[0]!.dueAt, all[1]!.dueAt) : null;
    if (repeat) milestones.push({ ...base, repeat, until: formatDate(all[all.length - 1]!.dueAt) });
    else for (const x of all) milestones.push({ ...base, due: fileDue(x.dueAt) });
  }
  const standard = (scope: Scope) => c.titles.filter((t) => !t.custom && t.scope === scope).map((t) => t.code);
  const custom = c.titles.filter((t) => t.custom).map((t) => ({ code: t.code, name: t.name ?? t.code, scope: t.scope as Scope }));
  const units = c.audienceUnits.map((a) => a.unit.code);
  const groups = c.audienceGroups.map((a) => a.group.code);
  return {
    code: c.code,
    title: c.title,
    ...(c.slogan ? { slogan: c.slogan } : {}),
    ...(c.issuer ? { issuer: c.issuer } : {}),
    ...(c.description ? { description: c.description } : {}),
    kind: c.kind === 'REGULAR' ? 'REGULAR' : 'THEMATIC',
    starts: formatDate(c.startsAt),
    ends: formatDate(c.endsAt),
    addressForm: c.addressForm,
    ...(units.length + groups.length > 0 ? { audience: { ...(units.length ? { units } : {}), ...(groups.length ? { groups } : {}) } } : {}),
    titles: { individual: standard('INDIVIDUAL'), collective: standard('COLLECTIVE'), ...(custom.length ? { custom } : {}) },
    criteria: tree(null),
    milestones,
  };
}

/** Content lines in reading order (parents before their items), as the officer sees them numbered. */
export function flatCriteria(list: readonly FileCriterion[]): FileCriterion[] {
  return list.flatMap((c) => [c, ...flatCriteria(c.items ?? [])]);
}

/** One change to a draft, as the edit flow asks it. */
export type DraftRevision =
  | { field: 'title' | 'slogan' | 'issuer' | 'description'; value: string | null }
  | { field: 'kind'; value: 'REGULAR' | 'THEMATIC' }
  | { field: 'starts' | 'ends'; value: string }
  | { field: 'titles'; standard: string[]; custom: Array<{ code: string; name: string; scope: Scope }> }
  | { field: 'criterion'; index: number; change: { title?: string; measure?: Measure; unit?: string | null; target?: string | null } }
  | { field: 'criterion-add'; title: string; measure: Measure }
  | { field: 'criterion-remove'; index: number }
  | { field: 'milestone'; index: number; change: { title?: string | null; due?: string; repeat?: Repeat | null; until?: string | null; remind?: string[] | null } }
  | { field: 'milestone-add'; milestone: FileMilestone }
  | { field: 'milestone-remove'; index: number };

/** What the change names does not exist (a stale list): nothing is changed. */
export type RevisionRefusal = 'item_not_found' | 'last_criterion';

const setOrDrop = <T extends object, K extends keyof T>(o: T, key: K, value: T[K] | null | undefined): T => {
  const out = { ...o };
  if (value === null || value === undefined || value === '') delete out[key];
  else out[key] = value;
  return out;
};

/** Applies one change to a draft's file; the result still has to pass `parseCampaignFile`. */
export function reviseFile(file: DraftFile, r: DraftRevision): { ok: true; file: DraftFile } | { ok: false; reason: RevisionRefusal } {
  switch (r.field) {
    case 'title':
      return { ok: true, file: { ...file, title: r.value ?? '' } };
    case 'slogan':
    case 'issuer':
    case 'description':
      return { ok: true, file: setOrDrop(file, r.field, r.value) };
    case 'kind':
      return { ok: true, file: { ...file, kind: r.value } };
    case 'starts':
    case 'ends':
      return { ok: true, file: { ...file, [r.field]: r.value } };
    case 'titles': {
      const scoped = (scope: Scope) => r.standard.filter((c) => isTitleCode(c) && TITLE_POLICY[c].scope === scope);
      return { ok: true, file: { ...file, titles: { individual: scoped('INDIVIDUAL'), collective: scoped('COLLECTIVE'), ...(r.custom.length ? { custom: r.custom } : {}) } } };
    }
    case 'criterion':
    case 'criterion-remove': {
      const target = flatCriteria(file.criteria)[r.index];
      if (!target) return { ok: false, reason: 'item_not_found' };
      if (r.field === 'criterion-remove' && flatCriteria(file.criteria).length === 1) return { ok: false, reason: 'last_criterion' };
      const map = (list: readonly FileCriterion[]): FileCriterion[] =>
        list.flatMap((c) => {
          if (c !== target) return [c.items ? { ...c, items: map(c.items) } : c];
          if (r.field === 'criterion-remove') return [];
          let next: FileCriterion = { ...c };
          if (r.change.title !== undefined) next.title = r.change.title;
          if (r.change.measure !== undefined) next.measure = r.change.measure;
          if (r.change.unit !== undefined) next = setOrDrop(next, 'unit', r.change.unit);
          if (r.change.target !== undefined) next = setOrDrop(next, 'target', r.change.target);
          // Only a counted line has a unit and a target.
          if (next.measure !== 'NUMBER') {
            delete next.unit;
            delete next.target;
          }
          return [next];
        });
      return { ok: true, file: { ...file, criteria: map(file.criteria) } };
    }
    case 'criterion-add': {
      const codes = new Set(flatCriteria(file.criteria).map((c) => c.code.toUpperCase()));
      let n = file.criteria.length + 1;
      while (codes.has(`K${n}`)) n++;
      return { ok: true, file: { ...file, criteria: [...file.criteria, { code: `K${n}`, title: r.title, measure: r.measure }] } };
    }
    case 'milestone':
    case 'milestone-remove': {
      const m = file.milestones[r.index];
      if (!m) return { ok: false, reason: 'item_not_found' };
      if (r.field === 'milestone-remove') return { ok: true, file: { ...file, milestones: file.milestones.filter((_, i) => i !== r.index) } };
      let next: FileMilestone = { ...m };
      if (r.change.title !== undefined) next = setOrDrop(next, 'title', r.change.title);
      if (r.change.due !== undefined) next.due = r.change.due;
      if (r.change.repeat !== undefined) next = setOrDrop(next, 'repeat', r.change.repeat);
      if (r.change.until !== undefined) next = setOrDrop(next, 'until', r.change.until);
      if (!next.repeat) delete next.until;
      if (r.change.remind !== undefined) next = setOrDrop(next, 'remind', r.change.remind);
      return { ok: true, file: { ...file, milestones: file.milestones.map((x, i) => (i === r.index ? next : x)) } };
    }
    case 'milestone-add':
      return { ok: true, file: { ...file, milestones: [...file.milestones, r.milestone] } };
  }
}
