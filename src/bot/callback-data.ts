import { z } from 'zod';

/**
 * Callback data codec. Telegram gives us at most 64 bytes and hands back whatever a client sends,
 * so every button's data is versioned, short, and validated on the way back in: a stale button from
 * an older version or forged data decodes to `null`, never to a half-trusted object.
 *
 * Format: `<version>:<action>:<arg>:<arg>…` — e.g. `1:uo:12:0` (unit picker, open unit 12, page 0).
 *
 * @example
 * const data = encodeCallback('unit.open', { unitId: 12, page: 0 });
 * const parsed = decodeCallback(data); // { action: 'unit.open', args: { unitId: 12, page: 0 } }
 */
export const CALLBACK_VERSION = '1';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const page = z.coerce.number().int().min(0).max(10_000);

/** Every action a button can carry: short wire name, argument names and their schema. */
export const callbackActions = {
  'unit.open': { wire: 'uo', args: ['unitId', 'page'], schema: z.object({ unitId: z.coerce.number().int().min(0), page }) },
  'unit.pick': { wire: 'up', args: ['unitId'], schema: z.object({ unitId: id }) },
  'unit.switch': { wire: 'us', args: ['unitId'], schema: z.object({ unitId: id }) },
  'unit.keep': { wire: 'uk', args: [], schema: z.object({}) },
  'name.telegram': { wire: 'nt', args: [], schema: z.object({}) },
  'lang.set': { wire: 'ls', args: ['locale'], schema: z.object({ locale: z.enum(['vi', 'en']) }) },
  'profile.name': { wire: 'pn', args: [], schema: z.object({}) },
  'profile.unit': { wire: 'pu', args: [], schema: z.object({}) },
  'profile.lang': { wire: 'pl', args: [], schema: z.object({}) },
  'role.pick': { wire: 'rp', args: ['memberId', 'grant'], schema: z.object({ memberId: id, grant: z.enum(['1', '0']) }) },
  'role.confirm': { wire: 'rc', args: ['memberId', 'grant'], schema: z.object({ memberId: id, grant: z.enum(['1', '0']) }) },
  'flow.cancel': { wire: 'xc', args: [], schema: z.object({}) },
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
