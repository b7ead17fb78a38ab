import { Keyboard } from 'grammy';
import type { I18n } from '@grammyjs/i18n';
import type { BotContext } from '../context.js';
import { parseTextCommand, type TextCommand } from '../../text-commands.js';

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

/** The command each menu button stands for: its words (src/channels/text-commands.ts) mean it too. */
const MENU_COMMANDS: Record<MenuKey, TextCommand> = {
  'menu-campaigns': 'campaigns',
  'menu-register': 'register',
  'menu-report': 'report',
  'menu-my': 'my',
  'menu-help': 'help',
};

/**
 * True when the text is the label of that menu button in any locale, or its words typed without
 * the emoji ("báo cáo", "bao cao", "Đăng ký") — as on Zalo, from one word table. Only outside a
 * flow: an open flow takes text as its answer first (see the flow driver).
 */
export function isMenuText(ctx: Pick<BotContext, 'deps'>, key: MenuKey, text: string): boolean {
  if (menuLabels(ctx.deps.i18n, key).has(text)) return true;
  if (text.length > 40 || text.startsWith('/')) return false;
  const typed = parseTextCommand(text);
  return typed !== null && typed.arg === '' && typed.command === MENU_COMMANDS[key];
}

/** True when the text is the label of any menu button. */
export function isAnyMenuText(ctx: Pick<BotContext, 'deps'>, text: string): boolean {
  return MENU_KEYS.some((k) => menuLabels(ctx.deps.i18n, k).has(text));
}
