/**
 * The channel-neutral conversation service: which flows exist, how a member starts one, and what an
 * input to the open flow produces — replies as data (a question, or a message), which each channel
 * renders its own way (Telegram: HTML and inline buttons; a text channel: numbered lines).
 *
 * A finished flow's answers are consumed by its `complete` (a use case of services/), and only then
 * is the flow closed: if the use case fails (an outage), the flow stays at its last question and the
 * member's resent answer completes it.
 */
import type { Flow, FlowContext, FlowInput, FlowOutcome, FlowState, Message } from './model.js';
import { currentQuestion } from './model.js';
import { FlowRunner } from './runner.js';
import type { FlowStore } from './store.js';

/** The key of a member's open flow: per member, so every channel of theirs reaches the same flow. */
export function flowKey(memberId: number): string {
  return `m${memberId}`;
}

/** A question to render (its state is already stored). */
export type AskOutcome = Extract<FlowOutcome<unknown>, { type: 'ask' }>;

/**
 * What the member is told after an input: the next question, or a message (optionally with the main
 * menu). `done` says nothing: it marks that flow `flow` finished and its use case ran, for a channel
 * that follows up (reload the member whose name, unit or language changed; continue with a link).
 */
export type Reply =
  | { kind: 'ask'; ask: AskOutcome }
  | { kind: 'say'; message: Message; menu?: boolean; actions?: ReplyAction[] }
  /**
   * `memberId`: another member the flow changed (a role granted), whom the channel may refresh too;
   * `value`: what the flow produced, for the channel's follow-up (the campaign saved or picked).
   */
  | { kind: 'done'; flow: string; memberId?: number; value?: Record<string, string | number> };

/**
 * Something a message offers to do next, as data: Telegram renders an inline button; a text-only
 * channel names it. `open: 'campaign'` opens the officer's view of campaign `campaignId`;
 * `open: 'register'` opens registration for the campaign of code `code` (Telegram: its deep link).
 */
export type ReplyAction = { label: Message; open: 'campaign'; campaignId: number } | { label: Message; open: 'register'; code: string };

/** Who is answering, besides the clock and the label renderer. */
export interface FlowEnv extends FlowContext {
  memberId: number;
}

/** A flow the bot offers: its steps, its name (for hints) and the use case that consumes its answers. */
export interface FlowSpec<D, A = void> extends Flow<D, A> {
  /** Locale key of the flow's name, e.g. "flow-name-onboarding". */
  nameKey: string;
  /** Consumes the finished answers through a service; returns what to tell the member. */
  complete(data: D, env: FlowEnv): Promise<Reply[]>;
  /** What to say when the member cancels (default: the generic "cancelled"). */
  cancelled?: Message;
  /**
   * Reads what the first question needs (the member, their open campaigns, the units to show; the
   * unit of an invite link is joined here) before the flow opens: the arguments `init` gets and what
   * to say before the first question, or what to say instead of starting (nothing to register for).
   * `init` is synchronous, so everything asynchronous happens here.
   */
  prepare?(args: A, env: FlowEnv): Promise<{ ok: true; args: A; say?: Message[] } | { ok: false; message: Message }>;
  /**
   * Commands (without the slash) the bot still answers while this flow is open, the flow staying
   * open: e.g. /language and /help while onboarding. Others are "busy" (answer or /cancel first).
   */
  passCommands?: readonly string[];
  /**
   * A list to pick from rather than a task half done (which campaign to open, a setting): a
   * command, a menu label or another message's button closes it quietly and is handled as if no
   * flow were open, instead of "you are in the middle of …".
   */
  casual?: boolean;
  /**
   * The flow never changes the member answering it (name, unit, role, language): a channel need not
   * reload them when it finishes. Unset, a finished flow's member is reloaded.
   */
  keepsMember?: boolean;
}

/** A registry holds flows of different data shapes. */
type AnySpec = FlowSpec<any, any>;

export class Conversations {
  private readonly runner: FlowRunner;
  private readonly specs = new Map<string, AnySpec>();

  constructor(store: FlowStore, specs: readonly AnySpec[]) {
    for (const spec of specs) this.specs.set(spec.id, spec);
    this.runner = new FlowRunner(store, specs as never);
  }

