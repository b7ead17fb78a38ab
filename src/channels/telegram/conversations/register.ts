import { conversationRegistry, Flow, type Convo, type ConvContext, type Parsed, type StepOption } from './index.js';
import { escapeHtml } from '../helpers.js';
import { formatDateTime } from '../../../domain/dates.js';
import { parseDecimalVi, parseYesNo } from '../../../domain/text.js';
import { isTitleCode, TITLE_POLICY, type Basis, type Scope } from '../../../domain/titles.js';
import type { CampaignDto, CommitmentInput, LineDto, RegistrationDto, SubmitResult } from '../../../services/registrations.js';

/** Conversation id of đăng ký thi đua. */
export const REGISTER = 'register';

/** Longest typed target or initiative title. */
const MAX_TEXT = 300;
/** The question asking for the planned achievement of a basis (the rating needs none). */
const ASK_ACHIEVEMENT: Partial<Record<Basis, string>> = { INITIATIVE: 'reg-ask-initiative', TOPIC: 'reg-ask-topic', COMBAT_INGENUITY: 'reg-ask-combat' };

interface Draft {
  titleCode: string | null;
  /** By criterion id (as a string: conversation state is JSON). */
  commitments: Record<string, CommitmentInput>;
  basis: Basis | null;
  initiativeTitle: string | null;
}

type Step = 'campaign' | 'scope' | 'existing' | 'title' | 'lines' | 'basis' | 'initiative' | 'summary';

/** "1234.5" → "1.234,5" (vi) or "1,234.5" (en). */
export function formatQuantity(value: string, locale: string): string {
  const [int = '0', frac] = value.replace(/^-/, '').split('.');
  const [group, dec] = locale === 'en' ? [',', '.'] : ['.', ','];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (value.startsWith('-') ? '-' : '') + grouped + (frac ? dec + frac : '');
}

/** Display name of a title (custom honours carry their own name). */
export function titleLabel(ctx: { t: ConvContext['t'] }, code: string, customName?: string | null): string {
  if (customName) return customName;
  return isTitleCode(code) ? ctx.t(`reg-title-${code}`) : code;
}

/** A commitment or reported value as text: "5 công trình", "Có", "…". */
export function valueText(ctx: ConvContext, line: { measure: string; unitOfMeasure: string | null }, v: { number?: string | null; bool?: boolean | null; text?: string | null }): string {
  if (line.measure === 'NUMBER' && v.number) return `${formatQuantity(v.number, ctx.member?.locale ?? 'vi')}${line.unitOfMeasure ? ' ' + line.unitOfMeasure : ''}`;
  if (line.measure === 'YES_NO' && v.bool !== null && v.bool !== undefined) return ctx.t(v.bool ? 'cv-yes' : 'cv-no');
  return v.text ?? '';
}

/** The path of a line in the tree, parents first: "Chân thứ nhất › Công trình…". */
export function linePath(lines: LineDto[], line: LineDto): string {
  const parts = [line.title];
  let parent = lines.find((l) => l.id === line.parentId);
  while (parent) {
    parts.unshift(parent.title);
    const next = parent.parentId;
    parent = lines.find((l) => l.id === next);
  }
  return parts.join(' › ');
}

/**
 * A value typed for a line: understood, or a figure that reads two ways ("500,000": 500.000 or
 * 500?) which {@link confirmLineValue} puts to the member before anything is kept.
 */
export type LineAnswer =
  | { kind: 'value'; value: CommitmentInput }
  | { kind: 'ambiguous'; typed: string; thousands: string; decimal: string };

/** The member's writing convention for numbers (their interface language). */
function numberLocale(ctx: ConvContext): 'vi' | 'en' {
  return ctx.member?.locale === 'en' ? 'en' : 'vi';
}

/** Parses a typed value in a line's measure; errors are rendered messages that re-ask the step. */
export function parseLineValue(ctx: ConvContext, line: LineDto, input: string): Parsed<LineAnswer> {
  if (line.measure === 'NUMBER') {
    const r = parseDecimalVi(input, { locale: numberLocale(ctx) });
    if (!r.ok && r.reason === 'number_ambiguous') return { ok: true, value: { kind: 'ambiguous', typed: input.trim(), thousands: r.thousands, decimal: r.decimal } };
    if (!r.ok) return { ok: false, error: ctx.t(`cv-number-${r.reason.replace('number_', '')}`, { unit: line.unitOfMeasure ?? '' }) };
    return { ok: true, value: { kind: 'value', value: { criterionId: line.id, number: r.value } } };
  }
  if (line.measure === 'YES_NO') {
    const r = parseYesNo(input);
    return r.ok ? { ok: true, value: { kind: 'value', value: { criterionId: line.id, bool: r.value } } } : { ok: false, error: ctx.t('cv-yes-no-invalid') };
  }
  const text = input.trim();
  if ([...text].length > MAX_TEXT) return { ok: false, error: ctx.t('cv-text-too-long', { max: MAX_TEXT }) };
  return { ok: true, value: { kind: 'value', value: { criterionId: line.id, text } } };
}

