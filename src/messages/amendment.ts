/**
 * The short notice members get when a launched campaign they were told about is amended: «gia
 * hạn» (a later deadline or end) or «đính chính» (a corrected wording, one more content line). As
 * data like every outbox message: the kind, the campaign's title after the change, what it was
 * and what it is now (ISO dates, unescaped texts); rendered at send time in the reader's language.
 */
import { formatDate, formatDateTime } from '../domain/dates.js';
import { escapeHtml } from '../domain/text.js';
import type { AmendmentKind } from '../domain/amendments.js';
import type { T } from '../flows/campaign-text.js';
import { clipHtml } from './split.js';
import type { MessageVars, OutboxMessage } from './types.js';

/** Template key of the notice (src/messages/templates.ts renders it with {@link renderAmendment}). */
export const AMENDMENT_TEMPLATE = 'out-amend';

/** What changed, in words a notice can say. */
export interface AmendmentFacts {
  kind: AmendmentKind;
  campaignCode: string;
  /** The campaign's title after the change. */
  title: string;
  /** The milestone's kind for a deadline ("REGISTRATION"), and its own title if it has one. */
  milestoneKind?: string;
  milestoneTitle?: string | null;
  /** Before and after: ISO instants for dates, texts otherwise; null when there was nothing (an empty slogan, a new line). */
  from: string | null;
  to: string;
}

/** The notice, with an action that opens the campaign (its registration) on every channel. */
export function amendmentMessage(f: AmendmentFacts): OutboxMessage {
  return {
    key: AMENDMENT_TEMPLATE,
    vars: {
      kind: f.kind,
      title: f.title,
      milestoneKind: f.milestoneKind ?? null,
      milestoneTitle: f.milestoneTitle ?? null,
      from: f.from,
      to: f.to,
    },
    actions: [[{ kind: 'register', campaignCode: f.campaignCode, label: { key: f.kind === 'add-line' ? 'camp-register-button' : 'camp-open-button' } }]],
  };
}

/** Longest notice: one message on Telegram, with room to spare (a description can be 4,000 characters). */
const MAX_NOTICE = 3500;

const s = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The notice's text (HTML), in the reader's language. */
export function renderAmendment(t: T, v: MessageVars): string {
  const kind = s(v.kind) as AmendmentKind;
  const title = escapeHtml(s(v.title));
  const from = v.from === null ? null : s(v.from);
  const to = s(v.to);
  const extend = kind === 'deadline' || kind === 'end';
  const head = t(extend ? 'amend-notice-head-extend' : kind === 'add-line' ? 'amend-notice-head-add' : 'amend-notice-head-correct', { title });
  let body: string;
  switch (kind) {
    case 'deadline': {
      const what = t(`amend-deadline-${s(v.milestoneKind) || 'CUSTOM'}`) + (v.milestoneTitle ? ` (${escapeHtml(s(v.milestoneTitle))})` : '');
      body = t('amend-notice-deadline', { what, to: formatDateTime(new Date(to)), from: from ? formatDateTime(new Date(from)) : '' });
      break;
    }
    case 'end':
      body = t('amend-notice-end', { to: formatDate(new Date(to)), from: from ? formatDate(new Date(from)) : '' });
      break;
    case 'add-line':
      body = [t('amend-notice-add', { line: escapeHtml(to) }), t('amend-notice-add-how')].join('\n');
      break;
    case 'description':
      body = `${t('amend-notice-description')}\n${escapeHtml(to)}`;
      break;
    default:
      body = from
        ? t('amend-notice-text', { field: t(`amend-field-${kind}`), to: escapeHtml(to), from: escapeHtml(from) })
        : t('amend-notice-text-new', { field: t(`amend-field-${kind}`), to: escapeHtml(to) });
  }
  return clipHtml([head, body, t('amend-notice-rest')].join('\n\n'), t('camp-text-cut'), MAX_NOTICE);
}
