import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  addMonthsClamped,
  endOfLocalDay,
  formatDate,
  formatDateTime,
  localDate,
  localParts,
  parseDate,
  parseDateTime,
  startOfLocalDay,
  timeLeft,
} from '../../src/domain/dates.js';

// 10:00 on 15/01/2025 in Hà Nội.
const now = new Date('2025-01-15T03:00:00Z');

describe('parseDate: a member types a date', () => {
  it.each([
    ['30/6/2025'],
    ['30/06/2025'],
    ['30-06-2025'],
    ['30.06.2025'],
    ['2025-06-30'],
    ['  30/06/2025  '],
    ['ngày 30/06/2025'],
  ])('reads %s as 30/06/2025 00:00 in Vietnam', (input) => {
    const r = parseDate(input, now);
    expect(r).toMatchObject({ ok: true, y: 2025, m: 6, d: 30 });
    if (r.ok) expect(r.date.toISOString()).toBe('2025-06-29T17:00:00.000Z');
  });

  it('reads 30/6 typed in January as this year', () => {
    expect(parseDate('30/6', now)).toMatchObject({ ok: true, y: 2025, m: 6, d: 30 });
  });

  it('takes the year from Vietnamese time, not UTC, on New Year’s night', () => {
    // 31/12/2024 18:00 UTC is already 01/01/2025 01:00 in Hà Nội.
    expect(parseDate('30/6', new Date('2024-12-31T18:00:00Z'))).toMatchObject({ ok: true, y: 2025 });
  });

  it.each(['hôm nay', 'hom nay', 'Hôm Nay', 'today', 'ho\u0302m nay'])('understands "%s" as today in Vietnam', (input) => {
    expect(parseDate(input, now)).toMatchObject({ ok: true, y: 2025, m: 1, d: 15 });
  });

  it.each(['ngày mai', 'ngay mai', 'mai', 'tomorrow', 'NGÀY MAI'])('understands "%s" as tomorrow', (input) => {
    expect(parseDate(input, now)).toMatchObject({ ok: true, y: 2025, m: 1, d: 16 });
  });

  it('rolls "ngày mai" into the next year on 31/12', () => {
    expect(parseDate('mai', new Date('2025-12-31T10:00:00Z'))).toMatchObject({ ok: true, y: 2026, m: 1, d: 1 });
  });

  it('re-asks the date when the member types 31/02/2025', () => {
    expect(parseDate('31/02/2025', now)).toEqual({ ok: false, reason: 'date_invalid' });
  });

  it('knows 2024 was a leap year and 2023 was not', () => {
    expect(parseDate('29/02/2024', now)).toMatchObject({ ok: true, d: 29 });
    expect(parseDate('29/02/2023', now)).toEqual({ ok: false, reason: 'date_invalid' });
  });

  it('refuses years outside 1900–2100 as a typo', () => {
    expect(parseDate('30/06/2250', now)).toEqual({ ok: false, reason: 'date_invalid' });
    expect(parseDate('30/06/1899', now)).toEqual({ ok: false, reason: 'date_invalid' });
  });

  it.each(['abc', '30/06/25', '30/06-2025', '', '2025/06/30', '30 tháng 6'])('says "%s" is not shaped like a date', (input) => {
    expect(parseDate(input, now)).toEqual({ ok: false, reason: 'date_format' });
  });

  it('lets campaign files refuse relative words and year-less dates', () => {
    const opts = { allowRelative: false, allowNoYear: false };
    expect(parseDate('hôm nay', now, opts)).toEqual({ ok: false, reason: 'date_format' });
    expect(parseDate('30/06', now, opts)).toEqual({ ok: false, reason: 'date_format' });
  });
});

