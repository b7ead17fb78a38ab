/**
 * One person, two channels (issue 10), against a real PostgreSQL and Redis, through the
 * channel-neutral flows as a text-only channel shows them: /link on Telegram gives a code, "LINK
 * <code>" from Zalo merges the fresh Zalo member into the Telegram one after a confirmation; the
 * merged member then gets each launch and reminder once, on the channel used last or chosen in
 * /settings. Refusals — wrong, expired, own and locked codes, two accounts on one channel,
 * registrations for the same campaign — are told politely and audited.
 */
import { launchFileFor } from '../support/launch.js';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Api } from 'grammy';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../support/fake-telegram.js';
import type { SimulatedUser } from '../support/simulated-user.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../support/app-harness.js';
import { renderVi, shown, TextChannelSender } from '../support/text-channel.js';
import { draft, launchedCampaign } from '../support/reminder-fixtures.js';
import { createServices, type Services } from '../../src/services/index.js';
import { Conversations, type FlowEnv } from '../../src/flows/conversations.js';
import { createFlows } from '../../src/flows/index.js';
import { LINK_FLOW, parseLinkCommand, type LinkArgs } from '../../src/flows/link.js';
import { SETTINGS_FLOW } from '../../src/flows/settings.js';
import { RedisFlowStore } from '../../src/flows/store.js';
import { createI18n, translator } from '../../src/channels/telegram/i18n.js';
import { telegramDelivery } from '../../src/channels/telegram/sender.js';
import { Dispatcher } from '../../src/jobs/dispatcher.js';
import { formatDateTime } from '../../src/domain/dates.js';
import type { Channel, Member } from '../../src/generated/prisma/client.js';

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const example = readFileSync(new URL('../../examples/dong-khoi-moi-2020-2025.yaml', import.meta.url), 'utf8');
const MINUTE = 60_000;

/** Telegram messages carrying the launch of campaign `code` (its Register button opens `c_<code>`). */
const launchOf = (user: SimulatedUser, code: string) =>
  user.messages.filter((m) => m.reply_markup?.inline_keyboard.flat().some((b) => 'url' in b && b.url.endsWith(`?start=c_${code}`)));
/** Whether a Zalo text is the launch of campaign `code` (it says how to register: "Gửi: đăng ký <code>"). */
const launches = (parts: readonly string[], code: string) => parts.join('\n').endsWith(`Gửi: đăng ký ${code}`);

