/**
 * Tệp kế hoạch thi đua (campaign file): the YAML/JSON an officer uploads to create a campaign, its
 * zod schema, and its translation into a {@link CampaignDraft} with real instants, a flat criteria
 * list and expanded milestones. The files in `examples/` are the reference fixtures.
 *
 * Errors are values `{ path, code, params }` (e.g. `milestones[2].due`, `date_invalid`,
 * `{ value: '31/02/2025' }`) so `bot/` can render them in either language.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Scalar } from 'yaml';
import { z } from 'zod';
import {
  addMonthsClamped,
  daysInMonth,
  endOfLocalDay,
  formatDate,
  formatDateTime,
  localDate,
  localParts,
  parseDate,
  parseDateTime,
  type ParsedDate,
  type ParsedDateTime,
} from './dates.js';
import { DEFAULT_REMINDER_OFFSETS, formatOffset, normaliseOffsets, parseOffset } from './durations.js';
import type { MilestoneKind } from './periods.js';
import { checkJsonNesting, checkYamlNesting, MAX_NESTING, MAX_YAML_ALIASES, yamlToData } from './file-limits.js';
import { nfc, parseDecimalVi } from './text.js';
import { isTitleCode, TITLE_POLICY, type Scope, type TitleCategory } from './titles.js';

/** Most criteria (all levels) a campaign may have; more is a mistake in the file. */
export const MAX_CRITERIA = 200;
/** Most milestones after repeats are expanded. */
export const MAX_MILESTONES = 500;
/** Deepest criteria nesting ("Chân thứ nhất" → "C1.1" → one more level). */
export const MAX_CRITERIA_DEPTH = 3;
/** Largest accepted file, in characters. */
export const MAX_FILE_CHARS = 200_000;

/** How the bot addresses members in a campaign. */
export const ADDRESS_FORMS = ['Đồng chí', 'Anh/Chị'] as const;
export type AddressForm = (typeof ADDRESS_FORMS)[number];

/** One problem in a campaign file, with a dotted path like `milestones[2].due`. */
export interface CampaignFileError {
  path: string;
  code: string;
  params: Record<string, string | number>;
}

/** Result of {@link parseCampaignFile}. Warnings never block (e.g. a deadline already past). */
export type CampaignFileResult =
  | { ok: true; campaign: CampaignDraft; warnings: CampaignFileError[] }
  | { ok: false; errors: CampaignFileError[] };

/** A criterion (nội dung / chỉ tiêu) flattened from the tree, in file order. */
export interface CriterionDraft {
  code: string;
  parentCode: string | null;
  title: string;
  measure: 'NUMBER' | 'YES_NO' | 'TEXT';
  unit: string | null;
  /** Canonical decimal string ("1234.5"), NUMBER criteria only. */
  target: string | null;
  /** 0-based pre-order index over the whole tree: sorting by it gives the file's order. */
  position: number;
  /** 0 for top-level lines. */
  depth: number;
}

/** A title the campaign offers. */
export interface CampaignTitleDraft {
  code: string;
  /** Display name of a custom honour; null for standard titles (the locale files name them). */
  name: string | null;
  scope: Scope;
  custom: boolean;
  /** Standard titles only: INDIVIDUAL, COLLECTIVE, HOUSEHOLD or COMMUNITY. */
  category: TitleCategory | null;
  position: number;
}

/** One deadline after repeats are expanded. */
export interface MilestoneDraft {
  kind: MilestoneKind;
  title: string | null;
  dueAt: Date;
  /** Minutes before dueAt, largest first. */
  remindOffsets: number[];
  /** Index of the source milestone in the file for repeated ones (`Milestone.series`), else null. */
  series: number | null;
  /** 0 for the first occurrence of a series. */
  occurrence: number;
  /** Index of the source milestone in the file. */
  source: number;
  /** 0-based order by dueAt. */
  position: number;
}

