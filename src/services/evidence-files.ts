/**
 * The evidence store for files a channel gives only by an expiring URL (Zalo): the bytes are kept
 * in the database (table `evidence_file`, shared by every instance), and the report's attachment
 * refers to them as `evidence_file:<id>` — so an officer can get them back later, on any channel.
 * Telegram evidence stays a Telegram file_id (Telegram keeps the file).
 */
import type { PrismaClient } from '../generated/prisma/client.js';

const PREFIX = 'evidence_file:';

/** Whether an attachment's file id points into this store. */
export function isStoredEvidence(fileId: string): boolean {
  return fileId.startsWith(PREFIX);
}

/**
 * What an officer reads under a returned file, on any channel: the file name (documents) and the
 * note the member wrote with it (a photo's caption), within the channel's caption limit
 * (Telegram 1,024 characters, Zalo 2,000).
 */
export function evidenceCaption(a: { fileName: string | null; note: string | null }, max: number): string | undefined {
  const caption = [a.fileName, a.note].filter((x) => x).join(' — ');
  return caption ? [...caption].slice(0, max).join('') : undefined;
}

export class EvidenceFileService {
  constructor(private readonly prisma: PrismaClient) {}

  /** Keeps the bytes; returns the file id the attachment stores. */
  async save(input: { channel: 'TELEGRAM' | 'ZALO'; mimeType: string; content: Uint8Array }): Promise<string> {
    const row = await this.prisma.evidenceFile.create({
      data: { channel: input.channel, mimeType: input.mimeType, size: input.content.byteLength, content: Buffer.from(input.content) },
      select: { id: true },
    });
    return `${PREFIX}${row.id}`;
  }

  /** The bytes behind a stored file id, or null (not ours, or gone). */
  async read(fileId: string): Promise<{ mimeType: string; content: Uint8Array } | null> {
    if (!isStoredEvidence(fileId)) return null;
    const id = Number(fileId.slice(PREFIX.length));
    if (!Number.isInteger(id)) return null;
    const row = await this.prisma.evidenceFile.findUnique({ where: { id } });
    return row ? { mimeType: row.mimeType, content: new Uint8Array(row.content) } : null;
  }
}
