/**
 * ReportService against a real PostgreSQL: the reporting period, correcting the last report in a
 * period, and which evidence files are accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createServices, type Services } from '../../src/services/index.js';
import { parseCampaignFile } from '../../src/domain/campaign-file.js';
import { addLocalDays, formatDate } from '../../src/domain/dates.js';
import { checkEvidence } from '../../src/services/reports.js';

describe('reports service (PostgreSQL)', () => {
  let t: TestDatabase;
  let s: Services;
  let clock = new Date();
  let campaignId: number;
  let lineId: number;
  let memberId: number;

  beforeAll(async () => {
    t = await createTestDatabase();
    s = createServices(t.db.prisma, { adminIds: [], defaultLocale: 'vi', now: () => clock });
    await s.units.importUnits([{ code: 'XA', name: 'Xã A', line: 2 }], []);
    const unitId = (await s.units.byCode('XA'))!.id;
    const d = (n: number) => formatDate(addLocalDays(new Date(), n));
    const parsed = parseCampaignFile(
      `code: bc-rep\ntitle: Báo cáo\nkind: THEMATIC\nstarts: ${d(-5)}\nends: ${d(100)}\ntitles: { individual: [LDTT] }\ncriteria:\n  - { code: K1, title: Diện tích, measure: NUMBER, unit: ha }\nmilestones:\n  - { kind: PROGRESS_REPORT, due: "${d(2)} 17:00" }\n  - { kind: PROGRESS_REPORT, due: "${d(30)} 17:00" }\n`,
      'yaml',
    );
    if (!parsed.ok) throw new Error('campaign');
    const c = await s.campaigns.createFromDraft(parsed.campaign, { ownerUnitId: unitId });
    if (!c.ok) throw new Error(c.reason);
    campaignId = c.campaign.id;
    await t.db.prisma.campaign.update({ where: { id: campaignId }, data: { status: 'LAUNCHED' } });
    lineId = (await t.db.prisma.criterion.findFirstOrThrow({ where: { campaignId } })).id;
    memberId = (await t.db.prisma.member.create({ data: { telegramId: 1n, fullName: 'A', unitId } })).id;
  }, 60_000);
  afterAll(() => t?.drop());

  it('accepts PDF, DOCX, XLSX, JPG, PNG and photos up to 20 MB; refuses other types and larger files', () => {
    for (const name of ['a.pdf', 'a.docx', 'a.xlsx', 'a.jpg', 'a.png']) expect(checkEvidence({ kind: 'DOCUMENT', fileId: 'f', fileName: name, size: 10 })).toEqual({ ok: true });
    expect(checkEvidence({ kind: 'DOCUMENT', fileId: 'f', fileName: 'a.exe', mimeType: 'application/x-msdownload' })).toEqual({ ok: false, reason: 'evidence_type' });
    expect(checkEvidence({ kind: 'DOCUMENT', fileId: 'f', fileName: 'a.pdf', mimeType: 'image/png' })).toEqual({ ok: false, reason: 'evidence_type' });
    expect(checkEvidence({ kind: 'PHOTO', fileId: 'f', size: 21 * 1024 * 1024 })).toEqual({ ok: false, reason: 'evidence_too_large' });
  });

  it('corrects the report of a line within its period, and starts a new one in the next period', async () => {
    const ev = [{ kind: 'PHOTO' as const, fileId: 'p1', size: 100 }];
    const a = await s.reports.submit({ memberId, campaignId, criterionId: lineId, number: '12', evidence: ev });
    const b = await s.reports.submit({ memberId, campaignId, criterionId: lineId, number: '1234.5', evidence: [...ev, { kind: 'PHOTO', fileId: 'p2' }] });
    expect(a).toMatchObject({ ok: true, corrected: false });
    expect(b).toMatchObject({ ok: true, corrected: true, report: { number: '1234.5', attachments: 2 } });
    clock = addLocalDays(new Date(), 3);
    const c = await s.reports.submit({ memberId, campaignId, criterionId: lineId, number: '20', evidence: [] });
    expect(c).toMatchObject({ ok: true, corrected: false });
    expect(await t.db.prisma.progressReport.count({ where: { memberId } })).toBe(2);
    clock = addLocalDays(new Date(), 40);
    expect(await s.reports.submit({ memberId, campaignId, criterionId: lineId, number: '1', evidence: [] })).toEqual({ ok: false, reason: 'no_open_period' });
  });
});
