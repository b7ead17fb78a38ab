import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCampaignFile, type CampaignFileError, type CampaignFileResult } from '../../src/domain/campaign-file.js';
import { formatDate, formatDateTime } from '../../src/domain/dates.js';
import { billionLaughs, deepJson } from '../support/hostile-files.js';
import { parse as parseYaml } from 'yaml';

const LOCAL = new URL('../../examples/', import.meta.url);
const FILES = ['dong-khoi-moi-2020-2025.yaml', 'chao-mung-dai-hoi-dang-2025-2030.yaml', 'khoi-mttq-doan-the-2020.yaml'] as const;
const read = (dir: URL, name: string): string => readFileSync(new URL(name, dir), 'utf8');

function draftOf(r: CampaignFileResult) {
  if (!r.ok) throw new Error(`expected a campaign, got ${JSON.stringify(r.errors)}`);
  return r.campaign;
}
function errorsOf(r: CampaignFileResult): CampaignFileError[] {
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

/** A small valid file to break one field at a time. */
const MINIMAL = `
code: thi-dua-2025
title: Thi đua năm 2025
kind: REGULAR
starts: 01/01/2025
ends: 31/12/2025
titles:
  individual: [LDTT, CSTDCS]
  collective: [TTLDTT]
criteria:
  - { code: A, title: "Nội dung A", measure: NUMBER, unit: người, target: 10 }
  - code: B
    title: Nội dung B
    items:
      - { code: B.1, title: Tiểu mục, measure: YES_NO }
milestones:
  - { kind: REGISTRATION, due: "31/01/2025 17:00" }
  - { kind: PROGRESS_REPORT, due: 31/03/2025, repeat: quarterly, until: 31/12/2025, remind: [5d, 1d] }
`;
const withLine = (from: string, to: string): string => {
  if (!MINIMAL.includes(from)) throw new Error(`fixture has no ${from}`);
  return MINIMAL.replace(from, to);
};

/** The project's own copies of the example campaigns: tests never read outside the repository. */
describe('the example campaign files in examples/', () => {
  const dir = LOCAL;
  it.each(FILES)('parses %s as it is', (name) => {
    const r = parseCampaignFile(read(dir, name), 'yaml');
    expect(r.ok, JSON.stringify(r.ok ? null : r.errors)).toBe(true);
  });

  it('reads "Đồng khởi mới": 5 content lines with 15 sub-items and 19 quarterly reports', () => {
    const c = draftOf(parseCampaignFile(read(dir, 'dong-khoi-moi-2020-2025.yaml'), 'yaml'));
    expect(c.code).toBe('dong-khoi-moi');
    expect(c.kind).toBe('THEMATIC');
    expect(c.criteria.filter((x) => x.parentCode === null)).toHaveLength(5);
    expect(c.criteria.filter((x) => x.parentCode !== null)).toHaveLength(15);
    expect(c.criteria.find((x) => x.code === 'C1.4')).toMatchObject({ parentCode: 'C1', measure: 'NUMBER', unit: 'dịch vụ công trực tuyến', depth: 1 });
    expect(c.criteria.map((x) => x.position)).toEqual(c.criteria.map((_x, i) => i));

    const reports = c.milestones.filter((m) => m.kind === 'PROGRESS_REPORT');
    expect(reports).toHaveLength(19);
    expect(reports.slice(0, 5).map((m) => formatDateTime(m.dueAt))).toEqual([
      '17:00 31/03/2021',
      '17:00 30/06/2021',
      '17:00 30/09/2021',
      '17:00 31/12/2021',
      '17:00 31/03/2022',
    ]);
    expect(formatDateTime(reports[18]!.dueAt)).toBe('17:00 30/09/2025');
    expect(reports.every((m) => m.series === 1 && m.remindOffsets.join() === '7200,1440')).toBe(true);
    expect(c.milestones.filter((m) => m.kind === 'MIDTERM_REVIEW')).toHaveLength(5);
    expect(c.milestones).toHaveLength(26);
    expect(c.milestones.map((m) => m.position)).toEqual(c.milestones.map((_m, i) => i));

    expect(c.titles.map((t) => t.code)).toEqual(['LDTT', 'CSTDCS', 'TTLDTT', 'TTLDXS', 'CO_TINH', 'CONG_DAN_DONG_KHOI']);
    expect(c.titles.at(-1)).toMatchObject({ name: 'Công dân Đồng Khởi', scope: 'INDIVIDUAL', custom: true });
    expect(c.startsAt.toISOString()).toBe('2020-10-20T17:00:00.000Z');
    expect(c.endsAt.toISOString()).toBe('2025-12-31T16:59:59.999Z');
    expect(c.addressForm).toBe('Đồng chí');
  });

  it('keeps titles that contain commas whole, as the officer meant them', () => {
    const r = parseCampaignFile(read(dir, 'chao-mung-dai-hoi-dang-2025-2030.yaml'), 'yaml');
    const c = draftOf(r);
    expect(c.criteria[0]!.title).toBe('Hoàn thành toàn diện, vượt mức chỉ tiêu Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV');
    expect(c.criteria[1]!.title).toBe('Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh bằng việc làm cụ thể');
    if (r.ok) expect(r.warnings.find((w) => w.path === 'criteria[1].title')).toMatchObject({ code: 'yaml_comma_joined', params: { line: 19 } });
    const dk = draftOf(parseCampaignFile(read(dir, 'dong-khoi-moi-2020-2025.yaml'), 'yaml'));
    expect(dk.milestones.find((m) => m.kind === 'MIDTERM_REVIEW')?.title).toBe(
      'Sơ kết năm, khen thưởng dịp kỷ niệm Ngày Bến Tre Đồng khởi',
    );
  });

  it('reads the special drive greeting the party congresses with its quarterly reports', () => {
    const c = draftOf(parseCampaignFile(read(dir, 'chao-mung-dai-hoi-dang-2025-2030.yaml'), 'yaml'));
    expect(c.criteria).toHaveLength(4);
    expect(c.milestones.filter((m) => m.kind === 'PROGRESS_REPORT').map((m) => formatDate(m.dueAt))).toEqual([
      '30/09/2024',
      '31/12/2024',
      '31/03/2025',
    ]);
    expect(c.milestones.find((m) => m.kind === 'FINAL_REVIEW')?.remindOffsets).toEqual([20160, 10080, 2880, 1440]);
  });

  it('reads the khối MTTQ yearly campaign with its audience group', () => {
    const c = draftOf(parseCampaignFile(read(dir, 'khoi-mttq-doan-the-2020.yaml'), 'yaml'));
    expect(c.kind).toBe('REGULAR');
    expect(c.audience).toEqual({ units: [], groups: ['KHOI_MTTQ'] });
    expect(c.milestones).toHaveLength(3);
    expect(c.criteria).toHaveLength(4);
  });
});

describe('a valid file', () => {
  it('gives real instants at 17:00 Vietnam time and default reminders', () => {
    const c = draftOf(parseCampaignFile(MINIMAL, 'yaml'));
    const reg = c.milestones[0]!;
    expect(reg.dueAt.toISOString()).toBe('2025-01-31T10:00:00.000Z');
    expect(reg.remindOffsets).toEqual([10080, 2880, 240]);
    expect(reg.series).toBeNull();
    expect(c.milestones.filter((m) => m.kind === 'PROGRESS_REPORT').map((m) => formatDate(m.dueAt))).toEqual([
      '31/03/2025',
      '30/06/2025',
      '30/09/2025',
      '31/12/2025',
    ]);
    expect(c.criteria).toEqual([
      { code: 'A', parentCode: null, title: 'Nội dung A', measure: 'NUMBER', unit: 'người', target: '10', position: 0, depth: 0 },
      { code: 'B', parentCode: null, title: 'Nội dung B', measure: 'TEXT', unit: null, target: null, position: 1, depth: 0 },
      { code: 'B.1', parentCode: 'B', title: 'Tiểu mục', measure: 'YES_NO', unit: null, target: null, position: 2, depth: 1 },
    ]);
  });

  it('reads the same campaign from JSON', () => {
    const json = JSON.stringify({
      code: 'json-camp',
      title: 'Thi đua',
      kind: 'THEMATIC',
      starts: '01/01/2025',
      ends: '30/06/2025',
      titles: { individual: ['LDTT'] },
      addressForm: 'Anh/Chị',
      criteria: [{ code: 'K1', title: 'Nội dung', measure: 'NUMBER', target: '1.234,5' }],
      milestones: [{ kind: 'FINAL_REVIEW', due: '30/06/2025 17:00', remind: [] }],
    });
    const c = draftOf(parseCampaignFile(json, 'json'));
    expect(c.addressForm).toBe('Anh/Chị');
    expect(c.criteria[0]!.target).toBe('1234.5');
    expect(c.milestones[0]!.remindOffsets).toEqual([]);
  });

  it('repeats monthly to the campaign end when no "until" is given, clamping 31 to short months', () => {
    const c = draftOf(parseCampaignFile(withLine('repeat: quarterly, until: 31/12/2025, ', 'repeat: monthly, ').replace('31/03/2025', '31/01/2025'), 'yaml'));
    const dates = c.milestones.filter((m) => m.kind === 'PROGRESS_REPORT').map((m) => formatDate(m.dueAt));
    expect(dates).toHaveLength(12);
    expect(dates.slice(0, 4)).toEqual(['31/01/2025', '28/02/2025', '31/03/2025', '30/04/2025']);
  });

  it('keeps a series that starts on the last day of a month on the last day (30/09 → 31/12 → 31/03)', () => {
    const c = draftOf(parseCampaignFile(withLine('due: 31/03/2025, repeat: quarterly, until: 31/12/2025', 'due: 30/09/2025, repeat: quarterly, until: 31/12/2025').replace('ends: 31/12/2025', 'ends: 31/03/2026'), 'yaml'));
    expect(c.milestones.filter((m) => m.kind === 'PROGRESS_REPORT').map((m) => formatDate(m.dueAt))).toEqual(['30/09/2025', '31/12/2025']);
    const monthly = draftOf(parseCampaignFile(withLine('due: 31/03/2025, repeat: quarterly, until: 31/12/2025', 'due: 28/02/2025, repeat: monthly, until: 30/04/2025'), 'yaml'));
    expect(monthly.milestones.filter((m) => m.kind === 'PROGRESS_REPORT').map((m) => formatDate(m.dueAt))).toEqual(['28/02/2025', '31/03/2025', '30/04/2025']);
    const mid = draftOf(parseCampaignFile(withLine('due: 31/03/2025, repeat: quarterly, until: 31/12/2025', 'due: 15/02/2025, repeat: monthly, until: 30/04/2025'), 'yaml'));
    expect(mid.milestones.filter((m) => m.kind === 'PROGRESS_REPORT').map((m) => formatDate(m.dueAt))).toEqual(['15/02/2025', '15/03/2025', '15/04/2025']);
  });

  it('warns, without refusing, about deadlines already past at upload', () => {
    const r = parseCampaignFile(MINIMAL, 'yaml', new Date('2025-02-15T00:00:00Z'));
    expect(r.ok && r.warnings).toEqual([{ path: 'milestones[0].due', code: 'milestone_past', params: { value: '17:00 31/01/2025' } }]);
  });
});

describe('an officer uploads a file with mistakes', () => {
  const cases: Array<[string, string, Partial<CampaignFileError>]> = [
    ['an unknown title code', withLine('[LDTT, CSTDCS]', '[LDTT, CSTD_XYZ]'), { path: 'titles.individual[1]', code: 'title_unknown', params: { value: 'CSTD_XYZ' } }],
    ['a collective title listed for individuals', withLine('[LDTT, CSTDCS]', '[LDTT, TTLDXS]'), { path: 'titles.individual[1]', code: 'title_wrong_scope' }],
    ['a title listed twice', withLine('[LDTT, CSTDCS]', '[LDTT, LDTT]'), { path: 'titles.individual[1]', code: 'title_duplicate' }],
    ['31/02/2025 as a due date', withLine('"31/01/2025 17:00"', '"31/02/2025 17:00"'), { path: 'milestones[0].due', code: 'date_invalid', params: { value: '31/02/2025 17:00' } }],
    ['a due time 25:00', withLine('"31/01/2025 17:00"', '"31/01/2025 25:00"'), { path: 'milestones[0].due', code: 'time_invalid' }],
    ['a start date that is no date', withLine('starts: 01/01/2025', 'starts: hôm nay'), { path: 'starts', code: 'date_format', params: { value: 'hôm nay' } }],
    ['29/02/2023 as the end', withLine('ends: 31/12/2025', 'ends: 29/02/2023'), { path: 'ends', code: 'date_invalid', params: { value: '29/02/2023' } }],
    ['an end before the start', withLine('ends: 31/12/2025', 'ends: 31/12/2024'), { path: 'ends', code: 'ends_before_starts' }],
    ['a deadline before the campaign starts', withLine('"31/01/2025 17:00"', '"31/12/2024 17:00"'), { path: 'milestones[0].due', code: 'milestone_outside_period', params: { value: '17:00 31/12/2024', starts: '01/01/2025', ends: '31/12/2025' } }],
    ['a repeat running past the end', withLine('until: 31/12/2025', 'until: 31/03/2026'), { path: 'milestones[1].until', code: 'milestone_outside_period' }],
    ['"until" before the first due date', withLine('until: 31/12/2025', 'until: 01/02/2025'), { path: 'milestones[1].until', code: 'until_before_due' }],
    ['"until" without a repeat', withLine('repeat: quarterly, ', ''), { path: 'milestones[1].until', code: 'until_without_repeat' }],
    ['a duplicate criterion code', withLine('code: B.1', 'code: A'), { path: 'criteria[1].items[0].code', code: 'criterion_duplicate', params: { value: 'A', first: 'criteria[0].code' } }],
    ['a reminder offset "5x"', withLine('[5d, 1d]', '[5x, 1d]'), { path: 'milestones[1].remind[0]', code: 'offset_invalid', params: { value: '5x' } }],
    ['a negative reminder offset', withLine('[5d, 1d]', '[-5d]'), { path: 'milestones[1].remind[0]', code: 'offset_negative' }],
    ['a reminder longer than the campaign', withLine('[5d, 1d]', '[5d, 200d]').replace('ends: 31/12/2025', 'ends: 30/06/2025').replace('until: 31/12/2025', 'until: 30/06/2025'), { path: 'milestones[1].remind[1]', code: 'offset_too_large', params: { value: '200d', days: 181 } }],
    ['a missing kind', withLine('kind: REGULAR\n', ''), { path: 'kind', code: 'required' }],
    ['a target on a YES_NO line', withLine('measure: YES_NO', 'measure: YES_NO, target: 1'), { path: 'criteria[1].items[0].target', code: 'target_not_number' }],
    ['an unreadable target', withLine('target: 10', 'target: mười'), { path: 'criteria[0].target', code: 'number_invalid' }],
    ['a target that reads two ways ("500,000": 500.000 or 500?)', withLine('target: 10', 'target: "500,000"'), { path: 'criteria[0].target', code: 'number_invalid', params: { value: '500,000' } }],
    ['a target in exponent form', withLine('target: 10', 'target: "1e9"'), { path: 'criteria[0].target', code: 'number_invalid', params: { value: '1e9' } }],
    ['a misspelt key', withLine('remind: [5d, 1d]', 'remid: [5d, 1d]'), { path: 'milestones[1].remid', code: 'key_unknown', params: { key: 'remid' } }],
    ['a code with capitals', withLine('code: thi-dua-2025', 'code: Thi-Dua'), { path: 'code', code: 'format_invalid', params: { value: 'Thi-Dua' } }],
    ['a code too short', withLine('code: thi-dua-2025', 'code: td'), { path: 'code', code: 'too_short', params: { min: 3, value: 'td' } }],
    ['no title', withLine('title: Thi đua năm 2025\n', ''), { path: 'title', code: 'required' }],
    ['an unknown kind', withLine('kind: REGULAR', 'kind: YEARLY'), { path: 'kind', code: 'value_invalid', params: { value: 'YEARLY', allowed: 'REGULAR | THEMATIC' } }],
    ['an unknown measure', withLine('measure: NUMBER', 'measure: PERCENT'), { path: 'criteria[0].measure', code: 'value_invalid' }],
    ['an unknown address form', withLine('kind: REGULAR', 'kind: REGULAR\naddressForm: Bạn'), { path: 'addressForm', code: 'value_invalid' }],
    ['no titles at all', withLine('  individual: [LDTT, CSTDCS]\n  collective: [TTLDTT]', '  individual: []'), { path: 'titles', code: 'titles_empty' }],
    ['a criterion nested four levels deep', withLine('measure: YES_NO }', 'items: [{ code: C, title: c, items: [{ code: D, title: d }] }] }'), { path: 'criteria[1].items[0].items[0].items[0]', code: 'criteria_too_deep' }],
  ];

  it.each(cases)('reports %s with its path', (_label, file, expected) => {
    const errors = errorsOf(parseCampaignFile(file, 'yaml'));
    expect(errors).toContainEqual(expect.objectContaining(expected));
  });

  it('points at the line of a YAML syntax error', () => {
    const errors = errorsOf(parseCampaignFile('code: x\ntitle: [unclosed\nkind: REGULAR\n', 'yaml'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: '', code: 'yaml_syntax' });
    expect(errors[0]!.params.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a duplicated key as a YAML error', () => {
    expect(errorsOf(parseCampaignFile('code: abc\ncode: abd\n', 'yaml'))[0]).toMatchObject({ code: 'yaml_syntax', params: { line: 2 } });
  });

  it('reports broken JSON', () => {
    expect(errorsOf(parseCampaignFile('{"code": ', 'json'))[0]).toMatchObject({ path: '', code: 'json_syntax' });
  });

  it('refuses more than 200 criteria', () => {
    const many = Array.from({ length: 201 }, (_x, i) => `  - { code: K${i}, title: Dòng ${i} }`).join('\n');
    const file = MINIMAL.replace(/criteria:\n[\s\S]*?milestones:/, `criteria:\n${many}\nmilestones:`);
    expect(errorsOf(parseCampaignFile(file, 'yaml'))).toContainEqual({ path: 'criteria', code: 'criteria_too_many', params: { max: 200, count: 201 } });
  });

  it('refuses more than 500 milestones after expansion', () => {
    const file = withLine('ends: 31/12/2025', 'ends: 31/12/2070')
      .replace('repeat: quarterly, until: 31/12/2025', 'repeat: monthly, until: 31/12/2070');
    expect(errorsOf(parseCampaignFile(file, 'yaml'))).toContainEqual(
      expect.objectContaining({ path: 'milestones', code: 'milestones_too_many', params: expect.objectContaining({ max: 500 }) }),
    );
  });

  it('lists every mistake at once, not only the first', () => {
    const file = withLine('[LDTT, CSTDCS]', '[LDTT, NOPE]').replace('"31/01/2025 17:00"', '"31/02/2025 17:00"');
    const codes = errorsOf(parseCampaignFile(file, 'yaml')).map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['title_unknown', 'date_invalid']));
  });
});

