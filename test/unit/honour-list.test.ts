import { describe, expect, it } from 'vitest';
import { csvRows, parseDecision, parseHonourText, readHonourRows, MAX_HONOUR_ROWS } from '../../src/domain/honour-list.js';
import { matchTitle } from '../../src/services/honours.js';
import { formatDate } from '../../src/domain/dates.js';

const now = new Date('2026-12-07T04:00:00Z');
const day = (iso: string | null) => (iso ? formatDate(new Date(iso)) : null);

describe('the honour list as officers type it', () => {
  it('reads every separator, a list number, a header row and a decision written in one field', () => {
    const r = parseHonourText(
      [
        'Họ và tên; Danh hiệu; Số quyết định; Ngày',
        '1. Nguyễn Văn An; LĐTT; 123/QĐ-UBND; 15/12/2026',
        'Lê Văn Ba - Giấy khen - 45/QĐ-UBND ngày 20/12/2026',
        '',
        '#12 | Chiến sĩ thi đua cơ sở | 16/12/2026',
        'Trần Thị Cúc, Bằng khen, số 7/QĐ-CT',
      ].join('\n'),
      now,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.who, x.title, x.decisionNumber, day(x.decisionDate)])).toEqual([
      [2, 'Nguyễn Văn An', 'LĐTT', '123/QĐ-UBND', '15/12/2026'],
      [3, 'Lê Văn Ba', 'Giấy khen', '45/QĐ-UBND', '20/12/2026'],
      [5, '#12', 'Chiến sĩ thi đua cơ sở', null, '16/12/2026'],
      [6, 'Trần Thị Cúc', 'Bằng khen', '7/QĐ-CT', null],
    ]);
  });

  it('reports every problem at once with its line number', () => {
    const r = parseHonourText(['Nguyễn Văn An', 'Lê Văn Ba; Giấy khen; 1/QĐ; 31/02/2026', '; Giấy khen', 'A; B; C; 1/1/2026; E', 'Đúng; LĐTT'].join('\n'), now);
    expect(r.errors).toEqual([
      { line: 1, code: 'missing-title', value: 'Nguyễn Văn An' },
      { line: 2, code: 'bad-date', value: '31/02/2026' },
      { line: 3, code: 'missing-name' },
      { line: 4, code: 'too-many-fields', value: '5' },
    ]);
    expect(r.rows.map((x) => x.who)).toEqual(['Đúng']);
  });

  it('stops at the longest list it reads, saying so once', () => {
    const r = parseHonourText(Array.from({ length: MAX_HONOUR_ROWS + 3 }, (_, i) => `Người ${i}; LĐTT`).join('\n'), now);
    expect(r.rows).toHaveLength(MAX_HONOUR_ROWS);
    expect(r.errors).toEqual([{ line: MAX_HONOUR_ROWS + 1, code: 'too-many-rows', value: String(MAX_HONOUR_ROWS) }]);
  });

  it('reads the decision asked after picking', () => {
    expect(parseDecision('số 45/QĐ-UBND ngày 20/12/2026', now)).toMatchObject({ ok: true, decisionNumber: '45/QĐ-UBND' });
    expect(day((parseDecision('20/12/2026', now) as { decisionDate: string }).decisionDate)).toBe('20/12/2026');
    expect(parseDecision('45/QĐ', now)).toEqual({ ok: true, decisionNumber: '45/QĐ', decisionDate: null });
    expect(parseDecision('45/QĐ ngày 40/12/2026', now)).toEqual({ ok: false, value: '40/12/2026' });
  });
});

describe('the honour list as a CSV annex', () => {
  it('reads quotes, a BOM, semicolons and CRLF; a header is passed over', () => {
    const rows = csvRows('\uFEFFHọ và tên;Danh hiệu;Số QĐ;Ngày QĐ\r\n"Nguyễn ""Út"" An";"Giấy khen; cấp xã";1/QĐ;01/12/2026\r\n');
    const r = readHonourRows(rows, now);
    expect(r.errors).toEqual([]);
    expect(r.rows).toMatchObject([{ line: 2, who: 'Nguyễn "Út" An', title: 'Giấy khen; cấp xã', decisionNumber: '1/QĐ' }]);
  });

  it('takes an XLSX date cell (a calendar day at UTC midnight) as that day in Vietnam', () => {
    const r = readHonourRows([{ line: 2, cells: ['An', 'LĐTT', 12, new Date(Date.UTC(2026, 11, 31))] }], now);
    expect(r.rows[0]).toMatchObject({ decisionNumber: '12' });
    expect(day(r.rows[0]!.decisionDate)).toBe('31/12/2026');
  });
});

describe('titles of the roll', () => {
  const honours = [{ code: 'LDTT', name: null }, { code: 'CONG_DAN_DK', name: 'Công dân Đồng Khởi' }];
  const names = (code: string) => ({ LDTT: 'Lao động tiên tiến', CSTDCS: 'Chiến sĩ thi đua cơ sở' })[code] ?? code;
  it('matches codes, names without diacritics and custom honours; anything else is the decision’s own words', () => {
    expect(matchTitle('LĐTT', honours, names)).toEqual({ titleCode: 'LDTT', titleName: null });
    expect(matchTitle('chien si thi dua co so', honours, names)).toEqual({ titleCode: 'CSTDCS', titleName: null });
    expect(matchTitle('công dân đồng khởi', honours, names)).toEqual({ titleCode: 'CONG_DAN_DK', titleName: 'Công dân Đồng Khởi' });
    expect(matchTitle('Giấy khen của Chủ tịch UBND xã ', honours, names)).toEqual({ titleCode: null, titleName: 'Giấy khen của Chủ tịch UBND xã' });
  });
});

describe('the README', () => {
  it('documents an honour list that the bot reads without a problem', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /\*\*Honour list format\*\*[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)![1]!;
    const r = parseHonourText(block, now);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.who)).toEqual(['Nguyễn Văn An', '#12', 'Trần Thị Bình']);
  });
});
