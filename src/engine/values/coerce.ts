/**
 * Reading cells as numbers, booleans, dates and keys: what Excel, ExcelJS and
 * CSV files really hold ("12,000", "1.2万", "¥8,000", "85%", "是", "2024年3月15日").
 * Every function here is total: it never throws on any cell, it answers
 * NaN / -1 / undefined instead, and the caller turns that into a GradeError.
 * parseNumber runs per cell on million-row batches, so it scans char codes by
 * hand: no regular expression and no allocation on the common paths.
 */
import type { Cell, CellErrorValue } from './cell';
import { EXCEL_ERRORS } from './cell';
import { dateToSerial, isoDateToSerial, MAX_DATE_SERIAL, utcIsoDate } from './dates';

export { isoDateToSerial, serialToIsoDate } from './dates';

// ---------------------------------------------------------------------------
// Characters

/**
 * Whitespace as String.prototype.trim sees it (ASCII, NBSP, U+3000
 * ideographic space, the U+2000 spaces, line separators, BOM), plus U+200B
 * zero-width space, which CSV exports carry around invisible.
 */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f
  );
}

/**
 * Folds one char code the way NFKC folds it where numbers care: full-width
 * ASCII (U+FF01..U+FF5E) to ASCII, ￥ to ¥, ￡ to £; also U+2212 minus to '-'.
 */
function foldCode(c: number): number {
  if (c < 0x2212) return c;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0xffe5) return 0xa5;
  if (c === 0xffe1) return 0xa3;
  if (c === 0x2212) return 0x2d;
  return c;
}

const APOSTROPHE = 0x27;
const LEFT_PAREN = 0x28;
const RIGHT_PAREN = 0x29;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const ZERO = 0x30;
const COLON = 0x3a;
const PERCENT = 0x25;
const DOLLAR = 0x24;
const HASH = 0x23;
const POUND = 0xa3;
const YEN = 0xa5;
const NBSP = 0xa0;
const RIGHT_QUOTE = 0x2019;
const THIN_SPACE = 0x2009;
const NARROW_NBSP = 0x202f;
const EURO = 0x20ac;
const WAN = 0x4e07; // 万
const WAN_TRADITIONAL = 0x842c; // 萬
const YI = 0x4ebf; // 亿
const YI_TRADITIONAL = 0x5104; // 億
const QIAN = 0x5343; // 千
const YUAN = 0x5143; // 元
const NIAN = 0x5e74; // 年
const YUE = 0x6708; // 月
const RI = 0x65e5; // 日
const HAO = 0x53f7; // 号

function isCurrencySymbol(c: number): boolean {
  return c === DOLLAR || c === YEN || c === EURO || c === POUND;
}

/** Separators allowed between digit groups of 3 (never the ASCII space, see parseNumber). */
function isGroupSeparator(c: number): boolean {
  return c === COMMA || c === APOSTROPHE || c === RIGHT_QUOTE || c === NBSP || c === THIN_SPACE || c === NARROW_NBSP;
}

function lowerLetter(s: string, i: number): number {
  return foldCode(s.charCodeAt(i)) | 0x20;
}

/** Length of the currency word (RMB, CNY, USD; any case, full-width too) at i, or 0. */
function currencyWordAt(s: string, i: number, end: number): number {
  if (i + 3 > end) return 0;
  const a = lowerLetter(s, i);
  const b = lowerLetter(s, i + 1);
  const c = lowerLetter(s, i + 2);
  // 'r','m','b' / 'c','n','y' / 'u','s','d'
  if (
    (a === 0x72 && b === 0x6d && c === 0x62) ||
    (a === 0x63 && b === 0x6e && c === 0x79) ||
    (a === 0x75 && b === 0x73 && c === 0x64)
  ) {
    return 3;
  }
  return 0;
}

/** Power of ten of a magnitude suffix at i (万 4, 亿 8, 万亿 12, 千 3, k 3), with its length; 0 when none. */
function magnitudeAt(s: string, i: number, end: number): { power: number; length: number } | undefined {
  const c = foldCode(s.charCodeAt(i));
  if (c === WAN || c === WAN_TRADITIONAL) {
    const next = i + 1 < end ? s.charCodeAt(i + 1) : 0;
    return next === YI || next === YI_TRADITIONAL ? MAGNITUDE_TRILLION : MAGNITUDE_WAN;
  }
  if (c === YI || c === YI_TRADITIONAL) return MAGNITUDE_YI;
  if (c === QIAN || (c | 0x20) === 0x6b) return MAGNITUDE_THOUSAND;
  return undefined;
}

