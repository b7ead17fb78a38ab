/**
 * The officers' digest of new registrations and /registrations, at a size Telegram cannot take in
 * one message: 120 registrations made a 7,893-character digest that Telegram refused while the
 * registrations were marked digested anyway. The fake Bot API refuses what Telegram refuses, so
 * these tests prove every registration reaches the officer with its buttons, and that the officer
 * can always find, approve and return them with /registrations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { joined, launchCampaign, UNITS } from '../support/conversation-fixtures.js';
import type { SimulatedUser } from '../support/simulated-user.js';
import { queueRegistrationDigests } from '../../src/services/registrations.js';
import { membersWithTelegram, telegram } from '../support/identities.js';

const COUNT = 120;

/** A long but valid full name, so a digest line costs about 65 characters. */
const nameOf = (i: number): string => `Nguyễn Thị Minh Khai Phương ${String(i).padStart(3, '0')}`;

async function until<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('registration digests and /registrations at scale (polling, PostgreSQL, Redis)', () => {
  let h: Harness;
  let officer: SimulatedUser;
  let campaignId: number;
  let regIds: number[];

  beforeAll(async () => {
    h = await startHarness({ storage: 'postgres', redis: true });
    await seedUnits(h.app, [...UNITS, { code: 'XA_KHAC', name: 'Xã không có cán bộ', parent: 'BENTRE' }]);
    campaignId = await launchCampaign(h, 'dai-hoi-120', 10);
    officer = h.fake.user({ firstName: 'Hoa' });
    await joined(h, officer, 'Trần Thị Hoa', 'OFFICER');
    const prisma = h.app.services.prisma;
    const unit = (await h.app.services.units.byCode('DONGKHOI'))!;
    await membersWithTelegram(
      prisma,
      Array.from({ length: COUNT }, (_, i) => ({ telegramId: 8_800_000 + i, fullName: nameOf(i), nameSearch: nameOf(i).toLowerCase(), unitId: unit.id, locale: 'vi' })),
    );
    const members = await prisma.member.findMany({ where: { identities: { some: { channel: 'TELEGRAM', externalId: { in: Array.from({ length: COUNT }, (_, i) => String(8_800_000 + i)) } } } }, orderBy: { id: 'asc' } });
    // All at once, as a busy registration day leaves them: the scheduler's digest sees all or none.
    await prisma.registration.createMany({
      data: members.map((m) => ({ campaignId, scope: 'INDIVIDUAL' as const, memberId: m.id, submittedById: m.id, titleCode: 'LDTT', status: 'SUBMITTED' as const })),
    });
    regIds = (await prisma.registration.findMany({ where: { campaignId }, orderBy: { id: 'asc' } })).map((r) => r.id);
  }, 120_000);
  afterAll(() => h?.close());

  it('delivers a digest of 120 registrations in parts, every one with its buttons, and marks them digested', async () => {
    // The scheduler may have queued it already (it runs every minute); queueing again adds nothing.
    await queueRegistrationDigests(h.app.services, h.app.services.now());
    const prisma = h.app.services.prisma;
    const rows = await until(async () => {
      const all = await prisma.delivery.findMany({ where: { dedupeKey: { startsWith: `regdigest:${campaignId}:` } } });
      return all.length > 0 && all.every((d) => d.status !== 'PENDING' && d.status !== 'SENDING') ? all : null;
    }, 'the digest parts to be sent');
    const queued = rows.length;
    expect(queued).toBe(6);
    expect(rows.map((r) => [r.status, r.lastError])).toEqual(rows.map(() => ['SENT', null]));

    const digests = officer.messages.filter((m) => m.text?.startsWith('Đăng ký mới'));
    expect(digests).toHaveLength(queued);
    const text = digests.map((m) => m.text).join('\n');
    const buttons = digests.flatMap((m) => m.reply_markup?.inline_keyboard.flat() ?? []).map((b) => b.text);
    for (const id of regIds) {
      expect(text).toContain(`#${id} `);
      expect(buttons).toContain(`✔ Duyệt #${id}`);
      expect(buttons).toContain(`↩ Trả lại #${id}`);
    }
    for (const m of digests) expect(m.text!.length).toBeLessThanOrEqual(4096);
    expect(officer.events.filter((e) => e.kind === 'error')).toEqual([]);
    expect(await prisma.registration.count({ where: { campaignId, digestedAt: null } })).toBe(0);
  });

  it('lists every pending registration in /registrations, ten a page, with approve and return on each', async () => {
    officer.send('/registrations');
    const first = await officer.waitFor(/Đăng ký chờ duyệt \(1–10 \/ 120\)/);
    expect(first.text).toContain(`#${regIds[0]} ${nameOf(0)} (Xã Đồng Khởi) — Lao động tiên tiến`);
    expect(officer.buttons(first)).toEqual([
      ...regIds.slice(0, 10).flatMap((id) => [`✔ Duyệt #${id}`, `↩ Trả lại #${id}`]),
      '1/12',
      'Trang sau ›',
      '✔ Đã duyệt',
      '↩ Đã trả lại',
    ]);

    // Every registration is reachable: walk to the last page, edited in place.
    for (let page = 2; page <= 12; page += 1) {
      officer.press('Trang sau ›', { inMessage: first });
      await officer.waitFor(new RegExp(`\\(${(page - 1) * 10 + 1}–${page * 10} / 120\\)`));
    }
    expect(officer.messages.filter((m) => m.text?.includes('Đăng ký chờ duyệt'))).toHaveLength(1);
    const last = officer.messages.find((m) => m.message_id === first.message_id)!;
    expect(last.text).toContain(`#${regIds[119]} `);

    // Approve and return from the list: the same path as the digest's buttons.
    officer.press(`✔ Duyệt #${regIds[115]}`, { inMessage: first });
    await officer.waitFor(new RegExp(`Đã duyệt đăng ký #${regIds[115]}`));
    officer.press(`↩ Trả lại #${regIds[116]}`, { inMessage: first });
    await officer.waitFor(/gõ lý do trả lại/);
    officer.send('Thiếu chỉ tiêu cụ thể');
    await officer.waitFor(new RegExp(`Đã trả lại đăng ký #${regIds[116]}`));
    const prisma = h.app.services.prisma;
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: regIds[115]! } })).status).toBe('APPROVED');
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: regIds[116]! } })).returnReason).toBe('Thiếu chỉ tiêu cụ thể');
    expect(await prisma.delivery.count({ where: { dedupeKey: { startsWith: `reg-decision:${regIds[115]}:` } } })).toBe(1);

    officer.send('/registrations');
    const pending = await officer.waitFor(/Đăng ký chờ duyệt \(1–10 \/ 118\)/);
    officer.press('↩ Đã trả lại', { inMessage: pending });
    const returned = await officer.waitFor(/Đăng ký đã trả lại \(1–1 \/ 1\)/);
    expect(returned.text).toContain('Lý do trả lại: Thiếu chỉ tiêu cụ thể');
    expect(officer.buttons(returned)).toEqual([`✔ Duyệt #${regIds[116]}`, '📥 Chờ duyệt', '✔ Đã duyệt']);
    officer.press('✔ Đã duyệt', { inMessage: returned });
    const approved = await officer.waitFor(/Đăng ký đã duyệt \(1–1 \/ 1\)/);
    expect(officer.buttons(approved)).toEqual([`↩ Trả lại #${regIds[115]}`, '📥 Chờ duyệt', '↩ Đã trả lại']);
    expect(officer.events.filter((e) => e.kind === 'error')).toEqual([]);
  });

  it('refuses /registrations to a member and audits it; a forged list button too', async () => {
    const tuan = h.fake.user({ firstName: 'Tuấn' });
    await joined(h, tuan, 'Phạm Văn Tuấn');
    tuan.send('/registrations');
    await tuan.waitFor(/không có quyền/);
    tuan.pressData('1:rl:s:3');
    expect(String((await tuan.waitForCallbackAnswer()).text)).toMatch(/không có quyền/);
    const refusals = await h.app.services.prisma.auditLog.count({ where: { action: 'registration.list', outcome: 'REFUSED' } });
    expect(refusals).toBe(2);
    expect(tuan.messages.some((m) => m.text?.includes('#'))).toBe(false);
  });

  it('keeps undigested a registration no officer can see, and digests it once an officer covers its unit', async () => {
    const prisma = h.app.services.prisma;
    const far = (await h.app.services.units.byCode('XA_KHAC'))!;
    const lonely = await prisma.member.create({ data: { identities: telegram(8_899_999n), fullName: 'Lê Văn Xa', nameSearch: 'le van xa', unitId: far.id } });
    const r = await h.app.services.registrations.submit({ campaignId, actorMemberId: lonely.id, scope: 'INDIVIDUAL', titleCode: 'LDTT', commitments: [] });
    expect(r.ok).toBe(true);
    const later = new Date(h.app.services.now().getTime() + 2 * 60 * 60_000);
    expect(await queueRegistrationDigests(h.app.services, later)).toBe(0);
    expect((await prisma.registration.findFirstOrThrow({ where: { memberId: lonely.id } })).digestedAt).toBeNull();

    const chief = h.fake.user({ firstName: 'Tỉnh' });
    const bentre = (await h.app.services.units.byCode('BENTRE'))!;
    await prisma.member.create({ data: { identities: telegram(BigInt(chief.id)), fullName: 'Võ Văn Tỉnh', nameSearch: 'vo van tinh', unitId: bentre.id, role: 'OFFICER' } });
    // Digested at the next run (ours, or the scheduler's if it comes first).
    await queueRegistrationDigests(h.app.services, new Date(later.getTime() + 60 * 60_000));
    await chief.waitFor(/Lê Văn Xa/, { timeoutMs: 20_000 });
    expect((await prisma.registration.findFirstOrThrow({ where: { memberId: lonely.id } })).digestedAt).not.toBeNull();
  });
});
