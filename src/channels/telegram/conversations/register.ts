import { conversationRegistry, Flow, type Convo, type ConvContext, type Parsed } from './index.js';
import { escapeHtml } from '../helpers.js';
import { formatDateTime } from '../../../domain/dates.js';
import { parseDecimalVi, parseYesNo } from '../../../domain/text.js';
import { isTitleCode } from '../../../domain/titles.js';
import type { CommitmentInput, LineDto, SubmitResult } from '../../../services/registrations.js';
import { formatQuantity } from '../../../flows/register.js';

/**
 * The Telegram helpers for content-line values that the report conversation still uses, and the
 * officer's return-with-reason conversation. Registration itself is the channel-neutral flow in
 * src/flows/register.ts.
 */

/** Longest typed target or initiative title. */
const MAX_TEXT = 300;

export { formatQuantity };

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
