/**
 * `GET /media/<token>`: the bytes of a stored evidence file behind a signed, expiring link
 * (src/services/media-links.ts), for a channel that fetches files by URL (Zalo). A forged, expired
 * or unknown token is a bare 404: nothing tells a guesser which part was wrong.
 */
import type { Context } from 'hono';
import type { MediaLinks } from '../services/media-links.js';
import type { EvidenceFileService } from '../services/evidence-files.js';

export interface MediaDeps {
  links: MediaLinks;
  files: Pick<EvidenceFileService, 'read'>;
  now: () => Date;
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
