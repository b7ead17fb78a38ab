/**
 * Fitting what the bot says into Telegram's limits: a message's text is at most 4,096 characters
 * and a caption 1,024 — counted *after* HTML parsing, so tags cost nothing and `&amp;` counts as
 * one — and whatever we cut must stay valid HTML, or Telegram refuses the whole message ("can't
 * parse entities"). Lists that grow (digests, /my, a campaign's content lines) are therefore cut
 * into several messages at line and paragraph boundaries, never inside a tag; a single line too
 * long for any message is turned back into plain text, cut between words, and escaped again.
 *
 * Pure string functions, no grammY: the outbox renders with them outside an update, and a text
 * channel cuts its messages with the same functions at its own limit (Zalo: 2,000 characters).
 *
 * @example
 * for (const part of splitHtml(renderDetail(t, campaign, opts))) await ctx.reply(part, { parse_mode: 'HTML' });
 */
import { escapeHtml, htmlToPlain } from '../domain/text.js';

/** Longest message text Telegram accepts, in characters after entity parsing. */
export const TEXT_LIMIT = 4096;
/** Longest caption (photo, document) Telegram accepts. */
export const CAPTION_LIMIT = 1024;
/** Most buttons one inline keyboard may carry. */
export const MAX_INLINE_BUTTONS = 100;

export { htmlToPlain };

/** How long Telegram counts an HTML string (UTF-16 code units of its plain text, like the Bot API). */
export function htmlLength(html: string): number {
  return htmlToPlain(html).length;
}

/**
 * Splits HTML into its top-level lines: a newline inside an open tag (a multi-line `<pre>` or
 * `<blockquote>`) does not split, so every returned line is balanced when the input is.
 */
function topLevelLines(html: string): string[] {
  const lines: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < html.length; i += 1) {
    const c = html[i];
    if (c === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) break;
      const tag = html.slice(i + 1, end).trim();
      if (tag.startsWith('/')) depth = Math.max(0, depth - 1);
      else if (!tag.endsWith('/')) depth += 1;
      i = end;
    } else if (c === '\n' && depth === 0) {
      lines.push(html.slice(start, i));
      start = i + 1;
    }
  }
  lines.push(html.slice(start));
  return lines;
}

/** Cuts plain text into pieces of at most `max` characters, between words when it can. */
function cutPlain(plain: string, max: number): string[] {
  const out: string[] = [];
  let rest = plain;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    // Never leave half of a surrogate pair (an emoji) at either end.
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1] ?? '')) cut -= 1;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) out.push(rest);
  return out;
}

/**
 * Splits an HTML message into parts Telegram accepts, each at most `max` characters after parsing
 * and each balanced. Cuts fall between paragraphs (blank lines) when a paragraph fits a message,
 * otherwise between lines; a line longer than `max` loses its formatting and is cut between words.
 * Nothing is dropped: the parts' plain texts, joined, hold every line.
 *
 * @example splitHtml('<b>A</b>\n' + 'x'.repeat(5000)) // ['<b>A</b>', 'xxx…(4096)', 'xxx…(904)']
 */
export function splitHtml(html: string, max: number = TEXT_LIMIT): string[] {
  if (htmlLength(html) <= max) return [html];
  // Paragraphs of lines; a line too long for any message becomes several plain lines.
  const paragraphs: Array<Array<{ html: string; length: number }>> = [[]];
  for (const line of topLevelLines(html)) {
    if (line.trim() === '') {
      if (paragraphs[paragraphs.length - 1]!.length > 0) paragraphs.push([]);
      continue;
    }
    const length = htmlLength(line);
    const current = paragraphs[paragraphs.length - 1]!;
    if (length <= max) current.push({ html: line, length });
    else for (const piece of cutPlain(htmlToPlain(line), max)) current.push({ html: escapeHtml(piece), length: piece.length });
  }

  const parts: string[] = [];
  let lines: string[] = [];
  let used = 0;
  const flush = (): void => {
    if (lines.length > 0) parts.push(lines.join('\n').replace(/^\n+|\n+$/g, ''));
    lines = [];
    used = 0;
  };
  const add = (text: string, length: number): void => {
    const cost = lines.length === 0 ? length : length + 1;
    if (used + cost > max) flush();
    used += lines.length === 0 ? length : length + 1;
    lines.push(text);
  };
  for (const paragraph of paragraphs) {
    if (paragraph.length === 0) continue;
    const length = paragraph.reduce((sum, l) => sum + l.length, 0) + paragraph.length - 1;
    // A paragraph that fits a message of its own is not torn across two.
    if (lines.length > 0 && length <= max && used + 2 + length > max) flush();
    if (lines.length > 0) add('', 0);
    for (const line of paragraph) add(line.html, line.length);
  }
  flush();
  return parts;
}

