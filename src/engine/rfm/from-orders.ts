/**
 * RFM from a sheet of raw orders, as `tierwise rfm` does it: the orders read
 * with OrderCollector (every bad row reported with its cell, never skipped
 * silently), aggregated with aggregateOrders, one row per customer out; then
 * the table's scores, segments and the segment report.
 */
import type { GradeError } from '../errors';
import type { GradingTable } from '../model';
import { columnLetters } from '../sheet-form/text';
import type { Cell } from '../values/cell';
import { aggregateOrders } from './aggregate';
import { analyzeRfm, type RfmAnalysis } from './analyze';
import { OrderCollector } from './orders';
import { segmentReport, type SegmentReport } from './segment-report';
import type { CustomerTable, RfmMethodSpec } from './types';

/** The per-customer columns after the customer's: the CLI's CSV columns, which an RFM table's inputs map by name. */
export const RFM_CUSTOMER_COLUMNS = ['recency_days', 'frequency', 'monetary', 'first_order', 'last_order', 'aov'];

/** The columns the CLI's customer table (CSV and workbook) adds after RFM_CUSTOMER_COLUMNS. */
export const RFM_SCORE_COLUMNS = ['R', 'F', 'M', 'RFM', 'segment'];

export interface OrdersGrid {
  sheet: string;
  /** 0-based sheet row and column of the header's first cell; the orders follow it. */
  top: number;
  left: number;
  headers: readonly string[];
  rows: readonly (readonly Cell[])[];
}

/** A cell that is not an order's customer, date or amount: where, what it holds, why. */
export interface OrderCellProblem {
  sheet: string;
  /** A1, e.g. "C7". */
  address: string;
  /** The header of its column. */
  column: string;
  error: GradeError;
}

export interface RfmFromOrdersOptions {
  /** Indexes into the grid's columns. */
  columns: { customer: number; date: number; amount: number };
  /** Excel serial day; explicit (the pane asks for it). */
  asOf: number;
  table: GradingTable;
  /** Problems kept with their cells; all are counted. Default 100. */
  maxProblems?: number;
}

export type RfmFromOrders =
  | { ok: false; problems: OrderCellProblem[]; problemCount: number }
  | {
      ok: true;
      customers: CustomerTable;
      analysis: RfmAnalysis;
      report: SegmentReport;
      /** Orders dated after the as-of date: not counted. */
      ordersAfterAsOf: number;
      /** The customer sheet: header, then one row per customer (dates as Excel serials). */
      cells: Array<Array<string | number>>;
    };

/** Aggregates and grades the orders; any bad cell stops it with every bad cell's place and reason. */
export function rfmFromOrders(grid: OrdersGrid, options: RfmFromOrdersOptions): RfmFromOrders {
  const { columns } = options;
  const names = {
    customer: grid.headers[columns.customer] ?? '',
    date: grid.headers[columns.date] ?? '',
    amount: grid.headers[columns.amount] ?? '',
  };
  const collector = new OrderCollector({ names, maxErrors: options.maxProblems ?? 100 });
  // Rows are numbered as the sheet numbers them (1-based), the header at grid.top.
  collector.addRows(grid.rows, columns, grid.top + 2);
  const read = collector.finish();
  if (read.errorCount > 0) {
    const columnOf: Record<string, number> = {
      [names.customer]: columns.customer,
      [names.date]: columns.date,
      [names.amount]: columns.amount,
    };
    const problems = read.errors.map(({ row, error }) => {
      const input = 'input' in error ? error.input : names.customer;
      const column = columnOf[input] ?? columns.customer;
      return {
        sheet: grid.sheet,
        address: `${columnLetters(grid.left + column)}${row}`,
        column: input,
        error,
      };
    });
    return { ok: false, problems, problemCount: read.errorCount };
  }
  const { customers, ordersAfterAsOf } = aggregateOrders(read.orders, { asOf: options.asOf });
  const method = options.table.method as RfmMethodSpec;
  const analysis = analyzeRfm(customers, { ...method, segments: method.segments });
  const report = segmentReport(
    customers,
    analysis,
    method,
    options.table.tiers.map((tier) => tier.id),
  );
  const cells: Array<Array<string | number>> = [[names.customer, ...RFM_CUSTOMER_COLUMNS]];
  for (let i = 0; i < customers.count; i++) {
    cells.push([
      customers.ids[i]!,
      customers.recency[i]!,
      customers.frequency[i]!,
      customers.monetary[i]!,
      customers.firstOrder[i]!,
      customers.lastOrder[i]!,
      customers.aov[i]!,
    ]);
  }
  return { ok: true, customers, analysis, report, ordersAfterAsOf, cells };
}
