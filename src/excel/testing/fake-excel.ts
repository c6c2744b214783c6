/**
 * A strict in-memory fake of the Excel API subset in ../excel-api.ts, for
 * tests, benchmarks and the browser check. It fails the way Excel does:
 * reading a property that was not loaded and synced throws PropertyNotLoaded;
 * a request or response over 5 MB fails the whole sync; an address over 8,192
 * characters is rejected; writing to a protected sheet is denied (the batch
 * stops there; earlier operations stay applied, as in Excel). Every sync is
 * counted with its payload. Formulas are stored, not calculated.
 */
/* eslint-disable @typescript-eslint/no-this-alias -- sub-objects with getters (format, rule, columns) act on their owner */
import { FakeSpills } from './fake-spills';
import { MAX_COLUMNS, MAX_ROWS, parseAddress, rectAddress, type Rect } from '../a1';
import type {
  ClientResult,
  ColorScaleCriteria,
  LoadableObject,
  ExcelChart,
  ExcelConditionalFormat,
  ExcelConditionalFormatCollection,
  ExcelContext,
  ExcelCustomXmlPart,
  ExcelNamedItem,
  ExcelNamedItemCollection,
  ExcelRange,
  ExcelRangeAreas,
  ExcelRun,
  ExcelTable,
  ExcelTableCollection,
  ExcelWorksheet,
  SheetVisibility,
} from '../excel-api';
import { customOrNullObjectOf, loadableCfField } from './fake-conditional-formats';
import { shiftFormulaColumns } from './fake-references';
import { defaultHostName, EXCEL_HOSTS, hostApiSets, refuseAboveHost, type ExcelHost } from './fake-hosts';

export const REQUEST_LIMIT = 5 * 1024 * 1024;
export const ADDRESS_LIMIT = 8192;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

type Scalar = string | number | boolean;

interface CellData {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  fill?: string;
  fontColor?: string;
}

/** Excel.ConditionalFormatType values the fake models (a user's own formats may be any of them). */
export type CfType = 'Custom' | 'ColorScale' | 'DataBar' | 'IconSet' | 'CellValue';

export interface CfModel {
  id: string;
  type: CfType;
  scale?: string;
  sheet: SheetModel;
  rect: Rect;
  formula: string;
  fill: string;
  font: string;
}

interface NameModel {
  name: string;
  ref?: { sheet: SheetModel; rect: Rect } | 'ref-error';
  formula?: string;
  comment?: string;
}

interface TableModel {
  name: string;
  sheet: SheetModel;
  rect: Rect;
  filtered: boolean;
  /** One id per column, left to right: Excel's TableColumn.id, kept by the column when others come and go. */
  columnIds: number[];
  /** The last row of `rect` is the totals row (Table.showTotals): part of the table's range, not of its data body. */
  showTotals?: boolean;
}

export interface SheetModel {
  name: string;
  visibility: SheetVisibility;
  cells: Map<number, CellData>;
  protected: boolean;
  filter: { enabled: boolean; filtered: boolean };
  merged: Rect[];
  cfs: CfModel[];
  names: Map<string, NameModel>;
  charts: Array<{ type: string; rect: Rect; title: string }>;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

const key = (row: number, column: number): number => row * MAX_COLUMNS + column;
const isEmpty = (cell: CellData | undefined): boolean =>
  cell === undefined ||
  (cell.formula === undefined &&
    cell.value === '' &&
    !cell.numberFormat &&
    !cell.bold &&
    !cell.fill &&
    !cell.fontColor);
const hasContent = (cell: CellData | undefined): boolean =>
  cell !== undefined && (cell.formula !== undefined || cell.value !== '');
const intersects = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.rows &&
  b.row < a.row + a.rows &&
  a.column < b.column + b.columns &&
  b.column < a.column + a.columns;
/** Excel on the web's limits are on bytes: the JSON of a value as UTF-8 (no TextEncoder: jsdom tests lack it). */
const sizeOf = (value: unknown): number => (value === undefined ? 0 : utf8Bytes(JSON.stringify(value)));
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

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
      const formula = moved ? shiftFormulaColumns(cf.formula, column, count) : cf.formula;
      return r ? [{ ...cf, rect: r, formula }] : [];
    });
    sheet.merged = sheet.merged.flatMap((m) => {
      const r = adjust(m);
      return r ? [r] : [];
    });
    for (const t of this.tables) if (t.sheet === sheet && !rows) this.shiftTableColumns(t, column, count, adjust);
    const fixName = (n: NameModel) => {
      if (n.ref && n.ref !== 'ref-error' && n.ref.sheet === sheet) {
        const r = adjust(n.ref.rect);
        n.ref = r ? { sheet, rect: r } : 'ref-error';
      }
    };
    this.names.forEach(fixName);
    this.sheets.forEach((s) => s.names.forEach(fixName));
  }
}

/** Excel keeps names sorted; their order of creation is not observable. */
function sortedNames(names: Map<string, NameModel>): NameModel[] {
  return [...names.keys()].sort().map((k) => names.get(k)!);
}

