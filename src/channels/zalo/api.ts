/**
 * A small typed client of the Zalo Bot Platform API (`<root>/bot<token>/<method>`, POST JSON,
 * answers `{ok:true, result}` or `{ok:false, error_code, description}`), with no SDK: the official
 * one still hard-codes a legacy host and sends parameters the docs do not list.
 *
 * The token is part of every URL, so no error this module throws or returns carries a URL or the
 * token: messages are redacted before they leave.
 *
 * @example
 * const api = new ZaloApi({ token: config.ZALO_BOT_TOKEN, apiRoot: config.ZALO_API_ROOT });
 * const outcome = sendOutcome(() => api.sendMessage(chatId, 'Xin chào'));
 */
import type { SendOutcome } from '../../jobs/channel.js';

/** What `getMe` says about the bot. */
export interface ZaloBotInfo {
  id: string;
  account_name: string;
  /** Not in Zalo's documented answer; read when present (tolerant), the account name otherwise. */
  display_name?: string;
  account_type?: string;
  can_join_groups?: boolean;
}

/** What Zalo answers a send with (`date` in milliseconds). */
export interface ZaloSentMessage {
  message_id: string;
  date?: number;
}

/** The webhook Zalo posts to (`url` empty when none). */
export interface ZaloWebhookInfo {
  url: string;
  updated_at?: number;
}

/** An error answer of the Zalo Bot API, or an HTTP failure without a Zalo answer. */
export class ZaloApiError extends Error {
  constructor(
    readonly method: string,
    /** Zalo's `error_code` (the HTTP status when the body had none). */
    readonly errorCode: number,
    readonly description: string,
    /** Milliseconds Zalo asked us to wait, when a 429 carried a hint. */
    readonly retryAfterMs?: number,
  ) {
    super(`Zalo ${method} failed: ${errorCode} ${description}`);
    this.name = 'ZaloApiError';
  }
}

/** A network failure or timeout talking to Zalo (no answer came). */
export class ZaloNetworkError extends Error {
  constructor(readonly method: string, message: string) {
    super(`Zalo ${method} did not answer: ${message}`);
    this.name = 'ZaloNetworkError';
  }
}

/** `getUpdates`' "nothing came during the long poll" (error 408): not a failure. */
export const NO_UPDATE = 408;

export interface ZaloApiOptions {
  token: string;
  /** `https://bot-api.zaloplatforms.com` in production, the fake in tests. */
  apiRoot: string;
  /** Per-request timeout for everything but `getUpdates` (default 15 s). */
  timeoutMs?: number;
  /** For tests: a fetch of our own. */
  fetch?: typeof fetch;
}

/**
 * Zalo's methods, one typed function each (only those its official docs list). Each resolves with
 * the `result` or throws {@link ZaloApiError} / {@link ZaloNetworkError}.
 */
