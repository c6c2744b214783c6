/**
 * What Apply re-reads before it writes (ADR 0008): the header row of the region and where Tierwise's
 * own columns are. The preview was built from them; when a column was inserted, deleted, moved or
 * renamed since, writing by the preview's positions would put outputs under the wrong header or take
 * out a column that is no longer Tierwise's, so Apply refuses instead.
 */
import type { Cell } from '../engine';
import type { DataRegion } from './workbook';

/** Whether a cell is as it was read: Excel gives back what it holds, and '' for a blank. */
export function sameCell(now: Cell | undefined, then: Cell | undefined): boolean {
  const blank = (c: Cell | undefined) => c === '' || c === null || c === undefined;
  return now === then || (blank(now) && blank(then));
}

/**
 * The first sheet column (0-based) of the region whose header differs from the preview's, or that is
 * Tierwise's now but was not then (or the other way round); undefined when the columns are as previewed.
 */
export function firstMovedColumn(
  region: DataRegion,
  headersNow: readonly Cell[],
  outputsNow: readonly number[],
): number | undefined {
  const ours = new Set(outputsNow.filter((c) => c >= region.left && c < region.left + region.columnCount));
  const then = new Set(region.outputs);
  for (let j = 0; j < region.columnCount; j++) {
    const column = region.left + j;
    if (!sameCell(headersNow[j], region.headers[j]) || ours.has(column) !== then.has(column)) return column;
  }
  // Tierwise columns right of the region are an earlier Apply's of this preview: the pane keeps its region.
  return undefined;
}