/**
 * The first message's worth of `html`, with `note` ("see the rest in /campaigns") appended when
 * something had to be left out. For messages that must stay one message (a broadcast announcement
 * whose full text the member can open); lists use {@link splitHtml} and lose nothing.
 */
export function clipHtml(html: string, note: string, max: number = TEXT_LIMIT): string {
  if (htmlLength(html) <= max) return html;
  const tail = `\n…\n${note}`;
  return `${splitHtml(html, max - htmlLength(tail))[0] ?? ''}${tail}`;
}

/** One page of a list: its items, its index (clamped into range) and how many pages there are. */
export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  /** Index in the whole list of the page's first item (to number lines 1…n across pages). */
  offset: number;
}

/**
 * Cuts a list into pages of `size` and returns page `page` (clamped, so a stale "next" button on a
 * list that shrank still shows its last page).
 *
 * @example pageOf(['a', 'b', 'c'], 1, 2) // { items: ['c'], page: 1, pages: 2, offset: 2 }
 */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { items: items.slice(p * size, p * size + size), page: p, pages, offset: p * size };
}

/**
 * Groups consecutive entries into messages: each group's lines (under `head`) fit `max`
 * characters and it holds at most `perPart` entries (their buttons must fit a keyboard). An entry
 * longer than a message on its own is cut by {@link splitHtml} rather than dropped.
 *
 * @returns for each message, the indexes of the entries it carries and its text
 */
export function packEntries(head: string, entries: readonly string[], opts: { max?: number; perPart: number }): Array<{ indexes: number[]; text: string }> {
  const max = opts.max ?? TEXT_LIMIT;
  const headLength = htmlLength(head);
  const room = max - headLength - 1;
  const parts: Array<{ indexes: number[]; text: string }> = [];
  let indexes: number[] = [];
  let lines: string[] = [];
  let used = 0;
  const flush = (): void => {
    if (indexes.length > 0) parts.push({ indexes, text: [head, ...lines].join('\n') });
    indexes = [];
    lines = [];
    used = 0;
  };
  entries.forEach((entry, i) => {
    const pieces = splitHtml(entry, room);
    // An entry too long for one message gets messages of its own; its buttons go with the last.
    for (const piece of pieces.slice(0, -1)) {
      flush();
      parts.push({ indexes: [], text: [head, piece].join('\n') });
    }
    const last = pieces[pieces.length - 1]!;
    const length = htmlLength(last) + 1;
    if (indexes.length >= opts.perPart || (indexes.length > 0 && used + length > room)) flush();
    indexes.push(i);
    lines.push(last);
    used += length;
  });
  flush();
  return parts;
}

/**
 * Whole lines, as many as fit `max` characters, then a line saying how many were left out. Lines
 * are kept whole because each may carry HTML tags: cutting inside one leaves a tag open and
 * Telegram refuses the whole message. Lengths are counted on the HTML, which is never shorter than
 * what Telegram counts, so the result always fits.
 */
export function fitLines(lines: string[], max: number, more: (count: number) => string): string {
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const rest = lines.length - i;
    const tail = rest > 1 ? more(rest - 1).length + 1 : 0;
    if (used + line.length + 1 + tail > max) {
      kept.push(more(rest));
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return kept.join('\n');
}
