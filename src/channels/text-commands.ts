/**
 * Commands typed as text, for a channel without buttons or a command menu (Zalo): the slash
 * command ("/report") or its words, Vietnamese with or without diacritics, or English ("báo cáo",
 * "bao cao", "report"). One table, exported, so every text channel reads the same words and a new
 * command (LINK 123456) is one more row here.
 *
 * Only a whole message is a command ("báo cáo" is, "báo cáo tuần này đã xong" is not), except the
 * commands that take an argument ("/start CODE", "DK chu-nhat-xanh"), which read the rest.
 *
 * @example parseTextCommand('Đăng ký') // { command: 'register', arg: '' }
 * @example parseTextCommand('dk chu-nhat-xanh') // { command: 'register', arg: 'chu-nhat-xanh' }
 */
import { fold } from '../domain/text.js';

/** A command a text channel understands; the names are the Telegram commands they mirror. */
export type TextCommand =
  | 'start'
  | 'register'
  | 'report'
  | 'my'
  | 'settings'
  | 'help'
  | 'menu'
  | 'cancel'
  | 'language'
  | 'campaigns'
  | 'newcampaign'
  | 'launch'
  | 'amend'
  | 'extend'
  | 'profile'
  | 'registrations'
  | 'link'
  | 'profilename'
  | 'profileunit'
  // What the outbox's text rendering tells a reader to send (src/messages/text.ts, out-cmd-*): a command and an id.
  | 'approve'
  | 'return'
  | 'nudge'
  | 'review'
  | 'stopbroadcast'
  | 'evidence'
  | 'stats'
  | 'honours'
  // Officers' campaign management (Telegram: the buttons of a campaign's view, /announce).
  | 'editcampaign'
  | 'announce'
  | 'closecampaign'
  | 'archivecampaign'
  | 'importcampaign'
  // Administration (Telegram: the commands of the same names).
  | 'units'
  | 'addunit'
  | 'invite'
  | 'moveunit'
  | 'audit'
  | 'grant'
  | 'revoke'
  | 'export'
  // Joining policy (issue 12 #8): pending join requests, a decision on one, a unit's policy.
  | 'joins'
  | 'joinapprove'
  | 'joindecline'
  | 'joinpolicy'
  | 'addressform';

/** One command: its slash form, the folded words that mean it, and whether it reads an argument. */
export interface TextCommandSpec {
  command: TextCommand;
  /** Folded (lower case, no diacritics) whole-message words; the first is what help texts show. */
  words: readonly string[];
  /** Words that take the rest of the message as the argument ("dk <campaign-code>"). */
  withArg?: readonly string[];
  /** The argument must be a number (an id; "#12" too): "báo cáo tuần này" is not "báo cáo <id>". */
  numericArg?: boolean;
  /** The argument is one word (a code): "thông báo chu-nhat-xanh" is, "thông báo họp chi bộ tối nay" is not. */
  codeArg?: boolean;
}

