/**
 * Vinh danh (an officer's honour roll after the tổng kết: /honours on Telegram, «vinh danh» on Zalo).
 * Asks: which campaign — passed over when named by its code or when the officer keeps only one —;
 * how the roll is given: picked from the approved registrations, people's and collectives' (buttons
 * or numbers, all of one title at once, then the decision's number and date), typed one person or
 * collective (a unit, by name or code) per line, or the decision's
 * annex uploaded as CSV or XLSX (offered only where the channel can read files); then shows the
 * roll — who, which honour, which decision, names not found flagged — and asks to publish it.
 * A list with mistakes is asked again with every problem and its line number; nothing is lost.
 *
 * Stores (in the flow state, so a draft roll survives a restart) the campaigns listed, the chosen
 * campaign's honours and earlier publication, the candidates and picks, the matched entries, and a
 * nonce: a confirmation sent twice publishes once. `HonourService.publish` re-checks the officer,
 * records the awards, queues the announcement and congratulations and audits, in one transaction.
 */
import { randomBytes } from 'node:crypto';
import type { Services } from '../services/index.js';
import type { HonourCampaign, HonourCandidate, HonourEntry } from '../services/honours.js';
import { parseDecision, parseHonourText, type HonourRow, type HonourRowError } from '../domain/honour-list.js';
import { honourFileFormat, MAX_HONOUR_FILE_BYTES, readHonourFile } from '../services/honour-files.js';
import { escapeHtml, fold, formatBytes } from '../domain/text.js';
import { formatDate } from '../domain/dates.js';
import { decisionText, titleText } from '../messages/templates.js';
import type { FlowEnv, FlowSpec, Reply } from './conversations.js';
import { problem, type Choice, type FlowContext, type Message, type Step, type StepResult } from './model.js';
import { campaignStep, namedChoice } from './steps.js';

/** Flow id of the honour roll. */
export const HONOURS_FLOW = 'honours';

/** Problems shown at once for a list (the rest are counted). */
const MAX_ERRORS_SHOWN = 20;
/** Roll lines shown in the preview (the rest are counted; all are published). */
const MAX_PREVIEW_LINES = 60;

/** What the flow is started with: a campaign code typed after the command, the officer's chat for progress. */
export interface HonoursArgs {
  code?: string;
  progressChatId: string | null;
  /** The officer answering (set by `prepare`). */
  actorId?: number;
  /** Read by `prepare`. */
  campaigns?: Array<{ id: number; title: string }>;
  campaign?: HonourCampaign;
}

interface HonoursData {
  actorId: number;
  progressChatId: string | null;
  campaigns: Array<{ id: number; title: string }>;
  campaign: HonourCampaign | null;
  mode: 'pick' | 'type' | 'file' | null;
  candidates: HonourCandidate[];
  /** Indexes into `candidates`. */
  picked: number[];
  entries: HonourEntry[];
  nonce: string;
  confirmed: boolean;
}

const verbatim = (text: string): Message => ({ key: 'flow-verbatim', vars: { text } });
const titleOf = (ctx: FlowContext, code: string | null, name: string | null) => titleText((k, v) => ctx.label(v ? { key: k, vars: v } : { key: k }), code ?? '', name);

/** Every problem of a list, one line each with its line number. */
function renderErrors(ctx: FlowContext, errors: readonly HonourRowError[]): Message {
  const lines = errors
    .slice(0, MAX_ERRORS_SHOWN)
    .map((e) => ctx.label({ key: 'import-error-line', vars: { line: e.line, problem: ctx.label({ key: `honours-error-${e.code}`, vars: { value: e.value ?? '' } }) } }));
  let text = `${ctx.label({ key: 'honours-list-errors', vars: { count: errors.length } })}\n${lines.map(escapeHtml).join('\n')}`;
  if (errors.length > MAX_ERRORS_SHOWN) text += `\n${ctx.label({ key: 'import-errors-more', vars: { count: errors.length - MAX_ERRORS_SHOWN } })}`;
  return verbatim(text);
}

