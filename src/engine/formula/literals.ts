/**
 * Literals of Excel formulas that every Excel since 2019, LibreOffice and
 * HyperFormula read to the same value.
 */

/** Excel's limit on one string literal in a formula. */
const MAX_STRING_LITERAL = 255;

/** Excel keeps 15 significant digits of a number typed into a formula. */
const EXCEL_DIGITS = 15;

/**
 * A string literal. Quotes and backslashes inside are CHAR(34) and CHAR(92)
 * (HyperFormula reads neither doubled quotes nor a backslash before a
 * quote); texts longer than Excel's 255 per literal are joined from pieces.
 */
export function excelString(text: string): string {
  if (text === '') return '""';
  const pieces: string[] = [];
  for (const part of text.split(/(["\\])/)) {
    if (part === '"' || part === '\\') pieces.push(`CHAR(${part.charCodeAt(0)})`);
    else
      for (let i = 0; i < part.length; i += MAX_STRING_LITERAL)
        pieces.push(`"${part.slice(i, i + MAX_STRING_LITERAL)}"`);
  }
  return pieces.length === 1 ? pieces[0]! : `(${pieces.join('&')})`;
}

/**
 * An expression for exactly the double x. Up to 15 significant digits it is
 * the number itself (lower-case e, which HyperFormula also reads); beyond,
 * Excel would drop digits, so x is built from its binary form:
 * (hi*2^26+lo)*2^e, each part exact. Undefined for values Excel does not
 * hold (subnormals, infinities, NaN).
 */
export function excelNumber(x: number): string | undefined {
  if (!Number.isFinite(x)) return undefined;
  if (x === 0) return '0';
  if (Math.abs(x) < 2 ** -1022) return undefined;
  const text = String(x);
  if (significantDigits(text) <= EXCEL_DIGITS) return text;
  let e = Math.floor(Math.log2(Math.abs(x))) - 52;
  let m = Math.abs(x) / 2 ** e;
  // log2 may be off by one at the edges: bring m into [2^52, 2^53).
  while (m >= 2 ** 53) {
    e++;
    m = Math.abs(x) / 2 ** e;
  }
  while (m < 2 ** 52) {
    e--;
    m = Math.abs(x) / 2 ** e;
  }
  const hi = Math.floor(m / 2 ** 26);
  const lo = m - hi * 2 ** 26;
  const built = `(${hi}*67108864+${lo})*2^${e}`;
  return x < 0 ? `(-${built})` : `(${built})`;
}

function significantDigits(text: string): number {
  const mantissa = text.replace(/^-/, '').split('e')[0]!.replace('.', '');
  return mantissa.replace(/^0+/, '').length;
}
