/**
 * /export end to end: an officer asks for a campaign's workbook on Telegram (with the campaign
 * picker) and on Zalo (by words, delivered as a signed download link); the job is built off the
 * update path and the file arrives through the outbox. The workbook is read back with exceljs and
 * its figures are checked against the database: sheet names, Vietnamese headers, a registration
 * row with its commitments, a report row with its evidence count, dates as real dates in Vietnam
 * time, numbers as numbers, a frozen header row with an autofilter, and the officer's subtree
 * only. A member is refused and the refusal audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { joined, launchCampaign, UNITS } from '../support/conversation-fixtures.js';
import { telegram } from '../support/identities.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { zaloChat } from '../support/zalo-chat.js';
import { freePort } from '../support/redis-server.js';
import { excelDate } from '../../src/services/export-workbook.js';

const ALL_UNITS = [...UNITS, { code: 'ANTHOI', name: 'Xã An Thới', parent: 'BENTRE' }];
const SHEETS = ['Tổng hợp', 'Đăng ký', 'Báo cáo', 'Chưa thực hiện', 'Báo cáo đơn vị', 'Khen thưởng'];

/**
 * The campaign's data: Lan (Đồng Khởi) registered (approved, with commitments) and reported
 * 1.234,5 with two files; Ba (An Thới) registered and reported without files; Cường (Đồng Khởi)
 * did nothing; Đồng Khởi sent its review report. The registration deadline has passed.
 */
async function seedData(h: Harness, code: string) {
  const prisma = h.app.services.prisma;
  const campaignId = await launchCampaign(h, code, 10);
  const c = await prisma.campaign.findUniqueOrThrow({ where: { id: campaignId }, include: { criteria: true, milestones: true } });
  const line = (k: string) => c.criteria.find((x) => x.code === k)!;
  const milestone = (kind: string) => c.milestones.find((m) => m.kind === kind)!;
  await prisma.milestone.update({ where: { id: milestone('REGISTRATION').id }, data: { dueAt: new Date(Date.now() - 86_400_000) } });
  const dongkhoi = (await h.app.services.units.byCode('DONGKHOI'))!;
  const anthoi = (await h.app.services.units.byCode('ANTHOI'))!;
  const member = (name: string, unitId: number, tg: number) =>
    prisma.member.create({ data: { fullName: name, nameSearch: name.toLowerCase(), unitId, identities: telegram(tg) } });
  const lan = await member('Nguyễn Thị Lan', dongkhoi.id, 5_100_001);
  const ba = await member('Trần Văn Ba', anthoi.id, 5_100_002);
  const cuong = await member('Lê Văn Cường', dongkhoi.id, 5_100_003);
  const lanReg = await prisma.registration.create({
    data: {
      campaignId, scope: 'INDIVIDUAL', memberId: lan.id, titleCode: 'LDTT', status: 'APPROVED', decidedAt: new Date('2026-12-01T02:30:00Z'),
      commitments: { create: [{ criterionId: line('K3').id, targetNumber: 5 }, { criterionId: line('K1').id, targetText: 'Học tập đầy đủ' }] },
    },
  });
  await prisma.registration.create({ data: { campaignId, scope: 'INDIVIDUAL', memberId: ba.id, titleCode: 'CSTDCS', commitments: { create: [{ criterionId: line('K4').id, targetNumber: 2 }] } } });
  const lanReport = await prisma.progressReport.create({
    data: {
      campaignId, criterionId: line('K3').id, memberId: lan.id, milestoneId: milestone('PROGRESS_REPORT').id, valueNumber: '1234.5', note: 'Khánh thành nhà văn hóa',
      attachments: { create: [{ kind: 'PHOTO', fileId: 'photo-1' }, { kind: 'DOCUMENT', fileId: 'doc-1', fileName: 'bien-ban.pdf' }] },
    },
  });
  const baReport = await prisma.progressReport.create({ data: { campaignId, criterionId: line('K4').id, memberId: ba.id, milestoneId: milestone('PROGRESS_REPORT').id, valueNumber: 3 } });
  await prisma.reviewReport.create({
    data: { milestoneId: milestone('FINAL_REVIEW').id, unitId: dongkhoi.id, submittedById: lan.id, figures: [{ label: 'Công trình', value: '12' }], note: 'Hoàn thành' },
  });
  // The published honour roll: Lan (a person) and Đồng Khởi (a collective); an unpublished draft is not exported.
  const decided = { decisionNumber: '88/QĐ-UBND', decisionDate: new Date('2026-12-14T17:00:00Z'), publishedAt: new Date('2026-12-15T03:00:00Z') };
  await prisma.award.create({ data: { campaignId, memberId: lan.id, titleCode: 'LDTT', honourKey: 'code:LDTT', ...decided } });
  await prisma.award.create({ data: { campaignId, unitId: dongkhoi.id, titleCode: null, titleText: 'Giấy khen của UBND tỉnh', honourKey: 'text:giay khen', ...decided } });
  await prisma.award.create({ data: { campaignId, memberId: ba.id, titleCode: 'CSTDCS', honourKey: 'code:CSTDCS' } });
  const bentre = (await h.app.services.units.byCode('BENTRE'))!;
  return { campaignId, lan, ba, cuong, lanReg, lanReport, baReport, dongkhoi, anthoi, bentre };
}

