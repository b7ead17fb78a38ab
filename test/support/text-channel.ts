/**
 * What a text-only channel (Zalo, tomorrow) shows a member for flow replies, rendered from the real
 * Vietnamese locale: questions with numbered choices, messages as plain text. Tests that drive the
 * channel-neutral flows without Telegram read these strings the way a member would.
 */
import { readFileSync } from 'node:fs';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import type { Reply } from '../../src/flows/conversations.js';
import type { Message } from '../../src/flows/model.js';
import { htmlToPlain, questionAsText } from '../../src/flows/render.js';

const vi = new FluentBundle('vi', { useIsolating: false });
vi.addResource(new FluentResource(readFileSync(new URL('../../locales/vi.ftl', import.meta.url), 'utf8')));

/** Renders a message in Vietnamese; an unknown key is a bug in the flow, so it throws. */
export function renderVi(m: Message): string {
  const msg = vi.getMessage(m.key);
  if (!msg?.value) throw new Error(`no message ${m.key}`);
  return vi.formatPattern(msg.value, m.vars ?? {});
}

/** The replies as a text-only channel would show them. */
export function shown(replies: readonly Reply[] | null): string {
  if (!replies) throw new Error('no flow open');
  // `done` says nothing: it only marks the end of a flow for a channel's follow-up.
  return replies
    .flatMap((r) => (r.kind === 'ask' ? [questionAsText(r.ask, renderVi)] : r.kind === 'say' ? [htmlToPlain(renderVi(r.message))] : []))
    .join('\n\n');
}
