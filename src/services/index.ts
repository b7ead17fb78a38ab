import type { PrismaClient } from '../generated/prisma/client.js';
import { prismaSql, type DriverSql } from '../db/sql.js';
import { AuditService } from './audit.js';
import { AccessService } from './access.js';
import { MemberService, type Locale } from './members.js';
import { UnitService } from './units.js';
import { CampaignService } from './campaigns.js';
import { OutboxService } from './outbox.js';
import { BroadcastService } from './broadcasts.js';
import { RegistrationService } from './registrations.js';
import { ReportService } from './reports.js';
import { MyStatusService } from './my-status.js';
import { GroupChatService } from './group-chats.js';
import { ReminderService } from './reminders.js';
import { ReviewReportService } from './review-reports.js';
import { IdentityLinkService } from './identity-links.js';
import { EvidenceFileService } from './evidence-files.js';
import { StatsService } from './stats.js';
import { HonourService } from './honours.js';
import { ExportService } from './exports.js';
import { AmendmentService } from './amendments.js';
import { JoinRequestService } from './join-requests.js';
import { RetentionService } from './retention.js';
import type { QuietHours } from '../domain/reminders.js';

/** Options the services need from configuration; the clock is injectable so tests control time. */
export interface ServiceOptions {
  adminIds: readonly string[];
  defaultLocale: Locale;
  now?: () => Date;
  /** Quiet hours for reminders (config QUIET_HOURS); default 21:00–07:00, null = off. */
  quietHours?: QuietHours;
  /** The hottest statements without Prisma (Database.sql); default: through Prisma. */
  sql?: DriverSql;
}

/** All use cases, built once by the composition root and shared by every channel. */
export interface Services {
  prisma: PrismaClient;
  now: () => Date;
  audit: AuditService;
  access: AccessService;
  members: MemberService;
  units: UnitService;
  campaigns: CampaignService;
  outbox: OutboxService;
  broadcasts: BroadcastService;
  groupChats: GroupChatService;
  registrations: RegistrationService;
  reports: ReportService;
  myStatus: MyStatusService;
  reminders: ReminderService;
  reviewReports: ReviewReportService;
  identityLinks: IdentityLinkService;
  /** Evidence bytes of channels that give files by expiring URL (Zalo). */
  evidenceFiles: EvidenceFileService;
  /** Live figures per unit of a campaign (/stats, its chart, the export's summary sheet). */
  stats: StatsService;
  /** The honour roll (vinh danh): recorded, published, shown in /my. */
  honours: HonourService;
  /** /export: the .xlsx annex, queued as a job and delivered through the outbox. */
  exports: ExportService;
  /** Đính chính / gia hạn of launched campaigns. */
  amendments: AmendmentService;
  /** Requests to join units that need an officer's approval (/joins). */
  joinRequests: JoinRequestService;
  /** What the bot stops keeping: old workbooks' bytes, evidence files nothing refers to. */
  retention: RetentionService;
}

/**
 * `opts.sql`: the database's driver-level statements (Database.sql) for the hottest queries; without
 * it they go through Prisma.
 */
export function createServices(prisma: PrismaClient, opts: ServiceOptions): Services {
  const now = opts.now ?? (() => new Date());
  const sql = opts.sql ?? prismaSql(prisma);
  const outbox = new OutboxService(prisma, now);
  const broadcasts = new BroadcastService(prisma, outbox, now);
  const audit = new AuditService(prisma);
  const reminders = new ReminderService(prisma, outbox, { now, ...(opts.quietHours !== undefined ? { quiet: opts.quietHours } : {}) });
  const stats = new StatsService(prisma, now);
  const campaigns = new CampaignService(prisma, { broadcasts, audit, now, onChanged: (id) => reminders.onCampaignChanged(id) });
  return {
    prisma,
    now,
    audit,
    access: new AccessService(prisma),
    members: new MemberService(prisma, { adminIds: opts.adminIds, defaultLocale: opts.defaultLocale, now, outbox }, sql),
    units: new UnitService(prisma),
    campaigns,
    outbox,
    broadcasts,
    groupChats: new GroupChatService(prisma),
    registrations: new RegistrationService(prisma, campaigns, outbox, now, sql),
    reports: new ReportService(prisma, now),
    myStatus: new MyStatusService(prisma, campaigns, now),
    reminders,
    reviewReports: new ReviewReportService(prisma, now),
    identityLinks: new IdentityLinkService(prisma),
    evidenceFiles: new EvidenceFileService(prisma),
    stats,
    honours: new HonourService(prisma, { campaigns, broadcasts, now }),
    exports: new ExportService(prisma, outbox, stats, now),
    amendments: new AmendmentService(prisma, { campaigns, broadcasts, now, onDatesChanged: (id) => reminders.onCampaignChanged(id) }),
    joinRequests: new JoinRequestService(prisma, { outbox, now }),
    retention: new RetentionService(prisma),
  };
}