/** A campaign ready to be stored as DRAFT. */
export interface CampaignDraft {
  code: string;
  title: string;
  slogan: string | null;
  issuer: string | null;
  description: string | null;
  kind: 'REGULAR' | 'THEMATIC';
  /** 00:00 local on the start day. */
  startsAt: Date;
  /** 23:59:59.999 local on the end day (the whole last day belongs to the campaign). */
  endsAt: Date;
  addressForm: AddressForm;
  audience: { units: string[]; groups: string[] };
  titles: CampaignTitleDraft[];
  criteria: CriterionDraft[];
  milestones: MilestoneDraft[];
}

// ---------------------------------------------------------------------------------------------
// Schema

const text = (max: number) =>
  z
    .string()
    .transform((s) => nfc(s).trim())
    .pipe(z.string().min(1).max(max));

const FILE_DATE = { allowRelative: false, allowNoYear: false } as const;
const EPOCH = new Date(0);

const dateField = z.string().transform((s, ctx): ParsedDate => {
  const r = parseDate(s, EPOCH, FILE_DATE);
  if (r.ok) return r;
  ctx.addIssue({ code: 'custom', message: r.reason, params: { code: r.reason, value: s } });
  return z.NEVER;
});

const dateTimeField = z.string().transform((s, ctx): ParsedDateTime => {
  const r = parseDateTime(s, EPOCH, FILE_DATE);
  if (r.ok) return r;
  ctx.addIssue({ code: 'custom', message: r.reason, params: { code: r.reason, value: s } });
  return z.NEVER;
});

const offsetField = z.string().transform((s, ctx): number => {
  const r = parseOffset(s);
  if (r.ok) return r.minutes;
  ctx.addIssue({ code: 'custom', message: r.reason, params: { code: r.reason, value: s } });
  return z.NEVER;
});

const titleCodeField = z.string().superRefine((s, ctx) => {
  if (!isTitleCode(s)) ctx.addIssue({ code: 'custom', message: 'title_unknown', params: { code: 'title_unknown', value: s } });
});

const unitOrGroupCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/);

/** A criterion as written in the file (before flattening). */
export interface CriterionFile {
  code: string;
  title: string;
  measure?: 'NUMBER' | 'YES_NO' | 'TEXT' | undefined;
  unit?: string | undefined;
  target?: number | string | undefined;
  items?: CriterionFile[] | undefined;
}

const criterionSchema: z.ZodType<CriterionFile, unknown> = z.lazy(() =>
  z.strictObject({
    code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/),
    title: text(500),
    measure: z.enum(['NUMBER', 'YES_NO', 'TEXT']).optional(),
    unit: text(40).optional(),
    target: z.union([z.number(), z.string()]).optional(),
    items: z.array(criterionSchema).optional(),
  }),
);

/**
 * The zod schema of a campaign file. Unknown keys are errors (`key_unknown`) so a typo such as
 * `remid:` is reported instead of silently dropping the reminders. Dates are `dd/MM/yyyy`
 * (also `-` or `.` separators, or ISO `yyyy-MM-dd`); due times `dd/MM/yyyy HH:mm` or a date alone
 * (17:00). Relative words ("hôm nay") and year-less dates are refused in files.
 */
export const campaignFileSchema = z.strictObject({
  code: z.string().min(3).max(40).regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/),
  title: text(300),
  slogan: text(500).optional(),
  issuer: text(300).optional(),
  kind: z.enum(['REGULAR', 'THEMATIC']),
  starts: dateField,
  ends: dateField,
  description: text(4000).optional(),
  audience: z
    .strictObject({ units: z.array(unitOrGroupCode).optional(), groups: z.array(unitOrGroupCode).optional() })
    .optional(),
  titles: z.strictObject({
    individual: z.array(titleCodeField).optional(),
    collective: z.array(titleCodeField).optional(),
    custom: z
      .array(
        z.strictObject({
          code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/),
          name: text(200),
          scope: z.enum(['INDIVIDUAL', 'COLLECTIVE']),
        }),
      )
      .optional(),
  }),
  addressForm: z
    .string()
    .transform((s) => nfc(s).trim())
    .pipe(z.enum(ADDRESS_FORMS))
    .optional(),
  criteria: z.array(criterionSchema).min(1),
  milestones: z.array(
    z.strictObject({
      kind: z.enum(['REGISTRATION', 'PROGRESS_REPORT', 'MIDTERM_REVIEW', 'FINAL_REVIEW', 'CUSTOM']),
      title: text(300).optional(),
      due: dateTimeField,
      repeat: z.enum(['monthly', 'quarterly', 'yearly']).optional(),
      until: dateField.optional(),
      remind: z.array(offsetField).max(10).optional(),
    }),
  ),
});

