import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type {
  BotCommand,
  Chat,
  Document,
  InlineKeyboardMarkup,
  Message,
  PhotoSize,
  ReplyKeyboardMarkup,
  Update,
  User,
  UserFromGetMe,
} from 'grammy/types';
import {
  ChatInbox,
  FakeGroup,
  SimulatedUser,
  type FakeGroupOptions,
  type SimulatedUserOptions,
} from './simulated-user.js';

/** Options of {@link FakeTelegram.start}. */
export interface FakeTelegramOptions {
  /** Bot token the fake accepts (default `'123456:TEST-TOKEN'`); any other answers 401. */
  token?: string;
  /** Port on 127.0.0.1 (default 0 = a free random port). */
  port?: number;
  /** Clock used for message `date` fields (default `Date.now`), so tests can control dates. */
  now?: () => number;
  /** Webhook delivery retries: attempts per update and delay between them (default 5 × 100 ms). */
  webhookRetry?: { attempts?: number; delayMs?: number };
  /**
   * Like Telegram, give up on a webhook call that has not answered after this many ms, and deliver
   * the update again (counts as a failed attempt). Default: wait as long as it takes.
   */
  webhookTimeoutMs?: number;
  /**
   * Network round trip between the bot and "Telegram" (default 0): each Bot API request is handled
   * half of it after it is read, and its answer leaves half of it later — a server in Vietnam is
   * 50–250 ms from Telegram. Flood limits count a request at its arrival instant (read + half),
   * even if this process's timers fire late: the real network does not stall with the bot's event
   * loop, so neither may the simulated one bunch requests together.
   */
  roundTripMs?: number;
}

/** One Bot API call the bot made, in arrival order. */
export interface RecordedCall {
  method: string;
  /** Parsed parameters; uploaded files appear as `{ upload: filename, size }`. */
  payload: Record<string, unknown>;
  at: number;
}

/** An error answer as Telegram would send it. */
export interface ApiErrorSpec {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** Telegram's flood limits, as {@link FakeTelegram.enforceLimits} applies them. */
export interface LimitOptions {
  /** Sends per second over all chats (Telegram: ~30). */
  globalPerSecond?: number;
  /** Sends per second to one private chat (Telegram: ~1). */
  perChatPerSecond?: number;
  /** Sends per minute to one group (Telegram: 20). */
  perGroupPerMinute?: number;
  /** The `retry_after` seconds put in 429 answers. */
  retryAfter?: number;
}

/** One webhook POST attempt, for assertions on delivery. */
export interface WebhookAttempt {
  updateId: number;
  attempt: number;
  /** HTTP status, or 0 when the connection failed or the call timed out. */
  status: number;
  secretToken: string | undefined;
}

interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_path: string;
  content?: Buffer;
  /** A document's name, which Telegram keeps when the file is sent again by its file_id. */
  file_name?: string;
}

interface ChatState {
  chat: Chat;
  nextMessageId: number;
  messages: Map<number, { message: Message; byBot: boolean }>;
  inbox: ChatInbox;
  botIsMember: boolean;
}

interface UploadedFile {
  filename: string;
  content: Buffer;
}

type Payload = Record<string, unknown>;
type Handler = (payload: Payload, uploads: Map<string, UploadedFile>) => unknown;

/** Thrown inside handlers to answer with a Telegram error. */
class ApiError extends Error {
  constructor(
    readonly code: number,
    description: string,
    readonly parameters?: ApiErrorSpec['parameters'],
  ) {
    super(description);
  }
}

const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);

/** Methods that count against flood limits (the ones a broadcast uses). */
const SEND_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendDocument', 'sendMediaGroup', 'copyMessage']);

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** Multipart fields that carry numbers / booleans as strings. */
const NUMERIC_FIELDS = new Set([
  'chat_id',
  'from_chat_id',
  'message_id',
  'message_thread_id',
  'reply_to_message_id',
  'user_id',
  'offset',
  'limit',
  'timeout',
  'duration',
  'width',
  'height',
  'cache_time',
  'max_connections',
]);
const BOOLEAN_FIELDS = new Set([
  'disable_notification',
  'protect_content',
  'show_alert',
  'drop_pending_updates',
  'disable_content_type_detection',
  'has_spoiler',
]);

const HTML_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-emoji',
]);

/** Telegram's caps on an inline keyboard: buttons in all, and bytes of one button's callback data. */
const MAX_INLINE_BUTTONS = 100;
const MAX_CALLBACK_DATA_BYTES = 64;

/**
 * Refuses an inline keyboard Telegram would refuse: more than 100 buttons, or callback data that
 * is empty or longer than 64 bytes. Reply keyboards and markup removal pass untouched.
 */
