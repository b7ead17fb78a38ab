/**
 * Renders an outbox message (src/messages/types.ts) in one language: the text as HTML — the
 * locale files' markup; Telegram sends it as it is, a text channel strips the tags — and the
 * actions with their localized labels. Every user-supplied value is escaped here, every date is
 * formatted here (dd/MM/yyyy, Asia/Ho_Chi_Minh), so the same row reads right in whatever language
 * its recipient has when it is sent.
 *
 * `key` is either one of the templates below (messages composed of several locale strings) or a
 * plain Fluent message id, whose string variables are escaped and numbers passed as they are.
 */
import { textChannelKey } from './text-wording.js';
import { formatDate, formatDateTime } from '../domain/dates.js';
import { renderTimeLeft } from '../domain/reminders.js';
import { escapeHtml } from '../domain/text.js';
import { isTitleCode } from '../domain/titles.js';
import { campaignHeader, followUpBody, renderCriteria, type CriterionText, type T } from '../flows/campaign-text.js';
import { TEMPLATES } from './compose.js';
import { AMENDMENT_TEMPLATE, renderAmendment } from './amendment.js';
import { clipHtml, fitLines } from './split.js';
import type { MessageVars, OutboxAction, OutboxMessage } from './types.js';
// A cycle (stats-message uses titleText): only called at render time, never at load.
import { renderStats } from '../insight/stats-message.js';

export type { T };

/** An action with its label in the reader's language. */
export interface RenderedAction {
  text: string;
  action: OutboxAction;
}

/** A message rendered in one language: HTML text and rows of labelled actions. */
export interface RenderedMessage {
  html: string;
  actions: RenderedAction[][];
}

/**
 * Longest announcement (one broadcast message per member; Telegram allows 4,096): longer content
 * is cut between lines with a note pointing to the full text in /campaigns.
 */
const MAX_ANNOUNCEMENT = 3900;

/**
 * Room for the per-unit lines of an after-deadline summary: the summary is one message (with its
 * Nudge action) and Telegram takes 4,096 characters; the header and total need the rest.
 */
const SUMMARY_BODY_MAX = 3300;

const esc = escapeHtml;
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const date = (v: unknown): Date => new Date(str(v));

/** A title's name in the reader's language (custom honours carry their own). */
export function titleText(t: T, code: string, customName?: string | null): string {
  if (customName) return customName;
  return isTitleCode(code) ? t(`reg-title-${code}`) : code;
}

/** "còn 2 ngày" from `now` to `deadline`, in the reader's language. */
function timeLeftText(t: T, now: Date, deadline: Date): string {
  return renderTimeLeft((_locale, key, vars) => t(key, vars), '', now, deadline);
}

/** One message's worth, balanced, with the "see it in full in /campaigns" note when cut. */
function clip(t: T, html: string): string {
  return clipHtml(html, t('camp-text-cut'), MAX_ANNOUNCEMENT);
}

type Template = (t: T, vars: MessageVars) => string;

