/**
 * Đính chính / gia hạn: what may change in a campaign once it has been launched (phát động), as a
 * pure rule. Members already hold the announcement and plan by it, so an amendment may only give
 * them *more*: a later deadline, a later end, a corrected wording, one more content line.
 *
 * Shortening a deadline or the period, and deleting a content line, are not amendments: people
 * who registered and reported did so against the old terms (a deleted line would orphan their
 * commitments and reports). A careful officer expects the bot to refuse them and say why — a
 * new decision of the issuing body, announced with /announce, is the honest way — so they are
 * refused here, not offered behind a confirmation.
 */
import { endOfLocalDay } from './dates.js';

/** How a content line is measured (as in the campaign file). */
export type LineMeasure = 'NUMBER' | 'YES_NO' | 'TEXT';

/** One amendment of a launched campaign. Dates are instants; texts as the officer typed them. */
export type AmendmentChange =
  /** Gia hạn một mốc (hạn đăng ký, hạn báo cáo…): a later due time. */
  | { kind: 'deadline'; milestoneId: number; dueAt: Date }
  /** Gia hạn thời gian thực hiện: a later last day of the campaign (kept to the end of that day). */
  | { kind: 'end'; endsAt: Date }
  /** Đính chính tên, khẩu hiệu, phần giới thiệu. */
  | { kind: 'title' | 'slogan' | 'description'; text: string }
  /** Đính chính câu chữ của một nội dung thi đua (its measure and targets stay). */
  | { kind: 'line'; criterionId: number; text: string }
  /** Bổ sung một nội dung thi đua, appended at the top level. */
  | { kind: 'add-line'; title: string; measure: LineMeasure; unit: string | null };

export type AmendmentKind = AmendmentChange['kind'];

/** Every kind, in the order an officer is offered them. */
export const AMENDMENT_KINDS: readonly AmendmentKind[] = ['deadline', 'end', 'title', 'slogan', 'description', 'line', 'add-line'];

/** The kinds «gia hạn» offers (the rest are «đính chính»). */
export const EXTEND_KINDS: readonly AmendmentKind[] = ['deadline', 'end'];

/** Why an amendment is refused. */
export type AmendmentRefusal =
  /** An earlier (or equal) date: shortening is not amending. */
  | 'shortens'
  /** The new deadline has already passed. */
  | 'due_in_past'
  /** A milestone moved past the campaign's last day: extend the campaign first. */
  | 'after_end'
  /** The same text or date as now. */
  | 'unchanged'
  /** Empty or too long. */
  | 'text_invalid'
  /** The milestone or content line is not this campaign's. */
  | 'not_found';

/** Longest texts, as the campaign file allows them (src/domain/campaign-file.ts). */
export const AMEND_TEXT_MAX = { title: 300, slogan: 500, description: 4000, line: 500, unit: 40 } as const;

/** What the rule needs to know of the campaign as it is now. */
export interface AmendableCampaign {
  title: string;
  slogan: string | null;
  description: string | null;
  endsAt: Date;
  milestones: ReadonlyArray<{ id: number; dueAt: Date }>;
  criteria: ReadonlyArray<{ id: number; title: string }>;
}

const clean = (s: string): string => s.normalize('NFC').trim();

function textOk(s: string, max: number): boolean {
  const t = clean(s);
  return t.length > 0 && t.length <= max;
}

/**
 * Whether `change` is an amendment of campaign `c` at `now`.
 *
 * @example checkAmendment(c, { kind: 'deadline', milestoneId: 7, dueAt: earlier }, now) // { ok: false, reason: 'shortens' }
 */
export function checkAmendment(c: AmendableCampaign, change: AmendmentChange, now: Date): { ok: true } | { ok: false; reason: AmendmentRefusal } {
  const refuse = (reason: AmendmentRefusal) => ({ ok: false as const, reason });
  switch (change.kind) {
    case 'deadline': {
      const m = c.milestones.find((x) => x.id === change.milestoneId);
      if (!m) return refuse('not_found');
      if (change.dueAt.getTime() === m.dueAt.getTime()) return refuse('unchanged');
      if (change.dueAt < m.dueAt) return refuse('shortens');
      if (change.dueAt.getTime() <= now.getTime()) return refuse('due_in_past');
      if (change.dueAt > c.endsAt) return refuse('after_end');
      return { ok: true };
    }
    case 'end': {
      const end = endOfLocalDay(change.endsAt);
      if (end.getTime() === c.endsAt.getTime()) return refuse('unchanged');
      if (end < c.endsAt) return refuse('shortens');
      return { ok: true };
    }
    case 'title':
    case 'slogan':
    case 'description': {
      if (!textOk(change.text, AMEND_TEXT_MAX[change.kind])) return refuse('text_invalid');
      return clean(change.text) === (c[change.kind] ?? '') ? refuse('unchanged') : { ok: true };
    }
    case 'line': {
      const line = c.criteria.find((x) => x.id === change.criterionId);
      if (!line) return refuse('not_found');
      if (!textOk(change.text, AMEND_TEXT_MAX.line)) return refuse('text_invalid');
      return clean(change.text) === line.title ? refuse('unchanged') : { ok: true };
    }
    case 'add-line': {
      if (!textOk(change.title, AMEND_TEXT_MAX.line)) return refuse('text_invalid');
      if (change.unit !== null && !textOk(change.unit, AMEND_TEXT_MAX.unit)) return refuse('text_invalid');
      return { ok: true };
    }
  }
}

/** The text as stored: NFC, trimmed. */
export function amendedText(s: string): string {
  return clean(s);
}
