/**
 * parseNumber: a cell read as a number the way a person wrote it ("12,000", "1.2万", "¥8,000", "85%").
 * It runs per cell on million-row batches, so it scans char codes by hand: no regular expression and
 * no allocation on the common paths.
 */
import type { Cell } from './cell';
import {
  DOT,
  LEFT_PAREN,
  MINUS,
  PERCENT,
  PLUS,
  RIGHT_PAREN,
  YUAN,
  ZERO,
  currencyWordAt,
  foldCode,
  isCurrencySymbol,
  isDigitCode,
  isGroupSeparator,
  isSpaceCode,
  magnitudeAt,
} from './characters';

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

/** More than 15 significant digits: let Number() round the full digit string correctly. */
function slowDecimal(s: string, start: number, end: number, power: number): number {
  let digits = '';
  for (let i = start; i < end; i++) {
    const c = foldCode(s.charCodeAt(i));
    if (isDigitCode(c)) digits += String.fromCharCode(c);
  }
  return Number(`${digits}e${power}`);
}
