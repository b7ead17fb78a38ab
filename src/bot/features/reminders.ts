import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

/** Placeholder composer: the reminders feature lands with its issue. */
export const reminders = new Composer<BotContext>();
