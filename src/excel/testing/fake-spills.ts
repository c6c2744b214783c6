/**
 * Dynamic arrays in the fake: a formula calling a function the test
 * registered shows its result's first value in its own cell and spills the
 * rest into the cells below and right, as Excel 2021 and later do. A spill
 * that would cover a cell with content, run past the sheet's edge, or start
 * inside an Excel table shows #SPILL! instead and spills nothing (Excel's
 * SpillErrorCellValueSubType: Collision, WorksheetEdge, Table). Spilled cells
 * hold nothing of their own: `values` and `formulas` read the value shown,
 * writing into one blocks the spill. Only the forms Tierwise writes are
 * evaluated: A1 references (with or without sheet), defined names, text and
 * number literals, array constants and CHOOSE({1,2,..}, ...).
 */
import { MAX_COLUMNS, MAX_ROWS, parseAddress, type Rect } from '../a1';
import type { FakeExcel, SheetModel } from './fake-excel';

type Scalar = string | number | boolean;
/** A function as the fake calls it: each argument a 2-D array (a literal is 1 x 1), empty cells null as Excel passes them. */
export type SpillFunction = (args: Argument[]) => Scalar[][];
type Argument = Array<Array<Scalar | null>>;

const key = (row: number, column: number): number => row * MAX_COLUMNS + column;
const SPILL_ERROR = '#SPILL!';

export class FakeSpills {
  /** Registered functions by upper-case name, e.g. "TIERWISE.TIER_SCORE". */
  readonly functions = new Map<string, SpillFunction>();

  constructor(private readonly fake: FakeExcel) {}

  /** The values shown by the sheet's calls of registered functions, anchors and spilled cells, by cell key. */
  shown(sheet: SheetModel): Map<number, Scalar> {
    return this.evaluateSheet(sheet).shown;
  }

  /** The cells the formula at (row, column) spills into, anchor included; undefined when it does not spill. */
  spillingTo(sheet: SheetModel, row: number, column: number): Rect | undefined {
    return this.evaluateSheet(sheet).spills.get(key(row, column));
  }

  private evaluateSheet(sheet: SheetModel): { shown: Map<number, Scalar>; spills: Map<number, Rect> } {
    const shown = new Map<number, Scalar>();
    const spills = new Map<number, Rect>();
    if (this.functions.size === 0) return { shown, spills };
    const anchors = [...sheet.cells].filter(([, cell]) => cell.formula !== undefined).sort(([a], [b]) => a - b);
    for (const [at, cell] of anchors) {
      const result = this.evaluate(sheet, cell.formula!);
      if (!result) continue;
      const row = Math.floor(at / MAX_COLUMNS);
      const column = at % MAX_COLUMNS;
      const rect = { row, column, rows: result.length, columns: Math.max(1, ...result.map((r) => r.length)) };
      if (this.blocked(sheet, rect, shown)) {
        shown.set(at, SPILL_ERROR);
        continue;
      }
      result.forEach((values, r) => values.forEach((v, c) => shown.set(key(row + r, column + c), v)));
      if (rect.rows > 1 || rect.columns > 1) spills.set(at, rect);
    }
    return { shown, spills };
  }

  /** Whether Excel would refuse a spill over `rect` (its anchor excluded) with #SPILL!. */
  private blocked(sheet: SheetModel, rect: Rect, spilled: Map<number, Scalar>): boolean {
    if (rect.rows === 1 && rect.columns === 1) return false;
    if (rect.row + rect.rows > MAX_ROWS || rect.column + rect.columns > MAX_COLUMNS) return true;
    const inTable = this.fake.tables.some(
      (t) =>
        t.sheet === sheet &&
        rect.row >= t.rect.row &&
        rect.row < t.rect.row + t.rect.rows &&
        rect.column >= t.rect.column &&
        rect.column < t.rect.column + t.rect.columns,
    );
    if (inTable) return true;
    for (let r = 0; r < rect.rows; r++) {
      for (let c = 0; c < rect.columns; c++) {
        if (r === 0 && c === 0) continue;
        const at = key(rect.row + r, rect.column + c);
        const cell = sheet.cells.get(at);
        if ((cell && (cell.formula !== undefined || cell.value !== '')) || spilled.has(at)) return true;
      }
    }
    return false;
  }

  /** The result of a formula that calls a registered function, or undefined for any other formula. */
  private evaluate(sheet: SheetModel, formula: string): Scalar[][] | undefined {
    const call = /^=([A-Za-z_][\w.]*)\((.*)\)$/s.exec(formula);
    const fn = call && this.functions.get(call[1]!.toUpperCase());
    if (!call || !fn) return undefined;
    return fn(splitArguments(call[2]!).map((arg) => this.argument(sheet, arg)));
  }

  private argument(sheet: SheetModel, text: string): Argument {
    const arg = text.trim();
    if (arg.startsWith('"')) return [[arg.slice(1, -1).replace(/""/g, '"')]];
    if (/^-?\d+(\.\d+)?$/.test(arg)) return [[Number(arg)]];
    if (arg.startsWith('{'))
      return arg
        .slice(1, -1)
        .split(';')
        .map((row) => row.split(',').map(Number));
    const choose = /^CHOOSE\((.*)\)$/is.exec(arg);
    if (choose) {
      const [index, ...options] = splitArguments(choose[1]!).map((a) => this.argument(sheet, a));
      const picks = index![0]!.map((k) => options[Number(k) - 1] ?? [['#VALUE!']]);
      const rows = Math.max(...picks.map((p) => p.length));
      return Array.from({ length: rows }, (_x, r) => picks.map((p) => (p.length === 1 ? p[0]![0]! : p[r]![0]!)));
    }
    const name = this.fake.names.get(arg.toLowerCase()) ?? sheet.names.get(arg.toLowerCase());
    if (name) {
      if (!name.ref || name.ref === 'ref-error') return [['#REF!']];
      return this.read(name.ref.sheet, name.ref.rect);
    }
    const address = parseAddress(arg);
    if (!address) return [['#NAME?']];
    const target = address.sheet === undefined ? sheet : this.fake.sheet(address.sheet);
    return target ? this.read(target, address.rect) : [['#REF!']];
  }

  private read(sheet: SheetModel, rect: Rect): Argument {
    return Array.from({ length: rect.rows }, (_r, i) =>
      Array.from({ length: rect.columns }, (_c, j) =>
        emptyAsNull(sheet.cells.get(key(rect.row + i, rect.column + j))?.value),
      ),
    );
  }
}

const emptyAsNull = (value: Scalar | undefined): Scalar | null => (value === undefined || value === '' ? null : value);

/** Splits a function's argument list at its top-level commas. */
function splitArguments(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out;
}
