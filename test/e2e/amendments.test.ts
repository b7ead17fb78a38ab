/**
 * Đính chính / gia hạn of a launched campaign (issue 12, item 3), with a controlled clock: an
 * officer extends the registration deadline from the campaign's screen on Telegram, corrects the
 * title on Zalo by text, adds a content line with /amend; everyone who received the launch
 * announcement — on Telegram, on Zalo, and the linked group — gets one notice per amendment;
 * reminders follow the new deadline; a member is refused; every step is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { FakeZalo, type ZaloUser } from '../support/fake-zalo.js';
import type { FakeGroup, SimulatedUser } from '../support/simulated-user.js';
import { localDate } from '../../src/domain/dates.js';
import { draft, member } from '../support/reminder-fixtures.js';
import type { CampaignDraft } from '../../src/domain/campaign-file.js';
import { encodeCallback } from '../../src/channels/telegram/callback-data.js';

const D = 1440;
let clock = localDate(2025, 6, 10, 9, 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const count = (u: { messages: Array<{ text?: string }> }, re: RegExp) => u.messages.filter((m) => re.test(m.text ?? '')).length;

describe('amending a launched campaign', () => {
  let h: Harness;
  let zalo: FakeZalo;
  let officer: SimulatedUser;
  let members: SimulatedUser[];
  let tu: ZaloUser;
  let zaloOfficer: ZaloUser;
  let group: FakeGroup;
  /** One person on both channels, preferring Zalo. */
  let sauTg: SimulatedUser;
  let sauZalo: ZaloUser;
  let campaignId: number;

  beforeAll(async () => {
    zalo = await FakeZalo.start({ maxPollMs: 200 });
    h = await startHarness({ storage: 'postgres', now: () => clock, env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ZALO_RATE: '200' } });
    await seedUnits(h.app, [
      { code: 'TINH', name: 'UBND tỉnh Bến Tre' },
      { code: 'HUYEN', name: 'Huyện Giồng Trôm', parent: 'TINH' },
    ]);
    const s = h.app.services;
    const tinh = (await s.units.byCode('TINH'))!;
    const huyen = (await s.units.byCode('HUYEN'))!;
    officer = h.fake.user({ firstName: 'Cán bộ' });
    const officerRow = await member(s.prisma, officer.id, 'Võ Thị Cán Bộ', tinh.id, 'OFFICER');
    const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'];
    members = names.map((n) => h.fake.user({ firstName: n }));
    for (const [i, u] of members.entries()) await member(s.prisma, u.id, names[i]!, huyen.id);
    // A member on Zalo, and an officer who works on Zalo.
    tu = zalo.user('Tư');
    const tuRow = await s.members.touch({ channel: 'ZALO', externalId: tu.id, firstName: 'Tư' });
    await s.members.setUnit(tuRow.id, huyen.id);
    await s.members.setName(tuRow.id, 'Phạm Văn Tư');
    zaloOfficer = zalo.user('Năm');
    const namRow = await s.members.touch({ channel: 'ZALO', externalId: zaloOfficer.id, firstName: 'Năm' });
    await s.members.setUnit(namRow.id, tinh.id);
    await s.members.setName(namRow.id, 'Đỗ Thị Năm');
    await s.prisma.member.update({ where: { id: namRow.id }, data: { role: 'OFFICER' } });
    sauTg = h.fake.user({ firstName: 'Sáu' });
    sauZalo = zalo.user('Sáu');
    const sau = await member(s.prisma, sauTg.id, 'Hoàng Thị Sáu', huyen.id);
    await s.prisma.channelIdentity.create({ data: { memberId: sau.id, channel: 'ZALO', externalId: sauZalo.id, lastSeenAt: clock } });
    await s.prisma.member.update({ where: { id: sau.id }, data: { preferredChannel: 'ZALO' } });
    // The district's group, linked before the launch: the announcement goes there too.
    group = h.fake.group({ title: 'Nhóm Giồng Trôm' });
    h.fake.addBotToGroup(group, officer);
    await s.prisma.groupChat.create({ data: { channel: 'TELEGRAM', chatId: String(group.id), title: group.title, unitId: huyen.id } });

    const d: CampaignDraft = {
      ...draft(
        'ra-quan-xanh',
        'Thi đua ra quân xanh năm 2025',
        [
          { kind: 'REGISTRATION', dueAt: localDate(2025, 6, 19, 17), remindOffsets: [2 * D] },
          { kind: 'PROGRESS_REPORT', dueAt: localDate(2025, 9, 30, 17), remindOffsets: [] },
        ],
        { units: ['HUYEN'], startsAt: localDate(2025, 6, 1), endsAt: localDate(2025, 12, 31, 23, 59) },
      ),
      titles: [{ code: 'LDTT', name: null, scope: 'INDIVIDUAL', custom: false, category: 'INDIVIDUAL', position: 0 }],
      criteria: [{ code: 'K1', parentCode: null, title: 'Số buổi ra quân', measure: 'NUMBER', unit: 'buổi', target: null, position: 0, depth: 0 }],
    };
    const created = await s.campaigns.createFromDraft(d, { ownerUnitId: tinh.id, createdById: officerRow.id });
    if (!created.ok) throw new Error(JSON.stringify(created));
    campaignId = created.campaign.id;
    const launched = await s.campaigns.launch({ campaignId, actor: { id: officerRow.id }, progressChatId: null });
    expect(launched).toMatchObject({ ok: true, members: 5, groups: 1 });
    for (const u of members) await u.waitFor(/Thi đua ra quân xanh năm 2025/, { timeoutMs: 30_000 });
    await group.waitFor(/Thi đua ra quân xanh năm 2025/, { timeoutMs: 30_000 });
    await zalo.waitForSent(tu.id, 1, 30_000);
    await zalo.waitForSent(sauZalo.id, 1, 30_000);
    // Every launch delivery is marked sent before anyone amends.
    for (let i = 0; i < 50; i++) {
      if ((await s.prisma.delivery.count({ where: { broadcast: { campaignId, kind: 'LAUNCH' }, status: { not: 'SENT' } } })) === 0) break;
      await sleep(100);
    }
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await zalo?.close();
  });

  it('extends the registration deadline from the campaign screen: a shorter date is refused with the reason, the notice is previewed, then sent once to each person told of the launch', async () => {
    officer.send('/campaigns');
    await officer.waitFor(/Thi đua ra quân xanh/);
    officer.press(/1\. Thi đua ra quân xanh/);
    await officer.waitFor(/Thi đua ra quân xanh/);
    officer.press('✏️ Đính chính / gia hạn');
    await officer.waitFor(/Đồng chí muốn điều chỉnh gì/);
    officer.press(/Gia hạn một mốc/);
    await officer.waitFor(/Gia hạn mốc nào/);
    officer.press(/Đăng ký thi đua — 17:00 19\/06\/2025/);
    await officer.waitFor(/Hạn hiện tại: 17:00 19\/06\/2025/);
    officer.send('15/06/2025');
    await officer.waitFor(/Không rút ngắn được hạn đã thông báo/);
    officer.send('25/06/2025');
    const preview = await officer.waitFor(/Xem trước thông báo/);
    expect(preview.text).toContain('GIA HẠN — phong trào “Thi đua ra quân xanh năm 2025”');
    expect(preview.text).toContain('Hạn đăng ký thi đua được lùi đến 17:00 25/06/2025 (trước đây: 17:00 19/06/2025)');
    expect(preview.text).toMatch(/Sẽ gửi tới 5 người đã nhận thông báo phát động và 1 nhóm/);
    // Nothing is changed before the confirmation.
    expect((await h.app.services.prisma.milestone.findFirst({ where: { campaignId, kind: 'REGISTRATION' } }))!.dueAt).toEqual(localDate(2025, 6, 19, 17));
    officer.press('✔ Lưu và gửi thông báo');
    await officer.waitFor(/Đã gia hạn\. Thông báo gia hạn đang được gửi tới 5 người nhận và 1 nhóm/);

    for (const u of members) {
      const notice = await u.waitFor(/GIA HẠN/, { timeoutMs: 30_000 });
      expect(notice.text).toContain('17:00 25/06/2025');
      expect(u.buttons(notice)).toEqual(['📋 Xem phong trào']);
    }
    const zaloNotice = (await zalo.waitForSent(tu.id, 2, 30_000))[1]!;
    expect(zaloNotice.text).toMatch(/GIA HẠN[\s\S]*17:00 25\/06\/2025[\s\S]*Gửi: đăng ký ra-quan-xanh/);
    // A group's messages are spaced (≈ 20 a minute) by the app's clock, which this test holds still: let it pass the spacing.
    clock = new Date(clock.getTime() + 10_000);
    await group.waitFor(/GIA HẠN/, { timeoutMs: 30_000 });
    await sleep(500);
    for (const u of members) expect(count(u, /GIA HẠN/)).toBe(1);
    expect(count(group, /GIA HẠN/)).toBe(1);
    expect(zalo.textsTo(tu.id).filter((t) => /GIA HẠN/.test(t))).toHaveLength(1);
    // The person on two channels: once, where the announcement reached them.
    expect(zalo.textsTo(sauZalo.id).filter((t) => /GIA HẠN/.test(t))).toHaveLength(1);
    expect(sauTg.messages).toHaveLength(0);
  }, 120_000);

  it('no longer reminds at the old date, and reminds at the new one, on Telegram and Zalo', async () => {
    clock = localDate(2025, 6, 17, 17, 0); // D-2 of the old deadline
    await h.app.scheduler!.tick();
    await sleep(600);
    for (const u of members) expect(count(u, /Nhắc hạn thi đua/)).toBe(0);
    expect(zalo.textsTo(tu.id).filter((t) => /Nhắc hạn/.test(t))).toHaveLength(0);

    clock = localDate(2025, 6, 23, 17, 0); // D-2 of the new one
    await h.app.scheduler!.tick();
    for (const u of members) {
      const r = await u.waitFor(/Nhắc hạn thi đua/, { timeoutMs: 30_000 });
      expect(r.text).toContain('17:00 25/06/2025');
      expect(r.text).toContain('còn 2 ngày');
    }
    const zr = (await zalo.waitForSent(tu.id, 3, 30_000))[2]!;
    expect(zr.text).toMatch(/Nhắc hạn thi đua[\s\S]*17:00 25\/06\/2025/);
  }, 120_000);

  it('corrects a typo in the title on Zalo by text: «đính chính», preview, «1»; /campaigns and the notice show the new title', async () => {
    /** The first text to the Zalo officer after what they had when they spoke, matching `re`. */
    const says = async (text: string, re: RegExp): Promise<string> => {
      const from = zalo.textsTo(zaloOfficer.id).length;
      zalo.userSays(zaloOfficer, text);
      for (let i = 0; i < 500; i++) {
        const hit = zalo.textsTo(zaloOfficer.id).slice(from).find((t) => re.test(t));
        if (hit) return hit;
        await sleep(20);
      }
      throw new Error(`no Zalo text matching ${String(re)}; got ${JSON.stringify(zalo.textsTo(zaloOfficer.id).slice(from))}`);
    };
    const what = await says('đính chính ra-quan-xanh', /Đồng chí muốn điều chỉnh gì/);
    expect(what).toMatch(/1\. Sửa tên phong trào/);
    expect(what).not.toMatch(/Gia hạn một mốc/);
    expect(await says('1', /Tên hiện tại/)).toContain('Tên hiện tại: Thi đua ra quân xanh năm 2025');
    await says('Thi đua ra quân xanh năm 2025', /giống hệt hiện tại/);
    const preview = await says('Thi đua "Ra quân xanh" năm 2025', /Xem trước thông báo/);
    expect(preview).toContain('ĐÍNH CHÍNH — phong trào “Thi đua "Ra quân xanh" năm 2025”');
    expect(preview).toContain('Tên phong trào được sửa lại là: “Thi đua "Ra quân xanh" năm 2025” (trước đây ghi: “Thi đua ra quân xanh năm 2025”)');
    expect(preview).toMatch(/1\. ✔ Lưu và gửi thông báo/);
    await says('1', /Đã đính chính\. Thông báo đang được gửi tới 5 người nhận và 1 nhóm/);

    for (const u of members) {
      const notice = await u.waitFor(/ĐÍNH CHÍNH/, { timeoutMs: 30_000 });
      expect(notice.text).toContain('“Thi đua "Ra quân xanh" năm 2025”');
    }
    expect((await zalo.waitForSent(tu.id, 4, 30_000))[3]!.text).toMatch(/ĐÍNH CHÍNH[\s\S]*Ra quân xanh/);
    // A group's messages are spaced (≈ 20 a minute) by the app's clock, which this test holds still: let it pass the spacing.
    clock = new Date(clock.getTime() + 10_000);
    await group.waitFor(/ĐÍNH CHÍNH/, { timeoutMs: 30_000 });

    const an = members[0]!;
    an.send('/campaigns');
    const list = await an.waitFor(/Ra quân xanh/);
    expect(list.text).not.toContain('Thi đua ra quân xanh năm 2025');
    await sleep(300);
    for (const u of members) expect(count(u, /ĐÍNH CHÍNH/)).toBe(1);
  }, 120_000);

  it('adds a content line with /amend <code>: new registrants set a target for it and can report on it', async () => {
    officer.send('/amend ra-quan-xanh');
    await officer.waitFor(/Đồng chí muốn điều chỉnh gì/);
    officer.press(/Bổ sung một nội dung thi đua/);
    await officer.waitFor(/gõ nội dung thi đua cần bổ sung/);
    officer.send('Số cây xanh trồng mới');
    await officer.waitFor(/ghi nhận theo hình thức nào/);
    officer.press(/Số lượng/);
    await officer.waitFor(/Đơn vị tính/);
    officer.send('cây');
    const preview = await officer.waitFor(/Xem trước thông báo/);
    expect(preview.text).toContain('BỔ SUNG NỘI DUNG');
    expect(preview.text).toContain('Bổ sung nội dung thi đua: “Số cây xanh trồng mới”.');
    officer.press('✔ Lưu và gửi thông báo');
    await officer.waitFor(/Đã đính chính/);
    for (const u of members) {
      const notice = await u.waitFor(/BỔ SUNG NỘI DUNG/, { timeoutMs: 30_000 });
      expect(u.buttons(notice)).toEqual(['📝 Đăng ký thi đua']);
    }

    const binh = members[1]!;
    binh.send('/register');
    await binh.waitFor(/Chọn danh hiệu thi đua/);
    binh.press('Lao động tiên tiến');
    await binh.waitFor(/Nội dung thi đua 1\/2: .*Số buổi ra quân/);
    binh.send('12');
    await binh.waitFor(/Nội dung thi đua 2\/2: .*Số cây xanh trồng mới/);
    binh.send('30');
    const summary = await binh.waitFor(/Đăng ký thi đua — /);
    expect(summary.text).toMatch(/Số cây xanh trồng mới: 30 cây/);
    binh.press('✔ Xác nhận');
    await binh.waitFor(/Đã ghi nhận đăng ký/);

    binh.send('/report');
    const lines = await binh.waitFor(/Chọn nội dung cần báo cáo/);
    expect(binh.buttons(lines)).toContain('2. Số cây xanh trồng mới');
  }, 120_000);

  it('refuses /amend and a forged amend button to a member, refuses shortening the end, and keeps every step in the audit log', async () => {
    const cuong = members[2]!;
    cuong.send('/amend ra-quan-xanh');
    await cuong.waitFor(/không có quyền/);
    zalo.userSays(tu, 'gia hạn ra-quan-xanh');
    expect((await zalo.waitForSent(tu.id, 6, 30_000)).map((x) => x.text).join('\n')).toMatch(/không có quyền/);
    cuong.pressData(encodeCallback('camp.amend', { campaignId }));
    expect(String((await cuong.waitForCallbackAnswer()).text)).toMatch(/không có quyền/);
    const s = h.app.services;
    const tuRow = await s.members.byIdentity('ZALO', tu.id);

    // A service call past the channels is refused and audited too (a member, and an earlier end date).
    const cuongRow = await s.members.byIdentity('TELEGRAM', String(cuong.id));
    expect(await s.amendments.amend({ campaignId, actor: { id: cuongRow!.id }, change: { kind: 'title', text: 'X' }, nonce: 'n1', progressChatId: null })).toEqual({ ok: false, reason: 'forbidden' });
    const officerRow = await s.members.byIdentity('TELEGRAM', String(officer.id));
    expect(
      await s.amendments.amend({ campaignId, actor: { id: officerRow!.id }, change: { kind: 'end', endsAt: localDate(2025, 11, 30) }, nonce: 'n2', progressChatId: null }),
    ).toEqual({ ok: false, reason: 'shortens' });

    const rows = await s.prisma.auditLog.findMany({ where: { action: 'campaign.amend' }, orderBy: { id: 'asc' } });
    const ok = rows.filter((r) => r.outcome === 'OK').map((r) => r.details as Record<string, unknown>);
    expect(ok.map((d) => d.kind)).toEqual(['deadline', 'title', 'add-line']);
    expect(ok[0]).toMatchObject({ from: localDate(2025, 6, 19, 17).toISOString(), to: localDate(2025, 6, 25, 17).toISOString(), members: 5, groups: 1 });
    expect(ok[1]).toMatchObject({ from: 'Thi đua ra quân xanh năm 2025', to: 'Thi đua "Ra quân xanh" năm 2025' });
    const refused = rows.filter((r) => r.outcome === 'REFUSED');
    expect(refused.some((r) => r.actorRef === `tg:${cuong.id}` && (r.details as { reason?: string }).reason === 'forbidden')).toBe(true);
    expect(refused.some((r) => r.actorId === tuRow!.id)).toBe(true);
    expect(refused.some((r) => (r.details as { reason?: string }).reason === 'shortens' && (r.details as { kind?: string }).kind === 'end')).toBe(true);
    // The officer's shorter date typed in the flow is on record as well.
    expect(refused.some((r) => (r.details as { reason?: string }).reason === 'shortens' && (r.details as { kind?: string }).kind === 'deadline')).toBe(true);
    // The campaign kept its period.
    expect((await s.campaigns.byId(campaignId))!.endsAt).toEqual(localDate(2025, 12, 31, 23, 59));
  }, 120_000);
});
