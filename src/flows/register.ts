/**
 * Đăng ký thi đua (registration), for every channel.
 *
 * Asks: the campaign (when several are open and none was named) → the scope (an officer may
 * register their unit) → what to do with an existing registration (edit or withdraw) → the title,
 * each with a one-line explanation → a target per content line (a number — a figure that reads two
 * ways, "500,000", is put back as "500.000 or 500?" —, yes/no or text; keep, skip or finish early)
 * → for CSTĐCS and higher the basis and the planned initiative or topic → a summary with Confirm /
 * Edit. Editing (a stored registration — a returned one shows the officer's reason — or the summary)
 * asks which part to change: the title, one content line or the basis, then back to the summary
 * with the rest kept; or everything again. Stores: the chosen campaign (its titles and lines), the scope and the draft registration;
 * Confirm hands the draft to `RegistrationService.submit`, which decides who may register what and
 * audits it.
 */
import type { Services } from '../services/index.js';
import type { CampaignDto, CommitmentInput, LineDto, RegistrationDto, SubmitResult } from '../services/registrations.js';
import { isTitleCode, TITLE_POLICY, type Basis, type Scope } from '../domain/titles.js';
import { formatDateTime } from '../domain/dates.js';
import { escapeHtml } from '../domain/text.js';
import { titleText } from '../messages/templates.js';
import { problem, type Answer, type Choice, type FlowContext, type Message, type Step, type StepResult } from './model.js';
import type { FlowEnv, FlowSpec, Reply } from './conversations.js';
import { campaignStep as whichCampaign, namedChoice } from './steps.js';
import { linePath, MAX_LINE_TEXT, parseLineValue, readingAliases, valueText, type TwoWayFigure } from './values.js';

/** Flow id of đăng ký thi đua. */
export const REGISTER_FLOW = 'register';

/** The question asking for the planned achievement of a basis (the rating needs none). */
const ASK_ACHIEVEMENT: Partial<Record<Basis, string>> = { INITIATIVE: 'reg-ask-initiative', TOPIC: 'reg-ask-topic', COMBAT_INGENUITY: 'reg-ask-combat' };

/** The registration being written: title, commitments by line id (as a string: state is JSON), basis. */
export interface Draft {
  titleCode: string | null;
  commitments: Record<string, CommitmentInput>;
  basis: Basis | null;
  initiativeTitle: string | null;
}

/** A typed figure that reads two ways, waiting for the member to say which. */
type Pending = TwoWayFigure;

/** The flow's stored data. */
export interface RegisterData {
  me: { id: number; role: string; unitId: number; unitName: string; locale: 'vi' | 'en' };
  /** The campaigns offered by the first question (id and title; the chosen one is read again). */
  campaigns: Array<{ id: number; title: string }>;
  campaign: CampaignDto | null;
  scopes: Scope[];
  scope: Scope;
  /** The registration already stored for this campaign and scope (shown with Edit / Withdraw; a returned one with the officer's reason). */
  existing: { id: number; status: RegistrationDto['status']; returnReason?: string | null } | null;
  /** Editing: ask which part to change (the title, one content line, the basis) instead of every question again. */
  pickPart?: boolean;
  /** The one part being changed: after it, straight back to the summary, the rest kept. */
  only?: 'title' | 'line' | 'basis' | null;
  draft: Draft;
  /** Index of the content line (among the leaves) being asked. */
  line: number;
  pending: Pending | null;
  /** Set when the flow stops early with this message (registration closed, withdrawn…). */
  end: Message | null;
}

/** How the flow is started: for one campaign (deep link, announcement button) or any open one. */
export interface RegisterArgs {
  campaignId?: number | null;
  /** Filled by `prepare`. */
  prepared?: RegisterData;
}

/** A text already in the member's language (composed from other keys), or data (a title on a button), as a message. */
function text(t: string): Message {
  return { key: 'flow-verbatim', vars: { text: t } };
}

