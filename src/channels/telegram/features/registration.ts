import { InlineKeyboard } from 'grammy';
import { FeatureComposer } from '../composer.js';
import type { BotContext } from '../context.js';
import { encodeCallback } from '../callback-data.js';
import { answerQuietly, escapeHtml, onAction, replyHtml, replyNotJoined } from '../helpers.js';
import { refuse, requireRole } from '../access.js';
import { isMenuText, mainMenu } from '../keyboards/menu.js';
import { startFlowFor } from '../flow-driver.js';
import { REGISTER_FLOW } from '../../../flows/register.js';
import { RETURN_FLOW, type ReturnArgs } from '../../../flows/return-registration.js';
import { formatDateTime } from '../../../domain/dates.js';
import { myAwardsBlocks, myStatusBlocks } from '../../my-status.js';
import { decisionRow, titleText } from '../render/registrations.js';
import { splitHtml } from '../render/split.js';
import type { ListStatus } from '../../../services/registrations.js';


/**
 * Đăng ký thi đua and "Của tôi": /register, the menu button and the launch announcement's deep
 * link (`/start c_<code>`) open the registration conversation; officers approve or return
 * registrations from their digest; /my shows each campaign's registration, reports and next deadline.
 */
export const registration = new FeatureComposer<BotContext>();
const privateChat = registration.chatType('private');


/** Enters the registration flow (for one campaign when given), if the member has joined. */
export async function startRegistration(ctx: BotContext, campaignId?: number): Promise<void> {
  if (!ctx.member?.unitId || !ctx.member.fullName) {
    await replyNotJoined(ctx);
    return;
  }
  await startFlowFor(ctx, ctx.deps.conversations, REGISTER_FLOW, { campaignId: campaignId ?? null });
}

/**
 * `/start c_<code>` (the Register button of a launch announcement). A member who has joined goes
 * straight to registration for that campaign; one who has not is onboarded first and the link is
 * remembered on the member ({@link resumeCampaignLink} picks it up). Returns false when the link is
 * not a campaign the member can register for, so other handlers may answer it.
 */
export async function openCampaignLink(ctx: BotContext, code: string): Promise<boolean> {
  const member = ctx.member;
  if (!member) return false;
  if (!member.unitId || !member.fullName) {
    ctx.member = await ctx.deps.services.members.setPendingCampaign(member.id, code.slice(0, 64));
    return false;
  }
  if (member.pendingCampaign !== null) ctx.member = await ctx.deps.services.members.setPendingCampaign(member.id, null);
  const campaigns = await ctx.deps.services.registrations.campaignsFor(member.id);
  const campaign = campaigns.find((c) => c.code === code);
  if (!campaign) return false;
  await startFlowFor(ctx, ctx.deps.conversations, REGISTER_FLOW, { campaignId: campaign.id });
  return true;
}

/** After onboarding: continue with the campaign link the member opened first, if any. */
export async function resumeCampaignLink(ctx: BotContext): Promise<void> {
  const code = ctx.member?.pendingCampaign;
  // Still waiting for a join request's approval: the link waits with them (the approval lists the campaigns).
  if (!code || !ctx.member?.unitId) return;
  if (!(await openCampaignLink(ctx, code))) await ctx.reply(ctx.t('reg-campaign-not-open'));
}

privateChat.command('register', (ctx) => startRegistration(ctx));
privateChat.on('message:text').filter((ctx) => isMenuText(ctx, 'menu-register', ctx.msg.text), (ctx) => startRegistration(ctx));

onAction(registration, 'reg.approve', async (ctx, { registrationId }) => {
  if (!(await requireRole(ctx, 'OFFICER', 'registration.approve'))) return;
  // The service re-checks the officer's role and scope as they are now (and audits the outcome).
  const r = await ctx.deps.services.registrations.decide({ registrationId, actor: { id: ctx.member!.id }, decision: 'APPROVE' });
  if (!r.ok) return answerQuietly(ctx, ctx.t(`reg-decide-${r.reason}`));
  await answerQuietly(ctx, ctx.t('reg-approved-toast'));
  await ctx.reply(ctx.t('reg-approved', { id: registrationId }));
});

onAction(registration, 'reg.return', async (ctx, { registrationId }) => {
  if (!(await requireRole(ctx, 'OFFICER', 'registration.return'))) return;
  // Asked before the reason is typed; decide() asks again when the reason arrives.
  const may = await ctx.deps.services.registrations.mayDecide({ registrationId, actor: { id: ctx.member!.id }, decision: 'RETURN' });
  if (!may.ok && may.reason === 'not_found') return answerQuietly(ctx, ctx.t('reg-decide-not_found'));
  await answerQuietly(ctx);
  if (!may.ok) return refuse(ctx, may.reason === 'forbidden' ? ctx.t('forbidden') : ctx.t('forbidden-scope', { unit: may.unit ?? '—' }));
  await startFlowFor<ReturnArgs>(ctx, ctx.deps.conversations, RETURN_FLOW, { registrationId });
});

