/**
 * The evidence store for files a channel gives only by an expiring URL (Zalo): the bytes are kept
 * in the database (table `evidence_file`, shared by every instance), and the report's attachment
 * refers to them as `evidence_file:<id>` — so an officer can get them back later, on any channel.
 * Telegram evidence stays a Telegram file_id (Telegram keeps the file).
 */
import type { PrismaClient } from '../generated/prisma/client.js';

/**
 * Reads a file another channel keeps, by that channel's file id (Telegram: getFile, then the file
 * URL), within `maxBytes`; null when the channel will not give it. A port: the channel that can
 * implement it (src/channels/telegram) is plugged in by the composition root, so no other code
 * touches that channel's API.
 */
export type ChannelFileReader = (fileId: string, maxBytes: number) => Promise<Uint8Array | null>;

/** JPEG or PNG by their first bytes (what a URL serves may be labelled loosely). */
export function sniffImage(b: Uint8Array): string | null {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  return null;
}

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

  /**
   * A photo Telegram keeps (its file_id only), wanted on a channel that shows photos by URL (Zalo):
   * read once through `reader`, kept here, and the attachment pointed at the kept copy — so later
   * requests, on either channel, read it from the store. Returns the stored file id, or null when
   * Telegram would not give it or it is not a JPEG/PNG.
   */
  async importTelegramPhoto(attachment: { id: number; fileId: string }, reader: ChannelFileReader, maxBytes: number): Promise<string | null> {
    if (isStoredEvidence(attachment.fileId)) return attachment.fileId;
    const content = await reader(attachment.fileId, maxBytes);
    const mimeType = content ? sniffImage(content) : null;
    if (!content || !mimeType) return null;
    const fileId = await this.save({ channel: 'TELEGRAM', mimeType, content });
    // Only if no one imported it meanwhile: the first copy stays the one the attachment names.
    const moved = await this.prisma.attachment.updateMany({ where: { id: attachment.id, fileId: attachment.fileId }, data: { fileId, mimeType, size: content.byteLength } });
    if (moved.count === 1) return fileId;
    await this.prisma.evidenceFile.delete({ where: { id: Number(fileId.slice(PREFIX.length)) } });
    const now = await this.prisma.attachment.findUnique({ where: { id: attachment.id }, select: { fileId: true } });
    return now && isStoredEvidence(now.fileId) ? now.fileId : null;
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
