import type { Locale, LocalizedText } from '../engine/model';
import { enUS, type MessageKey as CoreKey } from './en-US';
import { sheetFormEnUS, type SheetFormMessageKey } from './sheet-form.en-US';
import { sheetFormZhCN } from './sheet-form.zh-CN';
import { zhCN } from './zh-CN';

/** Keys of the engine's message tables (core and sheet form); other layers keep their own tables. */
export type MessageKey = CoreKey | SheetFormMessageKey;

const TABLES: Record<Locale, Record<MessageKey, string>> = {
  'en-US': { ...enUS, ...sheetFormEnUS },
  'zh-CN': { ...zhCN, ...sheetFormZhCN },
};

/** Fills {placeholders} of a template; unknown placeholders stay as they are. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A message in the given language with {placeholders} filled in. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[locale][key], params);
}

/** Whether a string is a key of the engine's message tables. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(TABLES['en-US'], key);
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
