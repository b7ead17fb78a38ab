import { InputFile, InputMediaBuilder } from 'grammy';
import { FeatureComposer } from '../composer.js';
import type { BotContext } from '../context.js';
import { replyHtml } from '../helpers.js';
import { refuse, requireRole } from '../access.js';
import { renderForTelegram } from '../render/outbox.js';
import { flowFollowUps, startFlowFor } from '../flow-driver.js';
import { CAMPAIGN_PICK_FLOW, type CampaignPickArgs } from '../../../flows/campaign-pick.js';
import { chartCaption, STATS_REFUSAL_KEYS, statsMessage } from '../../../insight/stats-message.js';
import { chartPagesOf } from '../../../insight/stats-chart.js';
import type { T } from '../../../messages/templates.js';
import { isStoreOutage } from '../../../outage.js';

/**
 * /stats [campaign code] (số liệu thi đua): an officer's live figures per unit of their subtree
 * (admins: every unit), in as many messages as 4,096 characters allow with the Nudge button under
 * the last, then the chart as a photo (an album of pictures of 50 units each when there are more). Without a code, the campaign picker (src/flows/campaign-pick.ts,
 * `purpose: 'stats'`). StatsService decides who sees what and audits it; this file only translates.
 */
export const stats = new FeatureComposer<BotContext>();
const privateChat = stats.chatType('private');

privateChat.command('stats', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'stats.view'))) return;
  const code = ctx.match.trim().toLowerCase();
  if (!code) return startFlowFor<CampaignPickArgs>(ctx, ctx.deps.conversations, CAMPAIGN_PICK_FLOW, { purpose: 'stats' });
  const campaign = await ctx.deps.services.campaigns.byCode(code);
  if (!campaign) return void (await ctx.reply(ctx.t('stats-unknown', { code })));
  await showStats(ctx, campaign.id);
});

flowFollowUps.set(CAMPAIGN_PICK_FLOW, async (ctx, done) => {
  const id = Number(done.value?.statsCampaignId);
  if (Number.isInteger(id) && id > 0) await showStats(ctx, id);
});

/** The figures, then the chart (a chart that fails to draw is said, the figures stand). */
async function showStats(ctx: BotContext, campaignId: number): Promise<void> {
  const r = await ctx.deps.services.stats.forCampaign({ actor: { id: ctx.member!.id }, campaignId });
  if (!r.ok) return refuse(ctx, ctx.t(STATS_REFUSAL_KEYS[r.reason], { code: String(campaignId) }));
  const t: T = (key, vars) => ctx.t(key, vars);
  const message = renderForTelegram(t, statsMessage(r.stats), () => ctx.me.username);
  await replyHtml(ctx, message.text, message.markup ? { reply_markup: message.markup } : {});
  const locale = ctx.member!.locale;
  try {
    // Many units: an album of pictures of 50 units each, which Telegram shows without shrinking them.
    const { pages, shown, omitted } = await chartPagesOf((_l, key, vars) => ctx.t(key, vars), locale, r.stats);
    const caption = chartCaption(t, r.stats.campaign.title, shown, omitted);
    const file = (png: Buffer, k: number) => new InputFile(png, `thong-ke-${r.stats.campaign.code}${pages.length > 1 ? `-${k + 1}` : ''}.png`);
    if (pages.length === 1) await ctx.replyWithPhoto(file(pages[0]!.png, 0), { caption });
    else await ctx.replyWithMediaGroup(pages.map((p, k) => InputMediaBuilder.photo(file(p.png, k), k === 0 ? { caption } : {})));
  } catch (err) {
    if (isStoreOutage(err)) throw err;
    ctx.log.error({ err, campaignId }, 'stats chart failed');
    await ctx.reply(ctx.t('stats-chart-failed'));
  }
}
