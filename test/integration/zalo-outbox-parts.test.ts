/**
 * A long outbox message on Zalo goes out as parts of at most 2,000 characters. When a part fails
 * (a 500, a 429), the row is retried later from that part: the member never reads a part twice.
 * Real PostgreSQL, the real dispatcher and Zalo sender, the fake Zalo Bot API over HTTP.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeZalo, type ZaloUser } from '../support/fake-zalo.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { ZaloApi } from '../../src/channels/zalo/api.js';
import { ZaloSender } from '../../src/channels/zalo/sender.js';
import { zaloChannelSender } from '../../src/channels/zalo/channel-sender.js';
import { createI18n, translator } from '../../src/channels/telegram/i18n.js';
import { Dispatcher } from '../../src/jobs/dispatcher.js';
import { createMetrics } from '../../src/http/metrics.js';

const logger = pino({ level: 'silent' });
let zalo: FakeZalo;
let tdb: TestDatabase;

beforeAll(async () => {
  zalo = await FakeZalo.start({ maxPollMs: 200 });
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await zalo?.close();
  await tdb?.drop();
});

/** Three paragraphs of ~1,500 characters: three parts on Zalo. */
function longText(tag: string): string {
  return ['A', 'B', 'C'].map((p) => `${tag}-${p} ${'chữ '.repeat(370)}`.trim()).join('\n\n');
}

describe('a multi-part Zalo message whose part 2 fails', () => {
  // A 500 backs the row off (retried later); a 429 pauses sending for its hint and the row is
  // retried as soon as the pause ends, within the same drain.
  for (const [name, fault, firstDrain] of [
    ['500', { error_code: 500, description: 'Internal Server Error' }, ['A']],
    ['429', { error_code: 429, description: 'Quota exceeded', parameters: { retry_after: 1 } }, ['A', 'B', 'C']],
  ] as const) {
    it(`after a ${name} on part 2, the retry sends parts 2 and 3 only`, async () => {
      const user: ZaloUser = zalo.user(`Người nhận ${name}`);
      const member = await tdb.db.prisma.member.create({ data: { fullName: `Nhận ${name}`, identities: { create: { channel: 'ZALO', externalId: user.id } } } });
      const text = longText(`m${name}`);
      const row = await tdb.db.prisma.delivery.create({
        data: { channel: 'ZALO', chatId: user.id, memberId: member.id, dedupeKey: `parts:${name}`, payload: { text } },
      });
      let clock = Date.now();
      const now = () => new Date(clock);
      // One try per part inside the sender: the failure reaches the dispatcher, which retries the row later.
      const sender = new ZaloSender({ api: new ZaloApi({ token: zalo.token, apiRoot: zalo.apiRoot }), rate: 200, attempts: 1, transientDelayMs: 1 });
      const d = new Dispatcher({ prisma: tdb.db.prisma, senders: [zaloChannelSender(sender, translator(createI18n('vi')))], logger, metrics: createMetrics(), now, rate: 200, intervalMs: 20 });
      zalo.failNext('sendMessage', fault, 1, { after: 1 });
      await d.drain();
      // Part 1 arrived once; the failed part 2 is tried again, never part 1.
      expect(zalo.textsTo(user.id).map((t) => t.split(' ')[0])).toEqual(firstDrain.map((p) => `m${name}-${p}`));
      if (firstDrain.length === 1) {
        const waiting = await tdb.db.prisma.delivery.findUniqueOrThrow({ where: { id: row.id } });
        expect(waiting).toMatchObject({ status: 'PENDING', partsSent: 1 });
      }

      clock += 400_000;
      await d.drain();
      const texts = zalo.textsTo(user.id);
      expect(texts.map((t) => t.split(' ')[0])).toEqual([`m${name}-A`, `m${name}-B`, `m${name}-C`]);
      expect(texts.every((t) => t.length <= 2000)).toBe(true);
      expect(texts.join('\n\n').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
      const done = await tdb.db.prisma.delivery.findUniqueOrThrow({ where: { id: row.id } });
      expect(done).toMatchObject({ status: 'SENT', partsSent: 1 });
      await d.stop();
    }, 30_000);
  }
});
