import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

/** Placeholder composer: the reports feature lands with its issue. */
export const reports = new Composer<BotContext>();