/** A campaign file after schema validation, before the cross-field checks. */
export type CampaignFile = z.output<typeof campaignFileSchema>;

// ---------------------------------------------------------------------------------------------
// Errors

type PathKey = PropertyKey;

/**
 * Render a zod path as the officer reads it: `milestones[2].due`.
 *
 * @example formatPath(['titles', 'individual', 1]) === 'titles.individual[1]'
 */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function scalar(v: unknown): string | number | undefined {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

function toParams(entries: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(entries)) {
    const s = scalar(v);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

function issueToErrors(issue: z.core.$ZodIssue): CampaignFileError[] {
  const path = formatPath(issue.path);
  const value = scalar(issue.input);
  const withValue = (p: Record<string, unknown>): Record<string, string | number> =>
    toParams(value === undefined ? p : { ...p, value });
  const missing = issue.input === undefined || issue.input === null;
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return [{ path, code: 'required', params: {} }];
  switch (issue.code) {
    case 'custom': {
      const { code, ...rest } = (issue.params ?? {}) as Record<string, unknown>;
      return [{ path, code: typeof code === 'string' ? code : 'invalid', params: toParams(rest) }];
    }
    case 'invalid_type':
      return [{ path, code: 'type_invalid', params: withValue({ expected: issue.expected }) }];
    case 'too_small':
      return [{ path, code: issue.origin === 'array' ? 'too_few' : 'too_short', params: withValue({ min: Number(issue.minimum) }) }];
    case 'too_big':
      return [{ path, code: issue.origin === 'array' ? 'too_many' : 'too_long', params: withValue({ max: Number(issue.maximum) }) }];
    case 'invalid_format':
      return [{ path, code: 'format_invalid', params: withValue({}) }];
    case 'invalid_value':
      return [{ path, code: 'value_invalid', params: withValue({ allowed: issue.values.map(String).join(' | ') }) }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), code: 'key_unknown', params: { key } }));
    default:
      return [{ path, code: 'type_invalid', params: withValue({}) }];
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing

type ReadResult = { ok: true; data: unknown; warnings: CampaignFileError[] } | { ok: false; error: CampaignFileError };

function readText(text: string, format: 'yaml' | 'json'): ReadResult {
  if (format === 'json') {
    const nesting = checkJsonNesting(text);
    if (!nesting.ok) return { ok: false, error: { path: '', code: 'nesting_too_deep', params: { max: MAX_NESTING, line: nesting.line } } };
    try {
      return { ok: true, data: JSON.parse(text) as unknown, warnings: [] };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const pos = /position (\d+)/.exec(message);
      const params: Record<string, string | number> = { message };
      if (pos) params.line = text.slice(0, Number(pos[1])).split('\n').length;
      return { ok: false, error: { path: '', code: 'json_syntax', params } };
    }
  }
  const nesting = checkYamlNesting(text);
  if (!nesting.ok) return { ok: false, error: { path: '', code: 'nesting_too_deep', params: { max: MAX_NESTING, line: nesting.line } } };
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  const err = doc.errors[0];
  if (err) {
    const at = lines.linePos(err.pos[0]);
    return {
      ok: false,
      error: { path: '', code: 'yaml_syntax', params: { line: at.line, col: at.col, message: err.code } },
    };
  }
  // Rejoining walks nodes, never through aliases, so it is cheap even on an alias bomb.
  const warnings = rejoinCommaSplitValues(doc, text, lines);
  const data = yamlToData(doc, (offset) => lines.linePos(offset).line);
  if (!data.ok) return { ok: false, error: { path: '', code: 'yaml_aliases', params: { max: MAX_YAML_ALIASES, line: data.line } } };
  return { ok: true, data: data.data, warnings };
}

/**
 * Officers write `{ code: K1, title: Hoàn thành toàn diện, vượt mức chỉ tiêu, measure: TEXT }`:
 * in a YAML flow mapping the comma ends the plain title, and "vượt mức chỉ tiêu" becomes a key
 * without a value. The shipped examples do exactly this. Rather than lose half a title (or reject
 * every such file), a key with no value that follows a plain scalar value is joined back to it,
 * using the exact source text, and a `yaml_comma_joined` warning (with the line) suggests quotes.
 * A genuinely missing value still fails later (e.g. `code: K1, measure` makes an invalid code).
 */
function rejoinCommaSplitValues(doc: Document, text: string, lines: LineCounter): CampaignFileError[] {
  const warnings: CampaignFileError[] = [];
  visit(doc, {
    Map(_, map, ancestors) {
      if (!map.flow) return;
      const kept: typeof map.items = [];
      let host: Scalar | null = null;
      let hostKey = '';
      let hostWarning: CampaignFileError | null = null;
      for (const pair of map.items) {
        const key = pair.key;
        if (pair.value === null && host && isScalar(key) && key.type === 'PLAIN' && key.range && host.range) {
          host.value = text.slice(host.range[0], key.range[1]);
          host.range = [host.range[0], key.range[1], key.range[2]];
          if (hostWarning) {
            hostWarning.params.value = String(host.value);
          } else {
            const at = lines.linePos(key.range[0]);
            hostWarning = {
              path: formatPath([...yamlPath(ancestors, map), hostKey]),
              code: 'yaml_comma_joined',
              params: { line: at.line, col: at.col, value: String(host.value) },
            };
            warnings.push(hostWarning);
          }
          continue;
        }
        kept.push(pair);
        hostWarning = null;
        const value = pair.value;
        host = isScalar(value) && value.type === 'PLAIN' && typeof value.value === 'string' ? value : null;
        hostKey = isScalar(key) ? String(key.value) : '';
      }
      map.items = kept;
    },
  });
  return warnings;
}

function yamlPath(ancestors: readonly unknown[], node: unknown): PathKey[] {
  const chain = [...ancestors, node];
  const out: PathKey[] = [];
  chain.forEach((n, i) => {
    const child = chain[i + 1];
    if (isSeq(n) && child !== undefined) out.push(n.items.indexOf(child as never));
    else if (isPair(n) && isScalar(n.key)) out.push(String(n.key.value));
    else if (isMap(n)) return;
  });
  return out;
}

const REPEAT_MONTHS = { monthly: 1, quarterly: 3, yearly: 12 } as const;

/**
 * Read, validate and translate a campaign file.
 *
 * Beyond the schema it checks: ends not before starts (`ends_before_starts`); each title offered
 * once and under its own scope (`title_duplicate`, `title_wrong_scope`); at least one title
 * (`titles_empty`); unique criterion codes (`criterion_duplicate`), nesting depth, targets only on
 * NUMBER lines; every expanded milestone inside [starts, ends] (`milestone_outside_period`);
 * reminder offsets no longer than the campaign (`offset_too_large`); at most {@link MAX_CRITERIA}
 * criteria and {@link MAX_MILESTONES} expanded milestones.
 *
 * Repeats: `monthly`/`quarterly`/`yearly` add 1/3/12 months to the first due date, keeping its
 * day of month clamped to each month's length and computed from the first date (31/03 → 30/06 →
 * 30/09 → 31/12). A first due date on the last day of its month stays on the last day of every
 * month (30/09 → 31/12 → 31/03; 28/02/2025 monthly → 31/03 → 30/04), because officers mean
 * "end of the month" and quarterly reports fall due at quarter end. `until` is inclusive (any time that day); without it the
 * series runs to the campaign's end. Offsets default to {@link DEFAULT_REMINDER_OFFSETS}.
 *
 * `now` only produces warnings (`milestone_past` for deadlines already over), never errors, so
 * an archived campaign can still be imported.
 *
 * @example parseCampaignFile(readFileSync('examples/dong-khoi-moi-2020-2025.yaml', 'utf8'), 'yaml')
 */
export function parseCampaignFile(text: string, format: 'yaml' | 'json', now?: Date): CampaignFileResult {
  if (text.length > MAX_FILE_CHARS) {
    return { ok: false, errors: [{ path: '', code: 'file_too_large', params: { max: MAX_FILE_CHARS } }] };
  }
  const read = readText(text, format);
  if (!read.ok) return { ok: false, errors: [read.error] };
  const parsed = campaignFileSchema.safeParse(read.data, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap(issueToErrors) };
  const built = buildDraft(parsed.data, now);
  return built.ok ? { ...built, warnings: [...read.warnings, ...built.warnings] } : built;
}

function buildDraft(file: CampaignFile, now: Date | undefined): CampaignFileResult {
  const errors: CampaignFileError[] = [];
  const warnings: CampaignFileError[] = [];
  const startsAt = file.starts.date;
  const endsAt = endOfLocalDay(file.ends.date);
  const period = { starts: formatDate(startsAt), ends: formatDate(endsAt) };
  if (endsAt.getTime() < startsAt.getTime()) {
    errors.push({ path: 'ends', code: 'ends_before_starts', params: { value: formatDate(endsAt), starts: period.starts } });
  }
  const lengthMinutes = Math.floor((endsAt.getTime() + 1 - startsAt.getTime()) / 60_000);

  const titles = buildTitles(file, errors);
  const criteria = buildCriteria(file.criteria, errors);
  const milestones = errors.some((e) => e.code === 'ends_before_starts')
    ? []
    : buildMilestones(file, startsAt, endsAt, lengthMinutes, errors);

  if (errors.length > 0) return { ok: false, errors };
  if (now) {
    for (const m of milestones) {
      if (m.dueAt.getTime() < now.getTime() && m.occurrence === 0) {
        warnings.push({ path: `milestones[${m.source}].due`, code: 'milestone_past', params: { value: formatDateTime(m.dueAt) } });
      }
    }
  }
  return {
    ok: true,
    warnings,
    campaign: {
      code: file.code,
      title: file.title,
      slogan: file.slogan ?? null,
      issuer: file.issuer ?? null,
      description: file.description ?? null,
      kind: file.kind,
      startsAt,
      endsAt,
      addressForm: file.addressForm ?? 'Đồng chí',
      audience: { units: file.audience?.units ?? [], groups: file.audience?.groups ?? [] },
      titles,
      criteria,
      milestones,
    },
  };
}

function buildTitles(file: CampaignFile, errors: CampaignFileError[]): CampaignTitleDraft[] {
  const out: CampaignTitleDraft[] = [];
  const seen = new Set<string>();
  for (const scope of ['INDIVIDUAL', 'COLLECTIVE'] as const) {
    const key = scope === 'INDIVIDUAL' ? 'individual' : 'collective';
    (file.titles[key] ?? []).forEach((code, i) => {
      const path = `titles.${key}[${i}]`;
      if (!isTitleCode(code)) return;
      if (seen.has(code)) {
        errors.push({ path, code: 'title_duplicate', params: { value: code } });
        return;
      }
      seen.add(code);
      const policy = TITLE_POLICY[code];
      if (policy.scope !== scope) {
        errors.push({ path, code: 'title_wrong_scope', params: { value: code, expected: policy.scope } });
        return;
      }
      out.push({ code, name: null, scope, custom: false, category: policy.category, position: out.length });
    });
  }
  (file.titles.custom ?? []).forEach((t, i) => {
    if (seen.has(t.code) || isTitleCode(t.code)) {
      errors.push({ path: `titles.custom[${i}].code`, code: 'title_duplicate', params: { value: t.code } });
      return;
    }
    seen.add(t.code);
    out.push({ code: t.code, name: t.name, scope: t.scope, custom: true, category: null, position: out.length });
  });
  if (out.length === 0 && !errors.some((e) => e.path.startsWith('titles'))) {
    errors.push({ path: 'titles', code: 'titles_empty', params: {} });
  }
  return out;
}

function numberTarget(target: number | string): string | null {
  if (typeof target === 'number') {
    if (!Number.isFinite(target) || target < 0 || target >= 1e14) return null;
    return target.toFixed(4).replace(/\.?0+$/, '');
  }
  const r = parseDecimalVi(target);
  return r.ok && r.unit === undefined ? r.value : null;
}

function buildCriteria(tree: readonly CriterionFile[], errors: CampaignFileError[]): CriterionDraft[] {
  const out: CriterionDraft[] = [];
  const seen = new Map<string, string>();
  let count = 0;
  const walk = (items: readonly CriterionFile[], parentCode: string | null, depth: number, base: string): void => {
    items.forEach((c, i) => {
      const path = `${base}[${i}]`;
      count++;
      if (count > MAX_CRITERIA) return;
      if (depth >= MAX_CRITERIA_DEPTH) {
        errors.push({ path, code: 'criteria_too_deep', params: { max: MAX_CRITERIA_DEPTH } });
        return;
      }
      const key = c.code.toUpperCase();
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({ path: `${path}.code`, code: 'criterion_duplicate', params: { value: c.code, first } });
      } else {
        seen.set(key, `${path}.code`);
      }
      const measure = c.measure ?? 'TEXT';
      let target: string | null = null;
      if (c.target !== undefined) {
        if (measure !== 'NUMBER') {
          errors.push({ path: `${path}.target`, code: 'target_not_number', params: { measure } });
        } else {
          target = numberTarget(c.target);
          if (target === null) errors.push({ path: `${path}.target`, code: 'number_invalid', params: { value: c.target } });
        }
      }
      out.push({ code: c.code, parentCode, title: c.title, measure, unit: c.unit ?? null, target, position: out.length, depth });
      if (c.items) walk(c.items, c.code, depth + 1, `${path}.items`);
    });
  };
  walk(tree, null, 0, 'criteria');
  if (count > MAX_CRITERIA) errors.push({ path: 'criteria', code: 'criteria_too_many', params: { max: MAX_CRITERIA, count } });
  return out;
}