export class ZaloApi {
  private readonly root: string;
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: ZaloApiOptions) {
    this.root = options.apiRoot.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.fetchFn = options.fetch ?? fetch;
  }

  getMe(): Promise<ZaloBotInfo> {
    return this.call('getMe', {});
  }

  /**
   * Long-polls for the next update: Zalo returns **one** update per call (an array is tolerated),
   * and error 408 when none came within `timeoutSec` — an empty list here. Abort with `signal` to stop.
   */
  async getUpdates(timeoutSec: number, signal?: AbortSignal): Promise<unknown[]> {
    try {
      const result = await this.call<unknown>('getUpdates', { timeout: String(timeoutSec) }, { timeoutMs: (timeoutSec + 10) * 1000, signal });
      if (result === null || result === undefined) return [];
      return Array.isArray(result) ? result : [result];
    } catch (err) {
      if (err instanceof ZaloApiError && err.errorCode === NO_UPDATE) return [];
      throw err;
    }
  }

  sendMessage(chatId: string, text: string): Promise<ZaloSentMessage> {
    return this.call('sendMessage', { chat_id: chatId, text });
  }

  /** Sends a photo Zalo fetches from `photoUrl` (no upload: Zalo documents none). */
  sendPhoto(chatId: string, photoUrl: string, caption?: string): Promise<ZaloSentMessage> {
    return this.call('sendPhoto', { chat_id: chatId, photo: photoUrl, ...(caption ? { caption } : {}) });
  }

  /** Shows "typing…" (the only action Zalo documents). */
  async sendChatAction(chatId: string, action: 'typing' = 'typing'): Promise<void> {
    await this.call('sendChatAction', { chat_id: chatId, action });
  }

  /** Points Zalo at our webhook; it sends `secretToken` in `X-Bot-Api-Secret-Token` (8–256 chars). */
  setWebhook(url: string, secretToken: string): Promise<ZaloWebhookInfo> {
    return this.call('setWebhook', { url, secret_token: secretToken });
  }

  /** Removes the webhook (getUpdates does not work while one is set). */
  deleteWebhook(): Promise<ZaloWebhookInfo> {
    return this.call('deleteWebhook', {});
  }

  getWebhookInfo(): Promise<ZaloWebhookInfo> {
    return this.call('getWebhookInfo', {});
  }

  /** Calls any method; the URL (with the token) never appears in what it throws. */
  async call<T>(method: string, params: Record<string, unknown>, opts: { timeoutMs?: number; signal?: AbortSignal | undefined } = {}): Promise<T> {
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? this.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    let res: Response;
    let text: string;
    try {
      res = await this.fetchFn(`${this.root}/bot${this.options.token}/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(params),
        signal,
      });
      text = await res.text();
    } catch (err) {
      const e = err as Error & { cause?: { message?: string } };
      const why = e.name === 'TimeoutError' ? 'timed out' : e.name === 'AbortError' ? 'aborted' : `${e.message}${e.cause?.message ? ` (${e.cause.message})` : ''}`;
      throw new ZaloNetworkError(method, this.redact(why));
    }
    const body = parseEnvelope(text);
    if (body && body.ok === true && res.ok) return body.result as T;
    // No Zalo envelope at all (a proxy's page, even with 200) is a gateway hiccup, not our message's fault.
    const code = typeof body?.error_code === 'number' ? body.error_code : res.ok ? 502 : res.status;
    const description = typeof body?.description === 'string' ? body.description : res.statusText || 'no description';
    throw new ZaloApiError(method, code, this.redact(description), retryHint(body?.parameters?.retry_after, res.headers.get('Retry-After')));
  }

  /** Removes the token from a message (an echoed URL, a proxy's error page). */
  private redact(message: string): string {
    return message.split(this.options.token).join('<token>');
  }
}

/** Zalo's answer envelope, as far as it is one (a proxy's HTML error page is not). */
interface Envelope {
  ok?: unknown;
  result?: unknown;
  error_code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown };
}

function parseEnvelope(text: string): Envelope | null {
  try {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === 'object' ? (body as Envelope) : null;
  } catch {
    return null;
  }
}

/**
 * Zalo documents no retry hint; honour one if it comes, Telegram-style (`parameters.retry_after`,
 * seconds) or as an HTTP `Retry-After` header (seconds).
 */
function retryHint(parameter: unknown, header: string | null): number | undefined {
  const seconds = typeof parameter === 'number' ? parameter : header && /^\d+(\.\d+)?$/.test(header.trim()) ? Number(header) : undefined;
  return seconds !== undefined && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}

/** Wait after a 429 that carried no hint. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;

/**
 * Zalo does not document how "the user blocked the bot" or "no such user" reads; these wordings
 * (English and Vietnamese) and error 404 are taken as the recipient being unreachable.
 */
const UNREACHABLE = /block|not found|not exist|no such (user|chat)|unfollow|chặn|không tồn tại/i;

/** What a failed Zalo call means for the message, in the dispatcher's channel-neutral terms. */
export function outcomeOfError(err: unknown): Exclude<SendOutcome, { kind: 'sent' }> {
  if (err instanceof ZaloApiError) {
    const error = err.message;
    if (err.errorCode === 429) return { kind: 'rate_limited', retryAfterMs: err.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS, error };
    if (err.errorCode === 404 || UNREACHABLE.test(err.description)) return { kind: 'unreachable', error };
    // 403 is "internal server error" in Zalo's table; 408 and 5xx are hiccups too.
    if (err.errorCode === 403 || err.errorCode === 408 || err.errorCode >= 500) return { kind: 'transient', error };
    return { kind: 'failed', error };
  }
  if (err instanceof ZaloNetworkError) return { kind: 'transient', error: err.message };
  throw err;
}

/** Runs one send and turns its result or error into a {@link SendOutcome}. */
export async function sendOutcome(send: () => Promise<ZaloSentMessage>): Promise<SendOutcome> {
  try {
    const sent = await send();
    return { kind: 'sent', externalMessageId: String(sent.message_id) };
  } catch (err) {
    return outcomeOfError(err);
  }
}
