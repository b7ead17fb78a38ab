/**
 * The outbox messages the bot sends on its own initiative, as data: each builder takes domain
 * values and returns a template key, raw variables (ISO dates, numbers, unescaped names) and
 * channel-neutral actions. Services enqueue what these return; nothing here knows a channel or a
 * language — src/messages/templates.ts renders them at send time in the recipient's locale.
 */
import type { MilestoneKind } from '../domain/periods.js';
import { shorten } from '../domain/reminders.js';
import type { BroadcastProgress } from '../services/broadcasts.js';
import type { CriterionText } from '../flows/campaign-text.js';
import type { MessageVars, OutboxAction, OutboxAttachment, OutboxMessage } from './types.js';
import { addressVars } from '../domain/address.js';

/** Template keys (see src/messages/templates.ts). */
export const TEMPLATES = {
  launch: 'out-launch',
  followUp: 'out-followup',
  reminder: 'out-reminder',
  summary: 'out-reminder-summary',
  digest: 'out-reg-digest',
  /** An officer's /stats (src/insight/stats-message.ts); a reply, never queued. */
  stats: 'out-stats',
  honourRoll: 'out-honour-roll',
  congratulation: 'out-honour-congrats',
  joinRequest: 'out-join-request',
  joinApproved: 'out-join-approved',
} as const;

// ---- Campaigns ------------------------------------------------------------------------------

/** What a launch announcement needs of a campaign. */
export interface AnnouncedCampaign {
  code: string;
  title: string;
  slogan: string | null;
  issuer: string | null;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  criteria: readonly CriterionText[];
  milestones: ReadonlyArray<{ kind: string; dueAt: Date }>;
  /** How the campaign addresses its people ("Đồng chí" / "Anh/Chị"; the campaign file's `addressForm`). */
  addressForm?: string | null;
}

/** The campaign's form of address as the `You`/`you` every message of it is rendered with (src/domain/address.ts). */
function campaignAddress(c: { addressForm?: string | null }): MessageVars {
  return c.addressForm ? addressVars(c.addressForm) : {};
}

/**
 * The launch announcement (thông báo phát động): title, slogan, period, content lines, the
 * registration deadline and a "📝 Đăng ký thi đua" action opening registration.
 */
export function launchMessage(c: AnnouncedCampaign): OutboxMessage {
  const reg = c.milestones.find((m) => m.kind === 'REGISTRATION')?.dueAt ?? null;
  return {
    key: TEMPLATES.launch,
    vars: {
      ...campaignAddress(c),
      title: c.title,
      slogan: c.slogan,
      issuer: c.issuer,
      description: c.description,
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt.toISOString(),
      registrationDeadline: reg ? reg.toISOString() : null,
      criteria: c.criteria.map((x) => ({
        id: x.id,
        parentId: x.parentId,
        title: x.title,
        measure: x.measure,
        unitOfMeasure: x.unitOfMeasure,
        target: x.target === null ? null : x.target.toString(),
      })),
    },
    actions: [[{ kind: 'register', campaignCode: c.code, label: { key: 'camp-register-button' } }]],
  };
}

/** A follow-up announcement (tin bổ sung): the officer's text under the campaign's name. */
export function followUpMessage(c: { code: string; title: string; addressForm?: string | null }, text: string, attachment?: OutboxAttachment): OutboxMessage {
  return {
    key: TEMPLATES.followUp,
    vars: { ...campaignAddress(c), title: c.title, text },
    actions: [[{ kind: 'register', campaignCode: c.code, label: { key: 'camp-open-button' } }]],
    ...(attachment ? { attachment } : {}),
  };
}

// ---- Reminders ------------------------------------------------------------------------------

/** One reminder to say in a message. */
export interface ReminderItem {
  milestoneId: number;
  kind: MilestoneKind;
  milestoneTitle: string | null;
  dueAt: Date;
  campaignCode: string;
  campaignTitle: string;
}

