/**
 * Nhập phong trào từ tệp (an officer's /importcampaign, or a YAML/JSON file sent outright). Asks:
 * the file (skipped when it came with the start), then — only when its code is taken or invalid —
 * another code, under which the same file is imported. A file that is not YAML/JSON, too large or
 * invalid is refused with its problems and the file asked again. Stores (in the flow state) the
 * file's channel reference (never its content), the code asked for and the outcome; the channel
 * reads the file (`FlowContext.readFile`), and `CampaignService.importFile` checks the officer's
 * role and scope, saves the draft and audits the import or the refusal.
 */
import type { Services } from '../services/index.js';
import type { CampaignFileError } from '../domain/campaign-file.js';
import { escapeHtml, formatBytes } from '../domain/text.js';
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type FileRef, type FlowContext, type Message, type Step, type StepResult } from './model.js';
import { renderFileProblems, type T } from './campaign-text.js';

/** Flow id of importing a campaign file. */
export const CAMPAIGN_IMPORT_FLOW = 'campaign-import';

/** Largest campaign file accepted. */
export const MAX_CAMPAIGN_FILE_BYTES = 1024 * 1024;

interface Saved {
  id: number;
  title: string;
  code: string;
  replaced: boolean;
  warnings: CampaignFileError[];
}

interface ImportData {
  actorId: number;
  file: FileRef | null;
  /** The file's code was refused: another one is asked for. */
  codeAsk: { reason: 'code_taken' | 'code_invalid'; code: string } | null;
  saved: Saved | null;
  /** Locale key of a refusal that ends the import (no longer an officer). */
  refused: string | null;
}

/** What the flow is started with: a file sent outright, if any (imported before any question). */
export type CampaignImportArgs = Partial<ImportData>;

/** The format a campaign file is read in, by its name or MIME type; null when it is neither YAML nor JSON. */
export function campaignFileFormat(name: string, mime: string | undefined): 'yaml' | 'json' | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'json') return 'json';
  if (mime && /yaml/.test(mime)) return 'yaml';
  if (mime === 'application/json') return 'json';
  return null;
}

const verbatim = (text: string): Message => ({ key: 'flow-verbatim', vars: { text } });

/** The import flow, importing through `services.campaigns`. */
export function createCampaignImportFlow(services: Services): FlowSpec<ImportData, CampaignImportArgs> {
  /** Reads and imports `file` (under `code` when given): the next data, or the problem that asks again. */
  async function importNow(d: ImportData, file: FileRef, ctx: FlowContext, code?: string): Promise<StepResult<ImportData>> {
    const fileName = file.fileName ?? 'file';
    const format = campaignFileFormat(fileName, file.mimeType);
    if (!format) return problem('camp-file-bad-type', { name: escapeHtml(fileName) });
    if ((file.size ?? 0) > MAX_CAMPAIGN_FILE_BYTES) return problem('import-too-large', { size: formatBytes(file.size ?? 0), max: formatBytes(MAX_CAMPAIGN_FILE_BYTES) });
    const bytes = ctx.readFile ? await ctx.readFile(file, MAX_CAMPAIGN_FILE_BYTES) : null;
    if (!bytes) return problem('import-download-failed');
    const r = await services.campaigns.importFile({
      text: Buffer.from(bytes).toString('utf8'),
      format,
      fileName,
      actor: { id: d.actorId },
      ...(code !== undefined ? { code } : {}),
    });
    if (r.ok) return { ok: true, data: { ...d, file, saved: { id: r.campaign.id, title: r.campaign.title, code: r.campaign.code, replaced: r.replaced, warnings: r.warnings } } };
    const t: T = (key, vars) => ctx.label(vars ? { key, vars } : { key });
    switch (r.reason) {
      case 'invalid':
        return { ok: false, problem: verbatim(`${t('camp-import-invalid', { count: r.errors.length })}\n${renderFileProblems(t, r.errors)}`) };
      case 'code_taken':
      case 'code_invalid':
        return { ok: true, data: { ...d, file, codeAsk: { reason: r.reason, code: r.code } }, next: 'code' };
      case 'audience_unknown':
        return problem('camp-audience-unknown', { codes: escapeHtml(r.codes.join(', ')) });
      case 'audience_out_of_scope':
        return problem('camp-audience-out-of-scope', { codes: escapeHtml(r.codes.join(', ')) });
      case 'officer_without_unit':
        return { ok: true, data: { ...d, refused: 'officer-needs-unit' } };
      case 'not_officer':
        return { ok: true, data: { ...d, refused: 'forbidden' } };
    }
  }

  const fileStep: Step<ImportData> = {
    id: 'file',
    accepts: 'file',
    skip: (d) => d.file !== null,
    prompt: () => ({ key: 'camp-upload-ask' }),
    hint: () => ({ key: 'camp-upload-not-file' }),
    answer: (d, a, ctx) => (a.kind === 'file' ? importNow(d, a.file, ctx) : problem('camp-upload-not-file')),
  };

  const code: Step<ImportData> = {
    id: 'code',
    accepts: 'text',
    skip: (d) => d.codeAsk === null || d.saved !== null || d.refused !== null,
    prompt: (d) => ({ key: d.codeAsk?.reason === 'code_invalid' ? 'camp-code-invalid' : 'camp-code-taken', vars: { code: escapeHtml(d.codeAsk?.code ?? '') } }),
    answer: (d, a, ctx) => (a.kind === 'text' && d.file ? importNow(d, d.file, ctx, a.text.trim().toLowerCase()) : problem('flow-problem-text')),
  };

  const init = (args: CampaignImportArgs): ImportData => ({ actorId: args.actorId ?? 0, file: args.file ?? null, codeAsk: args.codeAsk ?? null, saved: args.saved ?? null, refused: args.refused ?? null });

  return {
    id: CAMPAIGN_IMPORT_FLOW,
    version: 1,
    nameKey: 'camp-import-flow-name',
    steps: [fileStep, code],
    init,
    async prepare(args, env) {
      const d = init({ ...args, actorId: env.memberId, file: null });
      if (!args.file) return { ok: true, args: d };
      // A file sent outright is imported at once: only a refused code leaves a question open.
      const r = await importNow(d, args.file, env);
      if (!r.ok) return { ok: false, message: r.problem };
      return { ok: true, args: r.data };
    },
    async complete(d, env): Promise<Reply[]> {
      if (!d.saved) return [{ kind: 'say', message: { key: d.refused ?? 'forbidden' } }];
      const s = d.saved;
      let text = env.label({ key: s.replaced ? 'camp-import-replaced' : 'camp-import-done', vars: { title: escapeHtml(s.title), code: escapeHtml(s.code) } });
      const t: T = (key, vars) => env.label(vars ? { key, vars } : { key });
      if (s.warnings.length > 0) text += `\n\n${t('camp-import-warnings')}\n${renderFileProblems(t, s.warnings, Infinity)}`;
      return [
        { kind: 'say', message: verbatim(text) },
        { kind: 'done', flow: CAMPAIGN_IMPORT_FLOW, value: { campaignId: s.id } },
      ];
    },
  };
}
