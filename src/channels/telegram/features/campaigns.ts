import { InlineKeyboard } from 'grammy';
import { FeatureComposer } from '../composer.js';
import type { BotContext } from '../context.js';
import { encodeCallback } from '../callback-data.js';
import { answerQuietly, escapeHtml, onAction, replyHtml } from '../helpers.js';
import { hasRole, refuse, requireRole } from '../access.js';
import { isMenuText, mainMenu } from '../keyboards/menu.js';
import type { CampaignFull } from '../../../services/campaigns.js';
import type { OutboxMessage } from '../../../messages/types.js';
import { renderDetail, renderList, type T } from '../render/campaign.js';
import { renderForTelegram } from '../render/outbox.js';
import { launchMessage } from '../../../messages/compose.js';
import { CREATE_CAMPAIGN_FLOW } from '../../../flows/create-campaign.js';
import { CAMPAIGN_IMPORT_FLOW, campaignFileFormat } from '../../../flows/campaign-import.js';
import { CAMPAIGN_EDIT_FLOW, type CampaignEditArgs } from '../../../flows/campaign-edit.js';
import { announceAttachment, CAMPAIGN_ANNOUNCE_FLOW, type CampaignAnnounceArgs } from '../../../flows/campaign-announce.js';
import { CAMPAIGN_PICK_FLOW, type CampaignPickArgs } from '../../../flows/campaign-pick.js';
import { CAMPAIGN_AMEND_FLOW, type CampaignAmendArgs } from '../../../flows/campaign-amend.js';
import { fileOf, flowFollowUps, startFlowFor } from '../flow-driver.js';
import { pageOf, splitHtml } from '../render/split.js';

/**
 * Phong trào thi đua: officers import (YAML/JSON file) or create (/newcampaign) campaigns, list,
 * view, edit drafts, launch (phát động), announce, close and archive them; members see the active
 * campaigns of their unit. Callback data is never trusted: every officer button goes to a use case
 * that decides on the person's role and unit as they are now and audits the outcome; this file
 * only translates.
 */
export const campaigns = new FeatureComposer<BotContext>();
const privateChat = campaigns.chatType('private');

const tOf = (ctx: BotContext): T => (key, vars) => ctx.t(key, vars);

// ---- Import from a file -------------------------------------------------------------------------

// The flow (src/flows/campaign-import.ts) asks for the file and, when its code is taken, another
// code; here the command and a YAML/JSON file sent outright start it, and a saved draft is shown.

privateChat.command('importcampaign', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'campaign.import'))) return;
  await startFlowFor(ctx, ctx.deps.conversations, CAMPAIGN_IMPORT_FLOW, {});
});

privateChat.on('message:document').filter(
  (ctx) => campaignFileFormat(ctx.msg.document.file_name ?? '', ctx.msg.document.mime_type) !== null,
  async (ctx) => {
    if (!(await requireRole(ctx, 'OFFICER', 'campaign.import'))) return;
    const file = fileOf(ctx);
    if (file) await startFlowFor(ctx, ctx.deps.conversations, CAMPAIGN_IMPORT_FLOW, { file });
  },
);

/** A draft saved by the import or edited: the officer's view of it, with its buttons. */
for (const flow of [CAMPAIGN_IMPORT_FLOW, CAMPAIGN_EDIT_FLOW]) {
  flowFollowUps.set(flow, async (ctx, done) => {
    if (typeof done.value?.campaignId === 'number') await showManage(ctx, done.value.campaignId);
  });
}

// ---- The wizard -------------------------------------------------------------------------------

privateChat.command('newcampaign', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'campaign.create'))) return;
  // The flow (src/flows/create-campaign.ts) refuses an officer without a unit before its first question.
  await startFlowFor(ctx, ctx.deps.conversations, CREATE_CAMPAIGN_FLOW, {});
});

// ---- Officer: list, view, edit, launch, announce, close, archive -------------------------------

/**
 * Loads a campaign for an officer's button or command. The service decides (role and scope as they
 * are now) and audits a refusal; this only answers it. Null when the action must stop.
 */
async function managed(ctx: BotContext, campaignId: number, action: string): Promise<CampaignFull | null> {
  if (!(await requireRole(ctx, 'OFFICER', action))) return null;
  const r = await ctx.deps.services.campaigns.forManager(campaignId, { id: ctx.member!.id }, action);
  if (r.ok) return r.campaign;
  if (r.reason === 'not_found') {
    if (ctx.callbackQuery) await answerQuietly(ctx, ctx.t('button-expired'));
  } else await refuse(ctx, ctx.t(r.reason === 'forbidden' ? 'forbidden' : 'camp-out-of-scope'));
  return null;
}

