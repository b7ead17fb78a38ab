/**
 * Values typed for a content line (a figure, yes/no or a text), read and shown the same on every
 * channel: the number convention follows the member's language, a figure that reads two ways is
 * never guessed, and problems are locale keys. Used by the flows that ask for a line's value.
 */
import { parseDecimalVi, parseYesNo } from '../domain/text.js';
import type { CommitmentInput, LineDto } from '../services/registrations.js';
import type { FlowContext, Message } from './model.js';

/** How a member writes numbers: their interface language. */
export type NumberLocale = 'vi' | 'en';

/** Longest typed text value of a line. */
export const MAX_LINE_TEXT = 300;

/** "1234.5" → "1.234,5" (vi) or "1,234.5" (en). */
export function formatQuantity(value: string, locale: string): string {
  const [int = '0', frac] = value.replace(/^-/, '').split('.');
  const [group, dec] = locale === 'en' ? [',', '.'] : ['.', ','];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (value.startsWith('-') ? '-' : '') + grouped + (frac ? dec + frac : '');
}

/** A commitment or reported value as text: "5 công trình", "Có", "…" (plain text, not escaped). */
export function valueText(
  ctx: Pick<FlowContext, 'label'>,
  locale: NumberLocale,
  line: { measure: string; unitOfMeasure: string | null },
  v: { number?: string | null; bool?: boolean | null; text?: string | null },
): string {
  if (line.measure === 'NUMBER' && v.number) return `${formatQuantity(v.number, locale)}${line.unitOfMeasure ? ' ' + line.unitOfMeasure : ''}`;
  if (line.measure === 'YES_NO' && v.bool !== null && v.bool !== undefined) return ctx.label({ key: v.bool ? 'cv-yes' : 'cv-no' });
  return v.text ?? '';
}

/** The path of a line in the tree, parents first: "Chân thứ nhất › Công trình…". */
export function linePath(lines: readonly LineDto[], line: LineDto): string {
  const parts = [line.title];
  let parent = lines.find((l) => l.id === line.parentId);
  while (parent) {
    parts.unshift(parent.title);
    const next = parent.parentId;
    parent = lines.find((l) => l.id === next);
  }
  return parts.join(' › ');
}

/** A figure typed as "500,000": the two readings the member chooses between. */
export interface TwoWayFigure {
  typed: string;
  thousands: string;
  decimal: string;
}

/** A typed value: understood, a figure that reads two ways, or the problem that re-asks. */
export type LineValue =
  | { kind: 'value'; value: CommitmentInput }
  | ({ kind: 'ambiguous' } & TwoWayFigure)
  | { kind: 'problem'; problem: Message };

/** Reads a typed value in a line's measure and the member's number convention. */
export function parseLineValue(locale: NumberLocale, line: LineDto, input: string): LineValue {
  if (line.measure === 'NUMBER') {
    const r = parseDecimalVi(input, { locale });
    if (!r.ok && r.reason === 'number_ambiguous') return { kind: 'ambiguous', typed: input.trim(), thousands: r.thousands, decimal: r.decimal };
    if (!r.ok) return { kind: 'problem', problem: { key: `cv-number-${r.reason.replace('number_', '')}`, vars: { unit: line.unitOfMeasure ?? '' } } };
    return { kind: 'value', value: { criterionId: line.id, number: r.value } };
  }
  if (line.measure === 'YES_NO') {
    const r = parseYesNo(input);
    return r.ok ? { kind: 'value', value: { criterionId: line.id, bool: r.value } } : { kind: 'problem', problem: { key: 'cv-yes-no-invalid' } };
  }
  const text = input.trim();
  if ([...text].length > MAX_LINE_TEXT) return { kind: 'problem', problem: { key: 'cv-text-too-long', vars: { max: MAX_LINE_TEXT } } };
  return { kind: 'value', value: { criterionId: line.id, text } };
}

/**
 * Typed words that pick one of the readings of a two-way figure: the reading as shown in the
 * member's convention ("500.000", "1,234.5") or, when whole, bare digits ("500000").
 */
export function readingAliases(value: string, locale: NumberLocale): string[] {
  return [formatQuantity(value, locale), ...(/^\d+$/.test(value) ? [value] : [])];
}
