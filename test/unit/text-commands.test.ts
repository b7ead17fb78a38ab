import { describe, expect, it } from 'vitest';
import { parseTextCommand } from '../../src/channels/text-commands.js';

describe('commands typed as text (Zalo)', () => {
  it('reads slash commands and Vietnamese words with or without diacritics, as whole messages', () => {
    for (const text of ['/register', 'đăng ký', 'Dang ky', 'ĐĂNG KÝ', 'register']) expect(parseTextCommand(text)?.command, text).toBe('register');
    for (const text of ['/report', 'báo cáo', 'bao cao']) expect(parseTextCommand(text)?.command, text).toBe('report');
    expect(parseTextCommand('của tôi')?.command).toBe('my');
    expect(parseTextCommand('cài đặt')?.command).toBe('settings');
    expect(parseTextCommand('trợ giúp')?.command).toBe('help');
    expect(parseTextCommand('Menu')?.command).toBe('menu');
    expect(parseTextCommand('hủy')?.command).toBe('cancel');
    expect(parseTextCommand('báo cáo tuần này đã xong')).toBeNull();
    expect(parseTextCommand('Nguyễn Thị Lan')).toBeNull();
    expect(parseTextCommand('/foo')).toBeNull();
  });

  it('takes the argument of "/start CODE", "DK <campaign>" and the outbox\'s "<word> <id>"', () => {
    expect(parseTextCommand('/start AbC123')).toEqual({ command: 'start', arg: 'AbC123', slash: true });
    expect(parseTextCommand('DK chu-nhat-xanh')).toEqual({ command: 'register', arg: 'chu-nhat-xanh', slash: false });
    expect(parseTextCommand('đăng ký chu-nhat-xanh')).toEqual({ command: 'register', arg: 'chu-nhat-xanh', slash: false });
    expect(parseTextCommand('duyệt #12')).toEqual({ command: 'approve', arg: '12', slash: false });
    expect(parseTextCommand('Trả lại 12')?.command).toBe('return');
    expect(parseTextCommand('nộp báo cáo 3')).toEqual({ command: 'review', arg: '3', slash: false });
    expect(parseTextCommand('báo cáo 3')).toEqual({ command: 'report', arg: '3', slash: false });
    expect(parseTextCommand('nhắc 4')?.command).toBe('nudge');
    expect(parseTextCommand('dừng gửi 5')?.command).toBe('stopbroadcast');
    expect(parseTextCommand('Minh chứng #12')).toEqual({ command: 'evidence', arg: '12', slash: false });
    expect(parseTextCommand('minh chung 12')?.command).toBe('evidence');
    expect(parseTextCommand('/evidence 12')).toEqual({ command: 'evidence', arg: '12', slash: true });
    // The honour roll: alone, or with the campaign's code.
    expect(parseTextCommand('Vinh danh')).toEqual({ command: 'honours', arg: '', slash: false });
    expect(parseTextCommand('vinh danh dong-khoi-moi')).toEqual({ command: 'honours', arg: 'dong-khoi-moi', slash: false });
    expect(parseTextCommand('/honours dong-khoi-moi')).toEqual({ command: 'honours', arg: 'dong-khoi-moi', slash: true });
    // Launching a draft: by its code, or alone to pick among the officer's drafts.
    expect(parseTextCommand('Phát động he-xanh')).toEqual({ command: 'launch', arg: 'he-xanh', slash: false });
    expect(parseTextCommand('phat dong he-xanh')).toEqual({ command: 'launch', arg: 'he-xanh', slash: false });
    expect(parseTextCommand('/launch he-xanh')).toEqual({ command: 'launch', arg: 'he-xanh', slash: true });
    expect(parseTextCommand('phát động')).toEqual({ command: 'launch', arg: '', slash: false });
    // An officer's figures: alone to pick a campaign, or with its code.
    expect(parseTextCommand('Thống kê')).toEqual({ command: 'stats', arg: '', slash: false });
    expect(parseTextCommand('thong ke he-xanh')).toEqual({ command: 'stats', arg: 'he-xanh', slash: false });
    expect(parseTextCommand('/stats he-xanh')).toEqual({ command: 'stats', arg: 'he-xanh', slash: true });
    // An id is a number: "duyệt tất cả" is not a command.
    expect(parseTextCommand('duyệt tất cả')).toBeNull();
  });
});
