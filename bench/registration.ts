/**
 * bench/registration — đăng ký thi đua under load, against bare grammY and against a baseline.
 * MEMBERS members each walk the whole flow by typing (one question per update: /register → title
 * "1" → skip a text line → two number targets → confirm "1"), interleaved across members with 32
 * updates in flight, through the real bot built by createApp: the channel-neutral registration flow
 * (src/flows/register.ts) with its state in Redis, PostgreSQL behind Prisma. Bot API calls are
 * answered locally. Prints updates/s, p50/p99 and two ratios: against a bare grammY bot fed the same
 * updates (the floor of any bot), and against the baseline that matters — what a competent grammY
 * developer would write for the same six questions: @grammyjs/conversations over
 * @grammyjs/storage-redis, one row written to PostgreSQL with pg at the end. The baseline and
 * ThiĐua run in the same process, alternately, so a shared machine's load affects both:
 * compare the ratio, not absolute figures; `CPU ms/update` (this process only) is steadier.
 * BENCH_ROUNDS=1 prints each round (all members' k-th answer): its time, p99 and CPU per update;
 * BENCH_PROFILE=0,5 writes a CPU profile of those rounds of the first pair's ThiĐua run.
 * Both the baseline and ThiĐua first serve WARM_MEMBERS other members through the whole flow, not
 * measured: a server that has been up a minute has its connection pools open and its code compiled,
 * and without it the first measured round paid for opening 20 PostgreSQL connections.
 *
 * Baseline and ThiĐua alternate BENCH_PAIRS (3) times, each with 500 new members, so a spell of
 * load falls on both sides of some pair; each pair's ratio and their median are printed.
 *
 * Last measured (2026-12-07, quiet 2-core machine, five runs): median ratio per run 0.55–0.63×,
 * single pairs 0.49–0.65×, ThiĐua p99 28–48 ms in every pair; CPU per update 1.12–1.31× the
 * baseline's. The answers in between run close to the baseline's speed; /register (the opening
 * function, the title question) and Confirm (one function call that re-reads the facts and stores,
 * against the baseline's one INSERT; the database is the bottleneck of that round) are the rest.
 */
import { Bot, InlineKeyboard, type Context } from 'grammy';
import type { Update } from 'grammy/types';
import { conversations, createConversation, type Conversation, type ConversationFlavor } from '@grammyjs/conversations';
import { RedisAdapter } from '@grammyjs/storage-redis';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { pino } from 'pino';
import { parseConfig } from '../src/config.js';
import { createApp } from '../src/app.js';
import { parseCampaignFile } from '../src/domain/campaign-file.js';
import { addLocalDays, formatDate } from '../src/domain/dates.js';
import { createEmptyTestDatabase } from '../test/support/databases.js';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../test/support/app-harness.js';
import { BOT_INFO, fmt, offlineApi, percentile, printTable, runConcurrently, seedMembers } from './lib.js';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 500);
/** Members who walk the flow once before the measured run: a server that has been up for a minute has open pools and compiled code. */
const WARM_MEMBERS = 64;
const CONCURRENCY = 32;
const BASE_ID = 810_000_000;
const WARM_BASE_ID = BASE_ID + MEMBERS;
const STEPS = ['/register', '1', 'bỏ qua', '5', '1.234,5', '1'];

/** Round k holds every member's k-th answer, so each chat's updates stay in order. */
let nextUpdateId = 1;
function makeRounds(count = MEMBERS, baseId = BASE_ID): Update[][] {
  return STEPS.map((text) =>
    Array.from({ length: count }, (_, i) => {
      const userId = baseId + i;
      const from = { id: userId, is_bot: false, first_name: 'Thành viên', language_code: 'vi' };
      const chat = { id: userId, type: 'private' as const, first_name: 'Thành viên' };
      const entities = text.startsWith('/') ? [{ type: 'bot_command' as const, offset: 0, length: text.length }] : undefined;
      const id = nextUpdateId++;
      return { update_id: id, message: { message_id: id, date: Math.floor(Date.now() / 1000), chat, from, text, ...(entities ? { entities } : {}) } } as Update;
    }),
  );
}

