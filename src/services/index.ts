import type { PrismaClient } from '../generated/prisma/client.js';
import { AuditService } from './audit.js';
import { MemberService, type Locale } from './members.js';
import { UnitService } from './units.js';
import { CampaignService } from './campaigns.js';
import { OutboxService } from './outbox.js';
import { BroadcastService } from './broadcasts.js';

/** Options the services need from configuration; the clock is injectable so tests control time. */
export interface ServiceOptions {
  adminIds: readonly string[];
  defaultLocale: Locale;
  now?: () => Date;
}

/** All use cases, built once by the composition root and shared by every channel. */
export interface Services {
  prisma: PrismaClient;
  now: () => Date;
  audit: AuditService;
  members: MemberService;
  units: UnitService;
  campaigns: CampaignService;
  outbox: OutboxService;
  broadcasts: BroadcastService;
}

export function createServices(prisma: PrismaClient, opts: ServiceOptions): Services {
  const now = opts.now ?? (() => new Date());
  const outbox = new OutboxService(prisma);
  return {
    prisma,
    now,
    audit: new AuditService(prisma),
    members: new MemberService(prisma, { adminIds: opts.adminIds, defaultLocale: opts.defaultLocale, now }),
    units: new UnitService(prisma),
    campaigns: new CampaignService(prisma),
    outbox,
    broadcasts: new BroadcastService(prisma, outbox),
  };
}
