import { createContext, useContext } from 'react';
import type { Locale } from '../../engine';
import { paneText, type TaskpaneMessageKey } from '../text';

export type Translate = (key: TaskpaneMessageKey, params?: Record<string, string | number>) => string;

const LocaleContext = createContext<Locale>('en-US');

export const LocaleProvider = LocaleContext.Provider;

/** The pane's language and its message function. */
export function usePaneText(): { locale: Locale; t: Translate } {
  const locale = useContext(LocaleContext);
  return { locale, t: (key, params) => paneText(locale, key, params) };
}
