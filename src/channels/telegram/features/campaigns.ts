import { Composer, InlineKeyboard } from 'grammy';
import { randomBytes } from 'node:crypto';
import type { BotContext } from '../context.js';
import { encodeCallback } from '../callback-data.js';
import { answerQuietly, escapeHtml, onAction, replyHtml } from '../helpers.js';
import { hasRole, refuse, requireRole } from '../access.js';
import { isMenuText, mainMenu } from '../keyboards/menu.js';
import { downloadFile, formatBytes } from '../files.js';
import type { CampaignFull, ImportCampaignResult } from '../../../services/campaigns.js';
import type { OutboxMessage } from '../../../services/outbox.js';
import type { CampaignFileError } from '../../../domain/campaign-file.js';
import { parseDate } from '../../../domain/dates.js';
import { renderAnnouncement, renderDetail, renderFollowUp, renderList, type T, registerLink } from '../render/campaign.js';
import { CREATE_CAMPAIGN_FLOW } from '../../../flows/create-campaign.js';
import { startFlowFor } from '../flow-driver.js';
import { pageOf, splitHtml } from '../render/split.js';

/**
 * Phong trào thi đua: officers import (YAML/JSON file) or create (/newcampaign) campaigns, list,
 * view, edit drafts, launch (phát động), announce, close and archive them; members see the active
 * campaigns of their unit. Callback data is never trusted: every officer button goes to a use case
 * that decides on the person's role and unit as they are now and audits the outcome; this file
 * only translates.
 */
export const campaigns = new Composer<BotContext>();
const privateChat = campaigns.chatType('private');

/** Largest campaign file accepted. */
export const MAX_CAMPAIGN_FILE_BYTES = 1024 * 1024;
const MAX_ERRORS_SHOWN = 20;

/** A translator for another locale than the current user's (outbox rendering). */
function tFor(ctx: BotContext, locale: string): T {
  return (key, vars) => ctx.deps.i18n.t(locale, key, vars);
}

const tOf = (ctx: BotContext): T => (key, vars) => ctx.t(key, vars);

function fileFormat(name: string, mime: string | undefined): 'yaml' | 'json' | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'json') return 'json';
  if (mime && /yaml/.test(mime)) return 'yaml';
  if (mime === 'application/json') return 'json';
  return null;
}

/**
 * "milestones[2].due: 31/02/2025 không phải ngày hợp lệ" — one line per problem. Errors stop at
 * `limit` ("and 12 more": fixing the first ones often fixes the rest); warnings of a saved
 * campaign are all shown (`Infinity`), over several messages if need be.
 */
export function renderFileProblems(t: T, problems: CampaignFileError[], limit: number = MAX_ERRORS_SHOWN): string {
  const lines = problems.slice(0, limit).map((e) => {
    const problem = t(`camp-err-${e.code}`, { value: '', ...e.params });
    return `• ${e.path ? `<code>${escapeHtml(e.path)}</code>: ` : ''}${escapeHtml(problem)}`;
  });
  if (problems.length > limit) lines.push(t('camp-errors-more', { count: problems.length - limit }));
  return lines.join('\n');
}

// ---- Import from a file -------------------------------------------------------------------------

privateChat.command('importcampaign', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'campaign.import'))) return;
  ctx.session.step = { kind: 'campaign-upload' };
  await ctx.reply(ctx.t('camp-upload-ask'), { parse_mode: 'HTML' });
});

