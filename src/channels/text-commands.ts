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
  | 'honours';

/** One command: its slash form, the folded words that mean it, and whether it reads an argument. */
export interface TextCommandSpec {
  command: TextCommand;
  /** Folded (lower case, no diacritics) whole-message words; the first is what help texts show. */
  words: readonly string[];
  /** Words that take the rest of the message as the argument ("dk <campaign-code>"). */
  withArg?: readonly string[];
  /** The argument must be a number (an id; "#12" too): "báo cáo tuần này" is not "báo cáo <id>". */
  numericArg?: boolean;
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
  { command: 'approve', words: [], withArg: ['duyet', 'approve'], numericArg: true },
  { command: 'return', words: [], withArg: ['tra lai', 'return'], numericArg: true },
  { command: 'nudge', words: [], withArg: ['nhac', 'nudge'], numericArg: true },
  { command: 'review', words: [], withArg: ['nop bao cao', 'review report'], numericArg: true },
  { command: 'stopbroadcast', words: [], withArg: ['dung gui', 'stop sending'], numericArg: true },
  // An officer gets a report's evidence back: "minh chứng 12" (Telegram: /evidence 12).
  { command: 'evidence', words: [], withArg: ['minh chung', 'evidence'], numericArg: true },
  // An officer's figures and chart: "thống kê" picks a campaign, "thống kê chu-nhat-xanh" names it.
  { command: 'stats', words: ['thong ke', 'so lieu', 'stats'], withArg: ['thong ke', 'so lieu', 'stats'] },
  // The honour roll (src/flows/honours.ts): "vinh danh", or "vinh danh <campaign code>".
  { command: 'honours', words: ['vinh danh', 'honours', 'honors'], withArg: ['vinh danh', 'honours'] },
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
