import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/domain/dates.js';
import { currentPeriod, nextDeadline, type MilestoneLike } from '../../src/domain/periods.js';

const m = (id: number, kind: MilestoneLike['kind'], y: number, mo: number, d: number) => ({
  id,
  kind,
  dueAt: localDate(y, mo, d, 17, 0),
});
const milestones = [
  m(1, 'REGISTRATION', 2024, 7, 31),
  m(2, 'PROGRESS_REPORT', 2024, 9, 30),
  m(4, 'PROGRESS_REPORT', 2025, 3, 30),
  m(3, 'PROGRESS_REPORT', 2024, 12, 30),
  m(5, 'FINAL_REVIEW', 2025, 6, 30),
];

describe('which period a progress report counts for', () => {
  it('files a report sent in November under the December deadline', () => {
    expect(currentPeriod(milestones, localDate(2024, 11, 5, 9))?.id).toBe(3);
  });

  it('still counts a report sent at 17:00 sharp on the deadline for that period', () => {
    expect(currentPeriod(milestones, localDate(2024, 9, 30, 17))?.id).toBe(2);
  });

  it('files a report one minute late under the next period', () => {
    expect(currentPeriod(milestones, localDate(2024, 9, 30, 17, 1))?.id).toBe(3);
  });

  it('has no period after the last report deadline', () => {
    expect(currentPeriod(milestones, localDate(2025, 4, 1))).toBeNull();
  });
});

describe('what is due next', () => {
  it('tells a new member in July that registration closes on 31/07', () => {
    expect(nextDeadline(milestones, localDate(2024, 7, 10))?.id).toBe(1);
  });

  it('can look only at some kinds', () => {
    expect(nextDeadline(milestones, localDate(2024, 7, 10), ['FINAL_REVIEW'])?.id).toBe(5);
  });

  it('has nothing due once the campaign is over', () => {
    expect(nextDeadline(milestones, localDate(2025, 7, 1))).toBeNull();
  });
});
