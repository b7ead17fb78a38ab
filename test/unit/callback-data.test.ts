import { describe, expect, it } from 'vitest';
import { callbackActions, decodeCallback, encodeCallback, type CallbackAction } from '../../src/channels/telegram/callback-data.js';

describe('callback data', () => {
  it('round-trips a button action with its arguments', () => {
    const data = encodeCallback('fl.pick', { index: 3, rev: 12 });
    expect(data).toBe('1:fp:3:12');
    expect(decodeCallback(data)).toEqual({ action: 'fl.pick', args: { index: 3, rev: 12 } });
  });

  it('treats buttons from an older version, unknown actions and forged arguments as expired', () => {
    // '1:uo:12:3' is the unit picker's button before it became a flow: expired, never misread.
    for (const data of ['0:fp:3:12', '1:zz:1', '1:fp:-5:1', '1:fp:abc:1', '1:fp:100:1', '1:fp', '1:fp:1:2:3', '', 'x'.repeat(80), '1:uo:12:3', '1:ra:0', '1:rp:12:1', '1:rc:12:1']) {
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
      const args = Object.fromEntries(spec.args.map((a) => [a, 2_147_483_647]));
      expect(Buffer.byteLength(encodeCallback(action, args as never))).toBeLessThanOrEqual(64);
    }
  });
});

describe('retired buttons', () => {
  it('are never given to a new action, so an old message cannot trigger it', () => {
    const wires = new Set<string>(Object.values(callbackActions).map((a) => a.wire));
    for (const retired of ['uo', 'up', 'us', 'uk', 'nt', 'ls']) expect(wires.has(retired)).toBe(false);
  });
});
