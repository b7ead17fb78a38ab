import { describe, expect, it } from 'vitest';
import { joinOutcome, parseJoinPolicy } from '../../src/domain/join-policy.js';
import { parseUnitsFile } from '../../src/domain/units-file.js';

describe('joining policy words and outcomes', () => {
  it('reads the file words, their Vietnamese, with or without diacritics and in any case', () => {
    expect(parseJoinPolicy('open')).toBe('OPEN');
    expect(parseJoinPolicy('Mở')).toBe('OPEN');
    expect(parseJoinPolicy('INVITE')).toBe('INVITE_ONLY');
    expect(parseJoinPolicy('mã mời')).toBe('INVITE_ONLY');
    expect(parseJoinPolicy('approval')).toBe('APPROVAL');
    expect(parseJoinPolicy('duyet')).toBe('APPROVAL');
    expect(parseJoinPolicy('closed')).toBeNull();
    expect(parseJoinPolicy('')).toBeNull();
  });

  it('joins an open unit either way, refuses an invite-only unit only when picked, and files a request for approval', () => {
    expect(joinOutcome('OPEN', 'PICKER')).toBe('join');
    expect(joinOutcome('INVITE_ONLY', 'PICKER')).toBe('refuse');
    expect(joinOutcome('INVITE_ONLY', 'INVITE')).toBe('join');
    expect(joinOutcome('APPROVAL', 'PICKER')).toBe('request');
    expect(joinOutcome('APPROVAL', 'INVITE')).toBe('request');
  });

  it('reads a join column in CSV and YAML, leaves it unset when empty, and reports a wrong word with its line', () => {
    const csv = parseUnitsFile('code,name,parent,group,join\nTINH,UBND tỉnh,,,open\nXA,Xã A,TINH,,\n', 'csv');
    expect(csv).toMatchObject({ ok: true, units: [{ code: 'TINH', join: 'OPEN' }, { code: 'XA' }] });
    expect(csv.ok && csv.units[1]!.join).toBeUndefined();
    const yaml = parseUnitsFile('units:\n  - { code: TINH, name: UBND tỉnh, join: approval }\n  - { code: XA, name: Xã A, parent: TINH, join: kín }\n', 'yaml');
    expect(yaml).toMatchObject({ ok: false, errors: [{ line: 3, code: 'join_invalid', params: { value: 'kín' } }] });
    expect(!yaml.ok && yaml.errors).toHaveLength(1);
  });
});
