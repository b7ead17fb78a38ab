/**
 * What the chat wizard (create-campaign.ts) and draft editing (campaign-edit.ts) both ask about a
 * campaign's fields: the titles and rewards offered, how a content line is measured, milestone kinds
 * and repeats, reminder offsets and the campaign code — one list each, so creating and editing offer
 * the same choices and apply the same rules.
 */
import { fold, parseDecimalVi } from '../domain/text.js';
import { formatOffset, parseOffsetList, normaliseOffsets } from '../domain/durations.js';
import { problem, type Choice, type FlowContext, type Message, type StepResult } from './model.js';

/** Standard titles offered (Law 06/2022 Arts 21–28), individual then collective. */
export const OFFERED_TITLES = [
  ['LDTT', 'INDIVIDUAL'],
  ['CSTDCS', 'INDIVIDUAL'],
  ['CSTD_TINH', 'INDIVIDUAL'],
  ['CSTD_TQ', 'INDIVIDUAL'],
  ['TTLDTT', 'COLLECTIVE'],
  ['TTLDXS', 'COLLECTIVE'],
  ['CO_TINH', 'COLLECTIVE'],
  ['CO_CP', 'COLLECTIVE'],
] as const;

/**
 * The usual rewards of a themed drive besides the yearly titles: Giấy khen and Bằng khen of the
 * issuing body, for people and for collectives. Stored as custom honours (code, name, scope); the
 * name is written from the issuer when chosen ("Bằng khen của UBND tỉnh Hậu Giang"). Which level may
 * award which form is the officer's call (not checked by the bot).
 */
export const REWARDS = [
  ['GIAY_KHEN_CN', 'GIAY_KHEN', 'INDIVIDUAL'],
  ['GIAY_KHEN_TT', 'GIAY_KHEN', 'COLLECTIVE'],
  ['BANG_KHEN_CN', 'BANG_KHEN', 'INDIVIDUAL'],
  ['BANG_KHEN_TT', 'BANG_KHEN', 'COLLECTIVE'],
] as const;

export type Scope = 'INDIVIDUAL' | 'COLLECTIVE';
export const MEASURES = ['NUMBER', 'YES_NO', 'TEXT'] as const;
export type Measure = (typeof MEASURES)[number];
export const KINDS = ['THEMATIC', 'REGULAR'] as const;
export type CampaignKind = (typeof KINDS)[number];
/** Milestones added after the registration deadline. */
export const EXTRA_MILESTONES = ['PROGRESS_REPORT', 'MIDTERM_REVIEW', 'FINAL_REVIEW', 'CUSTOM'] as const;
export type MilestoneKind = 'REGISTRATION' | (typeof EXTRA_MILESTONES)[number];
export const REPEATS = ['none', 'monthly', 'quarterly', 'yearly'] as const;
export type Repeat = (typeof REPEATS)[number];

/** A custom honour (danh hiệu/hình thức khen thưởng riêng) as the campaign file writes it. */
export interface CustomTitle {
  code: string;
  name: string;
  scope: Scope;
}

/** A content line as the wizard and the file write it. */
export interface CriterionInput {
  code: string;
  title: string;
  measure: Measure;
  unit?: string;
  /** Canonical decimal text ("12", "1234.5"), NUMBER lines only. */
  target?: string;
}

/** A milestone as the file writes it: one deadline, or a repeat up to `until`. */
export interface MilestoneInput {
  kind: MilestoneKind;
  title?: string;
  /** "dd/MM/yyyy HH:mm" */
  due: string;
  repeat?: Exclude<Repeat, 'none'>;
  /** "dd/MM/yyyy" */
  until?: string;
  /** Compact offsets ("7d"); absent = the default plan, empty = no reminders. */
  remind?: string[];
}

export const verbatim = (text: string): Message => ({ key: 'flow-verbatim', vars: { text } });

/** Choices numbered in their label ("1. Số lượng"), so a text channel and buttons read alike. */
export function numbered(ctx: FlowContext, values: readonly string[], keyOf: (v: string) => Message): Choice[] {
  return values.map((v, i) => ({ value: v, label: verbatim(`${i + 1}. ${ctx.label(keyOf(v))}`) }));
}

export const measureChoices = (ctx: FlowContext): Choice[] => numbered(ctx, MEASURES, (m) => ({ key: `wiz-measure-${m}` }));
export const kindChoices = (ctx: FlowContext): Choice[] => numbered(ctx, KINDS, (k) => ({ key: `wiz-kind-${k}` }));
export const repeatChoices = (ctx: FlowContext): Choice[] => numbered(ctx, REPEATS, (r) => ({ key: `wiz-repeat-${r}` }));

/** The name a reward gets from the issuer ("Giấy khen của UBND tỉnh Hậu Giang"). */
export function rewardName(ctx: FlowContext, form: 'GIAY_KHEN' | 'BANG_KHEN', issuer: string | null): string {
  return ctx.label(issuer ? { key: `wiz-reward-${form}-of`, vars: { issuer } } : { key: `wiz-reward-${form}` });
}

/**
 * The campaign code from its title: words folded to ASCII, joined by "-", as many whole words as fit
 * in `max` characters — never half a word ("thi-dua-chao-mung-dai-hoi", not "…-dai-h").
 *
 * @example codeFromTitle('Thi đua chào mừng Đại hội Đảng bộ các cấp nhiệm kỳ 2025-2030') === 'thi-dua-chao-mung-dai-hoi-dang-bo'
 */
