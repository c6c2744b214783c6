import type { Locale, LocalizedText } from '../engine/model';
import { enUS, type MessageKey } from './en-US';
import { zhCN } from './zh-CN';

export type { MessageKey };

const TABLES: Record<Locale, Record<MessageKey, string>> = { 'en-US': enUS, 'zh-CN': zhCN };

/** A message in the given language with {placeholders} filled in. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = TABLES[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Picks the language from an Office/BCP-47 tag: any zh tag gives zh-CN, anything else en-US. */
export function localeFromTag(tag: string | undefined): Locale {
  return tag && /^zh\b/i.test(tag) ? 'zh-CN' : 'en-US';
}

/** The text of a bilingual label in one language (zh falls back to en). */
export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return locale === 'zh-CN' ? (text.zh ?? text.en) : text.en;
}
