/**
 * Apply's third mode, "Excel formulas (no add-in needed)": Score, Tier and
 * Error become native Excel formulas (src/engine/formula) that grade the row
 * in any Excel since 2019 and in LibreOffice, with the engine's values as
 * their results until Excel recalculates. One formula per row; inside an
 * Excel table the formulas of a column are the same in R1C1, so the column
 * is a calculated column. A table whose formulas would not fit gets helper
 * columns right of the outputs (ADR 0015): they join the frame's columns, so
 * Apply inserts, names and journals them like any output (ADR 0022).
 */
import type { TableResolver } from '../engine/compile';
import type { CompiledTable, GradeBatch } from '../engine/grader';
import { formatFormulaProblem, nativeFormulaRows, planNativeFormulas } from '../engine/formula';
import type { Cell, Locale } from '../engine';
import type { ApplyFrame, PlanCell } from '../engine/plan';
import { getPreset } from '../engine/presets';

/**
 * Puts the formulas into `cells` (the plan's rows, values so far) and the
 * helper columns, if any, into `frame.columns` and each row; a reason the
 * table cannot be written as formulas otherwise (RFM, free text).
 */
export function nativeFormulaCells(
  frame: ApplyFrame,
  compiled: CompiledTable,
  map: ArrayLike<number>,
  cells: PlanCell[][],
  batch: GradeBatch,
  rows: readonly (readonly Cell[])[],
  locale: Locale,
  resolve: TableResolver = getPreset,
): { ok: true } | { ok: false; reason: string } {
  const planned = planNativeFormulas(compiled, frame, map, locale, resolve);
  if (!planned.ok) return { ok: false, reason: formatFormulaProblem(planned.problems[0]!, locale) };
  const written = nativeFormulaRows(planned.native, compiled, frame, cells, 0, batch, rows, map).cells;
  written.forEach((row, i) => (cells[i] = row));
  frame.columns.push(...planned.native.helpers);
  return { ok: true };
}
