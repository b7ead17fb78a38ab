import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from './context.js';
import { encodeCallback } from './callback-data.js';
import { answerQuietly, callbackOf, replyHtml } from './helpers.js';
import { isAnyMenuText, mainMenu } from './keyboards/menu.js';
import { flowKey, type Conversations, type FlowEnv, type Reply, type ReplyAction, type AskOutcome } from '../../flows/conversations.js';
import type { FileRef, FlowInput } from '../../flows/model.js';
import { numberedChoices } from '../../flows/render.js';
import { downloadFile } from './files.js';
import { registerLink } from './render/campaign.js';

/**
 * The Telegram driver of the channel-neutral flows (src/flows): turns updates into flow inputs and
 * flow replies into messages — a question with its choices as inline buttons (2 to a row when the
 * labels are short), Back and Cancel under them. Typed numbers and words are read by the flow model
 * itself, so they mean on Telegram what they mean on a text-only channel.
 *
 * While a flow is open, what the member sends goes to it first; a command or a main-menu label is
 * not taken as an answer ("you are in the middle of …"), except /cancel.
 */

/** Buttons a question shows at most; longer lists are numbered in the text (typing the number works). */
const MAX_CHOICE_BUTTONS = 90;

export { flowKey };

/** The flow environment of this update: the member, the clock, and labels in their language. */
export function flowEnv(ctx: BotContext): FlowEnv {
  return {
    memberId: ctx.member!.id,
    now: ctx.deps.services.now(),
    label: (m) => ctx.t(m.key, m.vars),
    // Files sent on Telegram are fetched through the Bot API; a file of another channel is not ours to read.
    readFile: async (file, maxBytes) => (file.channel === 'telegram' ? downloadFile(ctx, file.fileId, maxBytes) : null),
  };
}

/** The inline buttons of a message's actions (what it offers to do next). */
function actionsKeyboard(ctx: BotContext, actions: readonly ReplyAction[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const a of actions) {
    const label = ctx.t(a.label.key, a.label.vars);
    if (a.open === 'register') kb.url(label, registerLink(ctx.me.username, a.code)).row();
    else kb.text(label, encodeCallback('camp.manage', { campaignId: a.campaignId })).row();
  }
  return kb;
}

/**
 * Buttons a page shows at most: a campaign's 40 content lines come 20 at a time with ‹ › (a screen
 * of 40 long labels is unusable); typing any choice's number still works.
 */
const CHOICES_PER_PAGE = 20;

/** The keyboard of a question at `page`: that page's choices, ‹ n/m › when paged, Back and Cancel. */
function keyboardFor(ctx: BotContext, ask: AskOutcome, page = 0): InlineKeyboard {
  const kb = new InlineKeyboard();
  const shown = ask.choices.slice(0, MAX_CHOICE_BUTTONS);
  const pages = Math.max(1, Math.ceil(shown.length / CHOICES_PER_PAGE));
  const current = Math.min(Math.max(page, 0), pages - 1);
  const first = current * CHOICES_PER_PAGE;
  const choices = shown.slice(first, first + CHOICES_PER_PAGE);
  const labels = choices.map((c) => ctx.t(c.label.key, c.label.vars));
  const twoPerRow = labels.every((l) => [...l].length <= 18);
  labels.forEach((label, i) => {
    kb.text(label, encodeCallback('fl.pick', { index: first + i, rev: ask.state.rev }));
    if (!twoPerRow || i % 2 === 1) kb.row();
  });
  if (twoPerRow && labels.length % 2 === 1) kb.row();
  if (pages > 1) {
    const to = (p: number) => encodeCallback('fl.page', { page: p, rev: ask.state.rev });
    if (current > 0) kb.text(ctx.t('page-prev'), to(current - 1));
    kb.text(ctx.t('page-of', { page: current + 1, pages }), to(current));
    if (current < pages - 1) kb.text(ctx.t('page-next'), to(current + 1));
    kb.row();
  }
  if (ask.back) kb.text(ctx.t('button-back'), encodeCallback('fl.back', {}));
  kb.text(ctx.t('button-cancel'), encodeCallback('flow.cancel', {}));
  return kb;
}

