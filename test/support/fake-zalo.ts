/**
 * A fake Zalo Bot Platform API (`/bot<token>/<method>`) on a local HTTP server, in the spirit of
 * fake-telegram.ts: the bot under test talks to it over real HTTP exactly as it would to
 * bot-api.zaloplatforms.com, and it refuses what Zalo refuses — an unknown token (401), a missing
 * parameter, a text or caption outside 1–2000 characters, and any parameter Zalo's docs do not
 * list (buttons, keyboards, `parse_mode`: Zalo has none) — each with 400.
 *
 * It long-polls like Zalo (`getUpdates` returns ONE update per call, or error 408 after the
 * timeout), pushes updates to a webhook with `X-Bot-Api-Secret-Token` (wrapped `{ok, result}` or
 * bare), lets a test inject what users send (text, a photo by URL with a caption, a sticker, an
 * unsupported message), simulate 429s and a user who blocked the bot, records what the bot sent per
 * chat, and serves the photos users "send" by URL (optionally expiring, as Zalo's do).
 *
 * Where Zalo's behaviour is unverified (ZALO.md "U"), the fake picks one answer and says so; the
 * options let a test pick another, so the bot is proven tolerant of both.
 *
 * @example
 * const zalo = await FakeZalo.start();
 * const lan = zalo.user('Lan');
 * zalo.userSays(lan, 'Xin chào');
 * // … the bot polls zalo.apiRoot with zalo.token …
 * await zalo.waitForSent(lan.id, 1);
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/** A Zalo error answer. */
export interface ZaloErrorSpec {
  error_code: number;
  description: string;
  /** Not documented by Zalo; sent only when a test asks (to prove a hint is honoured). */
  parameters?: { retry_after?: number };
}

export interface FakeZaloOptions {
  /** Token the fake accepts (default `12345689:zalo-test-secret`). */
  token?: string;
  port?: number;
  /** Clock for message `date`s (ms; default Date.now). */
  now?: () => number;
  /** Longest a getUpdates call waits before its 408, whatever `timeout` it asked (default: its timeout). */
  maxPollMs?: number;
  /** How webhook bodies are sent: `wrapped` `{ok:true, result}` (Zalo's docs; default) or `bare`. */
  webhookBody?: 'wrapped' | 'bare';
  /** Webhook retries after a non-2xx answer: attempts and delay (default 3 × 100 ms; Zalo's own policy is unknown). */
  webhookRetry?: { attempts?: number; delayMs?: number };
  /** Answer errors with HTTP 200 and `{ok:false}` instead of HTTP status = error_code (unverified which Zalo does). */
  errorsWithHttp200?: boolean;
  /** sendPhoto fetches the photo URL, as Zalo does, refuses one that does not answer 200 with an image, and keeps the bytes (`ZaloSent.photoBytes`). */
  fetchPhotos?: boolean;
  /** What sending to a user who blocked the bot answers (unverified; default 403 "…blocked…"). */
  blockedError?: ZaloErrorSpec;
}

/** A Zalo user the test plays. */
export interface ZaloUser {
  /** Opaque id, also the id of their 1:1 chat with the bot. */
  id: string;
  name: string;
}

/** A Zalo group the bot was added to. */
export interface ZaloGroup {
  id: string;
  name: string;
}

/** A Zalo update as Zalo sends it. */
export interface ZaloUpdate {
  event_name: string;
  message: Record<string, unknown> & { message_id: string; date: number; from: Record<string, unknown>; chat: { id: string; chat_type: 'PRIVATE' | 'GROUP' } };
}

/** One Bot API call the bot made. */
export interface ZaloCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
}

/** One message the bot sent, as the chat received it. */
export interface ZaloSent {
  method: 'sendMessage' | 'sendPhoto' | 'sendSticker';
  chatId: string;
  messageId: string;
  text?: string;
  photo?: string;
  /** The bytes the photo URL served when the fake fetched it (option `fetchPhotos`). */
  photoBytes?: Buffer;
  photoType?: string;
  caption?: string;
  sticker?: string;
  at: number;
}

/** One webhook POST attempt. */
export interface ZaloWebhookAttempt {
  eventId: string;
  status: number;
  secretToken: string | undefined;
  body: unknown;
}

class ZaloError extends Error {
  constructor(readonly spec: ZaloErrorSpec) {
    super(spec.description);
  }
}

const bad = (description: string) => new ZaloError({ error_code: 400, description });

