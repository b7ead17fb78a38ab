import type { Redis } from 'ioredis';

/**
 * Send-rate limiting for the dispatcher: one global budget per bot token (Telegram's ~30 msg/s),
 * a minimum spacing per chat (≈1 msg/s private, 20/min groups) and a shared pause after a 429.
 *
 * Why reservations rather than "try, then retry": each sender reserves the next free slot and
 * sleeps until it, so N concurrent senders line up at exactly `rate` per second without polling and
 * without bursts that would trip Telegram's sliding-window limit (a classic token bucket with a
 * burst of B lets B + rate messages through in one second).
 *
 * @example
 * const limiter = createRateLimiter({ rate: 25, redis });
 * const slot = await limiter.reserve('TELEGRAM:12345');
 * if (slot.ok) { await sleep(slot.delayMs); await send(); }
 */
export interface RateLimiter {
  /**
   * Reserves a send slot for a chat, keyed by channel and chat id (`TELEGRAM:123`, `ZALO:abc`:
   * the same id on two channels never shares a spacing). `ok: true` → send after `delayMs`.
   * `ok: false` → the chat (or the whole bot, after a 429) is not free for `waitMs`; nothing was reserved.
   * `group` says the chat is a group (the caller knows: a Zalo group id, unlike Telegram's, carries
   * no sign of it); without it a Telegram id's sign decides.
   */
  reserve(chatKey: string, opts?: { group?: boolean }): Promise<SlotReservation>;
  /** Reserves a global slot only (progress edits to an officer). */
  reserveGlobal(): Promise<number>;
  /** Pauses every sender — of every instance when shared — for `ms` (Telegram's retry_after). */
  pause(ms: number): Promise<void>;
  /** Milliseconds left in the current pause (0 when not paused). */
  pausedFor(): Promise<number>;
}

export type SlotReservation = { ok: true; delayMs: number } | { ok: false; reason: 'chat' | 'paused'; waitMs: number };

/** Spacing options; defaults leave a little margin over Telegram's limits for network jitter. */
export interface RateLimitOptions {
  /** Messages per second over all chats (BROADCAST_RATE). */
  rate: number;
  /** Minimum gap between two messages to one private chat (ms). */
  privateChatSpacingMs?: number;
  /** Minimum gap between two messages to one group chat (ms; 20/min → 3 s). */
  groupChatSpacingMs?: number;
  /** How far ahead a reservation may be placed before the caller is told to come back (ms). */
  maxAheadMs?: number;
}

const DEFAULT_PRIVATE_SPACING = 1_050;
const DEFAULT_GROUP_SPACING = 3_100;
const DEFAULT_MAX_AHEAD = 1_500;

/** Telegram group and channel ids are negative; private chats (= user ids) are positive. */
export function isGroupChat(chatId: string): boolean {
  return chatId.startsWith('-');
}

/** The chat id part of a `CHANNEL:id` key (a bare id is taken as it is). */
function chatIdOf(chatKey: string): string {
  const colon = chatKey.indexOf(':');
  return colon < 0 ? chatKey : chatKey.slice(colon + 1);
}

function spacingFor(chatKey: string, o: Required<RateLimitOptions>, group?: boolean): number {
  return (group ?? isGroupChat(chatIdOf(chatKey))) ? o.groupChatSpacingMs : o.privateChatSpacingMs;
}

function withDefaults(o: RateLimitOptions): Required<RateLimitOptions> {
  return {
    rate: o.rate,
    privateChatSpacingMs: o.privateChatSpacingMs ?? DEFAULT_PRIVATE_SPACING,
    groupChatSpacingMs: o.groupChatSpacingMs ?? DEFAULT_GROUP_SPACING,
    maxAheadMs: o.maxAheadMs ?? DEFAULT_MAX_AHEAD,
  };
}