/** Shows another page of the open question's buttons, in place; a page of an older question has expired. */
async function showPage(ctx: BotContext, conversations: Conversations, page: number, rev: number): Promise<void> {
  const ask = await conversations.question(flowKey(ctx.member!.id), flowEnv(ctx));
  if (!ask || ask.state.rev !== rev) return answerQuietly(ctx, ctx.t('button-expired'));
  await answerQuietly(ctx);
  // The "n/m" label presses the page shown: Telegram refuses an edit that changes nothing.
  await ctx.editMessageReplyMarkup({ reply_markup: keyboardFor(ctx, ask, page) }).catch(() => {});
}

/**
 * Telegram follow-ups of finished flows, by flow id: what only this channel does next (continue with
 * the campaign link opened before onboarding, refresh the command menu in the new language).
 */
export const flowFollowUps = new Map<string, (ctx: BotContext, done: Extract<Reply, { kind: 'done' }>) => Promise<void>>();

/**
 * A finished flow may have changed the member (unit, name, language): reload them, so the replies
 * come in their language and with the main menu once they have joined. A flow that keeps the member
 * (registration, a report) costs no reload.
 */
async function refreshMember(ctx: BotContext, replies: readonly Reply[]): Promise<void> {
  if (!ctx.member || !replies.some((r) => r.kind === 'done' && !ctx.deps.conversations.spec(r.flow)?.keepsMember)) return;
  const member = await ctx.deps.services.members.byId(ctx.member.id);
  if (!member) return;
  const { unit: _unit, ...row } = member;
  ctx.member = row;
  ctx.i18n.useLocale(member.locale);
}

/**
 * Sends the replies of a flow step: questions with buttons, messages (with the main menu when asked).
 * A `done` runs its flow's follow-up where it stands: last as a rule, first when the flow wants the
 * follow-up made before its message goes out (a granted officer's menu, ready when the admin is told).
 */
export async function sendReplies(ctx: BotContext, replies: readonly Reply[]): Promise<void> {
  await refreshMember(ctx, replies);
  for (const reply of replies) {
    if (reply.kind === 'done') {
      const followUp = flowFollowUps.get(reply.flow);
      if (followUp) await followUp(ctx, reply);
      continue;
    }
    if (reply.kind === 'say') {
      const menu = reply.actions?.length
        ? { reply_markup: actionsKeyboard(ctx, reply.actions) }
        : reply.menu && ctx.member?.unitId
          ? { reply_markup: mainMenu(ctx) }
          : {};
      await replyHtml(ctx, ctx.t(reply.message.key, reply.message.vars), menu);
      continue;
    }
    const { ask } = reply;
    if (ask.notice) await replyHtml(ctx, ctx.t(ask.notice.key, ask.notice.vars));
    const parts: string[] = [];
    if (ask.problem) parts.push(ctx.t(ask.problem.key, ask.problem.vars));
    parts.push(ctx.t(ask.prompt.key, ask.prompt.vars));
    if (ask.choices.length > MAX_CHOICE_BUTTONS) parts.push(numberedChoices(ask.choices, (m) => ctx.t(m.key, m.vars)));
    // A long question (a numbered list of 200 choices) arrives in parts, the buttons under the last.
    await replyHtml(ctx, parts.join('\n\n'), { reply_markup: keyboardFor(ctx, ask) });
  }
}

/** Starts flow `id` for the member of this update and sends its first question. */
export async function startFlowFor<A>(ctx: BotContext, conversations: Conversations, id: string, args: A): Promise<void> {
  const replies = await conversations.start(flowKey(ctx.member!.id), id, args, flowEnv(ctx));
  await sendReplies(ctx, replies);
}

/** The photo or document of this message as a channel-neutral file reference. */
export function fileOf(ctx: BotContext): FileRef | null {
  const msg = ctx.message;
  if (!msg) return null;
  const caption = msg.caption ? { caption: msg.caption } : {};
  if (msg.photo?.length) {
    const largest = msg.photo[msg.photo.length - 1]!;
    return { channel: 'telegram', kind: 'photo', fileId: largest.file_id, uniqueId: largest.file_unique_id, ...(largest.file_size ? { size: largest.file_size } : {}), ...caption };
  }
  if (msg.document) {
    const d = msg.document;
    return {
      channel: 'telegram',
      kind: 'document',
      fileId: d.file_id,
      uniqueId: d.file_unique_id,
      ...(d.file_size ? { size: d.file_size } : {}),
      ...(d.mime_type ? { mimeType: d.mime_type } : {}),
      ...(d.file_name ? { fileName: d.file_name } : {}),
      ...caption,
    };
  }
  return null;
}

