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
    // Alone, the outbox's words list what to pick from.
    expect(parseTextCommand('nhắc')).toEqual({ command: 'nudge', arg: '', slash: false });
    expect(parseTextCommand('nop bao cao')).toEqual({ command: 'review', arg: '', slash: false });
    expect(parseTextCommand('Minh chứng')).toEqual({ command: 'evidence', arg: '', slash: false });
    expect(parseTextCommand('nhắc mọi người đi họp')).toBeNull();
    // An id is a number: "duyệt tất cả" is not a command.
    expect(parseTextCommand('duyệt tất cả')).toBeNull();
  });

  it('reads the officers\' and admins\' words: campaigns by code (one word) or alone, administration with its "|" arguments', () => {
    expect(parseTextCommand('sửa phong trào he-xanh')).toEqual({ command: 'editcampaign', arg: 'he-xanh', slash: false });
    expect(parseTextCommand('sua phong trao')).toEqual({ command: 'editcampaign', arg: '', slash: false });
    expect(parseTextCommand('Thông báo chu-nhat-xanh')).toEqual({ command: 'announce', arg: 'chu-nhat-xanh', slash: false });
    expect(parseTextCommand('/announce')).toEqual({ command: 'announce', arg: '', slash: true });
    // A sentence starting with the word is not a command: the code is one word.
    expect(parseTextCommand('thông báo họp chi bộ tối nay')).toBeNull();
    expect(parseTextCommand('kết thúc phong trào he-xanh')?.command).toBe('closecampaign');
    expect(parseTextCommand('lưu trữ phong trào')?.command).toBe('archivecampaign');
    expect(parseTextCommand('nhập phong trào')?.command).toBe('importcampaign');
    expect(parseTextCommand('danh sách đơn vị')?.command).toBe('units');
    expect(parseTextCommand('/units')?.command).toBe('units');
    expect(parseTextCommand('thêm đơn vị XA_B | Xã Bình Thành | BENTRE')).toEqual({ command: 'addunit', arg: 'XA_B | Xã Bình Thành | BENTRE', slash: false });
    expect(parseTextCommand('mã mời XA_B')).toEqual({ command: 'invite', arg: 'XA_B', slash: false });
    expect(parseTextCommand('chuyển đơn vị XA_B | Nguyễn Văn An')).toEqual({ command: 'moveunit', arg: 'XA_B | Nguyễn Văn An', slash: false });
    expect(parseTextCommand('nhật ký')?.command).toBe('audit');
    expect(parseTextCommand('cấp quyền Nguyễn Văn An')).toEqual({ command: 'grant', arg: 'Nguyễn Văn An', slash: false });
    expect(parseTextCommand('thu hồi quyền')).toEqual({ command: 'revoke', arg: '', slash: false });
    // The member's own unit change keeps its words.
    expect(parseTextCommand('đổi đơn vị')?.command).toBe('profileunit');
  });
});
