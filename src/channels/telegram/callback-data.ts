import { z } from 'zod';

/**
 * Callback data codec. Telegram gives us at most 64 bytes and hands back whatever a client sends,
 * so every button's data is versioned, short, and validated on the way back in: a stale button from
 * an older version or forged data decodes to `null`, never to a half-trusted object.
 *
 * Format: `<version>:<action>:<arg>:<arg>…` — e.g. `1:fp:2:7` (a flow's choice 2 of question revision 7).
 *
 * @example
 * const data = encodeCallback('fl.pick', { index: 2, rev: 7 });
 * const parsed = decodeCallback(data); // { action: 'fl.pick', args: { index: 2, rev: 7 } }
 */
export const CALLBACK_VERSION = '1';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const page = z.coerce.number().int().min(0).max(10_000);

/**
 * Every action a button can carry: short wire name, argument names and their schema.
 * Retired wire names — never reuse them, old buttons still carry them: `uo`, `up`, `us`, `uk`, `nt`,
 * `ls` (the unit picker, name and language buttons before onboarding became a flow); `rp`, `rc` (the
 * /grant and /revoke pick and confirm buttons before they became a flow).
 */
export const callbackActions = {
  'profile.name': { wire: 'pn', args: [], schema: z.object({}) },
  'profile.unit': { wire: 'pu', args: [], schema: z.object({}) },
  'profile.lang': { wire: 'pl', args: [], schema: z.object({}) },
  'flow.cancel': { wire: 'xc', args: [], schema: z.object({}) },
  // Reminders and review reports (issue 5)
  'rem.nudge': { wire: 'mn', args: ['milestoneId'], schema: z.object({ milestoneId: id }) },
  'rem.report': { wire: 'mr', args: ['milestoneId'], schema: z.object({ milestoneId: id }) },
  'rem.set': { wire: 'ms', args: ['on'], schema: z.object({ on: z.enum(['1', '0']) }) },
  'rev.open': { wire: 'mo', args: ['milestoneId'], schema: z.object({ milestoneId: id }) },
  'rev.status': { wire: 'mt', args: ['milestoneId'], schema: z.object({ milestoneId: id }) },
  'rev.skip': { wire: 'mk', args: [], schema: z.object({}) },
  'rev.confirm': { wire: 'mc', args: [], schema: z.object({}) },
  'rev.back': { wire: 'mb', args: [], schema: z.object({}) },
  // Conversations (registration, reports): a choice of the open step, Back; officers' decisions and evidence.
  'cv.opt': { wire: 'vo', args: ['v'], schema: z.object({ v: z.string().regex(/^[A-Za-z0-9_.-]{1,48}$/) }) },
  'cv.back': { wire: 'vb', args: [], schema: z.object({}) },
  /** Another page of a step's buttons (a list longer than one keyboard should hold). */
  'cv.page': { wire: 'vp', args: ['page'], schema: z.object({ page }) },
  'reg.approve': { wire: 'ra', args: ['registrationId'], schema: z.object({ registrationId: id }) },
  'reg.return': { wire: 'rr', args: ['registrationId'], schema: z.object({ registrationId: id }) },
  /** A page of /registrations: status s(ubmitted) | a(pproved) | r(eturned). */
  'reg.list': { wire: 'rl', args: ['status', 'page'], schema: z.object({ status: z.enum(['s', 'a', 'r']), page }) },
  'rep.evidence': { wire: 're', args: ['reportId'], schema: z.object({ reportId: id }) },
  'broadcast.stop': { wire: 'bs', args: ['broadcastId'], schema: z.object({ broadcastId: id }) },
  'camp.open': { wire: 'co', args: ['campaignId'], schema: z.object({ campaignId: id }) },
  /** A page of /campaigns (the officer's list, or a member's active campaigns). */
  'camp.list': { wire: 'cg', args: ['page'], schema: z.object({ page }) },
  'camp.manage': { wire: 'cm', args: ['campaignId'], schema: z.object({ campaignId: id }) },
  'camp.launch': { wire: 'cl', args: ['campaignId'], schema: z.object({ campaignId: id }) },
  'camp.launchok': { wire: 'cy', args: ['campaignId'], schema: z.object({ campaignId: id }) },
  'camp.edit': { wire: 'ce', args: ['campaignId'], schema: z.object({ campaignId: id }) },
  'camp.editf': { wire: 'cf', args: ['campaignId', 'field'], schema: z.object({ campaignId: id, field: z.enum(['title', 'slogan', 'starts', 'ends']) }) },
  'camp.announce': { wire: 'ca', args: ['campaignId'], schema: z.object({ campaignId: id }) },
  'camp.announceok': { wire: 'cz', args: ['campaignId'], schema: z.object({ campaignId: id }) },
  'camp.close': { wire: 'cx', args: ['campaignId'], schema: z.object({ campaignId: id }) },
  'camp.archive': { wire: 'cr', args: ['campaignId'], schema: z.object({ campaignId: id }) },
  'camp.closeok': { wire: 'cq', args: ['campaignId'], schema: z.object({ campaignId: id }) },
  /** Đính chính / gia hạn of a launched campaign (src/flows/campaign-amend.ts). */
  'camp.amend': { wire: 'ch', args: ['campaignId'], schema: z.object({ campaignId: id }) },
  'camp.archiveok': { wire: 'cw', args: ['campaignId'], schema: z.object({ campaignId: id }) },
  // Flows of src/flows: a choice by its index in the question of revision `rev`, and Back.
  'fl.pick': { wire: 'fp', args: ['index', 'rev'], schema: z.object({ index: z.coerce.number().int().min(0).max(99), rev: z.coerce.number().int().min(1).max(2_147_483_647) }) },
  'fl.back': { wire: 'fb', args: [], schema: z.object({}) },
  /** Another page of a flow question's buttons (the question of revision `rev`); the answer is unchanged. */
  'fl.page': { wire: 'fg', args: ['page', 'rev'], schema: z.object({ page, rev: z.coerce.number().int().min(1).max(2_147_483_647) }) },
  /** A choice inside the /newcampaign wizard (only meaningful while the conversation waits). */
  'wiz.pick': { wire: 'wz', args: ['value'], schema: z.object({ value: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/) }) },
  // Authorization (issue 8): moving a member by someone who manages both units; re-linking a group.
  'member.move': { wire: 'am', args: ['memberId', 'unitId'], schema: z.object({ memberId: id, unitId: id }) },
  'group.relink': { wire: 'ag', args: ['unitId'], schema: z.object({ unitId: id }) },
  'group.keep': { wire: 'ak', args: [], schema: z.object({}) },
  /** /invite matched several units by name: the one pressed. */
  'inv.pick': { wire: 'ip', args: ['unitId'], schema: z.object({ unitId: id }) },
  // Join requests (issue 12 #8): an officer approves or declines a person's request to join a unit.
  'join.approve': { wire: 'ja', args: ['requestId'], schema: z.object({ requestId: id }) },
  'join.decline': { wire: 'jd', args: ['requestId'], schema: z.object({ requestId: id }) },
} as const;

