import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { FakeTelegram } from '../support/fake-telegram.js';
import { createServices, type Services } from '../../src/services/index.js';
import { localDate } from '../../src/domain/dates.js';
import { draft, launchedCampaign, member } from '../support/reminder-fixtures.js';

function runInstance(env: Record<string, string>): Promise<{ deliveries: number; planned: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/reminder-instance.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`instance exited ${code}: ${err}`))));
  });
}

describe('two bot instances against one PostgreSQL database', () => {
  let tdb: TestDatabase;
  let fake: FakeTelegram;
  let s: Services;
  const N = 40;
  const now = localDate(2025, 9, 8, 9, 0);
  beforeAll(async () => {
    tdb = await createTestDatabase();
    fake = await FakeTelegram.start();
    s = createServices(tdb.db.prisma, { adminIds: [], defaultLocale: 'vi', now: () => now });
    await s.units.importUnits([{ code: 'XA', name: 'Xã Đồng Khởi', line: 2 }], []);
    const unitId = (await s.units.byCode('XA'))!.id;
    for (let i = 0; i < N; i++) await member(s.prisma, fake.user({ firstName: `M${i}` }).id, `Thành viên ${i}`, unitId);
    const period = { units: ['XA'], startsAt: localDate(2025, 9, 1), endsAt: localDate(2025, 12, 31) };
    await launchedCampaign(s, draft('hai-phien-ban', 'Hai phiên bản', [
      { kind: 'REGISTRATION', dueAt: localDate(2025, 9, 10, 9), remindOffsets: [2 * 1440] },
      { kind: 'CUSTOM', dueAt: localDate(2025, 9, 10, 9), remindOffsets: [2 * 1440] },
    ], period), unitId, localDate(2025, 9, 2));
  }, 30_000);
  afterAll(async () => {
    await fake?.close();
    await tdb?.drop();
  });

  it('plans and sends each member exactly one merged reminder when both instances tick at once', async () => {
    const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: tdb.url, LOG_LEVEL: 'silent', TEST_NOW: now.toISOString(), BROADCAST_RATE: '1000' };
    const [a, b] = await Promise.all([runInstance(env), runInstance(env)]);
    expect(a.deliveries + b.deliveries).toBe(N);
    const sent = fake.callsOf('sendMessage').filter((c) => /Nhắc hạn/.test(String(c.payload.text)));
    const perChat = new Map<string, number>();
    for (const c of sent) {
      const chat = String(c.payload.chat_id);
      perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
    }
    expect(perChat.size).toBe(N);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    expect(await s.prisma.reminder.count({ where: { status: 'QUEUED' } })).toBe(2 * N);
    expect(await s.prisma.delivery.count({ where: { status: 'SENT' } })).toBe(N);
  }, 60_000);
});
