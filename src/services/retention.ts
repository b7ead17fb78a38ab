/**
 * What the bot stops keeping (bộ dọn dữ liệu), run once a day by the scheduler:
 *
 * - an /export workbook's bytes, a week after it was built: Telegram got it as a document at once,
 *   Zalo's download link lives 24 hours; the job row stays (who asked, when, how big) and a late
 *   link answers "not found";
 * - a stored evidence file that nothing refers to — a photo sent in a report, or a file attached to
 *   an announcement, that was then cancelled — once no open flow can still hold it: flows are kept
 *   30 days (src/flows/store.ts FLOW_TTL_SECONDS), orphans are deleted after 35. A file a report's
 *   attachment or any outbox row names is never deleted.
 */
import type { PrismaClient } from '../generated/prisma/client.js';

const DAY_MS = 86_400_000;

/** How long a built workbook's bytes are kept. */
export const WORKBOOK_KEEP_DAYS = 7;
/** How long an evidence file nobody refers to is kept: longer than any open flow (30 days). */
export const ORPHAN_FILE_KEEP_DAYS = 35;

export interface SweepResult {
  /** Workbooks whose bytes were dropped. */
  workbooks: number;
  /** Evidence files deleted. */
  files: number;
}

export class RetentionService {
  constructor(private readonly prisma: PrismaClient) {}

  /** One sweep at `now`; idempotent, so several instances may run it. */
  async sweep(now: Date): Promise<SweepResult> {
    const workbooks = await this.prisma.$executeRaw`
      UPDATE "export_job" SET "content" = NULL
      WHERE "content" IS NOT NULL AND "finished_at" < ${new Date(now.getTime() - WORKBOOK_KEEP_DAYS * DAY_MS)}`;
    const files = await this.prisma.$executeRaw`
      DELETE FROM "evidence_file" e
      WHERE e."created_at" < ${new Date(now.getTime() - ORPHAN_FILE_KEEP_DAYS * DAY_MS)}
        AND NOT EXISTS (SELECT 1 FROM "attachment" a WHERE a."file_id" = 'evidence_file:' || e."id")
        AND NOT EXISTS (SELECT 1 FROM "delivery" d WHERE d."payload" -> 'attachment' ->> 'fileId' = 'evidence_file:' || e."id")`;
    return { workbooks, files };
  }
}
