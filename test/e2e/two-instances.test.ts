/**
 * Two webhook instances behind a round-robin proxy (issue 9), as a load balancer in front of a
 * scaled-out deployment would be: both built with createApp, sharing one PostgreSQL database and one
 * Redis prefix, both registering the proxy as their WEBHOOK_URL. Members answer each question the
 * moment it arrives — onboarding, registration, a report with a photo — so consecutive answers of
 * one member land on different instances: every answer must find the state the other instance
 * stored before it asked. The outbox and the reminders, shared through the database, must still
 * reach each member once.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { parseConfig } from '../../src/config.js';
import { createApp, type App } from '../../src/app.js';
import { localDate } from '../../src/domain/dates.js';
import { FakeTelegram } from '../support/fake-telegram.js';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/round-robin-proxy.js';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '../support/databases.js';
import { deleteRedisPrefix, seedUnits, TEST_REDIS_URL } from '../support/app-harness.js';
import type { SimulatedUser } from '../support/simulated-user.js';
import type { Message } from 'grammy/types';

const MEMBERS = 20;
const UNITS = [
  { code: 'BENTRE', name: 'UBND tỉnh Bến Tre' },
  { code: 'DONGKHOI', name: 'Xã Đồng Khởi', parent: 'BENTRE' },
  { code: 'ANHIEP', name: 'Xã An Hiệp' },
];
/** Monday 17:00 (outside quiet hours), two days before the registration deadline. */
let clock = localDate(2025, 6, 16, 17, 0);

const CAMPAIGN = `
code: hai-may
title: Thi đua hai máy chủ
kind: THEMATIC
starts: 01/06/2025
ends: 31/12/2025
audience: { units: [BENTRE] }
titles:
  individual: [LDTT]
criteria:
  - { code: K1, title: Công trình chào mừng, measure: NUMBER, unit: công trình }
milestones:
  - { kind: REGISTRATION, due: "18/06/2025 17:00", remind: [2d] }
  - { kind: PROGRESS_REPORT, due: "30/06/2025 17:00", remind: [] }
`;

/** How many messages matching `re` the fake was asked to send to each chat. */
function sentPerChat(fake: FakeTelegram, re: RegExp): Map<string, number> {
  const perChat = new Map<string, number>();
  for (const c of fake.callsOf('sendMessage')) {
    if (!re.test(String(c.payload.text))) continue;
    const chat = String(c.payload.chat_id);
    perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
  }
  return perChat;
}

/** Waits for a question and answers it the moment it arrives. */
async function step(u: SimulatedUser, question: RegExp, answer: (m: Message) => void): Promise<void> {
  answer(await u.waitFor(question, { timeoutMs: 15_000 }));
}

