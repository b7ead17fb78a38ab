import { Keyboard } from 'grammy';
import type { BotContext } from '../context.js';

/** The five things a member comes for. A reply keyboard: its buttons are typed text, which works on Zalo too. */
export const MENU_KEYS = ['menu-campaigns', 'menu-register', 'menu-report', 'menu-my', 'menu-help'] as const;

export function mainMenu(ctx: BotContext): Keyboard {
  return new Keyboard()
    .text(ctx.t('menu-campaigns'))
    .text(ctx.t('menu-register'))
    .row()
    .text(ctx.t('menu-report'))
    .text(ctx.t('menu-my'))
    .text(ctx.t('menu-help'))
    .resized()
    .persistent();
}
