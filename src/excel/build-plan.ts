/**
 * The add-in's plan for one Apply: the engine's apply plan for the data
 * region, with live =TIERWISE.TIER_SCORE formulas in place of values when
 * asked (live-formulas.ts), and for RFM tables an R x F heatmap below the summary.
 */
import { inputHeaders, summarize, type Cell, type CompiledTable, type GradeBatch, type Locale } from '../engine';
import { planApply, planRows, planSummary, planText, type PlanCell } from '../engine/plan';
import { cutPointBlock, dimensionReports, rfGrid, RFM_INPUT_IDS, type RfmBatch } from '../engine/rfm';
import { displayCell, parseNumber } from '../engine/values/coerce';
import { liveCells } from './live-formulas';
import { abcValueColumn, paretoBlock } from './pareto-chart';
import { nativeFormulaCells } from './native-formula-cells';
import type { WorkbookPlan } from './plan-types';
import type { DataRegion } from './workbook';

export interface PlanOptions {
  /** values; live TIERWISE.TIER_SCORE formulas; or native Excel formulas that need no add-in. */
  mode: 'values' | 'formulas' | 'native';
  locale: Locale;
  strategy: boolean;
  followUp: boolean;
  explanation: boolean;
  /** A column with the reason each ungraded row could not be graded (values only). */
  error: boolean;
  summary: boolean;
  /** Data column (0-based in the region) of a value to sum per tier in the summary (e.g. revenue). */
  valueColumn?: number;
}

/** Columns of the region that are data: those left of the columns Tierwise wrote before. */
export function dataColumnCount(region: DataRegion): number {
  const first = Math.min(region.columnCount, ...region.outputs.map((c) => c - region.left).filter((c) => c >= 0));
  return first;
}

/** Whether live formulas can stand for the engine here: RFM scores need every row at once. */
export function canBeLive(compiled: CompiledTable): boolean {
  return compiled.table.method.kind !== 'rfm';
}

/**
 * The plan for grading the region's `rows` with `compiled`, whose column
 * inputs sit at `map` (region columns); `batch` is gradeRows' result.
 */
export function buildPlan(
  compiled: CompiledTable,
  region: DataRegion,
  rows: readonly (readonly Cell[])[],
  map: ArrayLike<number>,
  batch: GradeBatch,
  options: PlanOptions,
): WorkbookPlan {
  const { locale } = options;
  const live = options.mode === 'formulas' && canBeLive(compiled);
  const valueColumn = options.valueColumn ?? abcValueColumn(compiled, map);
  const applyOptions = {
    locale,
    layout: {
      sheet: region.sheet,
      top: region.top,
      left: region.left,
      columnCount: dataColumnCount(region),
      rowCount: region.rowCount,
    },
    strategy: options.strategy,
    followUp: options.followUp,
    explanation: options.explanation,
    error: (options.error && !live) || options.mode === 'native',
    ...(valueColumn !== undefined ? { valueColumn, valueHeader: displayCell(region.headers[valueColumn]) } : {}),
    inputHeaders: inputHeaders(compiled.columns, map, region.headers),
  };
  const frame = planApply(compiled, applyOptions);
  const cells = planRows(frame, compiled, batch, locale, rows, map);
  const plan: WorkbookPlan = { frame, cells };
  if (live) {
    const spills = liveCells(frame, compiled, region, map, cells, locale, batch.errors);
    if (spills.length > 0) plan.spills = spills;
  }
  const native =
    options.mode === 'native' ? nativeFormulaCells(frame, compiled, map, cells, batch, rows, locale) : undefined;
  if (native && !native.ok) plan.problem = native.reason;
  if (options.summary) {
    const values =
      valueColumn === undefined ? undefined : Float64Array.from(rows, (row) => parseNumber(row[valueColumn]));
    plan.summary = planSummary(frame, compiled, summarize(compiled, batch, values), applyOptions);
    const heatmap = rfmHeatmap(compiled, rows, map, batch, plan.summary.cells, locale);
    if (heatmap) plan.heatmap = heatmap;
    const pareto = paretoBlock(compiled, plan.summary, planText(locale, 'summary.pareto'));
    if (pareto) plan.pareto = pareto;
  }
  return plan;
}

/**
 * For RFM tables: an R x F grid of customer counts (for a colour scale) with
 * the mean monetary value of each cell beside it, appended to `cells`.
 */
function rfmHeatmap(
  compiled: CompiledTable,
  rows: readonly (readonly Cell[])[],
  map: ArrayLike<number>,
  batch: GradeBatch,
  cells: PlanCell[][],
  locale: Locale,
): WorkbookPlan['heatmap'] {
  const title = planText(locale, 'summary.heatmap');
  const scores = batch as Partial<RfmBatch>;
  if (compiled.table.method.kind !== 'rfm' || !scores.r || !scores.f || !scores.m || !scores.cuts) return undefined;
  const at = compiled.columns.findIndex((c) => c.id === RFM_INPUT_IDS.monetary);
  const column = at >= 0 ? (map[at] ?? -1) : -1;
  const monetary = Float64Array.from(rows, (row) => (column >= 0 ? parseNumber(row[column]) : NaN));
  const grid = rfGrid(scores as RfmBatch, monetary);
  cells.push([], [title]);
  const top = cells.length;
  const fs = Array.from({ length: grid.fBins }, (_x, f) => `F${f + 1}`);
  cells.push(['R \\ F', ...fs, null, ...fs]);
  for (let r = grid.rBins - 1; r >= 0; r--) {
    const mean = grid.meanMonetary[r]!.map((v) => (Number.isNaN(v) ? null : Math.round(v * 100) / 100));
    cells.push([`R${r + 1}`, ...grid.count[r]!, null, ...mean]);
  }
  // The cut points used, below the heatmap: the same block as the RFM report's.
  const cuts = cutPointBlock(dimensionReports(scores as RfmBatch), locale);
  cells.push([], [cuts.title], ...cuts.cells);
  return { top: top + 1, left: 1, rows: grid.rBins, columns: grid.fBins, low: '#FFFFFF', high: '#63BE7B' };
}