function buildMilestones(
  file: CampaignFile,
  startsAt: Date,
  endsAt: Date,
  lengthMinutes: number,
  errors: CampaignFileError[],
): MilestoneDraft[] {
  const out: Omit<MilestoneDraft, 'position'>[] = [];
  let total = 0;
  file.milestones.forEach((m, i) => {
    const base = `milestones[${i}]`;
    const offsets = normaliseOffsets(m.remind ?? DEFAULT_REMINDER_OFFSETS);
    (m.remind ?? []).forEach((o, j) => {
      if (o > lengthMinutes) {
        errors.push({ path: `${base}.remind[${j}]`, code: 'offset_too_large', params: { value: formatOffset(o), days: Math.floor(lengthMinutes / 1440) } });
      }
    });
    if (m.until && !m.repeat) {
      errors.push({ path: `${base}.until`, code: 'until_without_repeat', params: { value: formatDate(m.until.date) } });
      return;
    }
    const dues: Date[] = [];
    if (m.repeat) {
      const lastDay = m.until ? endOfLocalDay(m.until.date) : endsAt;
      if (lastDay.getTime() < m.due.date.getTime()) {
        errors.push({ path: `${base}.until`, code: 'until_before_due', params: { value: formatDate(lastDay), due: formatDateTime(m.due.date) } });
        return;
      }
      // A due date on the last day of its month means "end of the month": keep it there.
      const anchorDay = m.due.d === daysInMonth(m.due.y, m.due.m) ? 31 : m.due.d;
      for (let k = 0; ; k++) {
        const d = addMonthsClamped(m.due.y, m.due.m, anchorDay, k * REPEAT_MONTHS[m.repeat]);
        const at = localDate(d.y, d.m, d.d, m.due.hh, m.due.mm);
        if (at.getTime() > lastDay.getTime() || total + dues.length > MAX_MILESTONES) break;
        dues.push(at);
      }
    } else {
      dues.push(m.due.date);
    }
    total += dues.length;
    const outside = dues.findIndex((at) => at.getTime() < startsAt.getTime() || at.getTime() > endsAt.getTime());
    if (outside >= 0) {
      const at = dues[outside] ?? m.due.date;
      errors.push({
        path: outside === 0 ? `${base}.due` : `${base}.until`,
        code: 'milestone_outside_period',
        params: { value: formatDateTime(at), starts: formatDate(startsAt), ends: formatDate(endsAt) },
      });
      return;
    }
    dues.forEach((dueAt, k) =>
      out.push({
        kind: m.kind,
        title: m.title ?? null,
        dueAt,
        remindOffsets: [...offsets],
        series: m.repeat ? i : null,
        occurrence: k,
        source: i,
      }),
    );
  });
  if (total > MAX_MILESTONES) {
    errors.push({ path: 'milestones', code: 'milestones_too_many', params: { max: MAX_MILESTONES, count: total } });
    return [];
  }
  return out
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.source - b.source)
    .map((m, position) => ({ ...m, position }));
}