function notLoaded(property: string): FakeExcelError {
  return new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

interface Operation {
  requestBytes: number;
  run: () => number | void;
}

class FakeContext implements ExcelContext {
  private queue: Operation[] = [];
  readonly workbook: FakeWorkbook;
  readonly application = {
    suspendApiCalculationUntilNextSync: () =>
      this.enqueue(20, () => {
        this.fake.suspendedCalculation++;
      }),
    suspendScreenUpdatingUntilNextSync: () =>
      this.enqueue(20, () => {
        this.fake.suspendedScreen++;
      }),
  };

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(requestBytes: number, run: () => number | void): void {
    this.queue.push({ requestBytes: requestBytes + 40, run });
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    const requestBytes = queue.reduce((sum, op) => sum + op.requestBytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, operations: queue.length };
    this.fake.syncs.push(record);
    this.fake.beforeSync?.(this.fake.syncs.length - 1);
    if (requestBytes > REQUEST_LIMIT) {
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    for (const op of queue) record.responseBytes += op.run() ?? 0;
    if (record.responseBytes > REQUEST_LIMIT) {
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    if (this.fake.latency > 0) await new Promise((done) => setTimeout(done, this.fake.latency));
    else await Promise.resolve();
  }
}

/** A proxy whose target is resolved when its creating operation runs in a sync. */
abstract class Proxy<T> {
  protected target: T | null | undefined = undefined;
  private readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly context: FakeContext,
    resolve: () => T | null,
  ) {
    context.enqueue(30, () => {
      this.target = resolve();
    });
  }

  get fake(): FakeExcel {
    return this.context.fake;
  }

  get isNullObject(): boolean {
    if (this.target === undefined) throw notLoaded('isNullObject');
    return this.target === null;
  }

  /** The live target, inside an operation: a null object cannot be used. */
  protected live(): T {
    if (this.target === undefined) throw new FakeExcelError('InvalidObjectPath', 'The object is not resolved.');
    if (this.target === null) throw new FakeExcelError('ItemNotFound', 'The requested resource does not exist.');
    return this.target;
  }

  protected abstract read(property: string): unknown;
  protected abstract readonly scalars: readonly string[];

  protected child(_name: string): { load(p: string): unknown } | undefined {
    return undefined;
  }

  load(properties?: string): this {
    const list = properties ? properties.split(',').map((p) => p.trim()) : [...this.scalars];
    for (const path of list) {
      const slash = path.indexOf('/');
      if (slash >= 0) {
        const child = this.child(path.slice(0, slash));
        if (!child) throw new FakeExcelError('InvalidArgument', `Cannot load ${path}.`);
        child.load(path.slice(slash + 1));
        continue;
      }
      this.context.enqueue(path.length, () => {
        if (this.target === null) return 0;
        const value = this.read(path);
        this.loaded.set(path, value);
        return sizeOf(value);
      });
    }
    return this;
  }

  protected get<V>(property: string): V {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as V;
  }

  protected write(property: string, value: unknown, apply: (target: T) => void): void {
    this.context.enqueue(property.length + sizeOf(value), () => apply(this.live()));
  }
}

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

function guard(sheet: SheetModel): void {
  if (sheet.protected) {
    throw new FakeExcelError(
      'AccessDenied',
      "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
    );
  }
}

function selectable(sheet: SheetModel): void {
  if (sheet.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', 'The sheet is hidden.');
}

function checkShape(rect: Rect, values: unknown): unknown[][] {
  if (
    !Array.isArray(values) ||
    values.length !== rect.rows ||
    values.some((r) => !Array.isArray(r) || r.length !== rect.columns)
  ) {
    throw new FakeExcelError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rows}x${rect.columns}).`,
    );
  }
  return values as unknown[][];
}

function toScalar(value: unknown): Scalar {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  throw new FakeExcelError('InvalidArgument', `Cannot write ${typeof value} to a cell.`);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * What Excel makes of text written through `values` into a cell not formatted as text ("@"):
 * a number ("00123" -> 123) or an ISO date or date-time ("2026-03-01", "2026-03-01 09:00") -> its serial.
 */
function typedAsExcel(value: Scalar): Scalar {
  if (typeof value !== 'string') return value;
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  const date = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(value);
  if (!date) return value;
  const [y, m, d, hh, mm] = date.slice(1).map((part) => Number(part ?? 0));
  return (Date.UTC(y!, m! - 1, d!, hh, mm) - EXCEL_EPOCH) / 86_400_000;
}

class FakeRange extends Proxy<RangeTarget> implements ExcelRange {
  protected readonly scalars = [
    'address',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'values',
    'formulas',
    'numberFormat',
  ];

  constructor(context: FakeContext, resolve: () => RangeTarget | null) {
    super(context, resolve);
  }

  protected read(property: string): unknown {
    const { sheet, rect } = this.live();
    const spilled = property === 'values' || property === 'formulas' ? this.fake.spills.shown(sheet) : undefined;
    const grid = (f: (cell: CellData | undefined, shown: Scalar | undefined) => unknown) =>
      Array.from({ length: rect.rows }, (_r, i) =>
        Array.from({ length: rect.columns }, (_c, j) =>
          f(this.fake.cell(sheet, rect.row + i, rect.column + j), spilled?.get(key(rect.row + i, rect.column + j))),
        ),
      );
    switch (property) {
      case 'address':
        return rectAddress(rect, sheet.name);
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.columns;
      case 'values':
        return grid((c, shown) => shown ?? (c ? c.value : ''));
      case 'formulas':
        // A spilled cell has no formula of its own: Excel reads its value.
        return grid((c, shown) => (c ? (c.formula ?? c.value) : (shown ?? '')));
      case 'numberFormat':
        return grid((c) => c?.numberFormat ?? 'General');
      default:
        throw new FakeExcelError('InvalidArgument', `Range has no property ${property}.`);
    }
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(values: unknown[][]) {
    this.setCells('values', values, (value, old) => {
      const v = toScalar(value);
      if (typeof v === 'string' && v.startsWith('=')) return { value: 0, formula: v };
      if (typeof v === 'string' && v.startsWith("'")) return { value: v.slice(1) };
      return { value: old?.numberFormat === '@' ? v : typedAsExcel(v) };
    });
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(values: unknown[][]) {
    this.setCells('formulas', values, (value) => {
      const v = toScalar(value);
      return typeof v === 'string' && v.startsWith('=') ? { value: 0, formula: v } : { value: v };
    });
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(values: unknown[][]) {
    this.write('numberFormat', values, ({ sheet, rect }) => {
      guard(sheet);
      const grid = checkShape(rect, values);
      grid.forEach((row, i) =>
        row.forEach((f, j) => {
          const old = this.fake.cell(sheet, rect.row + i, rect.column + j) ?? { value: '' };
          const numberFormat = f === 'General' || f === '' ? undefined : String(f);
          const next: CellData = { ...old };
          if (numberFormat === undefined) delete next.numberFormat;
          else next.numberFormat = numberFormat;
          this.fake.setCell(sheet, rect.row + i, rect.column + j, next);
        }),
      );
    });
  }

  private setCells(
    property: string,
    values: unknown[][],
    convert: (value: unknown, old: CellData | undefined) => CellData,
  ): void {
    this.write(property, values, ({ sheet, rect }) => {
      guard(sheet);
      const grid = checkShape(rect, values);
      grid.forEach((row, i) =>
        row.forEach((value, j) => {
          const old = this.fake.cell(sheet, rect.row + i, rect.column + j);
          const next = convert(value, old);
          if (old?.numberFormat) next.numberFormat = old.numberFormat;
          if (old?.bold) next.bold = old.bold;
          if (old?.fill) next.fill = old.fill;
          if (old?.fontColor) next.fontColor = old.fontColor;
          this.fake.setCell(sheet, rect.row + i, rect.column + j, next);
        }),
      );
    });
  }

  get worksheet(): ExcelWorksheet {
    return new FakeWorksheet(this.context, () => this.live().sheet);
  }

  get format(): ExcelRange['format'] {
    const range = this;
    return {
      font: {
        get bold(): boolean {
          throw notLoaded('format/font/bold');
        },
        set bold(bold: boolean) {
          range.write('bold', bold, ({ sheet, rect }) => {
            guard(sheet);
            for (let i = 0; i < rect.rows; i++)
              for (let j = 0; j < rect.columns; j++) {
                const old = range.fake.cell(sheet, rect.row + i, rect.column + j) ?? { value: '' };
                const next: CellData = { ...old };
                if (bold) next.bold = true;
                else delete next.bold;
                range.fake.setCell(sheet, rect.row + i, rect.column + j, next);
              }
          });
        },
        get color(): string {
          throw notLoaded('format/font/color');
        },
        set color(color: string) {
          range.paint('fontColor', color);
        },
      },
      fill: {
        get color(): string {
          throw notLoaded('format/fill/color');
        },
        set color(color: string) {
          range.paint('fill', color);
        },
      },
    };
  }

  /** A static format on every cell of the range. */
  paint(field: 'fill' | 'fontColor', color: string): void {
    this.write(field, color, ({ sheet, rect }) => {
      guard(sheet);
      for (let i = 0; i < rect.rows; i++)
        for (let j = 0; j < rect.columns; j++) {
          const old = this.fake.cell(sheet, rect.row + i, rect.column + j) ?? { value: '' };
          this.fake.setCell(sheet, rect.row + i, rect.column + j, { ...old, [field]: color });
        }
    });
  }

  get conditionalFormats(): ExcelConditionalFormatCollection {
    return new FakeCfCollection(this.context, () => this.live());
  }

  getSurroundingRegion(): ExcelRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.live();
      return { sheet, rect: surroundingRegion(this.fake, sheet, rect.row, rect.column) };
    });
  }

  getTables(fullyContained = false): ExcelTableCollection {
    return new FakeTableCollection(this.context, () => {
      const { sheet, rect } = this.live();
      return this.fake.tables.filter(
        (t) =>
          t.sheet === sheet &&
          (fullyContained
            ? t.rect.row >= rect.row &&
              t.rect.column >= rect.column &&
              t.rect.row + t.rect.rows <= rect.row + rect.rows &&
              t.rect.column + t.rect.columns <= rect.column + rect.columns
            : intersects(t.rect, rect)),
      );
    });
  }

  getMergedAreasOrNullObject(): ExcelRangeAreas {
    return new FakeAreas(this.context, () => {
      const { sheet, rect } = this.live();
      const areas = sheet.merged.filter((m) => intersects(m, rect));
      return areas.length ? { sheet, rects: areas } : null;
    });
  }

  getSpillingToRangeOrNullObject(): ExcelRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.live();
      if (rect.rows !== 1 || rect.columns !== 1) throw new FakeExcelError('InvalidArgument', 'One cell only.');
      const spill = this.fake.spills.spillingTo(sheet, rect.row, rect.column);
      return spill ? { sheet, rect: spill } : null;
    });
  }

  getEntireColumn(): ExcelRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.live();
      return { sheet, rect: { row: 0, column: rect.column, rows: MAX_ROWS, columns: rect.columns } };
    });
  }

  insert(shift: 'Right'): ExcelRange {
    let inserted: RangeTarget | null = null;
    this.context.enqueue(10, () => {
      const { sheet, rect } = this.live();
      if (shift !== 'Right' || rect.rows !== MAX_ROWS)
        throw new FakeExcelError('NotImplemented', 'Whole columns only.');
      guard(sheet);
      this.fake.shiftColumns(sheet, rect.column, rect.columns);
      this.fake.formatLikeLeft(sheet, rect.column, rect.columns);
      inserted = { sheet, rect };
    });
    return new FakeRange(this.context, () => inserted);
  }

  delete(shift: 'Left'): void {
    this.context.enqueue(10, () => {
      const { sheet, rect } = this.live();
      if (shift !== 'Left' || rect.rows !== MAX_ROWS) throw new FakeExcelError('NotImplemented', 'Whole columns only.');
      guard(sheet);
      this.fake.shiftColumns(sheet, rect.column, -rect.columns);
    });
  }

  select(): void {
    this.context.enqueue(10, () => {
      const { sheet, rect } = this.live();
      selectable(sheet);
      this.fake.active = sheet.name;
      this.fake.selection = { sheet: sheet.name, rects: [rect] };
    });
  }

  /** For other proxies: the range's sheet and rectangle inside an operation. */
  resolved(): RangeTarget {
    return this.live();
  }
}

function surroundingRegion(fake: FakeExcel, sheet: SheetModel, row: number, column: number): Rect {
  let top = row;
  let bottom = row;
  let left = column;
  let right = column;
  const filled = (r: number, c: number) =>
    r >= 0 && c >= 0 && r < MAX_ROWS && c < MAX_COLUMNS && hasContent(fake.cell(sheet, r, c));
  const rowHas = (r: number) => {
    for (let c = left - 1; c <= right + 1; c++) if (filled(r, c)) return true;
    return false;
  };
  const columnHas = (c: number) => {
    for (let r = top - 1; r <= bottom + 1; r++) if (filled(r, c)) return true;
    return false;
  };
  let grew = true;
  while (grew) {
    grew = false;
    while (bottom + 1 < MAX_ROWS && rowHas(bottom + 1)) {
      bottom++;
      grew = true;
    }
    while (top > 0 && rowHas(top - 1)) {
      top--;
      grew = true;
    }
    while (right + 1 < MAX_COLUMNS && columnHas(right + 1)) {
      right++;
      grew = true;
    }
    while (left > 0 && columnHas(left - 1)) {
      left--;
      grew = true;
    }
  }
  return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}

class FakeAreas extends Proxy<{ sheet: SheetModel; rects: Rect[] }> implements ExcelRangeAreas {
  protected readonly scalars = ['areaCount', 'address'];
  protected read(property: string): unknown {
    const { sheet, rects } = this.live();
    if (property === 'areaCount') return rects.length;
    if (property === 'address') return rects.map((r) => rectAddress(r, sheet.name)).join(',');
    throw new FakeExcelError('InvalidArgument', `RangeAreas has no property ${property}.`);
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  get address(): string {
    return this.get('address');
  }
  select(): void {
    this.context.enqueue(10, () => {
      refuseAboveHost(this.fake.host, 'RangeAreas.select');
      const { sheet, rects } = this.live();
      selectable(sheet);
      this.fake.active = sheet.name;
      this.fake.selection = { sheet: sheet.name, rects };
    });
  }
}

class FakeConditionalFormat extends Proxy<CfModel> implements ExcelConditionalFormat {
  protected readonly scalars = ['id', 'type'];
  protected read(property: string): unknown {
    const cf = this.live();
    if (property === 'id') return cf.id;
    if (property === 'type') return cf.type;
    throw new FakeExcelError('InvalidArgument', `ConditionalFormat has no property ${property}.`);
  }
  private readonly rule: { formula: string } & LoadableObject;
  constructor(context: FakeContext, resolve: () => CfModel | null) {
    super(context, resolve);
    const cf = this;
    let formula: string | undefined;
    this.rule = {
      get formula(): string {
        if (formula === undefined) throw notLoaded('formula');
        return formula;
      },
      set formula(value: string) {
        cf.write('formula', value, (target) => {
          guard(target.sheet);
          if (target.type !== 'Custom') throw new FakeExcelError('InvalidArgument', 'Not a custom rule.');
          target.formula = value;
        });
      },
      load<T>(this: T): T {
        cf.context.enqueue(10, () => {
          formula = cf.live().formula;
          return sizeOf(formula);
        });
        return this;
      },
    };
  }
  protected override child(name: string) {
    return name === 'custom'
      ? { load: (p: string) => (p === 'rule/formula' ? this.rule.load('formula') : undefined) }
      : undefined;
  }
  get id(): string {
    return this.get('id');
  }
  get type(): string {
    return this.get('type');
  }
  get customOrNullObject(): ExcelConditionalFormat['customOrNullObject'] {
    throw notLoaded('customOrNullObject');
  }
  get colorScale(): ExcelConditionalFormat['colorScale'] {
    const cf = this;
    return {
      get criteria(): ColorScaleCriteria {
        throw notLoaded('criteria');
      },
      set criteria(criteria: ColorScaleCriteria) {
        cf.write('criteria', criteria, (target) => {
          guard(target.sheet);
          if (target.type !== 'ColorScale') throw new FakeExcelError('InvalidArgument', 'Not a colour scale.');
          target.scale = `${criteria.minimum.type} ${criteria.minimum.color} .. ${criteria.maximum.type} ${criteria.maximum.color}`;
        });
      },
    };
  }
  get custom(): ExcelConditionalFormat['custom'] {
    const colour = (field: 'fill' | 'font') => {
      const cf = this;
      return {
        get color(): string {
          throw notLoaded('color');
        },
        set color(value: string) {
          cf.write('color', value, (target) => {
            guard(target.sheet);
            target[field] = value;
          });
        },
      };
    };
    return { rule: this.rule, format: { fill: colour('fill'), font: colour('font') } };
  }
  getRange(): ExcelRange {
    return new FakeRange(this.context, () => {
      const cf = this.live();
      return { sheet: cf.sheet, rect: cf.rect };
    });
  }
  delete(): void {
    this.context.enqueue(10, () => {
      const cf = this.live();
      guard(cf.sheet);
      cf.sheet.cfs = cf.sheet.cfs.filter((c) => c !== cf);
    });
  }
}

class FakeCfCollection extends Proxy<RangeTarget> implements ExcelConditionalFormatCollection {
  protected readonly scalars = ['items'];
  private itemProxies: FakeConditionalFormat[] | undefined;
  protected read(): unknown {
    return undefined;
  }
  override load(properties?: string): this {
    const wanted = (properties ?? 'items')
      .split(',')
      .map((p) => p.trim())
      .map((p) => p.replace(/^items\/?/, ''))
      .filter((p) => p !== '');
    this.context.enqueue(10, () => {
      const { sheet, rect } = this.live();
      const found = sheet.cfs.filter((cf) => intersects(cf.rect, rect));
      this.itemProxies = found.map((cf) => new LoadedCf(this.context, cf));
      return 20 * found.length;
    });
    // Item loads are queued after the items exist: a second pass inside the same sync.
    this.context.enqueue(0, () => {
      let bytes = 0;
      for (const item of this.itemProxies ?? [])
        bytes += (item as LoadedCf).loadNow(wanted.length ? wanted : ['id', 'type']);
      return bytes;
    });
    return this;
  }
  get items(): ExcelConditionalFormat[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }
  add(type: 'Custom' | 'ColorScale'): ExcelConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const { sheet, rect } = this.live();
      guard(sheet);
      const cf: CfModel = { id: `{${this.fake.newId()}}`, type, sheet, rect, formula: '', fill: '', font: '' };
      sheet.cfs.push(cf);
      return cf;
    });
  }
  getItem(id: string): ExcelConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const { sheet } = this.live();
      const cf = sheet.cfs.find((c) => c.id === id);
      if (!cf) throw new FakeExcelError('ItemNotFound', `No conditional format ${id}.`);
      return cf;
    });
  }
}

/** A conditional format that came from a loaded collection: already resolved. */
class LoadedCf extends FakeConditionalFormat {
  private readonly values = new Map<string, unknown>();
  constructor(context: FakeContext, cf: CfModel) {
    super(context, () => cf);
    this.target = cf;
  }
  loadNow(paths: string[]): number {
    let bytes = 0;
    const cf = this.live();
    for (const path of paths) {
      const value = loadableCfField(cf, path);
      this.values.set(path, value);
      bytes += sizeOf(value);
    }
    return bytes;
  }
  override get id(): string {
    if (!this.values.has('id')) throw notLoaded('id');
    return this.values.get('id') as string;
  }
  override get type(): string {
    if (!this.values.has('type')) throw notLoaded('type');
    return this.values.get('type') as string;
  }
  override get customOrNullObject(): ExcelConditionalFormat['customOrNullObject'] {
    return customOrNullObjectOf(this.values);
  }
  override get custom(): ExcelConditionalFormat['custom'] {
    const base = super.custom;
    const formula = this.values.get('custom/rule/formula');
    const rule = Object.create(base.rule, {
      formula: {
        get() {
          if (formula === undefined) throw notLoaded('formula');
          return formula;
        },
      },
    });
    const colour = (path: string, write: { color: string }) => {
      const values = this.values;
      return {
        get color(): string {
          if (!values.has(path)) throw notLoaded('color');
          return values.get(path) as string;
        },
        set color(value: string) {
          write.color = value;
        },
      };
    };
    return {
      rule,
      format: {
        fill: colour('custom/format/fill/color', base.format.fill),
        font: colour('custom/format/font/color', base.format.font),
      },
    };
  }
}

class FakeTable extends Proxy<TableModel> implements ExcelTable {
  protected readonly scalars = ['name', 'showTotals'];
  protected read(property: string): unknown {
    if (property === 'name') return this.live().name;
    if (property === 'showTotals') return this.live().showTotals === true;
    throw new FakeExcelError('InvalidArgument', `Table has no property ${property}.`);
  }
  get name(): string {
    return this.get('name');
  }
  get showTotals(): boolean {
    return this.get('showTotals');
  }
  get columns(): ExcelTable['columns'] {
    const table = this;
    return {
      add(index?: number | null, values?: unknown[][], name?: string) {
        let added: { table: TableModel; offset: number } | null = null;
        table.context.enqueue(sizeOf(values) + sizeOf(name), () => {
          const t = table.live();
          guard(t.sheet);
          const at = index === null || index === undefined ? t.rect.columns : index;
          const column = t.rect.column + at;
          const header = uniqueHeader(table.fake, t, String(grid0(values) ?? name ?? `Column${at + 1}`));
          table.fake.shiftColumns(t.sheet, column, 1, { row: t.rect.row, rows: t.rect.rows });
          table.fake.formatLikeLeft(t.sheet, column, 1, { row: t.rect.row, rows: t.rect.rows });
          t.rect = { ...t.rect, columns: t.rect.columns + 1 };
          t.columnIds.splice(at, 0, Math.max(0, ...t.columnIds) + 1);
          const grid = values ? checkShape({ ...t.rect, columns: 1 }, values) : undefined;
          for (let i = 0; i < t.rect.rows; i++) {
            const v = i === 0 ? header : grid ? toScalar(grid[i]![0]) : '';
            const data: CellData = typeof v === 'string' && v.startsWith('=') ? { value: 0, formula: v } : { value: v };
            const inherited = table.fake.cell(t.sheet, t.rect.row + i, column)?.numberFormat;
            table.fake.setCell(
              t.sheet,
              t.rect.row + i,
              column,
              inherited ? { ...data, numberFormat: inherited } : data,
            );
          }
          added = { table: t, offset: at };
        });
        return new FakeTableColumn(table.context, () => added);
      },
      getItemAt(index: number) {
        return new FakeTableColumn(table.context, () => {
          const t = table.live();
          if (index < 0 || index >= t.rect.columns) throw new FakeExcelError('InvalidArgument', `No column ${index}.`);
          return { table: t, offset: index };
        });
      },
      getItemOrNullObject(key: string | number) {
        return new FakeTableColumn(table.context, () => {
          const t = table.live();
          if (typeof key === 'number') {
            const offset = t.columnIds.indexOf(key);
            return offset < 0 ? null : { table: t, offset };
          }
          const name = key;
          for (let j = 0; j < t.rect.columns; j++) {
            const header = table.fake.cell(t.sheet, t.rect.row, t.rect.column + j);
            if (header && String(header.value) === name) return { table: t, offset: j };
          }
          return null;
        });
      },
    };
  }
  get autoFilter(): ExcelTable['autoFilter'] {
    const table = this;
    const filter = new (class extends Proxy<TableModel> {
      protected readonly scalars = ['isDataFiltered'];
      protected read(): unknown {
        return this.live().filtered;
      }
      get isDataFiltered(): boolean {
        return this.get('isDataFiltered');
      }
    })(this.context, () => table.live());
    return filter;
  }
  getRange(): ExcelRange {
    return new FakeRange(this.context, () => {
      const t = this.live();
      return { sheet: t.sheet, rect: t.rect };
    });
  }
}

class FakeTableColumn extends Proxy<{ table: TableModel; offset: number }> {
  protected readonly scalars = ['id', 'name'];
  protected read(property: string): unknown {
    const { table, offset } = this.live();
    if (property === 'id') return table.columnIds[offset];
    if (property === 'name') return this.fake.cell(table.sheet, table.rect.row, table.rect.column + offset)?.value;
    throw new FakeExcelError('InvalidArgument', `TableColumn has no property ${property}.`);
  }
  get id(): number {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  delete(): void {
    this.context.enqueue(10, () => {
      const { table, offset } = this.live();
      guard(table.sheet);
      this.fake.shiftColumns(table.sheet, table.rect.column + offset, -1, {
        row: table.rect.row,
        rows: table.rect.rows,
      });
      table.rect = { ...table.rect, columns: table.rect.columns - 1 };
      table.columnIds.splice(offset, 1);
    });
  }
}

/** The first value of a column's values, which Excel takes as its header. */
function grid0(values: unknown[][] | undefined): unknown {
  return values?.[0]?.[0];
}

/** Excel keeps a table's headers unique: a taken name gets the smallest free number appended ("Tier" -> "Tier2"). */
function uniqueHeader(fake: FakeExcel, table: TableModel, wanted: string): string {
  const taken = new Set<string>();
  for (let j = 0; j < table.rect.columns; j++) {
    taken.add(String(fake.cell(table.sheet, table.rect.row, table.rect.column + j)?.value ?? '').toLowerCase());
  }
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}${n}`.toLowerCase())) return `${wanted}${n}`;
}

