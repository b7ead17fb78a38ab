import { Composer, InlineKeyboard, type Middleware, type StorageAdapter, type Transformer } from 'grammy';
import type { Message } from 'grammy/types';
import {
  conversations,
  createConversation,
  type ConversationData,
  type VersionedState,
  type Conversation,
  type VersionedStateStorage,
} from '@grammyjs/conversations';
import type { BotContext, ConvContext } from '../context.js';
import type { BotDeps } from '../deps.js';
import type { Member } from '../../../generated/prisma/client.js';
import { sessionKey } from '../session-key.js';
import { decodeCallback, encodeCallback } from '../callback-data.js';
import { isAnyMenuText, mainMenu } from '../keyboards/menu.js';
import { fold } from '../../../domain/text.js';
import { splitHtml } from '../render/split.js';
import { replyHtml } from '../helpers.js';
import { recordSpoken } from '../outage.js';

/**
 * Bump when the conversation machinery itself changes shape: every in-flight flow of an older
 * version is restarted (with a polite message). A single flow's code change bumps only that flow's
 * `version` in {@link conversationRegistry}.
 */
export const CONVERSATION_VERSION = 1;

export type { ConvContext };
export type Convo = Conversation<BotContext, ConvContext>;
export type ConversationBuilder = (conversation: Convo, ctx: ConvContext, ...args: never[]) => Promise<unknown>;

/** A registered conversation. `nameKey` is the locale key of its name, used in hints and restart notices. */
export interface RegisteredConversation {
  id: string;
  builder: ConversationBuilder;
  /** Bump when this flow's code changes shape (steps added, reordered, different waits). Default 1. */
  version?: number;
  nameKey?: string;
}

/** Conversations of the features, registered by id. Features add theirs to this list. */
export const conversationRegistry: RegisteredConversation[] = [];

/**
 * Things a feature wires once per bot, with its deps (e.g. the registration notices' renderer the
 * scheduler uses). Run when the bot is built.
 */
export const botSetups: Array<(deps: BotDeps) => void> = [];

/**
 * API transformers for calls made inside conversations: transformers installed on `bot.api` do not
 * reach them (the plugin builds its own Api per conversation). Benchmarks install their offline API
 * here; auto-retry or a throttler would go here too.
 */
export const conversationTransformers: Transformer[] = [];

/**
 * The members of the updates being handled, by Telegram user id, so the plugins inside
 * conversations need no query per replayed update. (A plain map rather than AsyncLocalStorage:
 * that would switch on promise hooks for the whole process, a measurable cost per update.)
 */
const membersInFlight = new Map<number, { member: Member | null; refs: number }>();

/** Flows dropped because their stored version no longer matches the code, set on the context by the storage wrapper. */
const RESTARTED = Symbol('restartedFlows');
type Restarted = Array<{ id: string; args: unknown[] }>;

/** What is stored: the plugin's versioned state plus the version of each flow it holds. */
type StoredState = VersionedState<ConversationData> & { flows?: Record<string, number> };

function flowVersion(id: string): number {
  return conversationRegistry.find((c) => c.id === id)?.version ?? 1;
}

/**
 * Wraps the key-value storage so a version bump is noticed instead of silently dropping state:
 * flows stored by another version (global or their own) are removed from the state and recorded on
 * the context; {@link conversationComposer} then tells the user and starts them afresh.
 */
export function versionedConversationStorage(adapter: StorageAdapter<StoredState>): VersionedStateStorage<BotContext, ConversationData> {
  return {
    async read(ctx) {
      const key = sessionKey(ctx);
      if (!key) return undefined;
      const raw = await adapter.read(key);
      if (!raw || !Array.isArray(raw.version)) return raw;
      const globalStale = raw.version[1] !== CONVERSATION_VERSION;
      const restarted: Restarted = [];
      const state: ConversationData = {};
      for (const [id, list] of Object.entries(raw.state ?? {})) {
        const stale = globalStale || (raw.flows?.[id] ?? 1) !== flowVersion(id) || !conversationRegistry.some((c) => c.id === id);
        if (!stale) {
          state[id] = list;
          continue;
        }
        for (const s of list) {
          let args: unknown[] = [];
          try {
            args = s.args ? (JSON.parse(s.args) as unknown[]) : [];
          } catch {
            args = [];
          }
          restarted.push({ id, args });
        }
      }
      if (restarted.length > 0) (ctx as unknown as Record<symbol, Restarted>)[RESTARTED] = restarted;
      return { version: [raw.version[0], CONVERSATION_VERSION], state } as VersionedState<ConversationData>;
    },
    async write(ctx, value) {
      const key = sessionKey(ctx);
      if (!key) return;
      const flows = Object.fromEntries(Object.keys(value.state).map((id) => [id, flowVersion(id)]));
      await adapter.write(key, { ...value, flows });
    },
    async delete(ctx) {
      const key = sessionKey(ctx);
      if (key) await adapter.delete(key);
    },
  };
}

