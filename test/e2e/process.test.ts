import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../support/fake-telegram.js';

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

  it('says plainly that a Zalo-only bot cannot run yet, instead of starting half a bot', async () => {
    const p = startProcess({ ZALO_BOT_TOKEN: '12345689:abc-xyz', DATA_DIR: dataDir });
    expect(await p.exited).not.toBe(0);
    expect(p.output()).toMatch(/a Zalo-only bot \(ZALO_BOT_TOKEN without BOT_TOKEN\) is not supported yet/);
  });

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
    admin.send('/addunit XA_A | Xã An Hiệp');
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