function checkInlineKeyboard(raw: unknown): void {
  let markup = raw;
  if (typeof markup === 'string') {
    try {
      markup = JSON.parse(markup) as unknown;
    } catch {
      throw badRequest("can't parse reply keyboard markup JSON object");
    }
  }
  if (!markup || typeof markup !== 'object' || !('inline_keyboard' in markup)) return;
  const rows = (markup as InlineKeyboardMarkup).inline_keyboard;
  if (!Array.isArray(rows)) throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
  const buttons = rows.flat();
  if (buttons.length > MAX_INLINE_BUTTONS) throw badRequest('reply markup is too long');
  for (const button of buttons) {
    if ('callback_data' in button) {
      const bytes = Buffer.byteLength(String(button.callback_data));
      if (bytes === 0 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest('BUTTON_DATA_INVALID');
    }
  }
}

/**
 * Turns HTML-formatted text into the plain text Telegram stores, failing like Telegram does
 * (exported so unit tests of our renderers check their output against the same parser).
 */
export function parseHtml(source: string): string {
  let out = '';
  const stack: string[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '<') {
      const end = source.indexOf('>', i);
      if (end < 0) throw badRequest(`can't parse entities: Unclosed start tag at byte offset ${i}`);
      const inner = source.slice(i + 1, end).trim();
      if (inner.startsWith('/')) {
        const name = inner.slice(1).trim().toLowerCase();
        const open = stack.pop();
        if (open !== name) {
          throw badRequest(
            `can't parse entities: Unmatched end tag at byte offset ${i}, expected "</${open ?? ''}>", found "</${name}>"`,
          );
        }
      } else {
        const name = (inner.split(/\s/, 1)[0] ?? '').toLowerCase();
        if (!HTML_TAGS.has(name)) {
          throw badRequest(`can't parse entities: Unsupported start tag "${name}" at byte offset ${i}`);
        }
        stack.push(name);
      }
      i = end + 1;
      continue;
    }
    if (c === '&') {
      const m = /^&(#\d+|#x[0-9a-fA-F]+|lt|gt|amp|quot|apos|nbsp);/.exec(source.slice(i, i + 12));
      if (m) {
        const name = m[1] as string;
        const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };
        out +=
          named[name] ??
          String.fromCodePoint(name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
        i += m[0].length;
        continue;
      }
    }
    out += c;
    i += 1;
  }
  const open = stack.pop();
  if (open !== undefined) {
    throw badRequest(`can't parse entities: Can't find end tag corresponding to start tag "${open}"`);
  }
  return out;
}

/** Turns MarkdownV2 text into plain text, rejecting unescaped reserved characters like Telegram. */
function parseMarkdownV2(source: string): string {
  let out = '';
  let i = 0;
  const open: Array<{ marker: string; at: number }> = [];
  const toggle = (marker: string, at: number): void => {
    const top = open[open.length - 1];
    if (top?.marker === marker) open.pop();
    else open.push({ marker, at });
  };
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '\\') {
      out += source[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (c === '`') {
      const fence = source.startsWith('```', i) ? '```' : '`';
      const end = source.indexOf(fence, i + fence.length);
      if (end < 0) throw badRequest(`can't parse entities: Can't find end of Code entity at byte offset ${i}`);
      let body = source.slice(i + fence.length, end);
      if (fence === '```') body = body.replace(/^[^\n]*\n/, '');
      out += body.replace(/\\([`\\])/g, '$1');
      i = end + fence.length;
      continue;
    }
    if (c === '_' && source[i + 1] === '_') {
      toggle('__', i);
      i += 2;
      continue;
    }
    if (c === '|' && source[i + 1] === '|') {
      toggle('||', i);
      i += 2;
      continue;
    }
    if (c === '*' || c === '_' || c === '~') {
      toggle(c, i);
      i += 1;
      continue;
    }
    if (c === '[') {
      open.push({ marker: '[', at: i });
      i += 1;
      continue;
    }
    if (c === ']') {
      const top = open.pop();
      if (top?.marker !== '[' || source[i + 1] !== '(') {
        throw badRequest(`can't parse entities: Character ']' is reserved and must be escaped with the preceding '\\'`);
      }
      const close = source.indexOf(')', i);
      if (close < 0) throw badRequest(`can't parse entities: Can't find end of a URL at byte offset ${i}`);
      i = close + 1;
      continue;
    }
    if (c === '>' && (i === 0 || source[i - 1] === '\n')) {
      i += 1;
      continue;
    }
    if ('_*[]()~`>#+-=|{}.!'.includes(c)) {
      throw badRequest(`can't parse entities: Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    }
    out += c;
    i += 1;
  }
  const unclosed = open.pop();
  if (unclosed) {
    throw badRequest(`can't parse entities: Can't find end of the entity starting at byte offset ${unclosed.at}`);
  }
  return out;
}

/** Plain text of a formatted string; legacy Markdown is only stripped, not validated. */
function plainText(text: string, parseMode: unknown): string {
  if (parseMode === 'HTML') return parseHtml(text);
  if (parseMode === 'MarkdownV2') return parseMarkdownV2(text);
  if (parseMode === 'Markdown') return text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '');
  return text;
}

/** Minimal multipart/form-data parser tolerant of grammY's compact headers (undici's is not). */
function parseMultipart(body: Buffer, contentType: string): { fields: Payload; files: Map<string, UploadedFile> } {
  const boundaryMatch = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = boundaryMatch?.[1] ?? boundaryMatch?.[2];
  const fields: Payload = {};
  const files = new Map<string, UploadedFile>();
  if (!boundary) throw badRequest('invalid multipart boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  while (pos >= 0) {
    let start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    if (body.subarray(start, start + 2).toString() === '\r\n') start += 2;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    let end = next;
    if (body.subarray(end - 2, end).toString() === '\r\n') end -= 2;
    const part = body.subarray(start, end);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd < 0 ? 0 : headerEnd).toString('utf8');
    const content = part.subarray(headerEnd < 0 ? 0 : headerEnd + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    const filename = /filename="?([^";\r\n]*)"?/i.exec(headers)?.[1];
    if (name !== undefined) {
      if (filename !== undefined) files.set(name, { filename, content: Buffer.from(content) });
      else fields[name] = content.toString('utf8');
    }
    pos = next;
  }
  return { fields, files };
}

/** Turns string values of form fields into the JSON values a JSON body would have carried. */
function normalizeFormFields(fields: Payload): Payload {
  const out: Payload = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value !== 'string') {
      out[key] = value;
    } else if (NUMERIC_FIELDS.has(key) && /^-?\d+$/.test(value)) {
      out[key] = Number(value);
    } else if (BOOLEAN_FIELDS.has(key) && (value === 'true' || value === 'false')) {
      out[key] = value === 'true';
    } else if (/^\s*[[{]/.test(value)) {
      try {
        out[key] = JSON.parse(value) as unknown;
      } catch {
        out[key] = value;
      }
    } else {
      out[key] = value;
    }
  }
  return out;
}

function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

function extensionMime(name: string): string {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  const known: Record<string, string> = {
    pdf: 'application/pdf',
    csv: 'text/csv',
    txt: 'text/plain',
    json: 'application/json',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    yaml: 'application/yaml',
    yml: 'application/yaml',
    png: 'image/png',
    jpg: 'image/jpeg',
  };
  return known[ext] ?? 'application/octet-stream';
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));


/** The bot the fake answers `getMe` with (tests and benchmarks share it). */
export const FAKE_BOT_IDENTITY: UserFromGetMe = {
  id: 777000001,
  is_bot: true,
  first_name: 'ThiĐua Bot',
  username: 'thidua_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/**
 * A fake Telegram Bot API server speaking real HTTP on 127.0.0.1, so e2e tests exercise the real
 * grammY client (serialization, errors, long polling, multipart uploads, webhooks) instead of
 * mocking `bot.api`. It keeps chats, messages, files and callback queries in memory, records every
 * call, and can reproduce Telegram's failure modes (flood limits, blocked users, injected faults).
 *
 * @example
 * const fake = await FakeTelegram.start();
 * const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
 * const lan = fake.user({ firstName: 'Lan' });
 * void bot.start();
 * lan.start();
 * await lan.waitFor(/Chào/);
 * await bot.stop();
 * await fake.close();
 */
export class FakeTelegram {
  /** The token the fake accepts. */
  readonly token: string;
  /** Every Bot API call, in arrival order. */
  readonly calls: RecordedCall[] = [];
  /** Counters for assertions. */
  readonly stats = { tooManyRequests: 0, updatesQueued: 0, webhookDeliveries: 0, webhookFailures: 0 };
  /** Every webhook POST attempt. */
  readonly webhookAttempts: WebhookAttempt[] = [];
  /** The bot's identity, as returned by getMe. */
  readonly me: UserFromGetMe;

  private readonly server: http.Server;
  private readonly now: () => number;
  private readonly webhookRetry: { attempts: number; delayMs: number };
  private readonly webhookTimeoutMs: number | undefined;
  private readonly handlers = new Map<string, { name: string; handler: Handler }>();
  private readonly chats = new Map<number, ChatState>();
  private readonly users = new Map<number, SimulatedUser>();
  private readonly blocked = new Set<number>();
  private readonly files = new Map<string, StoredFile>();
  private readonly callbackQueries = new Map<string, { user: SimulatedUser; answered: boolean }>();
  private readonly commands = new Map<string, BotCommand[]>();
  private readonly faults = new Map<string, Array<ApiErrorSpec | 'network'>>();
  private readonly holds = new Map<string, Array<{ arrive: () => void; released: Promise<void> }>>();
  private readonly chatMemberStatus = new Map<string, 'creator' | 'administrator' | 'member' | 'left' | 'kicked'>();
  private pending: Update[] = [];
  private nextUpdateId = 100_000_001;
  private nextUserId = 5_000_001;
  private nextGroupId = -4_000_001;
  private fileCounter = 0;
  private poll: { finish: (updates: Update[] | ApiError) => void } | undefined;
  private webhook:
    | { url: string; secretToken: string | undefined; generation: number; lastError?: { date: number; message: string } }
    | undefined;
  private webhookGeneration = 0;
  private readonly inFlight = new Set<number>();
  private readonly chatChains = new Map<number, Promise<void>>();
  private readonly outgoing = new Set<http.ClientRequest>();
  private menuButton: unknown = { type: 'default' };
  private limits: Required<LimitOptions> | undefined;
  private readonly sendLog = { global: [] as number[], perChat: new Map<number, number[]>() };
  private closed = false;
  private readonly halfTrip: number;
  /** Simulated arrival instant (performance.now()) of the request being handled, with a round trip. */
  private arrivalAt = 0;

  private constructor(options: FakeTelegramOptions) {
    this.halfTrip = Math.max(0, options.roundTripMs ?? 0) / 2;
    this.token = options.token ?? '123456:TEST-TOKEN';
    this.now = options.now ?? Date.now;
    this.webhookRetry = { attempts: options.webhookRetry?.attempts ?? 5, delayMs: options.webhookRetry?.delayMs ?? 100 };
    this.webhookTimeoutMs = options.webhookTimeoutMs;
    this.me = { ...FAKE_BOT_IDENTITY };
    this.server = http.createServer((req, res) => {
      this.handleHttp(req, res).catch((error: unknown) => {
        if (!res.headersSent) this.reply(res, 500, { ok: false, error_code: 500, description: String(error) });
      });
    });
    this.registerHandlers();
  }

  /** Starts a fake on 127.0.0.1 (random port unless given). */
  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const fake = new FakeTelegram(options);
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return fake;
  }

  /** Value for grammY's `client.apiRoot`, e.g. `http://127.0.0.1:41234`. */
  get apiRoot(): string {
    const address = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /** The bot as a `User` (the `from` of its messages). */
  get botUser(): User {
    return { id: this.me.id, is_bot: true, first_name: this.me.first_name, username: this.me.username };
  }

  /** Stops the server: answers pending long polls, aborts webhook posts, drops keep-alive sockets. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.poll?.finish([]);
    for (const request of this.outgoing) request.destroy();
    const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closing;
  }

  /** Calls of one method, in order (e.g. `fake.callsOf('sendMessage')`). */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  // ---------------------------------------------------------------------------------- chats & users

  /** Creates a simulated user and registers its private chat (id = user id). */
  user(options: SimulatedUserOptions): SimulatedUser {
    const id = options.id ?? this.nextUserId++;
    const user = new SimulatedUser(this, id, options);
    this.users.set(id, user);
    this.chats.set(id, { chat: user.chat, nextMessageId: 1, messages: new Map(), inbox: user, botIsMember: true });
    return user;
  }

  /** Creates a group chat (negative id). The bot is not a member until {@link addBotToGroup}. */
  group(options: FakeGroupOptions): FakeGroup {
    const id = options.id ?? this.nextGroupId--;
    const group = new FakeGroup(this, id, options);
    this.chats.set(id, { chat: group.chat, nextMessageId: 1, messages: new Map(), inbox: group, botIsMember: false });
    return group;
  }

  /** Adds the bot to `group` as `byUser` did, queueing the `my_chat_member` update Telegram sends. */
  addBotToGroup(group: FakeGroup, byUser: SimulatedUser): Update {
    const state = this.chatState(group.id);
    state.botIsMember = true;
    group.touch();
    return this.queueUpdate({
      my_chat_member: {
        chat: group.chat,
        from: byUser.asUser,
        date: this.unixNow(),
        old_chat_member: { user: this.botUser, status: 'left' },
        new_chat_member: { user: this.botUser, status: 'member' },
      },
    });
  }

  /**
   * What `getChatMember` answers for `userId` in `chatId` from now on (default for a known user:
   * `member`). Lets tests make someone an administrator of a group, as Telegram would report.
   */
  setChatMemberStatus(chatId: number, userId: number, status: 'creator' | 'administrator' | 'member' | 'left' | 'kicked'): void {
    this.chatMemberStatus.set(`${chatId}:${userId}`, status);
  }

  /** From now on, sends to this user's private chat fail with 403 (the user blocked the bot). */
  blockBot(userId: number): void {
    this.blocked.add(userId);
  }

  /** Undoes {@link blockBot}. */
  unblockBot(userId: number): void {
    this.blocked.delete(userId);
  }

  /** @internal Whether the bot is in this chat (groups). */
  isBotMember(chatId: number): boolean {
    return this.chats.get(chatId)?.botIsMember ?? false;
  }

  /** Current version of a message in a chat (bot's or user's). */
  message(chatId: number, messageId: number): Message | undefined {
    return this.chats.get(chatId)?.messages.get(messageId)?.message;
  }

  // ---------------------------------------------------------------------------------------- faults

  /**
   * Turns on Telegram's flood limits for send methods (sendMessage, sendPhoto, sendDocument,
   * copyMessage). Exceeding them answers 429 with `retry_after`. Off by default.
   */
  enforceLimits(options: LimitOptions = {}): void {
    this.limits = {
      globalPerSecond: options.globalPerSecond ?? 30,
      perChatPerSecond: options.perChatPerSecond ?? 1,
      perGroupPerMinute: options.perGroupPerMinute ?? 20,
      retryAfter: options.retryAfter ?? 1,
    };
  }

  /** Turns flood limits off again. */
  disableLimits(): void {
    this.limits = undefined;
  }

  /**
   * Makes the next `count` calls of `method` fail with `error` (e.g. `{ error_code: 502,
   * description: 'Bad Gateway' }`), or with a dropped connection when `error` is `'network'`.
   */
  failNext(method: string, error: ApiErrorSpec | 'network', count = 1): void {
    const queue = this.faults.get(method.toLowerCase()) ?? [];
    for (let i = 0; i < count; i += 1) queue.push(error);
    this.faults.set(method.toLowerCase(), queue);
  }

  /**
   * Holds the answer to the next call of `method` until `release()`: the call is received and
   * recorded (`reached` resolves) but the bot waits for Telegram — so a test can change the world
   * (stop a store) while the bot is in the middle of answering.
   */
  holdNext(method: string): { reached: Promise<void>; release: () => void } {
    let arrive!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((resolve) => (arrive = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const queue = this.holds.get(method.toLowerCase()) ?? [];
    queue.push({ arrive, released });
    this.holds.set(method.toLowerCase(), queue);
    return { reached, release };
  }

  // ------------------------------------------------------------------------------ incoming updates

  /**
   * Queues an update (assigning `update_id`) for getUpdates or the webhook. Simulated users call
   * this; tests may too, for update kinds the helpers do not cover.
   */
  queueUpdate(partial: Omit<Update, 'update_id'>): Update {
    const update = { update_id: this.nextUpdateId++, ...partial } as Update;
    this.pending.push(update);
    this.stats.updatesQueued += 1;
    if (this.webhook) this.scheduleWebhook(update);
    else this.wakePoll();
    return update;
  }

  /** Updates not yet confirmed (polling) or delivered (webhook). */
  get pendingUpdates(): readonly Update[] {
    return this.pending;
  }

  /** @internal Stores a message a user sent (shares the chat's message_id sequence with the bot). */
  createIncomingMessage(chat: Chat, from: User, content: Partial<Message>): Message {
    const state = this.chatState(chat.id);
    const message = {
      message_id: state.nextMessageId++,
      date: this.unixNow(),
      chat,
      from,
      ...content,
    } as Message;
    state.messages.set(message.message_id, { message, byBot: false });
    return message;
  }

  /** The bytes of a file the bot uploaded (a photo or document sent as multipart), by its file_id; tests read what was sent. */
  uploadedContent(fileId: string): Buffer | undefined {
    return this.files.get(fileId)?.content;
  }

  /** @internal Registers a file users send, so getFile resolves it. */
  registerFile(
    kind: string,
    options: { fileSize: number; extension: string; content?: Buffer; fileName?: string },
  ): { file_id: string; file_unique_id: string; file_size: number } {
    const file = this.storeFile(kind, options.extension, options.fileSize, options.content);
    if (options.fileName) file.file_name = options.fileName;
    return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size };
  }

  /** @internal Remembers a callback query so answerCallbackQuery can be checked and routed. */
  registerCallbackQuery(id: string, user: SimulatedUser): void {
    this.callbackQueries.set(id, { user, answered: false });
  }

  // ------------------------------------------------------------------------------------ internals

  private unixNow(): number {
    return Math.floor(this.now() / 1000);
  }

  private chatState(chatId: number): ChatState {
    const state = this.chats.get(chatId);
    if (!state) throw new Error(`FakeTelegram: chat ${chatId} is not registered; create it with fake.user()/fake.group()`);
    return state;
  }

  private storeFile(kind: string, extension: string, size: number, content?: Buffer): StoredFile {
    this.fileCounter += 1;
    const prefix: Record<string, string> = { photo: 'AgAC', document: 'BQAC', sticker: 'CAAC', voice: 'AwAC' };
    const file: StoredFile = {
      file_id: `${prefix[kind] ?? 'BAAC'}${randomToken(24)}`,
      file_unique_id: `AQAD${randomToken(8)}`,
      file_size: size,
      file_path: `${kind === 'photo' ? 'photos' : `${kind}s`}/file_${this.fileCounter}.${extension}`,
      ...(content ? { content } : {}),
    };
    this.files.set(file.file_id, file);
    return file;
  }

  /** Resolves a chat for sending, with Telegram's errors. */
  private targetChat(payload: Payload): ChatState {
    const chatId = payload.chat_id;
    if (chatId === undefined || chatId === '') throw badRequest('chat_id is empty');
    const id = typeof chatId === 'number' ? chatId : Number(chatId);
    const state = Number.isFinite(id) ? this.chats.get(id) : undefined;
    if (!state) throw badRequest('chat not found');
    if (state.chat.type === 'private' && this.blocked.has(id)) {
      throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    }
    if (state.chat.type !== 'private' && !state.botIsMember) {
      throw new ApiError(403, `Forbidden: bot is not a member of the ${state.chat.type} chat`);
    }
    return state;
  }

  private checkLimits(state: ChatState): void {
    if (!this.limits) return;
    const t = this.halfTrip > 0 ? this.arrivalAt : performance.now();
    const isGroup = state.chat.type !== 'private';
    const windowMs = isGroup ? 60_000 : 1000;
    const max = isGroup ? this.limits.perGroupPerMinute : this.limits.perChatPerSecond;
    this.sendLog.global = this.sendLog.global.filter((x) => t - x < 1000);
    const chatLog = (this.sendLog.perChat.get(state.chat.id) ?? []).filter((x) => t - x < windowMs);
    this.sendLog.perChat.set(state.chat.id, chatLog);
    if (this.sendLog.global.length >= this.limits.globalPerSecond || chatLog.length >= max) {
      this.stats.tooManyRequests += 1;
      const n = this.limits.retryAfter;
      throw new ApiError(429, `Too Many Requests: retry after ${n}`, { retry_after: n });
    }
    this.sendLog.global.push(t);
    chatLog.push(t);
  }

  private markup(payload: Payload): { inline?: InlineKeyboardMarkup; reply?: ReplyKeyboardMarkup | null } {
    let raw = payload.reply_markup;
    if (typeof raw === 'string') raw = JSON.parse(raw) as unknown;
    if (!raw || typeof raw !== 'object') return {};
    if ('inline_keyboard' in raw) return { inline: raw as InlineKeyboardMarkup };
    if ('keyboard' in raw) return { reply: raw as ReplyKeyboardMarkup };
    if ('remove_keyboard' in raw) return { reply: null };
    return {};
  }

  private postBotMessage(state: ChatState, payload: Payload, content: Partial<Message>): Message {
    const { inline, reply } = this.markup(payload);
    const replyTo = typeof payload.reply_to_message_id === 'number' ? payload.reply_to_message_id : undefined;
    const replied = replyTo !== undefined ? state.messages.get(replyTo)?.message : undefined;
    const message = {
      message_id: state.nextMessageId++,
      from: this.botUser,
      date: this.unixNow(),
      chat: state.chat,
      ...content,
      ...(replied ? { reply_to_message: replied } : {}),
      ...(inline ? { reply_markup: inline } : {}),
    } as Message;
    state.messages.set(message.message_id, { message, byBot: true });
    if (reply !== undefined) state.inbox.setReplyKeyboard(reply ?? undefined);
    state.inbox.deliver('sent', message);
    return message;
  }

  private text(payload: Payload, field: 'text' | 'caption', max: number): string | undefined {
    const raw = payload[field];
    if (raw === undefined || raw === null) {
      if (field === 'text') throw badRequest('message text is empty');
      return undefined;
    }
    const text = plainText(String(raw), payload.parse_mode);
    if (field === 'text' && text.trim() === '') throw badRequest('message text is empty');
    if (text.length > max) throw badRequest(field === 'text' ? 'message is too long' : 'message caption is too long');
    return text;
  }

  /** Resolves a `photo`/`document` parameter: file_id, URL, or attach:// upload. */
  private inputFile(
    value: unknown,
    uploads: Map<string, UploadedFile>,
    kind: 'photo' | 'document',
  ): { file: StoredFile; filename?: string } {
    if (typeof value !== 'string' || value === '') throw badRequest(`there is no ${kind} in the request`);
    if (value.startsWith('attach://')) {
      const upload = uploads.get(value.slice('attach://'.length));
      if (!upload) throw badRequest(`file must be non-empty`);
      if (upload.content.length === 0) throw badRequest('file must be non-empty');
      // The Bot API takes uploads of at most 50 MB (photos 10 MB); over that it answers 413.
      if (upload.content.length > (kind === 'photo' ? 10 : 50) * 1024 * 1024) throw new ApiError(413, 'Request Entity Too Large');
      const extension = upload.filename.includes('.') ? (upload.filename.split('.').pop() ?? 'dat') : 'dat';
      return { file: this.storeFile(kind, extension, upload.content.length, upload.content), filename: upload.filename };
    }
    const known = this.files.get(value);
    if (known) return { file: known, ...(known.file_name ? { filename: known.file_name } : {}) };
    if (/^https?:\/\//.test(value)) {
      const name = value.split('/').pop() ?? 'file';
      return { file: this.storeFile(kind, name.split('.').pop() ?? 'dat', 4096), filename: name };
    }
    throw badRequest('wrong file identifier/HTTP URL specified');
  }

  private editableMessage(payload: Payload): { state: ChatState; message: Message } {
    if (payload.inline_message_id !== undefined) throw badRequest('inline messages are not supported by the fake');
    const state = this.targetChat(payload);
    const id = Number(payload.message_id);
    const stored = state.messages.get(id);
    if (!stored) throw badRequest('message to edit not found');
    if (!stored.byBot) throw badRequest("message can't be edited");
    return { state, message: stored.message };
  }

  private applyEdit(state: ChatState, before: Message, changes: Partial<Message>, inline: InlineKeyboardMarkup | undefined): Message {
    const after = { ...before, ...changes, edit_date: this.unixNow() } as Message;
    if (inline) after.reply_markup = inline;
    else delete after.reply_markup;
    const same =
      (after.text ?? null) === (before.text ?? null) &&
      (after.caption ?? null) === (before.caption ?? null) &&
      JSON.stringify(after.reply_markup ?? null) === JSON.stringify(before.reply_markup ?? null);
    if (same) throw badRequest(NOT_MODIFIED);
    state.messages.set(after.message_id, { message: after, byBot: true });
    state.inbox.deliver('edited', after);
    return after;
  }

  private wakePoll(): void {
    if (this.poll && this.pending.length > 0) this.poll.finish(this.pending.slice(0, 100));
  }

  private chatIdOf(update: Update): number {
    return (
      update.message?.chat.id ??
      update.edited_message?.chat.id ??
      update.callback_query?.message?.chat.id ??
      update.callback_query?.from.id ??
      update.my_chat_member?.chat.id ??
      update.chat_member?.chat.id ??
      0
    );
  }

  private scheduleWebhook(update: Update): void {
    if (this.inFlight.has(update.update_id)) return;
    this.inFlight.add(update.update_id);
    const chatId = this.chatIdOf(update);
    const chain = (this.chatChains.get(chatId) ?? Promise.resolve()).then(() => this.deliverWebhook(update));
    this.chatChains.set(chatId, chain);
  }

  private async deliverWebhook(update: Update): Promise<void> {
    const hook = this.webhook;
    try {
      for (let attempt = 1; attempt <= this.webhookRetry.attempts; attempt += 1) {
        if (this.closed || !this.webhook || this.webhook.generation !== hook?.generation) return;
        const status = await this.postJson(hook.url, update, hook.secretToken);
        this.webhookAttempts.push({ updateId: update.update_id, attempt, status, secretToken: hook.secretToken });
        if (status >= 200 && status < 300) {
          this.stats.webhookDeliveries += 1;
          this.pending = this.pending.filter((u) => u.update_id !== update.update_id);
          return;
        }
        hook.lastError = {
          date: this.unixNow(),
          message: status === 0 ? 'Connection refused' : `Wrong response from the webhook: ${status}`,
        };
        if (attempt < this.webhookRetry.attempts) await sleep(this.webhookRetry.delayMs);
      }
      this.stats.webhookFailures += 1;
      this.pending = this.pending.filter((u) => u.update_id !== update.update_id);
    } finally {
      this.inFlight.delete(update.update_id);
    }
  }

  /**
   * Posts an update that was already delivered to the webhook once more, now, as Telegram does when
   * it did not get (or did not wait for) the answer to an earlier delivery. Resolves with the status.
   */
  async redeliverWebhook(update: Update): Promise<number> {
    const hook = this.webhook;
    if (!hook) throw new Error('FakeTelegram: no webhook is set');
    const status = await this.postJson(hook.url, update, hook.secretToken);
    const attempt = this.webhookAttempts.filter((a) => a.updateId === update.update_id).length + 1;
    this.webhookAttempts.push({ updateId: update.update_id, attempt, status, secretToken: hook.secretToken });
    return status;
  }

  private postJson(url: string, body: unknown, secretToken: string | undefined): Promise<number> {
    return new Promise((resolve) => {
      const data = Buffer.from(JSON.stringify(body));
      const request = http.request(
        url,
        {
          method: 'POST',
          agent: false,
          headers: {
            'content-type': 'application/json',
            'content-length': data.length,
            ...(secretToken !== undefined ? { 'x-telegram-bot-api-secret-token': secretToken } : {}),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', () => resolve(0));
        },
      );
      this.outgoing.add(request);
      if (this.webhookTimeoutMs !== undefined) request.setTimeout(this.webhookTimeoutMs, () => request.destroy());
      request.on('close', () => this.outgoing.delete(request));
      request.on('error', () => resolve(0));
      request.end(data);
    });
  }

  // ------------------------------------------------------------------------------------- HTTP layer

  private reply(res: http.ServerResponse, status: number, body: unknown): void {
    const data = JSON.stringify(body);
    const send = () => {
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) });
      res.end(data);
    };
    if (this.halfTrip === 0) send();
    else setTimeout(() => !res.destroyed && !res.headersSent && send(), this.halfTrip);
  }

  private async readBody(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  private async handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await this.readBody(req);
    const arrivalAt = performance.now() + this.halfTrip;
    if (this.halfTrip > 0) await sleep(this.halfTrip);

    const fileRoute = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileRoute) {
      const file = [...this.files.values()].find((f) => f.file_path === decodeURIComponent(fileRoute[2] ?? ''));
      if (fileRoute[1] !== this.token || !file) {
        this.reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
        return;
      }
      const content = file.content ?? Buffer.alloc(Math.min(file.file_size, 1024 * 1024), 0x2a);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': content.length });
      res.end(content);
      return;
    }

    const route = /^\/bot([^/]*)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!route) {
      this.reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    if (route[1] !== this.token) {
      this.reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const entry = this.handlers.get((route[2] ?? '').toLowerCase());
    if (!entry) {
      this.reply(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
      return;
    }

    let payload: Payload = Object.fromEntries(url.searchParams);
    let uploads = new Map<string, UploadedFile>();
    const contentType = req.headers['content-type'] ?? '';
    try {
      if (contentType.startsWith('multipart/form-data')) {
        const parsed = parseMultipart(body, contentType);
        payload = { ...payload, ...parsed.fields };
        uploads = parsed.files;
      } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
        payload = { ...payload, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) };
      } else if (body.length > 0) {
        payload = { ...payload, ...(JSON.parse(body.toString('utf8')) as Payload) };
      }
    } catch {
      this.reply(res, 400, { ok: false, error_code: 400, description: "Bad Request: can't parse request body" });
      return;
    }
    if (!contentType.startsWith('application/json')) payload = normalizeFormFields(payload);

    const recorded: Payload = { ...payload };
    for (const [key, value] of Object.entries(recorded)) {
      const upload = typeof value === 'string' && value.startsWith('attach://') ? uploads.get(value.slice(9)) : undefined;
      if (upload) recorded[key] = { upload: upload.filename, size: upload.content.length };
    }
    this.calls.push({ method: entry.name, payload: recorded, at: Date.now() });

    const hold = this.holds.get(entry.name.toLowerCase())?.shift();
    if (hold) {
      hold.arrive();
      await hold.released;
    }

    const fault = this.faults.get(entry.name.toLowerCase())?.shift();
    if (fault === 'network') {
      req.socket.destroy();
      return;
    }
    if (fault) {
      this.reply(res, fault.error_code, { ok: false, ...fault });
      return;
    }

    if (entry.name === 'getUpdates') {
      await this.handleGetUpdates(payload, res);
      return;
    }
    try {
      if (payload.reply_markup !== undefined) checkInlineKeyboard(payload.reply_markup);
      this.arrivalAt = arrivalAt;
      const result = entry.handler(payload, uploads);
      this.reply(res, 200, { ok: true, result });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const answer = {
        ok: false,
        error_code: error.code,
        description: error.message,
        ...(error.parameters ? { parameters: error.parameters } : {}),
      };
      const chat = this.chats.get(Number(payload.chat_id));
      chat?.inbox.deliverError(`${entry.name} → ${error.code} ${error.message}`);
      this.reply(res, error.code, answer);
    }
  }

  private async handleGetUpdates(payload: Payload, res: http.ServerResponse): Promise<void> {
    if (this.webhook) {
      const error = new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
      this.reply(res, 409, { ok: false, error_code: error.code, description: error.message });
      return;
    }
    const offset = Number(payload.offset ?? 0);
    if (offset > 0) this.pending = this.pending.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.pending = this.pending.slice(offset);
    const limit = Math.min(Math.max(Number(payload.limit ?? 100) || 100, 1), 100);
    const timeout = Math.max(Number(payload.timeout ?? 0) || 0, 0);

    // A newer getUpdates terminates the older one, like Telegram.
    this.poll?.finish(
      new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'),
    );
    this.poll = undefined;

    if (this.pending.length > 0 || timeout === 0 || this.closed) {
      this.reply(res, 200, { ok: true, result: this.pending.slice(0, limit) });
      return;
    }
    await new Promise<void>((resolve) => {
      const finish = (result: Update[] | ApiError): void => {
        clearTimeout(timer);
        if (this.poll === poll) this.poll = undefined;
        if (!res.writableEnded && !res.destroyed) {
          if (result instanceof ApiError) {
            this.reply(res, result.code, { ok: false, error_code: result.code, description: result.message });
          } else {
            this.reply(res, 200, { ok: true, result: result.slice(0, limit) });
          }
        }
        resolve();
      };
      const poll = { finish };
      const timer = setTimeout(() => finish([]), timeout * 1000);
      this.poll = poll;
      res.on('close', () => {
        if (this.poll === poll) finish([]);
      });
    });
  }

  // -------------------------------------------------------------------------------------- methods

  private on(name: string, handler: Handler): void {
    this.handlers.set(name.toLowerCase(), { name, handler });
  }

  private registerHandlers(): void {
    const ok = (): true => true;
    this.on('getMe', () => this.me);
    this.on('getUpdates', () => []); // answered by handleGetUpdates
    for (const name of [
      'logOut',
      'close',
      'setMyDescription',
      'setMyShortDescription',
      'setMyName',
      'setMyDefaultAdministratorRights',
    ]) {
      this.on(name, ok);
    }

    this.on('setWebhook', (p) => {
      const url = typeof p.url === 'string' ? p.url : '';
      if (url === '') return this.deleteWebhook(p.drop_pending_updates === true);
      if (!/^https?:\/\//.test(url)) throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
      const secret = typeof p.secret_token === 'string' ? p.secret_token : undefined;
      if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
        throw badRequest('bad webhook: secret token contains unallowed characters');
      }
      if (p.drop_pending_updates === true) this.pending = [];
      this.poll?.finish(new ApiError(409, 'Conflict: terminated by setWebhook request'));
      this.webhook = { url, secretToken: secret, generation: ++this.webhookGeneration };
      for (const update of this.pending) this.scheduleWebhook(update);
      return true;
    });
    this.on('deleteWebhook', (p) => this.deleteWebhook(p.drop_pending_updates === true));
    this.on('getWebhookInfo', () => ({
      url: this.webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.pending.length,
      ...(this.webhook ? { max_connections: 40, ip_address: '127.0.0.1' } : {}),
      ...(this.webhook?.lastError
        ? { last_error_date: this.webhook.lastError.date, last_error_message: this.webhook.lastError.message }
        : {}),
    }));

    this.on('sendMessage', (p) => {
      const state = this.targetChat(p);
      const text = this.text(p, 'text', 4096);
      this.checkLimits(state);
      return this.postBotMessage(state, p, { text });
    });
    this.on('sendPhoto', (p, uploads) => {
      const state = this.targetChat(p);
      const caption = this.text(p, 'caption', 1024);
      const { file } = this.inputFile(p.photo, uploads, 'photo');
      // An uploaded PNG is read as Telegram would: its size from the IHDR chunk, within the photo limits.
      const size = file.content ? pngSize(file.content) : null;
      if (size && (size.width + size.height > 10_000 || Math.max(size.width, size.height) > 20 * Math.min(size.width, size.height))) {
        throw badRequest('PHOTO_INVALID_DIMENSIONS');
      }
      this.checkLimits(state);
      const photo: PhotoSize[] = [
        { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, width: size?.width ?? 1280, height: size?.height ?? 960 },
      ];
      return this.postBotMessage(state, p, { photo, ...(caption !== undefined ? { caption } : {}) });
    });
    // An album: 2–10 photos (or 2–10 documents), each with its own caption (≤ 1,024 characters), no
    // inline keyboard; every message shares one media_group_id. Photos are checked as sendPhoto's.
    this.on('sendMediaGroup', (p, uploads) => {
      const state = this.targetChat(p);
      const media = p.media;
      if (!Array.isArray(media) || media.length < 2 || media.length > 10) throw badRequest('wrong number of media in the album: must include 2-10 items');
      const kinds = new Set(media.map((m) => (m as { type?: unknown }).type));
      if (kinds.size !== 1 || !['photo', 'document'].includes(String([...kinds][0]))) throw badRequest('documents can be grouped only with documents, photos only with photos');
      if (p.reply_markup !== undefined) throw badRequest('an album cannot have an inline keyboard');
      const groupId = String(Date.now()) + String(this.fileCounter);
      const items = media.map((raw) => {
        const item = raw as Payload & { type: 'photo' | 'document'; media: unknown };
        const caption = this.text(item, 'caption', 1024);
        const { file, filename } = this.inputFile(item.media, uploads, item.type);
        if (item.type === 'photo') {
          const size = file.content ? pngSize(file.content) : null;
          if (size && (size.width + size.height > 10_000 || Math.max(size.width, size.height) > 20 * Math.min(size.width, size.height))) throw badRequest('PHOTO_INVALID_DIMENSIONS');
          const photo: PhotoSize[] = [{ file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, width: size?.width ?? 1280, height: size?.height ?? 960 }];
          return { photo, ...(caption !== undefined ? { caption } : {}) };
        }
        const name = filename ?? file.file_path.split('/').pop() ?? 'file';
        const document: Document = { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_name: name, mime_type: extensionMime(name) };
        return { document, ...(caption !== undefined ? { caption } : {}) };
      });
      return items.map((content) => {
        this.checkLimits(state);
        return this.postBotMessage(state, {}, { ...content, media_group_id: groupId } as Partial<Message>);
      });
    });
    this.on('sendDocument', (p, uploads) => {
      const state = this.targetChat(p);
      const caption = this.text(p, 'caption', 1024);
      const { file, filename } = this.inputFile(p.document, uploads, 'document');
      this.checkLimits(state);
      const name = filename ?? file.file_path.split('/').pop() ?? 'file';
      const document: Document = {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        file_size: file.file_size,
        file_name: name,
        mime_type: extensionMime(name),
      };
      return this.postBotMessage(state, p, { document, ...(caption !== undefined ? { caption } : {}) });
    });
    this.on('copyMessage', (p) => {
      const state = this.targetChat(p);
      const source = this.chats.get(Number(p.from_chat_id))?.messages.get(Number(p.message_id))?.message;
      if (!source) throw badRequest('message to copy not found');
      this.checkLimits(state);
      const { text, caption, photo, document } = source;
      const copy = this.postBotMessage(state, p, {
        ...(text !== undefined ? { text } : {}),
        ...(photo !== undefined ? { photo } : {}),
        ...(document !== undefined ? { document } : {}),
        ...(typeof p.caption === 'string' ? { caption: p.caption } : caption !== undefined ? { caption } : {}),
      });
      return { message_id: copy.message_id };
    });

    this.on('editMessageText', (p) => {
      const { state, message } = this.editableMessage(p);
      if (message.text === undefined) throw badRequest('there is no text in the message to edit');
      const text = this.text(p, 'text', 4096);
      return this.applyEdit(state, message, { text }, this.markup(p).inline);
    });
    this.on('editMessageCaption', (p) => {
      const { state, message } = this.editableMessage(p);
      if (message.text !== undefined) throw badRequest('there is no caption in the message to edit');
      const caption = this.text(p, 'caption', 1024) ?? '';
      return this.applyEdit(state, message, { caption }, this.markup(p).inline);
    });
    this.on('editMessageReplyMarkup', (p) => {
      const { state, message } = this.editableMessage(p);
      return this.applyEdit(state, message, {}, this.markup(p).inline);
    });
    this.on('deleteMessage', (p) => {
      const state = this.targetChat(p);
      const id = Number(p.message_id);
      const stored = state.messages.get(id);
      if (!stored) throw badRequest('message to delete not found');
      state.messages.delete(id);
      if (stored.byBot) state.inbox.deliver('deleted', stored.message);
      return true;
    });

    this.on('answerCallbackQuery', (p) => {
      const id = String(p.callback_query_id ?? '');
      const query = this.callbackQueries.get(id);
      if (!query || query.answered) {
        throw badRequest('query is too old and response timeout expired or query ID is invalid');
      }
      if (typeof p.text === 'string' && p.text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
      query.answered = true;
      query.user.deliverCallbackAnswer(id, p);
      return true;
    });

    this.on('getFile', (p) => {
      const file = this.files.get(String(p.file_id ?? ''));
      if (!file) throw badRequest('wrong file_id or the file is temporarily unavailable');
      if (file.file_size > 20 * 1024 * 1024) throw badRequest('file is too big');
      return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_path: file.file_path };
    });

    const commandKey = (p: Payload): string =>
      JSON.stringify({ scope: p.scope ?? { type: 'default' }, language_code: p.language_code ?? '' });
    this.on('setMyCommands', (p) => {
      const commands = Array.isArray(p.commands) ? (p.commands as BotCommand[]) : [];
      for (const c of commands) {
        if (!/^[a-z0-9_]{1,32}$/.test(c.command)) throw badRequest('BOT_COMMAND_INVALID');
        if (!c.description || c.description.length > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
      }
      this.commands.set(commandKey(p), commands);
      return true;
    });
    this.on('getMyCommands', (p) => this.commands.get(commandKey(p)) ?? []);
    this.on('deleteMyCommands', (p) => {
      this.commands.delete(commandKey(p));
      return true;
    });

    this.on('sendChatAction', (p) => {
      this.targetChat(p);
      return true;
    });
    this.on('setChatMenuButton', (p) => {
      this.menuButton = p.menu_button ?? { type: 'default' };
      return true;
    });
    this.on('getChatMenuButton', () => this.menuButton);
    this.on('getChat', (p) => {
      const state = this.chats.get(Number(p.chat_id));
      if (!state) throw badRequest('chat not found');
      return { ...state.chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
    });
    this.on('getChatMember', (p) => {
      const chatId = Number(p.chat_id);
      if (!this.chats.has(chatId)) throw badRequest('chat not found');
      const user = this.users.get(Number(p.user_id));
      if (!user) throw badRequest('PARTICIPANT_ID_INVALID');
      const status = this.chatMemberStatus.get(`${chatId}:${user.id}`) ?? 'member';
      const rights = { can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true, can_restrict_members: true };
      return { status, user: user.asUser, ...(status === 'administrator' ? rights : status === 'creator' ? { is_anonymous: false } : {}) };
    });
    this.on('leaveChat', (p) => {
      const state = this.targetChat(p);
      if (state.chat.type === 'private') throw badRequest('chat member status is not changeable in private chats');
      state.botIsMember = false;
      return true;
    });
  }

  private deleteWebhook(dropPending: boolean): true {
    this.webhook = undefined;
    if (dropPending) this.pending = [];
    return true;
  }

  /** Stored commands for a scope/language (what the client would show), for assertions. */
  commandsFor(scope: unknown = { type: 'default' }, languageCode = ''): BotCommand[] {
    return this.commands.get(JSON.stringify({ scope, language_code: languageCode })) ?? [];
  }

  /** The registered user with this id, if any. */
  userById(id: number): SimulatedUser | undefined {
    return this.users.get(id);
  }
}

/** Width and height of a PNG (signature, then the IHDR chunk), or null when the bytes are not one. */
export function pngSize(b: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (b.length < 24 || !b.subarray(0, 8).equals(signature) || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