const MAGNITUDE_THOUSAND = { power: 3, length: 1 };
const MAGNITUDE_WAN = { power: 4, length: 1 };
const MAGNITUDE_YI = { power: 8, length: 1 };
const MAGNITUDE_TRILLION = { power: 12, length: 2 };

// ---------------------------------------------------------------------------
// Blank and error cells

/**
 * Whether a cell is empty: null, undefined, '' or only whitespace (including
 * NBSP, the full-width space U+3000 and zero-width space). A number, boolean,
 * Date or error value is never blank.
 */
export function isBlank(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  for (let i = 0; i < cell.length; i++) {
    if (!isSpaceCode(cell.charCodeAt(i))) return false;
  }
  return true;
}

const ERROR_CODES: ReadonlyMap<string, string> = new Map(EXCEL_ERRORS.map((code) => [code, code]));

/**
 * The Excel error code a cell holds, or undefined. `{ error }` objects (as
 * ExcelJS gives them) always count: a known code comes back in Excel's
 * spelling, another text trimmed as given, a missing or empty one as
 * '#VALUE!'. A string counts only when, trimmed, it is exactly one of
 * EXCEL_ERRORS, ignoring case and full width ("#n/a", "＃Ｎ／Ａ" -> "#N/A").
 */
export function cellErrorCode(cell: Cell): string | undefined {
  if (typeof cell === 'string') {
    let i = 0;
    while (i < cell.length && isSpaceCode(cell.charCodeAt(i))) i++;
    const first = cell.charCodeAt(i);
    if (first !== HASH && first !== 0xff03) return undefined;
    return ERROR_CODES.get(foldText(cell).toUpperCase());
  }
  if (typeof cell !== 'object' || cell === null || cell instanceof Date) return undefined;
  if (!('error' in cell)) return undefined;
  const error: unknown = (cell as CellErrorValue).error;
  if (typeof error !== 'string') return '#VALUE!';
  const text = foldText(error);
  return ERROR_CODES.get(text.toUpperCase()) ?? (text === '' ? '#VALUE!' : text);
}

/** Trim and NFKC (only when the text is not plain ASCII). */
function foldText(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7e) return text.normalize('NFKC').trim();
  }
  return text.trim();
}

// ---------------------------------------------------------------------------
// Numbers

const POW10: readonly number[] = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];

/** Significant digits gathered into an integer before falling back to Number(); 10^15 < 2^53. */
const MAX_FAST_DIGITS = 15;

/**
 * A cell read as a number; NaN when it is not one. Blank, error, boolean and
 * Date cells are NaN (booleans and dates are not amounts; read dates with
 * parseDate); so are NaN and ±Infinity numbers.
 *
 * Text accepted (surrounding whitespace ignored; full-width characters and
 * U+2212 minus read as ASCII):
 * - sign: "+5", "-5", "−5"; accounting negatives "(1,200)" = -1200.
 * - digits with an optional '.' decimal point (".5" and "5." too) and an
 *   optional exponent "1e5", "1.5E-3".
 * - thousands separators ',' (also '，'), "'" or '’', NBSP, thin or narrow NBSP
 *   space, only grouped in threes and one kind per number: "1,234,567" yes;
 *   "12,34" and "1,2345" no, since a comma there may be a decimal comma
 *   ("12,34" = 12.34 in much of Europe), and a wrong guess would be silent.
 *   The ASCII space is not a group separator ("1 000" is NaN): in a typed cell
 *   it more often joins two values by mistake.
 * - one currency, before or after the number: ¥ ￥ $ € £, RMB CNY USD (any
 *   case), and 元 after it: "¥8,000", "$ 5", "100元", "RMB1,000", "-¥5", "¥-5".
 * - one magnitude after the number: 千 and k/K = 10^3, 万/萬 = 10^4, 亿/億 =
 *   10^8, 万亿 = 10^12, optionally followed by the currency: "1.2万",
 *   "3亿元", "¥1.2万", "2.5k". 'M', 'm', "mn", "bn" and the colloquial 'w'
 *   (万) are NOT read: "5M" may mean million, mega- or nothing, and m is also
 *   milli-; those cells become errors the user can see and fix.
 * - percent: "85%" and "85 %" = 0.85 (no currency or magnitude with it).
 *
 * Rejected, among others: "", "¥", "--5", "(-5)", "1.2.3", "3O" (letter O),
 * "0x10", "Infinity", "NaN", "5万k", "¥5元", "5万%", "100-" (trailing
 * minus), "1.234,5" (decimal comma). Text that overflows to ±Infinity
 * ("1e400") is NaN.
 *
 * Values are exact as decimal text: "1.2万" is 12000 exactly, and
 * parseNumber(String(x)) === x for every finite double x.
 */
