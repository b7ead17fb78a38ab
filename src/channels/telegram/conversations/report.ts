import type { Message } from 'grammy/types';
import { conversationRegistry, Flow, type Convo, type ConvContext, type StepOption } from './index.js';
import { confirmLineValue, linePath, parseLineValue, valueText, type LineAnswer } from './register.js';
import { addDecimals } from '../../../domain/text.js';
import { escapeHtml } from '../helpers.js';
import { formatBytes } from '../files.js';
import { formatDateTime } from '../../../domain/dates.js';
import type { CampaignDto, CommitmentInput, LineDto } from '../../../services/registrations.js';
import { checkEvidence, MAX_EVIDENCE_BYTES, type EvidenceInput, type ReportDto, type ReportMode } from '../../../services/reports.js';

/** Conversation id of báo cáo tiến độ. */
export const REPORT = 'report';

const MAX_NOTE = 500;

type Step = 'campaign' | 'line' | 'mode' | 'value' | 'note' | 'keep' | 'evidence' | 'summary';

/** The evidence a message carries (the largest size of a photo), its caption as the file's note, or null. */
export function evidenceOf(msg: Message): EvidenceInput | null {
  const note = msg.caption?.trim() || null;
  if (msg.photo?.length) {
    const p = msg.photo[msg.photo.length - 1]!;
    return { kind: 'PHOTO', fileId: p.file_id, fileUniqueId: p.file_unique_id, fileName: null, mimeType: 'image/jpeg', size: p.file_size ?? null, note };
  }
  if (msg.document) {
    const d = msg.document;
    return { kind: 'DOCUMENT', fileId: d.file_id, fileUniqueId: d.file_unique_id, fileName: d.file_name ?? null, mimeType: d.mime_type ?? null, size: d.file_size ?? null, note };
  }
  return null;
}

/** The content tree as text, "Hai chân – Ba mũi" grouped: parents as headings, leaves numbered. */
function treeText(lines: LineDto[]): string {
  const out: string[] = [];
  let n = 0;
  const walk = (parentId: number | null, depth: number) => {
    for (const l of lines.filter((x) => x.parentId === parentId)) {
      const indent = '  '.repeat(depth);
      if (l.leaf) out.push(`${indent}${++n}. ${escapeHtml(l.title)}`);
      else out.push(`${indent}<b>${escapeHtml(l.title)}</b>`);
      walk(l.id, depth + 1);
    }
  };
  walk(null, 0);
  return out.join('\n');
}

/**
 * Báo cáo tiến độ: campaign → content line (the tree, grouped) → [add to / replace the report
 * already sent this period] → value in the line's measure (the prompt says what it counts) →
 * optional note → [keep / replace the earlier files] → evidence (photos with their captions,
 * PDF/DOCX/XLSX/JPG/PNG ≤ 20 MB; "xong" finishes) → summary → Confirm. The report counts for the
 * current period. Officers are also shown the open review milestones (→ /review).
 */
