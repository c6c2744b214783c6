/**
 * The live context of the custom functions in Excel's shared runtime:
 * Excel error values from the global CustomFunctions, messages in Office's
 * display language, and one table cache for every function and the task
 * pane. Created on first use, so loading this module outside Excel is safe.
 */
import type { Locale } from '../engine';
import { localeFromTag } from '../i18n';
import type { ExcelErrorCode, ExcelErrorFactory } from '../excel/error-mapping';
import type { FunctionsContext } from './context';
import { TableCache } from './table-cache';

/** The table cache of this runtime (the task pane may clear it). */
export const sharedTableCache = new TableCache();

let context: FunctionsContext | undefined;

export function functionsContext(): FunctionsContext {
  if (context) {
    context.locale = displayLocale();
    return context;
  }
  context = { makeError: excelErrorFactory(), locale: displayLocale(), cache: sharedTableCache };
  return context;
}

function excelErrorFactory(): ExcelErrorFactory {
  const codes: Record<ExcelErrorCode, CustomFunctions.ErrorCode> = {
    invalidValue: CustomFunctions.ErrorCode.invalidValue,
    notAvailable: CustomFunctions.ErrorCode.notAvailable,
  };
  return (code, message) => new CustomFunctions.Error(codes[code], message);
}

/** Office's display language once Office.js is ready; English before that or outside Office. */
function displayLocale(): Locale {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return localeFromTag(office?.context?.displayLanguage);
}