describe('parseDateTime: an officer types a deadline', () => {
  it.each(['30/06/2025 17:00', '17:00 30/06/2025', '30/06/2025 17h', '17h 30/06/2025', '30/06/2025 lúc 17:00'])(
    'reads %s as 17:00 on 30/06/2025',
    (input) => {
      const r = parseDateTime(input, now);
      expect(r).toMatchObject({ ok: true, hh: 17, mm: 0 });
      if (r.ok) expect(r.date.toISOString()).toBe('2025-06-30T10:00:00.000Z');
    },
  );

  it('reads 17h30 30/6/2025 with its minutes', () => {
    expect(parseDateTime('17h30 30/6/2025', now)).toMatchObject({ ok: true, d: 30, m: 6, hh: 17, mm: 30 });
  });

  it('gives a date alone the default 17:00, or the one asked for', () => {
    expect(parseDateTime('30/06/2025', now)).toMatchObject({ ok: true, hh: 17, mm: 0 });
    expect(parseDateTime('30/06/2025', now, { defaultTime: '08:30' })).toMatchObject({ ok: true, hh: 8, mm: 30 });
  });

  it('accepts "mai 9h" and "hôm nay 16:30"', () => {
    expect(parseDateTime('mai 9h', now)).toMatchObject({ ok: true, d: 16, hh: 9 });
    expect(parseDateTime('hôm nay 16:30', now)).toMatchObject({ ok: true, d: 15, hh: 16, mm: 30 });
  });

  it('re-asks only the time when the officer types 25:00', () => {
    expect(parseDateTime('30/06/2025 25:00', now)).toEqual({ ok: false, reason: 'time_invalid' });
    expect(parseDateTime('17:75 30/06/2025', now)).toEqual({ ok: false, reason: 'time_invalid' });
  });

  it('re-asks only the date when the officer types 31/02/2025 17:00', () => {
    expect(parseDateTime('31/02/2025 17:00', now)).toEqual({ ok: false, reason: 'date_invalid' });
  });
});

describe('formatting for Vietnamese readers', () => {
  it('shows 30/06/2025 and 17:00 30/06/2025', () => {
    const due = localDate(2025, 6, 30, 17, 0);
    expect(formatDate(due)).toBe('30/06/2025');
    expect(formatDateTime(due)).toBe('17:00 30/06/2025');
  });

  it('shows an instant late in the UTC evening as the next Vietnamese morning', () => {
    expect(formatDateTime(new Date('2025-06-30T17:30:00Z'))).toBe('00:30 01/07/2025');
    expect(localParts(new Date('2025-06-30T17:30:00Z'))).toEqual({ y: 2025, m: 7, d: 1, hh: 0, mm: 30, weekday: 2 });
  });

  it('supports another fixed offset when asked', () => {
    expect(formatDateTime(new Date('2025-06-30T10:00:00Z'), { tzOffsetMinutes: 0 })).toBe('10:00 30/06/2025');
  });
});

describe('local day arithmetic', () => {
  it('finds the start and end of a Vietnamese day', () => {
    const t = new Date('2025-06-30T20:00:00Z'); // 03:00 on 01/07 in Vietnam
    expect(startOfLocalDay(t).toISOString()).toBe('2025-06-30T17:00:00.000Z');
    expect(endOfLocalDay(t).toISOString()).toBe('2025-07-01T16:59:59.999Z');
  });

  it('adds days across a month and year end', () => {
    expect(formatDate(addLocalDays(localDate(2025, 12, 31), 1))).toBe('01/01/2026');
    expect(formatDate(addLocalDays(localDate(2025, 3, 1), -1))).toBe('28/02/2025');
  });

  it('keeps the day of month clamped when adding months', () => {
    expect(addMonthsClamped(2021, 3, 31, 3)).toEqual({ y: 2021, m: 6, d: 30 });
    expect(addMonthsClamped(2021, 3, 31, 9)).toEqual({ y: 2021, m: 12, d: 31 });
    expect(addMonthsClamped(2024, 1, 31, 1)).toEqual({ y: 2024, m: 2, d: 29 });
    expect(addMonthsClamped(2024, 11, 15, 3)).toEqual({ y: 2025, m: 2, d: 15 });
  });
});

describe('timeLeft for "còn 2 ngày" messages', () => {
  it('counts days, hours and minutes until a deadline', () => {
    const due = new Date(now.getTime() + ((2 * 24 + 3) * 60 + 15) * 60_000 + 30_000);
    expect(timeLeft(now, due)).toEqual({ days: 2, hours: 3, minutes: 15, totalMinutes: 3075, past: false });
  });

  it('says how long ago a missed deadline was', () => {
    expect(timeLeft(now, new Date(now.getTime() - 90 * 60_000))).toMatchObject({ days: 0, hours: 1, minutes: 30, past: true });
  });
});
