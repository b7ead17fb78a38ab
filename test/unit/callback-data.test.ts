import { describe, expect, it } from 'vitest';
import { callbackActions, decodeCallback, encodeCallback, type CallbackAction } from '../../src/channels/telegram/callback-data.js';

describe('callback data', () => {
  it('round-trips a button action with its arguments', () => {
    const data = encodeCallback('unit.open', { unitId: 12, page: 3 });
    expect(data).toBe('1:uo:12:3');
    expect(decodeCallback(data)).toEqual({ action: 'unit.open', args: { unitId: 12, page: 3 } });
  });

  it('treats buttons from an older version, unknown actions and forged arguments as expired', () => {
    for (const data of ['0:uo:12:3', '1:zz:1', '1:up:-5', '1:up:abc', '1:up', '1:up:1:2', '', 'x'.repeat(80), '1:ls:fr']) {
      expect(decodeCallback(data)).toBeNull();
    }
  });

  it('gives every action a distinct short wire name', () => {
    const wires = Object.values(callbackActions).map((a) => a.wire);
    expect(new Set(wires).size).toBe(wires.length);
  });

  it('keeps every action within Telegram’s 64 bytes with large ids', () => {
    for (const action of Object.keys(callbackActions) as CallbackAction[]) {
      const spec = callbackActions[action];
      const args = Object.fromEntries(spec.args.map((a) => [a, a === 'locale' ? 'en' : a === 'grant' ? '1' : 2_147_483_647]));
      expect(Buffer.byteLength(encodeCallback(action, args as never))).toBeLessThanOrEqual(64);
    }
  });
});
