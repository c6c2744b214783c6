/**
 * Cell-level conventions of the sheet form: quoting free text so Excel keeps it
 * as text, ";"-separated lists, range notation, A1 addresses.
 */
import type { NumericRange } from '../model';
import { EXCEL_ERRORS, type Cell } from '../values/cell';
import { parseNumber } from '../values/coerce';

/** Blank as Excel and CSV give it: nothing, an empty string or only spaces. */
export function isBlankCell(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Keywords, ids and headings: full-width folded (NFKC), trimmed, inner spaces collapsed, lower case. */
export function normalizeWord(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Free text that Excel would not keep as typed gets a leading apostrophe
 * (Excel's own "this is text" prefix): text starting with ' = + - @ or a
 * digit, text that is only spaces, TRUE/FALSE and error texts such as #N/A. Parsing drops one leading
 * apostrophe from every text cell, so "'=SUM" reads back as "=SUM" whether the
 * apostrophe survived (an in-memory block) or Excel consumed it (a sheet).
 * Only text that itself starts with an apostrophe is lossy through Excel.
 */
export function quoteText(text: string): string {
  const needs =
    /^['=+\-@]/.test(text) ||
    (EXCEL_ERRORS as readonly string[]).includes(text.trim().toUpperCase()) ||
    /^\s*[$¥￥€]?\s*[\d.]/.test(text) ||
    text.trim() === '' ||
    /^\s*(true|false)\s*$/i.test(text);
  return needs ? `'${text}` : text;
}

/** The text of a text cell with one leading apostrophe removed; `quoted` says whether there was one. */
export function unquoteText(text: string): { text: string; quoted: boolean } {
  return text.startsWith("'") ? { text: text.slice(1), quoted: true } : { text, quoted: false };
}

/**
 * Lists in one cell: items separated by ";" (or full-width "；"), printed as
 * "a; b". A literal ";" / "；" / "\" inside an item is written "\;" / "\；" / "\\".
 * Items are trimmed.
 */
export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\;；]/g, (ch) => `\\${ch}`)).join('; ');
}

export function splitList(text: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length) {
      current += text[i + 1];
      i++;
    } else if (ch === ';' || ch === '；') {
      items.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current.trim());
  return items.filter((item) => item !== '');
}

const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;

/**
 * A number typed as text. Plain decimal / exponent forms are read exactly;
 * anything else ("20,000", "1.2万", "85%") goes through the engine's cell coercion.
 */
export function numberFromText(text: string): number {
  const t = text.normalize('NFKC').trim();
  if (PLAIN_NUMBER.test(t)) return Number(t);
  return parseNumber(t);
}

/** Shortest text that reads back as exactly the same number. */
export function numberText(value: number): string {
  return String(value);
}

/**
 * Prints a numeric range in the readable notation: "x >= 20000",
 * "10000 < x < 20000", "5000 < x <= 10000", "x <= 5000", "any" when unbounded.
 */
export function printRange(range: NumericRange): string {
  const lower =
    range.gte !== undefined
      ? { n: range.gte, op: '<=' }
      : range.gt !== undefined
        ? { n: range.gt, op: '<' }
        : undefined;
  const upper =
    range.lte !== undefined
      ? { n: range.lte, op: '<=' }
      : range.lt !== undefined
        ? { n: range.lt, op: '<' }
        : undefined;
  if (lower && upper) return `${numberText(lower.n)} ${lower.op} x ${upper.op} ${numberText(upper.n)}`;
  if (lower) return `x ${lower.op === '<=' ? '>=' : '>'} ${numberText(lower.n)}`;
  if (upper) return `x ${upper.op} ${numberText(upper.n)}`;
  return 'any';
}

type Op = '<' | '<=' | '>' | '>=' | '=';

function foldOperators(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[≥≧⩾]/g, '>=')
    .replace(/[≤≦⩽]/g, '<=')
    .replace(/=>/g, '>=')
    .replace(/=</g, '<=')
    .replace(/[−–]/g, '-')
    .trim();
}

function boundNumber(token: string): number | undefined {
  const n = numberFromText(token);
  return Number.isFinite(n) ? n : undefined;
}

const INFINITE = /^[-+]?(∞|inf|infinity|无穷|无穷大)?$/i;