class FakeTableCollection extends Proxy<TableModel[]> implements ExcelTableCollection {
  protected readonly scalars = ['items'];
  private itemProxies: FakeTable[] | undefined;
  protected read(): unknown {
    return undefined;
  }
  override load(): this {
    this.context.enqueue(10, () => {
      const tables = this.live();
      this.itemProxies = tables.map((t) => {
        const proxy = new FakeTable(this.context, () => t);
        (proxy as unknown as { target: TableModel }).target = t;
        return proxy;
      });
      let bytes = 0;
      for (const p of this.itemProxies) {
        (p as unknown as { loaded: Map<string, unknown> }).loaded.set('name', p['live']().name);
        bytes += sizeOf(p.name);
      }
      return bytes;
    });
    return this;
  }
  get items(): ExcelTable[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }
  getItemOrNullObject(name: string): ExcelTable {
    return new FakeTable(
      this.context,
      () => this.live().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null,
    );
  }
}

class FakeNamedItem extends Proxy<{ scope: Map<string, NameModel>; item: NameModel }> implements ExcelNamedItem {
  protected readonly scalars = ['name', 'formula'];
  protected read(property: string): unknown {
    const { item } = this.live();
    if (property === 'name') return item.name;
    if (property === 'formula') {
      if (item.ref === 'ref-error') return '=#REF!';
      return item.ref
        ? `=${rectAddress(item.ref.rect, item.ref.sheet.name).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`
        : item.formula;
    }
    throw new FakeExcelError('InvalidArgument', `NamedItem has no property ${property}.`);
  }
  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
  getRangeOrNullObject(): ExcelRange {
    return new FakeRange(this.context, () => {
      const { item } = this.live();
      return item.ref && item.ref !== 'ref-error' ? { sheet: item.ref.sheet, rect: item.ref.rect } : null;
    });
  }
  delete(): void {
    this.context.enqueue(10, () => {
      const { scope, item } = this.live();
      scope.delete(item.name.toLowerCase());
    });
  }
}

