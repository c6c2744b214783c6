/**
 * A strict in-memory fake of the Excel API subset in ../excel-api.ts, for
 * tests, benchmarks and the browser check. It fails the way Excel does:
 * reading a property that was not loaded and synced throws PropertyNotLoaded;
 * a request or response over 5 MB fails the whole sync; an address over 8,192
 * characters is rejected; writing to a protected sheet is denied (the batch
 * stops there; earlier operations stay applied, as in Excel). Every sync is
 * counted with its payload. Formulas are stored, not calculated.
 */
export {
  ADDRESS_LIMIT,
  FakeExcelError,
  REQUEST_LIMIT,
  type CfModel,
  type CfType,
  type SheetModel,
  type SyncRecord,
} from './fake-model';
import { MAX_COLUMNS, rectAddress, type Rect } from '../a1';
import type { ExcelContext, ExcelRun } from '../excel-api';
import {
  FakeExcelError,
  type Scalar,
  type CellData,
  type NameModel,
  type TableModel,
  type SheetModel,
  type SyncRecord,
  key,
  isEmpty,
  sortedNames,
} from './fake-model';
import { FakeContext } from './fake-context';
import { defaultHostName, EXCEL_HOSTS, hostApiSets, type ExcelHost } from './fake-hosts';
import { shiftFormulaColumns } from './fake-references';
import { FakeSpills } from './fake-spills';