function parseInterval(text: string): NumericRange | undefined {
  const m = /^([([])(.*)([)\]])$/.exec(text);
  if (!m) return undefined;
  const inner = m[2] as string;
  let parts = inner.split(/,\s+|;|~/);
  if (parts.length !== 2) parts = inner.split(',');
  if (parts.length !== 2) return undefined;
  const [lowText, highText] = parts.map((p) => p.trim()) as [string, string];
  const range: NumericRange = {};
  if (!INFINITE.test(lowText) || /\d/.test(lowText)) {
    const low = boundNumber(lowText);
    if (low === undefined) return undefined;
    if (m[1] === '[') range.gte = low;
    else range.gt = low;
  } else if (lowText.startsWith('+')) return undefined;
  if (!INFINITE.test(highText) || /\d/.test(highText)) {
    const high = boundNumber(highText);
    if (high === undefined) return undefined;
    if (m[3] === ']') range.lte = high;
    else range.lt = high;
  } else if (highText.startsWith('-')) return undefined;
  return range;
}

function setBound(range: NumericRange, op: Op, n: number): boolean {
  // op as in "x op n"
  switch (op) {
    case '>=':
      if (range.gt !== undefined || range.gte !== undefined) return false;
      range.gte = n;
      return true;
    case '>':
      if (range.gt !== undefined || range.gte !== undefined) return false;
      range.gt = n;
      return true;
    case '<=':
      if (range.lt !== undefined || range.lte !== undefined) return false;
      range.lte = n;
      return true;
    case '<':
      if (range.lt !== undefined || range.lte !== undefined) return false;
      range.lt = n;
      return true;
    case '=':
      return setBound(range, '>=', n) && setBound(range, '<=', n);
  }
}

const FLIP: Record<Op, Op> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' };

/**
 * Reads a range typed by a person: "x >= 20000", "10,000 < x < 20,000",
 * ">= 5000", "20000 > x >= 10000", "(5000, 10000]", "[20000, +∞)", "≥ 2万",
 * full-width forms. Undefined when the text is not a range.
 */
export function parseRange(input: string): NumericRange | undefined {
  const text = foldOperators(input);
  if (/^(any|all|\*|任意|全部)$/i.test(text)) return {};
  if (/^[([]/.test(text)) return parseInterval(text);
  const tokens = text.split(/(<=|>=|<|>|=)/).map((t) => t.trim());
  // tokens alternate: operand, op, operand, op, operand ...
  const operands = tokens.filter((_, i) => i % 2 === 0);
  const ops = tokens.filter((_, i) => i % 2 === 1) as Op[];
  const isVar = (t: string): boolean => /^[a-z_\p{L}][\w\p{L}]*$/iu.test(t) && boundNumber(t) === undefined;
  const range: NumericRange = {};
  if (ops.length === 1) {
    const [left, right] = operands as [string, string];
    const op = ops[0] as Op;
    if ((left === '' || isVar(left)) && right !== '') {
      const n = boundNumber(right);
      return n !== undefined && setBound(range, op, n) ? range : undefined;
    }
    if (isVar(right) && left !== '') {
      const n = boundNumber(left);
      return n !== undefined && setBound(range, FLIP[op], n) ? range : undefined;
    }
    return undefined;
  }
  if (ops.length === 2) {
    const [left, middle, right] = operands as [string, string, string];
    const [op1, op2] = ops as [Op, Op];
    const low = boundNumber(left);
    const high = boundNumber(right);
    if (!isVar(middle) || low === undefined || high === undefined || op1 === '=' || op2 === '=') return undefined;
    const ascending = op1.startsWith('<') && op2.startsWith('<');
    const descending = op1.startsWith('>') && op2.startsWith('>');
    if (!ascending && !descending) return undefined;
    if (!setBound(range, FLIP[op1], low) || !setBound(range, op2, high)) return undefined;
    return range;
  }
  return undefined;
}

/** Column letters of a 0-based column index: 0 -> A, 26 -> AA. */
export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "B12", or "Rules!B12" / "'My Rules'!B12" when a sheet name is given. */
export function cellAddress(row: number, column: number, sheet?: string): string {
  const a1 = `${columnLetters(column)}${row + 1}`;
  if (sheet === undefined || sheet === '') return a1;
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return plain ? `${sheet}!${a1}` : `'${sheet.replace(/'/g, "''")}'!${a1}`;
}
