/**
 * Outbox messages on a text-only channel (src/messages/text.ts), rendered from the real locale
 * files: plain text, actions as numbered "send: …" lines, cut at the channel's limit between
 * paragraphs — and the same data on Telegram keeps its HTML and buttons.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/messages/text.js';
import { decisionMessage, digestMessages, followUpMessage, launchMessage, reminderMessage } from '../../src/messages/compose.js';
import { renderForTelegram } from '../../src/channels/telegram/render/outbox.js';
import { localDate } from '../../src/domain/dates.js';
import { translate } from '../support/text-channel.js';

const vi = (key: string, vars?: Record<string, string | number>) => translate('vi', key, vars);
const en = (key: string, vars?: Record<string, string | number>) => translate('en', key, vars);

describe('outbox messages as plain text', () => {
  it('numbers the actions and says what to send, in the reader’s language', () => {
    const m = reminderMessage(
      [
        { milestoneId: 7, kind: 'PROGRESS_REPORT', milestoneTitle: 'Quý I', dueAt: localDate(2026, 3, 31, 17), campaignCode: 'dk', campaignTitle: 'Đồng khởi' },
        { milestoneId: 8, kind: 'REGISTRATION', milestoneTitle: null, dueAt: localDate(2026, 4, 2, 17), campaignCode: 'dh', campaignTitle: 'Đại hội' },
      ],
      localDate(2026, 3, 29, 17),
    );
    const [text] = renderText(vi, m);
    expect(text).toMatch(/^⏰ Nhắc hạn thi đua \(2 việc sắp đến hạn\)\n/);
    expect(text).toContain('• Đồng khởi: báo cáo tiến độ (Quý I) — hạn 17:00 31/03/2026 (còn 2 ngày)');
    expect(text).toMatch(/\n\n1\. 📊 Báo cáo: Đồng khởi — Gửi: báo cáo 7\n2\. 📝 Đăng ký: Đại hội — Gửi: đăng ký dh$/);
    expect(renderText(en, m)[0]).toMatch(/\n1\. 📊 Report: Đồng khởi — Send: report 7\n/);
  });

  it('cuts a long message between paragraphs at the limit, the actions last', () => {
    const para = (n: number) => `Đoạn ${n} ${'x'.repeat(80)}`;
    const parts = renderText(vi, followUpMessage({ code: 'dk', title: 'Đồng khởi' }, [1, 2, 3].map(para).join('\n\n')), { limit: 200 });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(200);
    // No paragraph is torn across two parts.
    for (const n of [1, 2, 3]) expect(parts.filter((p) => p.includes(para(n)))).toHaveLength(1);
    expect(parts[parts.length - 1]).toMatch(/1\. 📋 Xem phong trào — Gửi: đăng ký dk$/);
  });

  it('shows user text as typed, with no markup left', () => {
    const [text] = renderText(vi, decisionMessage({ decision: 'RETURN', campaign: 'A & <B>', titleCode: 'LDTT', titleName: null, officer: 'Hoa', reason: 'thiếu <số liệu>' }));
    expect(text).toContain('Lao động tiên tiến');
    expect(text).toContain('“A & <B>”');
    expect(text).toContain('thiếu <số liệu>');
    expect(text).not.toMatch(/<\/?b>|&lt;|&amp;/);
    // The same row on Telegram: escaped HTML, bold title.
    expect(renderForTelegram(vi, decisionMessage({ decision: 'RETURN', campaign: 'A & <B>', titleCode: 'LDTT', titleName: null, officer: 'Hoa', reason: 'x' }), () => 'bot').text).toContain(
      '<b>Lao động tiên tiến</b> (phong trào “A &amp; &lt;B&gt;”)',
    );
  });

  it('packs a long digest into parts of at most 20 registrations, each with its own actions', () => {
    const entries = Array.from({ length: 45 }, (_, i) => ({ id: 100 + i, who: `Người ${i}`, unit: 'Xã A', titleCode: 'LDTT' }));
    const parts = digestMessages({ campaign: 'Đồng khởi', at: localDate(2026, 3, 1, 9), entries });
    expect(parts.map((p) => p.registrationIds.length)).toEqual([20, 20, 5]);
    const tg = renderForTelegram(vi, parts[2]!.message, () => 'bot');
    expect(tg.text).toMatch(/^<b>Đăng ký mới — Đồng khởi<\/b> \(45 đăng ký, tính đến 09:00 01\/03\/2026\): \(phần 3\/3\)\n#140 Người 40 \(Xã A\): Lao động tiên tiến/);
    expect(tg.markup?.inline_keyboard.flat().map((b) => b.text)).toHaveLength(10);
  });

  it('never tells a reader without buttons to press one: the launch call and the reminder footer say what to send', () => {
    const launch = launchMessage({
      code: 'dk', title: 'Đồng khởi', slogan: null, issuer: null, description: null,
      startsAt: localDate(2026, 3, 1), endsAt: localDate(2026, 12, 31), criteria: [], milestones: [{ kind: 'REGISTRATION', dueAt: localDate(2026, 3, 15, 17) }],
    });
    const reminder = reminderMessage([{ milestoneId: 7, kind: 'PROGRESS_REPORT', milestoneTitle: null, dueAt: localDate(2026, 3, 31, 17), campaignCode: 'dk', campaignTitle: 'Đồng khởi' }], localDate(2026, 3, 29, 17));
    for (const m of [launch, reminder]) {
      for (const t of [vi, en]) {
        const text = renderText(t, m).join('\n');
        expect(text).not.toMatch(/bấm|nút|press|button/i);
        // …and on Telegram, where the button is there, the text points at it.
        expect(renderForTelegram(t, m, () => 'bot').text).toMatch(/bấm nút|press the button/i);
      }
    }
    expect(renderText(vi, launch)[0]).toMatch(/gửi lệnh ghi ở cuối thông báo này\.\n\n1\. 📝 Đăng ký thi đua — Gửi: đăng ký dk$/);
    expect(renderText(vi, reminder)[0]).toContain('Đồng chí gửi lệnh ghi bên dưới để thực hiện ngay. Tắt nhắc hạn: gửi «cài đặt».');
    expect(renderText(en, reminder)[0]).toContain('Turn reminders off: send “settings”.');
  });
});
