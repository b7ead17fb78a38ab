/**
 * Thông báo bổ sung (an officer's follow-up announcement to a launched campaign's audience). Asks:
 * the text; then a file to send with it — a document or a photo, e.g. the signed Kế hoạch PDF
 * (optional: «Bỏ qua»; the evidence limits apply: 20 MB, PDF/DOCX/XLSX/JPG/PNG); then shows it as
 * members will read it, saying the file is attached, with how many members and groups it reaches,
 * and asks for confirmation — nothing is sent before "✔ Gửi thông báo". Stores (in the flow state)
 * the campaign's id and title, the text, the file (its bytes kept in the evidence store as soon as
 * it arrives, plus the Telegram file_id when it came from Telegram), the audience counts and a
 * nonce: a confirmation sent twice queues the announcement once. The channel queues it
 * (`CampaignService.announce`, which re-checks the officer's role and scope and audits the outcome).
 */
import { randomBytes } from 'node:crypto';
import type { Services } from '../services/index.js';
import { escapeHtml, formatBytes } from '../domain/text.js';
import { checkEvidence, MAX_EVIDENCE_BYTES } from '../services/reports.js';
import { isStoredEvidence } from '../services/evidence-files.js';
import type { OutboxAttachment } from '../messages/types.js';
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type FileRef, type FlowContext, type Step, type StepResult } from './model.js';
import { confirmAnswer } from './steps.js';
import { followUpBody, type T } from './campaign-text.js';

/** Flow id of a follow-up announcement. */
export const CAMPAIGN_ANNOUNCE_FLOW = 'campaign-announce';

/** Longest announcement text kept. */
const MAX_TEXT = 3000;

/** What the flow is started with: the launched campaign whose Announce button was pressed. */
export interface CampaignAnnounceArgs {
  campaignId: number;
  title: string;
}

interface AnnounceData extends CampaignAnnounceArgs {
  text: string;
  /** The file sent with the text; null when skipped (or not asked yet). */
  attachment: OutboxAttachment | null;
  members: number;
  groups: number;
  nonce: string;
  confirmed: boolean;
}

/**
 * The attachment of a finished announce flow, from its `done` value (flat fields: a flow's value
 * holds strings and numbers), for the channel that queues the announcement.
 */
export function announceAttachment(v: Record<string, string | number> | undefined): OutboxAttachment | undefined {
  if (!v || typeof v.fileId !== 'string' || !isStoredEvidence(v.fileId) || (v.fileKind !== 'photo' && v.fileKind !== 'document')) return undefined;
  return {
    kind: v.fileKind,
    fileId: v.fileId,
    mimeType: typeof v.fileMime === 'string' ? v.fileMime : 'application/octet-stream',
    ...(typeof v.fileName === 'string' ? { fileName: v.fileName } : {}),
    ...(typeof v.telegramFileId === 'string' ? { telegramFileId: v.telegramFileId } : {}),
  };
}

/** The file's MIME type: the channel's word, else what its kind or extension says. */
function mimeOf(file: FileRef): string {
  if (file.mimeType) return file.mimeType;
  if (file.kind === 'photo') return 'image/jpeg';
  const ext = (file.fileName ?? '').toLowerCase().split('.').pop();
  return ext === 'pdf' ? 'application/pdf' : ext === 'png' ? 'image/png' : ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : 'application/octet-stream';
}