/** Answers an import: saved (with warnings), asks for another code, or lists the problems. */
async function answerImport(ctx: BotContext, result: ImportCampaignResult, file: { fileId: string; fileName: string; format: 'yaml' | 'json' }) {
  if (result.ok) {
    ctx.session.step = undefined;
    let text = ctx.t(result.replaced ? 'camp-import-replaced' : 'camp-import-done', { title: escapeHtml(result.campaign.title), code: escapeHtml(result.campaign.code) });
    if (result.warnings.length > 0) text += `\n\n${ctx.t('camp-import-warnings')}\n${renderFileProblems(tOf(ctx), result.warnings, Infinity)}`;
    await replyHtml(ctx, text);
    return showManage(ctx, result.campaign.id);
  }
  switch (result.reason) {
    case 'invalid':
      return void (await replyHtml(ctx, `${ctx.t('camp-import-invalid', { count: result.errors.length })}\n${renderFileProblems(tOf(ctx), result.errors)}`));
    case 'code_taken':
    case 'code_invalid':
      ctx.session.step = { kind: 'campaign-code', ...file };
      return void (await ctx.reply(ctx.t(result.reason === 'code_taken' ? 'camp-code-taken' : 'camp-code-invalid', { code: escapeHtml(result.code) }), { parse_mode: 'HTML' }));
    case 'audience_unknown':
      return void (await ctx.reply(ctx.t('camp-audience-unknown', { codes: escapeHtml(result.codes.join(', ')) }), { parse_mode: 'HTML' }));
    case 'audience_out_of_scope':
      return void (await ctx.reply(ctx.t('camp-audience-out-of-scope', { codes: escapeHtml(result.codes.join(', ')) }), { parse_mode: 'HTML' }));
    case 'officer_without_unit':
      return void (await ctx.reply(ctx.t('officer-needs-unit')));
    case 'not_officer':
      return void (await ctx.reply(ctx.t('forbidden')));
  }
}

async function importFromTelegram(ctx: BotContext, file: { fileId: string; fileName: string; format: 'yaml' | 'json' }, code?: string) {
  const bytes = await downloadFile(ctx, file.fileId, MAX_CAMPAIGN_FILE_BYTES);
  if (!bytes) return void (await ctx.reply(ctx.t('import-download-failed')));
  const result = await ctx.deps.services.campaigns.importFile({
    text: bytes.toString('utf8'),
    format: file.format,
    fileName: file.fileName,
    actor: { id: ctx.member!.id },
    ...(code !== undefined ? { code } : {}),
  });
  await answerImport(ctx, result, file);
}

privateChat.on('message:document').filter(
  (ctx) =>
    ctx.session.step?.kind === 'campaign-upload' ||
    (fileFormat(ctx.msg.document.file_name ?? '', ctx.msg.document.mime_type) !== null && ctx.session.step?.kind !== 'admin-import-units'),
  async (ctx) => {
    if (!(await requireRole(ctx, 'OFFICER', 'campaign.import'))) return;
    const doc = ctx.msg.document;
    const fileName = doc.file_name ?? 'file';
    const format = fileFormat(fileName, doc.mime_type);
    if (!format) return void (await ctx.reply(ctx.t('camp-file-bad-type', { name: escapeHtml(fileName) }), { parse_mode: 'HTML' }));
    if ((doc.file_size ?? 0) > MAX_CAMPAIGN_FILE_BYTES) {
      return void (await ctx.reply(ctx.t('import-too-large', { size: formatBytes(doc.file_size ?? 0), max: formatBytes(MAX_CAMPAIGN_FILE_BYTES) })));
    }
    await importFromTelegram(ctx, { fileId: doc.file_id, fileName, format });
  },
);

privateChat.on('message:text').filter(
  (ctx) => ctx.session.step?.kind === 'campaign-code' && !ctx.msg.text.startsWith('/'),
  async (ctx) => {
    if (!(await requireRole(ctx, 'OFFICER', 'campaign.import'))) return;
    const step = ctx.session.step as Extract<NonNullable<BotContext['session']['step']>, { kind: 'campaign-code' }>;
    await importFromTelegram(ctx, { fileId: step.fileId, fileName: step.fileName, format: step.format }, ctx.msg.text.trim().toLowerCase());
  },
);

