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
import { telegram } from '../support/identities.js';

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
    memberId = (await t.db.prisma.member.create({ data: { identities: telegram(1n), fullName: 'A', unitId } })).id;
  }, 60_000);
  afterAll(() => t?.drop());

  it('accepts PDF, DOCX, XLSX, JPG, PNG and photos up to 20 MB; refuses other types and larger files', () => {
    for (const name of ['a.pdf', 'a.docx', 'a.xlsx', 'a.jpg', 'a.png']) expect(checkEvidence({ kind: 'DOCUMENT', fileId: 'f', fileName: name, size: 10 })).toEqual({ ok: true });
    expect(checkEvidence({ kind: 'DOCUMENT', fileId: 'f', fileName: 'a.exe', mimeType: 'application/x-msdownload' })).toEqual({ ok: false, reason: 'evidence_type' });
    expect(checkEvidence({ kind: 'DOCUMENT', fileId: 'f', fileName: 'a.pdf', mimeType: 'image/png' })).toEqual({ ok: false, reason: 'evidence_type' });
    expect(checkEvidence({ kind: 'PHOTO', fileId: 'f', size: 21 * 1024 * 1024 })).toEqual({ ok: false, reason: 'evidence_too_large' });
  });

  it('asks for a choice before touching an earlier report, and starts a new one in the next period', async () => {
    const ev = [{ kind: 'PHOTO' as const, fileId: 'p1', size: 100, note: '  Lễ ra quân  ' }];
    const a = await s.reports.submit({ memberId, campaignId, criterionId: lineId, number: '12', evidence: ev });
    expect(a).toMatchObject({ ok: true, mode: 'new', report: { number: '12', attachments: 1 } });
    if (!a.ok) return;
    expect(await s.reports.submit({ memberId, campaignId, criterionId: lineId, number: '1', evidence: [] })).toEqual({ ok: false, reason: 'report_exists' });
    expect(await s.reports.submit({ memberId, campaignId, criterionId: lineId, number: '1', evidence: [], mode: { kind: 'add', reportId: a.report.id + 1000 } })).toEqual({
      ok: false,
      reason: 'report_changed',
    });

    const b = await s.reports.submit({ memberId, campaignId, criterionId: lineId, number: '0.5', note: 'đợt 2', evidence: [{ kind: 'PHOTO', fileId: 'p2' }], mode: { kind: 'add', reportId: a.report.id } });
    expect(b).toMatchObject({ ok: true, mode: 'add', keptEvidence: 1, report: { id: a.report.id, number: '12.5', note: 'đợt 2', attachments: 2 } });
    const c = await s.reports.submit({ memberId, campaignId, criterionId: lineId, number: '1234.5', evidence: [], mode: { kind: 'replace', reportId: a.report.id, keepEvidence: true } });
    expect(c).toMatchObject({ ok: true, mode: 'replace', keptEvidence: 2, report: { number: '1234.5', attachments: 2 } });
    const d = await s.reports.submit({ memberId, campaignId, criterionId: lineId, number: '7', evidence: [{ kind: 'PHOTO', fileId: 'p3' }], mode: { kind: 'replace', reportId: a.report.id, keepEvidence: false } });
    expect(d).toMatchObject({ ok: true, mode: 'replace', keptEvidence: 0, report: { number: '7', attachments: 1 } });
    const files = await t.db.prisma.attachment.findMany({ where: { progressReportId: a.report.id } });
    expect(files.map((f) => f.fileId)).toEqual(['p3']);
    const audit = await t.db.prisma.auditLog.findMany({ where: { target: `report:${a.report.id}` }, orderBy: { id: 'asc' } });
    expect(audit.map((r) => r.action)).toEqual(['report.add', 'report.replace', 'report.replace']);
    expect(audit[2]!.details).toMatchObject({ previous: { number: '1234.5' }, evidenceDropped: 2, evidenceAdded: 1 });

    clock = addLocalDays(new Date(), 3);
    const next = await s.reports.submit({ memberId, campaignId, criterionId: lineId, number: '20', evidence: [] });
    expect(next).toMatchObject({ ok: true, mode: 'new' });
    expect(await t.db.prisma.progressReport.count({ where: { memberId } })).toBe(2);
    clock = addLocalDays(new Date(), 40);
    expect(await s.reports.submit({ memberId, campaignId, criterionId: lineId, number: '1', evidence: [] })).toEqual({ ok: false, reason: 'no_open_period' });
  });

  it('keeps a photo caption as the note of that file', async () => {
    clock = new Date();
    const other = (await t.db.prisma.member.create({ data: { identities: telegram(2n), fullName: 'B', unitId: (await s.units.byCode('XA'))!.id } })).id;
    const r = await s.reports.submit({ memberId: other, campaignId, criterionId: lineId, number: '1', evidence: [{ kind: 'PHOTO', fileId: 'c1', note: '  Lễ ra quân  ' }, { kind: 'PHOTO', fileId: 'c2' }] });
    if (!r.ok) throw new Error(r.reason);
    const report = await s.reports.evidence(r.report.id);
    expect(report!.attachments.map((a) => a.note)).toEqual(['Lễ ra quân', null]);
  });
});
