import { join } from 'node:path';
import { I18n } from '@grammyjs/i18n';
import { packageRoot } from '../../paths.js';
import { pickLocale, type Locale } from '../../services/members.js';
import type { BotContext } from './context.js';

/**
 * Fluent translations from `locales/*.ftl`. The member's locale is stored on their Member row;
 * before they have one, Telegram's `language_code` decides (English when it says so, else the
 * default). Unicode isolation marks are off: they would end up inside HTML and names.
 */
export function createI18n(defaultLocale: Locale): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.member?.locale ?? pickLocale(ctx.from?.language_code, defaultLocale),
  });
  i18n.loadLocalesDirSync(join(packageRoot(), 'locales'));
  return i18n;
}

/** Translate outside an update (outbox rendering, command menus). */
export type Translator = (locale: string, key: string, vars?: Record<string, string | number>) => string;

export function translator(i18n: I18n<BotContext>): Translator {
  return (locale, key, vars) => i18n.t(locale, key, vars);
}