/** BENCH_PROFILE=0,5 writes a CPU profile of those rounds of ThiĐua's measured run to bench-round<k>.cpuprofile. */
const profileRounds = process.env.BENCH_PROFILE ? new Set(process.env.BENCH_PROFILE.split(',').map(Number)) : null;

async function startProfile(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return session;
}

async function stopProfile(session: Session, name: string): Promise<void> {
  const { profile } = await session.post('Profiler.stop');
  await writeFile(`bench-${name}.cpuprofile`, JSON.stringify(profile));
  session.disconnect();
  console.log(`profile written: bench-${name}.cpuprofile`);
}

async function drive(rounds: Update[][], handle: (u: Update) => Promise<unknown>, quiet = false, profile = false): Promise<{ latencies: number[]; seconds: number; cpuMs: number }> {
  let roundNo = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const latencies: number[] = [];
  for (const round of rounds) {
    const r0 = performance.now();
    const c0 = process.cpuUsage();
    const profiling = profile && profileRounds?.has(roundNo) ? await startProfile() : null;
    const times = await runConcurrently(round, CONCURRENCY, handle);
    if (profiling) await stopProfile(profiling, `round${roundNo}`);
    roundNo++;
    latencies.push(...times);
    if (process.env.BENCH_ROUNDS && !quiet) {
      const c = process.cpuUsage(c0);
      const p99 = percentile([...times].sort((x, y) => x - y), 99);
      console.log(`round: ${Math.round(performance.now() - r0)} ms, p99 ${fmt(p99)} ms, this process's CPU ${fmt((c.user + c.system) / 1000 / round.length, 3)} ms/update`);
    }
  }
  const cpu = process.cpuUsage(cpu0);
  return { latencies, seconds: (performance.now() - t0) / 1000, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** A row of the table; `CPU ms/update` is this process's CPU only (PostgreSQL's and Redis's are not in it), steadier than wall time on a shared machine. */
function summarise(name: string, r: { latencies: number[]; seconds: number; cpuMs: number }) {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  return {
    name,
    'updates/s': Math.round(r.latencies.length / r.seconds),
    'p50 ms': fmt(percentile(sorted, 50), 2),
    'p99 ms': fmt(percentile(sorted, 99), 2),
    'CPU ms/update': fmt(r.cpuMs / r.latencies.length, 3),
  };
}

type BaselineContext = ConversationFlavor<Context>;

/**
 * The baseline: the registration a competent grammY developer would write without our domain —
 * the same six answers (title by number, a text line, two numbers, confirm), validated minimally,
 * one INSERT with pg at the end. State in Redis through the official storage adapter.
 */
async function baselineBot(redis: Redis, pool: pg.Pool): Promise<Bot<BaselineContext>> {
  await pool.query('CREATE TABLE IF NOT EXISTS baseline_registration (user_id bigint PRIMARY KEY, title text, line text, a numeric, b numeric)');
  const bot = new Bot<BaselineContext>('123:baseline', { botInfo: BOT_INFO });
  bot.api.config.use(offlineApi);
  const number = async (conversation: Conversation<BaselineContext, Context>, ctx: Context, question: string): Promise<number> => {
    await ctx.reply(question);
    for (;;) {
      const answer = await conversation.waitFor('message:text');
      const n = Number(answer.message.text.replace(/\./g, '').replace(',', '.').replace(/\s.*$/, ''));
      if (Number.isFinite(n) && n >= 0) return n;
      await answer.reply('Chưa đọc được số, đồng chí gõ lại.');
    }
  };
  async function register(conversation: Conversation<BaselineContext, Context>, ctx: Context) {
    await ctx.reply('Chọn danh hiệu: 1. Lao động tiên tiến 2. Chiến sĩ thi đua cơ sở', {
      reply_markup: new InlineKeyboard().text('Lao động tiên tiến', 't:LDTT').text('Chiến sĩ thi đua cơ sở', 't:CSTDCS'),
    });
    const title = (await conversation.form.select(['1', '2'])) === '1' ? 'LDTT' : 'CSTDCS';
    await ctx.reply('Học tập: đồng chí cam kết gì? (hoặc "bỏ qua")');
    const line = await conversation.form.text();
    const a = await number(conversation, ctx, 'Công trình: bao nhiêu công trình?');
    const b = await number(conversation, ctx, 'Diện tích: bao nhiêu ha?');
    await ctx.reply(`Xác nhận: ${title}, ${line}, ${a}, ${b}? 1. Gửi 2. Hủy`);
    if ((await conversation.form.select(['1', '2'])) !== '1') return ctx.reply('Đã hủy.');
    await conversation.external(() =>
      pool.query(
        'INSERT INTO baseline_registration (user_id, title, line, a, b) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id) DO UPDATE SET title = EXCLUDED.title',
        [ctx.from!.id, title, line, a, b],
      ).then(() => undefined),
    );
    await ctx.reply('Đã gửi đăng ký.');
  }
  bot.use(conversations({ storage: { type: 'key', adapter: new RedisAdapter({ instance: redis as never }), prefix: 'convo:' }, plugins: [async (ctx, next) => { ctx.api.config.use(offlineApi); await next(); }] }));
  bot.use(createConversation(register, 'register'));
  bot.command('register', (ctx) => ctx.conversation.enter('register'));
  return bot;
}

/**
 * Baseline and ThiĐua alternate PAIRS times (baseline, ThiĐua, baseline, ThiĐua…), each time with
 * MEMBERS new members, so a spell of load on a shared machine falls on both sides of some pair;
 * the ratio printed is each pair's and their median.
 */
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);

export async function benchRegistration(): Promise<void> {
  const pairs = Array.from({ length: PAIRS }, (_, k) => makeRounds(MEMBERS, BASE_ID + k * MEMBERS));
  const warmBase = BASE_ID + PAIRS * MEMBERS;
  const warmRounds = makeRounds(WARM_MEMBERS, warmBase);

  const bare = new Bot('123:bench', { botInfo: BOT_INFO });
  bare.api.config.use(offlineApi);
  bare.on('message:text', (ctx) => ctx.reply('ok'));
  await drive(pairs[0]!.map((r) => r.slice(0, 50)), (u) => bare.handleUpdate(u), true); // warm-up
  const a = summarise('(a) bare grammY, trivial handler', await drive(pairs[0]!, (u) => bare.handleUpdate(u), true));

  const baselineDb = await createEmptyTestDatabase('thidua_bench_base');
  const baselinePrefix = `bench:base:${Date.now()}:`;
  const baselineRedis = new Redis(TEST_REDIS_URL, { keyPrefix: baselinePrefix });
  const pool = new pg.Pool({ connectionString: baselineDb.url, max: 20 });
  pool.on('error', () => {}); // idle clients see the database dropped at the end
  const database = await createEmptyTestDatabase('thidua_bench_reg');
  const prefix = `bench:reg:${Date.now()}:`;
  const parsed = parseConfig({ BOT_TOKEN: '123:bench', DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
  if (!parsed.ok) throw new Error(parsed.message);
  const app = await createApp(parsed.config, { logger: pino({ level: process.env.BENCH_DEBUG ? 'error' : 'silent' }), http: false });
  try {
    const baseline = await baselineBot(baselineRedis, pool);
    const unit = await app.services.units.create({ code: 'BENCH', name: 'Đơn vị benchmark' });
    if (!unit.ok) throw new Error(unit.reason);
    const now = new Date();
    const d = (n: number) => formatDate(addLocalDays(now, n));
    const yaml = `
code: bench-reg
title: Phong trào benchmark
kind: THEMATIC
starts: ${d(-10)}
ends: ${d(300)}
titles: { individual: [LDTT, CSTDCS] }
criteria:
  - { code: K1, title: Học tập, measure: TEXT }
  - { code: K2, title: Công trình, measure: NUMBER, unit: công trình }
  - { code: K3, title: Diện tích, measure: NUMBER, unit: ha }
milestones:
  - { kind: REGISTRATION, due: "${d(30)} 17:00" }
  - { kind: PROGRESS_REPORT, due: "${d(60)} 17:00" }
`;
    const draft = parseCampaignFile(yaml, 'yaml', now);
    if (!draft.ok) throw new Error(JSON.stringify(draft.errors));
    const created = await app.services.campaigns.createFromDraft(draft.campaign, { ownerUnitId: unit.unit.id });
    if (!created.ok) throw new Error(created.reason);
    await app.db.prisma.campaign.update({ where: { id: created.campaign.id }, data: { status: 'LAUNCHED', launchedAt: now } });
    await seedMembers(app.db.prisma, unit.unit.id, PAIRS * MEMBERS, BASE_ID);
    await seedMembers(app.db.prisma, unit.unit.id, WARM_MEMBERS, warmBase);
    app.bot.botInfo = BOT_INFO;
    app.bot.api.config.use(offlineApi);
    if (process.env.BENCH_DEBUG) app.bot.api.config.use(async (prev, method, payload, signal) => { const p = payload as { chat_id?: number; text?: string }; if (p.chat_id === BASE_ID) console.log(method, p.text?.slice(0, 80)); return prev(method, payload, signal); });

    await drive(warmRounds, (u) => baseline.handleUpdate(u), true);
    await drive(warmRounds, (u) => app.bot.handleUpdate(u), true);
    const rows: Array<ReturnType<typeof summarise>> = [a];
    const ratios: number[] = [];
    const p99s: number[] = [];
    for (const [k, rounds] of pairs.entries()) {
      if (process.env.BENCH_ROUNDS) console.log(`pair ${k + 1}: baseline`);
      const c = summarise(`(c${k + 1}) baseline: grammY + conversations + storage-redis + pg`, await drive(rounds, (u) => baseline.handleUpdate(u)));
      if (process.env.BENCH_ROUNDS) console.log(`pair ${k + 1}: ThiĐua`);
      // BENCH_PROFILE profiles the first pair's ThiĐua rounds only.
      const b = summarise(`(b${k + 1}) ThiĐua Bot: registration flow (channel-neutral), Redis + PostgreSQL`, await drive(rounds, (u) => app.bot.handleUpdate(u), false, k === 0));
      rows.push(c, b);
      ratios.push(b['updates/s'] / c['updates/s']);
      p99s.push(Number(b['p99 ms']));
    }
    const ids = (n: number) => Array.from({ length: n }, (_, i) => String(BASE_ID + i));
    const registered = await app.db.prisma.registration.count({ where: { campaignId: created.campaign.id, member: { identities: { some: { channel: 'TELEGRAM', externalId: { in: ids(PAIRS * MEMBERS) } } } } } });
    const baselineRows = Number((await pool.query('SELECT count(*) AS n FROM baseline_registration WHERE user_id < $1', [warmBase])).rows[0].n);
    printTable(`bench/registration — ${MEMBERS} members × ${STEPS.length} steps = ${MEMBERS * STEPS.length} updates per run, ${CONCURRENCY} in flight; baseline and ThiĐua alternate, ${PAIRS} pairs`, rows);
    console.log(`registrations stored: ThiĐua ${registered}/${PAIRS * MEMBERS}, baseline ${baselineRows}/${PAIRS * MEMBERS}`);
    const sorted = [...ratios].sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(`ThiĐua ÷ baseline, per pair: ${ratios.map((r) => `${fmt(r, 2)}×`).join(', ')}; median ${fmt(median, 2)}× (target ≥ 0.5×)`);
    console.log(`ThiĐua p99, per pair: ${p99s.map((p) => `${fmt(p)} ms`).join(', ')} (target ≤ 50 ms)`);
    const cpu = (name: string) => rows.filter((r) => r.name.startsWith(name)).reduce((sum, r) => sum + Number(r['CPU ms/update']), 0);
    console.log(`CPU per update, ThiĐua ÷ baseline (this process only, all pairs): ${fmt(cpu('(b') / cpu('(c'), 2)}×`);
    console.log(`ratio (b)/(a): ${fmt((rows[2]!['updates/s'] / a['updates/s']) * 100, 2)} % of bare grammY (first pair)`);
  } finally {
    await app.stop();
    await pool.end();
    baselineRedis.disconnect();
    await baselineDb.drop();
    await database.drop();
    await deleteRedisPrefix(baselinePrefix);
    await deleteRedisPrefix(prefix);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchRegistration();
}