/** In-process limiter: right for a single instance without Redis (embedded deployments, tests). */
export class LocalRateLimiter implements RateLimiter {
  private readonly o: Required<RateLimitOptions>;
  private readonly interval: number;
  /** Theoretical arrival time of the next global slot (GCRA). */
  private tat = 0;
  private pausedUntil = 0;
  private readonly chatFree = new Map<string, number>();

  constructor(options: RateLimitOptions, private readonly clock: () => number = () => performance.now()) {
    this.o = withDefaults(options);
    this.interval = 1000 / this.o.rate;
  }

  async reserve(chatKey: string, opts: { group?: boolean } = {}): Promise<SlotReservation> {
    const now = this.clock();
    if (this.pausedUntil > now) return { ok: false, reason: 'paused', waitMs: this.pausedUntil - now };
    const slot = Math.max(this.tat, now);
    const free = this.chatFree.get(chatKey) ?? 0;
    if (free > slot) return { ok: false, reason: 'chat', waitMs: free - slot };
    if (slot - now > this.o.maxAheadMs) return { ok: false, reason: 'paused', waitMs: slot - now - this.o.maxAheadMs };
    this.tat = slot + this.interval;
    this.chatFree.set(chatKey, slot + spacingFor(chatKey, this.o, opts.group));
    if (this.chatFree.size > 50_000) this.forgetOld(now);
    return { ok: true, delayMs: slot - now };
  }

  async reserveGlobal(): Promise<number> {
    const now = this.clock();
    const slot = Math.max(this.tat, now, this.pausedUntil);
    this.tat = slot + this.interval;
    return slot - now;
  }

  async pause(ms: number): Promise<void> {
    const until = this.clock() + ms;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.tat = Math.max(this.tat, this.pausedUntil);
  }

  async pausedFor(): Promise<number> {
    return Math.max(0, this.pausedUntil - this.clock());
  }

  private forgetOld(now: number): void {
    for (const [chat, free] of this.chatFree) if (free < now) this.chatFree.delete(chat);
  }
}

/**
 * The same algorithm in one Lua script, so every instance behind one bot token shares the budget,
 * the per-chat spacing and the 429 pause. Redis's own clock (TIME) is the only clock involved.
 * KEYS: tat, pause, chat (may be empty for a global-only slot).
 * ARGV: interval ms, chat spacing ms, max ahead ms (-1 = unbounded), '1' when KEYS[3] is a chat.
 * Returns {code, ms}: 0 = reserved, send after ms; 1 = chat busy for ms; 2 = paused/too far for ms.
 */
const RESERVE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local spacing = tonumber(ARGV[2])
local maxAhead = tonumber(ARGV[3])
local pausedUntil = tonumber(redis.call('GET', KEYS[2]) or '0')
if maxAhead >= 0 and pausedUntil > now then return {2, pausedUntil - now} end
local slot = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now, pausedUntil)
local hasChat = ARGV[4] == '1'
if hasChat then
  local free = tonumber(redis.call('GET', KEYS[3]) or '0')
  if free > slot then return {1, free - slot} end
end
if maxAhead >= 0 and slot - now > maxAhead then return {2, slot - now - maxAhead} end
redis.call('SET', KEYS[1], tostring(slot + interval), 'PX', 60000)
if hasChat then
  redis.call('SET', KEYS[3], tostring(slot + spacing), 'PX', math.ceil(math.max(1, slot + spacing - now)))
end
return {0, slot - now}
`;

const PAUSE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > current then redis.call('SET', KEYS[1], tostring(untilMs), 'PX', math.ceil(tonumber(ARGV[1]))) end
return 0
`;

