import { reminderMessage } from '../../src/messages/compose.js';
import { renderForTelegram } from '../../src/channels/telegram/render/outbox.js';
import { encodeCallback } from '../../src/channels/telegram/callback-data.js';
import { describe, expect, it } from 'vitest';
import { localDate, formatDateTime } from '../../src/domain/dates.js';
import {
  mergedReminderKey,
  offsetToPlan,
  sendTimeFor,
  timeLeftWords,
  DEFAULT_QUIET_HOURS,
} from '../../src/domain/reminders.js';

const quiet = DEFAULT_QUIET_HOURS;
const D = 1440;

describe('quiet hours (21:00–07:00)', () => {
  it('sends a reminder due at 22:00 at 07:00 the next morning', () => {
    const at = localDate(2025, 6, 10, 22, 0);
    expect(formatDateTime(sendTimeFor(at, localDate(2025, 6, 12, 17), quiet))).toBe('07:00 11/06/2025');
  });
  it('sends a reminder due at 03:00 at 07:00 the same morning', () => {
    expect(formatDateTime(sendTimeFor(localDate(2025, 6, 11, 3), localDate(2025, 6, 12, 17), quiet))).toBe('07:00 11/06/2025');
  });
  it('sends just before the window when the deadline itself falls inside it', () => {
    const deadline = localDate(2025, 6, 11, 2, 0);
    expect(formatDateTime(sendTimeFor(localDate(2025, 6, 10, 22), deadline, quiet))).toBe('20:30 10/06/2025');
  });
  it('leaves daytime reminders alone and ignores quiet hours when they are off', () => {
    const at = localDate(2025, 6, 10, 9, 0);
    expect(sendTimeFor(at, localDate(2025, 6, 12), quiet)).toEqual(at);
    expect(sendTimeFor(localDate(2025, 6, 10, 23), localDate(2025, 6, 12), null)).toEqual(localDate(2025, 6, 10, 23));
  });
});

describe('which offset is due (catch-up)', () => {
  const m = { dueAt: localDate(2025, 6, 20, 17), remindOffsets: [7 * D, 2 * D, 240] };
  it('plans the 2-day reminder at D-2', () => {
    const p = offsetToPlan(m, quiet, { now: localDate(2025, 6, 18, 17), lookAheadMs: 60_000, after: localDate(2025, 6, 18, 16, 58), notBefore: null });
    expect(p?.offsetMinutes).toBe(2 * D);
  });
  it('after a downtime sends only the latest missed offset, not a burst', () => {
    const p = offsetToPlan(m, quiet, { now: localDate(2025, 6, 20, 14), lookAheadMs: 60_000, after: null, notBefore: null });
    expect(p?.offsetMinutes).toBe(240);
  });
  it('sends nothing once the deadline has passed', () => {
    expect(offsetToPlan(m, quiet, { now: localDate(2025, 6, 20, 18), lookAheadMs: 60_000, after: null, notBefore: null })).toBeNull();
  });
  it('never sends offsets that fell before the launch', () => {
    const p = offsetToPlan(m, quiet, { now: localDate(2025, 6, 17, 10), lookAheadMs: 60_000, after: null, notBefore: localDate(2025, 6, 17, 9) });
    expect(p).toBeNull();
  });
  it('does not resurface an offset an earlier pass already considered', () => {
    const p = offsetToPlan(m, quiet, { now: localDate(2025, 6, 18, 18), lookAheadMs: 60_000, after: localDate(2025, 6, 18, 17, 30), notBefore: null });
    expect(p).toBeNull();
  });
});

describe('reminder text', () => {
  const t = (key: string, vars?: Record<string, string | number>) => `${key}${vars ? JSON.stringify(vars) : ''}`;
  it('says "2 days" for a deadline exactly two days after a tick a few seconds late', () => {
    const now = new Date(localDate(2025, 6, 18, 17).getTime() + 20_000);
    expect(timeLeftWords(now, localDate(2025, 6, 20, 17))).toMatchObject({ key: 'days', days: 2 });
    expect(timeLeftWords(localDate(2025, 6, 20, 13), localDate(2025, 6, 20, 17))).toMatchObject({ key: 'hours', hours: 4 });
  });
  it('merges two campaigns into one message with a deep link and a review button', () => {
    const data = reminderMessage(
      [
        { milestoneId: 1, kind: 'REGISTRATION', milestoneTitle: null, dueAt: localDate(2025, 6, 20, 17), campaignCode: 'dong-khoi', campaignTitle: 'Đồng khởi <mới>' },
        { milestoneId: 2, kind: 'FINAL_REVIEW', milestoneTitle: null, dueAt: localDate(2025, 6, 21, 17), campaignCode: 'x', campaignTitle: 'X' },
      ],
      localDate(2025, 6, 18, 17),
    );
    // Stored raw; rendered at send time (here by Telegram's renderer, with a key-echoing translator).
    expect(JSON.stringify(data)).not.toContain('&lt;');
    const msg = renderForTelegram(t, JSON.parse(JSON.stringify(data)), () => 'thidua_bot');
    expect(msg.text).toContain('reminder-header-many');
    expect(msg.text).toContain('17:00 20/06/2025');
    expect(msg.text).toContain('Đồng khởi &lt;mới&gt;');
    expect(msg.markup?.inline_keyboard).toEqual([
      [{ text: expect.stringContaining('reminder-button-REGISTRATION'), url: 'https://t.me/thidua_bot?start=c_dong-khoi' }],
      [{ text: expect.stringContaining('reminder-button-FINAL_REVIEW'), callback_data: encodeCallback('rev.open', { milestoneId: 2 }) }],
    ]);
  });
  it('gives the same dedupe key whatever the order of reminder ids', () => {
    expect(mergedReminderKey(5, [3n, 10n, 2n])).toBe(mergedReminderKey(5, [10n, 2n, 3n]));
    expect(mergedReminderKey(5, Array.from({ length: 500 }, (_, i) => BigInt(i))).length).toBeLessThan(100);
  });
});
