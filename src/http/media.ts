/**
 * `GET /media/<token>`: the bytes of a stored file behind a signed, expiring link
 * (src/services/media-links.ts), for a channel that fetches files by URL (Zalo): evidence photos,
 * and an officer's /export workbook (sent as a download, with its file name). A forged, expired or
 * unknown token is a bare 404: nothing tells a guesser which part was wrong.
 * `GET /media/chart/<token>`: a chart drawn at the moment it is fetched, for the member the link was
 * made for (a refused or forged one is the same bare 404).
 */
import type { Context } from 'hono';
import type { MediaLinks } from '../services/media-links.js';

/** A stored file: its type, bytes, and a name when it is to be downloaded (a workbook). */
export interface MediaFile {
  mimeType: string;
  content: Uint8Array;
  fileName?: string;
}

export interface MediaDeps {
  links: MediaLinks;
  /** Reads a stored file by id (`evidence_file:<id>`, `export_file:<id>`); null when there is none. */
  files: { read(fileId: string): Promise<MediaFile | null> };
  now: () => Date;
  /**
   * Draws the /stats chart of a campaign for a member (src/insight/stats-chart.ts): the PNG, or
   * null when the member may not see it (the service decides and audits). Absent: no chart links.
   */
  chart?: ((campaignId: number, memberId: number) => Promise<Buffer | null>) | undefined;
}

/** A Content-Disposition header value that survives non-ASCII names (RFC 6266 / 5987). */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function mediaHandler(deps: MediaDeps) {
  return async (c: Context): Promise<Response> => {
    const fileId = deps.links.verify(c.req.param('token') ?? '', deps.now());
    const file = fileId ? await deps.files.read(fileId) : null;
    if (!file) return c.text('Not Found', 404);
    c.header('Content-Type', file.mimeType);
    c.header('Cache-Control', 'private, max-age=3600');
    c.header('X-Content-Type-Options', 'nosniff');
    if (file.fileName) c.header('Content-Disposition', attachment(file.fileName));
    return c.body(Buffer.from(file.content));
  };
}

export function chartHandler(deps: MediaDeps) {
  return async (c: Context): Promise<Response> => {
    const ref = deps.links.verifyChart(c.req.param('token') ?? '', deps.now());
    const png = ref && deps.chart ? await deps.chart(ref.campaignId, ref.memberId) : null;
    if (!png) return c.text('Not Found', 404);
    c.header('Content-Type', 'image/png');
    // Live figures: never served from a cache.
    c.header('Cache-Control', 'private, no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(png));
  };
}
