import type {
  CallbackQuery,
  Chat,
  Document,
  InlineKeyboardButton,
  Message,
  MessageEntity,
  PhotoSize,
  ReplyKeyboardMarkup,
  Sticker,
  Update,
  User,
  Voice,
} from 'grammy/types';
import type { FakeTelegram } from './fake-telegram.js';

/**
 * One thing that happened in a chat as seen by its human side: the bot sent, edited or deleted a
 * message, or one of the bot's API calls aimed at this chat failed (`error`, never matched by
 * `waitFor`, but printed in its timeout diagnostic so a failing test says *why* nothing arrived).
 */
export interface InboxEvent {
  kind: 'sent' | 'edited' | 'deleted' | 'error';
  /** The message as it stood right after the event (absent for `error`). */
  message?: Message;
  /** For `error`: `"sendMessage → 400 Bad Request: …"`. */
  error?: string;
  seq: number;
  at: number;
}

/** An edit of a bot message, kept so tests can assert on what a message looked like before. */
export interface MessageEdit {
  messageId: number;
  before: Message;
  after: Message;
  at: number;
}

/** Options of every `waitFor*` helper. */
export interface WaitOptions {
  /** Give up after this many milliseconds (default 5000). */
  timeoutMs?: number;
}

let globalSeq = 0;

/** Text a human would read on a message: its text or its caption. */
export function messageText(message: Message): string {
  return message.text ?? message.caption ?? '';
}

/** Labels of the inline keyboard of a message, row by row flattened. */
function inlineButtons(message: Message | undefined): InlineKeyboardButton[] {
  return message?.reply_markup?.inline_keyboard.flat() ?? [];
}

function describeMessage(message: Message): string {
  const labels = inlineButtons(message).map((b) => b.text);
  const kind = message.document
    ? `[document ${message.document.file_name ?? ''}] `
    : message.photo
      ? '[photo] '
      : '';
  const text = JSON.stringify(messageText(message));
  return `#${message.message_id} ${kind}${text}${labels.length ? ` [buttons: ${labels.join(' | ')}]` : ''}`;
}

function matches(pattern: RegExp | string, text: string): boolean {
  return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
}

function commandEntities(text: string): MessageEntity[] | undefined {
  if (!text.startsWith('/')) return undefined;
  const command = text.split(/\s/, 1)[0] ?? text;
  return [{ type: 'bot_command', offset: 0, length: command.length }];
}

/**
 * The human side of one chat (a private chat with a user, or a group): every bot message that
 * landed there, with edits applied, and the "wait until the bot answers my last action" logic.
 *
 * Why a shared base: users and groups need exactly the same inbox and waiting semantics, and a
 * timeout must print what *did* arrive (plus the bot's failed calls) — that diagnostic is what makes
 * e2e failures cheap to fix.
 */
export class ChatInbox {
  /** Everything that happened in this chat, oldest first. */
  readonly events: InboxEvent[] = [];
  /** History of edits of bot messages, oldest first. */
  readonly edits: MessageEdit[] = [];
  /** Latest reply keyboard the bot set (`ReplyKeyboardMarkup`), `undefined` once removed. */
  replyKeyboard: ReplyKeyboardMarkup | undefined;
  protected readonly current = new Map<number, Message>();
  protected actionSeq = 0;
  private readonly waiters = new Set<() => void>();

  constructor(
    protected readonly fake: FakeTelegram,
    /** Chat id of this inbox (user id for a private chat). */
    readonly chatId: number,
    /** Name used in diagnostics. */
    protected readonly label: string,
  ) {}

  /** Bot messages currently in the chat (latest version of each; deleted ones are gone). */
  get messages(): Message[] {
    return [...this.current.values()];
  }

  /** The most recently sent bot message still in the chat (in its latest edited form). */
  get lastMessage(): Message | undefined {
    const all = this.messages;
    return all[all.length - 1];
  }

  /** Events since this chat's last action (send/press). */
  get eventsSinceAction(): InboxEvent[] {
    return this.events.filter((e) => e.seq > this.actionSeq);
  }

  /** @internal Called by {@link FakeTelegram} when the bot changes something in this chat. */
  deliver(kind: 'sent' | 'edited' | 'deleted', message: Message): void {
    const at = Date.now();
    if (kind === 'deleted') {
      this.current.delete(message.message_id);
    } else {
      const before = this.current.get(message.message_id);
      if (kind === 'edited' && before) {
        this.edits.push({ messageId: message.message_id, before, after: message, at });
      }
      // Keep original insertion order so "latest message" means latest *sent*.
      this.current.set(message.message_id, message);
    }
    this.events.push({ kind, message, seq: ++globalSeq, at });
    this.notify();
  }

