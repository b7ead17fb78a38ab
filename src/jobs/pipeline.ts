/**
 * Small building blocks of the dispatcher's send pipeline (src/jobs/dispatcher.ts): the claimed
 * rows waiting to be sent, kept in order per chat, a wake-up signal for idle senders, and the
 * group commit that records outcomes as soon as they are known.
 */

/** Wakes every waiter at once: "something changed, look again". */
export class Signal {
  private waiters: Array<() => void> = [];

  wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  fire(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/**
 * Claimed rows waiting to be sent, one FIFO per chat. A chat is handed to one sender at a time
 * (`take`), so two messages to one person never overtake each other, and it comes back when that
 * sender is `done` with it — behind every other chat that was waiting, so one chat with many rows
 * does not hold up the others. A chat whose per-chat spacing is not over yet can be put back for
 * later without going through the database.
 */
export class ChatQueues<T> {
  /** Every chat with rows held here or a row being sent; insertion-ordered. */
  private readonly chats = new Map<string, T[]>();
  /** Chats whose next row may be taken now. */
  private readonly ready: string[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private held = 0;

  /** Rows held (not being sent). */
  get size(): number {
    return this.held;
  }

  add(key: string, row: T): void {
    const rows = this.chats.get(key);
    if (rows) rows.push(row);
    else {
      this.chats.set(key, [row]);
      this.ready.push(key);
    }
    this.held += 1;
  }

  /** The next row of the longest-waiting free chat; the chat is busy until done/putBack/drop. */
  take(): { key: string; row: T } | undefined {
    for (;;) {
      const key = this.ready.shift();
      if (key === undefined) return undefined;
      const row = this.chats.get(key)?.shift();
      if (row === undefined) continue;
      this.held -= 1;
      return { key, row };
    }
  }

  /** The sender is finished with the chat's row: its next row (if any) may go. */
  done(key: string): void {
    const rows = this.chats.get(key);
    if (!rows) return;
    if (rows.length === 0) this.chats.delete(key);
    else this.ready.push(key);
  }

  /** Puts a taken row back at the head of its chat, free again now or after `afterMs`. */
  putBack(key: string, row: T, afterMs = 0, onReady?: () => void): void {
    const rows = this.chats.get(key);
    if (rows) rows.unshift(row);
    else this.chats.set(key, [row]);
    this.held += 1;
    if (afterMs <= 0) {
      this.ready.push(key);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.ready.push(key);
      onReady?.();
    }, afterMs);
    this.timers.add(timer);
  }

  /** Removes the rest of a chat's rows (after its row was found unreachable or deferred). */
  drop(key: string): T[] {
    const rows = this.chats.get(key) ?? [];
    this.chats.delete(key);
    this.held -= rows.length;
    return rows;
  }

  /** Empties everything (the session ends); returns the rows that were never sent. */
  clear(): T[] {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const rows = [...this.chats.values()].flat();
    this.chats.clear();
    this.ready.length = 0;
    this.held = 0;
    return rows;
  }
}

/**
 * Group commit: callers add items and wait until a write that includes them has succeeded. While
 * one write runs, new items gather for the next, so under load one statement records many outcomes
 * and when idle each outcome is written at once. A failed write rejects every caller of that group.
 */
export class GroupCommit<T> {
  private queue: Array<{ items: T[]; resolve: () => void; reject: (err: unknown) => void }> = [];
  private running = false;

  constructor(private readonly write: (items: T[]) => Promise<void>) {}

  add(items: T[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      if (!this.running) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      const group = this.queue;
      this.queue = [];
      try {
        await this.write(group.flatMap((g) => g.items));
        for (const g of group) g.resolve();
      } catch (err) {
        for (const g of group) g.reject(err);
      }
    }
    this.running = false;
  }
}
