/**
 * Xưng hô (issue 12 #19): no message hard-codes "Đồng chí". A unit chooses "Đồng chí" or "Anh/Chị"
 * (/addressform, «xưng hô» on Zalo; units below follow it), and a campaign file's `addressForm` is
 * how that campaign's announcement speaks — on Telegram and Zalo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { parseCampaignFile } from '../../src/domain/campaign-file.js';
import { addLocalDays, formatDate } from '../../src/domain/dates.js';

const ADMIN_ID = 9_300_001;
const UNITS = [
  { code: 'TINH', name: 'UBND tỉnh Hậu Giang' },
  { code: 'SO_GD', name: 'Sở Giáo dục và Đào tạo', parent: 'TINH' },
  { code: 'THPT_A', name: 'Trường THPT Vị Thanh', parent: 'SO_GD' },
  { code: 'XA_A', name: 'Xã Vị Tân', parent: 'TINH' },
];

describe('the form of address (Đồng chí / Anh/Chị)', () => {
  let h: Harness;
  let zalo: FakeZalo;
  beforeAll(async () => {
    zalo = await FakeZalo.start({ maxPollMs: 200 });
    h = await startHarness({ storage: 'postgres', redis: true, adminIds: [ADMIN_ID], env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ZALO_RATE: '200' } });
    await seedUnits(h.app, UNITS);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await zalo?.close();
  });

  it('a school set to "Anh/Chị" is addressed so (its schools below too); a commune keeps "đồng chí"; members and out-of-scope officers are refused', async () => {
    const admin = h.fake.user({ id: ADMIN_ID, firstName: 'Quản trị' });
    admin.send('/addressform so_gd anh/chị');
    await admin.waitFor(/Từ nay bot xưng hô với người của đơn vị “Sở Giáo dục và Đào tạo” là “Anh\/Chị”/);

    // A teacher of a school below the Sở: "anh/chị", on Telegram.
    const school = (await h.app.services.units.byCode('THPT_A'))!;
    const thu = h.fake.user({ firstName: 'Thu' });
    thu.start(`u_${school.inviteCode}`);
    await thu.waitFor(/họ và tên/);
    thu.send('Võ Thị Thu');
    const done = await thu.waitFor(/Cảm ơn anh\/chị Võ Thị Thu, đơn vị Trường THPT Vị Thanh/);
    expect(done.text).not.toMatch(/đồng chí/i);

    // The same on Zalo.
    const an = zalo.user('An');
    const before = zalo.textsTo(an.id).length;
    zalo.userSays(an, school.inviteCode);
    await expect.poll(() => zalo.textsTo(an.id).slice(before).join('\n'), { timeout: 10_000 }).toMatch(/họ và tên/);
    zalo.userSays(an, 'Lê Văn An');
    await expect.poll(() => zalo.textsTo(an.id).slice(before).join('\n'), { timeout: 10_000 }).toMatch(/Cảm ơn anh\/chị Lê Văn An/);

    // A commune keeps the default.
    const xa = (await h.app.services.units.byCode('XA_A'))!;
    const binh = h.fake.user({ firstName: 'Bình' });
    binh.start(`u_${xa.inviteCode}`);
    await binh.waitFor(/họ và tên/);
    binh.send('Trần Văn Bình');
    await binh.waitFor(/Cảm ơn đồng chí Trần Văn Bình/);

    // Who may set it: a member is refused; an officer of the commune cannot set the Sở's.
    binh.send('/addressform SO_GD Đồng chí');
    await binh.waitFor(/không có quyền/);
    const member = await h.app.services.members.byIdentity('TELEGRAM', String(binh.id));
    await h.app.services.members.setRole(member!.id, 'OFFICER');
    binh.send('/addressform SO_GD Đồng chí');
    await binh.waitFor(/nằm ngoài phạm vi phụ trách/);
    binh.send('/addressform XA_A chào');
    await binh.waitFor(/Cách dùng: \/addressform/);
    const audit = await h.app.services.prisma.auditLog.findMany({ where: { action: 'unit.address_form' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.outcome)).toEqual(['OK', 'REFUSED', 'REFUSED']);
    expect(await h.app.services.units.addressFormOf(school.id)).toBe('Anh/Chị');
  });

  it("a campaign whose file says addressForm: Anh/Chị speaks so in its announcement, to everyone it reaches", async () => {
    const now = new Date();
    const d = (n: number) => formatDate(addLocalDays(now, n));
    const yaml = `
code: hoc-tot
title: Thi đua dạy tốt, học tốt
kind: THEMATIC
addressForm: Anh/Chị
starts: ${d(-1)}
ends: ${d(200)}
titles: { individual: [LDTT] }
criteria:
  - { code: K1, title: Số tiết dạy tốt, measure: NUMBER, unit: tiết }
milestones:
  - { kind: REGISTRATION, due: "${d(10)} 17:00" }
`;
    const parsed = parseCampaignFile(yaml, 'yaml', now);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const tinh = (await h.app.services.units.byCode('TINH'))!;
    const created = await h.app.services.campaigns.createFromDraft(parsed.campaign, { ownerUnitId: tinh.id });
    if (!created.ok) throw new Error(created.reason);
    const admin = await h.app.services.members.byIdentity('TELEGRAM', String(ADMIN_ID));
    const r = await h.app.services.campaigns.launch({ campaignId: created.campaign.id, actor: admin!, progressChatId: null });
    expect(r.ok).toBe(true);
    // Bình's commune says "đồng chí" elsewhere, but this campaign's announcement says "anh/chị".
    const identity = await h.app.services.prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'TELEGRAM', member: { fullName: 'Trần Văn Bình' } } });
    const binh = h.fake.userById(Number(identity.externalId));
    const announcement = await binh!.waitFor(/Thi đua dạy tốt, học tốt/, { timeoutMs: 15_000 });
    expect(announcement.text).toContain('Đề nghị anh/chị');
    expect(announcement.text).not.toMatch(/đồng chí/i);
  });
});
