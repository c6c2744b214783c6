/**
 * A local stand-in for the engine's host-neutral apply plan (src/engine/plan,
 * owned by another helper): what Apply writes, decided before any cell is
 * touched. The executor in office-workbook.ts runs a plan; build-plan.ts makes one.
 */
import type { Cell } from '../engine';

export type OutputKind = 'score' | 'tier' | 'strategy' | 'follow-up' | 'explanation';

export interface PlanColumn {
  kind: OutputKind;
  header: string;
  /** One per data row; a string starting with "=" is a formula. */
  cells: ReadonlyArray<string | number | null>;
}

/** One conditional format per tier: rows whose Tier cell equals `tier` get these colours. */
export interface PlanTierRule {
  tier: string;
  label: string;
  fill: string;
  font: string;
}

export interface PlanBlock {
  /** The workbook-scoped defined name of the block. */
  name: string;
  cells: Cell[][];
}

export interface ApplyPlan {
  tableId: string;
  columns: PlanColumn[];
  tierRules: PlanTierRule[];
  /** The table in sheet form, stored on the rules sheet under a defined name. */
  rules?: PlanBlock;
  /** The summary sheet: counts and shares per tier, the legend; the chart covers `chart`. */
  summary?: {
    cells: Cell[][];
    chart?: { rows: number; columns: number; title: string };
    /** Cells (0-based on the summary sheet) coloured by a two-colour scale: the RFM R x F heatmap. */
    heatmap?: { row: number; column: number; rows: number; columns: number; low: string; high: string };
  };
}