// ---------------------------------------------------------------------------------------------
// Demo data

const FILE_DATE_RE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;

/**
 * Moves every `dd/MM/yyyy` date in a campaign file by whole months, so the example plans of past
 * years can be tried today (`npm run demo`, tests). Days keep their place in the month; a date on
 * the last day of its month stays on the last day (30/09 + 3 months = 31/12), like repeats do.
 *
 * @example shiftCampaignFileDates('due: "31/03/2021 17:00"', 1) === 'due: "30/04/2021 17:00"'
 */
export function shiftCampaignFileDates(text: string, months: number): string {
  return text.replace(FILE_DATE_RE, (whole, d: string, m: string, y: string) => {
    const [dd, mm, yy] = [Number(d), Number(m), Number(y)];
    if (mm < 1 || mm > 12 || dd < 1 || dd > daysInMonth(yy, mm)) return whole;
    const anchor = dd === daysInMonth(yy, mm) ? 31 : dd;
    const r = addMonthsClamped(yy, mm, anchor, months);
    return `${String(r.d).padStart(2, '0')}/${String(r.m).padStart(2, '0')}/${r.y}`;
  });
}

/**
 * Moves a demo plan to today as a reader expects: every date by `months` (shiftCampaignFileDates),
 * and the years named in its top-level `title:` — "giai đoạn 2020 - 2025, tầm nhìn đến năm 2030"
 * becomes "2026 - 2031 … 2036" when the dates moved six years — so the title does not contradict
 * the period. Years inside dates and legal references ("06/2022/QH15") are not title years.
 *
 * @example shiftCampaignFile('title: Phong trào năm 2020\nstarts: 01/01/2020', 72) // '…năm 2026\nstarts: 01/01/2026'
 */
export function shiftCampaignFile(text: string, months: number): string {
  const shifted = shiftCampaignFileDates(text, months);
  const startYear = (t: string) => Number(/^starts:\s*"?\d{1,2}\/\d{1,2}\/(\d{4})/m.exec(t)?.[1] ?? NaN);
  const years = startYear(shifted) - startYear(text);
  if (!Number.isFinite(years) || years === 0) return shifted;
  return shifted.replace(/^(title:.*)$/m, (line) => line.replace(/(?<![\d/])(19|20)\d{2}(?![\d/])/g, (y) => String(Number(y) + years)));
}

/**
 * Whole months from a file's `starts:` month to the local month of `now`: the shift that makes the
 * campaign start this month. Null when the file has no readable `starts:`.
 */
export function monthsToNow(text: string, now: Date): number | null {
  const m = /^starts:\s*"?(\d{1,2})\/(\d{1,2})\/(\d{4})/m.exec(text);
  if (!m) return null;
  const today = localParts(now);
  return (today.y - Number(m[3])) * 12 + (today.m - Number(m[2]));
}
