import { InlineKeyboard } from 'grammy';
import { FeatureComposer } from '../composer.js';
import type { BotContext } from '../context.js';
import { startReport } from './reports.js';
import { encodeCallback } from '../callback-data.js';
import { answerQuietly, escapeHtml, onAction, replyHtml } from '../helpers.js';
import { requireRole } from '../access.js';
import { formatDateTime } from '../../../domain/dates.js';
import { shorten } from '../../../domain/reminders.js';
import { openReview, REVIEW_FLOW } from '../../../flows/review.js';
import { sendReplies, startFlowFor } from '../flow-driver.js';
import { SETTINGS_FLOW } from '../../../flows/settings.js';
import { NUDGE_FLOW, type NudgeArgs } from '../../../flows/nudge.js';

/**
 * Reminders (nhắc hạn) and review reports: /settings (reminders on/off), /nudge and the Nudge
 * button of the officers' summary, the buttons of reminder messages, and /review (báo cáo sơ
 * kết/tổng kết of the officer's unit, plus who has submitted below it).
 */
export const reminders = new FeatureComposer<BotContext>();
const privateChats = reminders.chatType('private');

privateChats.command('settings', async (ctx) => {
  const arg = ctx.match.trim().toLowerCase();
  const want = /\b(off|tat|tắt)\b/.test(arg) ? false : /\b(on|bat|bật)\b/.test(arg) ? true : null;
  // No argument: the settings flow (src/flows/settings.ts) shows the setting with the button that changes it.
  if (want === null) return startFlowFor(ctx, ctx.deps.conversations, SETTINGS_FLOW, {});
  ctx.member = await ctx.deps.services.reminders.setEnabled(ctx.member!.id, want);
  await ctx.reply(ctx.t(want ? 'settings-saved-on' : 'settings-saved-off'));
});

/** The settings button of messages sent before the settings became a flow. */
onAction(reminders, 'rem.set', async (ctx, { on }) => {
  ctx.member = await ctx.deps.services.reminders.setEnabled(ctx.member!.id, on === '1');
  await answerQuietly(ctx);
  await ctx.editMessageReplyMarkup().catch(() => {});
  await ctx.reply(ctx.t(on === '1' ? 'settings-saved-on' : 'settings-saved-off'));
});

/**
 * The summary's Nudge button and /nudge's list open the same preview (src/flows/nudge.ts): who
 * would be reminded, per unit, and a confirmation; nothing is queued before it.
 */
onAction(reminders, 'rem.nudge', async (ctx, { milestoneId }) => {
  if (!(await requireRole(ctx, 'OFFICER', 'reminders.nudge'))) return;
  await answerQuietly(ctx);
  await startFlowFor<NudgeArgs>(ctx, ctx.deps.conversations, NUDGE_FLOW, { milestoneId });
});

privateChats.command('nudge', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'reminders.nudge'))) return;
  const member = ctx.member!;
  const list = await ctx.deps.services.reminders.nudgeable({ id: member.id }, ctx.deps.services.now());
  if (list.length === 0) return void (await ctx.reply(ctx.t('nudge-nothing')));
  const kb = new InlineKeyboard();
  for (const m of list) kb.text(`${shorten(m.campaign.title, 28)} · ${ctx.t(`reminder-what-${m.kind}`)} · ${formatDateTime(m.dueAt)}`, encodeCallback('rem.nudge', { milestoneId: m.id })).row();
  await ctx.reply(ctx.t('nudge-choose'), { reply_markup: kb });
});

/** A progress-report reminder's button opens the report flow of that campaign directly. */
onAction(reminders, 'rem.report', async (ctx, { milestoneId }) => {
  await answerQuietly(ctx);
  const m = await ctx.deps.services.reviewReports.milestone(milestoneId);
  if (!m) return void (await ctx.reply(ctx.t('button-expired')));
  await startReport(ctx, m.campaign.id);
});

privateChats.command('review', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'review.open'))) return;
  const r = await ctx.deps.services.reviewReports.openForActor({ id: ctx.member!.id });
  if (!r.ok) return void (await ctx.reply(ctx.t(r.reason === 'no_unit' ? 'officer-needs-unit' : 'forbidden')));
  const { unit, milestones: open } = r;
  if (open.length === 0) return void (await ctx.reply(ctx.t('review-none', { unit: escapeHtml(unit.name) }), { parse_mode: 'HTML' }));
  const kb = new InlineKeyboard();
  for (const m of open) {
    const label = ctx.t('review-item', {
      campaign: shorten(m.campaign.title, 28),
      what: ctx.t(`reminder-what-${m.kind}`),
      deadline: formatDateTime(m.dueAt),
      done: m.reviewReports.length > 0 ? 'yes' : 'no',
    });
    kb.text(label, encodeCallback('rev.open', { milestoneId: m.id })).row();
    kb.text(ctx.t('review-status-button', { campaign: shorten(m.campaign.title, 28) }), encodeCallback('rev.status', { milestoneId: m.id })).row();
  }
  await ctx.reply(ctx.t('review-choose', { unit: escapeHtml(unit.name) }), { parse_mode: 'HTML', reply_markup: kb });
});

onAction(reminders, 'rev.open', async (ctx, { milestoneId }) => {
  if (!(await requireRole(ctx, 'OFFICER', 'review.submit'))) return;
  await answerQuietly(ctx);
  const opened = await openReview(ctx.deps.services, ctx.member!.id, milestoneId);
  if (!opened.ok) return sendReplies(ctx, [{ kind: 'say', message: opened.say }]);
  await startFlowFor(ctx, ctx.deps.conversations, REVIEW_FLOW, opened.args);
});

onAction(reminders, 'rev.status', async (ctx, { milestoneId }) => {
  if (!(await requireRole(ctx, 'OFFICER', 'review.status'))) return;
  await answerQuietly(ctx);
  const m = await ctx.deps.services.reviewReports.milestone(milestoneId);
  if (!m) return void (await ctx.reply(ctx.t('review-not-found')));
  const status = await ctx.deps.services.reviewReports.statusFor(milestoneId, { id: ctx.member!.id });
  if (!status.ok) return void (await ctx.reply(ctx.t('forbidden')));
  const rows = status.rows;
  const lines = rows.map((r) =>
    r.submitted_at
      ? ctx.t('review-status-submitted', { unit: escapeHtml(r.name), at: formatDateTime(r.submitted_at) })
      : ctx.t('review-status-missing', { unit: escapeHtml(r.name) }),
  );
  const title = ctx.t('review-status-title', { campaign: escapeHtml(m.campaign.title), what: ctx.t(`reminder-what-${m.kind}`), deadline: formatDateTime(m.dueAt) });
  // Every unit, in as many messages as it takes (a character cut could split a tag).
  await replyHtml(ctx, [title, '', ...lines].join('\n'));
});
