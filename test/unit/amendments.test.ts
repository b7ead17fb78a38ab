/**
 * What counts as an amendment of a launched campaign (src/domain/amendments.ts), and how its
 * notice reads in both languages, on Telegram's HTML and as plain text (src/messages/amendment.ts).
 */
import { describe, expect, it } from 'vitest';
import { checkAmendment, type AmendableCampaign } from '../../src/domain/amendments.js';
import { amendmentMessage } from '../../src/messages/amendment.js';
import { renderMessage } from '../../src/messages/templates.js';
import { renderText } from '../../src/messages/text.js';
import { localDate } from '../../src/domain/dates.js';
import { translate } from '../support/text-channel.js';

const vi = (key: string, vars?: Record<string, string | number>) => translate('vi', key, vars);
const en = (key: string, vars?: Record<string, string | number>) => translate('en', key, vars);
const now = localDate(2025, 6, 10, 9);
const c: AmendableCampaign = {
  title: 'Ra quân xanh',
  slogan: null,
  description: 'Giới thiệu',
  endsAt: localDate(2025, 12, 31, 23, 59),
  milestones: [{ id: 1, dueAt: localDate(2025, 6, 19, 17) }],
  criteria: [{ id: 5, title: 'Số buổi ra quân' }],
};

describe('what an amendment is', () => {
  it('takes a later deadline within the period, and refuses an earlier, equal, past or out-of-period one', () => {
    const at = (d: Date) => checkAmendment(c, { kind: 'deadline', milestoneId: 1, dueAt: d }, now);
    expect(at(localDate(2025, 6, 25, 17))).toEqual({ ok: true });
    expect(at(localDate(2025, 6, 18, 17))).toEqual({ ok: false, reason: 'shortens' });
    expect(at(localDate(2025, 6, 19, 17))).toEqual({ ok: false, reason: 'unchanged' });
    expect(at(localDate(2026, 1, 2, 17))).toEqual({ ok: false, reason: 'after_end' });
    expect(checkAmendment({ ...c, milestones: [{ id: 1, dueAt: localDate(2025, 6, 1, 17) }] }, { kind: 'deadline', milestoneId: 1, dueAt: localDate(2025, 6, 5, 17) }, now)).toEqual({
      ok: false,
      reason: 'due_in_past',
    });
    expect(checkAmendment(c, { kind: 'deadline', milestoneId: 99, dueAt: localDate(2025, 6, 25, 17) }, now)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('extends the end only to a later day', () => {
    expect(checkAmendment(c, { kind: 'end', endsAt: localDate(2026, 3, 31) }, now)).toEqual({ ok: true });
    expect(checkAmendment(c, { kind: 'end', endsAt: localDate(2025, 11, 30) }, now)).toEqual({ ok: false, reason: 'shortens' });
  });

  it('corrects a text only to a different, non-empty one of allowed length', () => {
    expect(checkAmendment(c, { kind: 'title', text: ' Ra quân xanh ' }, now)).toEqual({ ok: false, reason: 'unchanged' });
    expect(checkAmendment(c, { kind: 'title', text: '   ' }, now)).toEqual({ ok: false, reason: 'text_invalid' });
    expect(checkAmendment(c, { kind: 'title', text: 'x'.repeat(301) }, now)).toEqual({ ok: false, reason: 'text_invalid' });
    expect(checkAmendment(c, { kind: 'slogan', text: 'Xanh – sạch – đẹp' }, now)).toEqual({ ok: true });
    expect(checkAmendment(c, { kind: 'line', criterionId: 5, text: 'Số buổi ra quân tình nguyện' }, now)).toEqual({ ok: true });
    expect(checkAmendment(c, { kind: 'line', criterionId: 6, text: 'X' }, now)).toEqual({ ok: false, reason: 'not_found' });
    expect(checkAmendment(c, { kind: 'add-line', title: 'Số cây xanh', measure: 'NUMBER', unit: 'cây' }, now)).toEqual({ ok: true });
  });
});

describe('the notice', () => {
  it('says a deadline moved, from when to when, in both languages, with a button to the campaign', () => {
    const m = amendmentMessage({ kind: 'deadline', campaignCode: 'rqx', title: 'Ra quân <xanh>', milestoneKind: 'REGISTRATION', from: localDate(2025, 6, 19, 17).toISOString(), to: localDate(2025, 6, 25, 17).toISOString() });
    const html = renderMessage(vi, m);
    expect(html.html).toContain('📅 <b>GIA HẠN</b> — phong trào “Ra quân &lt;xanh&gt;”');
    expect(html.html).toContain('Hạn đăng ký thi đua được lùi đến <b>17:00 25/06/2025</b> (trước đây: 17:00 19/06/2025).');
    expect(html.actions.flat().map((a) => a.text)).toEqual(['📋 Xem phong trào']);
    expect(renderText(en, m)[0]).toContain('The registration deadline is moved to 17:00 25/06/2025 (was 17:00 19/06/2025).');
  });

  it('reads without doubled words in every kind and language', () => {
    const facts = [
      { kind: 'deadline' as const, milestoneKind: 'PROGRESS_REPORT', from: now.toISOString(), to: localDate(2025, 7, 1, 17).toISOString() },
      { kind: 'end' as const, from: now.toISOString(), to: localDate(2026, 1, 31).toISOString() },
      { kind: 'title' as const, from: 'Cũ', to: 'Mới' },
      { kind: 'slogan' as const, from: null, to: 'Khẩu hiệu' },
      { kind: 'description' as const, from: 'A', to: 'B' },
      { kind: 'line' as const, from: 'Dòng cũ', to: 'Dòng mới' },
      { kind: 'add-line' as const, from: null, to: 'Dòng thêm' },
    ];
    for (const t of [vi, en]) {
      for (const f of facts) {
        const [text] = renderText(t, amendmentMessage({ campaignCode: 'rqx', title: 'Ra quân xanh', ...f }));
        expect(text).not.toMatch(/(?<!\p{L})(\p{L}+(?: \p{L}+)?) \1(?!\p{L})/iu);
        expect(text).not.toMatch(/\{ ?\$|undefined|null/);
      }
    }
  });
});
