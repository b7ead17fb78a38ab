import { join } from 'node:path';
import { I18n } from '@grammyjs/i18n';
import { packageRoot } from '../../paths.js';
import { pickLocale, type Locale } from '../../services/members.js';
import type { BotContext } from './context.js';
import { addressVars } from '../../domain/address.js';

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
    // The reader's form of address (src/domain/address.ts), read with the member in every update.
    globalTranslationContext: (ctx) => addressVars(ctx.addressForm),
  });
  i18n.loadLocalesDirSync(join(packageRoot(), 'locales'));
  memoizeBundleMatching(i18n);
  withAddressDefaults(i18n);
  return i18n;
}

/**
 * Every translation — in an update, or outside one (outbox rendering, Zalo, menus) — has `you` and
 * `You`: the caller's when given (the reader's unit, the campaign's choice), else "đồng chí".
 */
function withAddressDefaults(i18n: I18n<BotContext>): void {
  const fluent = i18n.fluent as unknown as { translate(l: unknown, key: string, vars?: Record<string, unknown>): string };
  const translate = fluent.translate.bind(fluent);
  const defaults = addressVars(null);
  fluent.translate = (locale, key, vars) => translate(locale, key, vars && 'You' in vars ? vars : { ...defaults, ...vars });
}

/** Translate outside an update (outbox rendering, command menus). */
export type Translator = (locale: string, key: string, vars?: Record<string, string | number>) => string;

export function translator(i18n: I18n<BotContext>): Translator {
  return (locale, key, vars) => i18n.t(locale, key, vars);
}

/** Locales whose bundle match is remembered (member locales are a handful; the cap only guards oddities). */
const MAX_MATCHED_LOCALES = 64;

/**
 * @grammyjs/i18n negotiates languages against every loaded bundle on each translation — a
 * measurable share of a question with a dozen labels. The bundles never change once the locale
 * files are loaded, so the match for a locale is computed once.
 */
function memoizeBundleMatching(i18n: I18n<BotContext>): void {
  const fluent = i18n.fluent as unknown as { matchBundles(locales: string[]): Set<unknown> };
  const match = fluent.matchBundles.bind(fluent);
  const memo = new Map<string, Set<unknown>>();
  fluent.matchBundles = (locales) => {
    const key = locales.join(',');
    let bundles = memo.get(key);
    if (!bundles) {
      bundles = match(locales);
      if (memo.size < MAX_MATCHED_LOCALES) memo.set(key, bundles);
    }
    return bundles;
  };
}
