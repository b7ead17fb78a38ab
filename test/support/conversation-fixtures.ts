/**
 * Fixtures shared by the conversation e2e tests (registration, reports, robustness): a small unit
 * tree, a launched campaign whose deadlines are relative to today, and joined members. Made through
 * the services directly: onboarding and campaign authoring have their own tests.
 */
import type { Harness } from './app-harness.js';
import type { SimulatedUser } from './simulated-user.js';
import { parseCampaignFile } from '../../src/domain/campaign-file.js';
import { addLocalDays, formatDate } from '../../src/domain/dates.js';
import { telegram } from './identities.js';

export const UNITS = [
  { code: 'BENTRE', name: 'UBND tỉnh Bến Tre' },
  { code: 'DONGKHOI', name: 'Xã Đồng Khởi', parent: 'BENTRE' },
];

/**
 * A launched campaign with registration closing `regDays` from now (negative: already closed),
 * offering `individual` titles to members (default LĐTT and CSTĐCS).
 */
export async function launchCampaign(h: Harness, code: string, regDays: number, individual: readonly string[] = ['LDTT', 'CSTDCS']): Promise<number> {
  const now = new Date();
  const d = (n: number) => formatDate(addLocalDays(now, n));
  const yaml = `
code: ${code}
title: Thi đua chào mừng đại hội ${code}
kind: THEMATIC
starts: ${d(-30)}
ends: ${d(200)}
titles:
  individual: [${individual.join(', ')}]
  collective: [TTLDTT, TTLDXS]
criteria:
  - { code: K1, title: Học tập và làm theo tư tưởng Hồ Chí Minh, measure: TEXT }
  - { code: K3, title: Công trình chào mừng đại hội, measure: NUMBER, unit: công trình }
  - { code: K4, title: Phát hiện điển hình tiên tiến, measure: NUMBER, unit: điển hình }
milestones:
  - { kind: REGISTRATION, due: "${d(regDays)} 17:00" }
  - { kind: PROGRESS_REPORT, due: "${d(5)} 17:00" }
  - { kind: FINAL_REVIEW, due: "${d(150)} 17:00" }
`;
  const parsed = parseCampaignFile(yaml, 'yaml', now);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const unit = await h.app.services.units.byCode('BENTRE');
  const created = await h.app.services.campaigns.createFromDraft(parsed.campaign, { ownerUnitId: unit!.id });
  if (!created.ok) throw new Error(created.reason);
  await h.app.services.prisma.campaign.update({ where: { id: created.campaign.id }, data: { status: 'LAUNCHED', launchedAt: now } });
  return created.campaign.id;
}

/** A member of Xã Đồng Khởi who has finished onboarding. */
export async function joined(h: Harness, user: SimulatedUser, fullName: string, role: 'MEMBER' | 'OFFICER' = 'MEMBER', locale = 'vi') {
  const unit = await h.app.services.units.byCode('DONGKHOI');
  return h.app.services.prisma.member.create({ data: { identities: telegram(BigInt(user.id)), fullName, nameSearch: fullName.toLowerCase(), unitId: unit!.id, role, locale } });
}
