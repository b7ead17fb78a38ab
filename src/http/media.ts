/**
 * `GET /media/<token>`: the bytes of a stored evidence file behind a signed, expiring link
 * (src/services/media-links.ts), for a channel that fetches files by URL (Zalo). A forged, expired
 * or unknown token is a bare 404: nothing tells a guesser which part was wrong.
 * `GET /media/chart/<token>`: a chart drawn at the moment it is fetched, for the member the link was
 * made for (a refused or forged one is the same bare 404).
 */
import type { Context } from 'hono';
import type { MediaLinks } from '../services/media-links.js';
import type { EvidenceFileService } from '../services/evidence-files.js';

export interface MediaDeps {
  links: MediaLinks;
  files: Pick<EvidenceFileService, 'read'>;
  now: () => Date;
  /**
   * Draws the /stats chart of a campaign for a member (src/insight/stats-chart.ts): the PNG, or
   * null when the member may not see it (the service decides and audits). Absent: no chart links.
   */
  chart?: ((campaignId: number, memberId: number) => Promise<Buffer | null>) | undefined;
}

export function mediaHandler(deps: MediaDeps) {
  return async (c: Context): Promise<Response> => {
    const fileId = deps.links.verify(c.req.param('token') ?? '', deps.now());
    const file = fileId ? await deps.files.read(fileId) : null;
    if (!file) return c.text('Not Found', 404);
    c.header('Content-Type', file.mimeType);
    c.header('Cache-Control', 'private, max-age=3600');
    c.header('X-Content-Type-Options', 'nosniff');
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