/** Display name of a title in the member's language (messages/templates.ts titleText: custom honours carry their own name). */
function titleLabel(ctx: Pick<FlowContext, 'label'>, code: string, customName?: string | null): string {
  return titleText((key, vars) => ctx.label({ key, ...(vars ? { vars } : {}) }), code, customName);
}

const leavesOf = (d: RegisterData): LineDto[] => d.campaign?.lines.filter((l) => l.leaf) ?? [];
/** The line asked: after "xong" or the last line, Back returns to the last one. */
const currentLine = (d: RegisterData): number => Math.max(0, Math.min(d.line, leavesOf(d).length - 1));
const policyOf = (d: RegisterData) => (d.draft.titleCode && isTitleCode(d.draft.titleCode) ? TITLE_POLICY[d.draft.titleCode] : null);
const emptyDraft = (): Draft => ({ titleCode: null, commitments: {}, basis: null, initiativeTitle: null });

function summary(ctx: FlowContext, d: RegisterData, draft: Draft): string {
  const c = d.campaign!;
  const title = c.titles.find((t) => t.code === draft.titleCode);
  const parts = [
    ctx.label({ key: 'reg-summary-title', vars: { campaign: escapeHtml(c.title) } }),
    ctx.label({ key: d.scope === 'COLLECTIVE' ? 'reg-summary-collective' : 'reg-summary-individual', vars: { unit: escapeHtml(d.me.unitName) } }),
    ctx.label({ key: 'reg-summary-danh-hieu', vars: { title: escapeHtml(titleLabel(ctx, draft.titleCode ?? '', title?.name)) } }),
  ];
  const committed = c.lines.filter((l) => draft.commitments[String(l.id)]);
  if (committed.length === 0) parts.push(ctx.label({ key: 'reg-summary-no-commitments' }));
  else {
    parts.push(ctx.label({ key: 'reg-summary-commitments' }));
    for (const l of committed) parts.push(`• ${escapeHtml(l.title)}: <b>${escapeHtml(valueText(ctx, d.me.locale, l, draft.commitments[String(l.id)]!))}</b>`);
  }
  if (draft.basis) parts.push(ctx.label({ key: 'reg-summary-basis', vars: { basis: ctx.label({ key: `reg-basis-${draft.basis}` }) } }));
  if (draft.initiativeTitle) parts.push(ctx.label({ key: 'reg-summary-initiative', vars: { initiative: escapeHtml(draft.initiativeTitle) } }));
  return parts.join('\n');
}

/**
 * Whom a member should contact, as one phrase ("cán bộ phụ trách thi đua <b>Lan</b>", or "cán bộ
 * phụ trách thi đua của đơn vị" when the unit has none): the sentence around it never repeats the role.
 */
type Contact = (officerName: string | null) => string;

function contactOf(label: (m: Message) => string): Contact {
  return (name) => (name ? label({ key: 'reg-closed-officer', vars: { name: escapeHtml(name) } }) : label({ key: 'reg-closed-no-officer' }));
}

/** A refusal of the registration rules, as a message. */
function refusal(r: Extract<SubmitResult, { ok: false }>, deadline: string | null, contact: Contact): Message {
  if (r.reason === 'registration_closed') {
    return { key: 'reg-closed', vars: { deadline: deadline ? formatDateTime(new Date(deadline)) : '', contact: contact(r.officerName ?? null) } };
  }
  return { key: `reg-refused-${r.reason}` };
}

/**
 * Builds the registration flow over the services it calls.
 *
 * @example flows.push(createRegisterFlow(services)); // then conversations.start(key, REGISTER_FLOW, { campaignId }, env)
 */