privateChat.on('message').filter(
  (ctx) => ctx.session.step?.kind === 'campaign-upload' && !ctx.msg.text?.startsWith('/'),
  (ctx) => ctx.reply(ctx.t('camp-upload-not-file')),
);

// ---- The wizard -------------------------------------------------------------------------------

privateChat.command('newcampaign', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'campaign.create'))) return;
  if (!ctx.member!.unitId && ctx.member!.role !== 'ADMIN') return void (await ctx.reply(ctx.t('officer-needs-unit')));
  ctx.session.step = undefined;
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
  const preview = renderAnnouncement(tOf(ctx), c, ctx.me.username);
  await ctx.reply(ctx.t('camp-preview-intro'));
  await sendRendered(ctx, preview);
  const count = await ctx.deps.services.campaigns.audienceCount(c.id);
  const kb = new InlineKeyboard()
    .text(ctx.t('camp-btn-launch-confirm'), encodeCallback('camp.launchok', { campaignId: c.id }))
    .row()
    .text(ctx.t('button-cancel'), encodeCallback('flow.cancel', {}));
  await ctx.reply(ctx.t('camp-launch-confirm', { members: count.members, groups: count.groups }), { parse_mode: 'HTML', reply_markup: kb });
});

/** Sends an outbox-shaped message as a reply (the officer's preview of what members receive). */
async function sendRendered(ctx: BotContext, m: OutboxMessage): Promise<void> {
  const kb = new InlineKeyboard();
  for (const row of m.buttons ?? []) {
    for (const b of row) {
      if ('url' in b) kb.url(b.text, b.url);
      else kb.text(b.text, b.callbackData);
    }
    kb.row();
  }
  await ctx.reply(m.text, { ...(m.parseMode ? { parse_mode: m.parseMode } : {}), reply_markup: kb, link_preview_options: { is_disabled: true } });
}