/** Reads "1 3 5-7" / "1, 2": the 1-based numbers typed, or null when the text is not a list of numbers. */
function numbersIn(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const out: number[] = [];
  for (const p of parts) {
    const range = /^(\d{1,4})-(\d{1,4})$/.exec(p);
    if (range) for (let n = Number(range[1]); n <= Number(range[2]) && out.length < 2000; n++) out.push(n);
    else if (/^\d{1,4}$/.test(p)) out.push(Number(p));
    else return null;
  }
  return out;
}

/** The honour roll flow, through `services.honours`. */
export function createHonoursFlow(services: Services): FlowSpec<HonoursData, HonoursArgs> {
  const names = (ctx: FlowContext) => (code: string) => ctx.label({ key: `reg-title-${code}` });

  async function opened(d: HonoursData, campaignId: number): Promise<StepResult<HonoursData>> {
    const r = await services.honours.open(campaignId, { id: d.actorId });
    if (!r.ok) return problem(r.reason === 'not_found' ? 'honours-campaign-not-found' : 'forbidden');
    return { ok: true, data: { ...d, campaign: r.campaign } };
  }

  /** Matches rows to members and honours: to the preview, or the refusal as a problem. */
  async function matched(d: HonoursData, rows: readonly HonourRow[], ctx: FlowContext): Promise<StepResult<HonoursData>> {
    if (rows.length === 0) return problem('honours-list-empty');
    const r = await services.honours.match(d.campaign!.id, { id: d.actorId }, rows, names(ctx));
    if (!r.ok) return problem('forbidden');
    return { ok: true, data: { ...d, entries: r.entries, nonce: randomBytes(6).toString('hex') }, next: 'preview' };
  }

  const campaign = campaignStep<HonoursData>({
    prompt: 'honours-pick-campaign',
    options: (d) => d.campaigns,
    skip: (d) => d.campaign !== null,
    chosen: (d, id) => opened(d, id),
  });

  const mode: Step<HonoursData> = {
    id: 'mode',
    accepts: 'choice',
    prompt: (d) => ({ key: 'honours-ask-mode', vars: { campaign: escapeHtml(d.campaign!.title) } }),
    choices: (_d, ctx) => [
      { value: 'pick', label: { key: 'honours-mode-pick' } },
      { value: 'type', label: { key: 'honours-mode-type' } },
      // A channel that cannot hand the bot a file's content (Zalo) is not offered the upload.
      ...(ctx.readFile ? [{ value: 'file', label: { key: 'honours-mode-file' } }] : []),
    ],
    async answer(d, a) {
      if (a.kind !== 'choice') return problem('flow-problem-choice', { count: 3 });
      if (a.value === 'type') return { ok: true, data: { ...d, mode: 'type' }, next: 'list' };
      if (a.value === 'file') return { ok: true, data: { ...d, mode: 'file' }, next: 'file' };
      const r = await services.honours.candidates(d.campaign!.id, { id: d.actorId });
      if (!r.ok) return problem('forbidden');
      if (r.candidates.length === 0) return problem('honours-no-candidates');
      return { ok: true, data: { ...d, mode: 'pick', candidates: r.candidates, picked: [] }, next: 'pick' };
    },
  };

  /** The picks: one toggle per approved registration, "all of <title>" per title, then Done. */
  function pickChoices(d: HonoursData, ctx: FlowContext): Choice[] {
    const titles = [...new Set(d.candidates.map((c) => c.titleCode))];
    return [
      ...d.candidates.map((c, i) => ({
        value: `p${i}`,
        // A collective (a unit) is marked 🏢.
        label: verbatim(`${d.picked.includes(i) ? '☑' : '▫️'} ${i + 1}. ${c.unitId ? '🏢 ' : ''}${c.name} — ${titleOf(ctx, c.titleCode, c.titleName)}`),
      })),
      ...titles.map((code) => {
        const c = d.candidates.find((x) => x.titleCode === code)!;
        return { value: `t${code}`, label: { key: 'honours-pick-all-title', vars: { title: titleOf(ctx, code, c.titleName) } }, aliases: [`tat ca ${fold(code)}`] };
      }),
      { value: 'all', label: { key: 'honours-pick-all' }, aliases: ['tat ca', 'all'] },
      { value: 'done', label: { key: 'honours-pick-done' }, aliases: ['xong', 'done'] },
    ];
  }

  const pick: Step<HonoursData> = {
    id: 'pick',
    accepts: 'text',
    skip: (d) => d.mode !== 'pick',
    prompt: (d) => ({ key: 'honours-ask-pick', vars: { count: d.picked.length, total: d.candidates.length } }),
    choices: pickChoices,
    answer(d, a, ctx): StepResult<HonoursData> {
      const choices = pickChoices(d, ctx);
      let value: string | undefined;
      let numbers: number[] | null = null;
      if (a.kind === 'choice') value = a.value;
      // A text channel's hint says 0 is Back: back to how the list comes, the picks dropped.
      else if (a.kind === 'text' && a.text.trim() === '0') return { ok: true, data: { ...d, mode: null, picked: [] }, next: 'mode' };
      else if (a.kind === 'text') {
        numbers = numbersIn(a.text);
        // One number is that line (a toggle, "all of …" or Done); several toggle those people.
        if (numbers?.length === 1) value = choices[numbers[0]! - 1]?.value;
        else if (!numbers) value = namedChoice(a.text, choices, ctx)?.value;
      }
      const toggle = (set: Set<number>, i: number) => (set.has(i) ? set.delete(i) : set.add(i));
      const picked = new Set(d.picked);
      if (numbers && numbers.length > 1) {
        const wrong = numbers.filter((n) => n < 1 || n > d.candidates.length);
        if (wrong.length > 0) return problem('honours-pick-wrong', { numbers: wrong.join(', '), max: d.candidates.length });
        numbers.forEach((n) => toggle(picked, n - 1));
      } else if (value === 'done') {
        if (picked.size === 0) return problem('honours-pick-none');
        const entries = [...picked]
          .sort((x, y) => x - y)
          .map((i): HonourEntry => {
            const c = d.candidates[i]!;
            return { line: null, who: c.name, memberId: c.memberId, unitId: c.unitId ?? null, unit: c.unit, titleCode: c.titleCode, titleName: c.titleName, decisionNumber: null, decisionDate: null, problem: null };
          });
        return { ok: true, data: { ...d, entries }, next: 'decision' };
      } else if (value === 'all') d.candidates.forEach((_c, i) => picked.add(i));
      else if (value?.startsWith('t')) d.candidates.forEach((c, i) => c.titleCode === value.slice(1) && picked.add(i));
      else if (value?.startsWith('p')) toggle(picked, Number(value.slice(1)));
      else return problem('honours-pick-wrong', { numbers: a.kind === 'text' ? a.text.slice(0, 20) : '?', max: d.candidates.length });
      return { ok: true, data: { ...d, picked: [...picked].sort((x, y) => x - y) }, next: 'pick' };
    },
  };

  const decision: Step<HonoursData> = {
    id: 'decision',
    accepts: 'text',
    skip: (d) => d.mode !== 'pick',
    prompt: () => ({ key: 'honours-ask-decision' }),
    choices: () => [{ value: 'skip', label: { key: 'honours-decision-skip' }, aliases: ['bo qua', 'skip'] }],
    numbersAreValues: () => true,
    async answer(d, a, ctx) {
      let decisionNumber: string | null = null;
      let decisionDate: string | null = null;
      const skip = a.kind === 'choice' || (a.kind === 'text' && namedChoice(a.text, [{ value: 'skip', label: { key: 'honours-decision-skip' }, aliases: ['bo qua', 'skip'] }], ctx));
      if (!skip && a.kind === 'text') {
        const r = parseDecision(a.text, ctx.now);
        if (!r.ok) return problem('honours-error-bad-date', { value: escapeHtml(r.value) });
        ({ decisionNumber, decisionDate } = r);
      }
      const entries = d.entries.map((e) => ({ ...e, decisionNumber, decisionDate }));
      return { ok: true, data: { ...d, entries: await services.honours.flagKnown(d.campaign!.id, entries), nonce: randomBytes(6).toString('hex') }, next: 'preview' };
    },
  };

  const list: Step<HonoursData> = {
    id: 'list',
    accepts: 'text',
    skip: (d) => d.mode !== 'type',
    prompt: () => ({ key: 'honours-ask-list' }),
    async answer(d, a, ctx) {
      if (a.kind !== 'text') return problem('honours-ask-list');
      const parsed = parseHonourText(a.text, ctx.now);
      if (parsed.errors.length > 0) return { ok: false, problem: renderErrors(ctx, parsed.errors) };
      return matched(d, parsed.rows, ctx);
    },
  };

  const file: Step<HonoursData> = {
    id: 'file',
    accepts: 'file',
    skip: (d) => d.mode !== 'file',
    prompt: () => ({ key: 'honours-ask-file' }),
    hint: () => ({ key: 'honours-ask-file' }),
    async answer(d, a, ctx) {
      if (a.kind !== 'file') return problem('honours-ask-file');
      const name = a.file.fileName ?? 'file';
      const format = honourFileFormat(name);
      if (!format) return problem('honours-file-type', { name: escapeHtml(name) });
      if ((a.file.size ?? 0) > MAX_HONOUR_FILE_BYTES) return problem('import-too-large', { size: formatBytes(a.file.size ?? 0), max: formatBytes(MAX_HONOUR_FILE_BYTES) });
      const bytes = ctx.readFile ? await ctx.readFile(a.file, MAX_HONOUR_FILE_BYTES) : null;
      if (!bytes) return problem('import-download-failed');
      const read = await readHonourFile(format, bytes, ctx.now);
      if (!read.ok) return problem('honours-file-unreadable', { name: escapeHtml(name) });
      if (read.errors.length > 0) return { ok: false, problem: renderErrors(ctx, read.errors) };
      return matched(d, read.rows, ctx);
    },
  };

  /** The roll as the officer checks it: publishable entries, then those left out with the reason. */
  function previewText(d: HonoursData, ctx: FlowContext): string {
    const t = (key: string, vars?: Record<string, string | number>) => ctx.label(vars ? { key, vars } : { key });
    const ok = d.entries.filter((e) => e.problem === null);
    const out = d.entries.filter((e) => e.problem !== null);
    const line = (e: HonourEntry) => {
      const decision = decisionText(t, e.decisionNumber, e.decisionDate);
      return t('honours-preview-line', {
        line: e.line === null ? '' : `${t('honours-line-no', { line: e.line })} `,
        name: `${e.unitId && !e.memberId ? '🏢 ' : ''}${escapeHtml(e.who)}`,
        unit: e.unit ? ` (${escapeHtml(e.unit)})` : '',
        title: escapeHtml(titleOf(ctx, e.titleCode, e.titleName)),
        decision: decision ? ` — ${decision}` : '',
      });
    };
    const units = ok.filter((e) => e.unitId && !e.memberId).length;
    const people = ok.length - units;
    const who = units === 0 || people > 0 ? [t('honours-count-people', { count: people }), ...(units > 0 ? [t('honours-count-units', { count: units })] : [])] : [t('honours-count-units', { count: units })];
    const parts = [t('honours-preview-header', { campaign: escapeHtml(d.campaign!.title), who: who.join(', ') })];
    const shown = ok.slice(0, MAX_PREVIEW_LINES).map(line);
    if (ok.length > MAX_PREVIEW_LINES) shown.push(t('honours-roll-more', { count: ok.length - MAX_PREVIEW_LINES }));
    if (shown.length > 0) parts.push(shown.join('\n'));
    if (ok.some((e) => e.titleCode === null)) parts.push(t('honours-preview-free-text'));
    if (out.length > 0) {
      parts.push(
        [t('honours-preview-left-out', { count: out.length }), ...out.slice(0, MAX_PREVIEW_LINES).map((e) => `${line(e)} — ${t(`honours-problem-${e.problem}`)}${e.alternatives ? `: ${escapeHtml(e.alternatives)}` : ''}`)].join('\n'),
      );
    }
    const published = d.campaign!.published;
    if (published) parts.push(t('honours-preview-published-before', { count: published.count, date: formatDate(new Date(published.lastAt)) }));
    if (ok.length > 0) parts.push(t('honours-preview-confirm'));
    else parts.push(t('honours-preview-nothing'));
    return parts.join('\n\n');
  }

  const preview: Step<HonoursData> = {
    id: 'preview',
    accepts: 'choice',
    prompt: (d, ctx) => verbatim(previewText(d, ctx)),
    choices: (d) => [
      ...(d.entries.some((e) => e.problem === null) ? [{ value: 'publish', label: { key: d.campaign!.published ? 'honours-publish-again' : 'honours-publish' } }] : []),
      { value: 'redo', label: { key: 'honours-redo' } },
    ],
    answer(d, a) {
      if (a.kind !== 'choice') return problem('flow-problem-choice', { count: 2 });
      if (a.value === 'redo') return { ok: true, data: { ...d, mode: null, entries: [], picked: [] }, next: 'mode' };
      return { ok: true, data: { ...d, confirmed: true } };
    },
  };

  const init = (args: HonoursArgs): HonoursData => ({
    actorId: args.actorId ?? 0,
    progressChatId: args.progressChatId,
    campaigns: args.campaigns ?? [],
    campaign: args.campaign ?? null,
    mode: null,
    candidates: [],
    picked: [],
    entries: [],
    nonce: '',
    confirmed: false,
  });

  return {
    id: HONOURS_FLOW,
    version: 1,
    nameKey: 'honours-flow-name',
    keepsMember: true,
    cancelled: { key: 'honours-cancelled' },
    steps: [campaign, mode, pick, decision, list, file, preview],
    init,
    async prepare(args, env: FlowEnv) {
      const listed = await services.honours.campaignsFor({ id: env.memberId });
      if (!listed.ok) return { ok: false, message: { key: 'forbidden' } };
      // The acting officer is the member answering: kept in the data so steps can call the services.
      const base: HonoursArgs = { ...args, actorId: env.memberId };
      const code = args.code?.trim().toLowerCase();
      const only = code ? listed.campaigns.filter((c) => c.code === code) : listed.campaigns;
      if (code && only.length === 0) {
        // Named but not theirs (or unknown): the service says which, and audits a refusal.
        const c = await services.campaigns.byCode(code);
        if (!c) return { ok: false, message: { key: 'honours-campaign-not-found' } };
        const r = await services.honours.open(c.id, { id: env.memberId });
        return { ok: false, message: { key: r.ok || r.reason === 'not_found' ? 'honours-campaign-not-found' : 'forbidden' } };
      }
      if (only.length === 0) return { ok: false, message: { key: 'honours-no-campaigns' } };
      if (only.length === 1) {
        const r = await services.honours.open(only[0]!.id, { id: env.memberId });
        if (!r.ok) return { ok: false, message: { key: 'forbidden' } };
        return { ok: true, args: { ...base, campaign: r.campaign } };
      }
      return { ok: true, args: { ...base, campaigns: only.map((c) => ({ id: c.id, title: c.title })) } };
    },
    async complete(d, env): Promise<Reply[]> {
      if (!d.confirmed || !d.campaign) return [{ kind: 'say', message: { key: 'honours-cancelled' } }];
      const r = await services.honours.publish({
        campaignId: d.campaign.id,
        actor: { id: env.memberId },
        entries: d.entries,
        nonce: d.nonce,
        again: d.campaign.published !== null,
        progressChatId: d.progressChatId,
      });
      if (r.ok) {
        const vars = { awards: r.awards, people: r.awards - r.units, units: r.units, members: r.members, groups: r.groups, congratulated: r.congratulated };
        return [{ kind: 'say', message: { key: r.units > 0 ? 'honours-published-units' : 'honours-published', vars }, menu: true }];
      }
      if (r.reason === 'already_published') return [{ kind: 'say', message: { key: 'honours-already-published', vars: { count: r.count ?? 0 } }, menu: true }];
      if (r.reason === 'nothing_new') return [{ kind: 'say', message: { key: 'honours-nothing-new' }, menu: true }];
      return [{ kind: 'say', message: { key: r.reason === 'not_found' ? 'honours-campaign-not-found' : 'forbidden' }, menu: true }];
    },
  };
}