describe('shifting an example plan to today (npm run demo)', () => {
  it('moves every date by whole months, keeping month ends at month ends, and the file stays valid', async () => {
    const { shiftCampaignFileDates, monthsToNow } = await import('../../src/domain/campaign-file.js');
    const text = read(LOCAL, 'dong-khoi-moi-2020-2025.yaml');
    const months = monthsToNow(text, new Date('2026-11-23T05:00:00Z'));
    expect(months).toBe(73);
    const shifted = shiftCampaignFileDates(text, months!);
    const c = draftOf(parseCampaignFile(shifted, 'yaml'));
    expect(formatDate(c.startsAt)).toBe('21/11/2026');
    expect(formatDate(c.endsAt)).toBe('31/01/2032');
    expect(formatDateTime(c.milestones[0]!.dueAt)).toBe('17:00 15/12/2026');
    expect(shiftCampaignFileDates('30/09/2024', 3)).toBe('31/12/2024');
  });

  it('moves the years named in the title with the dates, and nothing else', async () => {
    const { shiftCampaignFile } = await import('../../src/domain/campaign-file.js');
    const text = 'code: x\ntitle: Phong trào giai đoạn 2020 - 2025, tầm nhìn đến năm 2030\nslogan: Luật 06/2022/QH15 năm 2022\nstarts: 21/11/2020\n';
    expect(shiftCampaignFile(text, 73)).toBe(
      'code: x\ntitle: Phong trào giai đoạn 2026 - 2031, tầm nhìn đến năm 2036\nslogan: Luật 06/2022/QH15 năm 2022\nstarts: 21/12/2026\n',
    );
    expect(shiftCampaignFile(text, 1)).toContain('title: Phong trào giai đoạn 2020 - 2025');
  });
});

