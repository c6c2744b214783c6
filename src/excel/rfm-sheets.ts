/**
 * The add-in's RFM-from-orders sheets: the orders read from a sheet the user picks,
 * then a new per-customer sheet and a new segment report sheet (the engine's
 * report blocks and a clustered bar chart of share of customers against
 * share of revenue). New sheets only: a name in use gets " (2)", " (3)" ...
 */
import type { ReportBlock, RfmReportLayout } from '../engine/rfm';
import type { Cell } from '../engine/values/cell';
import { displayCell } from '../engine/values/coerce';
import { chunkRows, payloadSize } from './chunks';
import type { ExcelContext, ExcelWorksheet } from './excel-api';
import { isOwnSheet } from './own-sheets';
import { safeText } from './rules-sheet';
import { freeSheetName } from './summary-sheet';

/** A sheet's used range: its name, where it starts, its cells (header row first). */
export interface SheetGrid {
  sheet: string;
  top: number;
  left: number;
  cells: Cell[][];
}

export async function readSheetGrid(context: ExcelContext, name?: string): Promise<SheetGrid | undefined> {
  const sheets = context.workbook.worksheets;
  const sheet = (name === undefined ? sheets.getActiveWorksheet() : sheets.getItemOrNullObject(name)).load('name');
  await context.sync();
  if (sheet.isNullObject) return undefined;
  const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  if (used.isNullObject) return undefined;
  const cells: Cell[][] = [];
  // Rows in blocks of 2,000: a block of a wide sheet still stays far under the 5 MB request limit.
  for (let done = 0; done < used.rowCount; done += 2000) {
    const rows = Math.min(2000, used.rowCount - done);
    const block = sheet
      .getRangeByIndexes(used.rowIndex + done, used.columnIndex, rows, used.columnCount)
      .load('values');
    await context.sync();
    cells.push(...(block.values as Cell[][]));
  }
  return { sheet: sheet.name, top: used.rowIndex, left: used.columnIndex, cells };
}

/** The visible sheets a user may hold orders on (not Tierwise's own), in tab order, and the active one. */
export async function listOrderSheets(context: ExcelContext): Promise<{ sheets: string[]; active: string }> {
  const sheets = context.workbook.worksheets.load('items/name,items/visibility');
  const active = context.workbook.worksheets.getActiveWorksheet().load('name');
  await context.sync();
  const names = sheets.items.filter((s) => s.visibility === 'Visible' && !isOwnSheet(s.name)).map((s) => s.name);
  return { sheets: names, active: active.name };
}

export interface RfmSheetsInput {
  /** Wanted names; taken as they are when free. */
  customersSheet: string;
  reportSheet: string;
  /** Header first; numbers stay numbers, text is written as text. */
  customers: Array<Array<string | number>>;
  /** 0-based columns of `customers` holding Excel serial dates, and of money amounts. */
  dateColumns: number[];
  moneyColumns: number[];
  layout: RfmReportLayout;
  /** Caption and Excel serial of the as-of date, under the report's title. */
  asOf: { label: string; serial: number };
}

const DATE_FORMAT = 'yyyy-mm-dd';
const MONEY_FORMAT = '#,##0.00';

function cellValue(value: string | number | null): string | number {
  if (value === null) return '';
  return typeof value === 'string' ? safeText(value) : value;
}

/** Writes both sheets; returns their names. The caller records them for Revert. */
export async function writeRfmSheets(
  context: ExcelContext,
  input: RfmSheetsInput,
): Promise<{ customers: string; report: string }> {
  const customersName = await freeSheetName(context, input.customersSheet);
  const customers = context.workbook.worksheets.add(customersName);
  await context.sync();
  const width = input.customers[0]?.length ?? 1;
  const rows = input.customers;
  for (const [start, end] of chunkRows(rows.length, (i) => payloadSize(rows[i]))) {
    const n = end - start;
    customers.getRangeByIndexes(start, 0, n, width).values = rows.slice(start, end).map((r) => r.map(cellValue));
    const body = start === 0 ? 1 : 0;
    const formatted = (format: string) => Array.from({ length: n - body }, () => [format]);
    if (n - body > 0) {
      for (const column of input.dateColumns)
        customers.getRangeByIndexes(start + body, column, n - body, 1).numberFormat = formatted(DATE_FORMAT);
      for (const column of input.moneyColumns)
        customers.getRangeByIndexes(start + body, column, n - body, 1).numberFormat = formatted(MONEY_FORMAT);
    }
    await context.sync();
  }
  customers.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;

  const reportName = await freeSheetName(context, input.reportSheet);
  const report = context.workbook.worksheets.add(reportName);
  const { segments, cuts, heatmap } = input.layout;
  report.getRangeByIndexes(0, 0, 1, 1).values = [[cellValue(segments.title)]];
  report.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  report.getRangeByIndexes(1, 0, 1, 2).values = [[cellValue(input.asOf.label), input.asOf.serial]];
  report.getRangeByIndexes(1, 1, 1, 1).numberFormat = [[DATE_FORMAT]];
  const segmentsTop = 3;
  writeBlock(report, segments, segmentsTop);
  report.charts.add(
    'BarClustered',
    report.getRangeByIndexes(segmentsTop, 0, segments.chart.rows, segments.chart.columns),
    'Columns',
  ).title.text = segments.chart.title;
  // The chart is drawn over the columns right of the table; the blocks below it go under the table.
  const cutsTop = segmentsTop + segments.cells.length + 1;
  writeTitled(report, cuts, cutsTop);
  writeTitled(report, heatmap, cutsTop + cuts.cells.length + 2);
  await context.sync();
  // The customer sheet is what the pane grades next: detectData finds it from the selection.
  customers.activate();
  customers.getRangeByIndexes(0, 0, 1, 1).select();
  await context.sync();
  return { customers: customersName, report: reportName };
}

function writeTitled(sheet: ExcelWorksheet, block: ReportBlock, top: number): void {
  sheet.getRangeByIndexes(top, 0, 1, 1).values = [[cellValue(block.title)]];
  sheet.getRangeByIndexes(top, 0, 1, 1).format.font.bold = true;
  writeBlock(sheet, block, top + 1);
}

/** A block at `top`: header bold, body number formats, cell colours. */
function writeBlock(sheet: ExcelWorksheet, block: ReportBlock, top: number): void {
  const width = Math.max(...block.cells.map((r) => r.length));
  const grid = block.cells.map((r) => Array.from({ length: width }, (_x, c) => cellValue(r[c] ?? null)));
  sheet.getRangeByIndexes(top, 0, grid.length, width).values = grid;
  sheet.getRangeByIndexes(top, 0, 1, width).format.font.bold = true;
  const bodyRows = grid.length - 1;
  for (const [column, format] of Object.entries(block.numberFormats)) {
    if (bodyRows > 0)
      sheet.getRangeByIndexes(top + 1, Number(column), bodyRows, 1).numberFormat = Array.from(
        { length: bodyRows },
        () => [format],
      );
  }
  for (const colour of block.colours) {
    const range = sheet.getRangeByIndexes(top + colour.row, colour.column, 1, colour.columns);
    range.format.fill.color = colour.fill;
    range.format.font.color = colour.font;
  }
}

/** Header texts of a sheet grid's first row. */
export function headerTexts(grid: SheetGrid): string[] {
  return (grid.cells[0] ?? []).map((cell) => (cell === null || cell === undefined ? '' : displayCell(cell)));
}
