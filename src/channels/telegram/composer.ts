import { Composer, type Context, type Middleware, type MiddlewareFn, type NextFunction } from 'grammy';

type MaybeArray<T> = T | T[];
type MaybePromise<T> = T | Promise<T>;

/** One middleware function from a middleware, a composer or an array of them. */
function toFn<C extends Context>(middleware: MaybeArray<Middleware<C>>): MiddlewareFn<C> {
  if (Array.isArray(middleware)) return middleware.length === 1 ? toFn(middleware[0]!) : new Composer<C>(...middleware).middleware();
  if (typeof middleware === 'function') return middleware;
  // Read at call time, as grammY does: handlers added to a composer after it was registered still count.
  return (ctx, next) => middleware.middleware()(ctx, next);
}

/** A registered middleware; with `test`, it runs only for the updates that pass it. */
interface Entry<C extends Context> {
  test?: (ctx: C) => MaybePromise<boolean>;
  run: MiddlewareFn<C>;
}

/**
 * The composer every Telegram feature is built on: grammY's API and behaviour (handlers run in the
 * order they were registered; each runs the rest only by calling `next`; calling `next` twice
 * throws), dispatched by a loop instead of grammY's chain of nested async functions.
 *
 * Why: grammY builds every `command`, `hears`, `on`, `callbackQuery` and `chatType` on
 * `filter` → `branch` → `lazy`, which constructs a Composer for each handler each time an update
 * passes it, and every skipped handler adds two nested awaits. A command reaching the registration
 * feature passed ~60 handlers that way: about a fifth of opening registration's CPU in
 * bench/registration (issue 9). Here a handler whose filter does not match costs its predicate.
 *
 * @example
 * export const registration = new FeatureComposer<BotContext>();
 * registration.chatType('private').command('register', (ctx) => startRegistration(ctx));
 */
export class FeatureComposer<C extends Context> extends Composer<C> {
  private readonly entries: Array<Entry<C>> = [];
  private readonly dispatch: MiddlewareFn<C>;

  constructor(...middleware: Array<Middleware<C>>) {
    super();
    for (const m of middleware) this.entries.push({ run: toFn(m) });
    const entries = this.entries;
    const from = async (start: number, ctx: C, next: NextFunction): Promise<void> => {
      for (let i = start; i < entries.length; i++) {
        const entry = entries[i]!;
        if (entry.test) {
          const passed = entry.test(ctx);
          if (passed === false || (passed !== true && !(await passed))) continue;
        }
        let called = false;
        await entry.run(ctx, () => {
          if (called) throw new Error('`next` already called before!');
          called = true;
          return from(i + 1, ctx, next);
        });
        return;
      }
      return next();
    };
    this.dispatch = (ctx, next) => from(0, ctx, next);
  }

  override middleware(): MiddlewareFn<C> {
    return this.dispatch;
  }

  override use(...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new FeatureComposer<C>(...middleware);
    this.entries.push({ run: composer.dispatch });
    return composer;
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): Composer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new FeatureComposer<C>(...middleware);
    this.entries.push({ test: predicate, run: composer.dispatch });
    return composer;
  }

  override branch(predicate: (ctx: C) => MaybePromise<boolean>, trueMiddleware: MaybeArray<Middleware<C>>, falseMiddleware: MaybeArray<Middleware<C>>): Composer<C> {
    const yes = toFn(trueMiddleware);
    const no = toFn(falseMiddleware);
    return this.use(async (ctx, next) => ((await predicate(ctx)) ? yes : no)(ctx, next));
  }
}