onAction(campaigns, 'camp.launchok', async (ctx, { campaignId }) => {
  const c = await managed(ctx, campaignId, 'campaign.launch');
  if (!c) return;
  await answerQuietly(ctx);
  await ctx.editMessageReplyMarkup().catch(() => {});
  const username = ctx.me.username;
  const result = await ctx.deps.services.campaigns.launch({
    campaignId,
    actor: { id: ctx.member!.id },
    render: (locale) => renderAnnouncement(tFor(ctx, locale), c, username),
    groupLocale: ctx.deps.config.DEFAULT_LOCALE,
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

onAction(campaigns, 'camp.edit', async (ctx, { campaignId }) => {
  const c = await managed(ctx, campaignId, 'campaign.edit');
  if (!c) return;
  await answerQuietly(ctx);
  if (c.status !== 'DRAFT') return void (await ctx.reply(ctx.t('camp-edit-not-draft')));
  const kb = new InlineKeyboard();
  for (const field of ['title', 'slogan', 'starts', 'ends'] as const) {
    kb.text(ctx.t(`camp-edit-field-${field}`), encodeCallback('camp.editf', { campaignId, field })).row();
  }
  kb.text(ctx.t('button-cancel'), encodeCallback('flow.cancel', {}));
  await ctx.reply(ctx.t('camp-edit-ask', { code: escapeHtml(c.code) }), { parse_mode: 'HTML', reply_markup: kb });
});

onAction(campaigns, 'camp.editf', async (ctx, { campaignId, field }) => {
  const c = await managed(ctx, campaignId, 'campaign.edit');
  if (!c) return;
  await answerQuietly(ctx);
  if (c.status !== 'DRAFT') return void (await ctx.reply(ctx.t('camp-edit-not-draft')));
  ctx.session.step = { kind: 'campaign-edit', campaignId, field };
  await ctx.reply(ctx.t(`camp-edit-ask-${field}`));
});

privateChat.on('message:text').filter(
  (ctx) => ctx.session.step?.kind === 'campaign-edit' && !ctx.msg.text.startsWith('/'),
  async (ctx) => {
    const step = ctx.session.step as Extract<NonNullable<BotContext['session']['step']>, { kind: 'campaign-edit' }>;
    if (!(await managed(ctx, step.campaignId, 'campaign.edit'))) return;
    const input = ctx.msg.text.trim();
    let edit: Parameters<typeof ctx.deps.services.campaigns.editDraft>[2];
    if (step.field === 'title') edit = { title: input };
    else if (step.field === 'slogan') edit = { slogan: input === '-' ? null : input };
    else {
      const d = parseDate(input, ctx.deps.services.now());
      if (!d.ok) return void (await ctx.reply(ctx.t(`wiz-date-${d.reason}`, { value: input })));
      edit = step.field === 'starts' ? { startsAt: d.date } : { endsAt: d.date };
    }
    const result = await ctx.deps.services.campaigns.editDraft(step.campaignId, { id: ctx.member!.id }, edit);
    if (!result.ok) return void (await ctx.reply(ctx.t(`camp-edit-${result.reason}`)));
    ctx.session.step = undefined;
    await ctx.reply(ctx.t('camp-edit-saved'));
    await showManage(ctx, step.campaignId);
  },
);

onAction(campaigns, 'camp.announce', async (ctx, { campaignId }) => {
  const c = await managed(ctx, campaignId, 'campaign.announce');
  if (!c) return;
  await answerQuietly(ctx);
  if (c.status !== 'LAUNCHED') return void (await ctx.reply(ctx.t('camp-announce-not-launched')));
  ctx.session.step = { kind: 'campaign-announce', campaignId };
  await ctx.reply(ctx.t('camp-announce-ask', { title: escapeHtml(c.title) }), { parse_mode: 'HTML' });
});

privateChat.command('announce', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'campaign.announce'))) return;
  const list = (await ctx.deps.services.campaigns.listForOfficer({ id: ctx.member!.id })).filter((c) => c.status === 'LAUNCHED');
  if (list.length === 0) return void (await ctx.reply(ctx.t('camp-announce-none')));
  const kb = new InlineKeyboard();
  list.forEach((c, i) => kb.text(`${i + 1}. ${c.title.slice(0, 40)}`, encodeCallback('camp.announce', { campaignId: c.id })).row());
  await ctx.reply(ctx.t('camp-announce-pick'), { reply_markup: kb });
});

privateChat.on('message:text').filter(
  (ctx) => ctx.session.step?.kind === 'campaign-announce' && !ctx.msg.text.startsWith('/'),
  async (ctx) => {
    const step = ctx.session.step as Extract<NonNullable<BotContext['session']['step']>, { kind: 'campaign-announce' }>;
    const c = await managed(ctx, step.campaignId, 'campaign.announce');
    if (!c) return;
    const text = ctx.msg.text.trim().slice(0, 3000);
    ctx.session.step = { kind: 'campaign-announce-confirm', campaignId: c.id, text, nonce: randomBytes(6).toString('hex') };
    await ctx.reply(ctx.t('camp-preview-intro'));
    await sendRendered(ctx, renderFollowUp(tOf(ctx), c, text, ctx.me.username));
    const count = await ctx.deps.services.campaigns.audienceCount(c.id);
    const kb = new InlineKeyboard()
      .text(ctx.t('camp-btn-announce-confirm'), encodeCallback('camp.announceok', { campaignId: c.id }))
      .row()
      .text(ctx.t('button-cancel'), encodeCallback('flow.cancel', {}));
    await ctx.reply(ctx.t('camp-announce-confirm', { members: count.members, groups: count.groups }), { parse_mode: 'HTML', reply_markup: kb });
  },
);