const PAUSED_FOR_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
return math.max(0, current - now)
`;

/** Shared limiter over Redis (keys under `<REDIS_PREFIX>rl:`). */
export class RedisRateLimiter implements RateLimiter {
  private readonly o: Required<RateLimitOptions>;
  private readonly interval: number;

  constructor(
    private readonly redis: Redis,
    options: RateLimitOptions,
    private readonly namespace = 'rl:',
  ) {
    this.o = withDefaults(options);
    this.interval = 1000 / this.o.rate;
  }

  async reserve(chatKey: string, opts: { group?: boolean } = {}): Promise<SlotReservation> {
    const [code, ms] = (await this.redis.eval(
      RESERVE_LUA,
      3,
      `${this.namespace}tat`,
      `${this.namespace}pause`,
      `${this.namespace}chat:${chatKey}`,
      this.interval,
      spacingFor(chatKey, this.o, opts.group),
      this.o.maxAheadMs,
      '1',
    )) as [number, number];
    if (code === 0) return { ok: true, delayMs: ms };
    return { ok: false, reason: code === 1 ? 'chat' : 'paused', waitMs: ms };
  }

  async reserveGlobal(): Promise<number> {
    const [, ms] = (await this.redis.eval(
      RESERVE_LUA,
      3,
      `${this.namespace}tat`,
      `${this.namespace}pause`,
      `${this.namespace}none`,
      this.interval,
      0,
      -1,
      '0',
    )) as [number, number];
    return ms;
  }

  async pause(ms: number): Promise<void> {
    await this.redis.eval(PAUSE_LUA, 1, `${this.namespace}pause`, Math.ceil(ms));
  }

  async pausedFor(): Promise<number> {
    return (await this.redis.eval(PAUSED_FOR_LUA, 1, `${this.namespace}pause`)) as number;
  }
}

/** Redis-backed when a client is given (shared by every instance), in-process otherwise. */
export function createRateLimiter(options: RateLimitOptions & { redis?: Redis | null | undefined }): RateLimiter {
  return options.redis ? new RedisRateLimiter(options.redis, options) : new LocalRateLimiter(options);
}

/**
 * Paces this process's actual emissions at `rate`. Reservations place sends on an ideal schedule,
 * but when the event loop stalls (GC, a busy CPU) several timers fire together and the messages
 * would leave in a bunch — enough to trip Telegram's sliding one-second window. The pacer lets
 * them out at most ⌊rate⌋ in any second and a half interval, and never closer than 80 % of an
 * interval. The half interval is room for network jitter (at 29 of Telegram's 30 msg/s, a single
 * message 35 ms late would otherwise fill a window); it costs under 2 % of the rate. The 80 % lets
 * the pacer make up time lost in a stall gently, without a burst: a busy machine keeps its rate.
 *
 * A stall also holds back the message handed to the HTTP client just before it: it leaves when the
 * stall ends, together with the next one. So when the pacer's own timer fires late by more than a
 * quarter interval, the next emission waits half an interval more.
 */
export class EmissionPacer {
  /** Emission times of the last ⌊rate⌋ messages, oldest first. */
  private readonly recent: number[] = [];
  private notBefore = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly interval: number;
  private readonly perSecond: number;

  constructor(rate: number, private readonly clock: () => number = () => performance.now()) {
    this.interval = 1000 / rate;
    this.perSecond = Math.max(1, Math.floor(rate));
  }

  /** Resolves when this process may emit its next message. */
  wait(): Promise<void> {
    const turn = this.chain.then(async () => {
      for (let stallSeen = false; ; ) {
        const earliest = this.earliest();
        const now = this.clock();
        if (earliest <= now) break;
        await sleep(earliest - now);
        const late = this.clock() - earliest;
        if (!stallSeen && late > this.interval / 4) {
          stallSeen = true;
          this.notBefore = this.clock() + this.interval / 2;
        }
      }
      this.recent.push(this.clock());
      if (this.recent.length > this.perSecond) this.recent.shift();
    });
    this.chain = turn;
    return turn;
  }

  private earliest(): number {
    const last = this.recent.at(-1) ?? -Infinity;
    const windowStart =
      this.recent.length >= this.perSecond ? this.recent[this.recent.length - this.perSecond]! + 1000 + this.interval / 2 : -Infinity;
    return Math.max(this.notBefore, last + this.interval * 0.8, windowStart);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