/**
 * The value a typed answer stands for. A figure that reads two ways is never guessed: the member
 * picks one of the two readings by button, by typing it ("500", "500.000", "500000"), or types the
 * number again unambiguously. Null when they go Back (the caller re-asks the value).
 */
export async function confirmLineValue(flow: Flow, ctx: ConvContext, line: LineDto, answer: LineAnswer): Promise<CommitmentInput | null> {
  if (answer.kind === 'value') return answer.value;
  const locale = numberLocale(ctx);
  // A reading may be typed as shown in the member's convention ("500.000", "1,234.5") or, when
  // whole, as bare digits ("500000"); a canonical fraction ("1.234") would read as thousands in vi.
  const reading = (value: string) => ({
    label: valueText(ctx, line, { number: value }),
    aliases: [formatQuantity(value, locale), ...(/^\d+$/.test(value) ? [value] : [])],
  });
  const thousands = reading(answer.thousands);
  const decimal = reading(answer.decimal);
  const a = await flow.ask<CommitmentInput>({
    text: ctx.t('cv-number-which', { typed: escapeHtml(answer.typed), thousands: escapeHtml(thousands.label), decimal: escapeHtml(decimal.label) }),
    options: [[{ value: 'thousands', ...thousands }], [{ value: 'decimal', ...decimal }]],
    back: true,
    parse: (text) => {
      const r = parseLineValue(ctx, line, text);
      if (!r.ok) return r;
      return r.value.kind === 'value' ? { ok: true, value: r.value.value } : { ok: false, error: ctx.t('cv-number-which-hint') };
    },
    hint: ctx.t('cv-number-which-hint'),
  });
  if (a.kind === 'text') return a.value;
  if (a.kind === 'option') return { criterionId: line.id, number: a.value === 'thousands' ? answer.thousands : answer.decimal };
  return null;
}

function summary(ctx: ConvContext, campaign: CampaignDto, scope: Scope, unitName: string, d: Draft): string {
  const title = campaign.titles.find((t) => t.code === d.titleCode);
  const parts = [
    ctx.t('reg-summary-title', { campaign: escapeHtml(campaign.title) }),
    ctx.t(scope === 'COLLECTIVE' ? 'reg-summary-collective' : 'reg-summary-individual', { unit: escapeHtml(unitName) }),
    ctx.t('reg-summary-danh-hieu', { title: escapeHtml(titleLabel(ctx, d.titleCode ?? '', title?.name)) }),
  ];
  const commitments = campaign.lines.filter((l) => d.commitments[String(l.id)]);
  if (commitments.length === 0) parts.push(ctx.t('reg-summary-no-commitments'));
  else {
    parts.push(ctx.t('reg-summary-commitments'));
    for (const l of commitments) parts.push(`• ${escapeHtml(l.title)}: <b>${escapeHtml(valueText(ctx, l, d.commitments[String(l.id)]!))}</b>`);
  }
  if (d.basis) parts.push(ctx.t('reg-summary-basis', { basis: ctx.t(`reg-basis-${d.basis}`) }));
  if (d.initiativeTitle) parts.push(ctx.t('reg-summary-initiative', { initiative: escapeHtml(d.initiativeTitle) }));
  return parts.join('\n');
}

/** Renders a refusal of the registration rules. */
export function refusalText(ctx: ConvContext, r: Extract<SubmitResult, { ok: false }>, deadline?: string | null): string {
  if (r.reason === 'registration_closed') {
    return ctx.t('reg-closed', {
      deadline: deadline ? formatDateTime(new Date(deadline)) : '',
      officer: escapeHtml(r.officerName ?? ctx.t('reg-closed-no-officer')),
    });
  }
  return ctx.t(`reg-refused-${r.reason}`);
}

/**
 * Đăng ký thi đua: campaign → scope (an officer may register their unit) → title, each with a
 * one-line explanation → commitments line by line (skippable, "xong" finishes) → for CSTĐCS and
 * higher the basis and the planned initiative → summary with Confirm / Edit / Cancel. Back works at
 * every step; registering again edits the existing registration.
 */
