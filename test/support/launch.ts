/**
 * Importing a campaign file under a new code and launching it through the services, as an officer
 * would, then reading the launch's outbox rows for one member (the identity tests ask where they go).
 */
import { expect } from 'vitest';
import type { Services } from '../../src/services/index.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';

export async function launchFileFor(
  s: Services,
  prisma: PrismaClient,
  o: { text: string; officer: { id: number }; code: string; memberId: number },
) {
  const imported = await s.campaigns.importFile({ text: o.text, format: 'yaml', actor: o.officer, code: o.code });
  if (!imported.ok) throw new Error(JSON.stringify(imported));
  const r = await s.campaigns.launch({ campaignId: imported.campaign.id, actor: o.officer, progressChatId: null });
  expect(r.ok).toBe(true);
  return prisma.delivery.findMany({ where: { memberId: o.memberId, broadcast: { campaignId: imported.campaign.id } } });
}
