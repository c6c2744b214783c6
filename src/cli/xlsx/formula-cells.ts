/**
 * `tierwise grade FILE.xlsx --formulas`: the plan's Score, Tier and Error
 * cells written as native Excel formulas (cached results: the engine's
 * values), so the workbook grades itself where Tierwise is not installed.
 * The .xlsx writer calls this through one hook per step.
 */
import type { TableResolver } from '../../engine/compile';
import type { ColumnMap, CompiledTable, GradeBatch } from '../../engine/grader';
import {
  fileFormula,
  formatFormulaProblem,
  formulaText,
  nativeFormulaRows,
  planNativeFormulas,
} from '../../engine/formula';
import type { Locale } from '../../engine/model';
import type { ApplyFrame, PlanCell } from '../../engine/plan';
import type { Cell } from '../../engine/values/cell';

export interface XlsxFormulaMode {
  /** The frame for the header row: the plan's columns, then the helper columns' headers. */
  headerFrame: ApplyFrame;
  /** A chunk's plan cells with formulas in place of Score, Tier and Error, and helper cells after them. */
  rows(planned: PlanCell[][], batch: GradeBatch, chunk: ArrayLike<ArrayLike<Cell>>): PlanCell[][];
  /** The warning to print when some rows hold text the formulas cannot read; undefined when none. */
  warning(): string | undefined;
}

export function xlsxFormulaMode(
  compiled: CompiledTable,
  frame: ApplyFrame,
  map: ColumnMap,
  locale: Locale,
  resolve?: TableResolver,
): { ok: true; mode: XlsxFormulaMode } | { ok: false; message: string } {
  const planned = planNativeFormulas(compiled, frame, map, locale, resolve);
  if (!planned.ok) return { ok: false, message: formatFormulaProblem(planned.problems[0]!, locale) };
  const { native } = planned;
  let done = 0;
  let unread = 0;
  const headerFrame: ApplyFrame = {
    ...frame,
    columns: [...frame.columns, ...native.helpers],
  };
  return {
    ok: true,
    mode: {
      headerFrame,
      rows(cells, batch, chunk) {
        const out = nativeFormulaRows(native, compiled, frame, cells, done, batch, chunk, map);
        done += cells.length;
        unread += out.unread;
        // The file stores post-2007 functions with their _xlfn. prefix.
        return out.cells.map((row) =>
          row.map((cell) =>
            cell !== null && typeof cell === 'object' ? { ...cell, formula: fileFormula(cell.formula) } : cell,
          ),
        );
      },
      warning: () => (unread > 0 ? formulaText(locale, 'formula.unread-rows', { count: unread }) : undefined),
    },
  };
}
