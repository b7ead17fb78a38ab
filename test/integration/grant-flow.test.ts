/**
 * The admin's grant / revoke flow (src/flows/grant-role.ts) with no Telegram at all: an admin on a
 * text-only channel types a name without diacritics, picks the person by number, confirms, and the
 * member service makes the change and audits it; a non-admin is refused (and audited) before any
 * question; an admin listed in ADMIN_IDS is never offered for revocation.
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
import { GRANT_ROLE_FLOW } from '../../src/flows/grant-role.js';
import { RedisFlowStore } from '../../src/flows/store.js';
import { telegram } from '../support/identities.js';

describe('granting and revoking the officer role on a text-only channel', () => {
  let t: TestDatabase;
  let s: Services;
  let redis: Redis;
  let conversations: Conversations;
  let adminId: number;
  let thuId: number;
  let memberId: number;
  const prefix = `thidua-test-grant-flow-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    t = await createTestDatabase();
    // The admin is listed in ADMIN_IDS: managed by configuration only, never offered for revocation.
    s = createServices(t.db.prisma, { adminIds: ['41'], defaultLocale: 'vi' });
    await s.units.importUnits([{ code: 'XA', name: 'Xã A', line: 2 }], []);
    const unitId = (await s.units.byCode('XA'))!.id;
    const member = (telegramId: bigint, fullName: string, role: 'MEMBER' | 'ADMIN' = 'MEMBER') =>
      t.db.prisma.member.create({ data: { identities: telegram(telegramId), fullName, nameSearch: fold(fullName), unitId, role } });
    adminId = (await member(41n, 'Phạm Quản Trị', 'ADMIN')).id;
    thuId = (await member(42n, 'Võ Thị Thu')).id;
    memberId = (await member(43n, 'Lê Văn Tám')).id;
    redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
    conversations = new Conversations(new RedisFlowStore(redis), createFlows(s));
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await deleteRedisPrefix(prefix);
    await t?.drop();
  });

  const env = (id: number): FlowEnv => ({ memberId: id, now: new Date(), label: render });
  const answer = async (id: number, text: string): Promise<string> => shown(await conversations.input(`m${id}`, { kind: 'text', text }, env(id)));

  it('grants OFFICER to a member found by a name typed without diacritics and picked by number, and audits it', async () => {
    expect(shown(await conversations.start(`m${adminId}`, GRANT_ROLE_FLOW, { grant: true }, env(adminId)))).toContain('Gõ họ tên (hoặc một phần họ tên) của thành viên cần cấp quyền');
    expect(await answer(adminId, 'nguyen khong co')).toContain('Không tìm thấy ai có tên giống “nguyen khong co”');
    const results = await answer(adminId, 'vo thi thu');
    expect(results).toContain('Chọn người cần cấp quyền:');
    expect(results).toContain('1. Võ Thị Thu · Xã A');
    expect(await answer(adminId, '1')).toContain('Cấp quyền cán bộ phụ trách thi đua cho Võ Thị Thu (Xã A)?');
    expect(await answer(adminId, '1')).toContain('Đã cấp quyền cán bộ phụ trách thi đua cho Võ Thị Thu. Người này chỉ thao tác trong phạm vi đơn vị “Xã A”.');
    expect((await s.members.byId(thuId))?.role).toBe('OFFICER');
    const audit = await t.db.prisma.auditLog.findFirst({ where: { action: 'role.grant', target: `member:${thuId}` } });
    expect(audit).toMatchObject({ outcome: 'OK', actorId: adminId });
    expect(await conversations.open(`m${adminId}`)).toBeNull();
  });

  it('refuses a member who is not an admin before any question, with an audit row', async () => {
    const replies = shown(await conversations.start(`m${memberId}`, GRANT_ROLE_FLOW, { grant: true, query: 'vo thi thu' }, env(memberId)));
    expect(replies).toContain('Đồng chí không có quyền dùng lệnh này');
    expect(await conversations.open(`m${memberId}`)).toBeNull();
    const refusal = await t.db.prisma.auditLog.findFirst({ where: { action: 'role.grant', actorId: memberId, outcome: 'REFUSED' } });
    expect(refusal).not.toBeNull();
    expect((await s.members.byId(memberId))?.role).toBe('MEMBER');
  });

  it('revokes an officer found by the command’s name, and never offers an admin listed in ADMIN_IDS', async () => {
    expect(shown(await conversations.start(`m${adminId}`, GRANT_ROLE_FLOW, { grant: false, query: 'pham quan tri' }, env(adminId)))).toContain(
      'Không tìm thấy ai có tên giống “pham quan tri”',
    );
    expect(await conversations.open(`m${adminId}`)).toBeNull();
    expect(shown(await conversations.start(`m${adminId}`, GRANT_ROLE_FLOW, { grant: false, query: 'vo thi' }, env(adminId)))).toContain('Chọn người cần thu hồi quyền:');
    expect(await answer(adminId, '1')).toContain('Thu hồi quyền cán bộ của Võ Thị Thu (Xã A)?');
    expect(await answer(adminId, 'xac nhan')).toContain('Đã thu hồi quyền cán bộ của Võ Thị Thu.');
    expect((await s.members.byId(thuId))?.role).toBe('MEMBER');
  });
});
