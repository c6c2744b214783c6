/**
 * Character codes and classes shared by the cell readers (numbers, dates, keys): spaces, full-width
 * folding, currency symbols and words, magnitude suffixes (万, 亿, 千, k).
 */

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
export function foldCode(c: number): number {
  if (c < 0x2212) return c;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0xffe5) return 0xa5;
  if (c === 0xffe1) return 0xa3;
  if (c === 0x2212) return 0x2d;
  return c;
}

export const APOSTROPHE = 0x27;
export const LEFT_PAREN = 0x28;
export const RIGHT_PAREN = 0x29;
export const PLUS = 0x2b;
export const COMMA = 0x2c;
export const MINUS = 0x2d;
export const DOT = 0x2e;
export const SLASH = 0x2f;
export const ZERO = 0x30;
export const COLON = 0x3a;
export const PERCENT = 0x25;
export const DOLLAR = 0x24;
export const HASH = 0x23;
export const POUND = 0xa3;
export const YEN = 0xa5;
export const NBSP = 0xa0;
export const RIGHT_QUOTE = 0x2019;
export const THIN_SPACE = 0x2009;
export const NARROW_NBSP = 0x202f;
export const EURO = 0x20ac;
export const WAN = 0x4e07; // 万
export const WAN_TRADITIONAL = 0x842c; // 萬
export const YI = 0x4ebf; // 亿
export const YI_TRADITIONAL = 0x5104; // 億
export const QIAN = 0x5343; // 千
export const YUAN = 0x5143; // 元
export const NIAN = 0x5e74; // 年
export const YUE = 0x6708; // 月
export const RI = 0x65e5; // 日
export const HAO = 0x53f7; // 号

export function isCurrencySymbol(c: number): boolean {
  return c === DOLLAR || c === YEN || c === EURO || c === POUND;
}

/** Separators allowed between digit groups of 3 (never the ASCII space, see parseNumber). */
export function isGroupSeparator(c: number): boolean {
  return c === COMMA || c === APOSTROPHE || c === RIGHT_QUOTE || c === NBSP || c === THIN_SPACE || c === NARROW_NBSP;
}

export function lowerLetter(s: string, i: number): number {
  return foldCode(s.charCodeAt(i)) | 0x20;
}

/** Length of the currency word (RMB, CNY, USD; any case, full-width too) at i, or 0. */
export function currencyWordAt(s: string, i: number, end: number): number {
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
export function magnitudeAt(s: string, i: number, end: number): { power: number; length: number } | undefined {
  const c = foldCode(s.charCodeAt(i));
  if (c === WAN || c === WAN_TRADITIONAL) {
    const next = i + 1 < end ? s.charCodeAt(i + 1) : 0;
    return next === YI || next === YI_TRADITIONAL ? MAGNITUDE_TRILLION : MAGNITUDE_WAN;
  }
  if (c === YI || c === YI_TRADITIONAL) return MAGNITUDE_YI;
  if (c === QIAN || (c | 0x20) === 0x6b) return MAGNITUDE_THOUSAND;
  return undefined;
}

export const MAGNITUDE_THOUSAND = { power: 3, length: 1 };
export const MAGNITUDE_WAN = { power: 4, length: 1 };
export const MAGNITUDE_YI = { power: 8, length: 1 };
export const MAGNITUDE_TRILLION = { power: 12, length: 2 };

export function isDigitCode(c: number): boolean {
  return c >= ZERO && c <= ZERO + 9;
}
