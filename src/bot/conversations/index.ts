import { Composer, type Middleware, type StorageAdapter } from 'grammy';
import { conversations, createConversation, type ConversationData, type VersionedState, type Conversation } from '@grammyjs/conversations';
import type { BotContext, ConvContext } from '../context.js';
import type { BotDeps } from '../deps.js';
import { sessionKey } from '../session-key.js';

/**
 * Bump when any conversation's code changes shape: stored replay logs of the old code would no
 * longer line up with the new code, so in-flight flows of an older version are restarted.
 */
export const CONVERSATION_VERSION = 1;

export type { ConvContext };
export type Convo = Conversation<BotContext, ConvContext>;
export type ConversationBuilder = (conversation: Convo, ctx: ConvContext, ...args: never[]) => Promise<unknown>;

/** Conversations of the features, registered by id. Features add theirs to this list. */
export const conversationRegistry: Array<{ id: string; builder: ConversationBuilder }> = [];

/**
 * Installs @grammyjs/conversations with persistent, versioned state in the same backend as the
 * sessions (key prefix `convo:`), and the plugins every conversation needs: deps, the member and
 * i18n — middleware on `bot` does not reach inside conversations.
 */
export function conversationComposer(deps: BotDeps, storage: StorageAdapter<VersionedState<ConversationData>>): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(
    conversations<BotContext, ConvContext>({
      storage: { type: 'key', version: CONVERSATION_VERSION, prefix: '', getStorageKey: (ctx) => sessionKey(ctx), adapter: storage },
      plugins: [
        async (ctx, next) => {
          ctx.deps = deps;
          ctx.log = deps.logger.child({ update_id: ctx.update.update_id, conversation: true });
          ctx.member = ctx.from ? await deps.services.members.byTelegramId(ctx.from.id) : null;
          await next();
        },
        deps.i18n as unknown as Middleware<ConvContext>,
      ],
    }),
  );
  for (const { id, builder } of conversationRegistry) {
    composer.use(createConversation<BotContext, ConvContext>(builder as never, id));
  }
  return composer;
}
