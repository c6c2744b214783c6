/** parseDate and isAmbiguousDate: a cell read as an Excel serial day, from numbers, Dates and date text. */
import type { Cell } from './cell';
import {
  COLON,
  DOT,
  HAO,
  MINUS,
  NIAN,
  PLUS,
  RI,
  SLASH,
  YUE,
  ZERO,
  foldCode,
  isSpaceCode,
  lowerLetter,
} from './characters';
import { dateToSerial, isoDateToSerial, MAX_DATE_SERIAL } from './dates';

/** scanDateText's answer when the text is a day-month order puzzle ("03/04/2024"). */
const AMBIGUOUS = -1;
/** scanDateText's answer when the text is not a date. */
const NOT_A_DATE = 0;

/**
 * A cell read as an Excel serial day number (1900 date system, whole days: a
 * time of day is dropped); NaN when it is not a date.
 * - numbers: Excel serials 1..2958465 (1900-01-01..9999-12-31), floored.
 *   Serial 60 is Excel's fictitious 1900-02-29 (see dates.ts).
 * - Date objects: their UTC calendar day (ExcelJS gives UTC-midnight Dates).
 * - text (full-width folded): 2024-03-15, 2024-3-5, 2024/3/15, 2024.3.15,
 *   2024年3月15日 (日 or 号 optional), 20240315; each may be followed by a
 *   time "T10:00", " 10:00:30", " 10:00:30.5", " 9:05 PM", with "Z" or an
 *   offset "+08:00", all ignored: the day is taken as written.
 * - day/month/year and month/day/year with a 4-digit year (separators / - .)
 *   only when one part is over 12 ("15/03/2024", "03/15/2024") or both parts
 *   are equal; "03/04/2024" is NaN and isAmbiguousDate() is true.
 * Rejected: invalid calendar days (2023-02-29, 2024-04-31), years before
 * 1900, two-digit years ("3/15/24": the century is a guess), month names,
 * and other digit-only text ("45366" or "2024" could be a serial or a year;
 * a serial as text would be a silent guess).
 */
export function parseDate(cell: Cell): number {
  if (typeof cell === 'number') {
    return cell >= 1 && cell < MAX_DATE_SERIAL + 1 ? Math.floor(cell) : NaN;
  }
  if (typeof cell === 'string') {
    const serial = scanDateText(cell);
    return serial > 0 ? serial : NaN;
  }
  if (cell instanceof Date) return dateToSerial(cell);
  return NaN;
}

/**
 * Whether a cell is a date text whose day and month cannot be told apart:
 * "03/04/2024" is 3 April or March 4. Such cells are NaN for parseDate, and
 * the error should say why.
 */
export function isAmbiguousDate(cell: Cell): boolean {
  return typeof cell === 'string' && scanDateText(cell) === AMBIGUOUS;
}

/** The value of the digits readDigits last read. */
let runValue = 0;

/** Counts up to 9 ASCII or full-width digits at i and leaves their value in runValue. */
function readDigits(s: string, i: number, end: number): number {
  let value = 0;
  let length = 0;
  while (i + length < end && length < 9) {
    const d = foldCode(s.charCodeAt(i + length)) - ZERO;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
    length++;
  }
  runValue = value;
  return length;
}

