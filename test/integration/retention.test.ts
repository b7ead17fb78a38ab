/**
 * RetentionService against a real PostgreSQL: a week-old workbook loses its bytes (the job row
 * stays, a late download answers "not found"); an evidence file is deleted only when it is older
 * than any open flow and neither a report's attachment nor any outbox row names it. The scheduler
 * runs the sweep on its first tick and then once a day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestDatabase } from '../support/databases.js';
import { createDatabase, MEMORY_DATA_DIR, type Database } from '../../src/db/index.js';
import { createServices, type Services } from '../../src/services/index.js';
import { ORPHAN_FILE_KEEP_DAYS, WORKBOOK_KEEP_DAYS } from '../../src/services/retention.js';
import { FLOW_TTL_SECONDS } from '../../src/flows/store.js';
import { Scheduler } from '../../src/jobs/scheduler.js';
import { localDate } from '../../src/domain/dates.js';
import { draft, launchedCampaign, member } from '../support/reminder-fixtures.js';

const DAY = 86_400_000;
const now = localDate(2026, 6, 30, 9);
const ago = (days: number) => new Date(now.getTime() - days * DAY);

const databases: Array<[string, () => Promise<{ db: Database; drop: () => Promise<void> }>]> = [
  ['PostgreSQL', () => createTestDatabase()],
  ['the embedded database', async () => {
    const db = await createDatabase({ dataDir: MEMORY_DATA_DIR });
    return { db, drop: () => db.close() };
  }],
];

describe.each(databases)('retention (%s)', (_name, open) => {
  let t: { db: Database; drop: () => Promise<void> };
  let s: Services;
  let campaignId: number;
  let memberId: number;

  beforeAll(async () => {
    t = await open();
    s = createServices(t.db.prisma, { adminIds: [], defaultLocale: 'vi', now: () => now });
    await s.units.importUnits([{ code: 'XA', name: 'Xã A', join: 'OPEN', line: 2 }], []);
    const unitId = (await s.units.byCode('XA'))!.id;
    memberId = (await member(s.prisma, 990001, 'Nguyễn Văn An', unitId)).id;
    campaignId = (await launchedCampaign(s, draft('giu-lai', 'Phong trào giữ lại', [], { units: ['XA'], startsAt: localDate(2026, 1, 1), endsAt: localDate(2026, 12, 31) }), unitId, now)).id;
  }, 60_000);
  afterAll(() => t?.drop());

  const file = (createdAt: Date) => t.db.prisma.evidenceFile.create({ data: { channel: 'ZALO', mimeType: 'image/jpeg', size: 3, content: Buffer.from('abc'), createdAt } });

  it('keeps files longer than any open flow can hold them', () => {
    expect(ORPHAN_FILE_KEEP_DAYS * DAY).toBeGreaterThan(FLOW_TTL_SECONDS * 1000);
  });

  it('deletes only old evidence nothing refers to, and drops the bytes of week-old workbooks', async () => {
    const orphanOld = await file(ago(ORPHAN_FILE_KEEP_DAYS + 1));
    const orphanRecent = await file(ago(ORPHAN_FILE_KEEP_DAYS - 1));
    const inReport = await file(ago(200));
    const inOutbox = await file(ago(200));
    const criterion = await s.prisma.criterion.create({ data: { campaignId, code: 'K1', title: 'Nội dung', measure: 'TEXT' } });
    await s.prisma.progressReport.create({
      data: { campaignId, criterionId: criterion.id, memberId, valueText: 'x', attachments: { create: { channel: 'ZALO', kind: 'PHOTO', fileId: `evidence_file:${inReport.id}` } } },
    });
    await s.prisma.delivery.create({
      data: {
        channel: 'ZALO', chatId: 'z1', dedupeKey: 'retention-test', status: 'SENT',
        payload: { key: 'flow-verbatim', vars: { text: 'Kế hoạch' }, attachment: { kind: 'photo', fileId: `evidence_file:${inOutbox.id}`, mimeType: 'image/jpeg' } },
      },
    });
    const job = (old: boolean) =>
      s.prisma.exportJob.create({
        data: { campaignId, requestedById: memberId, channel: 'TELEGRAM', chatId: '1', status: 'DONE', fileName: 'x.xlsx', content: Buffer.from('xlsx'), size: 4, finishedAt: ago(old ? WORKBOOK_KEEP_DAYS + 1 : 1) },
      });
    const oldJob = await job(true);
    const newJob = await job(false);

    expect(await s.retention.sweep(now)).toEqual({ workbooks: 1, files: 1 });

    const left = (await s.prisma.evidenceFile.findMany({ select: { id: true } })).map((f) => f.id).sort((a, b) => a - b);
    expect(left).toEqual([orphanRecent.id, inReport.id, inOutbox.id].sort((a, b) => a - b));
    expect(left).not.toContain(orphanOld.id);
    expect(await s.evidenceFiles.read(`evidence_file:${inReport.id}`)).not.toBeNull();
    // The old workbook's row stays; its download answers "not found"; the recent one is still there.
    expect(await s.prisma.exportJob.findUnique({ where: { id: oldJob.id } })).toMatchObject({ status: 'DONE', size: 4, content: null });
    expect(await s.exports.readFile(`export_file:${oldJob.id}`)).toBeNull();
    expect(await s.exports.readFile(`export_file:${newJob.id}`)).not.toBeNull();
    // A second sweep finds nothing more.
    expect(await s.retention.sweep(now)).toEqual({ workbooks: 0, files: 0 });
  });

  it('is run by the scheduler on its first tick and then once a day', async () => {
    await file(ago(ORPHAN_FILE_KEEP_DAYS + 2));
    const scheduler = new Scheduler({ services: s, logger: pino({ level: 'silent' }), timezone: 'Asia/Ho_Chi_Minh' });
    const count = () => s.prisma.evidenceFile.count();
    const before = await count();
    await scheduler.tick(now);
    expect(await count()).toBe(before - 1);
    await file(ago(ORPHAN_FILE_KEEP_DAYS + 2));
    await scheduler.tick(new Date(now.getTime() + 60_000));
    expect(await count()).toBe(before);
    await scheduler.tick(new Date(now.getTime() + DAY));
    expect(await count()).toBe(before - 1);
  });
});
