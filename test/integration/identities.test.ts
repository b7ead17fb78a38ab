/**
 * Channel identities against a real PostgreSQL, the dispatcher and the fake Telegram: a member
 * reached on Telegram and on Zalo who blocks the bot on Telegram stays reachable on Zalo — the next
 * launch goes there, once — and writing to the bot on Telegram again brings Telegram back.
 */
import { launchFileFor } from '../support/launch.js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from 'grammy';
import { pino } from 'pino';
import { FakeTelegram } from '../support/fake-telegram.js';
import type { SimulatedUser } from '../support/simulated-user.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { telegramIdentity } from '../support/identities.js';
import { createServices, type Services } from '../../src/services/index.js';
import { createI18n, translator } from '../../src/channels/telegram/i18n.js';
import { telegramDelivery } from '../../src/channels/telegram/sender.js';
import { Dispatcher } from '../../src/jobs/dispatcher.js';
import type { Member } from '../../src/generated/prisma/client.js';
import { TextChannelSender } from '../support/text-channel.js';

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const example = readFileSync(new URL('../../examples/dong-khoi-moi-2020-2025.yaml', import.meta.url), 'utf8');

/** Telegram messages carrying the launch of campaign `code` (its Register button opens `c_<code>`). */
const launchOf = (user: SimulatedUser, code: string) =>
  user.messages.filter((m) => m.reply_markup?.inline_keyboard.flat().some((b) => 'url' in b && b.url.endsWith(`?start=c_${code}`)));

describe('a member with a Telegram and a Zalo identity', () => {
  let fake: FakeTelegram;
  let t: TestDatabase;
  let s: Services;
  let dispatcher: Dispatcher;
  /** Zalo's stand-in: renders rows as plain text in the recipient's language and records them. */
  let zalo: TextChannelSender;
  let officer: Member;
  let lanUser: SimulatedUser;
  let lan: Member;
  let clock = new Date('2026-11-20T03:00:00Z');

  /** Imports the example under a new code and launches it; returns the launch's rows for Lan. */
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
    const unit = async (code: string) => (await s.units.byCode(code))!.id;
    const officerUser = fake.user({ firstName: 'Hoa' });
    officer = await s.members.touch({ channel: 'TELEGRAM', externalId: String(officerUser.id), firstName: 'Hoa' });
    await s.members.setUnit(officer.id, await unit('GIONGTROM'));
    await s.members.setName(officer.id, 'Trần Thị Hoa');
    officer = await s.members.setRole(officer.id, 'OFFICER');

    // Lan wrote on Zalo yesterday and on Telegram today: Telegram is where messages go first.
    lanUser = fake.user({ firstName: 'Lan' });
    lan = await s.members.touch({ channel: 'TELEGRAM', externalId: String(lanUser.id), firstName: 'Lan' });
    await s.members.setUnit(lan.id, await unit('DONGKHOI'));
    lan = await s.members.setName(lan.id, 'Nguyễn Thị Lan');
    await t.db.prisma.channelIdentity.create({ data: { memberId: lan.id, channel: 'ZALO', externalId: 'zalo-lan', lastSeenAt: new Date(clock.getTime() - 86_400_000) } });

    zalo = new TextChannelSender();
    const telegram = telegramDelivery(new Api(fake.token, { apiRoot: fake.apiRoot }), translator(createI18n('vi')));
    dispatcher = new Dispatcher({
      prisma: t.db.prisma,
      senders: [...telegram.senders, zalo],
      logger,
      now: () => clock,
      rate: 200,
      intervalMs: 20,
    });
  }, 60_000);
  afterAll(async () => {
    await fake?.close();
    await t?.drop();
  });

  it('sends to the identity seen most recently: Telegram', async () => {
    const rows = await launch('dk-one');
    expect(rows.map((r) => [r.channel, r.chatId])).toEqual([['TELEGRAM', String(lanUser.id)]]);
    await dispatcher.drain();
    expect(launchOf(lanUser, 'dk-one')).toHaveLength(1);
    expect(zalo.sent).toEqual([]);
  });

  it('after a 403 on Telegram, marks only that identity unreachable and sends the next launch once, on Zalo', async () => {
    fake.blockBot(lanUser.id);
    clock = new Date(clock.getTime() + 60_000);
    const blocked = await launch('dk-two');
    expect(blocked.map((r) => r.channel)).toEqual(['TELEGRAM']);
    await dispatcher.drain();
    expect((await t.db.prisma.delivery.findUniqueOrThrow({ where: { id: blocked[0]!.id } })).status).toBe('UNREACHABLE');
    expect((await telegramIdentity(t.db.prisma, lanUser.id))?.reachable).toBe(false);
    const zaloIdentity = await t.db.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'ZALO', externalId: 'zalo-lan' } } });
    expect(zaloIdentity.reachable).toBe(true);

    clock = new Date(clock.getTime() + 60_000);
    const rows = await launch('dk-three');
    expect(rows.map((r) => [r.channel, r.chatId, r.identityId])).toEqual([['ZALO', 'zalo-lan', zaloIdentity.id]]);
    await dispatcher.drain();
    expect(zalo.sent.map((x) => [x.chatId, x.locale])).toEqual([['zalo-lan', 'vi']]);
    expect(zalo.sent[0]!.parts.join('\n')).toMatch(/Gửi: đăng ký dk-three$/);
    expect(launchOf(lanUser, 'dk-three')).toHaveLength(0);
  });

  it('makes the Telegram identity reachable again when Lan writes to the bot there, and sends there again', async () => {
    fake.unblockBot(lanUser.id);
    clock = new Date(clock.getTime() + 60_000);
    const again = await s.members.touch({ channel: 'TELEGRAM', externalId: String(lanUser.id), firstName: 'Lan' });
    expect(again.id).toBe(lan.id);
    expect((await telegramIdentity(t.db.prisma, lanUser.id))?.reachable).toBe(true);

    const rows = await launch('dk-four');
    expect(rows.map((r) => [r.channel, r.chatId])).toEqual([['TELEGRAM', String(lanUser.id)]]);
    await dispatcher.drain();
    expect(launchOf(lanUser, 'dk-four')).toHaveLength(1);
    expect(zalo.sent).toHaveLength(1);
  });
});