type Seeded = Awaited<ReturnType<typeof seedData>>;

async function load(content: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  return wb;
}

/** Row values as an array indexed from column 1 (exceljs's own indexing), by the value in column 1. */
function rowWith(ws: ExcelJS.Worksheet, first: unknown): ExcelJS.CellValue[] {
  for (let r = 2; r <= ws.rowCount; r++) {
    const values = ws.getRow(r).values as ExcelJS.CellValue[];
    if (values[1] === first) return values;
  }
  throw new Error(`no row starting with ${String(first)} in ${ws.name}`);
}

const header = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1);
const column = (ws: ExcelJS.Worksheet, n: number) => Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).getCell(n).value);

/** The checks every channel's workbook must pass, against the database. */
async function checkWorkbook(h: Harness, wb: ExcelJS.Workbook, s: Seeded, scope: 'all' | 'dongkhoi') {
  const prisma = h.app.services.prisma;
  expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS);
  for (const ws of wb.worksheets) {
    // A frozen header row with an autofilter over it, on every sheet.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getRow(1).font?.bold).toBe(true);
  }

  // Báo cáo: one row per report in scope, the figures as the database has them.
  const reports = wb.getWorksheet('Báo cáo')!;
  expect(header(reports)).toEqual([
    'Mã báo cáo', 'Thời gian báo cáo', 'Họ và tên', 'Đơn vị', 'Kỳ báo cáo', 'Hạn kỳ báo cáo', 'Nội dung thi đua', 'Đơn vị tính', 'Kết quả', 'Ghi chú', 'Số minh chứng',
  ]);
  const dbReports = await prisma.progressReport.findMany({ where: { campaignId: s.campaignId, ...(scope === 'dongkhoi' ? { member: { unitId: s.dongkhoi.id } } : {}) }, orderBy: { id: 'asc' } });
  expect(column(reports, 1)).toEqual(dbReports.map((r) => r.id));
  const lanRow = rowWith(reports, s.lanReport.id);
  const saved = await prisma.progressReport.findUniqueOrThrow({ where: { id: s.lanReport.id }, include: { _count: { select: { attachments: true } }, milestone: true } });
  expect(lanRow[3]).toBe('Nguyễn Thị Lan');
  expect(lanRow[4]).toBe('Xã Đồng Khởi');
  expect(lanRow[5]).toBe('Báo cáo tiến độ');
  expect(lanRow[7]).toBe('Công trình chào mừng đại hội');
  expect(lanRow[8]).toBe('công trình');
  // Numbers are numbers, dates are dates (showing Vietnam wall-clock time).
  expect(lanRow[9]).toBe(Number(saved.valueNumber));
  expect(lanRow[9]).toBe(1234.5);
  expect(lanRow[10]).toBe('Khánh thành nhà văn hóa');
  expect(lanRow[11]).toBe(saved._count.attachments);
  expect(lanRow[11]).toBe(2);
  expect(lanRow[2]).toBeInstanceOf(Date);
  expect((lanRow[2] as Date).getTime()).toBe(excelDate(saved.updatedAt).getTime());
  expect((lanRow[6] as Date).getTime()).toBe(excelDate(saved.milestone!.dueAt).getTime());
  expect(reports.getRow(2).getCell(2).numFmt).toBe('dd/mm/yyyy hh:mm');
  if (scope === 'all') expect(rowWith(reports, s.baReport.id)[11]).toBe(0);

  // Đăng ký: one row per registration, a column per content line holding the commitment.
  const regs = wb.getWorksheet('Đăng ký')!;
  expect(header(regs).slice(0, 8)).toEqual(['Mã đăng ký', 'Họ và tên', 'Đơn vị', 'Cá nhân/Tập thể', 'Danh hiệu đăng ký', 'Trạng thái', 'Ngày đăng ký', 'Ngày duyệt']);
  expect(header(regs).slice(8)).toEqual(['Học tập và làm theo tư tưởng Hồ Chí Minh', 'Công trình chào mừng đại hội (công trình)', 'Phát hiện điển hình tiên tiến (điển hình)']);
  const dbRegs = await prisma.registration.findMany({ where: { campaignId: s.campaignId, ...(scope === 'dongkhoi' ? { member: { unitId: s.dongkhoi.id } } : {}) }, orderBy: { id: 'asc' } });
  expect(column(regs, 1)).toEqual(dbRegs.map((r) => r.id));
  const reg = rowWith(regs, s.lanReg.id);
  expect(reg.slice(2, 7)).toEqual(['Nguyễn Thị Lan', 'Xã Đồng Khởi', 'Cá nhân', 'Lao động tiên tiến', 'Đã duyệt']);
  expect((reg[7] as Date).getTime()).toBe(excelDate(s.lanReg.createdAt).getTime());
  expect((reg[8] as Date).getTime()).toBe(excelDate(new Date('2026-12-01T02:30:00Z')).getTime());
  // Lan committed to no figure for the last line: its cell is empty.
  expect([reg[9], reg[10], reg[11]]).toEqual(['Học tập đầy đủ', 5, undefined]);

  // Tổng hợp: per unit of the audience in scope then the total, the figures /stats shows, checked against the database.
  const summary = wb.getWorksheet('Tổng hợp')!;
  expect(header(summary)).toEqual([
    'Đơn vị', 'Mã đơn vị', 'Số thành viên', 'Đã đăng ký', 'Tỷ lệ đăng ký', 'ĐK Lao động tiên tiến', 'ĐK Chiến sĩ thi đua cơ sở', 'Đăng ký tập thể',
    'Báo cáo trong kỳ', 'Số người báo cáo trong kỳ',
    'Công trình chào mừng đại hội (công trình): đã thực hiện', 'Công trình chào mừng đại hội (công trình): chỉ tiêu', 'Công trình chào mừng đại hội (công trình): số người đạt',
    'Phát hiện điển hình tiên tiến (điển hình): đã thực hiện', 'Phát hiện điển hình tiên tiến (điển hình): chỉ tiêu', 'Phát hiện điển hình tiên tiến (điển hình): số người đạt',
    'Tỷ lệ chỉ tiêu đạt', 'Không liên lạc được', 'Tắt nhắc hạn', 'Chưa thực hiện',
  ]);
  expect(column(summary, 2)).toEqual(scope === 'all' ? ['BENTRE', 'DONGKHOI', 'ANTHOI', null] : ['DONGKHOI', null]);
  const dk = rowWith(summary, 'Xã Đồng Khởi');
  const inUnit = { unitId: s.dongkhoi.id, leftAt: null, fullName: { not: null } };
  const members = await prisma.member.count({ where: inUnit });
  const registered = await prisma.registration.count({ where: { campaignId: s.campaignId, member: inUnit, status: { not: 'WITHDRAWN' } } });
  const ldtt = await prisma.registration.count({ where: { campaignId: s.campaignId, member: inUnit, status: { not: 'WITHDRAWN' }, titleCode: 'LDTT' } });
  const k3 = await prisma.progressReport.aggregate({ where: { campaignId: s.campaignId, member: inUnit, criterion: { code: 'K3' } }, _sum: { valueNumber: true } });
  const k3Target = await prisma.commitment.aggregate({ where: { registration: { campaignId: s.campaignId, member: inUnit }, criterion: { code: 'K3' } }, _sum: { targetNumber: true } });
  expect(dk.slice(3, 8)).toEqual([members, registered, registered / members, ldtt, 0]);
  expect(dk.slice(8, 11)).toEqual([undefined, 1, 1]); // no collective registration; Lan's report in the current period
  expect(dk.slice(11, 14)).toEqual([Number(k3._sum.valueNumber), Number(k3Target._sum.targetNumber), 1]);
  expect(dk[11]).toBe(1234.5);
  const total = rowWith(summary, 'Tổng cộng');
  const allMembers = await prisma.member.count({ where: { leftAt: null, fullName: { not: null }, unitId: { in: scope === 'all' ? [s.dongkhoi.id, s.anthoi.id, s.bentre.id] : [s.dongkhoi.id] } } });
  expect(total[3]).toBe(allMembers);
  expect(summary.getRow(2).getCell(5).numFmt).toBe('0.0%');

  // Chưa thực hiện: the registration deadline has passed; Cường did not register, Lan did.
  const lag = wb.getWorksheet('Chưa thực hiện')!;
  expect(header(lag)).toEqual(['Mốc', 'Hạn', 'Đơn vị', 'Mã đơn vị', 'Họ và tên']);
  const names = column(lag, 5);
  expect(names).toContain('Lê Văn Cường');
  expect(names).not.toContain('Nguyễn Thị Lan');
  expect(rowWith(lag, 'Đăng ký thi đua')[2]).toBeInstanceOf(Date);

  // Báo cáo đơn vị: Đồng Khởi's review report with its key figures.
  const reviews = wb.getWorksheet('Báo cáo đơn vị')!;
  expect(ws(reviews, 2)).toEqual(['Tổng kết', 'Xã Đồng Khởi', 'Nguyễn Thị Lan']);
  expect(reviews.getRow(2).getCell(5).value).toBe('Công trình: 12');
  expect(reviews.getRow(2).getCell(7).value).toBe(0);

  // Khen thưởng: the published roll — a person and a collective — in the order published; the draft is not there.
  const awards = wb.getWorksheet('Khen thưởng')!;
  expect(header(awards)).toEqual(['Cá nhân, tập thể được khen thưởng', 'Cá nhân/Tập thể', 'Đơn vị', 'Danh hiệu, hình thức khen thưởng', 'Số quyết định', 'Ngày quyết định', 'Công bố lúc']);
  expect(ws(awards, 2)).toEqual(['Nguyễn Thị Lan', 'Cá nhân', 'Xã Đồng Khởi']);
  expect(awards.getRow(2).getCell(4).value).toBe('Lao động tiên tiến');
  expect(awards.getRow(2).getCell(5).value).toBe('88/QĐ-UBND');
  expect(awards.getRow(2).getCell(6).value).toBeInstanceOf(Date);
  expect(ws(awards, 3)).toEqual(['Xã Đồng Khởi', 'Tập thể', 'Xã Đồng Khởi']);
  expect(awards.getRow(3).getCell(4).value).toBe('Giấy khen của UBND tỉnh');
  expect(awards.rowCount).toBe(3);
}