export function parseNumber(cell: Cell): number {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : NaN;
  if (typeof cell === 'string') return parseNumberText(cell);
  return NaN;
}

function parseNumberText(s: string): number {
  let i = 0;
  let end = s.length;
  while (i < end && isSpaceCode(s.charCodeAt(i))) i++;
  while (end > i && isSpaceCode(s.charCodeAt(end - 1))) end--;
  if (i === end) return NaN;

  // Prefix: at most one sign or one '(' and at most one currency, in any order.
  let negative = false;
  let signed = false;
  let paren = 0; // 0 none, 1 open, 2 closed
  let currency = false;
  for (;;) {
    const c = foldCode(s.charCodeAt(i));
    if (c === PLUS || c === MINUS) {
      if (signed || paren !== 0) return NaN;
      signed = true;
      negative = c === MINUS;
      i++;
    } else if (c === LEFT_PAREN) {
      if (signed || paren !== 0) return NaN;
      paren = 1;
      negative = true;
      i++;
    } else if (isCurrencySymbol(c)) {
      if (currency) return NaN;
      currency = true;
      i++;
    } else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) {
      const length = currencyWordAt(s, i, end);
      if (length === 0 || currency) return NaN;
      currency = true;
      i += length;
    } else {
      break;
    }
    while (i < end && isSpaceCode(s.charCodeAt(i))) i++;
    if (i === end) return NaN;
  }

  // Mantissa: integer part with optional groups of three, optional fraction.
  const bodyStart = i;
  let mantissa = 0;
  let significant = 0;
  let overflow = false;
  let scale = 0;
  let intDigits = 0;
  let groupSeparator = 0;
  let groupLength = 0;
  while (i < end) {
    const c = foldCode(s.charCodeAt(i));
    const d = c - ZERO;
    if (d >= 0 && d <= 9) {
      intDigits++;
      groupLength++;
      if (significant < MAX_FAST_DIGITS) {
        if (mantissa !== 0 || d !== 0) {
          mantissa = mantissa * 10 + d;
          significant++;
        }
      } else {
        overflow = true;
      }
      i++;
    } else if (isGroupSeparator(c) && i + 1 < end && isDigitCode(foldCode(s.charCodeAt(i + 1)))) {
      if (groupSeparator === 0) {
        if (intDigits > 3) return NaN;
        groupSeparator = c;
      } else if (c !== groupSeparator || groupLength !== 3) {
        return NaN;
      }
      groupLength = 0;
      i++;
    } else {
      break;
    }
  }
  if (groupSeparator !== 0 && groupLength !== 3) return NaN;
  let fracDigits = 0;
  if (i < end && foldCode(s.charCodeAt(i)) === DOT) {
    i++;
    while (i < end) {
      const d = foldCode(s.charCodeAt(i)) - ZERO;
      if (d < 0 || d > 9) break;
      fracDigits++;
      if (significant < MAX_FAST_DIGITS) {
        scale++;
        if (mantissa !== 0 || d !== 0) {
          mantissa = mantissa * 10 + d;
          significant++;
        }
      } else {
        overflow = true;
      }
      i++;
    }
  }
  if (intDigits + fracDigits === 0) return NaN;
  const bodyEnd = i;

  let exponent = 0;
  let hasExponent = false;
  if (i < end && (foldCode(s.charCodeAt(i)) | 0x20) === 0x65) {
    let j = i + 1;
    let expNegative = false;
    const sign = j < end ? foldCode(s.charCodeAt(j)) : 0;
    if (sign === PLUS || sign === MINUS) {
      expNegative = sign === MINUS;
      j++;
    }
    if (j === end || !isDigitCode(foldCode(s.charCodeAt(j)))) return NaN;
    while (j < end) {
      const d = foldCode(s.charCodeAt(j)) - ZERO;
      if (d < 0 || d > 9) break;
      if (exponent < 100_000) exponent = exponent * 10 + d;
      j++;
    }
    if (expNegative) exponent = -exponent;
    hasExponent = true;
    i = j;
  }

  // Suffix: magnitude, then currency; or percent alone; ')' closes a '('.
  let magnitude = 0;
  let hasMagnitude = false;
  let percent = false;
  let suffixCurrency = false;
  while (i < end) {
    const raw = s.charCodeAt(i);
    if (isSpaceCode(raw)) {
      i++;
      continue;
    }
    const c = foldCode(raw);
    if (c === RIGHT_PAREN) {
      if (paren !== 1) return NaN;
      paren = 2;
      i++;
      continue;
    }
    if (c === PERCENT) {
      if (percent || hasMagnitude || currency || hasExponent || paren === 2) return NaN;
      percent = true;
      i++;
      continue;
    }
    const mag = magnitudeAt(s, i, end);
    if (mag !== undefined) {
      if (hasMagnitude || percent || hasExponent || suffixCurrency || paren === 2) return NaN;
      hasMagnitude = true;
      magnitude = mag.power;
      i += mag.length;
      continue;
    }
    let length = 0;
    if (isCurrencySymbol(c) || c === YUAN) length = 1;
    else length = currencyWordAt(s, i, end);
    if (length === 0 || currency || percent) return NaN;
    currency = true;
    suffixCurrency = true;
    i += length;
  }
  if (paren === 1) return NaN;

  const power = exponent + magnitude - (percent ? 2 : 0);
  let value: number;
  if (overflow) {
    value = slowDecimal(s, bodyStart, bodyEnd, power - fracDigits);
  } else if (mantissa === 0) {
    value = 0;
  } else {
    const p = power - scale;
    if (p >= 0) value = p <= 22 ? mantissa * (POW10[p] as number) : Number(`${mantissa}e${p}`);
    else value = p >= -22 ? mantissa / (POW10[-p] as number) : Number(`${mantissa}e${p}`);
  }
  if (!Number.isFinite(value)) return NaN;
  return negative ? -value : value;
}

