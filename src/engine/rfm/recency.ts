import type { GradeError } from '../errors';
import type { Cell } from '../values/cell';
import { displayCell, parseDate, parseNumber, serialToIsoDate } from '../values/coerce';

/** Recency values from this serial day on (1927-05-18) are dates: 10,000 days since a purchase is over 27 years. */
export const DATE_LIKE_RECENCY = 10_000;

/** Whether a recency cell holds a last-purchase date: an Excel date (a serial from 1927 on), a Date, or date text. */
export function isDateLikeRecency(cell: Cell): boolean {
  if (typeof cell === 'number') return cell >= DATE_LIKE_RECENCY && parseDate(cell) === parseDate(cell);
  if (typeof cell === 'string') return parseNumber(cell) !== parseNumber(cell) && parseDate(cell) === parseDate(cell);
  return cell instanceof Date;
}

/**
 * Why a recency read as days (`days`, the cell as a number, NaN when it is not
 * one) is refused because it is a date: undefined when it is a plausible count
 * of days. A date read as days would give the newest buyer the worst R score.
 */
export function recencyDateError(cell: Cell, days: number, input: string): GradeError | undefined {
  if (days === days ? days < DATE_LIKE_RECENCY : !isDateLikeRecency(cell)) return undefined;
  // A number past 9999-12-31 is no date either: it stays a (meaningless) count of days.
  const serial = parseDate(days === days ? days : cell);
  if (serial !== serial) return undefined;
  return { kind: 'recency-is-date', input, value: displayCell(cell), date: serialToIsoDate(serial) };
}