/**
 * Installs @grammyjs/conversations with persistent, versioned state in the same backend as the
 * sessions (key prefix `convo:`), and the plugins every conversation needs: deps, the member and
 * i18n — middleware on `bot` does not reach inside conversations. A flow whose stored version
 * does not match the code is restarted with a polite message.
 */
export function conversationComposer(deps: BotDeps, storage: StorageAdapter<VersionedState<ConversationData>>): Composer<BotContext> {
  for (const setup of botSetups) setup(deps);
  const composer = new Composer<BotContext>();
  composer.use(async (ctx, next) => {
    const userId = ctx.from?.id;
    if (userId === undefined) return next();
    const entry = membersInFlight.get(userId) ?? { member: ctx.member, refs: 0 };
    entry.member = ctx.member;
    entry.refs++;
    membersInFlight.set(userId, entry);
    try {
      await next();
    } finally {
      if (--entry.refs === 0) membersInFlight.delete(userId);
    }
  });
  composer.use(
    conversations<BotContext, ConvContext>({
      storage: { type: 'context', version: CONVERSATION_VERSION, adapter: versionedConversationStorage(storage as StorageAdapter<StoredState>) },
      plugins: [
        async (ctx, next) => {
          ctx.api.config.use(recordSpoken);
          for (const t of conversationTransformers) ctx.api.config.use(t);
          ctx.deps = deps;
          ctx.log = deps.logger.child({ update_id: ctx.update.update_id, conversation: true });
          const inFlight = ctx.from ? membersInFlight.get(ctx.from.id) : undefined;
          ctx.member = inFlight ? inFlight.member : ctx.from ? await deps.services.members.byTelegramId(ctx.from.id) : null;
          await next();
        },
        deps.i18n as unknown as Middleware<ConvContext>,
      ],
    }),
  );
  for (const { id, builder } of conversationRegistry) {
    composer.use(createConversation<BotContext, ConvContext>(builder as never, id));
  }
  composer.use(async (ctx, next) => {
    const restarted = (ctx as unknown as Record<symbol, Restarted | undefined>)[RESTARTED];
    if (!restarted?.length) return next();
    const first = restarted[0]!;
    const entry = conversationRegistry.find((c) => c.id === first.id);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
    if (!entry) {
      await ctx.reply(ctx.t('flow-restarted-gone'), { reply_markup: ctx.member?.unitId ? mainMenu(ctx) : undefined });
      return;
    }
    await ctx.reply(ctx.t('flow-restarted', { flow: ctx.t(entry.nameKey ?? 'flow-generic') }));
    await ctx.conversation.enter(first.id, ...first.args);
  });
  return composer;
}

// -------------------------------------------------------------------------------------------------
// Steps: one question, its buttons, and everything a user may send instead.

/** A button of a step; `value` travels as `cv.opt` callback data (≤ 48 safe characters). */
export interface StepOption {
  value: string;
  label: string;
  /** Typed words that also choose it ("xong", "done"). */
  aliases?: string[];
}

/** A label as typed: folded, leading emoji and marks dropped ("✔ Xong" → "xong"). */
function typedForm(label: string): string {
  return fold(label).replace(/^[^\p{L}\p{N}]+/u, '').trim();
}

/** Result of parsing typed text at a step: the value, or the message that re-asks the step. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** One question of a flow. */
export interface StepSpec<T> {
  /** The question (HTML). */
  text: string;
  /** Rows of buttons; a member may also type an option's number or its label (Zalo has no buttons). */
  options?: StepOption[][];
  /** Offer "‹ Quay lại". */
  back?: boolean;
  /** Accept typed text. */
  parse?: (text: string) => Parsed<T>;
  /** Accept photos and documents. */
  media?: boolean;
  /** What to say when the input does not fit (a sticker, a voice note, text where a button is expected). */
  hint: string;
}

/** What a step returned. */
export type StepAnswer<T> =
  | { kind: 'option'; value: string }
  | { kind: 'text'; value: T }
  | { kind: 'media'; message: Message }
  | { kind: 'back' };

