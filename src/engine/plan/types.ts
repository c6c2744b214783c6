import type { Locale } from '../model';
import type { Cell } from '../values/cell';

/** The columns Apply may add, in this order. */
export type PlanOutputKind = 'score' | 'tier' | 'strategy' | 'follow-up' | 'explanation' | 'error';

/** A helper column of formula mode (ADR 0015, ADR 0022): shared parts of a table's long formulas, right of the outputs. */
export type PlanHelperKind = `helper-${number}`;

/** A formula with the value the engine expects it to give (hosts that cannot calculate write the value). */
export interface PlanFormula {
  formula: string;
  result: number | string | null;
}

/** What a plan puts in a cell: a value, or a formula (never a string that merely starts with "="). */
export type PlanCell = string | number | boolean | null | PlanFormula;

/** Where the graded data sits on its sheet, 0-based: the header row, the first column, the size. */
export interface DataLayout {
  sheet: string;
  /** Row of the headers; data rows follow it. */
  top: number;
  left: number;
  columnCount: number;
  /** Data rows (without the header). */
  rowCount: number;
}

export interface ApplyOptions {
  locale: Locale;
  layout: DataLayout;
  /** Optional output columns; Score is added when the table gives scores, Tier always. */
  strategy?: boolean;
  followUp?: boolean;
  explanation?: boolean;
  /** An Error column with the reason a row is ungraded (default true). */
  error?: boolean;
  /** Index among the data's columns of a value to sum per tier on the summary sheet (e.g. revenue). */
  valueColumn?: number;
  /** That column's header, for the summary's captions. */
  valueHeader?: string;
  /** Sheet headers of the mapped inputs by input id (columns.ts inputHeaders): row errors name them. */
  inputHeaders?: ReadonlyMap<string, string>;
}

export interface PlanColumn {
  kind: PlanOutputKind | PlanHelperKind;
  header: string;
  /** 0-based sheet column the output goes to: right of the data, in kind order. */
  sheetColumn: number;
  /** Excel number format, when not General. */
  numberFormat?: string;
}

/** One conditional format per tier over the whole data body: the row's Tier cell equals the tier id. */
export interface PlanTierRule {
  tier: string;
  label: string;
  /** #RRGGBB */
  fill: string;
  /** #RRGGBB */
  font: string;
  /** Relative to the body's first row, e.g. `=$D2="A"` (A1 style, as Excel and ExcelJS take it). */
  formula: string;
}

/** A 0-based rectangle on a sheet. */
export interface PlanRect {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/**
 * Everything Apply writes apart from the per-row cells, decided once: the
 * output columns, the colour rules, the rules sheet block with its defined
 * name, the legend and where the summary goes. Rows come in chunks through
 * planRows(), so a host can stream a million rows.
 */
export interface ApplyFrame {
  tableId: string;
  /** Workbook-scoped defined name of the table's sheet-form block: TW_ and the id. */
  tableName: string;
  layout: DataLayout;
  columns: PlanColumn[];
  /** The conditional formats cover this rectangle: data rows, data columns and the output columns. */
  body: PlanRect;
  tierRules: PlanTierRule[];
  rules: { sheet: string; name: string; cells: Cell[][] };
  /** Tier, label, colour (fill), strategy, follow-up; the first row is the header. Each row painted in its tier's colours. */
  legend: PlanCell[][];
  summarySheet: string;
  /** Sheet headers of the mapped inputs by input id, as ApplyOptions gave them. */
  inputHeaders?: ReadonlyMap<string, string>;
}

/** The summary sheet: per-tier counts and shares (formulas over the Tier column, with the engine's results), then the legend. */
export interface PlanSummary {
  sheet: string;
  /** 0-based sheet row of the summary's header (cells[0]); the formulas address the rows from there. */
  top: number;
  title: string;
  cells: PlanCell[][];
  /** Where the legend starts, as an index into `cells` (its sheet row is top + legendTop); painted in tier colours. */
  legendTop: number;
  /** The per-tier rows a chart may show: header row plus one per tier, first two columns. */
  chart: { rows: number; columns: number };
  /** Number formats per 0-based column of the summary table (shares as percentages). */
  numberFormats: Record<number, string>;
}
