/**
 * The pane's RFM-from-orders step without React: the orders of a read sheet
 * aggregated and graded by the engine exactly as `tierwise rfm` does, bad
 * cells listed with their place and reason, else the customer and segment
 * report sheets written through the Workbook.
 */
import type { GradingTable, Locale } from '../../engine';
import { formatGradeError } from '../../engine/messages';
import {
  findOrderColumn,
  rfmFromOrders,
  rfmReportLayout,
  rfmReportText,
  ORDER_COLUMN_ROLES,
  type OrderColumnRole,
} from '../../engine/rfm';
import { headerTexts, type SheetGrid } from '../../excel/rfm-sheets';
import type { Workbook, WorkbookProblem } from '../../excel/workbook';
import { paneText } from '../text';
import { cutPointRows, type CutPointRow } from './cut-points-table';

export type OrderColumns = Record<OrderColumnRole, number>;

/** The columns found by their headers (English or Chinese, as the CLI finds them); -1 where none fits. */
export function guessOrderColumns(grid: SheetGrid): OrderColumns {
  const headers = headerTexts(grid);
  const found = {} as OrderColumns;
  for (const role of ORDER_COLUMN_ROLES) found[role] = findOrderColumn(headers, role);
  return found;
}

export interface RfmOrdersRequest {
  grid: SheetGrid;
  columns: OrderColumns;
  /** Excel serial day. */
  asOf: number;
  table: GradingTable;
  locale: Locale;
}

export type RfmOrdersOutcome =
  | { kind: 'bad-cells'; count: number; lines: string[] }
  | {
      kind: 'written';
      sheets: { customers: string; report: string };
      customers: number;
      ordersAfterAsOf: number;
      cuts: CutPointRow[];
    }
  | { kind: 'failed'; problem: WorkbookProblem };

export async function buildRfmSheets(workbook: Workbook, request: RfmOrdersRequest): Promise<RfmOrdersOutcome> {
  const { grid, columns, locale, table } = request;
  const headers = headerTexts(grid);
  const result = rfmFromOrders(
    { sheet: grid.sheet, top: grid.top, left: grid.left, headers, rows: grid.cells.slice(1) },
    { columns, asOf: request.asOf, table },
  );
  if (!result.ok) {
    const lines = result.problems.map((p) =>
      paneText(locale, 'rfm-orders.bad-cell', {
        sheet: p.sheet,
        address: p.address,
        reason: formatGradeError(p.error, locale),
      }),
    );
    return { kind: 'bad-cells', count: result.problemCount, lines };
  }
  const layout = rfmReportLayout(result.report, table, locale);
  const written = await workbook.writeRfmSheets({
    customersSheet: paneText(locale, 'rfm-orders.sheet.customers'),
    reportSheet: paneText(locale, 'rfm-orders.sheet.report'),
    customers: result.cells,
    dateColumns: [4, 5],
    moneyColumns: [3, 6],
    layout,
    asOf: { label: rfmReportText(locale, 'report.as-of'), serial: result.customers.asOf },
  });
  if (!written.ok) return { kind: 'failed', problem: written.problem };
  const cuts = cutPointRows(result.report.dimensions, locale);
  return {
    kind: 'written',
    sheets: written.value,
    customers: result.customers.count,
    ordersAfterAsOf: result.ordersAfterAsOf,
    cuts,
  };
}
