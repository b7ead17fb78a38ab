import { describe, expect, it } from 'vitest';
import { parseUnitsFile } from '../../src/domain/units-file.js';
import { billionLaughs, deepJson } from '../support/hostile-files.js';

describe('units file', () => {
  it('reads CSV with quoted names, semicolons and a BOM', () => {
    const r = parseUnitsFile('\uFEFFcode;name;parent;group\nA;"Tỉnh A; miền Tây";;\nB;Huyện B;A;K1\n', 'csv');
    expect(r).toMatchObject({ ok: true, units: [{ code: 'A', name: 'Tỉnh A; miền Tây', line: 2 }, { code: 'B', parent: 'A', group: 'K1', line: 3 }] });
  });

  it('reads YAML with groups and units', () => {
    const r = parseUnitsFile('groups:\n  - { code: KHOI_MTTQ, name: Khối MTTQ, kind: BLOCK }\nunits:\n  - { code: MTTQ, name: Ủy ban MTTQ tỉnh, group: KHOI_MTTQ }\n', 'yaml');
    expect(r).toMatchObject({ ok: true, groups: [{ code: 'KHOI_MTTQ', name: 'Khối MTTQ' }], units: [{ code: 'MTTQ', line: 4 }] });
  });

  it('reports every problem with its line number', () => {
    const r = parseUnitsFile('code,name,parent\nA,Tỉnh,\nA,Trùng,\nb c,Sai mã,\nC,,\nD,Tự làm cha,D\nE,Vòng,F\nF,Vòng,E\n', 'csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'code_duplicate'],
      [4, 'code_invalid'],
      [5, 'name_missing'],
      [6, 'parent_self'],
      [7, 'parent_cycle'],
      [8, 'parent_cycle'],
    ]);
  });

  it('points at the line of a YAML syntax error', () => {
    const r = parseUnitsFile('units:\n  - code: A\n    name: [unclosed\n', 'yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'file_syntax' });
  });

  it('rejects a header without code and name', () => {
    const r = parseUnitsFile('ma,ten\nA,B\n', 'csv');
    expect(r).toMatchObject({ ok: false, errors: [{ line: 1, code: 'file_header' }] });
  });
});

describe('a hostile units file', () => {
  it('refuses a YAML alias bomb (billion laughs) with a clear error naming the first alias line', () => {
    const bomb = billionLaughs((alias) => `units:\n  - { code: A, name: Tỉnh A }\n  - { code: B, name: ${alias} }`);
    expect(parseUnitsFile(bomb, 'yaml')).toEqual({ ok: false, errors: [{ line: 3, code: 'file_aliases', params: { max: 100 } }] });
  });

  it('refuses JSON nested 10,000 levels deep (JSON is YAML) without blowing the stack', () => {
    expect(parseUnitsFile(`units: []\nextra: ${deepJson(10_000)}`, 'yaml')).toEqual({
      ok: false,
      errors: [{ line: 2, code: 'file_too_deep', params: { max: 50 } }],
    });
    expect(parseUnitsFile(`units:\n  ${'- '.repeat(10_000)}x\n`, 'yaml')).toEqual({
      ok: false,
      errors: [{ line: 2, code: 'file_too_deep', params: { max: 50 } }],
    });
  });
});
