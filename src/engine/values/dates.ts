/**
 * Calendar arithmetic in Excel's 1900 date system. Serial 1 is 1900-01-01,
 * serial 2958465 is 9999-12-31.
 *
 * Excel's 1900 leap-year bug (kept from Lotus 1-2-3): Excel treats 1900 as a
 * leap year, so serial 60 is the fictitious 1900-02-29 and serial 61 is
 * 1900-03-01. From serial 61 on, serial = days since 1899-12-30; below 60,
 * serial = days since 1899-12-31, one less than a true day count would give.
 * These functions follow Excel: serial 60 <-> "1900-02-29".
 */

/** The first and last day Excel's 1900 date system can hold. */
export const MIN_DATE_SERIAL = 1;
export const MAX_DATE_SERIAL = 2958465;

/** The serial of Excel's fictitious 1900-02-29. */
export const FICTITIOUS_LEAP_DAY_SERIAL = 60;

const MS_PER_DAY = 86_400_000;
/** Days from 1970-01-01 back to 1899-12-30, the epoch of serials from 61 on. */
const EPOCH_OFFSET = 25_569;

/** Days in a month of the proleptic Gregorian calendar; month 1-12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The Excel serial of a calendar day, or NaN when the day does not exist
 * (2023-02-29, month 13) or lies outside 1900-01-01..9999-12-31.
 * `isoDateToSerial(1900, 2, 29)` is 60, as in Excel (see the module note).
 */
export function isoDateToSerial(year: number, month: number, day: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return NaN;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return NaN;
  if (year === 1900 && month === 2 && day === 29) return FICTITIOUS_LEAP_DAY_SERIAL;
  if (day > daysInMonth(year, month)) return NaN;
  const unixDays = Date.UTC(year, month - 1, day) / MS_PER_DAY;
  const serial = unixDays + EPOCH_OFFSET;
  // Counted from 1899-12-30, 1900-02-28 would be 60; before the fictitious day Excel is one lower.
  return serial <= FICTITIOUS_LEAP_DAY_SERIAL ? serial - 1 : serial;
}

/**
 * The ISO calendar date ("2024-03-15") of an Excel serial; a fractional
 * serial's time part is dropped. Serial 60 gives "1900-02-29" as Excel shows
 * it. Returns '' for serials outside 1..2958465 (and NaN/Infinity) rather than
 * throwing: it is called on data while a batch runs.
 */
export function serialToIsoDate(serial: number): string {
  if (!(serial >= MIN_DATE_SERIAL && serial < MAX_DATE_SERIAL + 1)) return '';
  const whole = Math.floor(serial);
  if (whole === FICTITIOUS_LEAP_DAY_SERIAL) return '1900-02-29';
  const unixDays = (whole < FICTITIOUS_LEAP_DAY_SERIAL ? whole + 1 : whole) - EPOCH_OFFSET;
  return utcIsoDate(new Date(unixDays * MS_PER_DAY));
}

/** "YYYY-MM-DD" from a Date's UTC fields; '' for an invalid Date. */
export function utcIsoDate(date: Date): string {
  const year = date.getUTCFullYear();
  if (Number.isNaN(year)) return '';
  const y = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : String(year);
  return `${y}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** The Excel serial of a Date's UTC calendar day (the time is dropped); NaN outside Excel's range. */
export function dateToSerial(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) return NaN;
  return isoDateToSerial(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
