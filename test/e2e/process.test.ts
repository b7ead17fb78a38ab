import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../support/fake-telegram.js';
import { FakeZalo } from '../support/fake-zalo.js';

const ROOT = new URL('../..', import.meta.url).pathname;
/**
 * What `npm start` runs: node with tsx's loader. Not the `tsx` CLI: its wrapper re-sends a signal and
 * SIGKILLs the bot when the child does not acknowledge it within 30 ms — on a loaded machine a
 * graceful SIGTERM became exit 143.
 */
const NODE_ARGS = ['--import', 'tsx', 'src/main.ts'];
/** How long a cold start (tsx transform, embedded PGlite, migrations) may take on a loaded 2-core machine. */
const START_TIMEOUT_MS = 60_000;

/** Runs `src/main.ts` as `npm start` does, with only the given environment (no inherited secrets). */
function startProcess(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, NODE_ARGS, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

describe('the bot as a process (npm start) with nothing but BOT_TOKEN and the API root', () => {
  let fake: FakeTelegram;
  let dataDir: string;
  beforeAll(async () => {
    fake = await FakeTelegram.start();
    dataDir = await mkdtemp(join(tmpdir(), 'thidua-proc-'));
  });
  afterAll(async () => {
    await fake?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stops with a message that says a channel is needed and how to get a token from @BotFather when no token is set', async () => {
    const p = startProcess({ DATA_DIR: dataDir });
    expect(await p.exited).not.toBe(0);
    expect(p.output()).toMatch(/No channel is configured: set BOT_TOKEN \(Telegram\), ZALO_BOT_TOKEN \(Zalo\) or both\. For Telegram, create a bot with @BotFather/);
  });

  it('runs a Zalo-only bot (ZALO_BOT_TOKEN and ZALO_API_ROOT, no BOT_TOKEN) on the embedded database and answers a member', async () => {
    const zalo = await FakeZalo.start({ maxPollMs: 500 });
    const zaloDir = await mkdtemp(join(tmpdir(), 'thidua-proc-zalo-'));
    const p = startProcess({ ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, DATA_DIR: zaloDir, PORT: '0', METRICS_PORT: 'off', LOG_LEVEL: 'warn' });
    try {
      const lan = zalo.user('Lan');
      zalo.userSays(lan, 'xin chào');
      const sent = await zalo.waitForSent(lan.id, 1, START_TIMEOUT_MS);
      expect(sent[0]!.text).toMatch(/Xin chào Lan! 👋[\s\S]*ngay trong Zalo/);
      expect(zalo.callsOf('deleteWebhook').length).toBeGreaterThan(0);
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
    } finally {
      p.child.kill('SIGKILL');
      await zalo.close();
      await rm(zaloDir, { recursive: true, force: true });
    }
  }, START_TIMEOUT_MS + 30_000);

  it('names the variable when the environment is invalid', async () => {
    const p = startProcess({ BOT_TOKEN: fake.token, PORT: 'eighty', DATA_DIR: dataDir });
    expect(await p.exited).not.toBe(0);
    expect(p.output()).toMatch(/PORT must be a port number \(0–65535\)/);
    const q = startProcess({ BOT_TOKEN: fake.token, BOT_MODE: 'webhook', DATA_DIR: dataDir });
    expect(await q.exited).not.toBe(0);
    expect(q.output()).toMatch(/WEBHOOK_URL is required when BOT_MODE=webhook/);
  });

  it('answers /start in Vietnamese on the embedded database, and keeps unit and name across a restart', async () => {
    const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATA_DIR: dataDir, PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'warn', ADMIN_IDS: '424242' };
    let p = startProcess(env);
    const admin = fake.user({ id: 424242, firstName: 'Admin' });
    // Open to the picker: a new unit is invite-only unless its creator says so.
    admin.send('/addunit XA_A | Xã An Hiệp | | | open');
    await admin.waitFor(/Đã thêm đơn vị Xã An Hiệp/, { timeoutMs: START_TIMEOUT_MS });

    const lan = fake.user({ firstName: 'Lan' });
    lan.start();
    await lan.waitFor(/Xin chào Lan!/);
    await lan.waitFor(/Đồng chí thuộc đơn vị nào/);
    lan.press('Xã An Hiệp');
    await lan.waitFor(/họ và tên/);
    lan.send('Đỗ Thị Lan');
    await lan.waitFor(/Cảm ơn đồng chí Đỗ Thị Lan, đơn vị Xã An Hiệp/);

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);

    p = startProcess(env);
    lan.start();
    await lan.waitFor(/Chào mừng Đỗ Thị Lan quay lại! Đơn vị: Xã An Hiệp/, { timeoutMs: START_TIMEOUT_MS });
    lan.send('/profile');
    await lan.waitFor(/Họ và tên: Đỗ Thị Lan\nĐơn vị: Xã An Hiệp/);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  }, 4 * START_TIMEOUT_MS);
});
