import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FakeTelegram } from '../support/fake-telegram.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createServices } from '../../src/services/index.js';
import { membersWithTelegram } from '../support/identities.js';

const CHILD = fileURLToPath(new URL('../support/dispatcher-child.ts', import.meta.url));
/** Sends the child keeps in flight at once: the most a crash may repeat. */
const CONCURRENCY = 4;
const RECIPIENTS = 300;

function startChild(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited };
}

describe('dispatcher crash (SIGKILL) and restart', () => {
  let fake: FakeTelegram;
  let tdb: TestDatabase;
  beforeAll(async () => {
    fake = await FakeTelegram.start();
    tdb = await createTestDatabase();
  });
  afterAll(async () => {
    await fake.close();
    await tdb.drop();
  });

  it('delivers to every one of 300 recipients after being killed halfway, repeating at most the sends in flight', async () => {
    const users = Array.from({ length: RECIPIENTS }, (_, i) => fake.user({ firstName: `Crash${i}` }));
    const members = await membersWithTelegram(tdb.db.prisma, users.map((u) => ({ telegramId: u.id, fullName: u.firstName })));
    const services = createServices(tdb.db.prisma, { adminIds: [], defaultLocale: 'vi' });
    await services.broadcasts.start({
      kind: 'LAUNCH',
      items: members.map((m) => ({
        chatId: m.telegramId,
        memberId: m.id,
        dedupeKey: `crash:${m.id}`,
        message: { text: 'Phát động thi đua (crash test)' },
      })),
    });
    // The default batch size (≈ 2 s of sending): outcomes must not wait for a batch to end.
    // 60 msg/s: the broadcast takes 5 s, so a test process starved for a while on a loaded machine
    // still sees it halfway and kills it there (at 150 msg/s it sometimes found it already finished).
    const env = { DATABASE_URL: tdb.url, TELEGRAM_API_ROOT: fake.apiRoot, BOT_TOKEN: fake.token, CONCURRENCY: String(CONCURRENCY), LEASE_MS: '2000', RATE: '60' };
    const sends = () => fake.callsOf('sendMessage').length;

    const first = startChild(env);
    while (sends() < RECIPIENTS / 2) {
      if (first.child.exitCode !== null) throw new Error('the dispatcher finished before it could be killed');
      await new Promise((r) => setTimeout(r, 2));
    }
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = sends();
    expect(atKill).toBeLessThan(RECIPIENTS);
    const orphaned = await tdb.db.prisma.delivery.count({ where: { status: 'SENDING' } });
    expect(orphaned).toBeGreaterThan(0); // the batch in flight was left claimed

    const second = startChild(env);
    expect(await second.exited).toBe(0);

    const counts = users.map((u) => u.messages.filter((m) => m.text?.includes('crash test')).length);
    expect(counts.filter((c) => c === 0)).toEqual([]); // nobody missed the launch
    const duplicates = counts.reduce((sum, c) => sum + (c - 1), 0);
    // Only a send whose answer had not yet been recorded can be repeated: at most one per sender.
    expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
    const statuses = await tdb.db.prisma.delivery.groupBy({ by: ['status'], _count: { _all: true } });
    expect(statuses.map((s) => [s.status, s._count._all])).toEqual([['SENT', RECIPIENTS]]);
    console.info(`crash test: killed after ${atKill} sends, ${orphaned} rows orphaned, ${duplicates} duplicates`);
    // Two cold starts of a child under tsx and a 5 s broadcast: generous for a loaded machine.
  }, 90_000);
});
