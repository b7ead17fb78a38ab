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
    await prisma.member.createMany({
      data: Array.from({ length: COUNT }, (_, i) => ({ telegramId: BigInt(8_800_000 + i), fullName: nameOf(i), nameSearch: nameOf(i).toLowerCase(), unitId: unit.id, locale: 'vi' })),
    });
    const members = await prisma.member.findMany({ where: { telegramId: { gte: 8_800_000n, lt: 8_800_000n + BigInt(COUNT) } }, orderBy: { id: 'asc' } });
    for (const m of members) {
      const r = await h.app.services.registrations.submit({ campaignId, actorMemberId: m.id, scope: 'INDIVIDUAL', titleCode: 'LDTT', commitments: [] });
      if (!r.ok) throw new Error(r.reason);
    }
    regIds = (await prisma.registration.findMany({ where: { campaignId }, orderBy: { id: 'asc' } })).map((r) => r.id);
  }, 120_000);
  afterAll(() => h?.close());

  it('delivers a digest of 120 registrations in parts, every one with its buttons, and marks them digested', async () => {
    const queued = await queueRegistrationDigests(h.app.services, h.app.services.now());
    expect(queued).toBeGreaterThan(1);
    const prisma = h.app.services.prisma;
    const rows = await until(async () => {
      const all = await prisma.delivery.findMany({ where: { dedupeKey: { startsWith: `regdigest:${campaignId}:` } } });
      return all.length === queued && all.every((d) => d.status !== 'PENDING' && d.status !== 'SENDING') ? all : null;
    }, 'the digest parts to be sent');
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

  it('keeps undigested a registration no officer can see, and digests it once an officer covers its unit', async () => {
    const prisma = h.app.services.prisma;
    const far = (await h.app.services.units.byCode('XA_KHAC'))!;
    const lonely = await prisma.member.create({ data: { telegramId: 8_899_999n, fullName: 'Lê Văn Xa', nameSearch: 'le van xa', unitId: far.id } });
    const r = await h.app.services.registrations.submit({ campaignId, actorMemberId: lonely.id, scope: 'INDIVIDUAL', titleCode: 'LDTT', commitments: [] });
    expect(r.ok).toBe(true);
    const later = new Date(h.app.services.now().getTime() + 2 * 60 * 60_000);
    expect(await queueRegistrationDigests(h.app.services, later)).toBe(0);
    expect((await prisma.registration.findFirstOrThrow({ where: { memberId: lonely.id } })).digestedAt).toBeNull();

    const chief = h.fake.user({ firstName: 'Tỉnh' });
    const bentre = (await h.app.services.units.byCode('BENTRE'))!;
    await prisma.member.create({ data: { telegramId: BigInt(chief.id), fullName: 'Võ Văn Tỉnh', nameSearch: 'vo van tinh', unitId: bentre.id, role: 'OFFICER' } });
    expect(await queueRegistrationDigests(h.app.services, new Date(later.getTime() + 60 * 60_000))).toBe(1);
    await chief.waitFor(/Lê Văn Xa/);
    expect((await prisma.registration.findFirstOrThrow({ where: { memberId: lonely.id } })).digestedAt).not.toBeNull();
  });
});
