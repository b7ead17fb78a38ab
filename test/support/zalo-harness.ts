/**
 * The whole bot on both channels for an e2e test: the fake Zalo Bot API (which fetches the photos the
 * bot sends by URL, as Zalo does) and the harness with Telegram, PostgreSQL and Redis, its HTTP server
 * on a port known up front so that PUBLIC_URL — what the signed /media links are made under — is its own.
 */
import { startHarness, type Harness } from './app-harness.js';
import { FakeZalo } from './fake-zalo.js';
import { freePort } from './redis-server.js';

export interface ZaloHarness {
  h: Harness;
  zalo: FakeZalo;
  publicUrl: string;
  close(): Promise<void>;
}

export async function startZaloHarness(): Promise<ZaloHarness> {
  const zalo = await FakeZalo.start({ maxPollMs: 200, fetchPhotos: true });
  const publicUrl = `http://127.0.0.1:${await freePort()}`;
  const h = await startHarness({
    storage: 'postgres',
    redis: true,
    env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ZALO_RATE: '200', PORT: publicUrl.split(':').at(-1)!, PUBLIC_URL: publicUrl },
  });
  return {
    h,
    zalo,
    publicUrl,
    async close() {
      await h.close();
      await zalo.close();
    },
  };
}
