/**
 * Nhập danh sách đơn vị (an admin's /importunits, or a file sent with that caption). Asks: the
 * units file (CSV, YAML or an Excel .xlsx with the CSV's columns; skipped when it came with the
 * start); a file of another type, too large or with errors is refused — every error at once, with
 * its line (row) number — and a file asked again.
 * Stores (in the flow state) only the file's channel reference and the counts imported; the channel
 * reads the file (`FlowContext.readFile`), and `UnitService.importFile` checks that the member is an
 * admin, imports in one transaction and audits the import or the refusal.
 */
import type { Services } from '../services/index.js';
import { rowsToCsv, type UnitsFileError } from '../domain/units-file.js';
import { readXlsxRows } from '../services/spreadsheets.js';
import { escapeHtml, formatBytes } from '../domain/text.js';
import type { FlowSpec, Reply } from './conversations.js';
import { setupChecklist } from './onboarding.js';
import { problem, type FileRef, type FlowContext, type Message, type Step, type StepResult } from './model.js';

/** Flow id of importing a units file. */
export const UNITS_IMPORT_FLOW = 'units-import';

export const MAX_UNITS_FILE_BYTES = 1024 * 1024;
const MAX_ERRORS_SHOWN = 15;

interface UnitsImportData {
  actorId: number;
  file: FileRef | null;
  result: { created: number; updated: number; groups: number } | null;
  refused: string | null;
}

/** What the flow is started with: a file sent with the command, if any. */
export type UnitsImportArgs = Partial<UnitsImportData>;

const verbatim = (text: string): Message => ({ key: 'flow-verbatim', vars: { text } });

/** The import's errors, one line each with its line number, at most {@link MAX_ERRORS_SHOWN}. */
function renderImportErrors(ctx: FlowContext, errors: UnitsFileError[]): string {
  const lines = errors
    .slice(0, MAX_ERRORS_SHOWN)
    .map((e) => ctx.label({ key: 'import-error-line', vars: { line: e.line, problem: ctx.label({ key: `units-error-${e.code}`, vars: { value: '', ...(e.params ?? {}) } }) } }));
  let text = `${ctx.label({ key: 'import-errors', vars: { count: errors.length } })}\n${lines.map(escapeHtml).join('\n')}`;
  if (errors.length > MAX_ERRORS_SHOWN) text += `\n${ctx.label({ key: 'import-errors-more', vars: { count: errors.length - MAX_ERRORS_SHOWN } })}`;
  return text;
}

/** The units import flow, through `services.units`. */
export function createUnitsImportFlow(services: Services): FlowSpec<UnitsImportData, UnitsImportArgs> {
  async function importNow(d: UnitsImportData, file: FileRef, ctx: FlowContext): Promise<StepResult<UnitsImportData>> {
    const name = file.fileName ?? 'file';
    const ext = name.toLowerCase().split('.').pop() ?? '';
    const format = ext === 'csv' ? 'csv' : ext === 'yaml' || ext === 'yml' ? 'yaml' : ext === 'xlsx' ? 'xlsx' : null;
    if (!format) return problem(ext === 'xls' ? 'import-old-excel' : 'import-bad-type', { name });
    if ((file.size ?? 0) > MAX_UNITS_FILE_BYTES) return problem('import-too-large', { size: formatBytes(file.size ?? 0), max: formatBytes(MAX_UNITS_FILE_BYTES) });
    const bytes = ctx.readFile ? await ctx.readFile(file, MAX_UNITS_FILE_BYTES) : null;
    if (!bytes) return problem('import-download-failed');
    // An Excel workbook is read as the CSV it stands for (same columns), row n as line n.
    let text: string;
    if (format === 'xlsx') {
      const rows = await readXlsxRows(bytes, 8);
      if (!rows) return problem('import-xlsx-unreadable', { name });
      text = rowsToCsv(rows);
    } else text = Buffer.from(bytes).toString('utf8');
    const r = await services.units.importFile({ actor: { id: d.actorId }, text, format: format === 'yaml' ? 'yaml' : 'csv', fileName: name });
    if (r.ok) return { ok: true, data: { ...d, file, result: { created: r.created, updated: r.updated, groups: r.groupsCreated } } };
    if ('errors' in r) return { ok: false, problem: verbatim(renderImportErrors(ctx, r.errors)) };
    return { ok: true, data: { ...d, file, refused: r.reason === 'forbidden' ? 'forbidden' : 'error-generic' } };
  }

  const fileStep: Step<UnitsImportData> = {
    id: 'file',
    accepts: 'file',
    skip: (d) => d.result !== null || d.refused !== null,
    prompt: () => ({ key: 'import-ask' }),
    hint: () => ({ key: 'import-not-file' }),
    answer: (d, a, ctx) => (a.kind === 'file' ? importNow(d, a.file, ctx) : problem('import-not-file')),
  };

  const init = (args: UnitsImportArgs): UnitsImportData => ({ actorId: args.actorId ?? 0, file: args.file ?? null, result: args.result ?? null, refused: args.refused ?? null });

  return {
    id: UNITS_IMPORT_FLOW,
    version: 1,
    nameKey: 'units-import-flow-name',
    steps: [fileStep],
    init,
    async prepare(args, env) {
      const d = init({ actorId: env.memberId });
      if (!args.file) return { ok: true, args: d };
      const r = await importNow(d, args.file, env);
      if (!r.ok) return { ok: false, message: r.problem };
      return { ok: true, args: r.data };
    },
    async complete(d, env): Promise<Reply[]> {
      if (!d.result) return [{ kind: 'say', message: { key: d.refused ?? 'forbidden' } }];
      const done: Reply = { kind: 'say', message: { key: 'import-done', vars: { created: d.result.created, updated: d.result.updated, groups: d.result.groups } }, menu: true };
      // A new bot's first import: the setup checklist says what comes next.
      const setup = await setupChecklist(services, await services.members.byId(env.memberId));
      return setup ? [done, { kind: 'say', message: setup }] : [done];
    },
  };
}
