import { en, kk, ru, type MessageKey } from './catalog.js';
import { formatMessage, type MessageParams } from './format.js';

export type { MessageKey };
export const LOCALES = ['en', 'ru', 'kk'] as const;
export type Locale = (typeof LOCALES)[number];

const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en, ru, kk };

/** The text for `key` in `locale` (falling back to English), with its parameters filled in. */
export function translate(locale: string, key: MessageKey, params: MessageParams = {}): string {
  const catalog = CATALOGS[resolveLocale(locale)];
  const template = catalog[key] ?? en[key];
  return template === undefined ? key : formatMessage(resolveLocale(locale), template, params);
}

/** A locale tag from the environment or the browser (`ru_RU.UTF-8`, `kk-KZ`, `en`) to one we have. */
export function resolveLocale(tag: string): Locale {
  const language = tag.toLowerCase().split(/[-_.@]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'en';
}