/** The parameters each method accepts (Zalo's docs, 12/2025); anything else is refused. */
const PARAMS: Record<string, { required: string[]; optional: string[] }> = {
  getMe: { required: [], optional: [] },
  // The official Node SDK also sends limit and offset; Zalo ignores them (no update_id exists).
  getUpdates: { required: [], optional: ['timeout', 'limit', 'offset'] },
  setWebhook: { required: ['url', 'secret_token'], optional: [] },
  deleteWebhook: { required: [], optional: [] },
  getWebhookInfo: { required: [], optional: [] },
  sendMessage: { required: ['chat_id', 'text'], optional: [] },
  sendPhoto: { required: ['chat_id', 'photo'], optional: ['caption'] },
  sendSticker: { required: ['chat_id', 'sticker'], optional: [] },
  sendChatAction: { required: ['chat_id', 'action'], optional: [] },
};

/** Zalo's limit on a text and on a caption. */
export const ZALO_MAX_TEXT = 2000;

/** A 1×1 greyscale JPEG: what the URL of a photo a user sends serves unless the test gives content. */
export const TINY_JPEG = Buffer.from(
  'ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9',
  'hex',
);

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FakeZalo {
  readonly token: string;
  /** Every API call, in arrival order. */
  readonly calls: ZaloCall[] = [];
  /** Every webhook POST attempt. */
  readonly webhookAttempts: ZaloWebhookAttempt[] = [];
  readonly stats = { tooManyRequests: 0, pollTimeouts: 0 };
  readonly me = { id: '1234567890123456789', account_name: 'bot.ThiDuaTest', account_type: 'BASIC', can_join_groups: true };

  private readonly server: http.Server;
  private readonly now: () => number;
  private readonly options: FakeZaloOptions;
  private readonly chats = new Map<string, { type: 'PRIVATE' | 'GROUP'; sent: ZaloSent[] }>();
  private readonly blocked = new Set<string>();
  private readonly files = new Map<string, { content: Buffer; type: string; expired: boolean }>();
  private readonly faults = new Map<string, Array<ZaloErrorSpec | 'network' | 'pass'>>();
  private readonly outgoing = new Set<http.ClientRequest>();
  private pending: ZaloUpdate[] = [];
  private waiters: Array<() => void> = [];
  private webhook: { url: string; secret: string; updatedAt: number } | null = null;
  private webhookChain: Promise<void> = Promise.resolve();
  private rate: { perSecond: number; retryAfter?: number; log: number[] } | null = null;
  private closed = false;

  private constructor(options: FakeZaloOptions) {
    this.options = options;
    this.token = options.token ?? '12345689:zalo-test-secret';
    this.now = options.now ?? Date.now;
    this.server = http.createServer((req, res) => {
      this.handleHttp(req, res).catch((err: unknown) => {
        if (!res.headersSent) this.reply(res, 500, { ok: false, error_code: 500, description: String(err) });
      });
    });
  }

  /** Starts a fake on 127.0.0.1 (random port unless given). */
  static async start(options: FakeZaloOptions = {}): Promise<FakeZalo> {
    const fake = new FakeZalo(options);
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return fake;
  }

  /** Value for ZALO_API_ROOT, e.g. `http://127.0.0.1:41234`. */
  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops: pending long polls end, webhook posts are aborted. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const wake of this.waiters.splice(0)) wake();
    for (const request of this.outgoing) request.destroy();
    const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closing;
  }

  // ------------------------------------------------------------------------------- what tests do

  /** A user who has a 1:1 chat with the bot (its id is the chat id, as on Zalo). */
  user(name: string): ZaloUser {
    const user = { id: hex(10), name };
    this.chats.set(user.id, { type: 'PRIVATE', sent: [] });
    return user;
  }

  /** A group the bot is in. */
  group(name: string): ZaloGroup {
    const group = { id: hex(10), name };
    this.chats.set(group.id, { type: 'GROUP', sent: [] });
    return group;
  }

  /** The user sends text (in `group` when given: as an @mention of the bot, the only way it sees it). */
  userSays(user: ZaloUser, text: string, group?: ZaloGroup): ZaloUpdate {
    return this.inject('message.text.received', user, { text }, group);
  }

  /**
   * The user sends a photo: the fake serves `content` (a tiny JPEG by default) at a URL of its own,
   * which goes in the update's `photo`, with the caption.
   */
  userSendsImage(user: ZaloUser, opts: { caption?: string; content?: Buffer; type?: string } = {}): { update: ZaloUpdate; url: string } {
    const url = this.serveFile(opts.content ?? TINY_JPEG, opts.type ?? 'image/jpeg');
    const update = this.inject('message.image.received', user, { photo: url, ...(opts.caption !== undefined ? { caption: opts.caption } : {}) });
    return { update, url };
  }

  userSendsSticker(user: ZaloUser): ZaloUpdate {
    return this.inject('message.sticker.received', user, { sticker: hex(6), url: this.serveFile(TINY_JPEG, 'image/jpeg') });
  }

  /**
   * The user sends a file (a campaign's YAML, a PDF). Zalo documents no such event for the Bot
   * Platform: the fake sends `message.file.received` with a URL, which the bot must take as content
   * it cannot read.
   */
  userSendsFile(user: ZaloUser, name = 'phong-trao.yaml'): ZaloUpdate {
    return this.inject('message.file.received', user, { file: { name, url: this.serveFile(Buffer.from('code: he-xanh\n'), 'application/x-yaml') } });
  }

  /** What a user in a protected group sends: Zalo withholds the content. */
  userSendsUnsupported(user: ZaloUser): ZaloUpdate {
    return this.inject('message.unsupported.received', user, {});
  }

  /** Queues any body for the next getUpdates / the webhook (malformed ones included). */
  queueRaw(update: unknown): void {
    this.deliver(update as ZaloUpdate);
  }

  /**
   * Posts `update` to the webhook now, once (a redelivery, a forged call): with the webhook's
   * secret unless `secret` is given (`null` sends no header). Resolves with the HTTP status.
   */
  async pushWebhook(update: unknown, opts: { secret?: string | null; bare?: boolean } = {}): Promise<number> {
    const hook = this.webhook;
    if (!hook) throw new Error('FakeZalo: no webhook is set');
    const secret = opts.secret === undefined ? hook.secret : opts.secret ?? undefined;
    const body = opts.bare ?? this.options.webhookBody === 'bare' ? update : { ok: true, result: update };
    const status = await this.postJson(hook.url, body, secret);
    this.webhookAttempts.push({ eventId: eventIdOf(update), status, secretToken: secret, body });
    return status;
  }

  /** Serves `content` at a URL of the fake (a photo a user sent; expire it with {@link expireFile}). */
  serveFile(content: Buffer, type = 'image/jpeg'): string {
    const id = hex(12);
    this.files.set(id, { content, type, expired: false });
    return `${this.apiRoot}/files/${id}.${type.split('/')[1] ?? 'bin'}`;
  }

  /** The URL answers 404 from now on, like an expired Zalo photo link. */
  expireFile(url: string): void {
    const file = this.files.get(fileIdOf(url));
    if (file) file.expired = true;
  }

  /** The next `count` calls of `method` (after `after` that succeed) fail with `error` (or a dropped connection). */
  failNext(method: string, error: ZaloErrorSpec | 'network', count = 1, opts: { after?: number } = {}): void {
    const queue = this.faults.get(method) ?? [];
    for (let i = 0; i < (opts.after ?? 0); i += 1) queue.push('pass');
    for (let i = 0; i < count; i += 1) queue.push(error);
    this.faults.set(method, queue);
  }

  /** Sends over `perSecond` (all chats, sliding second) answer 429 "Quota exceeded". */
  limitRate(perSecond: number, retryAfter?: number): void {
    this.rate = { perSecond, log: [], ...(retryAfter !== undefined ? { retryAfter } : {}) };
  }

  blockBot(user: ZaloUser): void {
    this.blocked.add(user.id);
  }

  /** What the bot sent to a chat, in order. */
  sentTo(chatId: string): ZaloSent[] {
    return [...(this.chats.get(chatId)?.sent ?? [])];
  }

  /** The texts (and captions) the bot sent to a chat, in order. */
  textsTo(chatId: string): string[] {
    return this.sentTo(chatId).map((m) => m.text ?? m.caption ?? '');
  }

  /** Resolves once the bot has sent at least `count` messages to the chat (rejects after `timeoutMs`). */
  async waitForSent(chatId: string, count: number, timeoutMs = 5_000): Promise<ZaloSent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.sentTo(chatId).length < count) {
      if (Date.now() > deadline) throw new Error(`FakeZalo: ${this.sentTo(chatId).length} of ${count} messages reached ${chatId}`);
      await sleep(10);
    }
    return this.sentTo(chatId);
  }

  callsOf(method: string): ZaloCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Updates waiting for getUpdates. */
  get pendingUpdates(): readonly unknown[] {
    return this.pending;
  }

  get webhookUrl(): string {
    return this.webhook?.url ?? '';
  }

  // ---------------------------------------------------------------------------------- internals

  private inject(eventName: string, user: ZaloUser, content: Record<string, unknown>, group?: ZaloGroup): ZaloUpdate {
    if (!this.chats.has(user.id)) this.chats.set(user.id, { type: 'PRIVATE', sent: [] });
    const update: ZaloUpdate = {
      event_name: eventName,
      message: {
        message_id: hex(10),
        date: this.now(),
        from: { id: user.id, display_name: user.name, is_bot: false },
        chat: group ? { id: group.id, chat_type: 'GROUP' } : { id: user.id, chat_type: 'PRIVATE' },
        ...content,
      },
    };
    this.deliver(update);
    return update;
  }

  private deliver(update: ZaloUpdate): void {
    if (this.webhook) {
      this.webhookChain = this.webhookChain.then(() => this.postWithRetry(update));
      return;
    }
    this.pending.push(update);
    this.waiters.shift()?.();
  }

  private async postWithRetry(update: unknown): Promise<void> {
    const attempts = this.options.webhookRetry?.attempts ?? 3;
    for (let attempt = 1; attempt <= attempts && !this.closed && this.webhook; attempt += 1) {
      const status = await this.pushWebhook(update);
      if (status >= 200 && status < 300) return;
      await sleep(this.options.webhookRetry?.delayMs ?? 100);
    }
  }

  private postJson(url: string, body: unknown, secret: string | undefined): Promise<number> {
    return new Promise((resolve) => {
      const data = Buffer.from(JSON.stringify(body));
      const request = http.request(
        url,
        {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': data.length, ...(secret !== undefined ? { 'x-bot-api-secret-token': secret } : {}) },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', () => resolve(0));
        },
      );
      this.outgoing.add(request);
      request.on('close', () => this.outgoing.delete(request));
      request.on('error', () => resolve(0));
      request.end(data);
    });
  }

  private reply(res: http.ServerResponse, status: number, body: unknown): void {
    if (res.destroyed || res.headersSent) return;
    const data = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) });
    res.end(data);
  }

  private replyError(res: http.ServerResponse, spec: ZaloErrorSpec): void {
    this.reply(res, this.options.errorsWithHttp200 ? 200 : spec.error_code, { ok: false, ...spec });
  }

  private async handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);

    if (url.pathname.startsWith('/files/')) {
      const file = this.files.get(fileIdOf(url.pathname));
      if (!file || file.expired) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': file.type, 'content-length': file.content.length });
      res.end(file.content);
      return;
    }

    const route = /^\/bot([^/]*)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!route) return this.replyError(res, { error_code: 404, description: 'Not Found' });
    if (route[1] !== this.token) return this.replyError(res, { error_code: 401, description: 'Unauthorized: invalid or expired token' });
    const method = route[2]!;
    const spec = PARAMS[method];
    if (!spec) return this.replyError(res, { error_code: 400, description: `Bad Request: unknown method ${method}` });

    let payload: Record<string, unknown> = Object.fromEntries(url.searchParams);
    try {
      if (body.length > 0) payload = { ...payload, ...(JSON.parse(body.toString('utf8')) as Record<string, unknown>) };
    } catch {
      return this.replyError(res, bad('Bad Request: body is not JSON').spec);
    }
    this.calls.push({ method, payload, at: Date.now() });

    const fault = this.faults.get(method)?.shift();
    if (fault === 'network') {
      req.socket.destroy();
      return;
    }
    if (fault && fault !== 'pass') {
      if (fault.error_code === 429) this.stats.tooManyRequests += 1;
      return this.replyError(res, fault);
    }
    try {
      for (const name of Object.keys(payload)) {
        if (!spec.required.includes(name) && !spec.optional.includes(name)) throw bad(`Bad Request: parameter ${name} is not supported`);
      }
      for (const name of spec.required) {
        if (payload[name] === undefined || payload[name] === '') throw bad(`Bad Request: ${name} is required`);
      }
      if (method === 'getUpdates') return await this.getUpdates(payload, res);
      const result = await this.handle(method, payload);
      this.reply(res, 200, { ok: true, result });
    } catch (err) {
      if (!(err instanceof ZaloError)) throw err;
      this.replyError(res, err.spec);
    }
  }

  private async getUpdates(payload: Record<string, unknown>, res: http.ServerResponse): Promise<void> {
    // Zalo: getUpdates "does not work" while a webhook is set; the exact answer is unverified.
    if (this.webhook) throw bad('Bad Request: getUpdates is not available while a webhook is set; call deleteWebhook');
    const timeoutMs = Math.min(Number(payload.timeout ?? 30) * 1000, this.options.maxPollMs ?? Infinity);
    if (this.pending.length === 0 && !this.closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.push(done);
        res.on('close', () => {
          this.waiters = this.waiters.filter((w) => w !== done);
          done();
        });
      });
    }
    const update = this.pending.shift();
    if (!update) {
      this.stats.pollTimeouts += 1;
      return this.replyError(res, { error_code: 408, description: 'Request timeout' });
    }
    if (res.destroyed) {
      this.pending.unshift(update);
      return;
    }
    this.reply(res, 200, { ok: true, result: update });
  }

  private async handle(method: string, p: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return this.me;
      case 'setWebhook': {
        const url = String(p.url);
        const local = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url);
        if (!url.startsWith('https://') && !local) throw bad('Bad Request: url must be HTTPS');
        if (!/^.{8,256}$/.test(String(p.secret_token))) throw bad('Bad Request: secret_token must be 8-256 characters');
        this.webhook = { url, secret: String(p.secret_token), updatedAt: this.now() };
        // Updates waiting for getUpdates now go to the webhook.
        for (const update of this.pending.splice(0)) this.deliver(update);
        return { url, updated_at: this.webhook.updatedAt };
      }
      case 'deleteWebhook':
        this.webhook = null;
        return { url: '', updated_at: this.now() };
      case 'getWebhookInfo':
        return { url: this.webhook?.url ?? '', updated_at: this.webhook?.updatedAt ?? 0 };
      case 'sendChatAction':
        this.chatOf(p);
        if (p.action !== 'typing') throw bad(`Bad Request: action ${String(p.action)} is not supported`);
        return true;
      default:
        return this.send(method as ZaloSent['method'], p);
    }
  }

  private chatOf(p: Record<string, unknown>): { id: string; sent: ZaloSent[] } {
    if (typeof p.chat_id !== 'string') throw bad('Bad Request: chat_id must be a string');
    const chat = this.chats.get(p.chat_id);
    if (!chat) throw new ZaloError({ error_code: 404, description: 'Not Found: chat not found' });
    if (this.blocked.has(p.chat_id)) throw new ZaloError(this.options.blockedError ?? { error_code: 403, description: 'Forbidden: user has blocked the bot' });
    return { id: p.chat_id, sent: chat.sent };
  }

  private async send(method: ZaloSent['method'], p: Record<string, unknown>): Promise<{ message_id: string; date: number }> {
    const chat = this.chatOf(p);
    const text = (field: string, required: boolean): string | undefined => {
      const value = p[field];
      if (value === undefined && !required) return undefined;
      if (typeof value !== 'string' || value.length < 1 || value.length > ZALO_MAX_TEXT) throw bad(`Bad Request: ${field} must be 1-${ZALO_MAX_TEXT} characters`);
      return value;
    };
    const sent: ZaloSent = { method, chatId: chat.id, messageId: hex(10), at: Date.now() };
    if (method === 'sendMessage') sent.text = text('text', true)!;
    if (method === 'sendPhoto') {
      const photo = String(p.photo);
      if (!/^https?:\/\//.test(photo)) throw bad('Bad Request: photo must be a URL');
      sent.photo = photo;
      if (this.options.fetchPhotos) Object.assign(sent, await fetchImageUrl(photo));
      const caption = text('caption', false);
      if (caption !== undefined) sent.caption = caption;
    }
    if (method === 'sendSticker') sent.sticker = String(p.sticker);
    this.checkRate();
    chat.sent.push(sent);
    return { message_id: sent.messageId, date: this.now() };
  }

  private checkRate(): void {
    if (!this.rate) return;
    const now = Date.now();
    this.rate.log = this.rate.log.filter((t) => t > now - 1000);
    if (this.rate.log.length >= this.rate.perSecond) {
      this.stats.tooManyRequests += 1;
      throw new ZaloError({ error_code: 429, description: 'Quota exceeded', ...(this.rate.retryAfter !== undefined ? { parameters: { retry_after: this.rate.retryAfter } } : {}) });
    }
    this.rate.log.push(now);
  }
}

/** What Zalo does with a photo URL: fetches it, and refuses what is not an image. */
async function fetchImageUrl(url: string): Promise<{ photoBytes: Buffer; photoType: string }> {
  const res = await fetch(url).catch(() => null);
  const type = res?.headers.get('content-type') ?? '';
  if (!res?.ok || !type.startsWith('image/')) throw bad('Bad Request: photo URL did not answer with an image');
  return { photoBytes: Buffer.from(await res.arrayBuffer()), photoType: type };
}

function fileIdOf(url: string): string {
  return (/\/files\/([0-9a-f]+)/.exec(url)?.[1] ?? '');
}

function eventIdOf(update: unknown): string {
  const u = update as { event_name?: unknown; message?: { message_id?: unknown } } | null;
  return `${String(u?.event_name)}:${String(u?.message?.message_id)}`;
}
