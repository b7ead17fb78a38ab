/**
 * The officers' campaign and units flows and /settings with no Telegram at all, driven as a
 * text-only channel would: files arrive as channel references and the channel reads them for the
 * flow (here from memory); choices are typed by number; Back and a wrong answer re-ask one question.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../support/app-harness.js';
import { renderVi as render, shown } from '../support/text-channel.js';
import { createServices, type Services } from '../../src/services/index.js';
import { fold } from '../../src/domain/text.js';
import { Conversations, type FlowEnv } from '../../src/flows/conversations.js';
import { createFlows } from '../../src/flows/index.js';
import type { FileRef, FlowInput } from '../../src/flows/model.js';
import { CAMPAIGN_IMPORT_FLOW } from '../../src/flows/campaign-import.js';
import { CAMPAIGN_EDIT_FLOW } from '../../src/flows/campaign-edit.js';
import { UNITS_IMPORT_FLOW } from '../../src/flows/units-import.js';
import { SETTINGS_FLOW } from '../../src/flows/settings.js';
import { CAMPAIGN_PICK_FLOW } from '../../src/flows/campaign-pick.js';
import { RedisFlowStore } from '../../src/flows/store.js';
import { telegram } from '../support/identities.js';

const yaml = readFileSync(new URL('../../examples/dong-khoi-moi-2020-2025.yaml', import.meta.url));

describe('campaign and units flows on a text-only channel', () => {
  let t: TestDatabase;
  let s: Services;
  let redis: Redis;
  let conversations: Conversations;
  let officerId: number;
  let adminId: number;
  const prefix = `thidua-test-campaign-flows-${randomBytes(4).toString('hex')}:`;
  /** What the channel holds for the files members sent (Zalo: downloaded by URL). */
  const files = new Map<string, Buffer>();

  beforeAll(async () => {
    t = await createTestDatabase();
    s = createServices(t.db.prisma, { adminIds: [], defaultLocale: 'vi' });
    await s.units.importUnits([{ code: 'HUYEN', name: 'Huyện Giồng Trôm', line: 2 }], []);
    const unitId = (await s.units.byCode('HUYEN'))!.id;
    const member = (telegramId: bigint, fullName: string, role: 'OFFICER' | 'ADMIN') =>
      t.db.prisma.member.create({ data: { identities: telegram(telegramId), fullName, nameSearch: fold(fullName), unitId, role } });
    officerId = (await member(61n, 'Lê Thị Hạnh', 'OFFICER')).id;
    adminId = (await member(62n, 'Phạm Quản Trị', 'ADMIN')).id;
    redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
    conversations = new Conversations(new RedisFlowStore(redis), createFlows(s));
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await deleteRedisPrefix(prefix);
    await t?.drop();
  });

  const env = (id: number, canRead = true): FlowEnv => ({
    memberId: id,
    now: new Date('2026-12-01T03:00:00Z'),
    label: render,
    ...(canRead ? { readFile: async (f: FileRef) => files.get(f.fileId) ?? null } : {}),
  });
  const send = async (id: number, input: FlowInput | string, canRead = true): Promise<string> =>
    shown(await conversations.input(`m${id}`, typeof input === 'string' ? { kind: 'text', text: input } : input, env(id, canRead)));
  const file = (fileName: string, content: Buffer, mimeType?: string): FlowInput => {
    const fileId = `f${files.size + 1}`;
    files.set(fileId, content);
    return { kind: 'file', file: { channel: 'text', kind: 'document', fileId, fileName, size: content.length, ...(mimeType ? { mimeType } : {}) } };
  };

  it('imports a campaign file sent after /importcampaign, then the same file under another code', async () => {
    expect(shown(await conversations.start(`m${officerId}`, CAMPAIGN_IMPORT_FLOW, {}, env(officerId)))).toContain('Đồng chí gửi tệp dữ liệu phong trào (YAML');
    expect(await send(officerId, 'đây là kế hoạch')).toContain('Đồng chí vui lòng gửi tệp YAML hoặc JSON');
    expect(await send(officerId, file('ke-hoach.pdf', Buffer.from('%PDF'), 'application/pdf'))).toContain('không phải YAML hoặc JSON');
    const bad = await send(officerId, file('loi.yaml', Buffer.from(yaml.toString('utf8').replace('"30/11/2025 17:00"', '"31/02/2025 17:00"'))));
    expect(bad).toContain('chưa lưu gì');
    expect(bad).toContain('milestones[3].due: 31/02/2025 17:00 không phải ngày hợp lệ');
    expect(await send(officerId, file('dong-khoi.yaml', yaml))).toContain('Đã lưu dự thảo phong trào Phong trào thi đua "Đồng khởi mới"');
    expect(await conversations.open(`m${officerId}`)).toBeNull();

    // Sent outright: imported at once; its code is taken (by a campaign no longer a draft), so only the code is asked.
    await t.db.prisma.campaign.update({ where: { code: 'dong-khoi-moi' }, data: { status: 'LAUNCHED', launchedAt: new Date() } });
    const again = file('dong-khoi.yaml', yaml);
    const taken = shown(await conversations.start(`m${officerId}`, CAMPAIGN_IMPORT_FLOW, { file: (again as { file: FileRef }).file }, env(officerId)));
    expect(taken).toContain('Mã phong trào dong-khoi-moi đã được dùng');
    expect(await send(officerId, 'Mã Sai!')).toContain('không hợp lệ');
    expect(await send(officerId, 'dong-khoi-2')).toContain('Đã lưu dự thảo phong trào');
    expect((await s.campaigns.byCode('dong-khoi-2'))?.status).toBe('DRAFT');
  });

  it('says so when the channel cannot read the file, and keeps asking for one', async () => {
    await conversations.start(`m${officerId}`, CAMPAIGN_IMPORT_FLOW, {}, env(officerId, false));
    expect(await send(officerId, file('dong-khoi.yaml', yaml), false)).toContain('Không tải được tệp');
    expect((await conversations.open(`m${officerId}`))?.state.step).toBe('file');
    expect(await send(officerId, 'hủy')).toContain('Đã hủy');
  });

  it('edits one field of a draft: Back returns to the choice of field, a wrong date re-asks only the date', async () => {
    const c = (await s.campaigns.byCode('dong-khoi-2'))!;
    const fields = shown(await conversations.start(`m${officerId}`, CAMPAIGN_EDIT_FLOW, { campaignId: c.id, code: c.code }, env(officerId)));
    expect(fields).toContain('Sửa mục nào của dự thảo dong-khoi-2?');
    expect(fields).toContain('7. Ngày kết thúc');
    expect(fields).toContain('9. Một nội dung thi đua');
    expect(await send(officerId, '1')).toContain('Gõ tên mới của phong trào');
    expect(await send(officerId, 'quay lại')).toContain('Sửa mục nào');
    expect(await send(officerId, 'ngày kết thúc')).toContain('Gõ ngày kết thúc mới');
    expect(await send(officerId, '31/11/2030')).toContain('31/11/2030 không phải ngày hợp lệ');
    expect(await send(officerId, '30/11/2030')).toContain('Đã lưu thay đổi');
    expect((await s.campaigns.byId(c.id))!.endsAt.toISOString()).toBe('2030-11-30T16:59:59.999Z');
  });

  it('edits one content line of a draft by typed numbers: the item, what of it, the new wording', async () => {
    const c = (await s.campaigns.byCode('dong-khoi-2'))!;
    shown(await conversations.start(`m${officerId}`, CAMPAIGN_EDIT_FLOW, { campaignId: c.id, code: c.code }, env(officerId)));
    const lines = await send(officerId, '9');
    expect(lines).toContain('Sửa nội dung thi đua nào');
    expect(lines).toContain('3. Xây dựng chi bộ trong sạch, vững mạnh');
    expect(await send(officerId, '3')).toContain('Sửa gì ở “Xây dựng chi bộ trong sạch, vững mạnh”');
    const ask = await send(officerId, '1');
    expect(ask).toContain('Hiện tại: “Xây dựng chi bộ trong sạch, vững mạnh”');
    expect(await send(officerId, 'Xây dựng chi bộ, đảng bộ trong sạch, vững mạnh')).toContain('Đã lưu thay đổi');
    const after = (await s.campaigns.byId(c.id))!;
    expect(after.criteria.find((x) => x.code === 'C1.2')?.title).toBe('Xây dựng chi bộ, đảng bộ trong sạch, vững mạnh');
    expect(after.criteria).toHaveLength(c.criteria.length);
    expect(after.milestones.map((m) => m.dueAt.toISOString())).toEqual(c.milestones.map((m) => m.dueAt.toISOString()));
  });

  it('imports a units file for an admin, asking again after a file with errors', async () => {
    expect(shown(await conversations.start(`m${adminId}`, UNITS_IMPORT_FLOW, {}, env(adminId)))).toContain('gửi tệp danh sách đơn vị');
    const broken = await send(adminId, file('units.csv', Buffer.from('code,name,parent,group\nXA 1,,,\n')));
    expect(broken).toContain('chưa nhập đơn vị nào');
    expect(broken).toContain('gửi tệp danh sách đơn vị');
    expect(await send(adminId, file('units.csv', Buffer.from('code,name,parent,group\nXA1,Xã Một,HUYEN,\n')))).toContain('Đã nhập xong: 1 đơn vị mới');
    expect((await s.units.byCode('XA1'))?.name).toBe('Xã Một');
  });

  it('turns reminders off with /settings by typing the choice’s number', async () => {
    const shownSettings = shown(await conversations.start(`m${officerId}`, SETTINGS_FLOW, {}, env(officerId)));
    expect(shownSettings).toContain('Nhắc hạn thi đua: Bật');
    expect(shownSettings).toContain('1. 🔕 Tắt nhắc hạn');
    expect(await send(officerId, '1')).toContain('Đã tắt nhắc hạn');
    expect((await s.members.byId(officerId))?.remindersEnabled).toBe(false);
  });

  it('lists the campaigns open to the member’s unit and shows the one picked by number, with the member’s status', async () => {
    await t.db.prisma.campaign.update({ where: { code: 'dong-khoi-2' }, data: { status: 'LAUNCHED', launchedAt: new Date() } });
    const list = shown(await conversations.start(`m${officerId}`, CAMPAIGN_PICK_FLOW, {}, env(officerId)));
    expect(list).toContain('Các phong trào đang triển khai');
    expect(list).toMatch(/1\. Phong trào thi đua "Đồng khởi mới"[\s\S]*2\. Phong trào thi đua "Đồng khởi mới"/);
    const detail = await send(officerId, '2');
    expect(detail).toMatch(/Thời gian: 21\/10\/2020 – (31\/12\/2025|30\/11\/2030)/);
    expect(detail).toContain('chưa đăng ký');
    expect(await conversations.open(`m${officerId}`)).toBeNull();
  });
});
