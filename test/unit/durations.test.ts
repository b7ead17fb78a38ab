import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REMINDER_OFFSETS,
  formatOffset,
  normaliseOffsets,
  parseOffset,
  parseOffsetList,
  validateOffsets,
} from '../../src/domain/durations.js';

describe('reminder offsets an officer types', () => {
  it.each([
    ['7d', 10080],
    ['2d', 2880],
    ['4h', 240],
    ['30m', 30],
    ['1w', 10080],
    ['1d12h', 2160],
    ['7 ngày', 10080],
    ['4 giờ', 240],
    ['30 phút', 30],
    ['1 tuần', 10080],
    ['4H', 240],
  ])('reads %s as %i minutes', (input, minutes) => {
    expect(parseOffset(input)).toEqual({ ok: true, minutes });
  });

  it.each(['', 'abc', '7', 'd7', '7x', '0d', '7d-'])('refuses "%s"', (input) => {
    expect(parseOffset(input)).toEqual({ ok: false, reason: 'offset_invalid' });
  });

  it('explains that a negative offset means after the deadline', () => {
    expect(parseOffset('-1d')).toEqual({ ok: false, reason: 'offset_negative' });
  });

  it('refuses an offset longer than a year', () => {
    expect(parseOffset('400d')).toEqual({ ok: false, reason: 'offset_too_large' });
  });

  it('writes offsets back in the same compact form', () => {
    expect(formatOffset(10080)).toBe('7d');
    expect(formatOffset(2160)).toBe('1d12h');
    expect(formatOffset(30)).toBe('30m');
    expect(formatOffset(90)).toBe('1h30m');
  });

  it('reminds 7 days, 2 days and 4 hours before by default', () => {
    expect([...DEFAULT_REMINDER_OFFSETS]).toEqual([10080, 2880, 240]);
  });

  it('refuses a 14-day reminder in a 10-day drive', () => {
    expect(validateOffsets([20160, 1440], 10 * 1440)).toEqual([{ index: 0, reason: 'offset_too_large' }]);
    expect(validateOffsets([1440, -5, 0], 10 * 1440)).toEqual([
      { index: 1, reason: 'offset_negative' },
      { index: 2, reason: 'offset_invalid' },
    ]);
  });

  it('orders reminders largest first without duplicates', () => {
    expect(normaliseOffsets([240, 10080, 240, 2880])).toEqual([10080, 2880, 240]);
  });
});

describe('a list of reminder offsets as people write it', () => {
  it.each([
    ['7 ngày, 2 ngày, 4 giờ', [10080, 2880, 240]],
    ['7d 2d 4h', [10080, 2880, 240]],
    ['1 tuần', [10080]],
    ['1 tuần, 3 ngày và 4 tiếng trước', [10080, 4320, 240]],
    ['1d12h; 2 hours', [2160, 120]],
    ['7 NGÀY,2 ngày', [10080, 2880]],
  ])('reads «%s»', (input, minutes) => {
    expect(parseOffsetList(input)).toEqual({ ok: true, minutes });
  });

  it('names the part it cannot read', () => {
    expect(parseOffsetList('7 ngày, 2x')).toEqual({ ok: false, reason: 'offset_invalid', value: '2x' });
    expect(parseOffsetList('-1 ngày')).toEqual({ ok: false, reason: 'offset_negative', value: '-1ngay' });
    expect(parseOffsetList('  ')).toMatchObject({ ok: false, reason: 'offset_invalid' });
  });
});
