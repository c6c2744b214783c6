/**
 * The apply plan: what Apply writes, decided by the engine before any cell is
 * touched; the add-in (Office.js) and the CLI (.xlsx) execute the same plan.
 * See README.md in this folder.
 */
import type { ColumnMap, CompiledTable } from '../grader';
import { summarize } from '../summary';
import type { Cell } from '../values/cell';
import { planApply, planRows, planSummary } from './build';
import type { ApplyFrame, ApplyOptions, PlanCell, PlanSummary } from './types';

export * from './types';
export {
  planApply,
  planRows,
  planSummary,
  planText,
  sheetRef,
  tableDefinedName,
  RULES_SHEET,
  SUMMARY_SHEET,
  TABLE_NAME_PREFIX,
} from './build';

/** A whole plan at once, for hosts that hold every row (the add-in): frame, output cells per row, summary. */
export interface ApplyPlan {
  frame: ApplyFrame;
  cells: PlanCell[][];
  summary: PlanSummary;
}

/** Grades `rows` (data rows, the columns of `map` as mapColumns gives it) and plans everything Apply writes. */
export function buildApplyPlan(
  compiled: CompiledTable,
  rows: ArrayLike<ArrayLike<Cell>>,
  map: ColumnMap,
  options: ApplyOptions,
): ApplyPlan {
  const frame = planApply(compiled, options);
  const batch = compiled.gradeRows(rows, map);
  const values =
    options.valueColumn === undefined
      ? undefined
      : Float64Array.from({ length: rows.length }, (_x, i) => {
          const v = rows[i]![options.valueColumn!];
          return typeof v === 'number' ? v : NaN;
        });
  const cells = planRows(frame, compiled, batch, options.locale, rows, map);
  const summary = planSummary(frame, compiled, summarize(compiled, batch, values), options);
  return { frame, cells, summary };
}
