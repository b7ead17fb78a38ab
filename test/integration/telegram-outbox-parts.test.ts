/**
 * An outbox message with a file and a text too long for a caption goes to Telegram as two messages:
 * the file, then the text. When the text fails (a 502), the row is retried from the text: the member
 * never gets the file twice. Real PostgreSQL, the real dispatcher and Telegram sender, the fake Bot
 * API over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from 'grammy';
import { pino } from 'pino';
import { FakeTelegram } from '../support/fake-telegram.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createServices } from '../../src/services/index.js';
import { createI18n, translator } from '../../src/channels/telegram/i18n.js';
import { createMetrics } from '../../src/http/metrics.js';
import { telegramDelivery } from '../../src/channels/telegram/sender.js';
import { Dispatcher } from '../../src/jobs/dispatcher.js';
import { followUpMessage } from '../../src/messages/compose.js';
import { telegram } from '../support/identities.js';

let fake: FakeTelegram;
let tdb: TestDatabase;

beforeAll(async () => {
  fake = await FakeTelegram.start();
  tdb = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await fake?.close();
  await tdb?.drop();
});

describe('a Telegram message sent as a file and then its text', () => {
  it('after the text fails, the retry sends the text only, not the file again', async () => {
    const services = createServices(tdb.db.prisma, { adminIds: [], defaultLocale: 'vi' });
    const user = fake.user({ firstName: 'Lan' });
    const member = await tdb.db.prisma.member.create({ data: { identities: telegram(BigInt(user.id)), fullName: 'Lan' } });
    const stored = await services.evidenceFiles.save({ channel: 'ZALO', mimeType: 'application/pdf', content: Buffer.from('%PDF-1.4 kế hoạch') });
    // Longer than a caption (1,024 characters): the file goes first, the text after it.
    const text = `Kế hoạch tổ chức. ${'Nội dung chi tiết của kế hoạch. '.repeat(50)}`;
    const message = { ...followUpMessage({ code: 'kh', title: 'Kế hoạch' }, text), attachment: { kind: 'document' as const, fileId: stored, fileName: 'ke-hoach.pdf', mimeType: 'application/pdf' } };
    const row = await tdb.db.prisma.delivery.create({
      data: { channel: 'TELEGRAM', chatId: String(user.id), memberId: member.id, dedupeKey: 'file-then-text', payload: message as never },
    });
    let clock = Date.now();
    const api = new Api(fake.token, { apiRoot: fake.apiRoot });
    const d = new Dispatcher({
      prisma: tdb.db.prisma,
      ...telegramDelivery(api, translator(createI18n('vi')), { evidence: services.evidenceFiles }),
      logger: pino({ level: 'silent' }),
      metrics: createMetrics(),
      now: () => new Date(clock),
      rate: 200,
      intervalMs: 20,
    });
    fake.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    await d.drain();
    expect(fake.callsOf('sendDocument')).toHaveLength(1);
    expect(await tdb.db.prisma.delivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'PENDING', partsSent: 1 });

    clock += 400_000;
    await d.drain();
    expect(fake.callsOf('sendDocument')).toHaveLength(1);
    const texts = user.messages.filter((m) => (m.text ?? '').includes('Kế hoạch tổ chức'));
    expect(texts).toHaveLength(1);
    expect(user.messages.filter((m) => m.document)).toHaveLength(1);
    expect(await tdb.db.prisma.delivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'SENT' });
    await d.stop();
  }, 30_000);
});
