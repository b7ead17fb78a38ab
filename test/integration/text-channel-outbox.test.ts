/**
 * The outbox rows the services write — a launch announcement, a deadline reminder, an officer's
 * digest and a returned-registration notice — delivered through a text-only channel (what Zalo
 * will be): plain text, at most 2,000 characters a part, actions as numbered lines saying what to
 * send, each in its recipient's language as it is at send time. The channel cannot edit, so the
 * officer who launched sees a few milestone messages instead of one message edited in place.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createServices, type Services } from '../../src/services/index.js';
import { queueRegistrationDigests } from '../../src/services/registrations.js';
import { Dispatcher } from '../../src/jobs/dispatcher.js';
import { localDate } from '../../src/domain/dates.js';
import type { Member } from '../../src/generated/prisma/client.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { draft, launchedCampaign, registration } from '../support/reminder-fixtures.js';
import { TextChannelSender, type TextSent } from '../support/text-channel.js';

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
const D = 1440;

describe('outbox rows on a text-only channel (PostgreSQL)', () => {
  let t: TestDatabase;
  let s: Services;
  let clock = localDate(2026, 3, 2, 17);
  let officer: Member;
  let lan: Member;
  let john: Member;
  const sender = new TextChannelSender();
  let launchId: number;
  let returnedId: number;

  /** Everyone here is reached on the text channel only: their Zalo user id is `zalo-<n>`. */
  const zaloId = new Map<number, string>();
  const to = (m: Member): TextSent[] => sender.sent.filter((x) => x.chatId === zaloId.get(m.id));
  const text = (x: TextSent) => x.parts.join('\n');

  beforeAll(async () => {
    t = await createTestDatabase();
    s = createServices(t.db.prisma, { adminIds: [], defaultLocale: 'vi', now: () => clock });
    await s.units.importUnits(
      [
        { code: 'BENTRE', name: 'UBND tỉnh Bến Tre', line: 2 },
        { code: 'GIONGTROM', name: 'Huyện Giồng Trôm', parent: 'BENTRE', line: 3 },
        { code: 'DONGKHOI', name: 'Xã Đồng Khởi', parent: 'GIONGTROM', line: 4 },
      ],
      [],
    );
    const unit = async (code: string) => (await s.units.byCode(code))!.id;
    const mk = async (id: number, unitCode: string, name: string) => {
      const m = await s.members.touch({ channel: 'ZALO', externalId: `zalo-${id}`, firstName: name, languageCode: 'vi' });
      zaloId.set(m.id, `zalo-${id}`);
      await s.members.setUnit(m.id, await unit(unitCode));
      return s.members.setName(m.id, name);
    };
    officer = await s.members.setRole((await mk(100, 'GIONGTROM', 'Trần Thị Hoa')).id, 'OFFICER');
    lan = await mk(200, 'DONGKHOI', 'Nguyễn Thị Lan');
    john = await mk(201, 'DONGKHOI', 'John <Smith>');

    // A launch through the use case: the announcement of a long example campaign.
    const file = example('dong-khoi-moi-2020-2025.yaml').replace('code: dong-khoi-moi', 'code: dong-khoi-gt');
    const imported = await s.campaigns.importFile({ text: file, format: 'yaml', actor: { id: officer.id } });
    if (!imported.ok) throw new Error(JSON.stringify(imported));
    const launched = await s.campaigns.launch({ campaignId: imported.campaign.id, actor: { id: officer.id }, progressChatId: zaloId.get(officer.id)! });
    if (!launched.ok) throw new Error(JSON.stringify(launched));
    launchId = launched.broadcastId;
    // A follow-up longer than one text message: three paragraphs of ~900 characters.
    const paragraph = (n: number) => `Đoạn ${n}: ${'thi đua yêu nước, '.repeat(50)}hết đoạn ${n}.`;
    const followUp = await s.campaigns.announce({
      campaignId: imported.campaign.id,
      actor: { id: officer.id },
      text: [1, 2, 3].map(paragraph).join('\n\n'),
      progressChatId: null,
      nonce: 'long',
    });
    expect(followUp.ok).toBe(true);

    // A reminder two days before a registration deadline.
    const gtrom = await unit('GIONGTROM');
    const period = { units: ['GIONGTROM'], startsAt: localDate(2026, 3, 1), endsAt: localDate(2026, 12, 31) };
    const c = await launchedCampaign(s, draft('dai-hoi', 'Đại hội <Đảng> & nhân dân', [{ kind: 'REGISTRATION', dueAt: localDate(2026, 3, 4, 17), remindOffsets: [2 * D] }], period), gtrom, clock);
    expect(await s.reminders.plan(clock, null)).toBe(3);
    expect((await s.reminders.queueDue(clock)).deliveries).toBe(3);

    // Lan's registration: digested for the officer, then returned with a reason.
    const reg = await registration(s.prisma, c.id, lan.id);
    returnedId = reg.id;
    expect(await queueRegistrationDigests(s, clock)).toBe(1);
    const decided = await s.registrations.decide({ registrationId: reg.id, actor: { id: officer.id }, decision: 'RETURN', reason: 'Thiếu <minh chứng> & số liệu' });
    expect(decided.ok).toBe(true);

    // John switches to English after everything was queued, before anything is sent.
    await s.members.setLocale(john.id, 'en');

    expect(await s.prisma.delivery.count({ where: { channel: { not: 'ZALO' } } })).toBe(0);
    // One row per cycle, so the officer's broadcast is seen starting, half way and done.
    const dispatcher = new Dispatcher({ prisma: s.prisma, senders: [sender], logger, now: () => clock, rate: 500, intervalMs: 20, batchSize: 1 });
    while ((await dispatcher.runOnce()) > 0);
    await dispatcher.drain();
  }, 120_000);
  afterAll(() => t?.drop());

  it('sends every row as plain text in parts of at most 2,000 characters', () => {
    expect(sender.sent.length).toBeGreaterThanOrEqual(8);
    for (const x of sender.sent) {
      for (const part of x.parts) {
        expect(part.length).toBeLessThanOrEqual(2000);
        expect(part).not.toMatch(/<\/?(b|i|a|code)>|&lt;|&gt;|&amp;/);
      }
    }
    // The long follow-up needed more than one part, cut between paragraphs; nothing was lost.
    const followUp = to(lan).find((x) => x.parts[0]!.startsWith('📢'))!;
    expect(followUp.parts.length).toBe(2);
    expect(followUp.parts[1]).toMatch(/^Đoạn 3: /);
    for (const n of [1, 2, 3]) expect(text(followUp)).toContain(`hết đoạn ${n}.`);
    expect(followUp.parts[1]).toMatch(/\n1\. 📋 Xem phong trào — Gửi: đăng ký dong-khoi-gt$/);
  });

  it('says the launch, the reminder and the notice in Vietnamese to Lan, with numbered actions to send', () => {
    const all = to(lan).map(text);
    const launch = all.find((x) => x.startsWith('📣'))!;
    expect(launch).toMatch(/\n1\. 📝 Đăng ký thi đua — Gửi: đăng ký dong-khoi-gt$/);
    const reminder = all.find((x) => x.includes('Nhắc hạn thi đua'))!;
    expect(reminder).toContain('Đại hội <Đảng> & nhân dân');
    expect(reminder).toContain('17:00 04/03/2026 (còn 2 ngày)');
    expect(reminder).toMatch(/\n1\. 📝 Đăng ký: Đại hội <Đảng> & nhân dân — Gửi: đăng ký dai-hoi$/);
    const notice = all.find((x) => x.startsWith('↩'))!;
    expect(notice).toContain('Trần Thị Hoa');
    expect(notice).toContain('Thiếu <minh chứng> & số liệu');
  });

  it('speaks English to John, who switched after the rows were queued', () => {
    const all = to(john).map((x) => ({ locale: x.locale, text: text(x) }));
    expect(all.map((x) => x.locale)).toEqual(['en', 'en', 'en']);
    const launch = all.find((x) => x.text.startsWith('📣'))!.text;
    expect(launch).toMatch(/\n1\. 📝 Register — Send: register dong-khoi-gt$/);
    const reminder = all.find((x) => x.text.includes('Deadline reminder'))!.text;
    expect(reminder).toContain('17:00 04/03/2026');
    expect(reminder).toMatch(/\n1\. 📝 Register: Đại hội <Đảng> & nhân dân — Send: register dai-hoi$/);
    expect(launch).not.toContain('Gửi:');
  });

  it("gives the officer the digest with an approve and a return line per registration", () => {
    const digest = to(officer).map(text).find((x) => x.includes('Đăng ký mới'))!;
    expect(digest).toContain(`#${returnedId} Nguyễn Thị Lan (Xã Đồng Khởi)`);
    expect(digest).toContain(`1. ✔ Duyệt #${returnedId} — Gửi: duyệt ${returnedId}`);
    expect(digest).toContain(`2. ↩ Trả lại #${returnedId} — Gửi: trả lại ${returnedId}`);
  });

  it('shows the officer the launch as three milestone messages, never an edit: started, half way, the summary', () => {
    const progress = to(officer).map(text).filter((x) => /Đang gửi thông báo|Đã gửi xong/.test(x));
    expect(sender.edits).toBe(0);
    expect(progress).toHaveLength(3);
    expect(progress[0]).toMatch(/Đang gửi thông báo: 1\/3 người nhận/);
    expect(progress[0]).toContain(`1. ⏹ Dừng gửi — Gửi: dừng gửi ${launchId}`);
    expect(progress[1]).toMatch(/Đang gửi thông báo: 2\/3 người nhận/);
    expect(progress[2]).toMatch(/Đã gửi xong: 3\/3 người nhận/);
    expect(progress[2]).not.toContain('Gửi:');
  });
});
