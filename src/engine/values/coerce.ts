/**
 * Reading cells as numbers, booleans, dates and keys: what Excel, ExcelJS and
 * CSV files really hold ("12,000", "1.2万", "¥8,000", "85%", "是", "2024年3月15日").
 * Every function here is total: it never throws on any cell, it answers
 * NaN / -1 / undefined instead, and the caller turns that into a GradeError.
 * Numbers are read in number-text.ts and dates in date-text.ts (re-exported
 * here); this module holds blanks, errors, booleans, keys and display text.
 */
import type { Cell, CellErrorValue } from './cell';
import { EXCEL_ERRORS } from './cell';
import { HASH, isDigitCode, isSpaceCode, MINUS } from './characters';
import { utcIsoDate } from './dates';

export { isSpaceCode } from './characters';
export { isAmbiguousDate, parseDate } from './date-text';
export { isoDateToSerial, serialToIsoDate } from './dates';
export { parseNumber } from './number-text';

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
