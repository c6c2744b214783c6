/**
 * What Apply writes for the plan's spilled live formulas: the formula in the
 * block's first cell and nothing below it, so the spill has empty cells to
 * fill (a value there would give #SPILL!). Those cells are in the columns
 * Apply has just inserted, so nothing of the user's is in the way.
 */
import type { PlanCell } from '../engine/plan';
import type { Rect } from './a1';
import type { ExcelContext, ExcelWorksheet } from './excel-api';
import type { WorkbookPlan } from './plan-types';

/** Cells of frame column `column` for data rows `from`..`to` (exclusive), spilled cells empty. */
export function cellsToWrite(plan: WorkbookPlan, column: number, from: number, to: number): PlanCell[] {
  const slice = plan.cells.slice(from, to).map((row) => row[column] ?? null);
  for (const block of plan.spills ?? []) {
    if (block.column !== column) continue;
    const first = Math.max(block.row + 1, from);
    const last = Math.min(block.row + block.rows, to);
    for (let i = first; i < last; i++) slice[i - from] = null;
  }
  return slice;
}

/**
 * An output column's `formulas` as read before it is taken out (for Revert),
 * with the cells that a formula spilled into left empty: Excel reads their
 * values, and written back as constants they would block the restored spill.
 * Only formulas whose next cell is not a formula can spill, so a column of
 * one formula per row costs one look-up, not one per row.
 */
export async function withoutSpilledCells(
  context: ExcelContext,
  sheet: ExcelWorksheet,
  rect: Rect,
  formulas: unknown[][],
): Promise<unknown[][]> {
  const isFormula = (i: number) => String(formulas[i]?.[0] ?? '').startsWith('=');
  const anchors = formulas.flatMap((_row, i) =>
    isFormula(i) && !isFormula(i + 1) && i + 1 < formulas.length ? [i] : [],
  );
  const spills = anchors.map((i) =>
    sheet
      .getRangeByIndexes(rect.row + i, rect.column, 1, 1)
      .getSpillingToRangeOrNullObject()
      .load('rowIndex,rowCount'),
  );
  if (spills.length === 0) return formulas;
  await context.sync();
  const out = formulas.map((row) => [...row]);
  for (const spill of spills) {
    if (spill.isNullObject) continue;
    for (let r = spill.rowIndex + 1; r < spill.rowIndex + spill.rowCount; r++) {
      const i = r - rect.row;
      if (i >= 0 && i < out.length) out[i] = out[i]!.map(() => '');
    }
  }
  return out;
}
