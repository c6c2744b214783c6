/**
 * The one place where Tierwise failures become Excel error values: a row
 * that cannot be graded is #VALUE!, an ungraded row (no rule matched) is
 * #N/A, a bad table or argument is #VALUE! (so is a single row graded by an
 * RFM table, whose scores need the whole column); each with its message in the
 * user's language (shown in the cell's error tooltip).
 */
import type { GradeError, Locale, TableProblem } from '../engine';
import { assertNever } from '../engine/errors';
import { formatGradeError, formatProblem } from '../engine/messages';

/** The CustomFunctions.ErrorCode members Tierwise returns. */
export type ExcelErrorCode = 'invalidValue' | 'notAvailable';

/**
 * Makes an Excel error value: in Excel `new CustomFunctions.Error(CustomFunctions.ErrorCode[code], message)`;
 * in tests a fake that records the code and message.
 */
export type ExcelErrorFactory = (code: ExcelErrorCode, message: string) => unknown;

/** Why a cell, or a whole call, has no result. */
export type FunctionFailure =
  | GradeError
  | { kind: 'table-problem'; problem: TableProblem }
  /** A bad argument or a result too large; the message is already in the user's language. */
  | { kind: 'argument'; message: string };

/** Maps a failure to an Excel error value. `nameOf` names inputs as the user sees them (e.g. by header). */
export function toExcelError(
  failure: FunctionFailure,
  locale: Locale,
  makeError: ExcelErrorFactory,
  nameOf?: (input: string) => string,
): unknown {
  switch (failure.kind) {
    case 'no-match':
      return makeError('notAvailable', formatGradeError(failure, locale, nameOf));
    case 'blank':
    case 'cell-error':
    case 'not-a-number':
    case 'not-a-boolean':
    case 'not-a-date':
    case 'unknown-category':
    case 'out-of-range':
    case 'too-long':
    case 'needs-batch':
    case 'not-positive':
    case 'recency-is-date':
      return makeError('invalidValue', formatGradeError(failure, locale, nameOf));
    case 'table-problem':
      return makeError('invalidValue', formatProblem(failure.problem, locale));
    case 'argument':
      return makeError('invalidValue', failure.message);
    default:
      return assertNever(failure, 'function failure');
  }
}