function isDigitCode(c: number): boolean {
  return c >= ZERO && c <= ZERO + 9;
}

/** More than 15 significant digits: let Number() round the full digit string correctly. */
function slowDecimal(s: string, start: number, end: number, power: number): number {
  let digits = '';
  for (let i = start; i < end; i++) {
    const c = foldCode(s.charCodeAt(i));
    if (isDigitCode(c)) digits += String.fromCharCode(c);
  }
  return Number(`${digits}e${power}`);
}

// ---------------------------------------------------------------------------
// Booleans

/** The texts parseBoolean reads as yes and as no (after normalisation); the SQL export reuses them. */
export const TRUE_TEXTS = ['true', 't', 'yes', 'y', '1', '是', '对', '有', '真', '已', '✓', '✔', '√', '☑'];
export const FALSE_TEXTS = ['false', 'f', 'no', 'n', '0', '否', '错', '無', '无', '假', '未', '✗', '✘', '×', '☐'];

const BOOLEAN_TEXTS: ReadonlyMap<string, 1 | 0> = (() => {
  const map = new Map<string, 1 | 0>();
  const add = (texts: string[], value: 1 | 0): void => {
    for (const text of texts) {
      // Exact spellings seen in files, so the common cells hit without normalising.
      for (const variant of [text, text.toUpperCase(), text.charAt(0).toUpperCase() + text.slice(1)]) {
        map.set(variant, value);
      }
    }
  };
  add(TRUE_TEXTS, 1);
  add(FALSE_TEXTS, 0);
  return map;
})();

/** Longer texts cannot be one of BOOLEAN_TEXTS even with padding worth normalising. */
const MAX_BOOLEAN_TEXT = 32;

/**
 * A cell read as a boolean: 1 true, 0 false, -1 not a boolean (blank cells
 * too: check isBlank first).
 * - true/false; the numbers 1 and 0 (other numbers are -1).
 * - text, trimmed, any case, full-width folded:
 *   true: TRUE, T, yes, Y, 1, 是, 对, 有, 真, 已, ✓ ✔ √ ☑;
 *   false: FALSE, F, no, N, 0, 否, 错, 无/無, 假, 未, ✗ ✘ ×, ☐.
 * Decisions: T/F are read (PostgreSQL and many exports print booleans as
 * t/f). 已/未 ("done"/"not yet") are read: in status columns such as 回款 they
 * are the whole cell. The letter x/X is NOT read: in paper-style forms it
 * marks a checked box (true), while in Chinese usage × means wrong (false);
 * either guess would be silently wrong half the time, so it is an error. ☒
 * is not read for the same reason.
 */
export function parseBoolean(cell: Cell): 1 | 0 | -1 {
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (typeof cell === 'number') return cell === 1 ? 1 : cell === 0 ? 0 : -1;
  if (typeof cell !== 'string') return -1;
  const exact = BOOLEAN_TEXTS.get(cell);
  if (exact !== undefined) return exact;
  if (cell.length > MAX_BOOLEAN_TEXT) return -1;
  return BOOLEAN_TEXTS.get(foldText(cell).toLowerCase()) ?? -1;
}