const templates: Record<string, Template> = {
  // An officer's /stats (src/insight/stats-message.ts): as long as it needs, cut by the channel.
  [TEMPLATES.stats]: (t, v) => renderStats(t, v),

  [TEMPLATES.launch]: (t, v) => {
    const parts = [
      campaignHeader(t, {
        title: str(v.title),
        slogan: v.slogan ? str(v.slogan) : null,
        issuer: v.issuer ? str(v.issuer) : null,
        startsAt: date(v.startsAt),
        endsAt: date(v.endsAt),
      }).join('\n'),
    ];
    if (v.description) parts.push(esc(str(v.description).trim()));
    parts.push(`${t('camp-content-heading')}\n${renderCriteria(t, { criteria: v.criteria as unknown as CriterionText[] })}`);
    if (v.registrationDeadline) parts.push(t('camp-registration-deadline', { at: formatDateTime(date(v.registrationDeadline)) }));
    parts.push(t('camp-announcement-call'));
    return clip(t, parts.join('\n\n'));
  },

  [TEMPLATES.joinRequest]: (t, v) => t('out-join-request', { id: Number(v.id), name: esc(str(v.name)) || t('join-no-name'), unit: esc(str(v.unit)), via: str(v.via) }),
  [TEMPLATES.joinApproved]: (t, v) => {
    const head = t('out-join-approved', { unit: esc(str(v.unit)), by: esc(str(v.by)) });
    const campaigns = (v.campaigns ?? []) as Array<{ title: string; due: string | null }>;
    if (campaigns.length === 0) return head;
    const list = campaigns
      .map((c) => (c.due ? t('onboarding-open-campaign-due', { title: esc(c.title), due: formatDateTime(date(c.due)) }) : t('onboarding-open-campaign', { title: esc(c.title) })))
      .join('\n');
    return `${head}\n\n${t('onboarding-open-campaigns', { count: Number(v.count), list })}`;
  },
  [TEMPLATES.followUp]: (t, v) => clip(t, followUpBody(t, str(v.title), str(v.text))),

  /** Đính chính / gia hạn of a launched campaign (src/messages/amendment.ts). */
  [AMENDMENT_TEMPLATE]: renderAmendment,

  [TEMPLATES.reminder]: (t, v) => {
    const now = date(v.at);
    const items = v.items as Array<{ kind: string; milestoneTitle: string | null; dueAt: string; campaignTitle: string }>;
    const lines = items.map((it) =>
      t('reminder-line', {
        campaign: esc(it.campaignTitle),
        what: it.milestoneTitle ? `${t(`reminder-what-${it.kind}`)} (${esc(it.milestoneTitle)})` : t(`reminder-what-${it.kind}`),
        deadline: formatDateTime(date(it.dueAt)),
        left: timeLeftText(t, now, date(it.dueAt)),
      }),
    );
    const header = v.nudge ? t('reminder-nudge-header') : t(items.length > 1 ? 'reminder-header-many' : 'reminder-header-one', { count: items.length });
    return [header, '', ...lines, '', t('reminder-footer')].join('\n');
  },

  [TEMPLATES.summary]: (t, v) => {
    const units = v.units as Array<{ name: string; done: number; total: number; laggards: string[] }>;
    const lines = units.map((u) => {
      if (v.review) return t(u.done ? 'reminder-summary-unit-submitted' : 'reminder-summary-unit-missing', { unit: esc(u.name) });
      if (u.done >= u.total) return t('reminder-summary-unit-done', { unit: esc(u.name), done: u.done, total: u.total });
      const more = u.total - u.done - u.laggards.length;
      return t('reminder-summary-unit-behind', {
        unit: esc(u.name),
        done: u.done,
        total: u.total,
        names: esc(u.laggards.join(', ')) + (more > 0 ? t('reminder-summary-more', { count: more }) : ''),
      });
    });
    const done = units.reduce((s, u) => s + u.done, 0);
    const total = units.reduce((s, u) => s + u.total, 0);
    const body = fitLines(lines, SUMMARY_BODY_MAX, (count) => t('reminder-summary-units-more', { count }));
    return [
      t('reminder-summary-header', {
        campaign: esc(str(v.campaign)),
        what: t(`reminder-what-${str(v.kind)}`) + (v.title ? ` (${esc(str(v.title))})` : ''),
        deadline: formatDateTime(date(v.dueAt)),
      }),
      '',
      body,
      '',
      t('reminder-summary-total', { done, total }),
    ].join('\n');
  },

  [TEMPLATES.digest]: (t, v) => {
    const entries = v.entries as Array<{ id: number; who: string; unit: string | null; titleCode: string; titleName: string | null }>;
    const parts = Number(v.parts);
    const head =
      t('reg-digest-title', { campaign: esc(str(v.campaign)), count: Number(v.count), at: formatDateTime(date(v.at)) }) +
      (parts > 1 ? ` ${t('reg-digest-part', { part: Number(v.part), parts })}` : '');
    const lines = entries.map((e) =>
      t('reg-digest-line', { id: e.id, who: esc(e.who), unit: e.unit ? ` (${esc(e.unit)})` : '', title: esc(titleText(t, e.titleCode, e.titleName)) }),
    );
    return [head, ...lines].join('\n');
  },
};

/** "theo Quyết định số 12/QĐ-UBND ngày 15/12/2026", or '' when the roll gives no decision. */
export function decisionText(t: T, no: unknown, day: unknown): string {
  if (!no && !day) return '';
  const key = no && day ? 'honours-decision-full' : no ? 'honours-decision-number' : 'honours-decision-date';
  return t(key, { number: esc(str(no)), date: day ? formatDate(date(day)) : '' });
}

