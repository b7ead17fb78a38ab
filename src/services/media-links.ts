/**
 * Signed, expiring links to stored evidence (`evidence_file:<id>`) for a channel that sends files
 * only by URL (Zalo fetches a photo from `<PUBLIC_URL>/media/<token>`). The token is
 * `base64url(id.expiry).base64url(HMAC-SHA256(secret, "id.expiry"))`: unguessable without the secret,
 * valid for at most 24 hours, checked in constant time. Channel-neutral: any channel may link.
 *
 * @example new MediaLinks({ secret, publicUrl }).linkFor('evidence_file:7', new Date()) // 'https://bot.example/media/…'
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isStoredEvidence } from './evidence-files.js';

/** How long a link lives: long enough for Zalo to fetch it, never more than a day. */
export const MEDIA_LINK_TTL_MS = 24 * 60 * 60 * 1000;

export interface MediaLinksOptions {
  /** HMAC key (MEDIA_SECRET, or derived from ZALO_BOT_TOKEN: see {@link mediaSecret}). */
  secret: string;
  /** PUBLIC_URL; without it there are no links ({@link MediaLinks.linkFor} answers null). */
  publicUrl?: string | undefined;
  /** Link lifetime (ms), capped at {@link MEDIA_LINK_TTL_MS}. */
  ttlMs?: number;
}

/** The key: MEDIA_SECRET when set, else one derived from the Zalo token (never the token itself). */
export function mediaSecret(mediaSecretEnv: string | undefined, zaloToken: string | undefined): string | null {
  if (mediaSecretEnv) return mediaSecretEnv;
  if (!zaloToken) return null;
  return createHmac('sha256', 'thidua-media-links').update(zaloToken).digest('base64url');
}

export class MediaLinks {
  private readonly ttlMs: number;
  constructor(private readonly o: MediaLinksOptions) {
    this.ttlMs = Math.min(o.ttlMs ?? MEDIA_LINK_TTL_MS, MEDIA_LINK_TTL_MS);
  }

  /** Whether links can be made (PUBLIC_URL is set). */
  get enabled(): boolean {
    return !!this.o.publicUrl;
  }

  /** `${PUBLIC_URL}/media/<token>` for a stored file, or null (no PUBLIC_URL, or not a stored file). */
  linkFor(fileId: string, now: Date): string | null {
    if (!this.o.publicUrl || !isStoredEvidence(fileId)) return null;
    return `${this.o.publicUrl.replace(/\/+$/, '')}/media/${this.tokenFor(fileId, now)}`;
  }

  /** The token alone (what follows /media/). */
  tokenFor(fileId: string, now: Date): string {
    const id = fileId.slice(fileId.indexOf(':') + 1);
    const payload = `${id}.${now.getTime() + this.ttlMs}`;
    return `${Buffer.from(payload).toString('base64url')}.${this.sign(payload)}`;
  }

  /** The file id a token names, or null when it is forged, malformed or expired. */
  verify(token: string, now: Date): string | null {
    const m = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return null;
    const payload = Buffer.from(m[1]!, 'base64url').toString();
    // Compared as text, not decoded bytes: base64url's last character carries unused bits, and a
    // token changed only there must not pass. The payload must be in its one canonical spelling too.
    if (Buffer.from(payload).toString('base64url') !== m[1]) return null;
    const given = Buffer.from(m[2]!);
    const expected = Buffer.from(this.sign(payload));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const parts = /^(\d{1,12})\.(\d{1,16})$/.exec(payload);
    if (!parts) return null;
    const expiry = Number(parts[2]);
    // Expired, or further ahead than any link we make (a leaked key's forgery cannot live forever either).
    if (expiry <= now.getTime() || expiry > now.getTime() + MEDIA_LINK_TTL_MS) return null;
    return `evidence_file:${parts[1]}`;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.o.secret).update(payload).digest('base64url');
  }
}