onAction(campaigns, 'camp.announceok', async (ctx, { campaignId }) => {
  const c = await managed(ctx, campaignId, 'campaign.announce');
  if (!c) return;
  const step = ctx.session.step;
  if (step?.kind !== 'campaign-announce-confirm' || step.campaignId !== campaignId) return answerQuietly(ctx, ctx.t('button-expired'));
  await answerQuietly(ctx);
  await ctx.editMessageReplyMarkup().catch(() => {});
  const username = ctx.me.username;
  const result = await ctx.deps.services.campaigns.announce({
    campaignId,
    actor: { id: ctx.member!.id },
    render: (locale) => renderFollowUp(tFor(ctx, locale), c, step.text, username),
    groupLocale: ctx.deps.config.DEFAULT_LOCALE,
    progressChatId: String(ctx.chat!.id),
    nonce: step.nonce,
  });
  ctx.session.step = undefined;
  if (!result.ok) return void (await ctx.reply(ctx.t('camp-announce-not-launched')));
  await ctx.reply(ctx.t('camp-announced', { members: result.members, groups: result.groups }), { reply_markup: mainMenu(ctx) });
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
 * Shows a campaign to a member who opened its registration deep link (`/start c_<code>`).
 * Registration (issue 4) replaces or extends this: it is the one place `c_` payloads land.
 */
export async function showCampaignForRegistration(ctx: BotContext, campaign: CampaignFull): Promise<void> {
  await showMemberDetail(ctx, campaign);
}

async function showMemberDetail(ctx: BotContext, c: CampaignFull): Promise<void> {
  const reg = ctx.member ? await ctx.deps.services.campaigns.myRegistration(c.id, ctx.member.id) : null;
  const now = ctx.deps.services.now();
  const registrationOpen = c.milestones.some((m) => m.kind === 'REGISTRATION' && m.dueAt > now);
  // Not registered yet and still in time: the same Register button as the launch announcement.
  const markup =
    !reg && registrationOpen
      ? new InlineKeyboard().url(ctx.t('camp-register-button'), registerLink(ctx.me.username, c.code))
      : mainMenu(ctx);
  await replyHtml(ctx, renderDetail(tOf(ctx), c, { now, status: reg }), {
    reply_markup: markup,
    link_preview_options: { is_disabled: true },
  });
}

async function memberList(ctx: BotContext, page = 0): Promise<void> {
  const member = ctx.member;
  if (!member?.unitId || !member.fullName) return void (await ctx.reply(ctx.t('not-joined')));
  const active = await ctx.deps.services.campaigns.activeForUnit(member.unitId);
  if (active.length === 0) return void (await ctx.reply(ctx.t('camp-member-none'), { reply_markup: mainMenu(ctx) }));
  if (active.length === 1) return showMemberDetail(ctx, active[0]!);
  ctx.session.step = { kind: 'campaign-pick', ids: active.map((c) => c.id) };
  await sendCampaignPage(ctx, active, page, {
    heading: ctx.t('camp-member-list'),
    hint: ctx.t('camp-member-pick'),
    withStatus: false,
    open: (campaignId) => encodeCallback('camp.open', { campaignId }),
  });
}

onAction(campaigns, 'camp.list', async (ctx, { page }) => {
  await answerQuietly(ctx);
  if (hasRole(ctx, 'OFFICER')) return officerList(ctx, page);
  return memberList(ctx, page);
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
  if (ctx.session.step?.kind === 'campaign-pick') ctx.session.step = undefined;
  await showMemberDetail(ctx, c);
});

privateChat.on('message:text').filter(
  (ctx) => ctx.session.step?.kind === 'campaign-pick' && /^\s*\d{1,2}\s*$/.test(ctx.msg.text),
  async (ctx) => {
    const step = ctx.session.step as Extract<NonNullable<BotContext['session']['step']>, { kind: 'campaign-pick' }>;
    const id = step.ids[Number(ctx.msg.text.trim()) - 1];
    const c = id ? await openableBy(ctx, id) : null;
    if (!c) return void (await ctx.reply(ctx.t('camp-pick-invalid', { max: step.ids.length })));
    ctx.session.step = undefined;
    await showMemberDetail(ctx, c);
  },
);

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
