/**
 * `npm run demo` — fills the configured database (DATABASE_URL, or the embedded one in DATA_DIR)
 * with demo units, members and the three example campaigns shifted so they start this month (their
 * titles' years move with their dates), and prints the invite links. Idempotent: run it again and
 * nothing is duplicated.
 *
 * With PostgreSQL it runs beside a running bot (the bot sends the launch it finds queued). The
 * embedded database belongs to one process: while the bot runs on it, the demo says to stop the bot
 * first, and exits without a stack trace.
 *
 * "Đồng khởi mới" is launched (members of Bến Tre see it under 📋 Phong trào); the other two stay
 * drafts for an officer to preview and launch.
 */
import 'dotenv/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { createDatabase, DataDirBusyError } from '../src/db/index.js';
import { createServices } from '../src/services/index.js';
import { monthsToNow, parseCampaignFile, shiftCampaignFile } from '../src/domain/campaign-file.js';
import { packageRoot } from '../src/paths.js';
import { fold } from '../src/domain/text.js';

const UNITS = [
  { code: 'BENTRE', name: 'UBND tỉnh Bến Tre' },
  { code: 'GIONGTROM', name: 'Huyện Giồng Trôm', parent: 'BENTRE' },
  { code: 'DONGKHOI', name: 'Xã Đồng Khởi', parent: 'GIONGTROM' },
  { code: 'SOGD', name: 'Sở Giáo dục và Đào tạo', parent: 'BENTRE' },
  { code: 'MTTQ_TINH', name: 'Ủy ban MTTQ Việt Nam tỉnh', parent: 'BENTRE', group: 'KHOI_MTTQ' },
  { code: 'TINH_DOAN', name: 'Tỉnh Đoàn', parent: 'BENTRE', group: 'KHOI_MTTQ' },
  { code: 'HOI_LHPN', name: 'Hội Liên hiệp Phụ nữ tỉnh', parent: 'BENTRE', group: 'KHOI_MTTQ' },
];
const GROUPS = [{ code: 'KHOI_MTTQ', name: 'Khối thi đua Mặt trận Tổ quốc và các đoàn thể tỉnh', kind: 'BLOCK' as const }];
const MEMBERS: Array<[string, string]> = [
  ['Nguyễn Thị Lan', 'DONGKHOI'],
  ['Trần Văn Minh', 'DONGKHOI'],
  ['Lê Thị Hạnh', 'GIONGTROM'],
  ['Phạm Thanh Bình', 'GIONGTROM'],
  ['Võ Thị Sáu', 'SOGD'],
  ['Huỳnh Văn Tâm', 'TINH_DOAN'],
];
const EXAMPLES = ['dong-khoi-moi-2020-2025.yaml', 'chao-mung-dai-hoi-dang-2025-2030.yaml', 'khoi-mttq-doan-the-2020.yaml'];
const LAUNCH = 'dong-khoi-moi';

