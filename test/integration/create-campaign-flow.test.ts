/**
 * The campaign wizard (src/flows/create-campaign.ts) with no Telegram at all: an officer on a
 * text-only channel answers every question by typing — numbers for choices, "bỏ qua", "xong",
 * "quay lại" — a wrong date re-asks only that question, and the draft saved is the campaign the
 * answers describe; a member who is not an officer is refused before any question.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../support/app-harness.js';
import { renderVi as render, shown } from '../support/text-channel.js';
import { createServices, type Services } from '../../src/services/index.js';
import { fold } from '../../src/domain/text.js';
import { Conversations, type FlowEnv } from '../../src/flows/conversations.js';
import { createFlows } from '../../src/flows/index.js';
import { CREATE_CAMPAIGN_FLOW } from '../../src/flows/create-campaign.js';
import { RedisFlowStore } from '../../src/flows/store.js';
import { telegram } from '../support/identities.js';

describe('the campaign wizard on a text-only channel', () => {
  let t: TestDatabase;
  let s: Services;
  let redis: Redis;
  let conversations: Conversations;
  let officerId: number;
  let memberId: number;
  const prefix = `thidua-test-wizard-flow-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    t = await createTestDatabase();
    s = createServices(t.db.prisma, { adminIds: [], defaultLocale: 'vi' });
    await s.units.importUnits(
      [
        { code: 'HUYEN', name: 'Huyện Giồng Trôm', line: 2 },
        { code: 'XA1', name: 'Xã Đồng Khởi', parent: 'HUYEN', line: 3 },
        { code: 'XA2', name: 'Xã Phước Long', parent: 'HUYEN', line: 4 },
      ],
      [],
    );
    const unitId = (await s.units.byCode('HUYEN'))!.id;
    const member = (telegramId: bigint, fullName: string, role: 'MEMBER' | 'OFFICER') =>
      t.db.prisma.member.create({ data: { identities: telegram(telegramId), fullName, nameSearch: fold(fullName), unitId, role } });
    officerId = (await member(51n, 'Lê Thị Hạnh', 'OFFICER')).id;
    memberId = (await member(52n, 'Trần Văn Tư', 'MEMBER')).id;
    redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
    conversations = new Conversations(new RedisFlowStore(redis), createFlows(s));
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await deleteRedisPrefix(prefix);
    await t?.drop();
  });

  const env = (id: number): FlowEnv => ({ memberId: id, now: new Date('2026-12-01T03:00:00Z'), label: render });
  const answer = async (text: string): Promise<string> => shown(await conversations.input(`m${officerId}`, { kind: 'text', text }, env(officerId)));

  it('creates a draft from typed answers only, re-asking just a wrong date and keeping the rest', async () => {
    const first = shown(await conversations.start(`m${officerId}`, CREATE_CAMPAIGN_FLOW, {}, env(officerId)));
    expect(first).toContain('Tạo phong trào thi đua mới');
    expect(first).toContain('Bước 1/13 — Tên phong trào thi đua?');
    expect(await answer('Hè')).toContain('Tên phong trào cần từ 3 đến 300 ký tự');
    const code = await answer('Thi đua mùa xuân 2027');
    expect(code).toContain('Bước 2/13');
    expect(code).toContain('thi-dua-mua-xuan-2027');
    expect(await answer('1')).toContain('Bước 3/13 — Cơ quan phát động?');
    expect(await answer('bỏ qua')).toContain('Bước 4/13 — Loại phong trào?');
    expect(await answer('1')).toContain('Bước 5/13');
    expect(await answer('bỏ qua')).toContain('Bước 6/13');
    expect(await answer('bỏ qua')).toContain('Bước 7/13');
    expect(await answer('01/03/2027')).toContain('Bước 8/13');
    const wrong = await answer('31/02/2027');
    expect(wrong).toContain('31/02/2027 không phải ngày hợp lệ');
    expect(wrong).toContain('Bước 8/13');
    // Back to the start date: the date entered before is shown and can be kept.
    const back = await answer('quay lại');
    expect(back).toContain('Bước 7/13');
    expect(back).toContain('Đã nhập: “01/03/2027”');
    expect(back).toContain('1. ✔ Giữ “01/03/2027”');
    expect(await answer('02/03/2027')).toContain('Bước 8/13');
    const titles = await answer('30/06/2027');
    expect(titles).toContain('Bước 9/13');
    // Labels that carry their own number are not numbered twice.
    expect(titles).toContain('▫️ 1. Lao động tiên tiến');
    expect(titles).not.toContain('1. ▫️');
    expect(await answer('1 6')).toContain('Đã chọn 2');
    expect(await answer('xong')).toContain('nội dung thi đua thứ 1');
    const measure = await answer('Sáng kiến cải tiến');
    expect(measure).toContain('ghi nhận theo hình thức nào');
    expect(measure).toContain('2. Có / Không');
    expect(await answer('1')).toContain('Đơn vị tính');
    expect(await answer('bỏ qua')).toContain('Chỉ tiêu của “Sáng kiến cải tiến”');
    expect(await answer('bỏ qua')).toContain('nội dung thi đua thứ 2');
    expect(await answer('xong')).toContain('Hạn của mốc “Đăng ký thi đua”');
    expect(await answer('15/03/2027 17:00')).toContain('Nhắc trước hạn');
    expect(await answer('0')).toContain('Các mốc đã có (1)');
    expect(await answer('xong')).toContain('Bước 12/13');
    const units = await answer('2');
    expect(units).toContain('▫️ 1. Xã Phước Long');
    expect(await answer('1')).toContain('Đã chọn 1');
    const preview = await answer('xong');
    expect(preview).toContain('Xem trước dự thảo');
    expect(preview).toContain('Thời gian: 02/03/2027 – 30/06/2027');
    expect(preview).toContain('1. Sáng kiến cải tiến');
    expect(await answer('1')).toContain('Đã lưu dự thảo Thi đua mùa xuân 2027');
    expect(await conversations.open(`m${officerId}`)).toBeNull();

    const c = (await s.campaigns.byCode('thi-dua-mua-xuan-2027'))!;
    expect(c).toMatchObject({ status: 'DRAFT', slogan: null });
    expect(c.titles.map((x) => x.code)).toEqual(['LDTT', 'TTLDXS']);
    expect(c.criteria.map((x) => [x.title, x.measure, x.unitOfMeasure])).toEqual([['Sáng kiến cải tiến', 'NUMBER', null]]);
    expect(c.milestones.map((m) => [m.kind, m.remindOffsets])).toEqual([['REGISTRATION', []]]);
    expect(c.audienceUnits.map((a) => a.unit.code)).toEqual(['XA2']);
    const audit = await t.db.prisma.auditLog.findFirst({ where: { actorId: officerId, outcome: 'OK', action: { startsWith: 'campaign.' } } });
    expect(audit).not.toBeNull();
  });

  it('refuses a member who is not an officer before any question', async () => {
    expect(shown(await conversations.start(`m${memberId}`, CREATE_CAMPAIGN_FLOW, {}, env(memberId)))).toContain('không có quyền');
    expect(await conversations.open(`m${memberId}`)).toBeNull();
  });
});