export type CallbackAction = keyof typeof callbackActions;
export type CallbackArgs<A extends CallbackAction> = z.output<(typeof callbackActions)[A]['schema']>;
export type DecodedCallback = { [A in CallbackAction]: { action: A; args: CallbackArgs<A> } }[CallbackAction];

const byWire = new Map<string, CallbackAction>(
  (Object.keys(callbackActions) as CallbackAction[]).map((a) => [callbackActions[a].wire, a]),
);

/** Encodes a button's action; throws if the result would not fit Telegram's 64 bytes (a bug). */
export function encodeCallback<A extends CallbackAction>(action: A, args: z.input<(typeof callbackActions)[A]['schema']>): string {
  const spec = callbackActions[action];
  const values = spec.args.map((name) => String((args as Record<string, unknown>)[name]));
  const data = [CALLBACK_VERSION, spec.wire, ...values].join(':');
  if (Buffer.byteLength(data) > 64) throw new Error(`callback data too long for ${action}: ${data}`);
  return data;
}

/** Decodes and validates; returns null for stale versions, unknown actions and malformed arguments. */
export function decodeCallback(data: string | undefined): DecodedCallback | null {
  if (!data || Buffer.byteLength(data) > 64) return null;
  const [version, wire, ...values] = data.split(':');
  if (version !== CALLBACK_VERSION || !wire) return null;
  const action = byWire.get(wire);
  if (!action) return null;
  const spec = callbackActions[action];
  if (values.length !== spec.args.length) return null;
  const raw = Object.fromEntries(spec.args.map((name, i) => [name, values[i]]));
  const parsed = spec.schema.safeParse(raw);
  return parsed.success ? ({ action, args: parsed.data } as DecodedCallback) : null;
}