  /** @internal Called by {@link FakeTelegram} when a bot call aimed at this chat failed. */
  deliverError(error: string): void {
    this.events.push({ kind: 'error', error, seq: ++globalSeq, at: Date.now() });
    this.notify();
  }

  /** @internal */
  setReplyKeyboard(markup: ReplyKeyboardMarkup | undefined): void {
    this.replyKeyboard = markup;
  }

  protected notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Marks "now" as the moment of this chat's latest action; later waits look only after it. */
  protected markAction(): void {
    this.actionSeq = ++globalSeq;
  }

  /** Renders the events since the last action, for timeout diagnostics. */
  describeSinceAction(): string {
    const lines = this.eventsSinceAction.map((e) =>
      e.kind === 'error' ? `  ✗ ${e.error}` : `  ${e.kind}: ${describeMessage(e.message as Message)}`,
    );
    return lines.length > 0 ? lines.join('\n') : '  (nothing)';
  }

  /**
   * Resolves once `check` returns a value, re-checking on every event; rejects after `timeoutMs`
   * with `what` and the events since the last action.
   */
  protected waitUntil<T>(check: () => T | undefined, what: string, options: WaitOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise<T>((resolve, reject) => {
      const first = check();
      if (first !== undefined) {
        resolve(first);
        return;
      }
      const waiter = (): void => {
        const value = check();
        if (value === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new Error(
            `${this.label} waited ${timeoutMs} ms for ${what} after its last action, but since then received:\n` +
              this.describeSinceAction(),
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /**
   * Waits for the first bot message (sent or edited) arriving after this chat's last action whose
   * text or caption matches `pattern` (a string matches as a substring).
   *
   * @example await user.waitFor(/Chào mừng/);
   */
  waitFor(pattern: RegExp | string, options: WaitOptions = {}): Promise<Message> {
    const since = this.actionSeq;
    return this.waitUntil(
      () =>
        this.events.find(
          (e) =>
            e.seq > since &&
            (e.kind === 'sent' || e.kind === 'edited') &&
            e.message !== undefined &&
            matches(pattern, messageText(e.message)),
        )?.message,
      `a bot message matching ${String(pattern)}`,
      options,
    );
  }

  /** Waits for the first bot message with a document arriving after this chat's last action. */
  waitForDocument(options: WaitOptions = {}): Promise<Message & { document: Document }> {
    const since = this.actionSeq;
    return this.waitUntil(
      () =>
        this.events.find((e) => e.seq > since && e.kind === 'sent' && e.message?.document !== undefined)
          ?.message as (Message & { document: Document }) | undefined,
      'a document',
      options,
    );
  }

  /** Labels of the inline keyboard of `message` (default: the latest bot message that has one). */
  buttons(message?: Message): string[] {
    const target = message ? (this.current.get(message.message_id) ?? message) : this.latestWithKeyboard();
    return inlineButtons(target).map((b) => b.text);
  }

  protected latestWithKeyboard(): Message | undefined {
    return this.messages.filter((m) => inlineButtons(m).length > 0).pop();
  }
}

/** Options of {@link FakeTelegram.user}. */
export interface SimulatedUserOptions {
  id?: number;
  firstName: string;
  lastName?: string;
  username?: string;
  /** IETF language tag sent in `from.language_code` (default `'vi'`). */
  languageCode?: string;
}

/** Options of {@link SimulatedUser.press}. */
export interface PressOptions {
  /** Press in this message instead of the latest bot message with an inline keyboard. */
  inMessage?: Message;
}

/**
 * A Telegram user talking to the bot in a private chat: sends messages and files, presses inline
 * buttons, and waits for answers — so e2e tests read like the user's story.
 *
 * Create with {@link FakeTelegram.user}.
 *
 * @example
 * const lan = fake.user({ firstName: 'Lan' });
 * await lan.start();
 * await lan.waitFor(/Chào/);
 * await lan.press('Đăng ký');
 */
export class SimulatedUser extends ChatInbox {
  readonly id: number;
  readonly firstName: string;
  readonly lastName: string | undefined;
  readonly username: string | undefined;
  readonly languageCode: string;
  /** Answers to this user's callback queries, by query id (the `answerCallbackQuery` payloads). */
  readonly callbackAnswers = new Map<string, Record<string, unknown>>();
  private lastQueryId: string | undefined;
  private queryCounter = 0;

  /** @internal Use {@link FakeTelegram.user}. */
  constructor(fake: FakeTelegram, id: number, options: SimulatedUserOptions) {
    super(fake, id, `User ${options.firstName} (${id})`);
    this.id = id;
    this.firstName = options.firstName;
    this.lastName = options.lastName;
    this.username = options.username;
    this.languageCode = options.languageCode ?? 'vi';
  }

  /** This user as the `from` field of updates. */
  get asUser(): User {
    return {
      id: this.id,
      is_bot: false,
      first_name: this.firstName,
      ...(this.lastName !== undefined ? { last_name: this.lastName } : {}),
      ...(this.username !== undefined ? { username: this.username } : {}),
      language_code: this.languageCode,
    };
  }

  /** The private chat between this user and the bot. */
  get chat(): Chat.PrivateChat {
    return {
      id: this.id,
      type: 'private',
      first_name: this.firstName,
      ...(this.lastName !== undefined ? { last_name: this.lastName } : {}),
      ...(this.username !== undefined ? { username: this.username } : {}),
    };
  }

  private post(content: Partial<Message>): Message {
    this.markAction();
    const message = this.fake.createIncomingMessage(this.chat, this.asUser, content);
    this.fake.queueUpdate({ message: message as Update['message'] });
    return message;
  }

  /**
   * Sends a text message (commands get the `bot_command` entity grammY's `bot.command` needs).
   * Returns the message as the bot will receive it.
   */
  send(text: string, options: { replyTo?: Message } = {}): Message {
    const entities = commandEntities(text);
    return this.post({
      text,
      ...(entities ? { entities } : {}),
      ...(options.replyTo ? { reply_to_message: options.replyTo as Message['reply_to_message'] } : {}),
    });
  }

  /** Sends `/start` or `/start <payload>` (a deep link). */
  start(payload?: string): Message {
    return this.send(payload ? `/start ${payload}` : '/start');
  }

  /** Sends a photo (three sizes, like Telegram), optionally captioned. */
  sendPhoto(options: { caption?: string; fileSize?: number } = {}): Message {
    const largest = options.fileSize ?? 123_456;
    const sizes: Array<[number, number]> = [
      [90, Math.max(1, Math.round(largest / 40))],
      [320, Math.max(1, Math.round(largest / 8))],
      [1280, largest],
    ];
    const photo: PhotoSize[] = sizes.map(([side, size]) => {
      const file = this.fake.registerFile('photo', { fileSize: size, extension: 'jpg' });
      return { ...file, width: side, height: side };
    });
    return this.post({ photo, ...(options.caption !== undefined ? { caption: options.caption } : {}) });
  }

  /** Sends a file as a document. `content` is served by the fake's file download URL. */
  sendDocument(options: {
    fileName: string;
    mimeType: string;
    fileSize?: number;
    caption?: string;
    content?: Buffer;
  }): Message {
    const fileSize = options.fileSize ?? options.content?.length ?? 2048;
    const extension = options.fileName.includes('.') ? (options.fileName.split('.').pop() ?? 'dat') : 'dat';
    const file = this.fake.registerFile('document', {
      fileSize,
      extension,
      fileName: options.fileName,
      ...(options.content ? { content: options.content } : {}),
    });
    const document: Document = { ...file, file_name: options.fileName, mime_type: options.mimeType };
    return this.post({ document, ...(options.caption !== undefined ? { caption: options.caption } : {}) });
  }

  /** Sends a sticker (a common "unexpected input" in tests). */
  sendSticker(emoji = '👍'): Message {
    const file = this.fake.registerFile('sticker', { fileSize: 20_000, extension: 'webp' });
    const sticker: Sticker = {
      ...file,
      type: 'regular',
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji,
      set_name: 'ThiDuaTestStickers',
    };
    return this.post({ sticker });
  }

  /** Sends a voice note. */
  sendVoice(durationSeconds = 3): Message {
    const file = this.fake.registerFile('voice', { fileSize: 8_000 * durationSeconds, extension: 'oga' });
    const voice: Voice = { ...file, duration: durationSeconds, mime_type: 'audio/ogg' };
    return this.post({ voice });
  }

  /**
   * Presses the inline button whose label equals `label` (or matches the RegExp) in the latest bot
   * message that has an inline keyboard, queueing a `callback_query` update.
   * Throws, listing the visible buttons, when there is no such button.
   */
  press(label: string | RegExp, options: PressOptions = {}): CallbackQuery {
    const message = options.inMessage
      ? (this.current.get(options.inMessage.message_id) ?? options.inMessage)
      : this.latestWithKeyboard();
    if (!message) {
      throw new Error(
        `${this.label} cannot press ${String(label)}: no bot message with an inline keyboard. Messages:\n` +
          (this.messages.map((m) => `  ${describeMessage(m)}`).join('\n') || '  (none)'),
      );
    }
    const buttons = inlineButtons(message);
    const button = buttons.find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
    if (!button) {
      throw new Error(
        `${this.label} cannot press ${String(label)} in message ${describeMessage(message)}; ` +
          `visible buttons: ${buttons.map((b) => JSON.stringify(b.text)).join(', ') || '(none)'}`,
      );
    }
    if (!('callback_data' in button) || typeof button.callback_data !== 'string') {
      throw new Error(`${this.label} pressed ${JSON.stringify(button.text)}, which is not a callback button`);
    }
    return this.pressData(button.callback_data, message);
  }

  /**
   * Queues a callback query with arbitrary `data` (e.g. forged or stale) on `message` (default: the
   * latest bot message).
   */
  pressData(data: string, message?: Message): CallbackQuery {
    this.markAction();
    const target = message ?? this.lastMessage;
    const id = `${this.id}${String(++this.queryCounter).padStart(6, '0')}`;
    const query: CallbackQuery = {
      id,
      from: this.asUser,
      chat_instance: `-${this.id}77`,
      data,
      ...(target ? { message: target } : {}),
    };
    this.lastQueryId = id;
    this.fake.registerCallbackQuery(id, this);
    this.fake.queueUpdate({ callback_query: query });
    return query;
  }

  /** @internal Called by {@link FakeTelegram} on `answerCallbackQuery`. */
  deliverCallbackAnswer(queryId: string, payload: Record<string, unknown>): void {
    this.callbackAnswers.set(queryId, payload);
    this.notify();
  }

  /** Waits for the bot's `answerCallbackQuery` to this user's last press; returns its payload. */
  waitForCallbackAnswer(options: WaitOptions = {}): Promise<Record<string, unknown>> {
    const queryId = this.lastQueryId;
    if (queryId === undefined) return Promise.reject(new Error(`${this.label} has not pressed anything yet`));
    return this.waitUntil(() => this.callbackAnswers.get(queryId), `an answer to callback query ${queryId}`, options);
  }
}

/** Options of {@link FakeTelegram.group}. */
export interface FakeGroupOptions {
  id?: number;
  title: string;
  type?: 'group' | 'supergroup';
}

/**
 * A group chat. Members post with {@link FakeGroup.send}; bot messages to the group land in its
 * inbox. The bot must first be added with {@link FakeTelegram.addBotToGroup}, like in Telegram.
 */
export class FakeGroup extends ChatInbox {
  readonly id: number;
  readonly title: string;
  readonly type: 'group' | 'supergroup';

  /** @internal Use {@link FakeTelegram.group}. */
  constructor(fake: FakeTelegram, id: number, options: FakeGroupOptions) {
    super(fake, id, `Group ${options.title} (${id})`);
    this.id = id;
    this.title = options.title;
    this.type = options.type ?? 'group';
  }

  /** This group as the `chat` field of updates. */
  get chat(): Chat.GroupChat | Chat.SupergroupChat {
    return this.type === 'group'
      ? { id: this.id, type: 'group', title: this.title }
      : { id: this.id, type: 'supergroup', title: this.title };
  }

  /** Posts `text` in the group as `user`. Throws if the bot is not a member (it would not see it). */
  send(user: SimulatedUser, text: string): Message {
    if (!this.fake.isBotMember(this.id)) {
      throw new Error(`${this.label}: the bot is not a member; call fake.addBotToGroup(group, user) first`);
    }
    this.markAction();
    const entities = commandEntities(text);
    const message = this.fake.createIncomingMessage(this.chat, user.asUser, {
      text,
      ...(entities ? { entities } : {}),
    });
    this.fake.queueUpdate({ message: message as Update['message'] });
    return message;
  }

  /** @internal Lets {@link FakeTelegram.addBotToGroup} count as this group's latest action. */
  touch(): void {
    this.markAction();
  }
}
