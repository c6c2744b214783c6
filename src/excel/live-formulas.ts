/**
 * Live mode: the plan's score, tier and explanation cells as
 * =TIERWISE.TIER_SCORE calls, strategy and follow-up as SWITCH on the tier.
 * Outside an Excel table one call per output column spills down the rows
 * (split into blocks only when a result would pass the 5 MB a custom function
 * may return); inside a table, where Excel refuses spills (#SPILL!), one call
 * per row as a calculated column (ADR 0011).
 */
import { formatGradeError, type CompiledTable, type GradeBatch, type Locale } from '../engine';
import type { ApplyFrame, PlanCell, PlanColumn } from '../engine/plan';
import { columnLetters } from '../engine/sheet-form/text';
import { displayCell } from '../engine/values/coerce';
import { estimatePayloadBytes, MAX_PAYLOAD_BYTES } from '../functions/payload';
import type { SpillBlock } from './plan-types';
import type { DataRegion } from './workbook';

/** The custom function that live formulas call (manifest.xml: namespace TIERWISE, ADR 0002). */
export const TIER_SCORE_FUNCTION = 'TIERWISE.TIER_SCORE';
const FORMULA_LIMIT = 8000;

/**
 * Rows of an Excel table above which the pane advises values: each row of a
 * calculated column is one custom-function call per output column (ADR 0011).
 */
export const LIVE_TABLE_ROW_ADVICE = 5000;

/** Whether the pane should advise values over live formulas for this region. */
export function liveModeAdvised(region: DataRegion): boolean {
  return region.table !== undefined && region.rowCount > LIVE_TABLE_ROW_ADVICE;
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The function's output argument for a frame column, or undefined for columns it does not compute. */
function outputWord(column: PlanColumn, locale: Locale): string | undefined {
  switch (column.kind) {
    case 'score':
      return 'score';
    case 'tier':
      return 'tier';
    case 'explanation':
      return locale === 'zh-CN' ? '说明' : 'explain';
    default:
      return undefined;
  }
}

/** The inputs of sheet rows `first`..`last` (1-based) in the compiled table's column order, as one argument. */
function rowsArgument(region: DataRegion, map: ArrayLike<number>, count: number, first: number, last: number): string {
  const columns = Array.from({ length: count }, (_x, i) => map[i] ?? -1);
  const absolute = (column: number) => `$${columnLetters(region.left + column)}$`;
  const contiguous = columns.every((c, i) => c >= 0 && c === columns[0]! + i);
  if (contiguous) return `${absolute(columns[0]!)}${first}:${absolute(columns[count - 1]!)}${last}`;
  const refs = columns.map((c) => (c < 0 ? '""' : `${absolute(c)}${first}:${absolute(c)}${last}`));
  return `CHOOSE({${refs.map((_r, i) => i + 1).join(',')}},${refs.join(',')})`;
}

/** One table row's inputs in the compiled table's column order, as one argument. */
function tableRowArgument(region: DataRegion, map: ArrayLike<number>, count: number): string {
  const refs = Array.from({ length: count }, (_x, i) => {
    const column = map[i] ?? -1;
    if (column < 0) return '""';
    return `[@[${displayCell(region.headers[column]).replace(/([[\]#'@])/g, "'$1")}]]`;
  });
  return refs.length === 1 ? refs[0]! : `CHOOSE({${refs.map((_r, i) => i + 1).join(',')}},${refs.join(',')})`;
}

/**
 * Consecutive row ranges whose results in `columns` (the largest of them per
 * row) each fit one function result. A row the function answers with an
 * error value is counted as the error it returns (`errorText`), not as the
 * plan's empty cell.
 */
export function spillRanges(
  cells: PlanCell[][],
  columns: number[],
  errorText: (row: number) => string | undefined = () => undefined,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  let bytes = 0;
  cells.forEach((row, i) => {
    const error = errorText(i);
    const size =
      error !== undefined
        ? estimatePayloadBytes([[{ message: error }]])
        : Math.max(...columns.map((c) => estimatePayloadBytes([[row[c]]])));
    if (i > start && bytes + size > MAX_PAYLOAD_BYTES) {
      ranges.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (cells.length > start) ranges.push([start, cells.length]);
  return ranges;
}

/**
 * Replaces the values of score, tier, explanation, strategy and follow-up
 * with live formulas; returns the spill blocks written outside a table.
 */
export function liveCells(
  frame: ApplyFrame,
  compiled: CompiledTable,
  region: DataRegion,
  map: ArrayLike<number>,
  cells: PlanCell[][],
  locale: Locale,
  errors: GradeBatch['errors'],
): SpillBlock[] {
  const name = frame.tableName;
  const tierColumn = columnLetters(frame.columns.find((c) => c.kind === 'tier')!.sheetColumn);
  const inputs = compiled.columns.length;
  const call = (args: string, output: string) => `=${TIER_SCORE_FUNCTION}(${args},${name},${quote(output)})`;
  const texts = (field: 'strategy' | 'cadence') =>
    compiled.tiers.map((tier): [string, string] => {
      const text = tier[field];
      return [tier.id, text ? (locale === 'zh-CN' ? (text.zh ?? text.en) : text.en) : ''];
    });
  const lookup = (tierRef: string, pairs: Array<[string, string]>) => {
    const formula = `=SWITCH(${tierRef},${pairs.map(([tier, text]) => `${quote(tier)},${quote(text)}`).join(',')},"")`;
    return formula.length > FORMULA_LIMIT ? undefined : formula;
  };
  const withFormula = (row: PlanCell[], c: number, formula: string | undefined) => {
    if (formula) row[c] = { formula, result: row[c] as string | number | null };
  };

  const spilled = frame.columns.flatMap((column, c) => (outputWord(column, locale) ? [c] : []));
  const blocks: SpillBlock[] = [];
  if (!region.table) {
    for (const c of spilled) {
      const errorText = (row: number) => {
        const error = errors.get(row);
        return error === undefined ? undefined : formatGradeError(error, locale);
      };
      for (const [from, to] of spillRanges(cells, [c], errorText)) {
        const args = rowsArgument(region, map, inputs, region.top + 2 + from, region.top + 1 + to);
        withFormula(cells[from]!, c, call(args, outputWord(frame.columns[c]!, locale)!));
        blocks.push({ column: c, row: from, rows: to - from });
      }
    }
  }
  cells.forEach((row, i) => {
    const tierRef = `$${tierColumn}${region.top + 2 + i}`;
    frame.columns.forEach((column, c) => {
      const word = outputWord(column, locale);
      if (word && region.table) withFormula(row, c, call(tableRowArgument(region, map, inputs), word));
      if (column.kind === 'strategy') withFormula(row, c, lookup(tierRef, texts('strategy')));
      if (column.kind === 'follow-up') withFormula(row, c, lookup(tierRef, texts('cadence')));
    });
  });
  return blocks;
}
