/**
 * The cell-level reader of the sheet form: problems with the cell they are at,
 * the JSON path → cell map, and cell values read as text, numbers, booleans,
 * keywords, localized texts, lists and dates.
 */
import { fill } from '../../i18n';
import type { InputType, LocalizedText } from '../model';
import type { TableProblem, TableProblemCode } from '../errors';
import type { Cell } from '../values/cell';
import { parseBoolean, parseDate } from '../values/coerce';
import { sheetFormEnUS, type SheetFormMessageKey } from '../../i18n/sheet-form.en-US';
import type { SectionKey } from './layout';
import { cellAddress, isBlankCell, normalizeWord, numberFromText, splitList, unquoteText } from './text';

export interface SheetOrigin {
  sheet?: string;
  /** 0-based row of cells[0][0] on its sheet. */
  row: number;
  /** 0-based column of cells[0][0] on its sheet. */
  column: number;
}

const MAX_PROBLEMS = 200;

/** One data row of a section: its block row index and its cells by column key. */
export interface DataRow {
  index: number;
  cells: Cell[];
  columns: Map<string, number>;
}

export interface Section {
  key: SectionKey;
  index: number;
  header?: { index: number; cells: Cell[] };
  rows: DataRow[];
  /** Raw rows (for the matrix grid and breakpoints, which have no fixed columns). */
  raw: Array<{ index: number; cells: Cell[] }>;
}

export class Reader {
  readonly problems: TableProblem[] = [];
  readonly paths = new Map<string, string>();
  inputTypes = new Map<string, InputType>();

  constructor(
    readonly grid: Cell[][],
    readonly origin: SheetOrigin,
  ) {}

  addr(index: number, column: number): string {
    return cellAddress(this.origin.row + index, this.origin.column + column, this.origin.sheet);
  }

  at(path: string, index: number, column: number): void {
    if (!this.paths.has(path)) this.paths.set(path, this.addr(index, column));
  }

  problem(code: TableProblemCode, path: string, index: number, column: number, detail?: TableProblem['detail']): void {
    if (this.problems.length >= MAX_PROBLEMS) return;
    const problem: TableProblem = { code, path, cell: this.addr(index, column) };
    if (detail !== undefined) problem.detail = detail;
    this.problems.push(problem);
  }

  syntax(
    path: string,
    index: number,
    column: number,
    key: SheetFormMessageKey,
    params: Record<string, string | number> = {},
  ): void {
    const message = fill(sheetFormEnUS[key], params);
    this.problem('sheet-syntax', path, index, column, { message, key, ...params });
  }

  /** Text of a cell (numbers and booleans as Excel shows them), one leading apostrophe dropped. */
  text(cell: Cell, path: string, index: number, column: number): { text: string; quoted: boolean } | undefined {
    if (isBlankCell(cell)) return undefined;
    if (typeof cell === 'string') return unquoteText(cell);
    if (typeof cell === 'number') return { text: String(cell), quoted: false };
    if (typeof cell === 'boolean') return { text: cell ? 'TRUE' : 'FALSE', quoted: false };
    if (cell instanceof Date) return { text: cell.toISOString().slice(0, 10), quoted: false };
    if (cell && typeof cell === 'object' && 'error' in cell) {
      this.syntax(path, index, column, 'sheet.cell-error', { value: String(cell.error) });
      return undefined;
    }
    return undefined;
  }

  /** An id or keyword: full-width folded and trimmed. */
  word(cell: Cell, path: string, index: number, column: number): string | undefined {
    const t = this.text(typeof cell === 'string' ? cell.normalize('NFKC').trim() : cell, path, index, column);
    return t === undefined ? undefined : t.text.trim();
  }

  number(cell: Cell, path: string, index: number, column: number): number | undefined {
    if (isBlankCell(cell)) return undefined;
    let n = Number.NaN;
    if (typeof cell === 'number') n = cell;
    else if (typeof cell === 'string') n = numberFromText(unquoteText(cell).text);
    else if (cell && typeof cell === 'object' && 'error' in cell) {
      this.syntax(path, index, column, 'sheet.cell-error', { value: String(cell.error) });
      return undefined;
    }
    if (!Number.isFinite(n)) {
      this.problem('bad-number', path, index, column, { value: String(cell) });
      return undefined;
    }
    return n;
  }

  boolean(cell: Cell, path: string, index: number, column: number): boolean | undefined {
    if (isBlankCell(cell)) return undefined;
    if (typeof cell === 'boolean') return cell;
    const t = this.word(cell, path, index, column);
    if (t === undefined) return undefined;
    const b = booleanWord(t);
    if (b === undefined) this.syntax(path, index, column, 'sheet.bad-boolean', { value: t });
    return b;
  }

  keyword<K extends string>(
    cell: Cell,
    words: Record<K, readonly string[]>,
    path: string,
    index: number,
    column: number,
  ): K | undefined {
    const t = this.word(cell, path, index, column);
    if (t === undefined) return undefined;
    const norm = normalizeWord(t);
    for (const key of Object.keys(words) as K[]) {
      if (words[key].some((w) => normalizeWord(w) === norm)) return key;
    }
    this.syntax(path, index, column, 'sheet.bad-keyword', {
      text: t,
      allowed: (Object.keys(words) as K[]).map((k) => words[k][0]).join(', '),
    });
    return undefined;
  }

  localized(
    en: Cell,
    zh: Cell,
    path: string,
    index: number,
    enColumn: number,
    zhColumn: number,
  ): LocalizedText | undefined {
    const e = this.text(en, `${path}.en`, index, enColumn);
    const z = this.text(zh, `${path}.zh`, index, zhColumn);
    if (e === undefined && z === undefined) return undefined;
    this.at(path, index, enColumn);
    this.at(`${path}.en`, index, enColumn);
    this.at(`${path}.zh`, index, zhColumn);
    if (e === undefined) {
      this.problem('missing-field', `${path}.en`, index, enColumn, { field: 'en' });
      return undefined;
    }
    return z === undefined ? { en: e.text } : { en: e.text, zh: z.text };
  }

  list(cell: Cell, path: string, index: number, column: number): string[] | undefined {
    const t = this.text(cell, path, index, column);
    if (t === undefined) return undefined;
    this.at(path, index, column);
    return splitList(t.text);
  }
}

export function booleanWord(text: string): boolean | undefined {
  const b = parseBoolean(text.normalize('NFKC'));
  return b === 1 ? true : b === 0 ? false : undefined;
}

export function lastSegment(path: string): string {
  const m = /([A-Za-z_]+)(?:\[\d+\])*$/.exec(path);
  return m?.[1] ?? path;
}

/**
 * An Excel serial day from a date cell (a number is taken as the serial, as
 * is), a Date, or a date text such as "2024-12-31" (see parseDate).
 */
export function readDate(reader: Reader, cell: Cell, path: string, index: number, column: number): number | undefined {
  if (isBlankCell(cell)) {
    reader.problem('missing-field', path, index, column, { field: lastSegment(path) });
    return undefined;
  }
  reader.at(path, index, column);
  if (typeof cell === 'number') return cell;
  if (cell instanceof Date) {
    const serial = parseDate(cell);
    if (Number.isNaN(serial)) reader.syntax(path, index, column, 'sheet.bad-date', { value: String(cell) });
    return Number.isNaN(serial) ? undefined : serial;
  }
  const t = reader.text(cell, path, index, column);
  if (t === undefined) return undefined;
  const serial = parseDate(t.text);
  if (Number.isNaN(serial)) {
    reader.syntax(path, index, column, 'sheet.bad-date', { value: t.text });
    return undefined;
  }
  return serial;
}
