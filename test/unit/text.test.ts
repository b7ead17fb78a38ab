import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  escapeHtml,
  fold,
  matchesQuery,
  nfc,
  parseDecimalVi,
  parseYesNo,
  validatePersonName,
} from '../../src/domain/text.js';

const NFD = (s: string): string => s.normalize('NFD');

describe('search ignores diacritics', () => {
  it('folds "Đồng Khởi" to "dong khoi"', () => {
    expect(fold('  Đồng   Khởi ')).toBe('dong khoi');
    expect(fold(NFD('Đồng Khởi'))).toBe('dong khoi');
  });

  it('finds "Đồng khởi mới" when the member types "dong khoi"', () => {
    const hay = fold('Phong trào thi đua "Đồng khởi mới"');
    expect(matchesQuery(hay, 'dong khoi')).toBe(true);
    expect(matchesQuery(hay, 'Đồng MỚI')).toBe(true);
    expect(matchesQuery(hay, 'dong hau')).toBe(false);
    expect(matchesQuery(hay, '   ')).toBe(true);
  });

  it('stores NFC whatever the keyboard sent', () => {
    expect(nfc(NFD('Nguyễn'))).toBe('Nguyễn');
  });
});

describe('a member types their full name', () => {
  it('accepts "Nguyễn Thị Minh Khai", tidied', () => {
    expect(validatePersonName('  Nguyễn   Thị Minh\tKhai ')).toEqual({ ok: true, name: 'Nguyễn Thị Minh Khai' });
  });

  it('normalises a name typed on a decomposing keyboard', () => {
    const r = validatePersonName(NFD('Trần Văn Đức'));
    expect(r).toEqual({ ok: true, name: 'Trần Văn Đức' });
    if (r.ok) expect(r.name).toBe(r.name.normalize('NFC'));
  });

  it('re-asks when the name is empty', () => {
    expect(validatePersonName('   ')).toEqual({ ok: false, reason: 'name_empty' });
  });

  it('re-asks when the name is longer than 100 characters', () => {
    expect(validatePersonName('A'.repeat(101))).toEqual({ ok: false, reason: 'name_too_long' });
    expect(validatePersonName('Ă'.repeat(100))).toMatchObject({ ok: true });
  });

  it.each([
    ['a bell character', 'Lan\u0007'],
    ['a zero-width space', 'Ng\u200Buyễn Lan'],
    ['a right-to-left override', 'Lan \u202Enaul'],
    ['a line break inside', 'Nguyễn\nLan'],
  ])('refuses a name with %s', (_label, input) => {
    expect(validatePersonName(input)).toEqual({ ok: false, reason: 'name_control_chars' });
  });

  it.each(['😀😀', '12345', '...!!', '—'])('refuses "%s" as it has no letters', (input) => {
    expect(validatePersonName(input)).toEqual({ ok: false, reason: 'name_no_letters' });
  });
});

describe('HTML escaping for Telegram', () => {
  it('escapes &, <, > and quotes', () => {
    expect(escapeHtml('<b>"A" & B</b>')).toBe('&lt;b&gt;&quot;A&quot; &amp; B&lt;/b&gt;');
  });
});