async function register(conversation: Convo, ctx: ConvContext, campaignId?: number | null): Promise<void> {
  const flow = new Flow(conversation, ctx, 'reg-flow-name');
  const services = ctx.deps.services;
  const me = await flow.external(() =>
    ctx.member ? { id: ctx.member.id, role: ctx.member.role, unitId: ctx.member.unitId, fullName: ctx.member.fullName } : null,
  );
  if (!me?.unitId || !me.fullName) {
    await ctx.reply(ctx.t('not-joined'));
    return;
  }
  const unitName = await flow.external(async () => (await services.units.byId(me.unitId!))?.name ?? '');
  const campaigns = await flow.external(() => services.registrations.campaignsFor(me.id));
  let campaign: CampaignDto | undefined = campaignId ? campaigns.find((c) => c.id === campaignId) : campaigns.length === 1 ? campaigns[0] : undefined;
  if (campaignId && !campaign) return flow.finish(ctx.t('reg-campaign-not-open'));
  if (campaigns.length === 0) return flow.finish(ctx.t('reg-no-campaigns'));

  let scope: Scope = 'INDIVIDUAL';
  let existing: RegistrationDto | null = null;
  let draft: Draft = { titleCode: null, commitments: {}, basis: null, initiativeTitle: null };
  let lineIdx = 0;
  let step: Step = campaign ? 'scope' : 'campaign';
  const canChooseCampaign = !campaignId && campaigns.length > 1;

  const scopesOf = (c: CampaignDto): Scope[] => {
    const scopes: Scope[] = [];
    if (c.titles.some((t) => t.scope === 'INDIVIDUAL')) scopes.push('INDIVIDUAL');
    if (me.role !== 'MEMBER' && c.titles.some((t) => t.scope === 'COLLECTIVE')) scopes.push('COLLECTIVE');
    return scopes;
  };

  for (;;) {
    switch (step) {
      case 'campaign': {
        const picked = await flow.askCampaign(ctx.t('reg-ask-campaign'), campaigns);
        if (!picked) continue;
        campaign = picked;
        step = 'scope';
        break;
      }
      case 'scope': {
        const c = campaign!;
        if (!c.registrationOpen) {
          const officer = await flow.external(() => services.registrations.contactOfficer(me.unitId!));
          return flow.finish(refusalText(ctx, { ok: false, reason: 'registration_closed', officerName: officer }, c.registrationDueAt));
        }
        const scopes = scopesOf(c);
        if (scopes.length === 0) return flow.finish(ctx.t('reg-no-titles-for-you'));
        if (scopes.length === 1) {
          scope = scopes[0]!;
          step = 'existing';
          break;
        }
        const a = await flow.ask({
          text: ctx.t('reg-ask-scope', { campaign: escapeHtml(c.title) }),
          options: [[{ value: 'INDIVIDUAL', label: ctx.t('reg-scope-individual') }], [{ value: 'COLLECTIVE', label: ctx.t('reg-scope-collective', { unit: unitName }) }]],
          back: canChooseCampaign,
          hint: ctx.t('cv-hint-button'),
        });
        if (a.kind === 'back') {
          step = 'campaign';
          break;
        }
        if (a.kind !== 'option') continue;
        scope = a.value as Scope;
        step = 'existing';
        break;
      }
      case 'existing': {
        const c = campaign!;
        existing = await flow.external(() => services.registrations.existing(c.id, me.id, scope));
        const back: Step = scopesOf(c).length > 1 ? 'scope' : canChooseCampaign ? 'campaign' : 'existing';
        if (!existing || existing.status === 'WITHDRAWN') {
          step = 'title';
          break;
        }
        if (existing.status === 'REJECTED') return flow.finish(ctx.t('reg-refused-registration_rejected'));
        const current: Draft = {
          titleCode: existing.titleCode,
          commitments: Object.fromEntries(existing.commitments.map((cm) => [String(cm.criterionId), cm])),
          basis: existing.basis,
          initiativeTitle: existing.initiativeTitle,
        };
        const a = await flow.ask({
          text: [ctx.t('reg-existing', { status: ctx.t(`reg-status-${existing.status}`) }), summary(ctx, c, scope, unitName, current)].join('\n\n'),
          options: [[{ value: 'edit', label: ctx.t('reg-edit') }], [{ value: 'withdraw', label: ctx.t('reg-withdraw') }]],
          back: back !== 'existing',
          hint: ctx.t('cv-hint-button'),
        });
        if (a.kind === 'back') {
          step = back;
          break;
        }
        if (a.kind !== 'option') continue;
        if (a.value === 'withdraw') {
          const id = existing.id;
          const r = await flow.external(() => services.registrations.withdraw(id, me.id));
          return flow.finish(r.ok ? ctx.t('reg-withdrawn', { campaign: escapeHtml(c.title) }) : ctx.t(`reg-refused-${r.reason}`));
        }
        draft = current;
        step = 'title';
        break;
      }
      case 'title': {
        const c = campaign!;
        const offered = c.titles.filter((t) => t.scope === scope);
        const lines = offered.map((t) => {
          const desc = t.custom || !isTitleCode(t.code) ? ctx.t('reg-title-desc-custom') : ctx.t(`reg-title-desc-${t.code}`);
          return `• <b>${escapeHtml(titleLabel(ctx, t.code, t.name))}</b> — ${desc}`;
        });
        const prev: Step | null = existing && existing.status !== 'WITHDRAWN' ? 'existing' : scopesOf(c).length > 1 ? 'scope' : canChooseCampaign ? 'campaign' : null;
        const a = await flow.ask({
          text: [ctx.t('reg-ask-title', { campaign: escapeHtml(c.title) }), ...lines].join('\n'),
          options: offered.map((t) => [{ value: t.code, label: titleLabel(ctx, t.code, t.name).slice(0, 60) }]),
          back: prev !== null,
          hint: ctx.t('cv-hint-button'),
        });
        if (a.kind === 'back') {
          step = prev ?? 'title';
          break;
        }
        if (a.kind !== 'option') continue;
        draft.titleCode = a.value;
        lineIdx = 0;
        step = 'lines';
        break;
      }
      case 'lines': {
        const leaves = campaign!.lines.filter((l) => l.leaf);
        if (lineIdx >= leaves.length) {
          step = 'basis';
          break;
        }
        const line = leaves[lineIdx]!;
        const current = draft.commitments[String(line.id)];
        const options: StepOption[][] = [];
        if (line.measure === 'YES_NO') options.push([{ value: 'yes', label: ctx.t('cv-yes') }, { value: 'no', label: ctx.t('cv-no') }]);
        const row: StepOption[] = [];
        if (current) row.push({ value: 'keep', label: ctx.t('reg-keep', { value: valueText(ctx, line, current).slice(0, 30) }) });
        row.push({ value: 'skip', label: ctx.t('cv-skip'), aliases: ['bo qua', 'skip'] });
        row.push({ value: 'done', label: ctx.t('cv-done'), aliases: ['xong', 'done'] });
        options.push(row);
        const a = await flow.ask<LineAnswer>({
          text: ctx.t(`reg-ask-line-${line.measure}`, {
            n: lineIdx + 1,
            total: leaves.length,
            line: escapeHtml(linePath(campaign!.lines, line)),
            unit: line.unitOfMeasure ? ` (${escapeHtml(line.unitOfMeasure)})` : '',
          }),
          options,
          back: true,
          parse: (text) => parseLineValue(ctx, line, text),
          hint: ctx.t(`reg-hint-line-${line.measure}`),
        });
        if (a.kind === 'back') {
          if (lineIdx === 0) step = 'title';
          else lineIdx--;
          break;
        }
        if (a.kind === 'text') {
          const value = await confirmLineValue(flow, ctx, line, a.value);
          if (!value) break;
          draft.commitments[String(line.id)] = value;
          lineIdx++;
        } else if (a.kind === 'option') {
          if (a.value === 'yes' || a.value === 'no') draft.commitments[String(line.id)] = { criterionId: line.id, bool: a.value === 'yes' };
          if (a.value === 'skip') delete draft.commitments[String(line.id)];
          lineIdx = a.value === 'done' ? leaves.length : lineIdx + 1;
        }
        break;
      }
      case 'basis': {
        const policy = draft.titleCode && isTitleCode(draft.titleCode) ? TITLE_POLICY[draft.titleCode] : null;
        if (!policy?.asksBasis) {
          draft.basis = null;
          draft.initiativeTitle = null;
          step = 'summary';
          break;
        }
        const a = await flow.ask({
          text: ctx.t('reg-ask-basis', { title: escapeHtml(titleLabel(ctx, policy.code)), citation: policy.citation }),
          options: policy.bases.map((b) => [{ value: b, label: ctx.t(`reg-basis-${b}`) }]),
          back: true,
          hint: ctx.t('cv-hint-button'),
        });
        if (a.kind === 'back') {
          lineIdx = Math.max(0, campaign!.lines.filter((l) => l.leaf).length - 1);
          step = 'lines';
          break;
        }
        if (a.kind !== 'option') continue;
        draft.basis = a.value as Basis;
        if (draft.basis === 'EXCELLENT_RATING') {
          draft.initiativeTitle = null;
          step = 'summary';
        } else step = 'initiative';
        break;
      }
      case 'initiative': {
        const a = await flow.ask<string>({
          text: ctx.t(ASK_ACHIEVEMENT[draft.basis ?? 'INITIATIVE'] ?? 'reg-ask-initiative') + (draft.initiativeTitle ? '\n' + ctx.t('reg-current', { value: escapeHtml(draft.initiativeTitle) }) : ''),
          options: draft.initiativeTitle ? [[{ value: 'keep', label: ctx.t('reg-keep', { value: draft.initiativeTitle.slice(0, 30) }) }]] : [],
          back: true,
          parse: (text) => ([...text.trim()].length > MAX_TEXT ? { ok: false, error: ctx.t('cv-text-too-long', { max: MAX_TEXT }) } : text.trim() ? { ok: true, value: text.trim() } : { ok: false, error: ctx.t('reg-hint-initiative') }),
          hint: ctx.t('reg-hint-initiative'),
        });
        if (a.kind === 'back') {
          step = 'basis';
          break;
        }
        if (a.kind === 'text') draft.initiativeTitle = a.value;
        step = 'summary';
        break;
      }
      case 'summary': {
        const c = campaign!;
        const a = await flow.ask({
          text: summary(ctx, c, scope, unitName, draft),
          options: [[{ value: 'confirm', label: ctx.t('cv-confirm') }, { value: 'edit', label: ctx.t('reg-edit') }]],
          back: true,
          hint: ctx.t('cv-hint-button'),
        });
        if (a.kind === 'back') {
          const policy = draft.titleCode && isTitleCode(draft.titleCode) ? TITLE_POLICY[draft.titleCode] : null;
          if (policy?.asksBasis) step = draft.basis === 'EXCELLENT_RATING' ? 'basis' : 'initiative';
          else {
            lineIdx = Math.max(0, c.lines.filter((l) => l.leaf).length - 1);
            step = 'lines';
          }
          break;
        }
        if (a.kind !== 'option') continue;
        if (a.value === 'edit') {
          step = 'title';
          break;
        }
        const d = draft;
        const result = await flow.external(() =>
          services.registrations.submit({
            campaignId: c.id,
            actorMemberId: me.id,
            scope,
            titleCode: d.titleCode!,
            basis: d.basis,
            initiativeTitle: d.initiativeTitle,
            commitments: Object.values(d.commitments),
          }),
        );
        if (!result.ok) return flow.finish(refusalText(ctx, result, c.registrationDueAt));
        return flow.finish(
          ctx.t(result.created ? 'reg-done' : 'reg-updated', {
            title: escapeHtml(titleLabel(ctx, result.registration.titleCode, c.titles.find((t) => t.code === result.registration.titleCode)?.name)),
            campaign: escapeHtml(c.title),
          }),
        );
      }
    }
  }
}

