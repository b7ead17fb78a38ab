import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

/** Placeholder composer: the campaigns feature lands with its issue. */
export const campaigns = new Composer<BotContext>();