/** The Telegram bot's username: BOT_USERNAME, else getMe with BOT_TOKEN; null when neither gives one (the reason is printed). */
async function botUsername(): Promise<string | null> {
  if (process.env.BOT_USERNAME) return process.env.BOT_USERNAME.replace(/^@/, '');
  const token = process.env.BOT_TOKEN;
  if (!token) return null;
  try {
    const root = process.env.TELEGRAM_API_ROOT || 'https://api.telegram.org';
    const res = await fetch(`${root}/bot${token}/getMe`, { signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as { ok: boolean; result?: { username?: string }; description?: string };
    if (body.result?.username) return body.result.username;
    console.warn(`Telegram did not give the bot's username (${body.description ?? `HTTP ${res.status}`}); check BOT_TOKEN.`);
  } catch (err) {
    console.warn(`Could not ask Telegram for the bot's username (${(err as Error).message}).`);
  }
  return null;
}

async function main(): Promise<void> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  const db = await createDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || './data', logger });
  try {
    const services = createServices(db.prisma, { adminIds: [], defaultLocale: 'vi' });
    const now = services.now();
    const units = await services.units.importUnits(
      UNITS.map((u, i) => ({ ...u, line: i + 2 })),
      GROUPS.map((g, i) => ({ ...g, line: i + 2 })),
    );
    if (!units.ok) throw new Error(`units: ${JSON.stringify(units.errors)}`);
    console.log(`Units: ${units.created} created, ${units.updated} updated; groups created: ${units.groupsCreated}`);

    let created = 0;
    for (const [name, unitCode] of MEMBERS) {
      const unit = (await services.units.byCode(unitCode))!;
      const exists = await db.prisma.member.findFirst({ where: { fullName: name, unitId: unit.id } });
      if (exists) continue;
      await db.prisma.member.create({ data: { fullName: name, nameSearch: fold(name), unitId: unit.id } });
      created++;
    }
    console.log(`Demo members: ${created} created (they have no chat; join yourself with a link below)`);

    const root = (await services.units.byCode('BENTRE'))!;
    // The launch is recorded as done by a demo admin (a member without a chat).
    const adminName = 'Quản trị viên demo';
    const demoAdmin =
      (await db.prisma.member.findFirst({ where: { fullName: adminName, role: 'ADMIN', identities: { none: {} } } })) ??
      (await db.prisma.member.create({ data: { fullName: adminName, nameSearch: fold(adminName), role: 'ADMIN', unitId: root.id } }));
    const username = await botUsername();
    for (const name of EXAMPLES) {
      const text = readFileSync(join(packageRoot(), 'examples', name), 'utf8');
      const shifted = shiftCampaignFile(text, monthsToNow(text, now) ?? 0);
      const parsed = parseCampaignFile(shifted, 'yaml', now);
      if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.errors)}`);
      const existing = await services.campaigns.byCode(parsed.campaign.code);
      let id = existing?.id;
      if (!existing) {
        const r = await services.campaigns.createFromDraft(parsed.campaign, { ownerUnitId: root.id, source: shifted });
        if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r)}`);
        id = r.campaign.id;
      }
      const c = (await services.campaigns.byId(id!))!;
      if (c.code === LAUNCH && c.status === 'DRAFT') {
        await services.campaigns.launch({
          campaignId: c.id,
          actor: demoAdmin,
          progressChatId: null,
        });
      }
      const after = (await services.campaigns.byId(c.id))!;
      console.log(`Campaign ${after.code}: ${after.status}${existing ? ' (already there)' : ''} — ${after.title}`);
    }

    const allUnits = await db.prisma.unit.findMany({ orderBy: { path: 'asc' } });
    if (username) {
      console.log('\nInvite links (open one in Telegram to join that unit):');
      for (const u of allUnits) console.log(`  ${u.name.padEnd(52)} https://t.me/${username}?start=u_${u.inviteCode}`);
      console.log(`\nCampaign link: https://t.me/${username}?start=c_${LAUNCH}`);
    } else {
      console.log('\nInvite codes (no Telegram links: set BOT_TOKEN, or BOT_USERNAME=<the bot\'s username without @>, and run the demo again):');
      for (const u of allUnits) console.log(`  ${u.name.padEnd(52)} ${u.inviteCode}`);
    }
    console.log('On Zalo, send a unit\'s invite code to the bot to join it.');
    console.log('Make yourself admin with ADMIN_IDS=<your Telegram id> (Zalo: zalo:<id>), then send /campaigns to the bot.');
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  if (err instanceof DataDirBusyError) {
    console.error(
      `The bot is running on the embedded database (${process.env.DATA_DIR || './data'}), which one process at a time may open.\n` +
        'Stop the bot (Ctrl+C), run `npm run demo`, then start the bot again — or run both on PostgreSQL (DATABASE_URL).',
    );
  } else console.error(err);
  process.exit(1);
});
