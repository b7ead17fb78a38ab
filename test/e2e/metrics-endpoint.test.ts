/**
 * /metrics shows internals (update rates, errors, backlog): it must not be served on the public
 * webhook port. Prometheus scrapes it on METRICS_PORT, bound to the loopback interface by default,
 * or on the public port with METRICS_TOKEN as a bearer token.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app-harness.js';

const TOKEN = 'metrics-token-0123456789abcdef';

describe('the metrics endpoint', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function helpAnswered(harness: Harness): Promise<void> {
    const lan = harness.fake.user({ firstName: 'Lan' });
    lan.send('/help');
    await lan.waitFor(/Các lệnh/);
  }

  it('is not served on the public webhook port, but on METRICS_PORT bound to 127.0.0.1', async () => {
    h = await startHarness({ mode: 'webhook', storage: 'postgres', env: { HOST: '0.0.0.0' } });
    await helpAnswered(h);
    const publicBase = `http://127.0.0.1:${h.app.port}`;

    expect((await fetch(`${publicBase}/healthz`)).status).toBe(200);
    const exposed = await fetch(`${publicBase}/metrics`);
    expect(exposed.status).toBe(404);
    expect(await exposed.text()).not.toMatch(/thidua_/);

    expect(h.app.metricsPort).not.toBe(h.app.port);
    expect(h.app.metricsAddress).toBe('127.0.0.1');
    const scraped = await fetch(`http://127.0.0.1:${h.app.metricsPort}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/thidua_updates_total\{type="message"\} 1/);
  });

  it('with METRICS_TOKEN is served on the public port to the bearer of the token only', async () => {
    h = await startHarness({ mode: 'webhook', storage: 'postgres', env: { METRICS_TOKEN: TOKEN, METRICS_PORT: 'off' } });
    await helpAnswered(h);
    const url = `http://127.0.0.1:${h.app.port}/metrics`;

    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toMatch(/thidua_/);
    expect((await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(url, { headers: { Authorization: `Basic ${TOKEN}` } })).status).toBe(401);

    const scraped = await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/thidua_updates_total\{type="message"\} 1/);
    expect(h.app.metricsPort).toBeNull();
  });
});
