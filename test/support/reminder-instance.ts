/**
 * One bot instance for the two-instance reminder test, run as a child process with tsx: builds the
 * real app (createApp) against the shared PostgreSQL database and the fake Bot API, runs the
 * scheduler and dispatcher for a few ticks at a fixed clock (TEST_NOW), then prints what it did.
 */
import { pino } from 'pino';
import { parseConfig } from '../../src/config.js';
import { createApp } from '../../src/app.js';

const now = new Date(process.env.TEST_NOW!);
const parsed = parseConfig(process.env);
if (!parsed.ok) throw new Error(parsed.message);
const app = await createApp(parsed.config, { logger: pino({ level: 'silent' }), now: () => now, http: false });
await app.bot.init();
app.dispatcher!.start();
const results = [];
// Both instances tick several times, as overlapping cron ticks would.
for (let i = 0; i < 5; i++) results.push(await app.scheduler!.tick(now));
await app.dispatcher!.drain();
await app.dispatcher!.stop();
console.log(JSON.stringify({ deliveries: results.reduce((s, r) => s + r.deliveries, 0), planned: results.reduce((s, r) => s + r.planned, 0) }));
await app.db.close();
process.exit(0);
