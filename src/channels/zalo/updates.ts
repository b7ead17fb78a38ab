/**
 * Zalo updates (webhook bodies and getUpdates results) into channel-neutral {@link InboundEvent}s.
 *
 * Zalo's docs and SDKs disagree on details, so the reading is tolerant where they do: a webhook
 * body may come wrapped (`{ok, result}`) or bare; the sender's name is in `display_name`,
 * `first_name` or `name`; ids are opaque strings (numbers are accepted and stringified); `date` is
 * in milliseconds (a value that can only be seconds is converted); a missing `chat` means the 1:1
 * chat with the sender. What cannot be read at all is refused with a reason, never thrown.
 *
 * @example
 * const r = parseZaloUpdate(await c.req.json());
 * if (r.ok) await receive(r.event); else logger.warn({ reason: r.reason }, 'zalo update dropped');
 */
import { z } from 'zod';
import type { InboundEvent } from '../inbound.js';

const id = z.union([z.string().min(1), z.number()]).transform(String);

const messageSchema = z.looseObject({
  message_id: id,
  date: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  from: z.looseObject({
    id,
    display_name: z.string().optional(),
    first_name: z.string().optional(),
    name: z.string().optional(),
  }),
  chat: z.looseObject({ id, chat_type: z.string().optional() }).optional(),
  text: z.string().optional(),
  photo: z.string().optional(),
  photo_url: z.string().optional(),
  url: z.string().optional(),
  caption: z.string().optional(),
  sticker: z.string().optional(),
});

const updateSchema = z.looseObject({ event_name: z.string().min(1), message: messageSchema });

/** Result of {@link parseZaloUpdate}. */
export type ParsedUpdate = { ok: true; event: InboundEvent } | { ok: false; reason: string };

/** The event names Zalo documents; any other event carrying a message is read as `unsupported`. */
const KIND_OF_EVENT: Record<string, InboundEvent['kind']> = {
  'message.text.received': 'text',
  'message.image.received': 'image',
  'message.sticker.received': 'sticker',
  'message.unsupported.received': 'unsupported',
};

/** Before this many ms since 1970 (3 March 1973), a `date` can only be in seconds. */
const SECONDS_BELOW = 1e11;

/** Unwraps `{ok, result}` when present (Zalo's docs say wrapped; some implementations see it bare). */
export function unwrapUpdate(body: unknown): unknown {
  if (body && typeof body === 'object' && 'result' in body && 'ok' in body) return (body as { result: unknown }).result;
  return body;
}

/**
 * Reads one Zalo update (wrapped or bare). `now` dates an update that carries no date.
 */
export function parseZaloUpdate(body: unknown, now: () => Date = () => new Date()): ParsedUpdate {
  const parsed = updateSchema.safeParse(unwrapUpdate(body));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: `not a Zalo message update (${first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'invalid'})` };
  }
  const { event_name, message: m } = parsed.data;
  const kind = KIND_OF_EVENT[event_name] ?? 'unsupported';
  const chatType = m.chat?.chat_type?.toUpperCase() === 'GROUP' ? 'group' : 'private';
  const date = m.date === undefined ? now() : new Date(m.date < SECONDS_BELOW ? m.date * 1000 : m.date);
  const event: InboundEvent = {
    channel: 'ZALO',
    eventId: `${event_name}:${m.message_id}`,
    chatId: m.chat?.id ?? m.from.id,
    chatType,
    from: { externalId: m.from.id, name: (m.from.display_name ?? m.from.first_name ?? m.from.name ?? '').trim() },
    date,
    kind,
  };
  if (kind === 'text') {
    if (m.text === undefined) return { ok: false, reason: `${event_name} without text` };
    event.text = m.text;
  }
  if (kind === 'image') {
    const url = m.photo ?? m.photo_url ?? m.url;
    if (!url) return { ok: false, reason: `${event_name} without a photo URL` };
    event.imageUrl = url;
    if (m.caption) event.caption = m.caption;
  }
  return { ok: true, event };
}