export function codeFromTitle(title: string, max = 34): string {
  const words = fold(title).split(/[^a-z0-9]+/).filter(Boolean);
  let code = '';
  for (const w of words) {
    const next = code ? `${code}-${w}` : w;
    if (next.length > max) break;
    code = next;
  }
  // A first word longer than the limit is the only case cut inside a word.
  if (!code && words[0]) code = words[0].slice(0, max);
  return code.length >= 3 ? code : 'phong-trao';
}

/** A custom honour's code from its name: "Công dân Đồng Khởi" → "CONG_DAN_DONG_KHOI" (unique among `taken`). */
export function customCode(name: string, taken: readonly string[]): string {
  const base = (fold(name).toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/^(\d)/, 'T_$1') || 'DANH_HIEU').slice(0, 36).replace(/_+$/, '');
  let code = base.length >= 2 ? base : `DH_${base}`;
  for (let i = 2; taken.includes(code); i++) code = `${base}_${i}`;
  return code;
}

/** Offsets typed for a milestone: "7 ngày, 2 ngày, 4 giờ", "7d 2d 4h", "1 tuần", or «0»/«không» for none. */
export function readOffsets(text: string, campaignMinutes: number): { ok: true; remind: string[] } | { ok: false; problem: Message } {
  if (['0', 'khong', 'khong nhac', 'no', 'none'].includes(fold(text).trim())) return { ok: true, remind: [] };
  const r = parseOffsetList(text);
  // The campaign's length in whole days ("dài hơn thời gian phong trào (30 ngày)"), not the file syntax "30d".
  const days = Math.floor(campaignMinutes / 1440);
  if (!r.ok) return { ok: false, problem: { key: `wiz-remind-${r.reason}`, vars: { value: r.value } } };
  const tooLong = r.minutes.find((m) => m > campaignMinutes);
  if (tooLong !== undefined) return { ok: false, problem: { key: 'wiz-remind-offset_too_large', vars: { value: formatOffset(tooLong), days } } };
  return { ok: true, remind: normaliseOffsets(r.minutes).map(formatOffset) };
}

/** A number typed as a target ("12", "1.234,5", "12 buổi"): canonical decimal text, or a problem. */
export function readTarget(text: string): StepResult<string> {
  const r = parseDecimalVi(text);
  if (!r.ok || r.value.startsWith('-')) return problem('wiz-target-invalid', { value: text });
  return { ok: true, data: r.value };
}

/** "7d 2d 4h" for a list of compact offsets; the default plan's words when absent. */
export function offsetsText(ctx: FlowContext, remind: readonly string[] | undefined): string {
  if (remind === undefined) return ctx.label({ key: 'wiz-remind-default-short' });
  return remind.length === 0 ? ctx.label({ key: 'wiz-remind-none' }) : remind.join(' ');
}

/** The titles chosen so far: standard codes and custom honours (the rewards among them). */
export interface TitleChoice {
  titles: string[];
  custom: CustomTitle[];
}

/** One line of the titles list: its value, its label, whether it is chosen. */
export interface TitleItem {
  value: string;
  label: string;
  on: boolean;
}

/**
 * The titles list both the wizard and draft editing show, in one order: the standard titles, the
 * rewards named after the issuer, then the campaign's own honours (`known`: those that exist besides
 * the ones chosen, e.g. a draft's).
 */
export function titleItems(ctx: FlowContext, chosen: TitleChoice, issuer: string | null, known: readonly CustomTitle[] = []): TitleItem[] {
  const own = [...known, ...chosen.custom.filter((c) => !known.some((k) => k.code === c.code))].filter((x) => !REWARDS.some(([c]) => c === x.code));
  return [
    ...OFFERED_TITLES.map(([c]) => ({ value: c as string, label: ctx.label({ key: `reg-title-${c}` }), on: chosen.titles.includes(c) })),
    ...REWARDS.map(([c, form, scope]) => ({
      value: c as string,
      label: `${rewardName(ctx, form, issuer)} (${ctx.label({ key: `wiz-scope-${scope}` })})`,
      on: chosen.custom.some((x) => x.code === c),
    })),
    ...own.map((x) => ({ value: x.code, label: `${x.name} (${ctx.label({ key: `wiz-scope-${x.scope}` })})`, on: chosen.custom.some((y) => y.code === x.code) })),
  ];
}

/** The choice after toggling `values` (a standard title, a reward, or one of the `known` honours). */
export function toggleTitles(ctx: FlowContext, chosen: TitleChoice, values: readonly string[], issuer: string | null, known: readonly CustomTitle[] = []): TitleChoice {
  let next = chosen;
  for (const v of values) {
    const reward = REWARDS.find(([c]) => c === v);
    const own = known.find((x) => x.code === v);
    if (OFFERED_TITLES.some(([c]) => c === v)) next = { ...next, titles: next.titles.includes(v) ? next.titles.filter((x) => x !== v) : [...next.titles, v] };
    else if (next.custom.some((x) => x.code === v)) next = { ...next, custom: next.custom.filter((x) => x.code !== v) };
    else if (reward) next = { ...next, custom: [...next.custom, { code: reward[0], name: rewardName(ctx, reward[1], issuer), scope: reward[2] }] };
    else if (own) next = { ...next, custom: [...next.custom, own] };
  }
  return next;
}

/** Numbers typed for a toggle list ("1 3", "2,5"): the items they name. */
export function typedIndexes<T>(text: string, list: readonly T[]): T[] {
  return text
    .split(/[\s,;]+/)
    .map((n) => (/^\d+$/.test(n) ? list[Number(n) - 1] : undefined))
    .filter((x): x is T => x !== undefined);
}