class FakeNames extends Proxy<Map<string, NameModel>> implements ExcelNamedItemCollection {
  protected readonly scalars = ['items'];
  private itemProxies: FakeNamedItem[] | undefined;
  protected read(): unknown {
    return undefined;
  }
  override load(): this {
    this.context.enqueue(10, () => {
      const scope = this.live();
      let bytes = 0;
      this.itemProxies = [...scope.values()].map((item) => {
        const proxy = new FakeNamedItem(this.context, () => ({ scope, item }));
        (proxy as unknown as { target: unknown }).target = { scope, item };
        const loaded = (proxy as unknown as { loaded: Map<string, unknown> }).loaded;
        loaded.set('name', item.name);
        loaded.set('formula', proxy['read']('formula'));
        bytes += sizeOf(item.name) + sizeOf(loaded.get('formula'));
        return proxy;
      });
      return bytes;
    });
    return this;
  }
  get items(): ExcelNamedItem[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }
  add(name: string, reference: ExcelRange | string, comment?: string): ExcelNamedItem {
    return new FakeNamedItem(this.context, () => {
      const scope = this.live();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(name) || parseAddress(name)) {
        throw new FakeExcelError('InvalidArgument', `'${name}' is not a valid name.`);
      }
      if (scope.has(name.toLowerCase())) throw new FakeExcelError('ItemAlreadyExists', `The name ${name} exists.`);
      const item: NameModel = { name, ...(comment ? { comment } : {}) };
      const parsed = typeof reference === 'string' ? parseAddress(reference.replace(/^=/, '')) : undefined;
      const target = parsed?.sheet !== undefined ? this.fake.sheet(parsed.sheet) : undefined;
      if (parsed && target) item.ref = { sheet: target, rect: parsed.rect };
      else if (typeof reference === 'string') item.formula = reference;
      else {
        const { sheet, rect } = (reference as FakeRange).resolved();
        item.ref = { sheet, rect };
      }
      scope.set(name.toLowerCase(), item);
      return { scope, item };
    });
  }
  getItemOrNullObject(name: string): ExcelNamedItem {
    return new FakeNamedItem(this.context, () => {
      const scope = this.live();
      const item = scope.get(name.toLowerCase());
      return item ? { scope, item } : null;
    });
  }
}