describe('a member reports a number', () => {
  it.each([
    ['1.234,5', '1234.5'],
    ['1234.5', '1234.5'],
    ['1,234.5', '1234.5'],
    ['1 234,5', '1234.5'],
    ['1\u00A0234,5', '1234.5'],
    ['1.234', '1234'],
    ['1.234.567', '1234567'],
    ['1,234,567', '1234567'],
    ['1,5', '1.5'],
    ['1,2345', '1.2345'],
    ['0.234', '0.234'],
    ['12.25', '12.25'],
    ['007', '7'],
    ['2,50', '2.5'],
    ['42', '42'],
  ])('reads %s as %s', (input, value) => {
    expect(parseDecimalVi(input)).toEqual({ ok: true, value });
  });

  it('keeps the unit word typed after the number', () => {
    expect(parseDecimalVi('12 ha')).toEqual({ ok: true, value: '12', unit: 'ha' });
    expect(parseDecimalVi('3 công trình')).toEqual({ ok: true, value: '3', unit: 'công trình' });
    expect(parseDecimalVi('1.234,5 km')).toEqual({ ok: true, value: '1234.5', unit: 'km' });
    expect(parseDecimalVi('85%')).toEqual({ ok: true, value: '85', unit: '%' });
  });

  it('refuses a negative figure unless the line allows it', () => {
    expect(parseDecimalVi('-5')).toEqual({ ok: false, reason: 'number_negative' });
    expect(parseDecimalVi('-5', { allowNegative: true })).toEqual({ ok: true, value: '-5' });
    expect(parseDecimalVi('-0')).toEqual({ ok: true, value: '0' });
  });

  it.each(['', 'abc', 'ha 12', '1.2.3', '1,23,4', '12 3', '1.', '1.234,5.6', '1 23'])('re-asks when the member types "%s"', (input) => {
    expect(parseDecimalVi(input)).toEqual({ ok: false, reason: 'number_invalid' });
  });

  it('refuses "1e9" instead of reading 1 with the unit "e9"', () => {
    expect(parseDecimalVi('1e9')).toEqual({ ok: false, reason: 'number_exponent' });
    expect(parseDecimalVi('2,5E3 ha')).toEqual({ ok: false, reason: 'number_exponent' });
    expect(parseDecimalVi('1e-3', { locale: 'en' })).toEqual({ ok: false, reason: 'number_exponent' });
  });

  it('asks which one is meant when "500,000" could be 500.000 or 500', () => {
    expect(parseDecimalVi('500,000')).toEqual({ ok: false, reason: 'number_ambiguous', thousands: '500000', decimal: '500' });
    expect(parseDecimalVi('500,000 đồng', { locale: 'en' })).toEqual({ ok: false, reason: 'number_ambiguous', thousands: '500000', decimal: '500', unit: 'đồng' });
    expect(parseDecimalVi('1,234')).toEqual({ ok: false, reason: 'number_ambiguous', thousands: '1234', decimal: '1.234' });
  });

  it('asks about "1.234" typed in English, where the dot is usually the decimal mark', () => {
    expect(parseDecimalVi('1.234', { locale: 'en' })).toEqual({ ok: false, reason: 'number_ambiguous', thousands: '1234', decimal: '1.234' });
  });

  it.each([
    ['500.000', 'vi', '500000'],
    ['1.234', 'vi', '1234'],
    ['1,5', 'vi', '1.5'],
    ['1,5', 'en', '1.5'],
    ['12', 'vi', '12'],
    ['12', 'en', '12'],
    ['0,500', 'vi', '0.5'],
    ['1234,567', 'vi', '1234.567'],
    ['1.234,5', 'en', '1234.5'],
    ['1,234.5', 'vi', '1234.5'],
    ['500.000.000', 'en', '500000000'],
  ] as const)('reads the unambiguous %s (%s) as %s without asking', (input, locale, value) => {
    expect(parseDecimalVi(input, { locale })).toEqual({ ok: true, value });
  });

  it('does not ask when only one reading fits the line (whole numbers only)', () => {
    expect(parseDecimalVi('1,234', { maxFractionDigits: 2 })).toEqual({ ok: true, value: '1234' });
  });

  it('refuses figures that do not fit Decimal(18, 4)', () => {
    expect(parseDecimalVi('1,23456')).toEqual({ ok: false, reason: 'number_out_of_range' });
    expect(parseDecimalVi('123456789012345')).toEqual({ ok: false, reason: 'number_out_of_range' });
  });
});

describe('a report that adds to the earlier one sums exactly', () => {
  it.each([
    ['3', '2', '5'],
    ['0.1', '0.2', '0.3'],
    ['1234.5', '0.5', '1235'],
    ['99999999999999.9999', '0.0001', '100000000000000'],
    ['5', '-7.25', '-2.25'],
  ])('%s + %s = %s', (a, b, sum) => {
    expect(addDecimals(a, b)).toBe(sum);
  });
});

describe('a member answers a yes/no line by typing', () => {
  it.each(['có', 'Co', 'yes', 'Y', 'rồi', 'Đạt', '1', 'ok'])('takes "%s" as yes', (input) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value: true });
  });

  it.each(['không', 'khong', 'ko', 'No', 'n', 'chưa', 'chưa đạt', '0'])('takes "%s" as no', (input) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value: false });
  });

  it('re-asks on anything else', () => {
    expect(parseYesNo('có lẽ')).toEqual({ ok: false, reason: 'yes_no_invalid' });
  });
});
