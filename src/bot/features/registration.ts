import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

/** Placeholder composer: the registration feature lands with its issue. */
export const registration = new Composer<BotContext>();
