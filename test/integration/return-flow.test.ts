/**
 * The officer's return-with-reason flow (src/flows/return-registration.ts) with no Telegram at all:
 * an officer on a text-only channel is asked the reason, answers by typing, and the registration is
 * returned through the registration service — which re-checks the officer when the reason arrives.
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
import { RETURN_FLOW } from '../../src/flows/return-registration.js';
import { RedisFlowStore } from '../../src/flows/store.js';
import type { FlowInput } from '../../src/flows/model.js';
import { telegram } from '../support/identities.js';


describe('returning a registration with a reason on a text-only channel', () => {
  let t: TestDatabase;
  let s: Services;
  let redis: Redis;
  let conversations: Conversations;
  let unitId: number;
  let officerId: number;
  let campaignId: number;
  const prefix = `thidua-test-return-flow-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    t = await createTestDatabase();
    s = createServices(t.db.prisma, { adminIds: [], defaultLocale: 'vi' });
    await s.units.importUnits([{ code: 'XA', name: 'Xã A', line: 2 }], []);
    unitId = (await s.units.byCode('XA'))!.id;
    const d = (n: number) => formatDate(addLocalDays(new Date(), n));
    const parsed = parseCampaignFile(
      `code: tra-lai\ntitle: Thi đua chuyển đổi số\nkind: THEMATIC\nstarts: ${d(-5)}\nends: ${d(100)}\ntitles: { individual: [LDTT] }\ncriteria:\n  - { code: K1, title: Mô hình dân vận khéo, measure: YES_NO }\nmilestones:\n  - { kind: REGISTRATION, due: "${d(20)} 17:00" }\n`,
      'yaml',
    );
    if (!parsed.ok) throw new Error('campaign');
    const c = await s.campaigns.createFromDraft(parsed.campaign, { ownerUnitId: unitId });
    if (!c.ok) throw new Error(c.reason);
    await t.db.prisma.campaign.update({ where: { id: c.campaign.id }, data: { status: 'LAUNCHED' } });
    campaignId = c.campaign.id;
    officerId = (await t.db.prisma.member.create({ data: { identities: telegram(43n), fullName: 'Lý Thị Năm', unitId, role: 'OFFICER' } })).id;
    redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
    conversations = new Conversations(new RedisFlowStore(redis), createFlows(s));
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await deleteRedisPrefix(prefix);
    await t?.drop();
  });

  const env = (): FlowEnv => ({ memberId: officerId, now: new Date(), label: render });
  const key = () => `m${officerId}`;
  const answer = async (input: string | FlowInput): Promise<string> =>
    shown(await conversations.input(key(), typeof input === 'string' ? { kind: 'text', text: input } : input, env()));
  let registrants = 0;
  /** A member's submitted registration (one member each: a member registers once per campaign and scope). */
  const registration = async () => {
    const n = ++registrants;
    const member = await t.db.prisma.member.create({ data: { identities: telegram(BigInt(100 + n)), fullName: `Phạm Văn Tư ${n}`, unitId } });
    return t.db.prisma.registration.create({ data: { campaignId, memberId: member.id, scope: 'INDIVIDUAL', titleCode: 'LDTT' } });
  };

  it('asks the reason, re-asks on a sticker, and returns the registration with the typed reason', async () => {
    const reg = await registration();
    expect(shown(await conversations.start(key(), RETURN_FLOW, { registrationId: reg.id }, env()))).toContain(`Đồng chí gõ lý do trả lại đăng ký #${reg.id}`);
    expect(await answer({ kind: 'other' })).toContain('Vui lòng gõ lý do bằng chữ');
    expect(await answer('  Thiếu minh chứng sáng kiến  ')).toContain(`Đã trả lại đăng ký #${reg.id}. Người đăng ký đã được báo kèm lý do.`);
    const row = await t.db.prisma.registration.findUniqueOrThrow({ where: { id: reg.id } });
    expect(row).toMatchObject({ status: 'RETURNED', returnReason: 'Thiếu minh chứng sáng kiến', decidedById: officerId });
    const audit = await t.db.prisma.auditLog.findFirst({ where: { action: 'registration.return', target: `registration:${reg.id}` } });
    expect(audit?.outcome).toBe('OK');
    expect(await conversations.open(key())).toBeNull();
  });

  it('refuses the return when the officer was revoked while typing, and returns nothing on cancel', async () => {
    const reg = await registration();
    await conversations.start(key(), RETURN_FLOW, { registrationId: reg.id }, env());
    expect(await answer('hủy')).toContain('Đã hủy');
    expect((await t.db.prisma.registration.findUniqueOrThrow({ where: { id: reg.id } })).status).toBe('SUBMITTED');

    await conversations.start(key(), RETURN_FLOW, { registrationId: reg.id }, env());
    await t.db.prisma.member.update({ where: { id: officerId }, data: { role: 'MEMBER' } });
    try {
      expect(await answer('Thiếu minh chứng')).toContain('không còn quyền duyệt đăng ký');
    } finally {
      await t.db.prisma.member.update({ where: { id: officerId }, data: { role: 'OFFICER' } });
    }
    expect((await t.db.prisma.registration.findUniqueOrThrow({ where: { id: reg.id } })).status).toBe('SUBMITTED');
    const refusal = await t.db.prisma.auditLog.findFirst({ where: { action: 'registration.return', target: `registration:${reg.id}`, outcome: 'REFUSED' } });
    expect(refusal?.details).toMatchObject({ reason: 'forbidden' });
    expect(await conversations.open(key())).toBeNull();
  });
});
