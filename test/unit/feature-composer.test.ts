/**
 * FeatureComposer (src/channels/telegram/composer.ts) dispatches with a loop instead of grammY's
 * nested chain: the same feature built on it and on grammY's Composer must run the same handlers,
 * in the same order, for every kind of update, and stop where grammY stops.
 */
import { describe, expect, it } from 'vitest';
import { Api, Composer, Context } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { FeatureComposer } from '../../src/channels/telegram/composer.js';

const me = { id: 1, is_bot: true, first_name: 'Bot', username: 'thidua_bot' } as UserFromGetMe;
const api = new Api('1:x');
const user = { id: 7, is_bot: false, first_name: 'Lan' };

function message(text: string, chatType: 'private' | 'group' = 'private'): Update {
  const chat = chatType === 'private' ? { id: 7, type: 'private' as const, first_name: 'Lan' } : { id: -5, type: 'group' as const, title: 'Chi bộ' };
  const entities = text.startsWith('/') ? [{ type: 'bot_command' as const, offset: 0, length: text.split(' ')[0]!.length }] : undefined;
  return { update_id: 1, message: { message_id: 1, date: 0, chat, from: user, text, ...(entities ? { entities } : {}) } } as Update;
}
const callback = (data: string): Update => ({ update_id: 2, callback_query: { id: 'q', chat_instance: 'c', from: user, data, message: { message_id: 2, date: 0, chat: { id: 7, type: 'private', first_name: 'Lan' } } } }) as Update;

/** A feature exercising every registration style features use, writing what ran to `trace`. */
function feature(make: () => Composer<Context>, trace: string[]): Composer<Context> {
  const f = make();
  f.use(async (_ctx, next) => { trace.push('use:before'); await next(); trace.push('use:after'); });
  const privateChat = f.chatType('private');
  privateChat.command('register', () => void trace.push('command:register'));
  privateChat.command(['my', 'status'], async (_ctx, next) => { trace.push('command:my'); await next(); });
  privateChat.hears(/^menu (\w+)$/, (ctx) => void trace.push(`hears:${ctx.match[1]}`));
  privateChat.callbackQuery(/^reg:(\d+)$/, async (ctx) => void trace.push(`callback:${ctx.match[1]}`));
  f.drop((ctx) => ctx.chat?.type === 'private', () => void trace.push('group only'));
  f.branch((ctx) => Promise.resolve(ctx.message?.text === 'branch'), () => void trace.push('branch:yes'), (_ctx, next) => (trace.push('branch:no'), next()));
  f.on('message:text', async (_ctx, next) => { trace.push('text'); await next(); });
  f.errorBoundary((err) => void trace.push(`caught:${(err.error as Error).message}`)).hears('boom', () => { throw new Error('boom'); });
  // Registered after the nested composer was created: still runs, in its place.
  privateChat.hears('late', () => void trace.push('late'));
  f.use(() => void trace.push('last'));
  return f;
}

async function traceOf(make: () => Composer<Context>, update: Update): Promise<string[]> {
  const trace: string[] = [];
  const outer = new Composer<Context>();
  outer.use(feature(make, trace), () => void trace.push('after feature'));
  await outer.middleware()(new Context(update, api, me), async () => void trace.push('end'));
  return trace;
}

describe('FeatureComposer', () => {
  const updates: Array<[string, Update]> = [
    ['a command', message('/register')],
    ['a command with next', message('/my')],
    ['an alias command', message('/status')],
    ['menu words', message('menu stats')],
    ['a callback', callback('reg:42')],
    ['an unknown callback', callback('other')],
    ['a group message', message('hello', 'group')],
    ['a branch', message('branch')],
    ['an error inside a boundary', message('boom')],
    ['a late handler', message('late')],
    ['plain text', message('xin chào')],
  ];
  for (const [name, update] of updates) {
    it(`runs the same handlers as grammY's Composer for ${name}`, async () => {
      const expected = await traceOf(() => new Composer<Context>(), update);
      const actual = await traceOf(() => new FeatureComposer<Context>(), update);
      expect(actual).toEqual(expected);
      expect(actual.length).toBeGreaterThan(2);
    });
  }

  it('refuses a handler calling next twice, as grammY does', async () => {
    const f = new FeatureComposer<Context>();
    f.use(async (_ctx, next) => { await next(); await next(); });
    await expect(f.middleware()(new Context(message('x'), api, me), async () => {})).rejects.toThrow('`next` already called before!');
  });
});
