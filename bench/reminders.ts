/**
 * bench/reminders: the scheduler tick must cost what is due, not how many members or campaigns
 * exist. Builds 200 units and 20 launched campaigns, with 10,000 then 100,000 members (set-based
 * SQL), and measures (1) a tick when nothing is due, at both sizes (flatness), (2) planning one
 * registration reminder for every member (one INSERT … SELECT). Figures only, never a verdict.
 */
import { createTestDatabase } from '../test/support/databases.js';
import { createServices } from '../src/services/index.js';
import { localDate } from '../src/domain/dates.js';

const tdb = await createTestDatabase();
const prisma = tdb.db.prisma;
let clock = localDate(2025, 6, 1, 10);
const s = createServices(prisma, { adminIds: [], defaultLocale: 'vi', now: () => clock });

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
async function median(n: number, fn: () => Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    xs.push(ms(t0));
  }
  return xs.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

// 200 units: one province, 199 children.
await prisma.$executeRaw`INSERT INTO unit (id, code, name, name_search, parent_id, path, invite_code)
  SELECT 1, 'ROOT', 'Tỉnh', 'tinh', NULL, '/1/', 'inv1'`;
await prisma.$executeRaw`INSERT INTO unit (id, code, name, name_search, parent_id, path, invite_code)
  SELECT g, 'U' || g, 'Đơn vị ' || g, 'don vi ' || g, 1, '/1/' || g || '/', 'inv' || g FROM generate_series(2, 200) g`;
await prisma.$executeRaw`SELECT setval(pg_get_serial_sequence('unit', 'id'), 200)`;

async function addMembers(from: number, to: number) {
  await prisma.$executeRaw`WITH m AS (
      INSERT INTO member (full_name, name_search, unit_id, role, updated_at)
      SELECT 'Thành viên ' || g, 'thanh vien ' || g, 2 + (g % 199), 'MEMBER', now() FROM generate_series(${from}::int, ${to}::int) g
      RETURNING id, name_search)
    -- Each member's Telegram id is 1000000 + the g in its name.
    INSERT INTO channel_identity (member_id, channel, external_id)
    SELECT id, 'TELEGRAM', (1000000 + substring(name_search from 12)::int)::text FROM m`;
}

// 20 launched campaigns over the whole province, each with registration, 4 quarterly reports, sơ kết, tổng kết.
const campaignIds: number[] = [];
for (let i = 0; i < 20; i++) {
  const c = await prisma.campaign.create({
    data: {
      code: `c${i}`, title: `Phong trào ${i}`, status: 'LAUNCHED', launchedAt: clock,
      startsAt: localDate(2025, 1, 1), endsAt: localDate(2025, 12, 31, 23, 59), ownerUnitId: 1,
      audienceUnits: { create: [{ unitId: 1 }] },
      milestones: {
        create: [
          { kind: 'REGISTRATION', dueAt: localDate(2025, 7, 1 + i, 17), remindOffsets: [10080, 2880, 240] },
          ...[3, 6, 9, 12].map((mo) => ({ kind: 'PROGRESS_REPORT' as const, dueAt: localDate(2025, mo, 28, 17), remindOffsets: [10080, 2880, 240] })),
          { kind: 'MIDTERM_REVIEW', dueAt: localDate(2025, 7, 15, 17), remindOffsets: [10080, 2880, 240] },
          { kind: 'FINAL_REVIEW', dueAt: localDate(2025, 12, 15, 17), remindOffsets: [10080, 2880, 240] },
        ],
      },
    },
  });
  campaignIds.push(c.id);
}

const tickNothingDue = async () => {
  await s.reminders.plan(clock, new Date(clock.getTime() - 60_000));
  await s.reminders.queueDue(clock);
  await s.reminders.queueSummaries(clock);
};

let t0 = process.hrtime.bigint();
await addMembers(1, 10_000);
console.log(`seed 10,000 members: ${ms(t0).toFixed(0)} ms`);
await prisma.$executeRaw`ANALYZE`;
const idle10k = await median(21, tickNothingDue);
t0 = process.hrtime.bigint();
await addMembers(10_001, 100_000);
console.log(`seed +90,000 members: ${ms(t0).toFixed(0)} ms`);
await prisma.$executeRaw`ANALYZE`;
const idle100k = await median(21, tickNothingDue);

// Plan the registration reminder (2 days before) of campaign 0 for all 100,000 members.
const reg = await prisma.milestone.findFirstOrThrow({ where: { campaignId: campaignIds[0]!, kind: 'REGISTRATION' } });
clock = new Date(reg.dueAt.getTime() - 2880 * 60_000);
t0 = process.hrtime.bigint();
const planned = await s.reminders.planOffset(reg.id, campaignIds[0]!, 'REGISTRATION', 2880, clock, reg.revision);
const planMs = ms(t0);
t0 = process.hrtime.bigint();
const q = await s.reminders.queueDue(clock);
const queueMs = ms(t0);
// After that, an idle tick again (100k reminder rows now exist).
clock = new Date(clock.getTime() + 60_000);
const idleAfter = await median(11, tickNothingDue);

console.log(`idle tick (nothing due), 10,000 members × 20 campaigns: ${idle10k.toFixed(1)} ms (target ≤ 50 ms)`);
console.log(`idle tick (nothing due), 100,000 members × 20 campaigns: ${idle100k.toFixed(1)} ms (target ≤ 50 ms)`);
console.log(`  ratio 100k / 10k: ${(idle100k / idle10k).toFixed(2)}× for 10× the members (flat ≈ 1×)`);
console.log(`plan one registration reminder for ${planned.toLocaleString('en')} members: ${planMs.toFixed(0)} ms (target ≤ 2,000 ms)`);
console.log(`queue them as outbox rows (${q.deliveries.toLocaleString('en')} deliveries): ${queueMs.toFixed(0)} ms (${((queueMs / Math.max(1, q.deliveries)) * 1000).toFixed(0)} µs each)`);
console.log(`idle tick afterwards (100,000 reminder rows stored): ${idleAfter.toFixed(1)} ms`);
await tdb.drop();