// Version 2: a figure that reads two ways ("500,000") is confirmed in an extra question.
conversationRegistry.push({ id: REGISTER, builder: register as never, version: 2, nameKey: 'reg-flow-name' });

/** Conversation id of an officer returning a registration with a typed reason. */
export const RETURN_REGISTRATION = 'reg-return';

/** Trả lại đăng ký: asks the reason, then returns the registration; the registrant is notified. */
async function returnRegistration(conversation: Convo, ctx: ConvContext, registrationId: number): Promise<void> {
  const flow = new Flow(conversation, ctx, 'reg-return-flow-name');
  const a = await flow.ask<string>({
    text: ctx.t('reg-return-ask', { id: registrationId }),
    parse: (text) => (text.trim() ? { ok: true, value: text.trim().slice(0, 500) } : { ok: false, error: ctx.t('reg-return-hint') }),
    hint: ctx.t('reg-return-hint'),
  });
  if (a.kind !== 'text') return;
  const officerId = await flow.external(() => ctx.member!.id);
  const reason = a.value;
  // Decided when the reason arrives: an officer revoked while typing it is refused by the service.
  const r = await flow.external(() => ctx.deps.services.registrations.decide({ registrationId, actor: { id: officerId }, decision: 'RETURN', reason }));
  await flow.finish(r.ok ? ctx.t('reg-returned', { id: registrationId }) : ctx.t(`reg-decide-${r.reason}`));
}

conversationRegistry.push({ id: RETURN_REGISTRATION, builder: returnRegistration as never, version: 1, nameKey: 'reg-return-flow-name' });
