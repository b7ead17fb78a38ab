/**
 * Conversation state is robust: it survives a Redis restart (our own throw-away redis-server with
 * an append-only file), a version bump restarts in-flight flows politely, unexpected input gets a
 * hint without breaking the flow, and double taps or races never produce two registrations.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { joined, launchCampaign, UNITS } from '../support/conversation-fixtures.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** A throw-away redis-server whose data survives its own restart (append-only file). */
class OwnRedis {
  private proc: ChildProcess | null = null;
  constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    this.proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', this.dir], { stdio: 'ignore' });
    const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {}); // refused connections are expected until the server is up
    for (let i = 0; i < 100; i++) {
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    throw new Error('redis-server did not start');
  }
  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
    this.proc = null;
  }
}

describe('conversation robustness (own Redis, PostgreSQL)', () => {
  let h: Harness;
  let redis: OwnRedis;
  let dir: string;
  let campaignId: number;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'thidua-redis-'));
    redis = new OwnRedis(await freePort(), dir);
    await redis.start();
    h = await startHarness({ storage: 'postgres', redis: true, env: { REDIS_URL: redis.url } });
    await seedUnits(h.app, UNITS);
    campaignId = await launchCampaign(h, 'ben-vung', 10);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await redis?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps the answers given so far when Redis restarts in the middle of a registration', async () => {
    const lan = h.fake.user({ firstName: 'Lan' });
    await joined(h, lan, 'Nguyễn Thị Lan');
    lan.send('/register');
    await lan.waitFor(/Chọn danh hiệu/);
    lan.press('Lao động tiên tiến');
    await lan.waitFor(/Nội dung thi đua 1\/3/);
    lan.press('⏭ Bỏ qua');
    await lan.waitFor(/Nội dung thi đua 2\/3/);
    await redis.stop();
    await redis.start();
    lan.send('5');
    await lan.waitFor(/Nội dung thi đua 3\/3/, { timeoutMs: 10_000 });
    lan.send('xong');
    const s = await lan.waitFor(/Đăng ký thi đua — /);
    expect(s.text).toContain('Lao động tiên tiến');
    expect(s.text).toContain('5 công trình');
    lan.press('✔ Xác nhận');
    await lan.waitFor(/Đã ghi nhận đăng ký/);
  });

  it('restarts an in-flight flow politely after a version bump of that flow', async () => {
    const binh = h.fake.user({ firstName: 'Bình' });
    await joined(h, binh, 'Phạm Thanh Bình');
    binh.send('/register');
    await binh.waitFor(/Chọn danh hiệu/);
    binh.press('Lao động tiên tiến');
    await binh.waitFor(/Nội dung thi đua 1\/3/);
    // The flow's state is stored before its question goes out; a new version of the flow's code
    // finds it outdated.
    const entry = h.app.conversations.spec('register')!;
    const before = entry.version;
    entry.version = before + 1;
    try {
      binh.send('Học tập mỗi tuần');
      await binh.waitFor(/Bot vừa được cập nhật nên việc “Đăng ký thi đua” đang làm dở/);
      await binh.waitFor(/Chọn danh hiệu/);
      binh.press('Lao động tiên tiến');
      await binh.waitFor(/Nội dung thi đua 1\/3/);
      binh.send('xong');
      await binh.waitFor(/Đăng ký thi đua — /);
      binh.press('✔ Xác nhận');
      await binh.waitFor(/Đã ghi nhận đăng ký/);
    } finally {
      entry.version = before;
    }
  });

  it('answers a sticker, a voice note, another command, a menu button and a stale button with a hint, and goes on', async () => {
    const an = h.fake.user({ firstName: 'An' });
    await joined(h, an, 'Võ Văn An');
    an.send('/register');
    const first = await an.waitFor(/Chọn danh hiệu/);
    an.press('Lao động tiên tiến');
    await an.waitFor(/Nội dung thi đua 1\/3/);
    an.sendSticker();
    await an.waitFor(/gõ nội dung bằng chữ, hoặc bấm «Bỏ qua»/);
    an.sendVoice();
    await an.waitFor(/gõ nội dung bằng chữ/);
    an.send('/help');
    await an.waitFor(/đang làm dở “Đăng ký thi đua”.*\/cancel/s);
    an.send('👤 Thi đua của tôi');
    await an.waitFor(/đang làm dở “Đăng ký thi đua”/);
    an.pressData((first.reply_markup!.inline_keyboard[1]![0] as { callback_data: string }).callback_data, first);
    expect(String((await an.waitForCallbackAnswer()).text)).toMatch(/dùng tin nhắn mới nhất/);
    an.send('Tự học mỗi tuần');
    await an.waitFor(/Nội dung thi đua 2\/3/);
    an.press('‹ Quay lại');
    await an.waitFor(/Nội dung thi đua 1\/3/);
    expect(an.buttons()).toContain('Giữ: Tự học mỗi tuần');
    an.send('/cancel');
    await an.waitFor(/Đã hủy/);
    an.send('/help');
    await an.waitFor(/register/);
  });

  it('double-tapping Confirm makes exactly one registration and one confirmation', async () => {
    const cuong = h.fake.user({ firstName: 'Cường' });
    const m = await joined(h, cuong, 'Đỗ Văn Cường');
    cuong.send('/register');
    await cuong.waitFor(/Chọn danh hiệu/);
    cuong.press('Lao động tiên tiến');
    await cuong.waitFor(/Nội dung thi đua 1\/3/);
    cuong.send('xong');
    const summary = await cuong.waitFor(/Đăng ký thi đua — /);
    cuong.press('✔ Xác nhận', { inMessage: summary });
    cuong.press('✔ Xác nhận', { inMessage: summary });
    await cuong.waitFor(/Đã ghi nhận đăng ký/);
    await new Promise((r) => setTimeout(r, 500));
    expect(cuong.messages.filter((msg) => /Đã ghi nhận đăng ký|Đã cập nhật đăng ký/.test(msg.text ?? ''))).toHaveLength(1);
    expect(await h.app.services.prisma.registration.count({ where: { memberId: m.id } })).toBe(1);
  });

  it('two officers of the same unit registering it at once produce one unit registration', async () => {
    const a = h.fake.user({ firstName: 'Officer A' });
    const b = h.fake.user({ firstName: 'Officer B' });
    await joined(h, a, 'Cán bộ A', 'OFFICER');
    await joined(h, b, 'Cán bộ B', 'OFFICER');
    for (const u of [a, b]) {
      u.send('/register');
      await u.waitFor(/cá nhân hay thay mặt tập thể/);
      u.press('👥 Tập thể: Xã Đồng Khởi');
      await u.waitFor(/Chọn danh hiệu/);
      u.press(u === a ? 'Tập thể lao động tiên tiến' : 'Tập thể lao động xuất sắc');
      await u.waitFor(/Nội dung thi đua 1\/3/);
      u.send('xong');
      await u.waitFor(/Đăng ký thi đua — /);
    }
    a.press('✔ Xác nhận');
    b.press('✔ Xác nhận');
    await a.waitFor(/Đã (ghi nhận|cập nhật) đăng ký/);
    await b.waitFor(/Đã (ghi nhận|cập nhật) đăng ký/);
    const rows = await h.app.services.prisma.registration.findMany({ where: { campaignId, scope: 'COLLECTIVE' } });
    expect(rows).toHaveLength(1);
  });
});