async function showManage(ctx: BotContext, campaignId: number): Promise<void> {
  const c = await ctx.deps.services.campaigns.byId(campaignId);
  if (!c) return;
  const kb = new InlineKeyboard();
  if (!c.archivedAt && c.status === 'DRAFT') {
    kb.text(ctx.t('camp-btn-launch'), encodeCallback('camp.launch', { campaignId: c.id })).row();
    kb.text(ctx.t('camp-btn-edit'), encodeCallback('camp.edit', { campaignId: c.id }));
  }
  if (!c.archivedAt && c.status === 'LAUNCHED') {
    kb.text(ctx.t('camp-btn-announce'), encodeCallback('camp.announce', { campaignId: c.id })).row();
    kb.text(ctx.t('amend-button'), encodeCallback('camp.amend', { campaignId: c.id })).row();
    kb.text(ctx.t('camp-btn-close'), encodeCallback('camp.close', { campaignId: c.id }));
  }
  if (!c.archivedAt && c.status !== 'LAUNCHED') kb.text(ctx.t('camp-btn-archive'), encodeCallback('camp.archive', { campaignId: c.id }));
  await replyHtml(ctx, renderDetail(tOf(ctx), c, { now: ctx.deps.services.now(), forOfficer: true }), { reply_markup: kb });
}

/** Campaigns per page of /campaigns: a screen of titles and a keyboard well under Telegram's 100 buttons. */
const CAMPAIGNS_PAGE_SIZE = 10;

/**
 * One page of a campaign list: numbered lines (numbers run on across pages), a button per
 * campaign opening it with `open`, and ‹ › between pages. Paging edits the message in place.
 */
async function sendCampaignPage(
  ctx: BotContext,
  list: Array<{ id: number; title: string; status: string; archivedAt: Date | null; startsAt: Date; endsAt: Date }>,
  page: number,
  opts: { heading: string; hint: string; withStatus: boolean; open: (campaignId: number) => string },
): Promise<void> {
  const p = pageOf(list, page, CAMPAIGNS_PAGE_SIZE);
  const kb = new InlineKeyboard();
  p.items.forEach((c, i) => kb.text(`${p.offset + i + 1}. ${c.title.slice(0, 40)}`, opts.open(c.id)).row());
  if (p.pages > 1) {
    if (p.page > 0) kb.text(ctx.t('page-prev'), encodeCallback('camp.list', { page: p.page - 1 }));
    kb.text(ctx.t('page-of', { page: p.page + 1, pages: p.pages }), encodeCallback('camp.list', { page: p.page }));
    if (p.page < p.pages - 1) kb.text(ctx.t('page-next'), encodeCallback('camp.list', { page: p.page + 1 }));
  }
  const text = `${opts.heading}\n${renderList(tOf(ctx), p.items, { withStatus: opts.withStatus, offset: p.offset })}\n\n${opts.hint}`;
  if (ctx.callbackQuery?.message && splitHtml(text).length === 1) {
    const edited = await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: kb }).then(
      () => true,
      (err: unknown) => String(err).includes('message is not modified'),
    );
    if (edited) return;
  }
  await replyHtml(ctx, text, { reply_markup: kb });
}

async function officerList(ctx: BotContext, page = 0): Promise<void> {
  const list = await ctx.deps.services.campaigns.listForOfficer({ id: ctx.member!.id });
  if (list.length === 0) return void (await ctx.reply(ctx.t('camp-officer-none'), { parse_mode: 'HTML' }));
  await sendCampaignPage(ctx, list, page, {
    heading: ctx.t('camp-officer-list'),
    hint: ctx.t('camp-officer-hint'),
    withStatus: true,
    open: (campaignId) => encodeCallback('camp.manage', { campaignId }),
  });
}

onAction(campaigns, 'camp.manage', async (ctx, { campaignId }) => {
  if (!(await managed(ctx, campaignId, 'campaign.view'))) return;
  await answerQuietly(ctx);
  await showManage(ctx, campaignId);
});

onAction(campaigns, 'camp.launch', async (ctx, { campaignId }) => {
  const c = await managed(ctx, campaignId, 'campaign.launch');
  if (!c) return;
  await answerQuietly(ctx);
  if (c.status !== 'DRAFT' || c.archivedAt) return void (await ctx.reply(ctx.t('camp-already-launched')));
  await ctx.reply(ctx.t('camp-preview-intro'));
  await sendRendered(ctx, launchMessage(c));
  const count = await ctx.deps.services.campaigns.audienceCount(c.id);
  const kb = new InlineKeyboard()
    .text(ctx.t('camp-btn-launch-confirm'), encodeCallback('camp.launchok', { campaignId: c.id }))
    .row()
    .text(ctx.t('button-cancel'), encodeCallback('flow.cancel', {}));
  await ctx.reply(ctx.t('camp-launch-confirm', { members: count.members, groups: count.groups }), { parse_mode: 'HTML', reply_markup: kb });
});