class FakeWorksheet extends Proxy<SheetModel> implements ExcelWorksheet {
  protected readonly scalars = ['name', 'visibility', 'position'];
  protected read(property: string): unknown {
    if (property === 'name') return this.live().name;
    if (property === 'position') return this.fake.sheets.indexOf(this.live());
    if (property === 'visibility') return this.live().visibility;
    throw new FakeExcelError('InvalidArgument', `Worksheet has no property ${property}.`);
  }
  get name(): string {
    return this.get('name');
  }
  get visibility(): SheetVisibility {
    return this.get('visibility');
  }
  get position(): number {
    return this.get('position');
  }
  set position(position: number) {
    this.write('position', position, (sheet) => {
      if (!Number.isInteger(position) || position < 0 || position >= this.fake.sheets.length)
        throw new FakeExcelError('InvalidArgument', `Bad position ${position}.`);
      this.fake.sheets.splice(this.fake.sheets.indexOf(sheet), 1);
      this.fake.sheets.splice(position, 0, sheet);
    });
  }
  /** As in Excel: a workbook keeps at least one visible sheet; the active sheet cannot be hidden. */
  set visibility(visibility: SheetVisibility) {
    this.write('visibility', visibility, (sheet) => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility))
        throw new FakeExcelError('InvalidArgument', `Bad visibility ${visibility}.`);
      if (visibility !== 'Visible') {
        const others = this.fake.sheets.filter((s) => s !== sheet && s.visibility === 'Visible');
        if (others.length === 0)
          throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        if (this.fake.active === sheet.name) this.fake.active = others[0]!.name;
      }
      sheet.visibility = visibility;
    });
  }
  get protection(): ExcelWorksheet['protection'] {
    const sheet = this;
    return new (class extends Proxy<SheetModel> {
      protected readonly scalars = ['protected'];
      protected read(): unknown {
        return this.live().protected;
      }
      get protected(): boolean {
        return this.get('protected');
      }
    })(this.context, () => sheet.live());
  }
  get autoFilter(): ExcelWorksheet['autoFilter'] {
    const sheet = this;
    return new (class extends Proxy<SheetModel> {
      protected readonly scalars = ['enabled', 'isDataFiltered'];
      protected read(property: string): unknown {
        return property === 'enabled' ? this.live().filter.enabled : this.live().filter.filtered;
      }
      get enabled(): boolean {
        return this.get('enabled');
      }
      get isDataFiltered(): boolean {
        return this.get('isDataFiltered');
      }
    })(this.context, () => sheet.live());
  }
  get names(): ExcelNamedItemCollection {
    return new FakeNames(this.context, () => this.live().names);
  }
  get tables(): ExcelTableCollection {
    return new FakeTableCollection(this.context, () => this.fake.tables.filter((t) => t.sheet === this.live()));
  }
  get charts(): ExcelWorksheet['charts'] {
    return {
      add: (type, source, seriesBy) => {
        const chart = { type: `${type}/${seriesBy}`, rect: { row: 0, column: 0, rows: 1, columns: 1 }, title: '' };
        this.context.enqueue(30, () => {
          const sheet = this.live();
          guard(sheet);
          chart.rect = (source as FakeRange).resolved().rect;
          sheet.charts.push(chart);
        });
        const context = this.context;
        const result: ExcelChart = {
          title: {
            get text(): string {
              throw notLoaded('text');
            },
            set text(value: string) {
              context.enqueue(value.length, () => {
                chart.title = value;
              });
            },
          },
        };
        return result;
      },
    };
  }
  getRange(address?: string): ExcelRange {
    return new FakeRange(this.context, () => {
      const sheet = this.live();
      if (address === undefined) return { sheet, rect: { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } };
      if (address.length > ADDRESS_LIMIT) throw new FakeExcelError('InvalidArgument', 'The address is too long.');
      const parsed = parseAddress(address);
      if (!parsed) throw new FakeExcelError('InvalidArgument', `Bad address ${address}.`);
      return { sheet, rect: parsed.rect };
    });
  }
  getRanges(address: string): ExcelRangeAreas {
    const length = address.length;
    return new FakeAreas(this.context, () => {
      const sheet = this.live();
      if (length > ADDRESS_LIMIT) {
        throw new FakeExcelError('InvalidArgument', `The address is ${length} characters long, over ${ADDRESS_LIMIT}.`);
      }
      const rects = address.split(',').map((part) => {
        const parsed = parseAddress(part);
        if (!parsed) throw new FakeExcelError('InvalidArgument', `Bad address ${part}.`);
        return parsed.rect;
      });
      return { sheet, rects };
    });
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): ExcelRange {
    return new FakeRange(this.context, () => {
      if (
        row < 0 ||
        column < 0 ||
        rowCount < 1 ||
        columnCount < 1 ||
        row + rowCount > MAX_ROWS ||
        column + columnCount > MAX_COLUMNS
      ) {
        throw new FakeExcelError('InvalidArgument', 'The range is outside the sheet.');
      }
      return { sheet: this.live(), rect: { row, column, rows: rowCount, columns: columnCount } };
    });
  }
  getUsedRangeOrNullObject(): ExcelRange {
    return new FakeRange(this.context, () => {
      const sheet = this.live();
      let top = Infinity;
      let left = Infinity;
      let bottom = -1;
      let right = -1;
      for (const [k, cell] of sheet.cells) {
        if (!hasContent(cell)) continue;
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
      return bottom < 0
        ? null
        : { sheet, rect: { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 } };
    });
  }
  activate(): void {
    this.context.enqueue(10, () => {
      const sheet = this.live();
      if (sheet.visibility !== 'Visible')
        throw new FakeExcelError('InvalidOperation', 'A hidden worksheet cannot be activated.');
      this.fake.active = sheet.name;
    });
  }
  delete(): void {
    this.context.enqueue(10, () => {
      const sheet = this.live();
      if (!this.fake.sheets.some((s) => s !== sheet && s.visibility === 'Visible'))
        throw new FakeExcelError('InvalidOperation', 'A workbook keeps one visible sheet.');
      this.fake.sheets.splice(this.fake.sheets.indexOf(sheet), 1);
      for (let i = this.fake.tables.length - 1; i >= 0; i--)
        if (this.fake.tables[i]!.sheet === sheet) this.fake.tables.splice(i, 1);
      const orphan = (n: NameModel) => {
        if (n.ref && n.ref !== 'ref-error' && n.ref.sheet === sheet) n.ref = 'ref-error';
      };
      this.fake.names.forEach(orphan);
      if (this.fake.active === sheet.name)
        this.fake.active = (this.fake.sheets.find((s) => s.visibility === 'Visible') ?? this.fake.sheets[0]!).name;
    });
  }
}

