import { InlineKeyboard } from 'grammy';
import { conversationRegistry, type Convo, type ConvContext } from './index.js';
import { decodeCallback, encodeCallback } from '../callback-data.js';
import { escapeHtml } from '../helpers.js';
import { formatDateTime } from '../../../domain/dates.js';
import { checkReviewDocument, parseKeyFigures, type KeyFigure, type ReviewDocument } from '../../../services/review-reports.js';

/** Conversation id of the review report flow (báo cáo sơ kết / tổng kết). */
export const REVIEW_CONVERSATION = 'review-report';

const NOTE_MAX = 1000;

type Step = 'file' | 'figures' | 'note' | 'confirm';

function isCancel(ctx: ConvContext): boolean {
  return ctx.message?.text?.trim().split(/[\s@]/)[0] === '/cancel' || decodeCallback(ctx.callbackQuery?.data)?.action === 'flow.cancel';
}

/**
 * An officer submits the unit's review report for one open review milestone: the document
 * (PDF/DOCX/XLSX ≤ 20 MB) → optional key figures → optional note → confirm. Bad input re-asks only
 * that step; "‹ Quay lại" goes one step back; /cancel leaves. Resubmitting replaces the report.
 */
async function reviewReport(conversation: Convo, ctx: ConvContext, milestoneId: number): Promise<void> {
  const info = await conversation.external(async (c) => {
    const services = c.deps.services;
    const member = c.member!;
    const check = await services.reviewReports.canSubmit(milestoneId, { id: member.id });
    if (!check.ok) return { ok: false as const, reason: check.reason };
    const m = (await services.reviewReports.milestone(milestoneId))!;
    const unit = (await services.units.byId(check.unitId))!;
    const current = await services.reviewReports.current(milestoneId, unit.id);
    return {
      ok: true as const,
      campaign: m.campaign.title,
      kind: m.kind,
      deadline: formatDateTime(m.dueAt),
      unit: unit.name,
      currentFile: current?.attachments[0]?.fileName ?? null,
    };
  });
  if (!info.ok) {
    const key = info.reason === 'closed' ? 'review-closed' : info.reason === 'not_in_audience' ? 'review-not-in-audience' : info.reason === 'not_officer' ? 'forbidden' : 'review-not-found';
    await ctx.reply(ctx.t(key));
    return;
  }
  const what = ctx.t(`reminder-what-${info.kind}`);
  const cancelRow = (kb: InlineKeyboard) => kb.text(ctx.t('button-cancel'), encodeCallback('flow.cancel', {}));
  let doc: ReviewDocument | null = null;
  let figures: KeyFigure[] | null = null;
  let note: string | null = null;
  let step: Step = 'file';

  const ask = async (s: Step) => {
    if (s === 'file') {
      await ctx.reply(
        ctx.t('review-ask-file', { what, unit: escapeHtml(info.unit), replace: info.currentFile ? 'yes' : 'no', file: escapeHtml(info.currentFile ?? '') }),
        { parse_mode: 'HTML', reply_markup: cancelRow(new InlineKeyboard()) },
      );
    } else if (s === 'figures' || s === 'note') {
      const kb = new InlineKeyboard().text(ctx.t('review-skip'), encodeCallback('rev.skip', {})).row().text(ctx.t('button-back'), encodeCallback('rev.back', {}));
      await ctx.reply(ctx.t(s === 'figures' ? 'review-ask-figures' : 'review-ask-note'), { reply_markup: cancelRow(kb) });
    } else {
      const none = ctx.t('review-none-given');
      const kb = new InlineKeyboard()
        .text(ctx.t('review-confirm-button'), encodeCallback('rev.confirm', {}))
        .row()
        .text(ctx.t('button-back'), encodeCallback('rev.back', {}));
      await ctx.reply(
        ctx.t('review-confirm', {
          campaign: escapeHtml(info.campaign),
          what,
          deadline: info.deadline,
          unit: escapeHtml(info.unit),
          file: escapeHtml(doc?.fileName ?? '—'),
          figures: figures ? escapeHtml(figures.map((f) => `${f.label}: ${f.value}`).join('; ')) : none,
          note: note ? escapeHtml(note) : none,
        }),
        { parse_mode: 'HTML', reply_markup: cancelRow(kb) },
      );
    }
  };

  const order: Step[] = ['file', 'figures', 'note', 'confirm'];
  await ask(step);
  for (;;) {
    const c = await conversation.wait();
    if (c.callbackQuery) await c.answerCallbackQuery().catch(() => {});
    if (isCancel(c)) {
      await c.reply(c.t('cancelled'));
      return;
    }
    const action = decodeCallback(c.callbackQuery?.data)?.action;
    if (action === 'rev.back' && step !== 'file') {
      step = order[order.indexOf(step) - 1]!;
      await ask(step);
      continue;
    }
    if (step === 'file') {
      const d = c.message?.document;
      if (!d) {
        await c.reply(c.t('review-need-file'));
        continue;
      }
      const candidate: ReviewDocument = {
        fileId: d.file_id,
        fileUniqueId: d.file_unique_id,
        fileName: d.file_name ?? null,
        mimeType: d.mime_type ?? null,
        size: d.file_size ?? null,
      };
      const checked = checkReviewDocument(candidate);
      if (!checked.ok) {
        await c.reply(c.t(checked.reason === 'file_type' ? 'review-file-type' : 'review-file-too-large'));
        continue;
      }
      doc = candidate;
      step = 'figures';
    } else if (step === 'figures') {
      if (action === 'rev.skip') figures = null;
      else if (c.message?.text) {
        const parsed = parseKeyFigures(c.message.text);
        if (!parsed.ok) {
          await c.reply(c.t('review-figures-invalid', { line: escapeHtml(parsed.line) }), { parse_mode: 'HTML' });
          continue;
        }
        figures = parsed.figures;
      } else {
        await ask(step);
        continue;
      }
      step = 'note';
    } else if (step === 'note') {
      if (action === 'rev.skip') note = null;
      else if (c.message?.text) {
        if (c.message.text.length > NOTE_MAX) {
          await c.reply(c.t('text-too-long', { max: NOTE_MAX }));
          continue;
        }
        note = c.message.text.trim();
      } else {
        await ask(step);
        continue;
      }
      step = 'confirm';
    } else if (action === 'rev.confirm') {
      const result = await conversation.external(async (x) => {
        const m = x.member!;
        return x.deps.services.reviewReports.submit({
          milestoneId,
          actor: { id: m.id },
          document: doc!,
          figures,
          note,
        });
      });
      if (!result.ok) {
        const key =
          result.reason === 'closed'
            ? 'review-closed'
            : result.reason === 'not_in_audience'
              ? 'review-not-in-audience'
              : result.reason === 'not_officer'
                ? 'forbidden'
                : result.reason === 'file_type'
                  ? 'review-file-type'
                  : result.reason === 'file_too_large'
                    ? 'review-file-too-large'
                    : 'review-not-found';
        await c.reply(c.t(key));
        return;
      }
      await c.reply(c.t(result.replaced ? 'review-replaced' : 'review-saved', { what, unit: escapeHtml(info.unit), deadline: info.deadline }), { parse_mode: 'HTML' });
      return;
    } else {
      await ask(step);
      continue;
    }
    await ask(step);
  }
}

conversationRegistry.push({ id: REVIEW_CONVERSATION, builder: reviewReport as never });