describe('two webhook instances behind a round-robin proxy, one PostgreSQL and one Redis', () => {
  let fake: FakeTelegram;
  let db: EmptyTestDatabase;
  let proxy: RoundRobinProxy;
  const apps: App[] = [];
  const prefix = `test:${randomBytes(4).toString('hex')}:`;
  const officerId = 9400001;
  const members: SimulatedUser[] = [];

  beforeAll(async () => {
    // Telegram is 300 ms away (round trip): the member sees a question 150 ms before the bot's
    // sendMessage returns, and the instances answer a webhook call after 50 ms at most
    // (WEBHOOK_ACK_MS): the member's next answer may reach the other instance while the first is
    // still finishing the update that asked the question.
    fake = await FakeTelegram.start({ roundTripMs: 300 });
    db = await createEmptyTestDatabase();
    proxy = await startRoundRobinProxy();
    const env = {
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      BOT_MODE: 'webhook',
      WEBHOOK_URL: `${proxy.url}/telegram`,
      WEBHOOK_SECRET: `two-instances-${randomBytes(4).toString('hex')}`,
      PORT: '0',
      METRICS_PORT: 'off',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      BROADCAST_RATE: '1000',
      WEBHOOK_ACK_MS: '50',
    };
    const parsed = parseConfig(env);
    if (!parsed.ok) throw new Error(parsed.message);
    // One after the other: the first applies the migrations.
    for (let i = 0; i < 2; i++) {
      const app = await createApp(parsed.config, { logger: pino({ level: env.LOG_LEVEL }), now: () => clock });
      await app.start();
      apps.push(app);
    }
    proxy.setTargets(apps.map((a) => `http://127.0.0.1:${a.port}`));
    await seedUnits(apps[0]!, UNITS);
    const officer = fake.user({ id: officerId, firstName: 'Hạnh' });
    const m = await apps[0]!.services.members.touch({ channel: 'TELEGRAM', externalId: String(officer.id), firstName: officer.firstName });
    await apps[0]!.services.members.setUnit(m.id, (await apps[0]!.services.units.byCode('BENTRE'))!.id);
    await apps[0]!.services.members.setName(m.id, 'Lê Thị Hạnh');
    await apps[0]!.services.members.setRole(m.id, 'OFFICER');
  }, 60_000);

  afterAll(async () => {
    for (const app of apps) await app.stop();
    await proxy?.close();
    await fake?.close();
    await db?.drop();
    await deleteRedisPrefix(prefix);
  });

  it(`onboards ${MEMBERS} members who answer every question the moment it arrives`, async () => {
    const dongKhoi = (await apps[0]!.services.units.byCode('DONGKHOI'))!;
    await Promise.all(
      Array.from({ length: MEMBERS }, async (_, i) => {
        const u = fake.user({ firstName: `Tên${i}`, lastName: 'Nguyễn' });
        members.push(u);
        if (i % 2 === 0) {
          // The picker: search without diacritics, pick a result, type the name.
          u.start();
          await step(u, /Đồng chí thuộc đơn vị nào/, () => u.send('dong khoi'));
          await step(u, /Kết quả tìm “dong khoi”/, () => u.press('Xã Đồng Khởi'));
          await step(u, /họ và tên đầy đủ/, () => u.send(`Trần Văn Số ${i}`));
        } else {
          // The invite link, then the one-tap Telegram name.
          u.start(`u_${dongKhoi.inviteCode}`);
          await step(u, /họ và tên đầy đủ/, () => u.press(`Dùng tên “Tên${i} Nguyễn”`));
        }
        await u.waitFor(/Cảm ơn đồng chí/, { timeoutMs: 15_000 });
      }),
    );

    // Both instances took answers, and nobody was told they had not joined.
    expect(proxy.counts.every((n) => n > 0)).toBe(true);
    for (const u of members) expect(u.messages.map((m) => m.text ?? '').join('\n')).not.toMatch(/chưa chọn đơn vị|chưa hiểu/);
    const rows = await apps[0]!.services.prisma.member.findMany({ where: { identities: { some: { channel: 'TELEGRAM', externalId: { in: members.map((u) => String(u.id)) } } } } });
    expect(rows).toHaveLength(MEMBERS);
    expect(rows.every((r) => r.unitId === dongKhoi.id && r.fullName)).toBe(true);
  }, 60_000);

  it('sends the launch announcement to each member once, whichever instance dispatches it', async () => {
    const officer = fake.user({ id: officerId, firstName: 'Hạnh' });
    officer.sendDocument({ fileName: 'hai-may.yaml', mimeType: 'application/x-yaml', content: Buffer.from(CAMPAIGN) });
    await officer.waitFor(/Dự thảo · mã hai-may/, { timeoutMs: 15_000 });
    officer.press('🚀 Phát động');
    await officer.waitFor(/Sẽ gửi tới \d+ người nhận/, { timeoutMs: 15_000 });
    officer.press('✔ Xác nhận phát động');
    await officer.waitFor(new RegExp(`Đã gửi xong: ${MEMBERS + 1}/${MEMBERS + 1} người nhận`), { timeoutMs: 30_000 });
    const announced = sentPerChat(fake, /Thi đua hai máy chủ/);
    for (const u of members) expect(announced.get(String(u.id)), u.firstName).toBe(1);
  }, 60_000);

  it('sends each member one reminder when both instances plan and dispatch at once', async () => {
    clock = localDate(2025, 6, 16, 17, 5);
    await Promise.all(apps.map((a) => a.scheduler!.tick()));
    await Promise.all(apps.map((a) => a.scheduler!.tick()));
    await Promise.all(members.map((u) => u.waitFor(/Nhắc hạn/, { timeoutMs: 20_000 })));
    // Give a duplicate every chance to show up.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const reminded = sentPerChat(fake, /Nhắc hạn/);
    for (const u of members) expect(reminded.get(String(u.id)), u.firstName).toBe(1);
  }, 60_000);

  it('registers and reports for members answering instantly, whichever instance takes each answer', async () => {
    const some = members.slice(0, 10);
    await Promise.all(
      some.map(async (u) => {
        u.send('/register');
        await step(u, /Chọn danh hiệu/, () => u.press('Lao động tiên tiến'));
        await step(u, /Nội dung thi đua 1\/1/, () => u.send('5'));
        await step(u, /Đăng ký thi đua — /, () => u.press('✔ Xác nhận'));
        await u.waitFor(/Đã ghi nhận đăng ký/, { timeoutMs: 15_000 });
        u.send('/report');
        await step(u, /Chọn nội dung cần báo cáo/, () => u.press('1. Công trình chào mừng'));
        await step(u, /Tổng kết quả đạt được/, () => u.send('3'));
        await step(u, /Ghi chú thêm/, () => u.send('Xong trước hạn'));
        await step(u, /Gửi ảnh hoặc tệp minh chứng/, () => u.sendPhoto());
        await step(u, /Đã nhận 1 tệp minh chứng/, () => u.send('xong'));
        await step(u, /Báo cáo tiến độ — /, () => u.press('✔ Xác nhận'));
        await u.waitFor(/Đã ghi nhận báo cáo/, { timeoutMs: 15_000 });
      }),
    );
    const ids = (await apps[0]!.services.prisma.member.findMany({ where: { identities: { some: { channel: 'TELEGRAM', externalId: { in: some.map((u) => String(u.id)) } } } } })).map((m) => m.id);
    expect(await apps[0]!.services.prisma.registration.count({ where: { memberId: { in: ids } } })).toBe(some.length);
    expect(await apps[0]!.services.prisma.progressReport.count({ where: { memberId: { in: ids } } })).toBe(some.length);
  }, 60_000);
});
