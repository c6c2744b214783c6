/**
 * ABC tables on the summary sheet (ADR 0023): the ranked value is the
 * summary's value column unless the manager picked another, and a native
 * Pareto chart (Excel.ChartType "Pareto", ExcelApi 1.9) is drawn from a small
 * block of formulas over the summary's tier rows: per tier its label and its
 * sum of the value. Excel sorts the bars and draws the cumulative-share line.
 */
import type { CompiledTable } from '../engine';
import type { PlanCell, PlanFormula, PlanRect, PlanSummary } from '../engine/plan';

/** Summary column (0-based) of the value sum per tier, when the summary has values. */
const VALUE_SUM_COLUMN = 4;

/** The region column of an ABC table's ranked input, or undefined (other tables, input not mapped). */
export function abcValueColumn(compiled: CompiledTable, map: ArrayLike<number>): number | undefined {
  const method = compiled.table.method;
  if (method.kind !== 'abc') return undefined;
  const at = compiled.columns.findIndex((c) => c.id === method.input);
  const column = at >= 0 ? map[at] : undefined;
  return column !== undefined && column >= 0 ? column : undefined;
}

/**
 * For ABC tables whose summary has the value column: appends the chart's block (a title, then
 * tier and value sum per tier, as formulas over the summary's rows) to the summary's cells and
 * returns where it is (0-based summary cells); else undefined.
 */
export function paretoBlock(compiled: CompiledTable, summary: PlanSummary, title: string): PlanRect | undefined {
  if (compiled.table.method.kind !== 'abc') return undefined;
  const header = summary.cells[0] ?? [];
  if (header.length <= VALUE_SUM_COLUMN) return undefined;
  const tiers = summary.chart.rows - 1;
  const { cells } = summary;
  cells.push([], [title]);
  const top = cells.length;
  cells.push([header[0] ?? null, header[VALUE_SUM_COLUMN] ?? null]);
  for (let k = 0; k < tiers; k++) {
    const row = cells[1 + k]!;
    // The summary's tier rows are sheet rows top + 2 onwards (1-based).
    const sheetRow = summary.top + 2 + k;
    cells.push([
      { formula: `=A${sheetRow}`, result: resultOf(row[0]) },
      { formula: `=E${sheetRow}`, result: resultOf(row[VALUE_SUM_COLUMN]) },
    ]);
  }
  return { top, left: 0, rows: tiers + 1, columns: 2 };
}

/** What a summary cell shows: a formula's expected result, or the value. */
function resultOf(cell: PlanCell | undefined): PlanFormula['result'] {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'object') return cell.result;
  return typeof cell === 'boolean' ? String(cell) : cell;
}