/** A fake workbook: build it with sheets and cells, run Tierwise against `run`, compare `snapshot()`s. */
export class FakeExcel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names = new Map<string, NameModel>();
  /** Dynamic arrays: register a function there and its formulas spill (fake-spills.ts). */
  readonly spills: FakeSpills = new FakeSpills(this);
  readonly xmlParts: Array<{ id: number; namespace: string; xml: string }> = [];
  readonly syncs: SyncRecord[] = [];
  suspendedCalculation = 0;
  suspendedScreen = 0;
  active = '';
  selection: { sheet: string; rects: Rect[] } = { sheet: '', rects: [] };
  private nextId = 1;
  /** The largest request and response so far, in bytes. */
  maxPayload(): { request: number; response: number } {
    let request = 0;
    let response = 0;
    for (const s of this.syncs) {
      request = Math.max(request, s.requestBytes);
      response = Math.max(response, s.responseBytes);
    }
    return { request, response };
  }

  /** Called before each sync; a test may throw from it to simulate a failing request. */
  beforeSync?: (index: number) => void;
  /** Milliseconds each sync takes (0: a microtask), so a UI can render between round trips. */
  latency = 0;

  /** The requirement sets of the Excel the fake plays (fake-hosts.ts); tests may switch them. */
  host: ExcelHost = EXCEL_HOSTS[defaultHostName()];

  readonly run: ExcelRun = Object.assign(
    async <T>(batch: (context: ExcelContext) => Promise<T>): Promise<T> => batch(new FakeContext(this)),
    { isSetSupported: (set: string, version: string) => hostApiSets(this.host)(set, version) },
  );

  addSheet(name: string, rows: Scalar[][] = [], at = { row: 0, column: 0 }): SheetModel {
    if (this.sheet(name)) throw new FakeExcelError('ItemAlreadyExists', `A sheet named ${name} exists.`);
    if (!/^[^[\]:*?/\\]{1,31}$/.test(name)) throw new FakeExcelError('InvalidArgument', `Bad sheet name ${name}.`);
    const sheet: SheetModel = {
      name,
      visibility: 'Visible',
      cells: new Map(),
      protected: false,
      filter: { enabled: false, filtered: false },
      merged: [],
      cfs: [],
      names: new Map(),
      charts: [],
    };
    this.sheets.push(sheet);
    if (!this.active) {
      this.active = name;
      this.selection = { sheet: name, rects: [{ row: at.row, column: at.column, rows: 1, columns: 1 }] };
    }
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (typeof value === 'string' && value.startsWith('='))
          this.setCell(sheet, at.row + r, at.column + c, { value: 0, formula: value });
        else if (value !== '') this.setCell(sheet, at.row + r, at.column + c, { value });
      }),
    );
    return sheet;
  }

  addTable(name: string, sheetName: string, rect: Rect): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new FakeExcelError('ItemNotFound', sheetName);
    const columnIds = Array.from({ length: rect.columns }, (_x, j) => j + 1);
    this.tables.push({ name, sheet, rect, filtered: false, columnIds });
  }

  select(sheet: string, rect: Rect): void {
    this.active = sheet;
    this.selection = { sheet, rects: [rect] };
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  cell(sheet: SheetModel, row: number, column: number): CellData | undefined {
    return sheet.cells.get(key(row, column));
  }

  setCell(sheet: SheetModel, row: number, column: number, data: CellData): void {
    if (isEmpty(data)) sheet.cells.delete(key(row, column));
    else sheet.cells.set(key(row, column), data);
  }

  newId(): number {
    return this.nextId++;
  }

  /** Everything a user could see or a formula could use, as plain data (ids of conditional formats left out). */
  snapshot(): unknown {
    const rect = (r: Rect) => rectAddress(r);
    return {
      active: this.active,
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        merged: s.merged.map(rect),
        cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]).map(([k, c]) => [k, { ...c }]),
        cfs: s.cfs.map((cf) => ({
          type: cf.type,
          rect: rect(cf.rect),
          formula: cf.formula,
          fill: cf.fill,
          font: cf.font,
          ...(cf.scale ? { scale: cf.scale } : {}),
        })),
        names: sortedNames(s.names).map((n) => this.nameData(n)),
        charts: s.charts.map((c) => ({ ...c, rect: rect(c.rect) })),
      })),
      tables: this.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: rect(t.rect) })),
      names: sortedNames(this.names).map((n) => this.nameData(n)),
      xmlParts: this.xmlParts.map((p) => ({ namespace: p.namespace, xml: p.xml })),
    };
  }

  nameData(n: NameModel): unknown {
    const ref = n.ref === 'ref-error' ? '#REF!' : n.ref ? rectAddress(n.ref.rect, n.ref.sheet.name) : undefined;
    return { name: n.name, ref, formula: n.formula, comment: n.comment };
  }

  /** Shows a table's totals row, as the user does (Table Design > Total Row): one row more, below the body. */
  addTotalsRow(tableName: string, cells: Array<{ value: Scalar; formula?: string }>): void {
    const table = this.tables.find((t) => t.name === tableName);
    if (!table || table.showTotals) throw new FakeExcelError('InvalidArgument', tableName);
    const row = table.rect.row + table.rect.rows;
    cells.forEach((cell, j) => this.setCell(table.sheet, row, table.rect.column + j, cell));
    table.rect = { ...table.rect, rows: table.rect.rows + 1 };
    table.showTotals = true;
  }

  /** A table when whole sheet columns come or go: its rectangle, and its column ids (new ones for inserted columns). */
  private shiftTableColumns(table: TableModel, column: number, count: number, adjust: (r: Rect) => Rect | undefined) {
    const at = column - table.rect.column;
    if (at > 0 && at < table.rect.columns && count > 0) {
      const next = Math.max(0, ...table.columnIds) + 1;
      table.columnIds.splice(at, 0, ...Array.from({ length: count }, (_x, k) => next + k));
    } else if (count < 0) {
      const from = Math.max(0, at);
      const to = Math.min(table.rect.columns, at - count);
      if (to > from) table.columnIds.splice(from, to - from);
    }
    table.rect = adjust(table.rect) ?? table.rect;
  }

  /**
   * Inserted cells take the number format of the cell to their left (Excel's default "Format Same As Left",
   * xlFormatFromLeftOrAbove), in every row of `rows` (default: the whole sheet).
   */
  formatLikeLeft(sheet: SheetModel, column: number, count: number, rows?: { row: number; rows: number }): void {
    if (column === 0) return;
    for (const [k, cell] of [...sheet.cells]) {
      const r = Math.floor(k / MAX_COLUMNS);
      if (k % MAX_COLUMNS !== column - 1 || !cell.numberFormat) continue;
      if (rows && (r < rows.row || r >= rows.row + rows.rows)) continue;
      for (let j = 0; j < count; j++) {
        const old = this.cell(sheet, r, column + j) ?? { value: '' };
        this.setCell(sheet, r, column + j, { ...old, numberFormat: cell.numberFormat });
      }
    }
  }

  /** Inserts (count > 0) or deletes (count < 0) whole columns at `column`, moving everything right of it. */
  shiftColumns(sheet: SheetModel, column: number, count: number, rows?: { row: number; rows: number }): void {
    const inRows = (r: number) => !rows || (r >= rows.row && r < rows.row + rows.rows);
    if (count > 0) {
      for (const k of sheet.cells.keys()) {
        const c = k % MAX_COLUMNS;
        if (c >= MAX_COLUMNS - count && inRows(Math.floor(k / MAX_COLUMNS)))
          throw new FakeExcelError('InsertDeleteConflict', 'The insert would push cells off the sheet.');
      }
    }
    const moved = new Map<number, CellData>();
    for (const [k, cell] of sheet.cells) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (!inRows(r) || c < column) moved.set(k, cell);
      else if (count < 0 && c < column - count) continue;
      else moved.set(key(r, c + count), cell);
    }
    sheet.cells = moved;
    for (const other of this.sheets) {
      const sheets = { own: other.name, shifted: sheet.name };
      for (const [k, cell] of other.cells)
        if (cell.formula)
          other.cells.set(k, { ...cell, formula: shiftFormulaColumns(cell.formula, column, count, rows, sheets) });
      if (other !== sheet)
        other.cfs = other.cfs.map((cf) => ({
          ...cf,
          formula: shiftFormulaColumns(cf.formula, column, count, rows, sheets),
        }));
    }
    const adjust = (rect: Rect): Rect | undefined => {
      if (rows && !(rect.row >= rows.row && rect.row + rect.rows <= rows.row + rows.rows)) return rect;
      const end = rect.column + rect.columns;
      if (count > 0) {
        if (rect.column >= column) return { ...rect, column: rect.column + count };
        if (end > column) return { ...rect, columns: rect.columns + count };
        return rect;
      }
      const gone = { from: column, to: column - count };
      const keep = Math.max(0, gone.from - rect.column) + Math.max(0, end - Math.max(gone.to, rect.column));
      const keepWithin = Math.min(keep, rect.columns);
      if (keepWithin <= 0) return undefined;
      const start = rect.column < gone.from ? rect.column : Math.max(gone.from, rect.column + count);
      return { ...rect, column: start, columns: keepWithin };
    };
    sheet.cfs = sheet.cfs.flatMap((cf) => {
      const r = adjust(cf.rect);
      const moved = !rows || (cf.rect.row >= rows.row && cf.rect.row + cf.rect.rows <= rows.row + rows.rows);
      const formula = moved
        ? shiftFormulaColumns(cf.formula, column, count, undefined, { own: sheet.name, shifted: sheet.name })
        : cf.formula;
      return r ? [{ ...cf, rect: r, formula }] : [];
    });
    sheet.merged = sheet.merged.flatMap((m) => {
      const r = adjust(m);
      return r ? [r] : [];
    });
    for (const t of this.tables) if (t.sheet === sheet && !rows) this.shiftTableColumns(t, column, count, adjust);
    const fixName = (n: NameModel, scope: string) => {
      if (n.ref && n.ref !== 'ref-error' && n.ref.sheet === sheet) {
        const r = adjust(n.ref.rect);
        n.ref = r ? { sheet, rect: r } : 'ref-error';
      }
      // A name defined by a formula has its references moved like a cell's (workbook scope: qualified ones only).
      if (n.formula)
        n.formula = shiftFormulaColumns(n.formula, column, count, rows, { own: scope, shifted: sheet.name });
    };
    this.names.forEach((n) => fixName(n, ''));
    this.sheets.forEach((s) => s.names.forEach((n) => fixName(n, s.name)));
  }
}
