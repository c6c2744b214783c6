import type { Locale } from '../engine';
import { fill } from '../i18n';
import type { ExcelErrorFactory, FunctionFailure } from '../excel/error-mapping';
import { toExcelError } from '../excel/error-mapping';
import { functionsEnUS, type FunctionsMessageKey } from '../i18n/functions.en-US';
import { functionsZhCN } from '../i18n/functions.zh-CN';
import type { TableCache } from './table-cache';

/** What the custom functions need from their host: injected, so tests pass fakes. */
export interface FunctionsContext {
  makeError: ExcelErrorFactory;
  /** Office's display language (messages only; results never depend on it). */
  locale: Locale;
  cache: TableCache;
}

/** A custom-function message in the given language. */
export function functionsText(
  locale: Locale,
  key: FunctionsMessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = (locale === 'zh-CN' ? functionsZhCN : functionsEnUS)[key];
  return fill(template, params);
}

/** A failure of the whole call as a 1 x 1 result. */
export function failWith(ctx: FunctionsContext, failure: FunctionFailure): unknown[][] {
  return [[toExcelError(failure, ctx.locale, ctx.makeError)]];
}

/** An argument failure with a message from the functions texts. */
export function argumentFailure(
  ctx: FunctionsContext,
  key: FunctionsMessageKey,
  params: Record<string, string | number> = {},
): FunctionFailure {
  return { kind: 'argument', message: functionsText(ctx.locale, key, params) };
}
