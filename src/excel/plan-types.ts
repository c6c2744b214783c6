/**
 * What the add-in executes: the engine's apply plan (src/engine/plan) for
 * this workbook — its frame, the output cells per data row (with live
 * formulas in place of values when asked) and the summary sheet, plus the
 * RFM heatmap the add-in adds below the summary.
 */
import type { ApplyFrame, PlanCell, PlanRect, PlanSummary } from '../engine/plan';

export interface WorkbookPlan {
  frame: ApplyFrame;
  /** One array per data row, one cell per frame column. */
  cells: PlanCell[][];
  /**
   * Live formulas that spill (outside Excel tables): the cell at `row` of
   * frame column `column` holds the formula, the `rows - 1` cells below hold
   * the values it will show and are written empty, for the spill to fill.
   */
  spills?: SpillBlock[];
  summary?: PlanSummary;
  /** Summary cells (0-based) coloured by a two-colour scale: the RFM R x F grid of counts. */
  heatmap?: PlanRect & { low: string; high: string };
  /** ABC tables: summary cells (0-based) of a native Pareto chart's source, tier and value sum (pareto-chart.ts). */
  pareto?: PlanRect;
  /** Why the plan cannot be written as asked (native formulas for a table they cannot express); nothing is written. */
  problem?: string;
}

export interface SpillBlock {
  /** Frame column (index into frame.columns). */
  column: number;
  /** First data row (0-based into cells), where the formula is. */
  row: number;
  rows: number;
}
