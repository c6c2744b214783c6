/**
 * The fake's workbook model (sheets, cells, tables, names, conditional formats), its errors, and the
 * checks and conversions Excel applies to a write (protected sheets, array shapes, typed text, payload
 * sizes).
 */
import { MAX_COLUMNS, type Rect } from '../a1';
import type { SheetVisibility } from '../excel-api';

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

export type Scalar = string | number | boolean;

export interface CellData {
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

export interface NameModel {
  name: string;
  ref?: { sheet: SheetModel; rect: Rect } | 'ref-error';
  formula?: string;
  comment?: string;
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  rect: Rect;
  filtered: boolean;
  /** One id per column, left to right: Excel's TableColumn.id, kept by the column when others come and go. */
  columnIds: number[];
  /** The last row of `rect` is the totals row (Table.showTotals): part of the table's range, not of its data body. */
  showTotals?: boolean;
}

/** A chart: its type as `type/seriesBy`, its source range, its title; `name` once Tierwise names it. */
export interface ChartModel {
  type: string;
  rect: Rect;
  title: string;
  name?: string;
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
  charts: ChartModel[];
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

export const key = (row: number, column: number): number => row * MAX_COLUMNS + column;

export const isEmpty = (cell: CellData | undefined): boolean =>
  cell === undefined ||
  (cell.formula === undefined &&
    cell.value === '' &&
    !cell.numberFormat &&
    !cell.bold &&
    !cell.fill &&
    !cell.fontColor);

export const hasContent = (cell: CellData | undefined): boolean =>
  cell !== undefined && (cell.formula !== undefined || cell.value !== '');

export const intersects = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.rows &&
  b.row < a.row + a.rows &&
  a.column < b.column + b.columns &&
  b.column < a.column + a.columns;

/** Excel on the web's limits are on bytes: the JSON of a value as UTF-8 (no TextEncoder: jsdom tests lack it). */
export const sizeOf = (value: unknown): number => (value === undefined ? 0 : utf8Bytes(JSON.stringify(value)));

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Excel keeps names sorted; their order of creation is not observable. */
export function sortedNames(names: Map<string, NameModel>): NameModel[] {
  return [...names.keys()].sort().map((k) => names.get(k)!);
}

export function notLoaded(property: string): FakeExcelError {
  return new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function guard(sheet: SheetModel): void {
  if (sheet.protected) {
    throw new FakeExcelError(
      'AccessDenied',
      "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
    );
  }
}

export function selectable(sheet: SheetModel): void {
  if (sheet.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', 'The sheet is hidden.');
}

export function checkShape(rect: Rect, values: unknown): unknown[][] {
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

export function toScalar(value: unknown): Scalar {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  throw new FakeExcelError('InvalidArgument', `Cannot write ${typeof value} to a cell.`);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * What Excel makes of text written through `values` into a cell not formatted as text ("@"):
 * a number ("00123" -> 123) or an ISO date or date-time ("2026-03-01", "2026-03-01 09:00") -> its serial.
 */
export function typedAsExcel(value: Scalar): Scalar {
  if (typeof value !== 'string') return value;
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  const date = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(value);
  if (!date) return value;
  const [y, m, d, hh, mm] = date.slice(1).map((part) => Number(part ?? 0));
  return (Date.UTC(y!, m! - 1, d!, hh, mm) - EXCEL_EPOCH) / 86_400_000;
}
