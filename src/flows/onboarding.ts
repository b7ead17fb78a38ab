/**
 * Onboarding (tham gia): asks the member's unit — from an invite link (with "switch from your
 * current unit?" when they belong elsewhere), or picked from the unit tree (level by level, paged,
 * or by typing a name: diacritics ignored) — then their full name (the channel's display name offered
 * as a one-tap answer). Stores: the unit on the Member row as soon as it is picked (through
 * `members.changeOwnUnit`, which decides and audits), the name when the flow completes.
 * The unit's join policy is the service's to apply: an invite-only unit picked in the tree is refused
 * with "ask its officer for the invite code" and the picker stays; a unit that needs approval files
 * a join request instead (the person is told it was sent, and joins when an officer approves).
 *
 * The unit and name steps are shared with the profile flows (`profile.ts`).
 */
import type { Services } from '../services/index.js';
import type { MoveAuthority } from '../services/members.js';
import { escapeHtml, MAX_NAME_LENGTH, titleCaseName, validatePersonName } from '../domain/text.js';
import { formatDateTime } from '../domain/dates.js';
import { matchChoice, problem, type Answer, type Choice, type FlowContext, type Message, type Step, type StepResult } from './model.js';
import type { FlowEnv, FlowSpec, Reply } from './conversations.js';

/** Units one page of the picker shows (the remaining ones are on ‹ › pages). */
export const UNIT_PAGE_SIZE = 8;
/** Open campaigns listed to a member who has just joined (the others are under /campaigns). */
const MAX_OPEN_CAMPAIGNS_SHOWN = 5;
/** Units a typed search offers at most. */
const SEARCH_LIMIT = 8;

/** Commands that still work while onboarding or a profile change is open: they only read or restart it. */
export const MEMBER_SETUP_COMMANDS = ['start', 'language', 'help', 'profile', 'link'] as const;

/** One level of the unit tree as shown, or the result of a typed search. Stored with the flow. */
export interface UnitView {
  parentId: number | null;
  parentName?: string;
  /** The level Back returns to (the parent's parent; null = the roots). */
  upId?: number | null;
  page: number;
  pages: number;
  /** Units shown; `open` ones have children (choosing them opens their level). */
  items: Array<{ id: number; name: string; open: boolean }>;
  /** Set for search results: what was typed. */
  query?: string;
}

/** What the unit and name steps need and keep. */
export interface MemberData {
  view: UnitView;
  /** Show "which unit do you belong to?" above the roots (onboarding), not only "choose a unit". */
  intro?: boolean;
  /** The unit the member is in (after a pick, or from before). The unit step is then passed over. */
  unitId?: number;
  /** The name the channel knows the member by ("Lan Nguyễn Thị"), offered as a one-tap answer. */
  suggestedName?: string;
  /** Ask the name (onboarding: when none yet; profile: when changing it). */
  askName: boolean;
  name?: string;
  /** The name as written with capitals, offered when the one given was all lower case (null: none to offer). */
  nameCased?: string | null;
  /** The flow ends with this message instead (a refused move, "kept your unit"). */
  stop?: Message;
  /** A join request was filed for this unit (its policy is APPROVAL): the unit step is passed over. */
  requested?: { unit: string; replaced: string | null };
}

const NAME_REASONS = {
  name_empty: 'name-invalid-empty',
  name_too_long: 'name-invalid-too-long',
  name_control_chars: 'name-invalid-control',
  name_no_letters: 'name-invalid-no-letters',
} as const;