/** The word → command table (add rows here; `identity-link` adds LINK). */
export const TEXT_COMMANDS: TextCommandSpec[] = [
  { command: 'start', words: ['bat dau', 'start'] },
  { command: 'register', words: ['dang ky', 'dangky', 'register'], withArg: ['dk', 'dang ky', 'register'] },
  { command: 'report', words: ['bao cao', 'baocao', 'report'], withArg: ['bao cao', 'report'], numericArg: true },
  { command: 'my', words: ['cua toi', 'thi dua cua toi', 'my', 'my status'] },
  { command: 'settings', words: ['cai dat', 'settings'] },
  { command: 'help', words: ['tro giup', 'huong dan', 'help'] },
  { command: 'menu', words: ['menu', 'danh muc'] },
  { command: 'cancel', words: ['huy', 'huy bo', 'cancel'] },
  { command: 'language', words: ['ngon ngu', 'language'] },
  { command: 'profile', words: ['ho so', 'profile'] },
  // One person, two channels (src/flows/link.ts, whose parseLinkCommand reads the code): "LINK 123456".
  { command: 'link', words: ['link', 'lien ket'], withArg: ['link', 'lien ket'] },
  { command: 'registrations', words: ['dang ky cho duyet', 'duyet dang ky', 'registrations'] },
  { command: 'profilename', words: ['doi ten', 'change name'] },
  { command: 'profileunit', words: ['doi don vi', 'change unit'] },
  { command: 'campaigns', words: ['phong trao', 'campaigns'] },
  { command: 'newcampaign', words: ['tao phong trao', 'newcampaign'] },
  // "phát động chu-nhat-xanh" launches that draft; "phát động" alone picks among the officer's drafts.
  { command: 'launch', words: ['phat dong', 'launch'], withArg: ['phat dong', 'launch'] },
  // Đính chính / gia hạn of a launched campaign (src/flows/campaign-amend.ts), with or without its code.
  { command: 'amend', words: ['dinh chinh', 'amend'], withArg: ['dinh chinh', 'amend'] },
  { command: 'extend', words: ['gia han', 'extend'], withArg: ['gia han', 'extend'] },
  { command: 'approve', words: [], withArg: ['duyet', 'approve'], numericArg: true },
  { command: 'return', words: [], withArg: ['tra lai', 'return'], numericArg: true },
  // Alone, "nhắc" / "nộp báo cáo" / "minh chứng" list what to pick from (numbered), as Telegram's /nudge, /review, /evidence.
  { command: 'nudge', words: ['nhac', 'nhac han', 'nudge'], withArg: ['nhac', 'nudge'], numericArg: true },
  { command: 'review', words: ['nop bao cao', 'bao cao don vi', 'review'], withArg: ['nop bao cao', 'review report'], numericArg: true },
  { command: 'stopbroadcast', words: [], withArg: ['dung gui', 'stop sending'], numericArg: true },
  // An officer gets a report's evidence back: "minh chứng 12" (Telegram: /evidence 12).
  { command: 'evidence', words: ['minh chung', 'evidence'], withArg: ['minh chung', 'evidence'], numericArg: true },
  // A campaign by its code, or alone: pick among the campaigns it applies to.
  { command: 'editcampaign', words: ['sua phong trao', 'edit campaign'], withArg: ['sua phong trao', 'edit campaign'], codeArg: true },
  { command: 'announce', words: ['thong bao', 'thong bao bo sung', 'announce'], withArg: ['thong bao', 'announce'], codeArg: true },
  { command: 'closecampaign', words: ['ket thuc phong trao', 'close campaign'], withArg: ['ket thuc phong trao', 'close campaign'], codeArg: true },
  { command: 'archivecampaign', words: ['luu tru phong trao', 'archive campaign'], withArg: ['luu tru phong trao', 'archive campaign'], codeArg: true },
  // Zalo cannot send a document to a bot: the answer says where campaign files go.
  { command: 'importcampaign', words: ['nhap phong trao', 'import campaign'] },
  { command: 'units', words: ['danh sach don vi', 'cay don vi', 'units'] },
  // "thêm đơn vị MÃ | Tên | MÃ_CẤP_TRÊN | MÃ_KHỐI", "chuyển đơn vị MÃ | họ tên": the rest as typed.
  { command: 'addunit', words: ['them don vi', 'add unit'], withArg: ['them don vi', 'add unit'] },
  { command: 'invite', words: ['ma moi', 'invite'], withArg: ['ma moi', 'invite'], codeArg: true },
  { command: 'moveunit', words: ['chuyen don vi', 'move unit'], withArg: ['chuyen don vi', 'move unit'] },
  { command: 'audit', words: ['nhat ky', 'audit'] },
  { command: 'grant', words: ['cap quyen', 'grant'], withArg: ['cap quyen', 'grant'] },
  { command: 'revoke', words: ['thu hoi quyen', 'revoke'], withArg: ['thu hoi quyen', 'revoke'] },
  // An officer's figures and chart: "thống kê" picks a campaign, "thống kê chu-nhat-xanh" names it.
  { command: 'stats', words: ['thong ke', 'so lieu', 'stats'], withArg: ['thong ke', 'so lieu', 'stats'] },
  // The honour roll (src/flows/honours.ts): "vinh danh", or "vinh danh <campaign code>".
  { command: 'honours', words: ['vinh danh', 'honours', 'honors'], withArg: ['vinh danh', 'honours'] },
  // An officer asks for the campaign's Excel workbook: "xuất excel" (picker) or "xuất excel chu-nhat-xanh".
  { command: 'export', words: ['xuat excel', 'xuat bao cao', 'export'], withArg: ['xuat excel', 'xuat bao cao', 'export'] },
  // Join requests of units that need approval: the list, then «duyệt tham gia 7» / «từ chối tham gia 7».
  { command: 'joins', words: ['yeu cau tham gia', 'joins', 'join requests'] },
  { command: 'joinapprove', words: [], withArg: ['duyet tham gia', 'approve join'], numericArg: true },
  { command: 'joindecline', words: [], withArg: ['tu choi tham gia', 'decline join'], numericArg: true },
  // «chế độ tham gia XA_DK mở» (Telegram: /joinpolicy XA_DK open).
  { command: 'joinpolicy', words: ['che do tham gia', 'joinpolicy'], withArg: ['che do tham gia', 'joinpolicy'] },
  // «xưng hô XA_DK anh/chị» (Telegram: /addressform XA_DK Anh/Chị): how the bot addresses the unit's people.
  { command: 'addressform', words: ['xung ho', 'addressform'], withArg: ['xung ho', 'addressform'] },
];

/** A recognised command and what follows it ('' when nothing). */
export interface ParsedTextCommand {
  command: TextCommand;
  arg: string;
  /** Typed with a slash ("/report"): a slash is never an answer to a question. */
  slash: boolean;
}

/** Folded words without emoji or punctuation ("📊 Báo cáo!" → "bao cao"). */
function folded(s: string): string {
  return fold(s)
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Which command a message is, if any (see the module comment). A slash command unknown here is `null`. */
export function parseTextCommand(text: string): ParsedTextCommand | null {
  const trimmed = text.trim();
  const slash = /^\/([a-z_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/i.exec(trimmed);
  if (slash) {
    const name = slash[1]!.toLowerCase();
    const spec = TEXT_COMMANDS.find((c) => c.command === name);
    return spec ? { command: spec.command, arg: (slash[2] ?? '').trim(), slash: true } : null;
  }
  const whole = folded(trimmed);
  const exact = TEXT_COMMANDS.find((c) => c.words.includes(whole));
  if (exact) return { command: exact.command, arg: '', slash: false };
  // "DK chu-nhat-xanh": the argument is kept as typed (a campaign code has hyphens).
  for (const spec of TEXT_COMMANDS) {
    for (const word of spec.withArg ?? []) {
      const n = word.split(' ').length;
      const parts = trimmed.split(/\s+/);
      if (parts.length > n && folded(parts.slice(0, n).join(' ')) === word) {
        const arg = parts.slice(n).join(' ');
        if (spec.numericArg && !/^#?\d+$/.test(arg)) continue;
        if (spec.codeArg && /\s/.test(arg)) continue;
        return { command: spec.command, arg: arg.replace(/^#/, ''), slash: false };
      }
    }
  }
  return null;
}

/** True when a message names a slash command this table does not know ("/foo"). */
export function isUnknownSlash(text: string): boolean {
  return /^\/[a-z_]+/i.test(text.trim()) && parseTextCommand(text) === null;
}
