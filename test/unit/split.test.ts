import { describe, expect, it } from 'vitest';
import { clipHtml, htmlLength, htmlToPlain, packEntries, pageOf, splitHtml } from '../../src/channels/telegram/render/split.js';
import { parseHtml } from '../support/fake-telegram.js';

/** What Telegram would show for each part; throws like Telegram on broken HTML. */
const shown = (parts: string[]): string[] => parts.map((p) => parseHtml(p));

const longTitle = (i: number): string =>
  `Nội dung ${i}: Đẩy mạnh chuyển đổi số trong cải cách hành chính, nâng cao chất lượng phục vụ người dân & doanh nghiệp <cấp xã> giai đoạn 2025 – 2030 ở mọi đơn vị`;

describe('splitHtml', () => {
  it('leaves a message that fits alone', () => {
    expect(splitHtml('<b>Ngắn</b>\nthôi')).toEqual(['<b>Ngắn</b>\nthôi']);
  });

  it('cuts a 40-line content list into balanced parts of at most 4,096 characters, losing no line', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${i + 1}. <b>${longTitle(i + 1).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</b> <i>(công trình)</i>`);
    const html = `📣 <b>Phong trào</b>\n<i>«Khẩu hiệu»</i>\n\n${lines.join('\n')}\n\nHạn đăng ký: 17:00 30/06/2025`;
    expect(htmlLength(html)).toBeGreaterThan(6000);
    const parts = splitHtml(html);
    expect(parts.length).toBe(2);
    const plain = shown(parts);
    for (const p of plain) expect(p.length).toBeLessThanOrEqual(4096);
    // Every line arrives once, in order; the last paragraph is not glued to a cut.
    const all = plain.join('\n');
    for (let i = 1; i <= 40; i += 1) expect(all.split(`Nội dung ${i}:`).length).toBe(2);
    expect(all.indexOf('Nội dung 39:')).toBeLessThan(all.indexOf('Nội dung 40:'));
    expect(plain[plain.length - 1]).toMatch(/Hạn đăng ký: 17:00 30\/06\/2025$/);
  });

  it('keeps a paragraph whole when it fits a message, instead of tearing it across two', () => {
    const para = (n: number, k: number) => Array.from({ length: k }, (_, i) => `<b>${n}.${i}</b> ${'x'.repeat(90)}`).join('\n');
    const parts = splitHtml([para(1, 30), para(2, 30)].join('\n\n'));
    expect(parts).toHaveLength(2);
    expect(htmlToPlain(parts[1]!).startsWith('2.0 ')).toBe(true);
  });

  it('never cuts inside a tag: a multi-line <pre> stays in one part, a line longer than a message becomes plain text', () => {
    const pre = `<pre>${'a\n'.repeat(50)}</pre>`;
    const huge = `<b>${'chữ '.repeat(2500)}</b>`;
    const parts = splitHtml(`${pre}\n${huge}\nhết`, 4096);
    const plain = shown(parts);
    for (const p of plain) expect(p.length).toBeLessThanOrEqual(4096);
    expect(plain.join(' ').match(/chữ/g)).toHaveLength(2500);
    expect(parts[0]).toContain('<pre>');
    expect(plain[plain.length - 1]).toMatch(/hết$/);
  });

  it('counts entities as one character and never splits an emoji', () => {
    const html = '&amp;'.repeat(4096);
    expect(splitHtml(html)).toEqual([html]);
    const emoji = '😀'.repeat(3000); // 6,000 UTF-16 units, no spaces
    const parts = splitHtml(emoji);
    expect(parts.join('')).toBe(emoji);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
  });
});

describe('clipHtml', () => {
  it('keeps one balanced message under the limit with the note, where the old clip left <b> open', () => {
    const html = Array.from({ length: 40 }, (_, i) => `${i + 1}. <b>${'Tiêu đề dài '.repeat(14)}</b>`).join('\n');
    const clipped = clipHtml(html, '(Xem đầy đủ bằng /campaigns.)', 3900);
    const plain = parseHtml(clipped);
    expect(plain.length).toBeLessThanOrEqual(3900);
    expect(plain).toMatch(/…\n\(Xem đầy đủ bằng \/campaigns\.\)$/);
    expect(clipHtml('<b>ngắn</b>', 'x')).toBe('<b>ngắn</b>');
  });
});

describe('packEntries and pageOf', () => {
  it('groups 120 digest lines into messages that fit, with at most `perPart` entries each, in order', () => {
    const entries = Array.from({ length: 120 }, (_, i) => `• #${i + 1} <b>${'Nguyễn Thị Minh Khai '.repeat(3)}</b> (Xã Đồng Khởi): Lao động tiên tiến`);
    const parts = packEntries('<b>Đăng ký mới</b>', entries, { perPart: 20 });
    expect(parts.flatMap((p) => p.indexes)).toEqual(entries.map((_, i) => i));
    for (const p of parts) {
      expect(p.indexes.length).toBeLessThanOrEqual(20);
      expect(parseHtml(p.text).length).toBeLessThanOrEqual(4096);
      expect(p.text.startsWith('<b>Đăng ký mới</b>\n')).toBe(true);
    }
    const tight = packEntries('head', entries, { perPart: 100, max: 1000 });
    for (const p of tight) expect(htmlLength(p.text)).toBeLessThanOrEqual(1000);
    expect(tight.flatMap((p) => p.indexes)).toHaveLength(120);
  });

  it('pages a list and clamps a stale page number', () => {
    expect(pageOf(['a', 'b', 'c'], 1, 2)).toEqual({ items: ['c'], page: 1, pages: 2, offset: 2 });
    expect(pageOf(['a', 'b', 'c'], 9, 2).page).toBe(1);
    expect(pageOf([], 0, 10)).toEqual({ items: [], page: 0, pages: 1, offset: 0 });
  });
});

describe('fitLines (after-deadline summaries)', () => {
  it('keeps whole lines, so a summary of 200 units stays balanced and under the limit, and says how many were left out', async () => {
    const { fitLines } = await import('../../src/messages/split.js');
    const lines = Array.from({ length: 200 }, (_, i) => `• <b>Xã số ${i + 1} của huyện Giồng Trôm</b>: 3/10 — còn thiếu: Nguyễn Văn A, Trần Thị B`);
    const body = fitLines(lines, 3300, (count) => `… và ${count} đơn vị khác.`);
    const plain = parseHtml(body);
    expect(body.length).toBeLessThanOrEqual(3300);
    const kept = plain.split('\n').filter((l) => l.startsWith('•')).length;
    expect(plain.endsWith(`… và ${200 - kept} đơn vị khác.`)).toBe(true);
    expect(fitLines(lines.slice(0, 3), 3300, () => 'x')).toBe(lines.slice(0, 3).join('\n'));
  });
});
