import { InlineKeyboard, InputFile } from 'grammy';
import { FeatureComposer } from '../composer.js';
import { evidenceCaption, isStoredEvidence } from '../../../services/evidence-files.js';
import type { BotContext } from '../context.js';
import { encodeCallback } from '../callback-data.js';
import { answerQuietly, escapeHtml, onAction, replyNotJoined } from '../helpers.js';
import { refuse, requireRole } from '../access.js';
import { isMenuText, mainMenu } from '../keyboards/menu.js';
import { evidenceOf, openReport, REPORT_FLOW } from '../../../flows/report.js';
import { fileOf, sendReplies, startFlowFor } from '../flow-driver.js';
import type { FileRef } from '../../../flows/model.js';
import { checkEvidence, MAX_EVIDENCE_BYTES } from '../../../services/reports.js';
import { formatBytes } from '../../../domain/text.js';
import { formatDateTime } from '../../../domain/dates.js';

/**
 * Báo cáo tiến độ: /report and the menu button open the report conversation; officers ask for the
 * evidence of a report in their scope (/evidence, or a button) and get the original files back.
 */
export const reports = new FeatureComposer<BotContext>();
const privateChat = reports.chatType('private');

/**
 * Starts the report flow (src/flows/report.ts) for one campaign when given (a reminder's button), if
 * the member has joined; says first what the flow's opening says (open review reports, nothing to report).
 */
export async function startReport(ctx: BotContext, campaignId: number | null = null, attach: FileRef[] = []): Promise<void> {
  if (!ctx.member?.unitId || !ctx.member.fullName) {
    await replyNotJoined(ctx);
    return;
  }
  const member = ctx.member;
  const { say, args } = await openReport(ctx.deps.services, { memberId: member.id, role: member.role, locale: member.locale ?? 'vi' }, campaignId, {
    label: (m) => ctx.t(m.key, m.vars),
  });
  if (args && attach.length > 0) say.unshift({ key: 'rep-photo-offer' });
  await sendReplies(
    ctx,
    say.map((message) => ({ kind: 'say', message, menu: args === null })),
  );
  if (args) await startFlowFor(ctx, ctx.deps.conversations, REPORT_FLOW, { ...args, ...(attach.length > 0 ? { attach } : {}) });
}

privateChat.command('report', (ctx) => startReport(ctx));
// A photo sent outside any flow is not dropped: it opens a report with the photo as its evidence
// (Cancel leaves it). A photo too large is refused as the report's evidence step would.
privateChat.on('message:photo', async (ctx) => {
  const file = fileOf(ctx);
  if (!file) return;
  const e = evidenceOf(file);
  if (!checkEvidence(e).ok) return void (await ctx.reply(ctx.t('rep-evidence-too-large', { name: ctx.t('rep-photo-word'), size: formatBytes(e.size ?? 0), max: formatBytes(MAX_EVIDENCE_BYTES) })));
  await startReport(ctx, null, [file]);
});
privateChat.on('message:text').filter(
  (ctx) => isMenuText(ctx, 'menu-report', ctx.msg.text),
  (ctx) => startReport(ctx),
);

/** Sends the original files of a report back as replies; the service decides who may see them. */
async function sendEvidence(ctx: BotContext, reportId: number): Promise<void> {
  const r = await ctx.deps.services.reports.evidenceFor(reportId, { id: ctx.member!.id });
  if (!r.ok) {
    if (r.reason === 'not_found') await ctx.reply(ctx.t('rep-evidence-unknown', { id: reportId }));
    else if (r.reason === 'forbidden') await refuse(ctx, ctx.t('forbidden'));
    else await ctx.reply(ctx.t('forbidden-scope', { unit: r.unit ?? '—' }));
    return;
  }
  const report = r.report;
  await ctx.reply(
    ctx.t('rep-evidence-header', {
      id: report.id,
      member: escapeHtml(report.member.fullName ?? ''),
      line: escapeHtml(report.criterion.title),
      at: formatDateTime(report.updatedAt),
      count: report.attachments.length,
    }),
    { parse_mode: 'HTML' },
  );
  for (const a of report.attachments) {
    const caption = evidenceCaption(a, 1024);
    // A file sent on Zalo was downloaded into the evidence store: it goes up to Telegram as bytes.
    const stored = isStoredEvidence(a.fileId) ? await ctx.deps.services.evidenceFiles.read(a.fileId) : null;
    const file = stored ? new InputFile(stored.content, `evidence-${a.id}.${stored.mimeType === 'image/png' ? 'png' : 'jpg'}`) : a.fileId;
    if (a.kind === 'PHOTO') await ctx.replyWithPhoto(file, caption ? { caption } : {});
    else await ctx.replyWithDocument(file, caption ? { caption } : {});
  }
}

privateChat.command('evidence', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'report.evidence'))) return;
  const id = Number(ctx.match.trim().replace(/^#/, ''));
  if (Number.isInteger(id) && id > 0) return sendEvidence(ctx, id);
  const r = await ctx.deps.services.reports.recentFor({ id: ctx.member!.id });
  if (!r.ok) return refuse(ctx, ctx.t('forbidden'));
  const rows = r.reports;
  if (rows.length === 0) {
    await ctx.reply(ctx.t('rep-evidence-none'), { reply_markup: mainMenu(ctx) });
    return;
  }
  const kb = new InlineKeyboard();
  for (const r of rows) kb.text(`#${r.id} ${r.member.fullName ?? ''} · ${r.criterion.title}`.slice(0, 60), encodeCallback('rep.evidence', { reportId: r.id })).row();
  await ctx.reply(ctx.t('rep-evidence-list'), { reply_markup: kb });
});

onAction(reports, 'rep.evidence', async (ctx, { reportId }) => {
  if (!(await requireRole(ctx, 'OFFICER', 'report.evidence'))) return;
  await answerQuietly(ctx);
  await sendEvidence(ctx, reportId);
});
