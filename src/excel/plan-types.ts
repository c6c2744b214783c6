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
  summary?: PlanSummary;
  /** Summary cells (0-based) coloured by a two-colour scale: the RFM R x F grid of counts. */
  heatmap?: PlanRect & { low: string; high: string };
  /** Why the plan cannot be written as asked (native formulas for a table they cannot express); nothing is written. */
  problem?: string;
}
