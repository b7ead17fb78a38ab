import { describe, expect, it } from 'vitest';
import { parseConfig, quietHours } from '../../src/config.js';

const TOKEN = '123456:ABC-def_ghi';

describe('configuration from the environment', () => {
  it('needs only BOT_TOKEN: embedded database, polling, Vietnamese, 25 msg/s, quiet 21:00–07:00', () => {
    const r = parseConfig({ BOT_TOKEN: TOKEN });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({
      BOT_MODE: 'polling',
      DATA_DIR: './data',
      DEFAULT_LOCALE: 'vi',
      BROADCAST_RATE: 25,
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      ADMIN_IDS: [],
    });
    expect(r.config.DATABASE_URL).toBeUndefined();
    expect(r.config.REDIS_URL).toBeUndefined();
    expect(quietHours(r.config)).toEqual({ start: 21 * 60, end: 7 * 60 });
  });

  it('says that a channel must be configured, and how to get a token, when neither BOT_TOKEN nor ZALO_BOT_TOKEN is set', () => {
    for (const env of [{}, { BOT_TOKEN: '  ' }, { BOT_TOKEN: '', ZALO_BOT_TOKEN: ' ' }]) {
      const r = parseConfig(env);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.message).toMatch(/No channel is configured: set BOT_TOKEN \(Telegram\), ZALO_BOT_TOKEN \(Zalo\) or both/);
      expect(r.message).toMatch(/@BotFather/);
      expect(r.message).toMatch(/Zalo Bot Creator/);
    }
  });

  it('turns the Zalo channel on with ZALO_BOT_TOKEN alone: zaloplatforms.com, polling, 10 msg/s, no Telegram token needed', () => {
    const r = parseConfig({ ZALO_BOT_TOKEN: '12345689:abc-xyz' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({ ZALO_BOT_TOKEN: '12345689:abc-xyz', ZALO_API_ROOT: 'https://bot-api.zaloplatforms.com', ZALO_MODE: 'polling', ZALO_RATE: 10 });
    expect(r.config.BOT_TOKEN).toBeUndefined();
    const both = parseConfig({ BOT_TOKEN: TOKEN, ZALO_BOT_TOKEN: '1:z', ZALO_API_ROOT: 'http://127.0.0.1:9000', ZALO_RATE: '2.5' });
    expect(both.ok && both.config).toMatchObject({ BOT_TOKEN: TOKEN, ZALO_API_ROOT: 'http://127.0.0.1:9000', ZALO_RATE: 2.5 });
  });

  it('requires ZALO_WEBHOOK_SECRET (8–256 characters) and PUBLIC_URL in Zalo webhook mode', () => {
    const r = parseConfig({ ZALO_BOT_TOKEN: '1:z', ZALO_MODE: 'webhook' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/ZALO_WEBHOOK_SECRET is required when ZALO_MODE=webhook[\s\S]*PUBLIC_URL is required when ZALO_MODE=webhook/);
    const short = parseConfig({ ZALO_BOT_TOKEN: '1:z', ZALO_MODE: 'webhook', ZALO_WEBHOOK_SECRET: 'short', PUBLIC_URL: 'https://bot.example.vn' });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.message).toMatch(/ZALO_WEBHOOK_SECRET must be 8–256 characters/);
    const ok = parseConfig({ ZALO_BOT_TOKEN: '1:z', ZALO_MODE: 'webhook', ZALO_WEBHOOK_SECRET: 'a-secret-of-length', PUBLIC_URL: 'https://bot.example.vn' });
    expect(ok.ok && ok.config).toMatchObject({ ZALO_MODE: 'webhook', PUBLIC_URL: 'https://bot.example.vn' });
  });

  it('names a malformed Zalo token, API root, mode and rate', () => {
    const r = parseConfig({ BOT_TOKEN: TOKEN, ZALO_BOT_TOKEN: 'nope', ZALO_API_ROOT: 'not a url', ZALO_MODE: 'push', ZALO_RATE: '0' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/ZALO_BOT_TOKEN does not look like a Zalo bot token/);
    expect(r.message).toMatch(/ZALO_API_ROOT/);
    expect(r.message).toMatch(/ZALO_MODE/);
    expect(r.message).toMatch(/ZALO_RATE must be positive/);
  });

  it('names each malformed variable', () => {
    const r = parseConfig({ BOT_TOKEN: 'nope', ADMIN_IDS: '12, abc', QUIET_HOURS: '25:00-07:00', DATABASE_URL: 'mysql://x', TZ_NAME: 'Mars/Base' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/BOT_TOKEN does not look like a Telegram bot token/);
    expect(r.message).toMatch(/ADMIN_IDS "abc" is not a Telegram user id/);
    expect(r.message).toMatch(/QUIET_HOURS/);
    expect(r.message).toMatch(/DATABASE_URL must start with postgres:\/\//);
    expect(r.message).toMatch(/TZ_NAME is not a setting: ThiĐua Bot shows and reads every date in Asia\/Ho_Chi_Minh/);
  });

  it('accepts TZ_NAME only as Vietnam time, since every date is shown and read in Asia/Ho_Chi_Minh', () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN, TZ_NAME: 'Asia/Ho_Chi_Minh' }).ok).toBe(true);
    expect(parseConfig({ BOT_TOKEN: TOKEN, TZ_NAME: 'Asia/Saigon' }).ok).toBe(true);
    const r = parseConfig({ BOT_TOKEN: TOKEN, TZ_NAME: 'Europe/Berlin' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/TZ_NAME is not a setting/);
  });

  it('requires WEBHOOK_URL and WEBHOOK_SECRET in webhook mode', () => {
    const r = parseConfig({ BOT_TOKEN: TOKEN, BOT_MODE: 'webhook' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/WEBHOOK_URL is required[\s\S]*WEBHOOK_SECRET is required/);
  });

  it('reads admin ids separated by commas or spaces, and quiet hours "off"', () => {
    const r = parseConfig({ BOT_TOKEN: TOKEN, ADMIN_IDS: '111, 222 333 zalo:84abc', QUIET_HOURS: 'off' });
    expect(r.ok && r.config.ADMIN_IDS).toEqual(['111', '222', '333', 'zalo:84abc']);
    expect(r.ok && quietHours(r.config)).toBeNull();
  });

  it('keeps metrics off the public port: 127.0.0.1:9464 by default, a bearer token only when asked, and acknowledges webhooks within 10 s', () => {
    const r = parseConfig({ BOT_TOKEN: TOKEN });
    expect(r.ok && r.config).toMatchObject({ METRICS_PORT: 9464, METRICS_HOST: '127.0.0.1', WEBHOOK_ACK_MS: 10_000 });
    expect(r.ok && r.config.METRICS_TOKEN).toBeUndefined();
    const off = parseConfig({ BOT_TOKEN: TOKEN, METRICS_PORT: 'off', METRICS_TOKEN: 'a-long-random-secret-123', WEBHOOK_ACK_MS: '500' });
    expect(off.ok && off.config).toMatchObject({ METRICS_PORT: 'off', METRICS_TOKEN: 'a-long-random-secret-123', WEBHOOK_ACK_MS: 500 });
  });

  it('names a bad metrics port, a short metrics token, metrics on the public port and a bad webhook deadline', () => {
    const r = parseConfig({ BOT_TOKEN: TOKEN, METRICS_PORT: 'nine', METRICS_TOKEN: 'short', WEBHOOK_ACK_MS: '5' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/METRICS_PORT must be a port number \(0–65535\) or "off"/);
    expect(r.message).toMatch(/METRICS_TOKEN must be 16–256 characters/);
    expect(r.message).toMatch(/WEBHOOK_ACK_MS must be at least 50/);
    const same = parseConfig({ BOT_TOKEN: TOKEN, PORT: '8080', METRICS_PORT: '8080' });
    expect(same.ok).toBe(false);
    if (!same.ok) expect(same.message).toMatch(/METRICS_PORT must differ from PORT/);
  });

  it('never puts the token in its error message', () => {
    const r = parseConfig({ BOT_TOKEN: TOKEN, PORT: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).not.toContain(TOKEN);
  });
});