type Verdict<T> =
  | { accept: StepAnswer<T> | { kind: 'cancel' } | { kind: 'page'; page: number } }
  | { reject: 'expired' | 'busy' | 'hint' | { error: string } };

/**
 * Most option buttons one prompt shows at once. Longer lists (a campaign's 40 content lines) are
 * paged with ‹ › buttons: Telegram refuses a keyboard of more than 100 buttons, and a screen of
 * 40 long labels is unusable anyway. Typed numbers still choose from the whole list.
 */
export const OPTIONS_PER_PAGE = 20;

/** Rows of options cut into pages of at most {@link OPTIONS_PER_PAGE} buttons (rows stay whole). */
function optionPages(rows: StepOption[][]): StepOption[][][] {
  const pages: StepOption[][][] = [];
  let page: StepOption[][] = [];
  let count = 0;
  for (const row of rows) {
    if (page.length > 0 && count + row.length > OPTIONS_PER_PAGE) {
      pages.push(page);
      page = [];
      count = 0;
    }
    page.push(row);
    count += row.length;
  }
  pages.push(page);
  return pages;
}

const BACK_WORDS = new Set(['quay lai', 'back', '‹ quay lai', '‹ back']);


function judge<T>(ctx: ConvContext, promptId: number, spec: StepSpec<T>, pageCount = 1): Verdict<T> {
  if (ctx.callbackQuery) {
    const cb = decodeCallback(ctx.callbackQuery.data);
    if (!cb) return { reject: 'expired' };
    if (cb.action === 'flow.cancel') return { accept: { kind: 'cancel' } };
    if (ctx.callbackQuery.message?.message_id !== promptId) return { reject: 'busy' };
    if (cb.action === 'cv.back' && spec.back) return { accept: { kind: 'back' } };
    if (cb.action === 'cv.page' && pageCount > 1) return { accept: { kind: 'page', page: Math.min(cb.args.page, pageCount - 1) } };
    if (cb.action === 'cv.opt' && spec.options?.flat().some((o) => o.value === cb.args.v)) return { accept: { kind: 'option', value: cb.args.v } };
    return { reject: 'expired' };
  }
  const msg = ctx.message;
  if (!msg) return { reject: 'hint' };
  if (msg.text !== undefined) {
    const text = msg.text.trim();
    if (/^\/cancel(@\w+)?$/i.test(text)) return { accept: { kind: 'cancel' } };
    if (text.startsWith('/')) return { reject: 'busy' };
    if (isAnyMenuText(ctx, text)) return { reject: 'busy' };
    const folded = fold(text);
    if (spec.back && BACK_WORDS.has(folded)) return { accept: { kind: 'back' } };
    const flat = spec.options?.flat() ?? [];
    const n = /^\d{1,2}$/.test(text) && !spec.parse ? Number(text) : NaN;
    if (n >= 1 && n <= flat.length) return { accept: { kind: 'option', value: flat[n - 1]!.value } };
    const typed = typedForm(text);
    const byLabel = flat.find((o) => typedForm(o.label) === typed || o.aliases?.some((a) => fold(a) === folded));
    if (byLabel) return { accept: { kind: 'option', value: byLabel.value } };
    if (spec.parse) {
      const parsed = spec.parse(text);
      return parsed.ok ? { accept: { kind: 'text', value: parsed.value } } : { reject: { error: parsed.error } };
    }
    return { reject: 'hint' };
  }
  if (spec.media && (msg.photo || msg.document)) return { accept: { kind: 'media', message: msg } };
  return { reject: 'hint' };
}

/**
 * A flow's handle on its questions. Every question answers `/cancel` (and the ✖ button), offers
 * Back where asked, re-asks only itself on bad input, and answers stale buttons, stickers, voice
 * notes and other commands with a hint — without leaving the flow.
 */
export class Flow {
  constructor(
    private readonly conversation: Convo,
    private readonly ctx: ConvContext,
    /** Locale key of the flow's name ("reg-flow-name"), used in hints. */
    private readonly nameKey: string,
  ) {}

  /** Runs a non-deterministic task (database, clock) once; replays reuse its stored result. */
  external<R>(task: () => Promise<R> | R): Promise<R> {
    return this.conversation.external(() => task());
  }

  /**
   * "Which campaign?" when several are open: one button per campaign (also answerable by typing
   * its number). Returns the campaign chosen, or null when the answer was something else (Back).
   */
  async askCampaign<C extends { id: number; title: string }>(text: string, campaigns: readonly C[]): Promise<C | null> {
    const a = await this.ask({
      text,
      options: campaigns.map((c) => [{ value: `c${c.id}`, label: c.title.slice(0, 60) }]),
      hint: this.ctx.t('cv-hint-button'),
    });
    return a.kind === 'option' ? (campaigns.find((c) => `c${c.id}` === a.value) ?? null) : null;
  }

