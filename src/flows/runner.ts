/**
 * Runs flows against a {@link FlowStore}: load the member's open flow, apply one input, store the new
 * state — and only then hand the prompt to the channel. Because the state is stored before the next
 * question goes out, an answer that arrives at once (on this instance or another) finds it.
 */
import { advanceFlow, startFlow, type Flow, type FlowContext, type FlowInput, type FlowOutcome, type FlowState } from './model.js';
import type { FlowStore } from './store.js';

/** How often an answer is re-applied when another instance stored the same member's flow first. */
const MAX_CONFLICT_RETRIES = 3;

/** Thrown when the store keeps changing under us; the channel asks the member to send the answer again. */
export class FlowConflictError extends Error {
  constructor(key: string) {
    super(`flow state of ${key} kept changing while an answer was applied`);
    this.name = 'FlowConflictError';
  }
}

export class FlowRunner {
  private readonly flows = new Map<string, Flow<unknown, unknown>>();

  constructor(
    private readonly store: FlowStore,
    flows: readonly Flow<never, never>[],
  ) {
    for (const flow of flows) this.flows.set(flow.id, flow as unknown as Flow<unknown, unknown>);
  }

  /** Opens `flow` for `key` (replacing any open flow) and returns its first question, already stored. */
  async start<D, A>(key: string, flow: Flow<D, A>, args: A, ctx: FlowContext, restartArgs: unknown = args): Promise<FlowOutcome<D>> {
    const outcome = startFlow(flow, args, ctx, restartArgs);
    if (outcome.type === 'ask') await this.store.save(key, outcome.state as FlowState<unknown>, null);
    // A flow with nothing to ask still replaces whatever was open: the member started something new.
    else await this.store.clear(key);
    return outcome;
  }

  /** The open flow's state, if any. */
  current(key: string): Promise<FlowState<unknown> | null> {
    return this.store.load(key);
  }

  /**
   * Applies `input` to the open flow of `key`; null when none is open. A new question's state is
   * stored before this returns. A finished flow stays stored until {@link end} — call it after the
   * use case that consumes the answers succeeded, so an outage there loses nothing (the member sends
   * the last answer again). Cancelled and outdated flows are removed here. `loaded` is the state
   * the caller has just read (it is compared-and-set like any other).
   */
  async handle(key: string, input: FlowInput, ctx: FlowContext, loaded?: FlowState<unknown> | null): Promise<FlowOutcome<unknown> | null> {
    for (let attempt = 0; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
      // The caller's freshly loaded state saves a round trip; a conflict reloads.
      const state = attempt === 0 && loaded !== undefined ? loaded : await this.store.load(key);
      if (!state) return null;
      const flow = this.flows.get(state.flow);
      if (!flow) {
        await this.store.clear(key, state.rev);
        return { type: 'outdated', flow: state.flow, args: state.args };
      }
      const outcome = await advanceFlow(flow, state, input, ctx);
      if (outcome.type === 'cancelled' || outcome.type === 'outdated') {
        await this.store.clear(key, state.rev);
        return outcome;
      }
      if (outcome.type === 'done' || outcome.state.rev === state.rev) return outcome;
      if (await this.store.save(key, outcome.state, state.rev)) return outcome;
    }
    throw new FlowConflictError(key);
  }

  /** Closes a finished flow whose answers were consumed (only the state that was finished). */
  async end(key: string, finished: FlowState<unknown>): Promise<void> {
    await this.store.clear(key, finished.rev - 1);
  }

  /** Drops an open flow as it is stored (only if nobody changed it meanwhile). */
  async discard(key: string, stored: FlowState<unknown>): Promise<void> {
    await this.store.clear(key, stored.rev);
  }
}
