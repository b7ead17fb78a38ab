import { Keyboard } from 'grammy';
import type { I18n } from '@grammyjs/i18n';
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

export type MenuKey = (typeof MENU_KEYS)[number];

const labelCache = new WeakMap<object, Map<MenuKey, Set<string>>>();

/**
 * The labels of one menu button in every locale (a member whose language just changed may still
 * press the old keyboard). Computed once per translations object: formatting Fluent messages on
 * every update showed up in profiles.
 */
export function menuLabels(i18n: Pick<I18n, 't' | 'locales'>, key: MenuKey): ReadonlySet<string> {
  let byKey = labelCache.get(i18n);
  if (!byKey) labelCache.set(i18n, (byKey = new Map()));
  let labels = byKey.get(key);
  if (!labels) byKey.set(key, (labels = new Set(i18n.locales.map((l) => i18n.t(l, key)))));
  return labels;
}

/** True when the text is the label of that menu button in any locale. */
export function isMenuText(ctx: Pick<BotContext, 'deps'>, key: MenuKey, text: string): boolean {
  return menuLabels(ctx.deps.i18n, key).has(text);
}

/** True when the text is the label of any menu button. */
export function isAnyMenuText(ctx: Pick<BotContext, 'deps'>, text: string): boolean {
  return MENU_KEYS.some((k) => menuLabels(ctx.deps.i18n, k).has(text));
}