/** The announce flow, counting the audience through `services.campaigns`. */
export function createCampaignAnnounceFlow(services: Services): FlowSpec<AnnounceData, CampaignAnnounceArgs> {
  /**
   * Keeps a sent file in the evidence store, within the evidence limits: a Zalo photo is stored
   * already (its URL expires); a Telegram file is downloaded once, so a Zalo member gets it too.
   */
  async function keep(d: AnnounceData, file: FileRef, ctx: FlowContext): Promise<StepResult<AnnounceData>> {
    const name = escapeHtml(file.fileName ?? '');
    const check = checkEvidence({ kind: file.kind === 'photo' ? 'PHOTO' : 'DOCUMENT', fileId: file.fileId, fileName: file.fileName ?? null, mimeType: file.mimeType ?? null, size: file.size ?? null });
    if (!check.ok) {
      return check.reason === 'evidence_too_large'
        ? problem('rep-evidence-too-large', { name, size: formatBytes(file.size ?? 0), max: formatBytes(MAX_EVIDENCE_BYTES) })
        : problem('rep-evidence-type', { name });
    }
    const base = { kind: file.kind, mimeType: mimeOf(file), ...(file.fileName ? { fileName: file.fileName } : {}) };
    if (isStoredEvidence(file.fileId)) return { ok: true, data: { ...d, attachment: { ...base, fileId: file.fileId } } };
    const bytes = ctx.readFile ? await ctx.readFile(file, MAX_EVIDENCE_BYTES) : null;
    if (!bytes) return problem('camp-announce-file-unread');
    const fileId = await services.evidenceFiles.save({ channel: file.channel === 'zalo' ? 'ZALO' : 'TELEGRAM', mimeType: base.mimeType, content: bytes });
    const telegramFileId = file.channel === 'telegram' ? { telegramFileId: file.fileId } : {};
    return { ok: true, data: { ...d, attachment: { ...base, fileId, ...telegramFileId } } };
  }

  const text: Step<AnnounceData> = {
    id: 'text',
    accepts: 'text',
    prompt: (d) => ({ key: 'camp-announce-ask', vars: { title: escapeHtml(d.title) } }),
    async answer(d, a) {
      if (a.kind !== 'text') return problem('flow-problem-text');
      const count = await services.campaigns.audienceCount(d.campaignId);
      // A new text is a new announcement: a new nonce.
      return { ok: true, data: { ...d, text: a.text.slice(0, MAX_TEXT), members: count.members, groups: count.groups, nonce: randomBytes(6).toString('hex') } };
    },
  };

  const file: Step<AnnounceData> = {
    id: 'file',
    accepts: 'file',
    prompt: () => ({ key: 'camp-announce-ask-file', vars: { max: formatBytes(MAX_EVIDENCE_BYTES) } }),
    choices: () => [{ value: 'skip', label: { key: 'camp-announce-skip-file' }, aliases: ['bo qua', 'skip', 'khong'] }],
    hint: () => ({ key: 'camp-announce-file-hint' }),
    answer(d, a, ctx) {
      if (a.kind === 'choice') return { ok: true, data: { ...d, attachment: null } };
      if (a.kind !== 'file') return problem('camp-announce-file-hint');
      return keep(d, a.file, ctx);
    },
  };

  const confirm: Step<AnnounceData> = {
    id: 'confirm',
    accepts: 'choice',
    prompt(d, ctx) {
      const t: T = (key, vars) => ctx.label(vars ? { key, vars } : { key });
      const body = [t('camp-preview-intro'), followUpBody(t, d.title, d.text)];
      if (d.attachment) {
        const name = escapeHtml(d.attachment.fileName ?? t(d.attachment.kind === 'photo' ? 'camp-announce-photo-word' : 'camp-announce-document-word'));
        body.push(t('camp-announce-attached', { kind: d.attachment.kind, name }));
      }
      body.push(t('camp-announce-confirm', { members: d.members, groups: d.groups }));
      return { key: 'flow-verbatim', vars: { text: body.join('\n\n') } };
    },
    choices: () => [{ value: 'send', label: { key: 'camp-btn-announce-confirm' } }],
    answer: confirmAnswer(),
  };

  return {
    id: CAMPAIGN_ANNOUNCE_FLOW,
    version: 2,
    nameKey: 'camp-announce-flow-name',
    steps: [text, file, confirm],
    init: (args) => ({ campaignId: args.campaignId, title: args.title, text: '', attachment: null, members: 0, groups: 0, nonce: '', confirmed: false }),
    async complete(d): Promise<Reply[]> {
      const a = d.attachment;
      const attachment = a
        ? { fileId: a.fileId, fileKind: a.kind, fileMime: a.mimeType, ...(a.fileName ? { fileName: a.fileName } : {}), ...(a.telegramFileId ? { telegramFileId: a.telegramFileId } : {}) }
        : {};
      // Queued by the channel, which renders the outbox message (see the channel's follow-up).
      return [{ kind: 'done', flow: CAMPAIGN_ANNOUNCE_FLOW, value: { campaignId: d.campaignId, text: d.text, nonce: d.nonce, ...attachment } }];
    },
  };
}