/** Sends an outbox message as a reply, rendered as the sender will (the officer's preview of what members receive). */
async function sendRendered(ctx: BotContext, m: OutboxMessage): Promise<void> {
  const r = renderForTelegram(tOf(ctx), m, () => ctx.me.username);
  await ctx.reply(r.text, { ...(r.parseMode ? { parse_mode: r.parseMode } : {}), reply_markup: r.markup ?? new InlineKeyboard(), link_preview_options: { is_disabled: true } });
}

onAction(campaigns, 'camp.launchok', async (ctx, { campaignId }) => {
  const c = await managed(ctx, campaignId, 'campaign.launch');
  if (!c) return;
  await answerQuietly(ctx);
  await ctx.editMessageReplyMarkup().catch(() => {});
  const result = await ctx.deps.services.campaigns.launch({
    campaignId,
    actor: { id: ctx.member!.id },
    progressChatId: String(ctx.chat!.id),
  });
  if (!result.ok) {
    return void (await ctx.reply(ctx.t(result.reason === 'not_draft' ? 'camp-already-launched' : 'camp-out-of-scope')));
  }
  await ctx.reply(ctx.t('camp-launched', { title: escapeHtml(c.title), members: result.members, groups: result.groups }), {
    parse_mode: 'HTML',
    reply_markup: mainMenu(ctx),
  });
});

/** Edit: the flow (src/flows/campaign-edit.ts) asks which field (unless the button named it) and its new value. */
async function startEdit(ctx: BotContext, campaignId: number, field?: CampaignEditArgs['field']): Promise<void> {
  const c = await managed(ctx, campaignId, 'campaign.edit');
  if (!c) return;
  await answerQuietly(ctx);
  if (c.status !== 'DRAFT') return void (await ctx.reply(ctx.t('camp-edit-not-draft')));
  await startFlowFor<CampaignEditArgs>(ctx, ctx.deps.conversations, CAMPAIGN_EDIT_FLOW, { campaignId, code: c.code, ...(field ? { field } : {}) });
}

onAction(campaigns, 'camp.edit', (ctx, { campaignId }) => startEdit(ctx, campaignId));
onAction(campaigns, 'camp.editf', (ctx, { campaignId, field }) => startEdit(ctx, campaignId, field));

onAction(campaigns, 'camp.announce', async (ctx, { campaignId }) => {
  const c = await managed(ctx, campaignId, 'campaign.announce');
  if (!c) return;
  await answerQuietly(ctx);
  if (c.status !== 'LAUNCHED') return void (await ctx.reply(ctx.t('camp-announce-not-launched')));
  await startFlowFor<CampaignAnnounceArgs>(ctx, ctx.deps.conversations, CAMPAIGN_ANNOUNCE_FLOW, { campaignId, title: c.title });
});

privateChat.command('announce', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'campaign.announce'))) return;
  const list = (await ctx.deps.services.campaigns.listForOfficer({ id: ctx.member!.id })).filter((c) => c.status === 'LAUNCHED');
  if (list.length === 0) return void (await ctx.reply(ctx.t('camp-announce-none')));
  const kb = new InlineKeyboard();
  list.forEach((c, i) => kb.text(`${i + 1}. ${c.title.slice(0, 40)}`, encodeCallback('camp.announce', { campaignId: c.id })).row());
  await ctx.reply(ctx.t('camp-announce-pick'), { reply_markup: kb });
});

/**
 * The announce flow (src/flows/campaign-announce.ts) took the text and the confirmation; the
 * announcement is queued here as data (rendered per member when it is sent). The service
 * re-checks the officer and audits; the flow's nonce makes a repeated confirmation queue it once.
 */
flowFollowUps.set(CAMPAIGN_ANNOUNCE_FLOW, async (ctx, done) => {
  const { campaignId, text, nonce } = done.value ?? {};
  if (typeof campaignId !== 'number' || typeof text !== 'string' || typeof nonce !== 'string') return;
  const c = await managed(ctx, campaignId, 'campaign.announce');
  if (!c) return;
  const result = await ctx.deps.services.campaigns.announce({
    campaignId,
    actor: { id: ctx.member!.id },
    text,
    progressChatId: String(ctx.chat!.id),
    nonce,
    attachment: announceAttachment(done.value),
  });
  if (!result.ok) return void (await ctx.reply(ctx.t('camp-announce-not-launched')));
  await ctx.reply(ctx.t('camp-announced', { members: result.members, groups: result.groups }), { reply_markup: mainMenu(ctx) });
});

/**
 * Đính chính / gia hạn: the flow (src/flows/campaign-amend.ts) asks what to amend, shows the notice
 * and asks to confirm; the service decides who may, changes, notifies and audits.
 */