  /** The keyboard of one page of a step: its options, ‹ › when paged, Back and Cancel. */
  private keyboard(spec: StepSpec<unknown>, pages: StepOption[][][], page: number): InlineKeyboard {
    const ctx = this.ctx;
    const kb = new InlineKeyboard();
    for (const row of pages[page] ?? []) {
      for (const o of row) kb.text(o.label, encodeCallback('cv.opt', { v: o.value }));
      kb.row();
    }
    if (pages.length > 1) {
      if (page > 0) kb.text(ctx.t('page-prev'), encodeCallback('cv.page', { page: page - 1 }));
      kb.text(ctx.t('page-of', { page: page + 1, pages: pages.length }), encodeCallback('cv.page', { page }));
      if (page < pages.length - 1) kb.text(ctx.t('page-next'), encodeCallback('cv.page', { page: page + 1 }));
      kb.row();
    }
    if (spec.back) kb.text(ctx.t('button-back'), encodeCallback('cv.back', {}));
    kb.text(ctx.t('button-cancel'), encodeCallback('flow.cancel', {}));
    return kb;
  }

  /**
   * Sends the question and waits for an answer that fits it. A question longer than one message
   * arrives in several (the buttons under the last); more options than a page holds are paged.
   */
  async ask<T = never>(spec: StepSpec<T>): Promise<StepAnswer<T>> {
    const ctx = this.ctx;
    const pages = optionPages(spec.options ?? []);
    const parts = splitHtml(spec.text);
    for (const part of parts.slice(0, -1)) await ctx.reply(part, { parse_mode: 'HTML' });
    const prompt = await ctx.reply(parts[parts.length - 1]!, { parse_mode: 'HTML', reply_markup: this.keyboard(spec, pages, 0) });
    for (;;) {
      const answer = await this.wait(prompt, spec, pages.length);
      if (answer.kind !== 'page') return answer;
      // Same page pressed again (the "2/3" label): nothing to change, Telegram would refuse the edit.
      await ctx.api.editMessageReplyMarkup(prompt.chat.id, prompt.message_id, { reply_markup: this.keyboard(spec, pages, answer.page) }).catch(() => {});
    }
  }

  /** Waits for one answer to the prompt: an accepted one, or a page change (the prompt stays open). */
  private async wait<T>(prompt: Message, spec: StepSpec<T>, pageCount: number): Promise<StepAnswer<T> | { kind: 'page'; page: number }> {
    const ctx = this.ctx;
    const answered = await this.conversation.waitUntil((c) => 'accept' in judge(c, prompt.message_id, spec, pageCount), {
      otherwise: async (c) => {
        const verdict = judge(c, prompt.message_id, spec, pageCount);
        if (!('reject' in verdict)) return;
        const flow = c.t(this.nameKey);
        if (c.callbackQuery) {
          const text = verdict.reject === 'busy' ? c.t('flow-busy-button', { flow }) : c.t('button-expired');
          await c.answerCallbackQuery({ text }).catch(() => {});
          return;
        }
        if (typeof verdict.reject === 'object') await c.reply(verdict.reject.error, { parse_mode: 'HTML' });
        else if (verdict.reject === 'busy') await c.reply(c.t('flow-busy', { flow }));
        else await c.reply(spec.hint, { parse_mode: 'HTML' });
      },
    });
    const verdict = judge(answered, prompt.message_id, spec, pageCount);
    if (answered.callbackQuery) await answered.answerCallbackQuery().catch(() => {});
    if (!('accept' in verdict)) throw new Error('unreachable: accepted update rejected on replay');
    if (verdict.accept.kind === 'page') return verdict.accept;
    await ctx.api.editMessageReplyMarkup(prompt.chat.id, prompt.message_id).catch(() => {});
    if (verdict.accept.kind === 'cancel') {
      await ctx.reply(ctx.t('cancelled'), { reply_markup: ctx.member?.unitId ? mainMenu(ctx as unknown as BotContext) : undefined });
      return this.conversation.halt();
    }
    return verdict.accept;
  }

  /** Ends the flow with a message and the main menu. */
  async finish(text: string): Promise<void> {
    const ctx = this.ctx;
    await replyHtml(ctx, text, { reply_markup: ctx.member?.unitId ? mainMenu(ctx as unknown as BotContext) : undefined });
  }
}
