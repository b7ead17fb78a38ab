/**
 * Signed, expiring links to stored evidence (`evidence_file:<id>`) and /export workbooks (`export_file:<id>`) for a channel that sends files
 * only by URL (Zalo fetches a photo from `<PUBLIC_URL>/media/<token>`). The token is
 * `base64url(id.expiry).base64url(HMAC-SHA256(secret, "id.expiry"))`: unguessable without the secret,
 * valid for at most 24 hours, checked in constant time. Channel-neutral: any channel may link.
 * Generated images (the /stats chart) are linked the same way under `/media/chart/<token>`, the
 * token naming what to draw and for whom (`chart.<campaign>.<member>.<expiry>`), never a file.
 *
 * @example new MediaLinks({ secret, publicUrl }).linkFor('evidence_file:7', new Date()) // 'https://bot.example/media/…'
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isStoredEvidence } from './evidence-files.js';
import { isExportFile } from './exports.js';

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

  /**
   * `${PUBLIC_URL}/media/<token>` for a stored file — evidence (`evidence_file:<id>`) or an /export
   * workbook (`export_file:<id>`) — or null (no PUBLIC_URL, or not a stored file).
   */
  linkFor(fileId: string, now: Date): string | null {
    if (!this.o.publicUrl || !(isStoredEvidence(fileId) || isExportFile(fileId))) return null;
    return `${this.o.publicUrl.replace(/\/+$/, '')}/media/${this.tokenFor(fileId, now)}`;
  }

  /** The token alone (what follows /media/). */
  tokenFor(fileId: string, now: Date): string {
    // Evidence ids are signed bare (links made before exports existed stay valid); workbooks as "x<id>".
    const id = (isExportFile(fileId) ? 'x' : '') + fileId.slice(fileId.indexOf(':') + 1);
    const payload = `${id}.${now.getTime() + this.ttlMs}`;
    return `${Buffer.from(payload).toString('base64url')}.${this.sign(payload)}`;
  }

  /** The file id a token names, or null when it is forged, malformed or expired. */
  verify(token: string, now: Date): string | null {
    const parts = /^(x?)(\d{1,12})\.(\d{1,16})$/.exec(this.payloadOf(token) ?? '');
    if (!parts || !this.live(Number(parts[3]), now)) return null;
    return `${parts[1] ? 'export_file' : 'evidence_file'}:${parts[2]}`;
  }

  /**
   * `${PUBLIC_URL}/media/chart/<token>`: the /stats chart of a campaign as `memberId` may see it,
   * drawn when the link is fetched — with the figures and the member's permission of that moment,
   * so nothing is stored and a revoked officer's link shows nothing. Null without PUBLIC_URL.
   */
  chartLinkFor(campaignId: number, memberId: number, now: Date): string | null {
    if (!this.o.publicUrl) return null;
    const payload = `chart.${campaignId}.${memberId}.${now.getTime() + this.ttlMs}`;
    return `${this.o.publicUrl.replace(/\/+$/, '')}/media/chart/${Buffer.from(payload).toString('base64url')}.${this.sign(payload)}`;
  }

  /** The campaign and member a chart token names, or null when it is forged, malformed or expired. */
  verifyChart(token: string, now: Date): { campaignId: number; memberId: number } | null {
    const parts = /^chart\.(\d{1,12})\.(\d{1,12})\.(\d{1,16})$/.exec(this.payloadOf(token) ?? '');
    if (!parts || !this.live(Number(parts[3]), now)) return null;
    return { campaignId: Number(parts[1]), memberId: Number(parts[2]) };
  }

  /** The signed payload of a token, or null when the token is malformed or its signature wrong. */
  private payloadOf(token: string): string | null {
    const m = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return null;
    const payload = Buffer.from(m[1]!, 'base64url').toString();
    // Compared as text, not decoded bytes: base64url's last character carries unused bits, and a
    // token changed only there must not pass. The payload must be in its one canonical spelling too.
    if (Buffer.from(payload).toString('base64url') !== m[1]) return null;
    const given = Buffer.from(m[2]!);
    const expected = Buffer.from(this.sign(payload));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return payload;
  }

  /** Not expired, and not further ahead than any link we make (a leaked key's forgery cannot live forever either). */
  private live(expiry: number, now: Date): boolean {
    return expiry > now.getTime() && expiry <= now.getTime() + MEDIA_LINK_TTL_MS;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.o.secret).update(payload).digest('base64url');
  }
}