/**
 * What this update means to an open flow: an input, 'busy' (a command or menu label: not an answer),
 * or null (nothing a flow takes: the rest of the bot handles it).
 */
function inputOf(ctx: BotContext): FlowInput | 'busy' | null {
  if (ctx.callbackQuery) {
    const cb = callbackOf(ctx);
    if (cb?.action === 'fl.pick') return { kind: 'pick', index: cb.args.index, rev: cb.args.rev };
    if (cb?.action === 'fl.back') return { kind: 'back' };
    if (cb?.action === 'flow.cancel') return { kind: 'cancel' };
    return null;
  }
  const text = ctx.message?.text?.trim();
  if (text !== undefined) {
    if (/^\/cancel(@\w+)?$/i.test(text)) return { kind: 'cancel' };
    if (text.startsWith('/') || isAnyMenuText(ctx, text)) return 'busy';
    return { kind: 'text', text };
  }
  const file = fileOf(ctx);
  if (file) return { kind: 'file', file };
  // A sticker, a voice note, a location…: an open flow says what it expects instead.
  return ctx.message ? { kind: 'other' } : null;
}

/** True when the replies only re-ask because a button of an older question was tapped. */
function onlyStale(replies: readonly Reply[]): boolean {
  return replies.length === 1 && replies[0]!.kind === 'ask' && replies[0]!.ask.problem?.key === 'flow-problem-stale-choice';
}

/** The command of a text message ("/language@thidua_bot x" → "language"), if it is one. */
function commandOf(ctx: BotContext): string | undefined {
  return /^\/([a-z0-9_]+)(?:@\w+)?(?:\s|$)/i.exec(ctx.message?.text ?? '')?.[1]?.toLowerCase();
}

/** A casual flow (a list to pick from) gives way to whatever the member does instead. */
async function closeAndGoOn(conversations: Conversations, key: string, next: () => Promise<void>): Promise<void> {
  await conversations.close(key);
  return next();
}

/** Routes private-chat updates to the member's open flow first. */
export function flowDriver(conversations: Conversations): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType('private').use(async (ctx, next) => {
    if (!ctx.member) return next();
    const cb = ctx.callbackQuery ? callbackOf(ctx) : null;
    if (cb?.action === 'fl.page') return showPage(ctx, conversations, cb.args.page, cb.args.rev);
    const input = inputOf(ctx);
    const key = flowKey(ctx.member.id);
    if (input === null) {
      // Another message's button (a reminder's "report now"): an open flow is not restarted or left
      // half-way by it — the button says what is being done, as a command or menu label does.
      // Other updates (a member blocking the bot) go on to their handlers.
      if (!ctx.callbackQuery) return next();
      const open = await conversations.open(key);
      if (!open) return next();
      if (open.casual) return closeAndGoOn(conversations, key, next);
      return answerQuietly(ctx, ctx.t('flow-busy-button', { flow: ctx.t(open.nameKey) }));
    }
    if (input === 'busy') {
      const open = await conversations.open(key);
      if (!open) return next();
      if (open.casual) return closeAndGoOn(conversations, key, next);
      const command = commandOf(ctx);
      // Commands the flow lets through are answered by the bot; the flow stays open.
      if (command && open.passCommands.includes(command)) return next();
      await ctx.reply(ctx.t('flow-busy', { flow: ctx.t(open.nameKey) }));
      return;
    }
    const replies = await conversations.input(key, input, flowEnv(ctx));
    if (replies === null) {
      if (ctx.callbackQuery && input.kind !== 'cancel') return answerQuietly(ctx, ctx.t('button-expired'));
      return next();
    }
    if (ctx.callbackQuery) {
      // A button of an earlier question: said on the button, the question stays where it is.
      if (onlyStale(replies)) return answerQuietly(ctx, ctx.t('button-expired'));
      await answerQuietly(ctx);
      // The tapped question is answered: its buttons go, so an old one cannot be tapped by mistake.
      const answered = replies.every((r) => r.kind !== 'ask' || !r.ask.problem);
      if (answered) await ctx.editMessageReplyMarkup().catch(() => {});
    }
    await sendReplies(ctx, replies);
  });
  return composer;
}