class FakeXmlPart extends Proxy<{ id: number; namespace: string; xml: string }> implements ExcelCustomXmlPart {
  protected readonly scalars = ['id'];
  protected read(): unknown {
    return this.live().id;
  }
  getXml(): ClientResult<string> {
    let value: string | undefined;
    this.context.enqueue(10, () => {
      value = this.live().xml;
      return sizeOf(value);
    });
    return {
      get value(): string {
        if (value === undefined) throw notLoaded('value');
        return value;
      },
    };
  }
  setXml(xml: string): void {
    this.write('xml', xml, (part) => {
      part.xml = xml;
    });
  }
  delete(): void {
    this.context.enqueue(10, () => {
      const part = this.live();
      this.fake.xmlParts.splice(this.fake.xmlParts.indexOf(part), 1);
    });
  }
}

function namespaceOf(xml: string): string {
  return /xmlns="([^"]*)"/.exec(xml)?.[1] ?? '';
}

class FakeWorkbook {
  constructor(private readonly context: FakeContext) {}

  get worksheets(): ExcelContext['workbook']['worksheets'] {
    const context = this.context;
    const fake = context.fake;
    return {
      getActiveWorksheet: () => new FakeWorksheet(context, () => fake.sheet(fake.active) ?? null),
      getItemOrNullObject: (name: string) => new FakeWorksheet(context, () => fake.sheet(name) ?? null),
      add: (name: string) =>
        new FakeWorksheet(context, () => {
          const active = fake.active;
          const sheet = fake.addSheet(name);
          fake.active = active;
          return sheet;
        }),
    };
  }

  get names(): ExcelNamedItemCollection {
    return new FakeNames(this.context, () => this.context.fake.names);
  }

  get customXmlParts(): ExcelContext['workbook']['customXmlParts'] {
    const context = this.context;
    const fake = context.fake;
    return {
      add: (xml: string) =>
        new FakeXmlPart(context, () => {
          const part = { id: fake.newId(), namespace: namespaceOf(xml), xml };
          fake.xmlParts.push(part);
          return part;
        }),
      getByNamespace: (namespace: string) => ({
        getOnlyItemOrNullObject: () =>
          new FakeXmlPart(context, () => {
            const parts = fake.xmlParts.filter((p) => p.namespace === namespace);
            if (parts.length > 1) throw new FakeExcelError('GeneralException', 'More than one part.');
            return parts[0] ?? null;
          }),
      }),
    };
  }

  getSelectedRange(): ExcelRange {
    const fake = this.context.fake;
    return new FakeRange(this.context, () => {
      const sheet = fake.sheet(fake.selection.sheet);
      const rect = fake.selection.rects[0];
      if (!sheet || !rect) return null;
      if (fake.selection.rects.length > 1) throw new FakeExcelError('InvalidSelection', 'Several areas are selected.');
      return { sheet, rect };
    });
  }
}