  /** How many flows are registered (a channel skips flow routing when there are none). */
  get size(): number {
    return this.specs.size;
  }

  /** The registered flow `id` (its `version` is what stored states are checked against). */
  spec(id: string): AnySpec | undefined {
    return this.specs.get(id);
  }

  /** Starts flow `id` for `key` (replacing any open one); the first question is stored before it is returned. */
  async start<A>(key: string, id: string, args: A, env: FlowEnv): Promise<Reply[]> {
    const spec = this.specs.get(id);
    if (!spec) throw new Error(`unknown flow ${id}`);
    let startArgs = args;
    let first: Reply[] = [];
    if (spec.prepare) {
      const prepared = await spec.prepare(args, env);
      if (!prepared.ok) {
        // Nothing to ask: a flow left open from before must not take the next message either.
        await this.close(key);
        return [{ kind: 'say', message: prepared.message, menu: true }];
      }
      startArgs = prepared.args;
      first = (prepared.say ?? []).map((message) => ({ kind: 'say', message }));
    }
    const outcome = await this.runner.start(key, spec, startArgs, env, args);
    return [...first, ...(await this.replies(key, spec, outcome, env))];
  }

  /** The open flow of `key`, if any (to say "you are in the middle of …", or let a command through). */
  async open(key: string): Promise<{ state: FlowState<unknown>; nameKey: string; passCommands: readonly string[]; casual: boolean } | null> {
    const state = await this.runner.current(key);
    const spec = state ? this.specs.get(state.flow) : undefined;
    return state && spec ? { state, nameKey: spec.nameKey, passCommands: spec.passCommands ?? [], casual: spec.casual ?? false } : null;
  }

  /** The question the open flow of `key` is at (to show another page of its choices), or null. */
  async question(key: string, env: FlowEnv): Promise<AskOutcome | null> {
    const state = await this.runner.current(key);
    const spec = state ? this.specs.get(state.flow) : undefined;
    if (!state || !spec) return null;
    const outcome = currentQuestion(spec, state, env);
    return outcome.type === 'ask' ? outcome : null;
  }

  /** Applies an input to the open flow of `key`; null when none is open (the channel handles it otherwise). */
  async input(key: string, input: FlowInput, env: FlowEnv): Promise<Reply[] | null> {
    const current = await this.runner.current(key);
    if (!current) return null;
    const spec = this.specs.get(current.flow);
    const outcome = await this.runner.handle(key, input, env, current);
    if (!outcome) return null;
    return this.replies(key, spec, outcome, env);
  }

  /** Closes the open flow of `key` without a word (e.g. the member started something else). */
  async close(key: string): Promise<void> {
    const state = await this.runner.current(key);
    if (state) await this.runner.discard(key, state);
  }

  private async replies(key: string, spec: AnySpec | undefined, outcome: FlowOutcome<unknown>, env: FlowEnv): Promise<Reply[]> {
    switch (outcome.type) {
      case 'ask':
        return [{ kind: 'ask', ask: outcome }];
      case 'cancelled':
        return [{ kind: 'say', message: spec?.cancelled ?? { key: 'cancelled' }, menu: true }];
      case 'outdated': {
        // The bot was updated while the member was in the middle of it: start it again, politely.
        const again = outcome.flow ? this.specs.get(outcome.flow) : undefined;
        if (!again) return [{ kind: 'say', message: { key: 'flow-restarted-gone' }, menu: true }];
        const notice: Reply = { kind: 'say', message: { key: 'flow-restarted', vars: { flow: env.label({ key: again.nameKey }) } } };
        return [notice, ...(await this.start(key, again.id, outcome.args, env))];
      }
      case 'done': {
        const replies = await spec!.complete(outcome.state.data, env);
        await this.runner.end(key, outcome.state);
        const notice: Reply[] = outcome.notice ? [{ kind: 'say', message: outcome.notice }] : [];
        // A `complete` may return its own `done` (naming the member it changed); one is enough.
        const done: Reply[] = replies.some((r) => r.kind === 'done') ? [] : [{ kind: 'done', flow: spec!.id }];
        return [...notice, ...replies, ...done];
      }
    }
  }
}
