import 'dotenv/config';
import { parseConfig } from './config.js';
import { createApp } from './app.js';

/**
 * `npm start`: read the environment, build everything, run until SIGINT/SIGTERM, then shut down in
 * reverse order, letting in-flight updates finish.
 */
const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(1);
}

const app = await createApp(parsed.config).catch((err: unknown) => {
  console.error(`ThiĐua Bot could not start: ${(err as Error).message}`);
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        app.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

try {
  await app.start();
} catch (err) {
  app.logger.fatal({ err: (err as Error).message }, 'start failed');
  await app.stop().catch(() => {});
  process.exit(1);
}