/** The flow a reminder opens: registration for REGISTRATION / CUSTOM, else a report or review report. */
function reminderAction(item: ReminderItem, label: OutboxAction['label']): OutboxAction {
  switch (item.kind) {
    case 'REGISTRATION':
    case 'CUSTOM':
      return { kind: 'register', campaignCode: item.campaignCode, label };
    case 'PROGRESS_REPORT':
      return { kind: 'report', milestoneId: item.milestoneId, label };
    default:
      return { kind: 'review', milestoneId: item.milestoneId, label };
  }
}

/**
 * One message for every reminder a member has due at once: which campaign, what is due, the
 * deadline, the time left (counted from `at`, when it was decided) and one action per item
 * opening the right flow. `nudge` words it as an officer's reminder after the deadline.
 */
export function reminderMessage(items: readonly ReminderItem[], at: Date, opts: { nudge?: boolean } = {}): OutboxMessage {
  const sorted = [...items].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.milestoneId - b.milestoneId);
  const actions: OutboxAction[][] = [];
  const seen = new Set<string>();
  for (const it of sorted) {
    const action = reminderAction(it, { key: `reminder-button-${it.kind}`, vars: { campaign: shorten(it.campaignTitle, 40) } });
    const key = action.kind === 'register' ? `c:${action.campaignCode}` : `${action.kind}:${it.milestoneId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    actions.push([action]);
  }
  return {
    key: TEMPLATES.reminder,
    vars: {
      at: at.toISOString(),
      nudge: opts.nudge === true,
      items: sorted.map((it) => ({
        kind: it.kind,
        milestoneTitle: it.milestoneTitle,
        dueAt: it.dueAt.toISOString(),
        campaignTitle: it.campaignTitle,
      })),
    },
    actions,
  };
}

/** Per-unit line of an officer's after-deadline summary. */
export interface SummaryUnit {
  name: string;
  done: number;
  total: number;
  laggards: string[];
}

/** The officers' summary after a deadline, with a Nudge action when someone is behind. */
export function summaryMessage(
  m: { id: number; kind: MilestoneKind; title: string | null; dueAt: Date; campaign: { title: string } },
  units: readonly SummaryUnit[],
  review: boolean,
): OutboxMessage {
  const done = units.reduce((s, u) => s + u.done, 0);
  const total = units.reduce((s, u) => s + u.total, 0);
  return {
    key: TEMPLATES.summary,
    vars: {
      campaign: m.campaign.title,
      kind: m.kind,
      title: m.title,
      dueAt: m.dueAt.toISOString(),
      review,
      units: units.map((u) => ({ name: u.name, done: u.done, total: u.total, laggards: u.laggards })),
    },
    actions: done < total ? [[{ kind: 'nudge', milestoneId: m.id, label: { key: 'reminder-nudge-button' } }]] : [],
  };
}

// ---- Registrations --------------------------------------------------------------------------

/** A member's notice that an officer approved or returned their registration. */
export function decisionMessage(input: {
  decision: 'APPROVE' | 'RETURN';
  campaign: string;
  /** The campaign's code: a returned registration's notice opens it again, at the part to fix. */
  campaignCode?: string;
  titleCode: string;
  titleName: string | null;
  officer: string;
  reason: string;
}): OutboxMessage {
  const fix = input.decision === 'RETURN' && input.campaignCode
    ? [[{ kind: 'register' as const, campaignCode: input.campaignCode, label: { key: 'reg-notice-fix' } }]]
    : undefined;
  return {
    key: input.decision === 'APPROVE' ? 'reg-notice-approved' : 'reg-notice-returned',
    vars: { campaign: input.campaign, titleCode: input.titleCode, titleName: input.titleName, officer: input.officer, reason: input.reason },
    ...(fix ? { actions: fix } : {}),
  };
}

// ---- Roles ------------------------------------------------------------------------------------

/** The person's notice that an admin granted or revoked their officer role, with what it means for them. */
export function roleChangeMessage(input: { granted: boolean; unit: string; by: string; from: 'MEMBER' | 'OFFICER' | 'ADMIN' }): OutboxMessage {
  return { key: input.granted ? 'out-role-granted' : 'out-role-revoked', vars: { unit: input.unit, by: input.by, from: input.from } };
}

// ---- Joining a unit that needs approval ------------------------------------------------------

/** A campaign open for registration, as a member who has just joined is told of it. */
export interface OpenCampaign {
  code: string;
  title: string;
  /** ISO time of the registration deadline, null when the campaign has none. */
  registrationDueAt: string | null;
}

/** The officers' notice of a join request, with Approve / Decline. */
export function joinRequestMessage(input: { id: number; name: string; unit: string; via: 'INVITE' | 'PICKER' }): OutboxMessage {
  return {
    key: TEMPLATES.joinRequest,
    vars: { id: input.id, name: input.name, unit: input.unit, via: input.via },
    actions: [
      [
        { kind: 'approve-join', requestId: input.id, label: { key: 'join-approve-button', vars: { id: input.id } } },
        { kind: 'decline-join', requestId: input.id, label: { key: 'join-decline-button', vars: { id: input.id } } },
      ],
    ],
  };
}

/**
 * The person's notice of the decision: approved — with the campaigns open to them now and an action
 * to register for each (as onboarding tells a member who joins) — or declined, with the reason if given.
 */
export function joinDecisionMessage(input: { approved: boolean; unit: string; by: string; reason: string; campaigns: readonly OpenCampaign[]; count: number }): OutboxMessage {
  if (!input.approved) return { key: 'out-join-declined', vars: { unit: input.unit, by: input.by, reason: input.reason, hasReason: input.reason ? 'yes' : 'no' } };
  return {
    key: TEMPLATES.joinApproved,
    vars: { unit: input.unit, by: input.by, count: input.count, campaigns: input.campaigns.map((c) => ({ code: c.code, title: c.title, due: c.registrationDueAt })) },
    actions: input.campaigns.map((c) => [{ kind: 'register', campaignCode: c.code, label: { key: 'onboarding-register-button', vars: { code: c.code } } }]),
  };
}

/** One registration as a line of an officer's digest. */
export interface DigestEntry {
  id: number;
  /** The member's full name, or the unit's name for a collective registration. */
  who: string;
  /** The member's unit (individual registrations), shown after the name. */
  unit: string | null;
  titleCode: string;
  /** A custom honour's own name. */
  titleName?: string | null;
}

/** An officer's digest for one campaign: when it was made and the registrations it carries. */
export interface DigestInput {
  campaign: string;
  at: Date;
  entries: DigestEntry[];
}

/** Registrations per digest message: two actions each, so a keyboard of 40 and a readable screen. */
export const DIGEST_ENTRIES_PER_PART = 20;
/**
 * Characters of digest lines per message: Telegram takes 4,096 and the heading needs ~200. A
 * line's length is estimated from its raw values (a standard title's name is at most ~40
 * characters in any locale), so the parts are decided once, whatever the reader's language.
 */
export const DIGEST_PART_BUDGET = 3600;
const STANDARD_TITLE_ROOM = 45;

/** How long a digest line can get, from its raw values. */
function digestLineCost(e: DigestEntry): number {
  return String(e.id).length + e.who.length + (e.unit ? e.unit.length + 3 : 0) + (e.titleName ? e.titleName.length : STANDARD_TITLE_ROOM) + 6;
}

/**
 * The officers' digest of new registrations as one or more messages, in order: at most
 * {@link DIGEST_ENTRIES_PER_PART} registrations and {@link DIGEST_PART_BUDGET} characters of lines
 * each, every registration once with its approve and return actions in the message that shows
 * it. Returns, per message, the registrations it carries (the service marks exactly those).
 */
export function digestMessages(input: DigestInput): Array<{ message: OutboxMessage; registrationIds: number[] }> {
  const groups: DigestEntry[][] = [];
  let current: DigestEntry[] = [];
  let used = 0;
  for (const e of input.entries) {
    const cost = digestLineCost(e);
    if (current.length >= DIGEST_ENTRIES_PER_PART || (current.length > 0 && used + cost > DIGEST_PART_BUDGET)) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(e);
    used += cost;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((entries, i) => ({
    registrationIds: entries.map((e) => e.id),
    message: {
      key: TEMPLATES.digest,
      vars: {
        campaign: input.campaign,
        count: input.entries.length,
        at: input.at.toISOString(),
        part: i + 1,
        parts: groups.length,
        entries: entries.map((e) => ({ id: e.id, who: e.who, unit: e.unit, titleCode: e.titleCode, titleName: e.titleName ?? null })),
      },
      actions: entries.map((e): OutboxAction[] => [
        { kind: 'approve', registrationId: e.id, label: { key: 'reg-approve-button', vars: { id: e.id } } },
        { kind: 'return', registrationId: e.id, label: { key: 'reg-return-button', vars: { id: e.id } } },
      ]),
    },
  }));
}

// ---- Broadcast progress (the officer's own message, sent by the dispatcher) -------------------

/** Counts the officer's progress message shows (BroadcastProgress, src/services/broadcasts.ts). */
type ProgressFigures = BroadcastProgress;

/** "m:ss" for the progress message's ETA; language-neutral on purpose. */
export function formatEta(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Finished deliveries to people (not group chats) and how many people in all: "50/50 đồng chí". */
function figures(p: ProgressFigures): MessageVars {
  return {
    done: p.sent + p.failed + p.unreachable - p.groups.sent,
    total: p.total - p.groups.total,
    groupsDone: p.groups.sent,
    groupsTotal: p.groups.total,
    sent: p.sent,
    failed: p.failed,
    unreachable: p.unreachable,
  };
}

/** The officer's progress message while a broadcast is being sent, with a Stop action. */
export function progressMessage(broadcastId: number, p: ProgressFigures, rate: number): OutboxMessage {
  return {
    key: 'broadcast-progress',
    vars: { ...figures(p), eta: formatEta(p.pending / rate) },
    actions: [[{ kind: 'stop-broadcast', broadcastId, label: { key: 'broadcast-stop-button' } }]],
  };
}

/** The final summary that replaces (or follows) the progress message. */
export function progressSummaryMessage(p: ProgressFigures): OutboxMessage {
  return {
    key: p.cancelled > 0 || p.status === 'CANCELLED' ? 'broadcast-summary-cancelled' : 'broadcast-summary',
    vars: { ...figures(p), cancelled: p.cancelled },
  };
}

// ---- Honour roll (vinh danh) ---------------------------------------------------------------

/** One honoured member (or collective) as the announcement and the congratulation say it. */
export interface HonourRollEntry {
  /** The person's name, or the collective's (a unit). */
  name: string;
  /** The person's unit; null for a collective. */
  unit: string | null;
  /** A collective's award (tập thể): said as the unit's, congratulated to its officers. */
  collective?: boolean;
  titleCode: string | null;
  /** A custom honour's name or the decision's own wording; null for a standard title. */
  titleName: string | null;
  decisionNumber: string | null;
  /** ISO instant of the decision's day. */
  decisionDate: string | null;
}

/** The honour roll announced to the campaign's audience and linked groups: who, which honour, which decision. */
export function honourRollMessage(c: { title: string }, entries: readonly HonourRollEntry[]): OutboxMessage {
  return { key: TEMPLATES.honourRoll, vars: { campaign: c.title, entries: entries.map((e) => ({ ...e })) } };
}

/** A member's personal congratulation on an honour (a collective's: to each of its officers). */
export function congratulationMessage(c: { title: string }, e: HonourRollEntry): OutboxMessage {
  return { key: TEMPLATES.congratulation, vars: { campaign: c.title, ...e } };
}