/** "Của tôi": per open campaign, the registration(s) with commitments, reports sent, next deadline. */
export async function showMyStatus(ctx: BotContext): Promise<void> {
  const member = ctx.member;
  if (!member?.unitId || !member.fullName) {
    await replyNotJoined(ctx);
    return;
  }
  const items = await ctx.deps.services.myStatus.forMember(member.id);
  // Awards outlive their campaign: a member honoured in a closed campaign still sees them here.
  const awards = await ctx.deps.services.honours.awardsOf(member);
  if (items.length === 0 && awards.length === 0) {
    await ctx.reply(ctx.t('my-none'), { reply_markup: mainMenu(ctx) });
    return;
  }
  const t = (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars);
  // One block per campaign: a long one goes on in the next message, the menu under the last.
  await replyHtml(ctx, [...myStatusBlocks(t, items, ctx.deps.services.now(), member.locale ?? 'vi'), ...myAwardsBlocks(t, awards)].join('\n\n'), { reply_markup: mainMenu(ctx) });
}

privateChat.command('my', showMyStatus);
privateChat.on('message:text').filter((ctx) => isMenuText(ctx, 'menu-my', ctx.msg.text), showMyStatus);

// ---- /registrations: the officer's list, paged, with approve / return on each -------------------

const STATUS_WIRE = { SUBMITTED: 's', APPROVED: 'a', RETURNED: 'r' } as const satisfies Record<ListStatus, string>;
const WIRE_STATUS = { s: 'SUBMITTED', a: 'APPROVED', r: 'RETURNED' } as const satisfies Record<string, ListStatus>;

/**
 * A page of the registrations in the officer's units with one status: a line each (who, unit,
 * title, campaign, commitments, when), the same ✔ / ↩ buttons as the digest (so the same checks
 * and notices apply), ‹ › between pages and a row to switch status. Edited in place when paging.
 */
async function showRegistrations(ctx: BotContext, status: ListStatus, page: number): Promise<void> {
  if (!ctx.member) {
    await requireRole(ctx, 'OFFICER', 'registration.list');
    return;
  }
  const r = await ctx.deps.services.registrations.listInScope(ctx.member.id, { status, page });
  if (!r.ok) {
    ctx.log.warn({ action: 'registration.list' }, 'refused: not an officer');
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('forbidden'), show_alert: true }).catch(() => {});
    else await ctx.reply(ctx.t('forbidden'));
    return;
  }
  if (ctx.callbackQuery) await answerQuietly(ctx);
  const t = (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars);
  const kb = new InlineKeyboard();
  const lines: string[] = [];
  for (const item of r.items) {
    lines.push(
      [
        ctx.t('reg-list-line', {
          id: item.id,
          who: escapeHtml(item.who),
          unit: item.unit ? ` (${escapeHtml(item.unit)})` : '',
          title: escapeHtml(titleText(t, item.titleCode, item.titleName)),
        }),
        ctx.t('reg-list-detail', { campaign: escapeHtml(item.campaign), commitments: item.commitments, at: formatDateTime(item.at) }),
        ...(item.status === 'RETURNED' && item.returnReason ? [ctx.t('my-return-reason', { reason: escapeHtml(item.returnReason) })] : []),
      ].join('\n'),
    );
    // Approved can still be returned, returned approved (decide() allows both): offer what changes something.
    for (const b of decisionRow(t, item.id, { approve: item.status !== 'APPROVED', return: item.status !== 'RETURNED' })) {
      if ('callback_data' in b) kb.text(b.text, b.callback_data);
    }
    kb.row();
  }
  const wire = STATUS_WIRE[status];
  if (r.pages > 1) {
    if (r.page > 0) kb.text(ctx.t('page-prev'), encodeCallback('reg.list', { status: wire, page: r.page - 1 }));
    kb.text(ctx.t('page-of', { page: r.page + 1, pages: r.pages }), encodeCallback('reg.list', { status: wire, page: r.page }));
    if (r.page < r.pages - 1) kb.text(ctx.t('page-next'), encodeCallback('reg.list', { status: wire, page: r.page + 1 }));
    kb.row();
  }
  for (const other of ['SUBMITTED', 'APPROVED', 'RETURNED'] as const) {
    if (other !== status) kb.text(ctx.t(`reg-list-filter-${other}`), encodeCallback('reg.list', { status: STATUS_WIRE[other], page: 0 }));
  }
  const head = ctx.t(`reg-list-title-${status}`, { from: r.offset + 1, to: r.offset + r.items.length, total: r.total });
  const text = r.items.length === 0 ? ctx.t(`reg-list-empty-${status}`) : [head, ...lines, ctx.t('reg-list-hint')].join('\n\n');
  if (ctx.callbackQuery?.message && splitHtml(text).length === 1) {
    try {
      await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: kb });
      return;
    } catch (err) {
      // The page on screen pressed again: nothing to change. Anything else: send it anew.
      if (String(err).includes('message is not modified')) return;
    }
  }
  await replyHtml(ctx, text, { reply_markup: kb });
}

privateChat.command('registrations', (ctx) => showRegistrations(ctx, 'SUBMITTED', 0));
onAction(registration, 'reg.list', (ctx, { status, page }) => showRegistrations(ctx, WIRE_STATUS[status], page));