/** Room for the honour roll's lines in one announcement (the heading and closing need the rest). */
const HONOUR_BODY_MAX = 3400;

type RollEntry = { name: string; unit: string | null; collective?: boolean; titleCode: string | null; titleName: string | null; decisionNumber: string | null; decisionDate: string | null };

templates[TEMPLATES.honourRoll] = (t, v) => {
  const entries = v.entries as RollEntry[];
  // Grouped by honour, in the order the roll lists them.
  const groups = new Map<string, RollEntry[]>();
  for (const e of entries) {
    const title = titleText(t, e.titleCode ?? '', e.titleName);
    groups.set(title, [...(groups.get(title) ?? []), e]);
  }
  const lines: string[] = [];
  for (const [title, list] of groups) {
    // "(3 người)", "(2 đơn vị)", or both when a form of commendation went to people and collectives.
    const units = list.filter((e) => e.collective).length;
    const people = list.length - units;
    const who = [people > 0 ? t('honours-count-people', { count: people }) : null, units > 0 ? t('honours-count-units', { count: units }) : null].filter((x) => x !== null).join(', ');
    lines.push(t('honours-roll-group-of', { title: esc(title), who }));
    for (const e of list) {
      const decision = decisionText(t, e.decisionNumber, e.decisionDate);
      const vars = { name: esc(e.name), unit: e.unit ? ` (${esc(e.unit)})` : '', decision: decision ? ` — ${decision}` : '' };
      lines.push(t(e.collective ? 'honours-roll-line-unit' : 'honours-roll-line', vars));
    }
  }
  const body = fitLines(lines, HONOUR_BODY_MAX, (count) => t('honours-roll-more', { count }));
  return [t('honours-roll-header', { campaign: esc(str(v.campaign)), count: entries.length }), '', body, '', t('honours-roll-footer')].join('\n');
};

templates[TEMPLATES.congratulation] = (t, v) => {
  const decision = decisionText(t, v.decisionNumber, v.decisionDate);
  return t(v.collective ? 'honours-congrats-unit' : 'honours-congrats', {
    name: esc(str(v.name)),
    title: esc(titleText(t, str(v.titleCode), v.titleName ? str(v.titleName) : null)),
    campaign: esc(str(v.campaign)),
    decision: decision ? `\n${decision}` : '',
  });
};

/** The registration notices: the title's name comes from its code in the reader's language. */
for (const key of ['reg-notice-approved', 'reg-notice-returned']) {
  templates[key] = (t, v) =>
    t(key, {
      campaign: esc(str(v.campaign)),
      title: esc(titleText(t, str(v.titleCode), v.titleName ? str(v.titleName) : null)),
      officer: esc(str(v.officer)),
      reason: esc(str(v.reason)),
    });
}

/** A plain Fluent message: strings escaped, numbers as they are. */
function fluent(t: T, key: string, vars: MessageVars): string {
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(vars)) {
    if (typeof v === 'number') args[k] = v;
    else if (typeof v === 'string') args[k] = esc(v);
    else if (typeof v === 'boolean') args[k] = String(v);
  }
  return t(key, args);
}

/**
 * Renders a message's text (HTML) and its actions' labels with `t`, bound to the reader's locale.
 * `buttons: false` (a text-only channel) words the texts that point at buttons for numbered lines
 * (src/messages/text-wording.ts).
 */
export function renderMessage(tr: T, message: OutboxMessage, opts: { buttons?: boolean } = {}): RenderedMessage {
  const base: T = opts.buttons === false ? (key, vars) => tr(textChannelKey(key), vars) : tr;
  // A message about a campaign carries the campaign's form of address: every text of it uses it.
  const you = message.vars.You;
  const t: T = typeof you === 'string' ? (key, vars) => base(key, { You: you, you: String(message.vars.you ?? you.toLocaleLowerCase('vi')), ...vars }) : base;
  const template = templates[message.key];
  const html = template ? template(t, message.vars) : fluent(t, message.key, message.vars);
  const actions = (message.actions ?? []).map((row) => row.map((action) => ({ text: t(action.label.key, action.label.vars), action })));
  return { html, actions };
}