function skipSpaces(s: string, i: number, end: number): number {
  while (i < end && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/** A serial > 0, NOT_A_DATE or AMBIGUOUS. */
function scanDateText(s: string): number {
  let end = s.length;
  let i = skipSpaces(s, 0, end);
  while (end > i && isSpaceCode(s.charCodeAt(end - 1))) end--;
  if (end - i > 64) return NOT_A_DATE;

  const aLength = readDigits(s, i, end);
  const a = runValue;
  i += aLength;
  if (aLength === 8 && i === end) {
    return toSerial(Math.floor(a / 10000), Math.floor(a / 100) % 100, a % 100);
  }
  if (aLength === 0 || aLength > 4 || aLength === 3 || i === end) return NOT_A_DATE;

  const sep = foldCode(s.charCodeAt(i));
  const cjk = sep === NIAN;
  if (!cjk && sep !== MINUS && sep !== SLASH && sep !== DOT) return NOT_A_DATE;
  if (cjk && aLength !== 4) return NOT_A_DATE;
  i++;
  if (cjk) i = skipSpaces(s, i, end);

  const bLength = readDigits(s, i, end);
  const b = runValue;
  i += bLength;
  if (bLength === 0 || bLength > 2 || i === end) return NOT_A_DATE;

  if (cjk) i = skipSpaces(s, i, end);
  const sep2 = foldCode(s.charCodeAt(i));
  if (sep2 !== (cjk ? YUE : sep)) return NOT_A_DATE;
  i++;
  if (cjk) i = skipSpaces(s, i, end);

  const cLength = readDigits(s, i, end);
  const c = runValue;
  i += cLength;
  if (cjk && i < end) {
    const day = s.charCodeAt(i);
    if (day === RI || day === HAO) i++;
  }
  if (i < end && !isTimeTail(s, i, end)) return NOT_A_DATE;

  if (aLength === 4) {
    if (cLength === 0 || cLength > 2) return NOT_A_DATE;
    return toSerial(a, b, c);
  }
  // Day and month first, then a 4-digit year.
  if (cLength !== 4) return NOT_A_DATE;
  if (a > 12 && b <= 12) return toSerial(c, b, a);
  if (b > 12 && a <= 12) return toSerial(c, a, b);
  if (a > 12 || b > 12 || a === 0 || b === 0) return NOT_A_DATE;
  return a === b ? toSerial(c, a, b) : AMBIGUOUS;
}

function toSerial(year: number, month: number, day: number): number {
  const serial = isoDateToSerial(year, month, day);
  return Number.isNaN(serial) ? NOT_A_DATE : serial;
}

/**
 * A time after a date: ('T' | spaces) H[H]:MM[:SS[.fff]] [AM|PM] [Z | ±HH[:]MM].
 * Checked for sense (hour <= 23, or 1..12 with AM/PM; minutes and seconds <= 59).
 */
function isTimeTail(s: string, i: number, end: number): boolean {
  const first = foldCode(s.charCodeAt(i));
  if ((first | 0x20) === 0x74) i++;
  else if (isSpaceCode(first)) i = skipSpaces(s, i, end);
  else return false;

  let n = readDigits(s, i, end);
  const hour = runValue;
  i += n;
  if (n === 0 || n > 2 || i === end || foldCode(s.charCodeAt(i)) !== COLON) return false;
  n = readDigits(s, i + 1, end);
  i += 1 + n;
  if (n !== 2 || runValue > 59) return false;
  if (i < end && foldCode(s.charCodeAt(i)) === COLON) {
    n = readDigits(s, i + 1, end);
    i += 1 + n;
    if (n !== 2 || runValue > 59) return false;
    if (i < end && foldCode(s.charCodeAt(i)) === DOT) {
      n = readDigits(s, i + 1, end);
      i += 1 + n;
      if (n === 0) return false;
    }
  }
  let j = skipSpaces(s, i, end);
  if (j + 2 <= end && (lowerLetter(s, j) === 0x61 || lowerLetter(s, j) === 0x70) && lowerLetter(s, j + 1) === 0x6d) {
    if (hour < 1 || hour > 12) return false;
    j += 2;
  } else if (hour > 23) {
    return false;
  }
  i = skipSpaces(s, j, end);
  if (i === end) return true;
  const zone = foldCode(s.charCodeAt(i));
  if ((zone | 0x20) === 0x7a) return i + 1 === end;
  if (zone !== PLUS && zone !== MINUS) return false;
  n = readDigits(s, i + 1, end);
  j = i + 1 + n;
  if (n === 4) return j === end && runValue % 100 <= 59 && runValue <= 1400;
  if (n !== 2 || runValue > 14) return false;
  if (j === end) return true;
  if (foldCode(s.charCodeAt(j)) !== COLON) return false;
  n = readDigits(s, j + 1, end);
  return n === 2 && runValue <= 59 && j + 1 + n === end;
}