onAction(campaigns, 'camp.amend', async (ctx, { campaignId }) => {
  if (!(await requireRole(ctx, 'OFFICER', 'campaign.amend'))) return;
  await answerQuietly(ctx);
  await startFlowFor<CampaignAmendArgs>(ctx, ctx.deps.conversations, CAMPAIGN_AMEND_FLOW, { campaignId, progressChatId: String(ctx.chat!.id) });
});

privateChat.command('amend', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'campaign.amend'))) return;
  const code = ctx.match.trim();
  await startFlowFor<CampaignAmendArgs>(ctx, ctx.deps.conversations, CAMPAIGN_AMEND_FLOW, { progressChatId: String(ctx.chat!.id), ...(code ? { code } : {}) });
});

/** Closing and archiving cannot be undone from chat: both ask for confirmation first. */
for (const [ask, confirm, kind] of [
  ['camp.close', 'camp.closeok', 'close'],
  ['camp.archive', 'camp.archiveok', 'archive'],
] as const) {
  onAction(campaigns, ask, async (ctx, { campaignId }) => {
    const c = await managed(ctx, campaignId, `campaign.${kind}`);
    if (!c) return;
    await answerQuietly(ctx);
    const kb = new InlineKeyboard()
      .text(ctx.t(`camp-${kind}-confirm-yes`), encodeCallback(confirm, { campaignId }))
      .text(ctx.t('button-cancel'), encodeCallback('flow.cancel', {}));
    await ctx.reply(ctx.t(`camp-${kind}-confirm`, { title: escapeHtml(c.title) }), { parse_mode: 'HTML', reply_markup: kb });
  });

  onAction(campaigns, confirm, async (ctx, { campaignId }) => {
    const c = await managed(ctx, campaignId, `campaign.${kind}`);
    if (!c) return;
    await answerQuietly(ctx);
    await ctx.editMessageReplyMarkup().catch(() => {});
    const result = kind === 'close' ? await ctx.deps.services.campaigns.close(campaignId, { id: ctx.member!.id }) : await ctx.deps.services.campaigns.archive(campaignId, { id: ctx.member!.id });
    const done = kind === 'close' ? 'camp-closed' : 'camp-archived';
    const refused = kind === 'close' ? 'camp-close-refused' : 'camp-archive-refused';
    await ctx.reply(result.ok ? ctx.t(done, { title: escapeHtml(c.title) }) : ctx.t(refused), { parse_mode: 'HTML' });
  });
}

// ---- Members: active campaigns of their unit --------------------------------------------------

/**
 * Shows a campaign to a member who opened its registration deep link (`/start c_<code>`), through
 * the campaign flow (src/flows/campaign-pick.ts) that shows it from the list too.
 */
export async function showCampaignForRegistration(ctx: BotContext, campaign: CampaignFull): Promise<void> {
  await startFlowFor<CampaignPickArgs>(ctx, ctx.deps.conversations, CAMPAIGN_PICK_FLOW, { campaignId: campaign.id });
}

async function memberList(ctx: BotContext): Promise<void> {
  await startFlowFor(ctx, ctx.deps.conversations, CAMPAIGN_PICK_FLOW, {});
}

onAction(campaigns, 'camp.list', async (ctx, { page }) => {
  await answerQuietly(ctx);
  if (hasRole(ctx, 'OFFICER')) return officerList(ctx, page);
  return memberList(ctx);
});

/** A campaign a member may open: launched and addressed to their unit. */
async function openableBy(ctx: BotContext, campaignId: number): Promise<CampaignFull | null> {
  if (!ctx.member?.unitId) return null;
  const active = await ctx.deps.services.campaigns.activeForUnit(ctx.member.unitId);
  return active.find((c) => c.id === campaignId) ?? null;
}

onAction(campaigns, 'camp.open', async (ctx, { campaignId }) => {
  const c = await openableBy(ctx, campaignId);
  if (!c) return answerQuietly(ctx, ctx.t('button-expired'));
  await answerQuietly(ctx);
  await showCampaignForRegistration(ctx, c);
});

privateChat.command('campaigns', async (ctx) => {
  if (hasRole(ctx, 'OFFICER')) return officerList(ctx);
  return memberList(ctx);
});

privateChat.on('message:text').filter((ctx) => isMenuText(ctx, 'menu-campaigns', ctx.msg.text), (ctx) => memberList(ctx));

/** `/start c_<code>` from an onboarded member (onboarding passes it on): the campaign itself. */
privateChat.command('start', async (ctx, next) => {
  const payload = ctx.match.trim();
  if (!payload.startsWith('c_')) return next();
  const campaign = await ctx.deps.services.campaigns.byCode(payload.slice(2));
  const open = campaign && ctx.member?.unitId ? await openableBy(ctx, campaign.id) : null;
  if (!open) return void (await ctx.reply(ctx.t('camp-link-invalid'), { reply_markup: mainMenu(ctx) }));
  await showCampaignForRegistration(ctx, open);
});
