import { isMessageKey, translate, type MessageKey } from '../i18n';
import type { GradeError, TableProblem } from './errors';
import { assertNever } from './errors';
import type { Locale } from './model';

/**
 * The message for a row that could not be graded, e.g. "payment_days: '3O'
 * is not a number". `nameOf` turns an input id into what the user calls it
 * (a column header); by default the id is shown.
 */
export function formatGradeError(
  error: GradeError,
  locale: Locale,
  nameOf: (input: string) => string = (id) => id,
): string {
  switch (error.kind) {
    case 'no-match':
      return translate(locale, 'grade.no-match');
    case 'needs-batch':
      return translate(locale, error.ranked ? 'grade.needs-batch.ranked' : 'grade.needs-batch');
    case 'not-positive':
      return translate(locale, 'grade.not-positive', { input: nameOf(error.input), value: error.value });
    case 'blank':
      return translate(locale, 'grade.blank', { input: nameOf(error.input) });
    case 'cell-error':
    case 'not-a-number':
    case 'not-a-boolean':
      return translate(locale, `grade.${error.kind}`, { input: nameOf(error.input), value: error.value });
    case 'not-a-date':
      return translate(locale, error.ambiguous ? 'grade.not-a-date.ambiguous' : 'grade.not-a-date', {
        input: nameOf(error.input),
        value: error.value,
      });
    case 'unknown-category':
      return translate(locale, 'grade.unknown-category', {
        input: nameOf(error.input),
        value: error.value,
        allowed: error.allowed.join(', '),
      });
    case 'out-of-range':
      return translate(locale, 'grade.out-of-range', { input: nameOf(error.input), value: error.value });
    case 'recency-is-date':
      return translate(locale, 'grade.recency-is-date', {
        input: nameOf(error.input),
        value: error.value,
        date: error.date,
      });
    case 'too-long':
      return translate(locale, 'grade.too-long', { input: nameOf(error.input), length: error.length });
    default:
      return assertNever(error, 'grade error');
  }
}

/** "method.criteria[0].bands[2]: the bands ... overlap", located by cell when the table came from a sheet. */
export function formatProblem(problem: TableProblem, locale: Locale): string {
  const where = problem.cell ?? (problem.path || '(table)');
  const detail = problem.detail ?? {};
  // Sheet-form syntax problems name their own message; the rest are worded by their code.
  const own = detail.key;
  const key: MessageKey =
    problem.code === 'sheet-syntax' && typeof own === 'string' && isMessageKey(own) ? own : `problem.${problem.code}`;
  return `${where}: ${translate(locale, key, detail)}`;
}