// ---------------------------------------------------------------------------
// Dates

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

// ---------------------------------------------------------------------------
// Keys

/**
 * The form under which headers, aliases and category values are compared.
 * Folds, in this order:
 * 1. NFKC: full-width to half-width ("Ｓａｌｅｓ" -> "Sales", "（" -> "("),
 *    compatibility forms ("ℌ" -> "H", "①" -> "1");
 * 2. lower case (String.prototype.toLowerCase, locale-independent);
 * 3. removes all whitespace (any Unicode space, U+3000 too), zero-width
 *    characters (U+200B..U+200D, BOM) and '_';
 * 4. removes '-' and the dashes U+2010..U+2015 between two letters or digits,
 *    except between two digits.
 * So "Monthly Sales", "monthly_sales", "monthly-sales", "MonthlySales" are all
 * "monthlysales", and "回款 天数" is "回款天数". Kept on purpose: a dash
 * between digits ("3-5年" is not "35年"), a dash at either end or beside
 * punctuation ("A-" is a credit grade, not "A"), and every other punctuation
 * ('.', '/', '+', '(' ...), since "1.5" is not "15".
 * Callers that normalise per cell should cache by the raw text.
 */
export function normalizeKey(text: string): string {
  let folded = text;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7e) {
      folded = text.normalize('NFKC');
      break;
    }
  }
  folded = folded.toLowerCase();

  let squeezed = '';
  let start = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (isSpaceCode(c) || c === 0x5f || c === 0x200c || c === 0x200d) {
      squeezed += folded.slice(start, i);
      start = i + 1;
    }
  }
  squeezed = start === 0 ? folded : squeezed + folded.slice(start);

  let out = '';
  start = 0;
  for (let i = 1; i < squeezed.length - 1; i++) {
    const c = squeezed.charCodeAt(i);
    if (c !== MINUS && !(c >= 0x2010 && c <= 0x2015)) continue;
    const before = squeezed.charAt(i - 1);
    const after = squeezed.charAt(i + 1);
    if (!WORD_CHAR.test(before) || !WORD_CHAR.test(after)) continue;
    if (isDigitCode(before.charCodeAt(0)) && isDigitCode(after.charCodeAt(0))) continue;
    out += squeezed.slice(start, i);
    start = i + 1;
  }
  return start === 0 ? squeezed : out + squeezed.slice(start);
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

// ---------------------------------------------------------------------------
// Display

/** How many characters of a text cell displayCell keeps before the ellipsis. */
export const DISPLAY_TEXT_LIMIT = 60;

/**
 * How a cell is quoted in error messages and explanations:
 * - text as given, line breaks and tabs shown as spaces, cut after 60
 *   characters with "…" (never inside a surrogate pair);
 * - numbers as plain decimals up to 15 significant digits, as Excel shows
 *   them: no exponent and no binary noise (0.1 + 0.2 -> "0.3", 1e21 ->
 *   "1000000000000000000000"); NaN and ±Infinity as String() gives them;
 * - booleans TRUE/FALSE; Dates as their UTC ISO day "2024-03-15" ('' when
 *   invalid); error values as their code; blank (null/undefined) as ''.
 */
export function displayCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  switch (typeof cell) {
    case 'string':
      return displayText(cell);
    case 'number':
      return displayNumber(cell);
    case 'boolean':
      return cell ? 'TRUE' : 'FALSE';
    default:
      if (cell instanceof Date) return utcIsoDate(cell);
      return cellErrorCode(cell) ?? '';
  }
}

function displayText(text: string): string {
  let shown = text;
  if (shown.length > DISPLAY_TEXT_LIMIT) {
    let cut = DISPLAY_TEXT_LIMIT;
    const last = shown.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut--;
    shown = `${shown.slice(0, cut)}…`;
  }
  return shown.replace(LINE_BREAKS, ' ');
}

const LINE_BREAKS = /[\r\n\t\u2028\u2029]+/g;

function displayNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const rounded = Number(n.toPrecision(15));
  // Near Number.MAX_VALUE the rounding overflows: show the double as it is.
  const text = String(Number.isFinite(rounded) ? rounded : n);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const negative = text.charCodeAt(0) === MINUS;
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const digits = mantissa.replace('.', '');
  const point = (mantissa.indexOf('.') < 0 ? mantissa.length : mantissa.indexOf('.')) + exponent;
  let plain: string;
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${plain}` : plain;
}
