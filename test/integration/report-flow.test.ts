/**
 * The report flow (src/flows/report.ts) with no Telegram at all: a member on a text-only channel
 * answers by typing — numbers for choices, "bỏ qua", "xong", files as the channel's references —
 * while two instances of the conversation service take turns over one Redis, as two webhook
 * instances behind a round-robin proxy would. The report lands in PostgreSQL with its files.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../support/app-harness.js';
import { renderVi as render, shown } from '../support/text-channel.js';
import { createServices, type Services } from '../../src/services/index.js';
import { parseCampaignFile } from '../../src/domain/campaign-file.js';
import { addLocalDays, formatDate } from '../../src/domain/dates.js';
import { Conversations, type FlowEnv } from '../../src/flows/conversations.js';
import { createFlows } from '../../src/flows/index.js';
import { openReport, REPORT_FLOW } from '../../src/flows/report.js';
import { openReview, REVIEW_FLOW } from '../../src/flows/review.js';
import { RedisFlowStore } from '../../src/flows/store.js';
import type { FlowInput } from '../../src/flows/model.js';
import { telegram } from '../support/identities.js';


describe('the report flow on a text-only channel, two instances sharing Redis', () => {
  let t: TestDatabase;
  let s: Services;
  let redis: Redis;
  let instances: Conversations[];
  let memberId: number;
  let officerId: number;
  let campaignId: number;
  const prefix = `thidua-test-report-flow-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    t = await createTestDatabase();
    s = createServices(t.db.prisma, { adminIds: [], defaultLocale: 'vi' });
    await s.units.importUnits([{ code: 'XA', name: 'Xã A', line: 2 }], []);
    const unitId = (await s.units.byCode('XA'))!.id;
    const d = (n: number) => formatDate(addLocalDays(new Date(), n));
    const parsed = parseCampaignFile(
      `code: bc-text\ntitle: Thi đua chuyển đổi số\nkind: THEMATIC\nstarts: ${d(-5)}\nends: ${d(100)}\ntitles: { individual: [LDTT] }\ncriteria:\n  - { code: K1, title: Mô hình dân vận khéo, measure: YES_NO }\n  - { code: K2, title: Hộ dùng dịch vụ công trực tuyến, measure: NUMBER, unit: hộ }\nmilestones:\n  - { kind: PROGRESS_REPORT, due: "${d(20)} 17:00" }\n  - { kind: FINAL_REVIEW, due: "${d(60)} 17:00" }\n`,
      'yaml',
    );
    if (!parsed.ok) throw new Error('campaign');
    const c = await s.campaigns.createFromDraft(parsed.campaign, { ownerUnitId: unitId });
    if (!c.ok) throw new Error(c.reason);
    await t.db.prisma.campaign.update({ where: { id: c.campaign.id }, data: { status: 'LAUNCHED' } });
    campaignId = c.campaign.id;
    memberId = (await t.db.prisma.member.create({ data: { identities: telegram(42n), fullName: 'Phạm Văn Tư', unitId } })).id;
    officerId = (await t.db.prisma.member.create({ data: { identities: telegram(43n), fullName: 'Lý Thị Năm', unitId, role: 'OFFICER' } })).id;
    redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
    instances = [new Conversations(new RedisFlowStore(redis), createFlows(s)), new Conversations(new RedisFlowStore(redis), createFlows(s))];
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await deleteRedisPrefix(prefix);
    await t?.drop();
  });

  it('reports a figure confirmed by typing, a captioned photo and a refused file, all by typed answers, each on the other instance', async () => {
    const env: FlowEnv = { memberId, now: new Date(), label: render };
    const key = `m${memberId}`;
    const opening = await openReport(s, { memberId, role: 'MEMBER', locale: 'vi' }, null, env);
    expect(opening.say).toEqual([]);
    let screen = shown(await instances[0]!.start(key, REPORT_FLOW, opening.args!, env));
    expect(screen).toContain('Chọn nội dung cần báo cáo');
    expect(screen).toContain('2. Hộ dùng dịch vụ công trực tuyến');

    let turn = 1;
    const answer = async (input: string | FlowInput): Promise<string> => {
      const conv = instances[turn++ % 2]!;
      return shown(await conv.input(key, typeof input === 'string' ? { kind: 'text', text: input } : input, env));
    };
    expect(await answer('2')).toContain('Tổng kết quả đạt được trong kỳ tính đến nay (hộ)?');
    screen = await answer('500,000');
    expect(screen).toContain('ý đồng chí là 500.000 hộ hay 500 hộ?');
    expect(screen).toContain('1. 500.000 hộ\n2. 500 hộ');
    expect(await answer('500')).toContain('Ghi chú thêm');
    expect(await answer('bỏ qua')).toContain('Gửi ảnh hoặc tệp minh chứng');
    screen = await answer({ kind: 'file', file: { channel: 'zalo', fileId: 'zalo-photo-1', kind: 'photo', size: 300_000, caption: 'Tổ công nghệ số ấp 2' } });
    expect(screen).toContain('Đã nhận 1 tệp minh chứng');
    expect(screen).toContain('Ghi chú của tệp: “Tổ công nghệ số ấp 2”');
    screen = await answer({ kind: 'file', file: { channel: 'zalo', fileId: 'zalo-doc-1', kind: 'document', fileName: 'cai-dat.exe', mimeType: 'application/x-msdownload' } });
    expect(screen).toContain('không đúng định dạng');
    // Back from the files goes to the note, keeping the photo; the note typed then is kept too.
    expect(await answer('quay lại')).toContain('Ghi chú thêm');
    expect(await answer('Ra mắt ngày 02/9')).toContain('Đã nhận 1 tệp minh chứng');
    screen = await answer('xong');
    expect(screen).toContain('Kết quả: 500 hộ');
    expect(screen).toContain('Ghi chú: Ra mắt ngày 02/9');
    expect(screen).toContain('Minh chứng: 1 tệp');
    expect(await answer('1')).toMatch(/Đã ghi nhận báo cáo “Hộ dùng dịch vụ công trực tuyến”: 500 hộ\. Báo cáo có 1 tệp minh chứng/);

    const row = await t.db.prisma.progressReport.findFirstOrThrow({ where: { memberId }, include: { attachments: true } });
    expect(row.valueNumber?.toString()).toBe('500');
    expect(row.note).toBe('Ra mắt ngày 02/9');
    expect(row.attachments.map((a) => [a.kind, a.fileId, a.note, a.mimeType])).toEqual([['PHOTO', 'zalo-photo-1', 'Tổ công nghệ số ấp 2', 'image/jpeg']]);
    expect(await instances[0]!.open(key)).toBeNull();
  });

  it('takes a unit review report by typed answers, and refuses it when the officer was revoked before Confirm', async () => {
    const env: FlowEnv = { memberId: officerId, now: new Date(), label: render };
    const key = `m${officerId}`;
    const milestone = await t.db.prisma.milestone.findFirstOrThrow({ where: { campaignId, kind: 'FINAL_REVIEW' } });
    const reports = () => t.db.prisma.reviewReport.count({ where: { milestoneId: milestone.id } });
    let turn = 0;
    const answer = async (input: string | FlowInput): Promise<string> =>
      shown(await instances[turn++ % 2]!.input(key, typeof input === 'string' ? { kind: 'text', text: input } : input, env));
    const pdf: FlowInput = { kind: 'file', file: { channel: 'zalo', fileId: 'zalo-pdf-1', kind: 'document', fileName: 'tong-ket.pdf', mimeType: 'application/pdf', size: 80_000 } };

    const walk = async (beforeConfirm?: () => Promise<unknown>): Promise<string> => {
      const opened = await openReview(s, officerId, milestone.id);
      if (!opened.ok) throw new Error(opened.say.key);
      expect(shown(await instances[0]!.start(key, REVIEW_FLOW, opened.args, env))).toContain('Đồng chí gửi tệp báo cáo tổng kết của đơn vị “Xã A”');
      expect(await answer({ kind: 'file', file: { channel: 'zalo', fileId: 'zalo-photo-9', kind: 'photo' } })).toContain('gửi tệp báo cáo dưới dạng tài liệu');
      expect(await answer(pdf)).toContain('Số liệu chính');
      expect(await answer('Hộ dùng dịch vụ công: 120')).toContain('Ghi chú kèm báo cáo');
      const confirm = await answer('bỏ qua');
      expect(confirm).toContain('Tệp: tong-ket.pdf');
      expect(confirm).toContain('Số liệu: Hộ dùng dịch vụ công: 120');
      expect(confirm).toContain('Ghi chú: (không có)');
      await beforeConfirm?.();
      return answer('1');
    };

    // Revoked while the question was open: the use case refuses, nothing is saved, the flow closes.
    const refused = await walk(() => t.db.prisma.member.update({ where: { id: officerId }, data: { role: 'MEMBER' } }));
    expect(refused).toContain('không có quyền');
    expect(await reports()).toBe(0);
    expect(await instances[1]!.open(key)).toBeNull();

    await t.db.prisma.member.update({ where: { id: officerId }, data: { role: 'OFFICER' } });
    expect(await walk()).toContain('✅ Đã nhận báo cáo tổng kết của đơn vị “Xã A”');
    const row = await t.db.prisma.reviewReport.findFirstOrThrow({ where: { milestoneId: milestone.id }, include: { attachments: true } });
    expect(row.figures).toEqual([{ label: 'Hộ dùng dịch vụ công', value: '120' }]);
    expect(row.attachments.map((a) => [a.fileId, a.fileName])).toEqual([['zalo-pdf-1', 'tong-ket.pdf']]);
  });
});