const ws = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(1, 4);

describe('/export on Telegram (polling, PostgreSQL, Redis)', () => {
  let h: Harness;
  let s: Seeded;
  beforeAll(async () => {
    h = await startHarness({ storage: 'postgres', redis: true });
    await seedUnits(h.app, ALL_UNITS);
    s = await seedData(h, 'xuat-excel');
    // A second campaign, so the officer is asked which.
    await launchCampaign(h, 'khac', 10);
  }, 60_000);
  afterAll(() => h?.close());

  it('an officer of the province picks the campaign, is told the file is being built, and gets a workbook matching the database', async () => {
    const hai = h.fake.user({ firstName: 'Hai' });
    const officer = await h.app.services.prisma.member.create({
      data: { identities: telegram(BigInt(hai.id)), fullName: 'Võ Văn Hai', nameSearch: 'vo van hai', unitId: (await h.app.services.units.byCode('BENTRE'))!.id, role: 'OFFICER' },
    });
    hai.send('/export');
    await hai.waitFor(/Đồng chí muốn xuất số liệu của phong trào nào\?/);
    const choice = hai.buttons().find((b) => b.includes('(xuat-excel)'))!;
    expect(hai.buttons().some((b) => b.includes('(khac)'))).toBe(true);
    hai.press(choice);
    await hai.waitFor(/Đang lập tệp Excel “Thi đua chào mừng đại hội xuat-excel”…/);
    const doc = await hai.waitForDocument({ timeoutMs: 20_000 });
    expect(doc.document.file_name).toMatch(/^xuat-excel-\d\d-\d\d-\d{4}\.xlsx$/);
    expect(doc.document.mime_type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(doc.caption).toContain('Báo cáo (2 dòng)');
    const wb = await load(h.fake.uploadedContent(doc.document.file_id)!);
    await checkWorkbook(h, wb, s, 'all');

    const job = await h.app.services.prisma.exportJob.findFirstOrThrow({ where: { requestedById: officer.id } });
    // The officer's subtree, fixed when asked: the province's path.
    expect(job).toMatchObject({ status: 'DONE', scopePath: (await h.app.services.units.byCode('BENTRE'))!.path, reportRows: 2 });
    const audit = await h.app.services.audit.recent({ action: 'export.request' });
    expect(audit[0]).toMatchObject({ actorId: officer.id, outcome: 'OK', target: `campaign:${s.campaignId}` });
  }, 60_000);

  it("a commune officer names the campaign and gets only their commune's rows", async () => {
    const nam = h.fake.user({ firstName: 'Nam' });
    await joined(h, nam, 'Phan Văn Nam', 'OFFICER');
    nam.send('/export xuat-excel');
    await nam.waitFor(/Đang lập tệp Excel/);
    const doc = await nam.waitForDocument({ timeoutMs: 20_000 });
    expect(doc.caption).toContain('Báo cáo (1 dòng)');
    await checkWorkbook(h, await load(h.fake.uploadedContent(doc.document.file_id)!), s, 'dongkhoi');
  }, 60_000);

  it('a member is refused and the refusal is audited; no job is queued', async () => {
    const mai = h.fake.user({ firstName: 'Mai' });
    const m = await joined(h, mai, 'Đặng Thị Mai');
    const jobs = await h.app.services.prisma.exportJob.count();
    mai.send('/export xuat-excel');
    await mai.waitFor(/không có quyền/);
    const audit = await h.app.services.audit.recent({ action: 'export.request' });
    expect(audit[0]).toMatchObject({ actorId: m.id, outcome: 'REFUSED' });
    // Even past the channel's check, the service refuses (and audits) a member.
    const r = await h.app.services.exports.request({ campaignId: s.campaignId, actor: { id: m.id }, channel: 'TELEGRAM', chatId: String(mai.id) });
    expect(r).toEqual({ ok: false, reason: 'forbidden' });
    expect((await h.app.services.audit.recent({ action: 'export.request' }))[0]).toMatchObject({ actorId: m.id, outcome: 'REFUSED' });
    expect(await h.app.services.prisma.exportJob.count()).toBe(jobs);
  }, 30_000);

  it('a queued job survives a restart: the next instance builds and delivers it', async () => {
    const tu = h.fake.user({ firstName: 'Tư' });
    const officer = await joined(h, tu, 'Huỳnh Văn Tư', 'OFFICER');
    // Queued while the runner is stopped (as if the process died right after the officer asked).
    await h.app.exportRunner!.stop();
    const r = await h.app.services.exports.request({ campaignId: s.campaignId, actor: { id: officer.id }, channel: 'TELEGRAM', chatId: String(tu.id) });
    expect(r.ok).toBe(true);
    await h.restart();
    const doc = await tu.waitForDocument({ timeoutMs: 20_000 });
    expect(doc.caption).toContain('Thi đua chào mừng đại hội xuat-excel');
  }, 60_000);
});

describe('/export on Zalo (a signed download link under PUBLIC_URL)', () => {
  let zalo: FakeZalo;
  let h: Harness;
  let s: Seeded;
  let publicUrl: string;
  beforeAll(async () => {
    zalo = await FakeZalo.start({ maxPollMs: 200 });
    publicUrl = `http://127.0.0.1:${await freePort()}`;
    h = await startHarness({
      storage: 'postgres',
      redis: true,
      env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ZALO_RATE: '200', PORT: publicUrl.split(':').at(-1)!, PUBLIC_URL: publicUrl },
    });
    await seedUnits(h.app, ALL_UNITS);
    s = await seedData(h, 'xuat-zalo');
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await zalo?.close();
  });

  it('«xuất excel» queues the export; the link downloads the workbook, which matches the database; a forged link is a 404', async () => {
    const user = zalo.user('Hạnh');
    const o = await h.app.services.members.touch({ channel: 'ZALO', externalId: user.id, firstName: 'Hạnh' });
    await h.app.services.members.setUnit(o.id, (await h.app.services.units.byCode('BENTRE'))!.id);
    await h.app.services.members.setName(o.id, 'Lê Thị Hạnh');
    const c = zaloChat(zalo, user);
    // A member first: refused.
    await c.say('xuất excel', /không có quyền/);
    await h.app.services.members.setRole(o.id, 'OFFICER');
    // Only one campaign to export: no question, straight to «đang lập tệp…», then the link.
    const texts = await c.say('xuat excel', /Tải tệp \(liên kết có hiệu lực 24 giờ\): (\S+)/, 30_000);
    expect(texts).toContain('Đang lập tệp Excel “Thi đua chào mừng đại hội xuat-zalo”…');
    expect(texts).toContain('Báo cáo (2 dòng)');
    const url = /Tải tệp \(liên kết có hiệu lực 24 giờ\): (\S+)/.exec(texts)![1]!;
    expect(url.startsWith(`${publicUrl}/media/`)).toBe(true);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="xuat-zalo-\d\d-\d\d-\d{4}\.xlsx"/);
    await checkWorkbook(h, await load(Buffer.from(await res.arrayBuffer())), s, 'all');
    const forged = await fetch(url.slice(0, -1) + (url.endsWith('A') ? 'B' : 'A'));
    expect(forged.status).toBe(404);
    const job = await h.app.services.prisma.exportJob.findFirstOrThrow({ where: { requestedById: o.id } });
    expect(job.status).toBe('DONE');
    expect(zalo.sentTo(user.id).every((m) => m.method !== 'sendPhoto')).toBe(true);
  }, 60_000);
});
