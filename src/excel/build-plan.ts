/**
 * The add-in's plan for one Apply: the engine's apply plan for the data
 * region, with live =TIERWISE.TIER_SCORE formulas in place of values when
 * asked, and for RFM tables an R x F heatmap below the summary.
 */
import { inputHeaders, summarize, type Cell, type CompiledTable, type GradeBatch, type Locale } from '../engine';
import { planApply, planRows, planSummary, planText, type ApplyFrame, type PlanCell } from '../engine/plan';
import { rfGrid, RFM_INPUT_IDS, type RfmBatch } from '../engine/rfm';
import { columnLetters } from '../engine/sheet-form/text';
import { displayCell, parseNumber } from '../engine/values/coerce';
import type { WorkbookPlan } from './plan-types';
import type { DataRegion } from './workbook';

/** The custom function that live formulas call (manifest.xml: namespace TIERWISE, ADR 0002). */
export const TIER_SCORE_FUNCTION = 'TIERWISE.TIER_SCORE';
const FORMULA_LIMIT = 8000;

export interface PlanOptions {
  mode: 'values' | 'formulas';
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

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** Columns of the region that are data: those left of the columns Tierwise wrote before. */
export function dataColumnCount(region: DataRegion): number {
  const first = Math.min(region.columnCount, ...region.outputs.map((c) => c - region.left).filter((c) => c >= 0));
  return first;
}

/** Whether live formulas can stand for the engine here: RFM scores need every row at once. */
export function canBeLive(compiled: CompiledTable): boolean {
  return compiled.table.method.kind !== 'rfm';
}

/** The row's inputs in the compiled table's column order, as one argument. */
function inputsArgument(region: DataRegion, map: ArrayLike<number>, count: number, row: number): string {
  const refs = Array.from({ length: count }, (_x, i) => {
    const column = map[i] ?? -1;
    if (column < 0) return '""';
    if (region.table) return `[@[${displayCell(region.headers[column]).replace(/([[\]#'@])/g, "'$1")}]]`;
    return `$${columnLetters(region.left + column)}${row}`;
  });
  return refs.length === 1 ? refs[0]! : `CHOOSE({${refs.map((_r, i) => i + 1).join(',')}},${refs.join(',')})`;
}

/** Replaces the values of score, tier, explanation, strategy and follow-up with live formulas. */
function liveCells(
  frame: ApplyFrame,
  compiled: CompiledTable,
  region: DataRegion,
  map: ArrayLike<number>,
  cells: PlanCell[][],
  locale: Locale,
): void {
  const name = frame.tableName;
  const tierColumn = columnLetters(frame.columns.find((c) => c.kind === 'tier')!.sheetColumn);
  const texts = (pick: (k: number) => string) => compiled.tiers.map((tier, k): [string, string] => [tier.id, pick(k)]);
  const lookup = (tierRef: string, pairs: Array<[string, string]>) => {
    const formula = `=SWITCH(${tierRef},${pairs.map(([tier, text]) => `${quote(tier)},${quote(text)}`).join(',')},"")`;
    return formula.length > FORMULA_LIMIT ? undefined : formula;
  };
  const localized = (k: number, field: 'strategy' | 'cadence') => {
    const text = compiled.tiers[k]![field];
    return text ? (locale === 'zh-CN' ? (text.zh ?? text.en) : text.en) : '';
  };
  cells.forEach((row, i) => {
    const sheetRow = region.top + 2 + i;
    const call = (output: string) =>
      `=${TIER_SCORE_FUNCTION}(${inputsArgument(region, map, compiled.columns.length, sheetRow)},${name},${quote(output)})`;
    frame.columns.forEach((column, c) => {
      const result = row[c] as string | number | null;
      let formula: string | undefined;
      switch (column.kind) {
        case 'score':
          formula = call('score');
          break;
        case 'tier':
          formula = call('tier');
          break;
        case 'explanation':
          formula = call(locale === 'zh-CN' ? '说明' : 'explain');
          break;
        case 'strategy':
          formula = lookup(
            `$${tierColumn}${sheetRow}`,
            texts((k) => localized(k, 'strategy')),
          );
          break;
        case 'follow-up':
          formula = lookup(
            `$${tierColumn}${sheetRow}`,
            texts((k) => localized(k, 'cadence')),
          );
          break;
        case 'error':
          break;
      }
      if (formula) row[c] = { formula, result };
    });
  });
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
  const valueColumn = options.valueColumn;
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
    error: options.error && !live,
    ...(valueColumn !== undefined ? { valueColumn, valueHeader: displayCell(region.headers[valueColumn]) } : {}),
    inputHeaders: inputHeaders(compiled.columns, map, region.headers),
  };
  const frame = planApply(compiled, applyOptions);
  const cells = planRows(frame, compiled, batch, locale, rows, map);
  if (live) liveCells(frame, compiled, region, map, cells, locale);
  const plan: WorkbookPlan = { frame, cells };
  if (options.summary) {
    const values =
      valueColumn === undefined ? undefined : Float64Array.from(rows, (row) => parseNumber(row[valueColumn]));
    plan.summary = planSummary(frame, compiled, summarize(compiled, batch, values), applyOptions);
    const heatmap = rfmHeatmap(compiled, rows, map, batch, plan.summary.cells, planText(locale, 'summary.heatmap'));
    if (heatmap) plan.heatmap = heatmap;
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
  title: string,
): WorkbookPlan['heatmap'] {
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
  return { top: top + 1, left: 1, rows: grid.rBins, columns: grid.fBins, low: '#FFFFFF', high: '#63BE7B' };
}