export function createRegisterFlow(services: Services): FlowSpec<RegisterData, RegisterArgs> {
  const registrations = services.registrations;

  /** The registration stored for the chosen campaign and scope: shown for editing, or a stop. */
  async function withExisting(d: RegisterData, known?: RegistrationDto | null): Promise<RegisterData> {
    // The member's own registration may already be known (read with the campaigns); a unit's is read here.
    const existing = known !== undefined && d.scope === 'INDIVIDUAL' ? known : await registrations.existing(d.campaign!.id, d.me.id, d.scope);
    if (!existing || existing.status === 'WITHDRAWN') return { ...d, existing: null, draft: emptyDraft() };
    if (existing.status === 'REJECTED') return { ...d, end: { key: 'reg-refused-registration_rejected' } };
    const draft: Draft = {
      titleCode: existing.titleCode,
      commitments: Object.fromEntries(existing.commitments.map((cm) => [String(cm.criterionId), cm])),
      basis: existing.basis,
      initiativeTitle: existing.initiativeTitle,
    };
    return { ...d, existing: { id: existing.id, status: existing.status, returnReason: existing.returnReason }, draft };
  }

  /** Enters a campaign: closed → who to contact; the scopes the member may choose; one scope → its registration. */
  async function enterCampaign(d: RegisterData, campaign: CampaignDto, contact: Contact, own?: RegistrationDto | null): Promise<RegisterData> {
    const next: RegisterData = { ...d, campaign, existing: null, draft: emptyDraft(), line: 0, pending: null };
    if (!campaign.registrationOpen) {
      const officerName = await registrations.contactOfficer(d.me.unitId);
      return { ...next, end: refusal({ ok: false, reason: 'registration_closed', officerName }, campaign.registrationDueAt, contact) };
    }
    const scopes: Scope[] = [];
    if (campaign.titles.some((t) => t.scope === 'INDIVIDUAL')) scopes.push('INDIVIDUAL');
    if (d.me.role !== 'MEMBER' && campaign.titles.some((t) => t.scope === 'COLLECTIVE')) scopes.push('COLLECTIVE');
    if (scopes.length === 0) return { ...next, scopes, end: { key: 'reg-no-titles-for-you' } };
    if (scopes.length > 1) return { ...next, scopes };
    return withExisting({ ...next, scopes, scope: scopes[0]! }, own);
  }

  /** Every step stops asking once the flow has its closing message. */
  const ended = (d: RegisterData) => d.end !== null;
  const buttonHint = (): Message => ({ key: 'cv-hint-button' });

  const campaignStep: Step<RegisterData> = {
    ...whichCampaign<RegisterData>({
      prompt: 'reg-ask-campaign',
      options: (d) => d.campaigns,
      skip: (d) => ended(d) || d.campaigns.length < 2,
      async chosen(d, id, ctx) {
        const opening = await registrations.opening(d.me.id);
        const campaign = opening.campaigns.find((c) => c.id === id);
        if (!campaign) return problem('reg-campaign-not-open');
        return { ok: true, data: await enterCampaign(d, campaign, contactOf((m) => ctx.label(m)), opening.own[campaign.id] ?? null) };
      },
    }),
    hint: buttonHint,
  };

  const scopeStep: Step<RegisterData> = {
    id: 'scope',
    accepts: 'choice',
    skip: (d) => ended(d) || d.scopes.length < 2,
    prompt: (d) => ({ key: 'reg-ask-scope', vars: { campaign: escapeHtml(d.campaign!.title) } }),
    choices: (d) => [
      { value: 'INDIVIDUAL', label: { key: 'reg-scope-individual' } },
      { value: 'COLLECTIVE', label: { key: 'reg-scope-collective', vars: { unit: d.me.unitName } } },
    ],
    hint: buttonHint,
    async answer(d, a) {
      return { ok: true, data: await withExisting({ ...d, scope: (a as { value: string }).value as Scope }) };
    },
  };

  const existingStep: Step<RegisterData> = {
    id: 'existing',
    accepts: 'choice',
    skip: (d) => ended(d) || !d.existing,
    prompt: (d, ctx) =>
      text(
        [
          ctx.label({ key: 'reg-existing', vars: { status: ctx.label({ key: `reg-status-${d.existing!.status}` }) } }),
          ...(d.existing!.status === 'RETURNED' && d.existing!.returnReason ? [ctx.label({ key: 'reg-existing-reason', vars: { reason: escapeHtml(d.existing!.returnReason) } })] : []),
          summary(ctx, d, d.draft),
        ].join('\n\n'),
      ),
    choices: () => [
      { value: 'edit', label: { key: 'reg-edit' } },
      { value: 'withdraw', label: { key: 'reg-withdraw' } },
    ],
    hint: buttonHint,
    async answer(d, a) {
      if ((a as { value: string }).value !== 'withdraw') return { ok: true, data: { ...d, pickPart: true } };
      const r = await registrations.withdraw(d.existing!.id, d.me.id);
      const end: Message = r.ok ? { key: 'reg-withdrawn', vars: { campaign: escapeHtml(d.campaign!.title) } } : { key: `reg-refused-${r.reason}` };
      return { ok: true, data: { ...d, end } };
    },
  };

  /** The parts of a draft that can be changed one at a time, as choices. */
  function partChoices(d: RegisterData, ctx: FlowContext): Choice[] {
    const c = d.campaign!;
    const title = c.titles.find((t) => t.code === d.draft.titleCode);
    const choices: Choice[] = [{ value: 'title', label: text(ctx.label({ key: 'reg-part-title', vars: { title: titleLabel(ctx, d.draft.titleCode ?? '', title?.name) } }).slice(0, 60)) }];
    leavesOf(d).forEach((l, i) => {
      const current = d.draft.commitments[String(l.id)];
      const value = current ? valueText(ctx, d.me.locale, l, current) : ctx.label({ key: 'reg-part-empty' });
      choices.push({ value: `line:${i}`, label: text(`${l.title}: ${value}`.slice(0, 60)) });
    });
    if (policyOf(d)?.asksBasis) choices.push({ value: 'basis', label: { key: 'reg-part-basis' } });
    choices.push({ value: 'all', label: { key: 'reg-part-all' } });
    return choices;
  }

  /** Editing a registration: which part to change; the others are kept as they are. */
  const partStep: Step<RegisterData> = {
    id: 'part',
    accepts: 'choice',
    skip: (d) => ended(d) || !d.pickPart,
    prompt: () => ({ key: 'reg-ask-part' }),
    choices: partChoices,
    hint: buttonHint,
    answer(d, a) {
      const value = (a as { value: string }).value;
      const base = { ...d, pickPart: false, pending: null };
      if (value === 'title') return { ok: true, data: { ...base, only: 'title' }, next: 'title' };
      if (value === 'basis') return { ok: true, data: { ...base, only: 'basis' }, next: 'basis' };
      if (value.startsWith('line:')) return { ok: true, data: { ...base, only: 'line', line: Number(value.slice(5)) }, next: 'line' };
      return { ok: true, data: { ...base, only: null }, next: 'title' };
    },
  };

  const titleStep: Step<RegisterData> = {
    id: 'title',
    accepts: 'choice',
    skip: ended,
    prompt(d, ctx) {
      const c = d.campaign!;
      const lines = c.titles
        .filter((t) => t.scope === d.scope)
        .map((t) => {
          const desc = ctx.label({ key: t.custom || !isTitleCode(t.code) ? 'reg-title-desc-custom' : `reg-title-desc-${t.code}` });
          return `• <b>${escapeHtml(titleLabel(ctx, t.code, t.name))}</b> — ${desc}`;
        });
      return text([ctx.label({ key: 'reg-ask-title', vars: { campaign: escapeHtml(c.title) } }), ...lines].join('\n'));
    },
    choices: (d, ctx) =>
      d.campaign!.titles.filter((t) => t.scope === d.scope).map((t) => ({ value: t.code, label: text(titleLabel(ctx, t.code, t.name).slice(0, 60)) })),
    hint: buttonHint,
    answer(d, a) {
      const titleCode = (a as { value: string }).value;
      const draft: Draft = { ...d.draft, titleCode };
      const policy = isTitleCode(titleCode) ? TITLE_POLICY[titleCode] : null;
      if (!policy?.asksBasis) Object.assign(draft, { basis: null, initiativeTitle: null });
      // Changing only the title: back to the summary — through the basis when the new title needs one not given yet.
      if (d.only === 'title') {
        if (policy?.asksBasis && !draft.basis) return { ok: true, data: { ...d, draft, pending: null, only: 'basis' }, next: 'basis' };
        return { ok: true, data: { ...d, draft, pending: null, only: null }, next: 'summary' };
      }
      return { ok: true, data: { ...d, draft, line: 0, pending: null } };
    },
  };

  /** Stores the current line's commitment (or removes it) and moves to the next line, or on. */
  function commit(d: RegisterData, value: CommitmentInput | 'skip' | 'keep', done = false): StepResult<RegisterData> {
    const leaves = leavesOf(d);
    const line = leaves[currentLine(d)]!;
    const commitments = { ...d.draft.commitments };
    if (value === 'skip') delete commitments[String(line.id)];
    else if (value !== 'keep') commitments[String(line.id)] = value;
    // Changing one line only: back to the summary, the other lines kept.
    if (d.only === 'line') return { ok: true, data: { ...d, draft: { ...d.draft, commitments }, pending: null, only: null }, next: 'summary' };
    const nextLine = done ? leaves.length : currentLine(d) + 1;
    const data: RegisterData = { ...d, draft: { ...d.draft, commitments }, line: nextLine, pending: null };
    return nextLine < leaves.length ? { ok: true, data, next: 'line' } : { ok: true, data };
  }

  /** The two readings of an ambiguous figure, as choices that can also be typed as shown. */
  function readings(d: RegisterData, ctx: FlowContext, line: LineDto, p: Pending): Choice[] {
    const reading = (value: string, which: string): Choice => ({
      value: which,
      label: text(valueText(ctx, d.me.locale, line, { number: value })),
      aliases: readingAliases(value, d.me.locale),
    });
    return [reading(p.thousands, 'thousands'), reading(p.decimal, 'decimal')];
  }

  const lineStep: Step<RegisterData> = {
    id: 'line',
    accepts: 'text',
    skip: (d) => ended(d) || leavesOf(d).length === 0,
    prompt(d, ctx): Message {
      const leaves = leavesOf(d);
      const line = leaves[currentLine(d)]!;
      if (d.pending) {
        const [thousands, decimal] = readings(d, ctx, line, d.pending).map((c) => escapeHtml(ctx.label(c.label)));
        return { key: 'cv-number-which', vars: { typed: escapeHtml(d.pending.typed), thousands: thousands!, decimal: decimal! } };
      }
      return {
        key: `reg-ask-line-${line.measure}`,
        vars: {
          n: currentLine(d) + 1,
          total: leaves.length,
          line: escapeHtml(linePath(d.campaign!.lines, line)),
          unit: line.unitOfMeasure ? ` (${escapeHtml(line.unitOfMeasure)})` : '',
        },
      };
    },
    numbersAreValues: (d) => !d.pending && leavesOf(d)[currentLine(d)]?.measure === 'NUMBER',
    choices(d, ctx) {
      const line = leavesOf(d)[currentLine(d)]!;
      if (d.pending) return readings(d, ctx, line, d.pending);
      const choices: Choice[] = [];
      if (line.measure === 'YES_NO') choices.push({ value: 'yes', label: { key: 'cv-yes' } }, { value: 'no', label: { key: 'cv-no' } });
      const current = d.draft.commitments[String(line.id)];
      if (current) choices.push({ value: 'keep', label: { key: 'reg-keep', vars: { value: valueText(ctx, d.me.locale, line, current).slice(0, 30) } } });
      choices.push({ value: 'skip', label: { key: 'cv-skip' }, aliases: ['bo qua', 'skip'] }, { value: 'done', label: { key: 'cv-done' }, aliases: ['xong', 'done'] });
      return choices;
    },
    hint: (d) => (d.pending ? { key: 'cv-number-which-hint' } : { key: `reg-hint-line-${leavesOf(d)[currentLine(d)]!.measure}` }),
    back(d) {
      if (d.pending) return { ...d, pending: null };
      return currentLine(d) > 0 ? { ...d, line: currentLine(d) - 1 } : null;
    },
    answer(d, a: Answer, ctx) {
      const line = leavesOf(d)[currentLine(d)]!;
      let value: string | undefined;
      if (a.kind === 'choice') value = a.value;
      else if (a.kind === 'text') value = namedChoice(a.text, lineStep.choices!(d, ctx), ctx)?.value;
      if (d.pending) {
        if (value === 'thousands' || value === 'decimal') return commit(d, { criterionId: line.id, number: d.pending[value] });
        if (a.kind !== 'text') return problem('cv-number-which-hint');
        const typed = parseLineValue(d.me.locale, line, a.text);
        if (typed.kind === 'value') return commit(d, typed.value);
        return typed.kind === 'problem' ? { ok: false, problem: typed.problem } : problem('cv-number-which-hint');
      }
      if (value === 'yes' || value === 'no') return commit(d, { criterionId: line.id, bool: value === 'yes' });
      if (value === 'skip' || value === 'keep') return commit(d, value);
      if (value === 'done') return commit(d, 'keep', true);
      if (a.kind !== 'text') return { ok: false, problem: lineStep.hint!(d, ctx) };
      const typed = parseLineValue(d.me.locale, line, a.text);
      if (typed.kind === 'problem') return { ok: false, problem: typed.problem };
      // A figure that reads two ways is never guessed: the same line asks which one was meant.
      if (typed.kind === 'ambiguous') return { ok: true, data: { ...d, pending: { typed: typed.typed, thousands: typed.thousands, decimal: typed.decimal } }, next: 'line' };
      return commit(d, typed.value);
    },
  };

  const basisStep: Step<RegisterData> = {
    id: 'basis',
    accepts: 'choice',
    skip: (d) => ended(d) || !policyOf(d)?.asksBasis,
    prompt: (d, ctx) => {
      const policy = policyOf(d)!;
      return { key: 'reg-ask-basis', vars: { title: escapeHtml(titleLabel(ctx, policy.code)), citation: policy.citation } };
    },
    choices: (d) => policyOf(d)!.bases.map((b) => ({ value: b, label: { key: `reg-basis-${b}` } })),
    hint: buttonHint,
    answer(d, a) {
      const basis = (a as { value: string }).value as Basis;
      const initiativeTitle = basis === 'EXCELLENT_RATING' ? null : d.draft.initiativeTitle;
      const data = { ...d, draft: { ...d.draft, basis, initiativeTitle } };
      // Changing only the basis: its initiative next when it has one, else the summary.
      if (d.only === 'basis' && basis === 'EXCELLENT_RATING') return { ok: true, data: { ...data, only: null }, next: 'summary' };
      return { ok: true, data };
    },
  };

  const initiativeStep: Step<RegisterData> = {
    id: 'initiative',
    accepts: 'text',
    skip: (d) => ended(d) || !policyOf(d)?.asksBasis || !d.draft.basis || d.draft.basis === 'EXCELLENT_RATING',
    prompt(d, ctx) {
      const ask = ctx.label({ key: ASK_ACHIEVEMENT[d.draft.basis ?? 'INITIATIVE'] ?? 'reg-ask-initiative' });
      const current = d.draft.initiativeTitle ? '\n' + ctx.label({ key: 'reg-current', vars: { value: escapeHtml(d.draft.initiativeTitle) } }) : '';
      return text(ask + current);
    },
    choices: (d) => (d.draft.initiativeTitle ? [{ value: 'keep', label: { key: 'reg-keep', vars: { value: d.draft.initiativeTitle.slice(0, 30) } } }] : []),
    hint: () => ({ key: 'reg-hint-initiative' }),
    answer(d, a, ctx) {
      const after = { ...d, only: null };
      if (a.kind === 'choice') return { ok: true, data: after };
      if (a.kind !== 'text') return problem('reg-hint-initiative');
      if (namedChoice(a.text, initiativeStep.choices!(d, ctx), ctx)) return { ok: true, data: after };
      const t = a.text.trim();
      if ([...t].length > MAX_LINE_TEXT) return problem('cv-text-too-long', { max: MAX_LINE_TEXT });
      return { ok: true, data: { ...after, draft: { ...d.draft, initiativeTitle: t } } };
    },
  };

  const summaryStep: Step<RegisterData> = {
    id: 'summary',
    accepts: 'choice',
    skip: ended,
    prompt: (d, ctx) => text(summary(ctx, d, d.draft)),
    choices: () => [
      { value: 'confirm', label: { key: 'cv-confirm' } },
      { value: 'edit', label: { key: 'reg-edit' } },
    ],
    hint: buttonHint,
    answer(d, a) {
      return (a as { value: string }).value === 'edit' ? { ok: true, data: { ...d, pickPart: true }, next: 'part' } : { ok: true, data: d };
    },
  };

  /** Confirmed (or stopped early): the use case decides and audits; the member hears the outcome. */
  async function complete(d: RegisterData, env: FlowEnv): Promise<Reply[]> {
    if (d.end) return [{ kind: 'say', message: d.end, menu: true }];
    const c = d.campaign!;
    const result = await registrations.submit({
      campaignId: c.id,
      actorMemberId: d.me.id,
      scope: d.scope,
      titleCode: d.draft.titleCode!,
      basis: d.draft.basis,
      initiativeTitle: d.draft.initiativeTitle,
      commitments: Object.values(d.draft.commitments),
      // What the member saw on opening: when the database still says the same, one round trip stores.
      seen: {
        role: d.me.role,
        unitId: d.me.unitId,
        deadline: c.registrationDueAt,
        titles: c.titles.map((t) => ({ code: t.code, scope: t.scope })),
        lines: c.lines.map((l) => l.id),
        current: d.existing?.status ?? null,
      },
    });
    if (!result.ok) return [{ kind: 'say', message: refusal(result, c.registrationDueAt, contactOf((m) => env.label(m))), menu: true }];
    const code = result.registration.titleCode;
    const title = escapeHtml(titleLabel(env, code, c.titles.find((t) => t.code === code)?.name));
    return [{ kind: 'say', message: { key: result.created ? 'reg-done' : 'reg-updated', vars: { title, campaign: escapeHtml(c.title) } }, menu: true }];
  }

  return {
    id: REGISTER_FLOW,
    // 3: moved from @grammyjs/conversations to the channel-neutral flow model.
    version: 3,
    nameKey: 'reg-flow-name',
    // Registering changes the registration, never the member: no reload when it finishes.
    keepsMember: true,
    steps: [campaignStep, scopeStep, existingStep, partStep, titleStep, lineStep, basisStep, initiativeStep, summaryStep],
    init: (args) => args.prepared!,
    complete,
    async prepare(args, env) {
      // One round trip: the member, the open campaigns and their own registration in each.
      const opening = await registrations.opening(env.memberId);
      const member = opening.member;
      if (!member?.unitId || !member.fullName) return { ok: false, message: { key: 'not-joined' } };
      const campaigns = opening.campaigns;
      const campaignId = args.campaignId ?? null;
      const chosen = campaignId !== null ? campaigns.find((c) => c.id === campaignId) : campaigns.length === 1 ? campaigns[0] : undefined;
      if (campaignId !== null && !chosen) return { ok: false, message: { key: 'reg-campaign-not-open' } };
      if (campaigns.length === 0) return { ok: false, message: { key: 'reg-no-campaigns' } };
      const unitName = member.unitName;
      let data: RegisterData = {
        me: { id: member.id, role: member.role, unitId: member.unitId, unitName, locale: member.locale === 'en' ? 'en' : 'vi' },
        campaigns: chosen ? [] : campaigns.map((c) => ({ id: c.id, title: c.title })),
        campaign: null,
        scopes: [],
        scope: 'INDIVIDUAL',
        existing: null,
        draft: emptyDraft(),
        line: 0,
        pending: null,
        end: null,
      };
      if (chosen) data = await enterCampaign(data, chosen, contactOf((m) => env.label(m)), opening.own[chosen.id] ?? null);
      if (data.end) return { ok: false, message: data.end };
      return { ok: true, args: { campaignId, prepared: data } };
    },
  };
}