describe('a hostile file', () => {
  it('refuses a YAML alias bomb (billion laughs) with a clear error instead of expanding it', () => {
    const r = parseCampaignFile(billionLaughs((alias) => `${MINIMAL}\ndescription: ${alias}`), 'yaml');
    expect(r).toEqual({ ok: false, errors: [{ path: '', code: 'yaml_aliases', params: { max: 100, line: 3 } }] });
  });

  it('refuses JSON nested 10,000 levels deep with the line, without blowing the stack', () => {
    expect(parseCampaignFile(deepJson(10_000), 'json')).toEqual({
      ok: false,
      errors: [{ path: '', code: 'nesting_too_deep', params: { max: 50, line: 1 } }],
    });
  });

  it('refuses the same nesting in a YAML file, as JSON or as block sequences', () => {
    const tooDeep = (line: number) => ({ ok: false, errors: [{ path: '', code: 'nesting_too_deep', params: { max: 50, line } }] });
    expect(parseCampaignFile(`# deep\n${deepJson(10_000)}`, 'yaml')).toEqual(tooDeep(2));
    expect(parseCampaignFile(`code: x\ncriteria:\n  ${'- '.repeat(10_000)}x\n`, 'yaml')).toEqual(tooDeep(3));
  });

  it('still reads a JSON file as deep as a real one', () => {
    const r = parseCampaignFile(JSON.stringify(parseYaml(MINIMAL)), 'json');
    expect(r.ok, JSON.stringify(r.ok ? null : r.errors)).toBe(true);
  });
});