describe('linking a Telegram and a Zalo account into one member', () => {
  let fake: FakeTelegram;
  let t: TestDatabase;
  let s: Services;
  let redis: Redis;
  let conversations: Conversations;
  let dispatcher: Dispatcher;
  let zalo: TextChannelSender;
  let officer: Member;
  let dongKhoi: number;
  let lanUser: SimulatedUser;
  let lan: Member;
  let clock = new Date('2026-11-20T03:00:00Z');
  const prefix = `thidua-test-link-${randomBytes(4).toString('hex')}:`;

  const env = (memberId: number): FlowEnv => ({ memberId, now: clock, label: renderVi });
  const start = async (memberId: number, flow: string, args: unknown) => shown(await conversations.start(`m${memberId}`, flow, args, env(memberId)));
  const answer = async (memberId: number, text: string) => shown(await conversations.input(`m${memberId}`, { kind: 'text', text }, env(memberId)));
  /** What a member types on a channel to link: "/link" or "LINK 123456", read as the Zalo handler reads it. */
  const link = (memberId: number, channel: Channel, typed: string) => start(memberId, LINK_FLOW, { channel, ...parseLinkCommand(typed)! } satisfies LinkArgs);
  const codeIn = (text: string) => /Mã liên kết của đồng chí: (\d{6})/.exec(text)![1]!;
  const tick = (ms = MINUTE) => (clock = new Date(clock.getTime() + ms));

  /** A person joined on one channel (name and unit), as onboarding leaves them. */
  async function joined(channel: Channel, externalId: string, name: string, unitId = dongKhoi): Promise<Member> {
    const m = await s.members.touch({ channel, externalId, firstName: name });
    await s.members.setUnit(m.id, unitId);
    return s.members.setName(m.id, name);
  }
  const refusals = (actorId: number) =>
    t.db.prisma.auditLog.findMany({ where: { action: 'member.link', outcome: 'REFUSED', actorId }, orderBy: { id: 'asc' } }).then((rows) => rows.map((r) => (r.details as { reason: string }).reason));

  const launch = (code: string) => launchFileFor(s, t.db.prisma, { text: example, officer, code, memberId: lan.id });

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    t = await createTestDatabase();
    s = createServices(t.db.prisma, { adminIds: [], defaultLocale: 'vi', now: () => clock });
    const imported = await s.units.importUnits(
      [
        { code: 'GIONGTROM', name: 'Huyện Giồng Trôm', line: 2 },
        { code: 'DONGKHOI', name: 'Xã Đồng Khởi', parent: 'GIONGTROM', line: 3 },
      ],
      [],
    );
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    dongKhoi = (await s.units.byCode('DONGKHOI'))!.id;
    officer = await joined('TELEGRAM', String(fake.user({ firstName: 'Hoa' }).id), 'Trần Thị Hoa', (await s.units.byCode('GIONGTROM'))!.id);
    officer = await s.members.setRole(officer.id, 'OFFICER');
    lanUser = fake.user({ firstName: 'Lan' });
    lan = await joined('TELEGRAM', String(lanUser.id), 'Nguyễn Thị Lan');

    redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
    conversations = new Conversations(new RedisFlowStore(redis), createFlows(s));
    zalo = new TextChannelSender();
    const telegram = telegramDelivery(new Api(fake.token, { apiRoot: fake.apiRoot }), translator(createI18n('vi')));
    dispatcher = new Dispatcher({ prisma: t.db.prisma, senders: [...telegram.senders, zalo], logger, now: () => clock, rate: 200, intervalMs: 20 });
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await deleteRedisPrefix(prefix);
    await fake?.close();
    await t?.drop();
  });

  it('shows Lan a six-digit code on Telegram with what to send on Zalo, and opens no question', async () => {
    const text = await link(lan.id, 'TELEGRAM', '/link');
    expect(text).toMatch(/Mã liên kết của đồng chí: \d{6} \(dùng một lần, hiệu lực đến 10:10 20\/11\/2026\)/);
    expect(text).toContain(`Trên Zalo, gửi: LINK ${codeIn(text)}`);
    expect(await conversations.open(`m${lan.id}`)).toBeNull();
    // Asking again gives a new code; the first one stops working.
    const again = codeIn(await link(lan.id, 'TELEGRAM', '/link'));
    expect(await t.db.prisma.linkCode.findMany({ where: { memberId: lan.id } })).toMatchObject([{ code: again, channel: 'TELEGRAM' }]);
  });

  it('refuses the code on the channel it was made on', async () => {
    const code = codeIn(await link(lan.id, 'TELEGRAM', '/link'));
    expect(await link(lan.id, 'TELEGRAM', `/link ${code}`)).toContain('Mã này được tạo trên Telegram; đồng chí hãy gửi nó trên kênh còn lại');
    expect(await refusals(lan.id)).toEqual(['own_code']);
  });

  it('merges Lan’s fresh Zalo account into her Telegram one after she confirms, and audits it', async () => {
    const code = codeIn(await link(lan.id, 'TELEGRAM', '/link'));
    tick();
    const fresh = await s.members.touch({ channel: 'ZALO', externalId: 'zalo-lan', firstName: 'Lan' });
    expect(fresh.id).not.toBe(lan.id);
    const confirm = await link(fresh.id, 'ZALO', `LINK ${code.slice(0, 3)} ${code.slice(3)}`);
    expect(confirm).toContain('Gộp tài khoản Zalo này với tài khoản Telegram của Nguyễn Thị Lan (Xã Đồng Khởi)?');
    expect(confirm).toContain('Việc gộp không thể hoàn tác.');
    expect(confirm).toContain('1. 🔗 Gộp tài khoản');
    expect(await answer(fresh.id, '1')).toContain('Đã liên kết: Nguyễn Thị Lan dùng bot trên Telegram, Zalo như một người.');

    expect((await s.members.byIdentity('ZALO', 'zalo-lan'))?.id).toBe(lan.id);
    expect((await s.members.byIdentity('TELEGRAM', String(lanUser.id)))?.id).toBe(lan.id);
    expect(await s.members.byId(fresh.id)).toBeNull();
    expect(await conversations.open(`m${fresh.id}`)).toBeNull();
    const merged = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'member.link', outcome: 'OK' } });
    expect(merged).toMatchObject({ actorId: lan.id, target: `member:${lan.id}`, actorRef: 'zalo:zalo-lan' });
    expect(merged.details).toMatchObject({ mergedFrom: fresh.id, channels: ['TELEGRAM', 'ZALO'], codeChannel: 'TELEGRAM' });
    // Single use: the same code from another fresh Zalo account is a wrong code.
    const stranger = await s.members.touch({ channel: 'ZALO', externalId: 'zalo-stranger', firstName: 'X' });
    expect(await link(stranger.id, 'ZALO', `LINK ${code}`)).toContain('Mã liên kết không đúng.');
  });

  it('sends the merged member a launch once, on the channel used last, then on the one chosen in /settings (a reminder too), and on the other one when the chosen one is blocked', async () => {
    // Lan's last message was on Zalo (the link): the launch goes there, once.
    const first = await launch('dk-link-1');
    expect(first.map((d) => [d.channel, d.chatId])).toEqual([['ZALO', 'zalo-lan']]);
    await dispatcher.drain();
    expect(zalo.sent.filter((m) => launches(m.parts, 'dk-link-1'))).toMatchObject([{ chatId: 'zalo-lan' }]);
    expect(launchOf(lanUser, 'dk-link-1')).toHaveLength(0);

    // /settings now offers the channel (two identities) and Lan picks Telegram.
    const settings = await start(lan.id, SETTINGS_FLOW, {});
    expect(settings).toContain('Nhận tin nhắn của bot trên: kênh dùng gần nhất');
    expect(settings).toContain('2. 📨 Đổi kênh nhận tin');
    const ask = await answer(lan.id, '2');
    expect(ask).toContain('1. 🕘 Kênh dùng gần nhất');
    expect(ask).toContain('2. Telegram');
    expect(ask).toContain('3. Zalo');
    expect(await answer(lan.id, 'telegram')).toContain('Từ nay bot gửi thông báo và lời nhắc cho đồng chí trên Telegram.');

    tick();
    // Writing on Zalo again does not move messages away from the chosen channel.
    await s.members.touch({ channel: 'ZALO', externalId: 'zalo-lan', firstName: 'Lan' });
    const second = await launch('dk-link-2');
    expect(second.map((d) => [d.channel, d.chatId])).toEqual([['TELEGRAM', String(lanUser.id)]]);
    await dispatcher.drain();
    expect(launchOf(lanUser, 'dk-link-2')).toHaveLength(1);
    expect(zalo.sent.filter((m) => launches(m.parts, 'dk-link-2'))).toHaveLength(0);

    // A deadline reminder: one row, on Telegram.
    const period = { units: ['DONGKHOI'], startsAt: clock, endsAt: new Date(clock.getTime() + 60 * 86_400_000) };
    const due = new Date(clock.getTime() + 3 * 86_400_000);
    const c = await launchedCampaign(s, draft('nhac-lan', 'Nhắc Lan', [{ kind: 'REGISTRATION', dueAt: due, remindOffsets: [2 * 1440] }], period), dongKhoi, clock);
    tick(86_400_000 + MINUTE);
    await s.reminders.plan(clock, null, c.id);
    await s.reminders.queueDue(clock);
    const reminded = await t.db.prisma.delivery.findMany({ where: { memberId: lan.id, dedupeKey: { startsWith: 'reminder:' } } });
    expect(reminded.map((d) => [d.channel, d.chatId])).toEqual([['TELEGRAM', String(lanUser.id)]]);

    // Lan blocks the bot on Telegram: the chosen channel cannot be reached, so the next launch goes to Zalo, once.
    const telegramIdentity = await t.db.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'TELEGRAM', externalId: String(lanUser.id) } } });
    await s.members.markUnreachable(telegramIdentity.id);
    const third = await launch('dk-link-3');
    expect(third.map((d) => [d.channel, d.chatId])).toEqual([['ZALO', 'zalo-lan']]);
  });

  it('refuses a wrong code, an expired code, and after five wrong codes refuses even the right one until ten minutes have passed', async () => {
    const binh = await joined('TELEGRAM', '7001', 'Lê Văn Bình');
    const binhZalo = await s.members.touch({ channel: 'ZALO', externalId: 'zalo-binh', firstName: 'Bình' });
    const expired = codeIn(await link(binh.id, 'TELEGRAM', '/link'));
    tick(10 * MINUTE);
    expect(await link(binhZalo.id, 'ZALO', `LINK ${expired}`)).toContain('Mã liên kết đã hết hạn (mỗi mã chỉ dùng được trong 10 phút).');
    expect(await link(binhZalo.id, 'ZALO', 'LINK 12345')).toContain('Mã liên kết gồm 6 chữ số');

    const code = codeIn(await link(binh.id, 'TELEGRAM', '/link'));
    const wrong = (n: number) => String((Number(code) + n) % 1_000_000).padStart(6, '0');
    const lockStarts = new Date(clock);
    for (let i = 1; i <= 5; i++) {
      expect(await link(binhZalo.id, 'ZALO', `LINK ${wrong(i)}`)).toContain('Mã liên kết không đúng.');
      tick(30_000);
    }
    // The right code now is refused too, politely, with when to try again (10 min after the first wrong try).
    const locked = await link(binhZalo.id, 'ZALO', `LINK ${code}`);
    const until = formatDateTime(new Date(lockStarts.getTime() + 10 * MINUTE));
    expect(locked).toContain(`Đồng chí đã nhập sai mã liên kết nhiều lần. Để bảo vệ tài khoản, xin đồng chí thử lại sau ${until}.`);
    expect(await s.members.byId(binhZalo.id)).not.toBeNull();
    expect(await refusals(binhZalo.id)).toEqual(['expired', 'wrong_code', 'wrong_code', 'wrong_code', 'wrong_code', 'wrong_code', 'locked']);

    // Ten minutes after the first wrong try, a fresh code works again.
    clock = new Date(lockStarts.getTime() + 10 * MINUTE);
    const fresh = codeIn(await link(binh.id, 'TELEGRAM', '/link'));
    expect(await link(binhZalo.id, 'ZALO', `LINK ${fresh}`)).toContain('Gộp tài khoản Zalo này với tài khoản Telegram của Lê Văn Bình');
    expect(await answer(binhZalo.id, '1')).toContain('Đã liên kết');
    expect((await s.members.byIdentity('ZALO', 'zalo-binh'))?.id).toBe(binh.id);
  });

  it('refuses to link two accounts that are both on Telegram', async () => {
    const tu = await joined('TELEGRAM', '7101', 'Đỗ Văn Tú');
    // Another Telegram account: linking it to Tú's would give one member two Telegram accounts.
    const second = await s.members.touch({ channel: 'TELEGRAM', externalId: '7102', firstName: 'Tú' });
    const code = codeIn(await link(tu.id, 'TELEGRAM', '/link'));
    expect(await link(second.id, 'TELEGRAM', `/link ${code}`)).toContain('Không liên kết được: cả hai tài khoản đều đã có trên cùng một kênh.');
    expect(await refusals(second.id)).toEqual(['same_channel']);
    expect((await s.members.byIdentity('TELEGRAM', '7102'))?.id).toBe(second.id);
  });

  it('asks which registration to keep when both accounts registered for a campaign, keeps that one, and refuses a merge without the answer', async () => {
    const period = { units: ['DONGKHOI'], startsAt: clock, endsAt: new Date(clock.getTime() + 60 * 86_400_000) };
    const due = new Date(clock.getTime() + 20 * 86_400_000);
    const c = await launchedCampaign(s, draft('hai-tai-khoan', 'Thi đua hai tài khoản', [{ kind: 'REGISTRATION', dueAt: due, remindOffsets: [1440] }], period), dongKhoi, clock);
    // Minh used the bot on both channels before linking: two members, both registered, both planned a reminder.
    const minh = await joined('TELEGRAM', '7201', 'Phạm Văn Minh');
    const minhZalo = await joined('ZALO', 'zalo-minh', 'Phạm Văn Minh');
    await t.db.prisma.registration.create({ data: { campaignId: c.id, memberId: minh.id, scope: 'INDIVIDUAL', titleCode: 'LDTT', status: 'APPROVED' } });
    const kept = await t.db.prisma.registration.create({ data: { campaignId: c.id, memberId: minhZalo.id, scope: 'INDIVIDUAL', titleCode: 'CSTDCS', status: 'SUBMITTED' } });
    const criterion = await t.db.prisma.criterion.create({ data: { campaignId: c.id, code: 'A', title: 'A' } });
    await t.db.prisma.progressReport.create({ data: { campaignId: c.id, criterionId: criterion.id, memberId: minhZalo.id, valueText: 'ảnh' } });
    await t.db.prisma.reminder.createMany({
      data: [minh.id, minhZalo.id].map((memberId) => ({ milestoneId: c.milestones[0]!.id, offsetMinutes: 1440, memberId, dueAt: new Date(due.getTime() - 86_400_000) })),
    });

    const code = codeIn(await link(minh.id, 'TELEGRAM', '/link'));
    const refused = await s.identityLinks.link({ actor: { id: minhZalo.id }, channel: 'ZALO', code, now: clock });
    expect(refused).toMatchObject({ ok: false, reason: 'conflict', conflicts: [{ campaignId: c.id }] });
    expect(await refusals(minhZalo.id)).toEqual(['conflict']);

    const question = await link(minhZalo.id, 'ZALO', `LINK ${code}`);
    expect(question).toContain('Cả hai tài khoản đều đã đăng ký thi đua “Thi đua hai tài khoản” (1/1):');
    expect(question).toContain('• Trên Telegram: Lao động tiên tiến — đã được duyệt');
    expect(question).toContain('• Trên Zalo: Chiến sĩ thi đua cơ sở — đã gửi, chờ duyệt');
    expect(question).toContain('1. Giữ bản trên Telegram\n2. Giữ bản trên Zalo');
    const confirm = await answer(minhZalo.id, '2');
    expect(confirm).toContain('• “Thi đua hai tài khoản”: giữ bản đăng ký trên Zalo');
    // Back returns to the question; the answer can change before the merge.
    expect(await answer(minhZalo.id, 'quay lại')).toContain('Giữ bản đăng ký nào?');
    expect(await answer(minhZalo.id, 'giu ban tren zalo')).toContain('giữ bản đăng ký trên Zalo');
    expect(await answer(minhZalo.id, '1')).toContain('Đã liên kết');

    const regs = await t.db.prisma.registration.findMany({ where: { campaignId: c.id } });
    expect(regs).toMatchObject([{ id: kept.id, memberId: minh.id, titleCode: 'CSTDCS' }]);
    expect(await t.db.prisma.progressReport.count({ where: { campaignId: c.id, memberId: minh.id } })).toBe(1);
    expect(await t.db.prisma.reminder.findMany({ where: { milestoneId: c.milestones[0]!.id } })).toMatchObject([{ memberId: minh.id }]);
    const merged = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'member.link', outcome: 'OK', target: `member:${minh.id}` } });
    expect(merged.details).toMatchObject({ mergedFrom: minhZalo.id, kept: [{ campaignId: c.id, side: 'redeemer' }] });
    // The audit log is never rewritten: Minh's REFUSED row stays under the Zalo member he was, and the
    // merge row's mergedFrom leads from that id to the one member he now is.
    expect(await refusals(minhZalo.id)).toEqual(['conflict']);
    expect(await t.db.prisma.member.findUnique({ where: { id: minhZalo.id } })).toBeNull();
  });
});
