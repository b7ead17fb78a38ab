/**
 * The flows the bot offers, on every channel. Each flow file (`src/flows/<name>.ts`) exports a
 * factory taking the services it calls; this list is what the composition root registers.
 */
import type { Services } from '../services/index.js';
import type { FlowSpec } from './conversations.js';
import { createRegisterFlow } from './register.js';
import { createReportFlow } from './report.js';
import { createReturnRegistrationFlow } from './return-registration.js';
import { createReviewFlow } from './review.js';
import { createOnboardingFlow } from './onboarding.js';
import { createGrantRoleFlow } from './grant-role.js';
import { createCampaignFlow } from './create-campaign.js';
import { createCampaignEditFlow } from './campaign-edit.js';
import { createCampaignImportFlow } from './campaign-import.js';
import { createCampaignAnnounceFlow } from './campaign-announce.js';
import { createCampaignPickFlow } from './campaign-pick.js';
import { createCampaignLaunchFlow } from './campaign-launch.js';
import { createCampaignAmendFlow } from './campaign-amend.js';
import { createUnitsImportFlow } from './units-import.js';
import { createSettingsFlow } from './settings.js';
import { createLinkFlow } from './link.js';
import { createHonoursFlow } from './honours.js';
import { createPickItemFlow } from './pick-item.js';
import { createExportFlow } from './export.js';
import { createJoinDeclineFlow } from './join-decline.js';
import { createNudgeFlow } from './nudge.js';
import { createLanguageFlow, createProfileNameFlow, createProfileUnitFlow } from './profile.js';

/** Every flow, built with its services: every multi-step dialogue of the bot, on every channel. */
export function createFlows(services: Services): FlowSpec<never, never>[] {
  return [
    createRegisterFlow(services),
    createReportFlow(services),
    createReviewFlow(services),
    createReturnRegistrationFlow(services),
    createOnboardingFlow(services),
    createProfileNameFlow(services),
    createProfileUnitFlow(services),
    createLanguageFlow(services),
    createGrantRoleFlow(services),
    createCampaignFlow(services),
    createCampaignEditFlow(services),
    createCampaignImportFlow(services),
    createCampaignAnnounceFlow(services),
    createCampaignPickFlow(services),
    createCampaignLaunchFlow(services),
    createCampaignAmendFlow(services),
    createUnitsImportFlow(services),
    createSettingsFlow(services),
    createLinkFlow(services),
    createHonoursFlow(services),
    createPickItemFlow(),
    createExportFlow(services),
    createJoinDeclineFlow(services),
    createNudgeFlow(services),
  ] as unknown as FlowSpec<never, never>[];
}