async function report(conversation: Convo, ctx: ConvContext, campaignId?: number | null): Promise<void> {
  const flow = new Flow(conversation, ctx, 'rep-flow-name');
  const services = ctx.deps.services;
  const me = await flow.external(() => (ctx.member ? { id: ctx.member.id, role: ctx.member.role, unitId: ctx.member.unitId, fullName: ctx.member.fullName } : null));
  if (!me?.unitId || !me.fullName) {
    await ctx.reply(ctx.t('not-joined'));
    return;
  }
  const campaigns = await flow.external(() => services.registrations.campaignsFor(me.id));
  if (me.role !== 'MEMBER' && campaigns.length > 0) {
    const reviews = await flow.external(() => services.reports.openReviews(campaigns.map((c) => c.id)));
    if (reviews.length > 0) {
      const lines = reviews.map((r) =>
        ctx.t('rep-review-line', { kind: ctx.t(`rep-review-${r.kind}`), title: escapeHtml(r.title ?? ''), campaign: escapeHtml(r.campaign), due: formatDateTime(new Date(r.dueAt)) }),
      );
      await ctx.reply([ctx.t('rep-reviews-open'), ...lines, ctx.t('rep-reviews-pointer')].join('\n'), { parse_mode: 'HTML' });
    }
  }
  let campaign: CampaignDto | undefined = campaignId ? campaigns.find((c) => c.id === campaignId) : campaigns.length === 1 ? campaigns[0] : undefined;
  if (campaigns.length === 0 || (campaignId && !campaign)) return flow.finish(ctx.t('rep-no-campaigns'));
  const canChooseCampaign = !campaignId && campaigns.length > 1;

  let step: Step = campaign ? 'line' : 'campaign';
  let period: { milestoneId: number; dueAt: string } | null = null;
  let line: LineDto | null = null;
  let last: ReportDto | null = null;
  /** What this report counts: the period total (`new`, `replace`) or what is new since `last` (`add`). */
  let mode: ReportMode['kind'] = 'new';
  let keepEvidence = true;
  let value: CommitmentInput | null = null;
  let note: string | null = null;
  let evidence: EvidenceInput[] = [];
  /** Files of `last` that stay with the report. */
  const keptFiles = () => (last && (mode === 'add' || (mode === 'replace' && keepEvidence)) ? last.attachments : 0);
  const lastValue = (l: LineDto) => (last ? valueText(ctx, l, { number: last.number, bool: last.bool, text: last.text }) : '');

  for (;;) {
    switch (step) {
      case 'campaign': {
        const picked = await flow.askCampaign(ctx.t('rep-ask-campaign'), campaigns);
        if (!picked) continue;
        campaign = picked;
        step = 'line';
        break;
      }
      case 'line': {
        const c = campaign!;
        const cid = c.id;
        period = await flow.external(() => services.reports.period(cid));
        if (!period) return flow.finish(ctx.t('rep-no-period', { campaign: escapeHtml(c.title) }));
        const leaves = c.lines.filter((l) => l.leaf);
        const a = await flow.ask({
          text: [ctx.t('rep-ask-line', { campaign: escapeHtml(c.title), due: formatDateTime(new Date(period.dueAt)) }), treeText(c.lines)].join('\n'),
          options: leaves.map((l, i) => [{ value: `l${l.id}`, label: `${i + 1}. ${l.title}`.slice(0, 60) }]),
          back: canChooseCampaign,
          hint: ctx.t('cv-hint-button'),
        });
        if (a.kind === 'back') {
          step = 'campaign';
          break;
        }
        if (a.kind !== 'option') continue;
        line = leaves.find((l) => `l${l.id}` === a.value)!;
        const lid = line.id;
        const mid = period.milestoneId;
        last = await flow.external(() => services.reports.lastInPeriod(me.id, lid, mid));
        mode = 'new';
        keepEvidence = true;
        value = null;
        note = null;
        evidence = [];
        step = last ? 'mode' : 'value';
        break;
      }
      case 'mode': {
        // A second report in the period never silently corrects the first: the member says how it counts.
        const l = line!;
        const prev = last!;
        const add: StepOption = { value: 'add', label: ctx.t('rep-mode-add') };
        const replace: StepOption = { value: 'replace', label: ctx.t('rep-mode-replace') };
        const a = await flow.ask({
          text: ctx.t('rep-ask-mode', { line: escapeHtml(l.title), value: escapeHtml(lastValue(l)), at: formatDateTime(new Date(prev.createdAt)), files: prev.attachments }),
          options: l.measure === 'YES_NO' ? [[replace]] : [[add], [replace]],
          back: true,
          hint: ctx.t('cv-hint-button'),
        });
        if (a.kind === 'back') {
          step = 'line';
          break;
        }
        if (a.kind !== 'option') continue;
        mode = a.value === 'add' ? 'add' : 'replace';
        step = 'value';
        break;
      }
      case 'value': {
        const l = line!;
        const options: StepOption[][] = l.measure === 'YES_NO' ? [[{ value: 'yes', label: ctx.t('cv-yes') }, { value: 'no', label: ctx.t('cv-no') }]] : [];
        const counts = mode === 'new' ? 'total' : mode;
        const a = await flow.ask<LineAnswer>({
          text: ctx.t(`rep-value-${counts}-${l.measure}`, {
            line: escapeHtml(linePath(campaign!.lines, l)),
            unit: l.unitOfMeasure ? ` (${escapeHtml(l.unitOfMeasure)})` : '',
            previous: escapeHtml(lastValue(l)),
          }),
          options,
          back: true,
          parse: (text) => parseLineValue(ctx, l, text),
          hint: ctx.t(`reg-hint-line-${l.measure}`),
        });
        if (a.kind === 'back') {
          step = last ? 'mode' : 'line';
          break;
        }
        if (a.kind === 'text') {
          const confirmed = await confirmLineValue(flow, ctx, l, a.value);
          if (!confirmed) continue;
          value = confirmed;
        } else if (a.kind === 'option') value = { criterionId: l.id, bool: a.value === 'yes' };
        else continue;
        step = 'note';
        break;
      }
      case 'note': {
        const a = await flow.ask<string>({
          text: ctx.t('rep-ask-note'),
          options: [[{ value: 'skip', label: ctx.t('cv-skip'), aliases: ['bo qua', 'skip', 'khong'] }]],
          back: true,
          parse: (text) => ([...text].length > MAX_NOTE ? { ok: false, error: ctx.t('cv-text-too-long', { max: MAX_NOTE }) } : { ok: true, value: text }),
          hint: ctx.t('rep-hint-note'),
        });
        if (a.kind === 'back') {
          step = 'value';
          break;
        }
        note = a.kind === 'text' ? a.value : null;
        step = mode === 'replace' && last!.attachments > 0 ? 'keep' : 'evidence';
        break;
      }
      case 'keep': {
        // Correcting the figure must not delete the evidence behind it unless the member says so.
        const count = last!.attachments;
        const a = await flow.ask({
          text: ctx.t('rep-ask-keep-evidence', { count }),
          options: [[{ value: 'keep', label: ctx.t('rep-keep-evidence', { count }) }], [{ value: 'replace', label: ctx.t('rep-replace-evidence') }]],
          back: true,
          hint: ctx.t('cv-hint-button'),
        });
        if (a.kind === 'back') {
          step = 'note';
          break;
        }
        if (a.kind !== 'option') continue;
        keepEvidence = a.value === 'keep';
        step = 'evidence';
        break;
      }
      case 'evidence': {
        const kept = keptFiles();
        const received = evidence.at(-1);
        const text =
          evidence.length === 0
            ? ctx.t('rep-ask-evidence', { max: formatBytes(MAX_EVIDENCE_BYTES) }) + (kept > 0 ? '\n' + ctx.t('rep-evidence-kept', { count: kept }) : '')
            : ctx.t('rep-evidence-more', { count: evidence.length }) + (received?.note ? '\n' + ctx.t('rep-evidence-caption', { caption: escapeHtml(received.note) }) : '');
        const a = await flow.ask({
          text,
          options: [[{ value: 'done', label: ctx.t('cv-done'), aliases: ['xong', 'done', 'bo qua', 'skip'] }]],
          back: true,
          media: true,
          hint: ctx.t('rep-hint-evidence'),
        });
        if (a.kind === 'back') {
          step = mode === 'replace' && last!.attachments > 0 ? 'keep' : 'note';
          break;
        }
        if (a.kind === 'media') {
          const e = evidenceOf(a.message);
          if (!e) continue;
          const check = checkEvidence(e);
          if (!check.ok) {
            await ctx.reply(
              check.reason === 'evidence_too_large'
                ? ctx.t('rep-evidence-too-large', { name: escapeHtml(e.fileName ?? ''), size: formatBytes(e.size ?? 0), max: formatBytes(MAX_EVIDENCE_BYTES) })
                : ctx.t('rep-evidence-type', { name: escapeHtml(e.fileName ?? '') }),
              { parse_mode: 'HTML' },
            );
            continue;
          }
          evidence.push(e);
          continue;
        }
        if (a.kind === 'option') step = 'summary';
        break;
      }
      case 'summary': {
        const c = campaign!;
        const l = line!;
        const v = value!;
        const shown = escapeHtml(valueText(ctx, l, v));
        const previous = escapeHtml(lastValue(l));
        const valueLine =
          mode === 'add' && l.measure === 'NUMBER' && last?.number && v.number
            ? ctx.t('rep-summary-value-added', { value: shown, previous, total: escapeHtml(valueText(ctx, l, { number: addDecimals(last.number, v.number) })) })
            : mode === 'add'
              ? ctx.t('rep-summary-value-appended', { value: shown })
              : ctx.t('rep-summary-value', { value: shown });
        const kept = keptFiles();
        const dropped = last && mode === 'replace' && !keepEvidence ? last.attachments : 0;
        const evidenceLine =
          kept > 0
            ? ctx.t('rep-summary-evidence-kept', { total: kept + evidence.length, kept, added: evidence.length })
            : dropped > 0
              ? ctx.t('rep-summary-evidence-replaced', { added: evidence.length, dropped })
              : ctx.t('rep-summary-evidence', { count: evidence.length });
        const text = [
          ctx.t('rep-summary-title', { campaign: escapeHtml(c.title) }),
          ctx.t('rep-summary-line', { line: escapeHtml(l.title) }),
          valueLine,
          ...(note ? [ctx.t('rep-summary-note', { note: escapeHtml(note) })] : []),
          evidenceLine,
          ...(mode === 'replace' ? [ctx.t('rep-summary-replaces', { previous })] : []),
        ].join('\n');
        const a = await flow.ask({
          text,
          options: [[{ value: 'confirm', label: ctx.t('cv-confirm') }]],
          back: true,
          hint: ctx.t('cv-hint-button'),
        });
        if (a.kind === 'back') {
          step = 'evidence';
          break;
        }
        if (a.kind !== 'option') continue;
        const reportMode: ReportMode = mode === 'new' ? { kind: 'new' } : mode === 'add' ? { kind: 'add', reportId: last!.id } : { kind: 'replace', reportId: last!.id, keepEvidence };
        const input = { memberId: me.id, campaignId: c.id, criterionId: l.id, number: v.number ?? null, bool: v.bool ?? null, text: v.text ?? null, note, evidence, mode: reportMode };
        const result = await flow.external(() => services.reports.submit(input));
        if (!result.ok) return flow.finish(ctx.t(`rep-refused-${result.reason}`));
        const r = result.report;
        return flow.finish(
          ctx.t(`rep-saved-${result.mode}`, {
            line: escapeHtml(l.title),
            value: escapeHtml(valueText(ctx, l, { number: r.number, bool: r.bool, text: r.text })),
            files: r.attachments,
            due: formatDateTime(new Date(period!.dueAt)),
          }),
        );
      }
    }
  }
}

// Version 2: add/replace choice, keep/replace the earlier files, confirmation of two-way figures.
conversationRegistry.push({ id: REPORT, builder: report as never, version: 2, nameKey: 'rep-flow-name' });
