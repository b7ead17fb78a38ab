import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

/** Placeholder composer: the groups feature lands with its issue. */
export const groups = new Composer<BotContext>();
