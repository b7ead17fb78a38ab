import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/index.js';
import { startHarness, type Harness } from '../support/app-harness.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Runs `npm run demo` (tsx scripts/demo.ts) with only the given environment; resolves with its exit code and output. */
function runDemo(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** The year of a date in Vietnam time. */
const localYear = (d: Date) => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(d));

/** Each test starts `tsx` child processes (a cold start is 5–10 s, far more on a loaded machine). */
const CHILD_TIMEOUT_MS = 180_000;

describe('npm run demo beside a bot running on PostgreSQL', { timeout: CHILD_TIMEOUT_MS }, () => {
  let h: Harness;
  let env: Record<string, string>;
  beforeAll(async () => {
    h = await startHarness({ storage: 'postgres', redis: true });
    env = { DATABASE_URL: h.config.DATABASE_URL!, BOT_TOKEN: h.fake.token, TELEGRAM_API_ROOT: h.fake.apiRoot };
  });
  afterAll(() => h?.close());

  it('prints invite links with the bot username it asked Telegram for, and a person joins with one and sees the launched campaign', async () => {
    const r = await runDemo(env);
    expect(r.out).not.toMatch(/<bot>/);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/UBND tỉnh Bến Tre\s+https:\/\/t\.me\/thidua_test_bot\?start=u_[A-Za-z0-9_-]+/);
    expect(r.out).toContain('https://t.me/thidua_test_bot?start=c_dong-khoi-moi');

    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ code: string; title: string; starts_at: Date; ends_at: Date }>(
        'SELECT code, title, starts_at, ends_at FROM campaign ORDER BY code',
      );
      const dongKhoi = rows.find((c) => c.code === 'dong-khoi-moi')!;
      const y = localYear(dongKhoi.starts_at);
      // The example is "giai đoạn 2020 - 2025, tầm nhìn đến năm 2030", starting in 2020: the period in the title moves with the dates.
      expect(dongKhoi.title).toContain(`giai đoạn ${y} - ${y + 5}, tầm nhìn đến năm ${y + 10}`);
      const khoi = rows.find((c) => c.code.startsWith('khoi-mttq'))!;
      expect(khoi.title).toContain(`năm ${localYear(khoi.starts_at)}`);
      expect(r.out).toContain(`Campaign dong-khoi-moi: LAUNCHED — ${dongKhoi.title}`);
    } finally {
      await client.end();
    }

    // The link printed for Xã Đồng Khởi works on the running bot, and the demo's launched campaign is there.
    const link = /Xã Đồng Khởi\s+https:\/\/t\.me\/thidua_test_bot\?start=(u_[A-Za-z0-9_-]+)/.exec(r.out)![1]!;
    const lan = h.fake.user({ firstName: 'Lan', lastName: 'Nguyễn Thị' });
    lan.start(link);
    await lan.waitFor(/Đã ghi nhận đơn vị: Xã Đồng Khởi/);
    await lan.waitFor(/họ và tên đầy đủ/);
    lan.send('Nguyễn Thị Lan');
    await lan.waitFor(/Nguyễn Thị Lan, đơn vị Xã Đồng Khởi/);
    lan.send('/campaigns');
    await lan.waitFor(/Đồng khởi mới/);

    // Run again: nothing is duplicated.
    const again = await runDemo(env);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/Campaign dong-khoi-moi: LAUNCHED \(already there\)/);
  });

  it('without a token prints the invite codes and says how to get links', async () => {
    const r = await runDemo({ DATABASE_URL: env.DATABASE_URL! });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/Invite codes \(no Telegram links: set BOT_TOKEN, or BOT_USERNAME=/);
    expect(r.out).not.toMatch(/t\.me/);
    expect(r.out).toMatch(/UBND tỉnh Bến Tre\s+[A-Za-z0-9_-]{4,}\n/);
  });

  it('says to stop the bot first when the bot holds the embedded database, without a stack trace', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'thidua-demo-'));
    // The running bot: this process opens the embedded database and holds its lock.
    const running = await createDatabase({ dataDir });
    try {
      const r = await runDemo({ DATA_DIR: dataDir });
      expect(r.code).not.toBe(0);
      expect(r.out).toContain('The bot is running on the embedded database');
      expect(r.out).toContain('Stop the bot (Ctrl+C), run `npm run demo`, then start the bot again');
      expect(r.out).not.toMatch(/\n\s+at /);
    } finally {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
