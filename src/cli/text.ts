import type { Locale } from '../engine/model';
import { fill } from '../i18n';
import { cliEnUS, type CliMessageKey } from '../i18n/cli.en-US';
import { cliZhCN } from '../i18n/cli.zh-CN';
import type { CsvProblem } from './csv';

export type { CliMessageKey };

const TABLES: Record<Locale, Record<CliMessageKey, string>> = { 'en-US': cliEnUS, 'zh-CN': cliZhCN };

/** A command-line message in the given language with {placeholders} filled in. */
export function cliText(locale: Locale, key: CliMessageKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[locale][key], params);
}

export function isCliMessageKey(key: string): key is CliMessageKey {
  return Object.prototype.hasOwnProperty.call(cliEnUS, key);
}

/** Why a CSV file could not be read, as one line. */
export function formatCsvProblem(problem: CsvProblem, locale: Locale): string {
  switch (problem.kind) {
    case 'not-found':
      return cliText(locale, 'csv.not-found', problem);
    case 'is-directory':
      return cliText(locale, 'csv.is-directory', problem);
    case 'unreadable':
      return cliText(locale, 'csv.unreadable', problem);
    case 'empty':
      return cliText(locale, 'csv.empty', problem);
    case 'unclosed-quote':
      return cliText(locale, 'csv.unclosed-quote', problem);
    case 'invalid-bytes':
      return cliText(locale, 'csv.invalid-bytes', { ...problem, encoding: problem.encoding.toUpperCase() });
    case 'ragged-row':
      return cliText(locale, 'csv.ragged-row', problem);
    case 'field-too-long':
      return cliText(locale, 'csv.field-too-long', problem);
  }
}