/** Reads one level of the tree (roots when `parentId` is null), page `page`. */
export async function unitLevel(services: Services, parentId: number | null, page: number): Promise<UnitView> {
  const { units } = services;
  const parent = parentId ? await units.byId(parentId) : null;
  const all = await units.children(parent?.id ?? null);
  const pages = Math.max(1, Math.ceil(all.length / UNIT_PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const shown = all.slice(current * UNIT_PAGE_SIZE, (current + 1) * UNIT_PAGE_SIZE);
  const counts = await units.childCounts(shown.map((u) => u.id));
  return {
    parentId: parent?.id ?? null,
    ...(parent ? { parentName: parent.name, upId: parent.parentId ?? null } : {}),
    page: current,
    pages,
    items: shown.map((u) => ({ id: u.id, name: u.name, open: (counts.get(u.id) ?? 0) > 0 })),
  };
}

/** The member answering: conversations hand every step their {@link FlowEnv} as its context. */
export function memberOf(ctx: FlowContext): number {
  return (ctx as FlowEnv).memberId;
}

/** "Nguyễn Văn A (cán bộ phụ trách Huyện X), Trần B (quản trị viên)": who can move an officer (HTML). */
function moveAuthorities(whoCan: readonly MoveAuthority[], ctx: FlowContext): string {
  if (whoCan.length === 0) return ctx.label({ key: 'unit-move-who-none' });
  return whoCan
    .map((w) =>
      w.unit
        ? ctx.label({ key: 'unit-move-who-officer', vars: { name: escapeHtml(w.name), unit: escapeHtml(w.unit) } })
        : ctx.label({ key: 'unit-move-who-admin', vars: { name: escapeHtml(w.name) } }),
    )
    .join(', ');
}

/**
 * Moves the member to a unit they chose themselves. The service decides: an officer may not move
 * out of their own subtree (that would widen what they manage) and is told who can move them.
 */
export async function joinUnit<D extends MemberData>(services: Services, memberId: number, data: D, unitId: number, ctx: FlowContext, invite?: string): Promise<StepResult<D>> {
  const result = await services.members.changeOwnUnit({ actor: { id: memberId }, unitId, ...(invite !== undefined ? { invite } : {}) });
  // Invite-only: the question stays open with why (another unit, or the code from its officer).
  if (!result.ok && result.reason === 'invite_only') return problem('unit-invite-only', { unit: escapeHtml(result.unit) });
  if (!result.ok && result.reason === 'approval_required') return { ok: true, data: { ...data, requested: { unit: result.unit, replaced: result.replaced } } };
  if (!result.ok && result.reason === 'would_widen_scope') {
    const stop: Message = {
      key: 'unit-move-refused',
      vars: {
        current: escapeHtml(result.currentUnit ?? ctx.label({ key: 'profile-not-set' })),
        unit: escapeHtml(result.unit),
        who: moveAuthorities(result.whoCan, ctx),
      },
    };
    return { ok: true, data: { ...data, stop } };
  }
  if (!result.ok) return problem('flow-problem-stale-choice');
  const joined = { ...data, unitId: result.member.unitId ?? unitId };
  return result.moved ? { ok: true, data: joined, notice: { key: 'unit-joined', vars: { unit: escapeHtml(result.member.unit?.name ?? '') } } } : { ok: true, data: joined };
}

/** The choices of one level (or of a search): choose the level's own unit, a unit, open one, ‹ › pages. */
function unitChoices(v: UnitView): Choice[] {
  const choices: Choice[] = [];
  if (v.parentId !== null && v.query === undefined) choices.push({ value: `pick:${v.parentId}`, label: { key: 'unit-choose-this', vars: { unit: v.parentName ?? '' } } });
  for (const u of v.items) {
    choices.push(u.open ? { value: `open:${u.id}`, label: { key: 'onb-unit-open', vars: { unit: u.name } } } : { value: `pick:${u.id}`, label: { key: 'flow-verbatim', vars: { text: u.name } } });
  }
  if (v.page > 0) choices.push({ value: `page:${v.page - 1}`, label: { key: 'unit-prev' } });
  if (v.page < v.pages - 1) choices.push({ value: `page:${v.page + 1}`, label: { key: 'unit-more' } });
  return choices;
}

/** Typed text of a text step that names one of its choices (by number or words) is that choice. */
function asChoice(a: Answer, choices: readonly Choice[], ctx: FlowContext): Answer {
  if (a.kind !== 'text') return a;
  const choice = matchChoice(a.text, choices, ctx);
  return choice ? { kind: 'choice', value: choice.value } : a;
}

/**
 * The unit question: one level of the tree (choose the level's own unit, a unit, or open one that
 * has children), ‹ › pages, or typed words that search every unit. Back goes up one level (or out
 * of a search). Choosing joins at once, so the member sees "Đã ghi nhận đơn vị …" before the next question.
 */
export function unitStep<D extends MemberData>(services: Services): Step<D> {
  return {
    id: 'unit',
    accepts: 'text',
    skip: (d) => d.unitId !== undefined || d.stop !== undefined || d.requested !== undefined,
    prompt: (d): Message => {
      const v = d.view;
      if (v.query !== undefined) return { key: v.items.length > 0 ? 'unit-search-results' : 'unit-search-none', vars: { query: escapeHtml(v.query) } };
      if (v.parentId === null && v.items.length === 0) return { key: 'unit-picker-empty' };
      if (v.parentId === null && d.intro) return { key: 'onb-choose-unit', vars: { parent: 'none' } };
      return { key: 'unit-picker-title', vars: { parent: v.parentName ? escapeHtml(v.parentName) : 'none' } };
    },
    choices: (d) => unitChoices(d.view),
    canGoBack: (d) => d.view.query !== undefined || d.view.parentId !== null,
    // Out of a search to the roots, or up one level; at the roots Back leaves the step.
    back: async (d) =>
      d.view.query !== undefined || d.view.parentId !== null
        ? { ...d, view: await unitLevel(services, d.view.query !== undefined ? null : (d.view.upId ?? null), 0) }
        : null,
    answer: async (d, typed, ctx) => {
      // A unit's number or name typed (as on a text-only channel) is that choice; other words search.
      const a = asChoice(typed, unitChoices(d.view), ctx);
      if (a.kind === 'text') {
        const query = a.text.slice(0, 100);
        const found = await services.units.search(query, { limit: SEARCH_LIMIT });
        const view: UnitView = { parentId: null, page: 0, pages: 1, query, items: found.map((u) => ({ id: u.id, name: u.name, open: false })) };
        return { ok: true, data: { ...d, view }, next: 'unit' };
      }
      if (a.kind !== 'choice') return problem('flow-problem-choice', { count: 0 });
      const [what, arg] = a.value.split(':');
      const n = Number(arg);
      if (what === 'page') return { ok: true, data: { ...d, view: await unitLevel(services, d.view.parentId, n) }, next: 'unit' };
      if (what === 'open') return { ok: true, data: { ...d, view: await unitLevel(services, n, 0) }, next: 'unit' };
      return joinUnit(services, memberOf(ctx), d, n, ctx);
    },
  };
}

/** The channel's display name as a one-tap answer, when it is a valid name. */
function nameChoices(d: MemberData): Choice[] {
  const s = d.suggestedName;
  return s && validatePersonName(s).ok ? [{ value: 'suggested', label: { key: 'name-use-telegram', vars: { name: s } } }] : [];
}

/** The full-name question, with the channel's display name as a one-tap answer when it is a valid name. */
export function nameStep<D extends MemberData>(): Step<D> {
  return {
    id: 'name',
    accepts: 'text',
    skip: (d) => !d.askName || d.stop !== undefined,
    prompt: () => ({ key: 'name-ask' }),
    hint: () => ({ key: 'name-need-text' }),
    choices: (d) => nameChoices(d),
    answer: (d, given, ctx) => {
      const a = asChoice(given, nameChoices(d), ctx);
      const name = a.kind === 'choice' && a.value === 'suggested' ? (d.suggestedName ?? '') : a.kind === 'text' ? a.text : '';
      const result = validatePersonName(name);
      if (!result.ok) return problem(NAME_REASONS[result.reason], { max: MAX_NAME_LENGTH });
      return { ok: true, data: { ...d, name: result.name, nameCased: titleCaseName(result.name) } };
    },
  };
}

/**
 * After a name typed all in lower case: "Ghi tên là “Nguyễn Thị Lan”?" — the capitalised name or
 * the one typed, or a new one typed. Officers then never read a lower-case name the person did not
 * choose. Passed over when the name had capitals.
 */
export function nameCaseStep<D extends MemberData>(): Step<D> {
  const choices = (d: D): Choice[] => [
    { value: 'cased', label: { key: 'name-case-use', vars: { name: d.nameCased ?? '' } } },
    { value: 'typed', label: { key: 'name-case-keep', vars: { typed: d.name ?? '' } } },
  ];
  return {
    id: 'name-case',
    accepts: 'text',
    skip: (d) => !d.askName || d.stop !== undefined || !d.nameCased,
    prompt: (d) => ({ key: 'name-case-ask', vars: { name: d.nameCased ?? '', typed: d.name ?? '' } }),
    hint: () => ({ key: 'name-case-hint' }),
    choices,
    answer: (d, given, ctx) => {
      const a = asChoice(given, choices(d), ctx);
      if (a.kind === 'choice') return { ok: true, data: { ...d, name: a.value === 'cased' ? d.nameCased! : d.name!, nameCased: null } };
      if (a.kind !== 'text') return problem('name-case-hint');
      // A name typed again is taken as written: this time the person chose it.
      const result = validatePersonName(a.text);
      if (!result.ok) return problem(NAME_REASONS[result.reason], { max: MAX_NAME_LENGTH });
      return { ok: true, data: { ...d, name: result.name, nameCased: null } };
    },
  };
}

/**
 * "Your request to join X went to its officers": the end of a flow that filed a join request. The
 * main menu only for someone who still has a unit (a newcomer waits in no unit).
 */
export function requestedReply(requested: { unit: string; replaced: string | null }, hasUnit: boolean): Reply {
  const message: Message = requested.replaced
    ? { key: 'join-request-replaced', vars: { unit: escapeHtml(requested.unit), previous: escapeHtml(requested.replaced) } }
    : { key: 'join-request-sent', vars: { unit: escapeHtml(requested.unit) } };
  return { kind: 'say', message, menu: hasUnit };
}

/** The stop message of a flow that ended early, with the main menu. */
export function stopReply(stop: Message): Reply {
  return { kind: 'say', message: stop, menu: true };
}

/** What the channel starts onboarding with: what it knows of the member and how they arrived. */
export interface OnboardingStart {
  /** The unit of the invite link they opened (already checked to exist). */
  inviteUnitId?: number;
  /** The invite code that link or message carried: what lets them into an invite-only unit. */
  inviteCode?: string;
  suggestedName?: string;
}

export interface OnboardingData extends MemberData {
  /** Confirm the move to this unit first (an invite link of another unit, while already in one). */
  switchTo?: { id: number; name: string; current: string; invite?: string };
}

/**
 * The first admin's checklist while the bot is not set up (no units, no officers, nobody joined):
 * what to do next, with the counts so far. Null for everyone else, and once officers are named and
 * members have joined.
 */
export async function setupChecklist(services: Services, member: { role: string } | null): Promise<Message | null> {
  if (member?.role !== 'ADMIN') return null;
  const s = await services.units.setupStatus();
  if (s.units > 0 && s.officers > 0 && s.joined > 1) return null;
  return { key: s.units === 0 ? 'setup-no-units' : 'setup-checklist', vars: { units: s.units, officers: s.officers, joined: s.joined } };
}

/** Onboarding: [switch to the invite's unit?] → unit → full name → "thank you" with the main menu. */
export function createOnboardingFlow(services: Services): FlowSpec<OnboardingData, OnboardingData> {
  return {
    id: 'onboarding',
    version: 1,
    nameKey: 'onb-flow-name',
    passCommands: MEMBER_SETUP_COMMANDS,
    init: (data) => data,
    async prepare(start: OnboardingStart, env: FlowEnv) {
      const member = await services.members.byId(env.memberId);
      // An admin on an empty bot has no unit to pick: the setup steps instead of an empty picker.
      const setup = await setupChecklist(services, member);
      if (setup?.key === 'setup-no-units') return { ok: false as const, message: setup };
      const data: OnboardingData = {
        view: await unitLevel(services, null, 0),
        intro: true,
        askName: !member?.fullName,
        ...(start.suggestedName ? { suggestedName: start.suggestedName } : {}),
        ...(member?.unitId ? { unitId: member.unitId } : {}),
      };
      const invite = start.inviteUnitId !== undefined ? await services.units.byId(start.inviteUnitId) : null;
      // Someone waiting for an officer's approval is reminded of it (picking another unit replaces it).
      const pending = await services.joinRequests.pendingOf(env.memberId);
      const waiting: Message[] = pending && pending.unitId !== invite?.id ? [{ key: 'join-request-pending', vars: { unit: escapeHtml(pending.unit.name) } }] : [];
      if (!invite || member?.unitId === invite.id) return { ok: true, args: data, say: waiting };
      const code = start.inviteCode !== undefined ? { invite: start.inviteCode } : {};
      if (member?.unitId && member.fullName) {
        const { unitId: _current, ...rest } = data;
        return { ok: true, args: { ...rest, switchTo: { id: invite.id, name: invite.name, current: member.unit?.name ?? '', ...code } } };
      }
      // The invite link is the answer to the unit question.
      const joined = await joinUnit(services, env.memberId, data, invite.id, env, start.inviteCode);
      if (!joined.ok) return { ok: true, args: data, say: waiting };
      return { ok: true, args: joined.data, ...(joined.notice ? { say: [joined.notice] } : {}) };
    },
    steps: [
      {
        id: 'switch',
        accepts: 'choice',
        skip: (d) => !d.switchTo || d.unitId !== undefined || d.stop !== undefined || d.requested !== undefined,
        prompt: (d) => ({ key: 'unit-switch-ask', vars: { current: escapeHtml(d.switchTo!.current), unit: escapeHtml(d.switchTo!.name) } }),
        choices: (d) => [
          { value: 'switch', label: { key: 'unit-switch-yes', vars: { unit: d.switchTo!.name } } },
          { value: 'keep', label: { key: 'unit-switch-no' } },
        ],
        answer: async (d, a, ctx) => {
          if (a.kind === 'choice' && a.value === 'keep') return { ok: true, data: { ...d, stop: { key: 'unit-kept', vars: { unit: escapeHtml(d.switchTo!.current) } } } };
          return joinUnit(services, memberOf(ctx), d, d.switchTo!.id, ctx, d.switchTo!.invite);
        },
      },
      unitStep<OnboardingData>(services),
      nameStep<OnboardingData>(),
      nameCaseStep<OnboardingData>(),
    ],
    async complete(d, env) {
      if (d.stop) return [stopReply(d.stop)];
      const member = d.name ? await services.members.setName(env.memberId, d.name) : await services.members.byId(env.memberId);
      if (d.requested) return [requestedReply(d.requested, member?.unitId != null)];
      const unit = member?.unitId ? await services.units.byId(member.unitId) : null;
      const done: Reply = { kind: 'say', message: { key: 'onboarding-done', vars: { name: escapeHtml(member?.fullName ?? ''), unit: escapeHtml(unit?.name ?? '') } }, menu: true };
      // Joining after a launch: say what is open to them and how to register — unless they came by a
      // campaign's link, whose registration the channel opens next.
      // The first admin, once in a unit: what is left to set up.
      const setup = await setupChecklist(services, member);
      if (setup) return [done, { kind: 'say', message: setup }];
      if (!member?.unitId || member.pendingCampaign) return [done];
      const open = (await services.registrations.campaignsFor(env.memberId)).filter((c) => c.registrationOpen);
      if (open.length === 0) return [done];
      const shown = open.slice(0, MAX_OPEN_CAMPAIGNS_SHOWN);
      const list = shown
        .map((c) => env.label(c.registrationDueAt
          ? { key: 'onboarding-open-campaign-due', vars: { title: escapeHtml(c.title), due: formatDateTime(new Date(c.registrationDueAt)) } }
          : { key: 'onboarding-open-campaign', vars: { title: escapeHtml(c.title) } }))
        .join('\n');
      return [
        done,
        {
          kind: 'say',
          message: { key: 'onboarding-open-campaigns', vars: { count: open.length, list } },
          actions: shown.map((c) => ({ label: { key: 'onboarding-register-button', vars: { code: c.code } }, open: 'register' as const, code: c.code })),
        },
      ];
    },
  };
}
