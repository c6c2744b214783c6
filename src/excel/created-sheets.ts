/**
 * Sheets an Apply created (the summary, the rules sheet, the RFM sheets of the pane): Revert deletes
 * them, and so refuses while one holds a cell of the user's, outside the rectangles Tierwise wrote there
 * (kept in the `delete-sheet` step). Journals written before those rectangles undo as before.
 */
import { rectAddress, type Rect } from './a1';
import type { ExcelContext } from './excel-api';
import type { Journal } from './journal';
import type { GridReader } from './rules-sheet';

const filled = (cell: unknown) => cell !== '' && cell !== null && cell !== undefined;

/** The non-empty cells of `grid` at (top, left) as rectangles: a run per row, runs alike on rows below merged. */
export function writtenRects(grid: ReadonlyArray<ReadonlyArray<unknown>>, top = 0, left = 0): Rect[] {
  const rects: Rect[] = [];
  let above: Rect[] = [];
  grid.forEach((row, r) => {
    const runs: Rect[] = [];
    row.forEach((cell, c) => {
      if (!filled(cell)) return;
      const last = runs.at(-1);
      if (last && last.column + last.columns === left + c) last.columns++;
      else runs.push({ row: top + r, column: left + c, rows: 1, columns: 1 });
    });
    above = runs.map((run) => {
      const same = above.find((a) => a.column === run.column && a.columns === run.columns);
      if (!same) return (rects.push(run), run);
      same.rows++;
      return same;
    });
  });
  return rects;
}

/** `rect` less `hole`: up to four rectangles (above, below, left, right). */
function subtract(rect: Rect, hole: Rect): Rect[] {
  const top = Math.max(rect.row, hole.row);
  const bottom = Math.min(rect.row + rect.rows, hole.row + hole.rows);
  const left = Math.max(rect.column, hole.column);
  const right = Math.min(rect.column + rect.columns, hole.column + hole.columns);
  if (top >= bottom || left >= right) return [rect];
  const parts: Rect[] = [
    { row: rect.row, column: rect.column, rows: top - rect.row, columns: rect.columns },
    { row: bottom, column: rect.column, rows: rect.row + rect.rows - bottom, columns: rect.columns },
    { row: top, column: rect.column, rows: bottom - top, columns: left - rect.column },
    { row: top, column: right, rows: bottom - top, columns: rect.column + rect.columns - right },
  ];
  return parts.filter((p) => p.rows > 0 && p.columns > 0);
}

/** The used range as rectangles Tierwise did not write: what to read for the user's cells. */
const outside = (used: Rect, written: readonly Rect[]): Rect[] =>
  written.reduce((rest, hole) => rest.flatMap((r) => subtract(r, hole)), [used]);

/** Each named sheet's used range (undefined: no such sheet, or nothing on it), in two requests for them all. */
async function usedRects(context: ExcelContext, names: readonly string[]): Promise<Array<Rect | undefined>> {
  if (names.length === 0) return [];
  const sheets = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
  await context.sync();
  const used = sheets.map((sheet) =>
    sheet.isNullObject
      ? undefined
      : sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
  );
  if (used.some((u) => u !== undefined)) await context.sync();
  return used.map((u) =>
    !u || u.isNullObject
      ? undefined
      : { row: u.rowIndex, column: u.columnIndex, rows: u.rowCount, columns: u.columnCount },
  );
}

/** What the pane wrote on the sheets it created for this Apply (RFM from orders): each sheet's used range. */
export async function createdSheetSteps(
  context: ExcelContext,
  sheets: readonly string[],
): Promise<Array<{ kind: 'delete-sheet'; sheet: string; written: Rect[] }>> {
  const used = await usedRects(context, sheets);
  return sheets.map((sheet, k) => ({ kind: 'delete-sheet' as const, sheet, written: used[k] ? [used[k]] : [] }));
}

/** Rectangles Tierwise wrote of at least this many cells (an RFM sheet, graded columns) are not read back. */
const UNREAD_CELLS = 10_000;

const covers = (rect: Rect, row: number, column: number) =>
  row >= rect.row && row < rect.row + rect.rows && column >= rect.column && column < rect.column + rect.columns;

/**
 * The first filled cell (row by row) of `used` outside `written`. The used range is read but for Tierwise's
 * large rectangles, in a few pieces (a summary or a rules block: its used range whole, each cell tested).
 */
async function firstUserCell(
  used: Rect,
  written: readonly Rect[],
  read: (rect: Rect) => Promise<unknown[][]>,
): Promise<Rect | undefined> {
  const parts = outside(
    used,
    written.filter((w) => w.rows * w.columns >= UNREAD_CELLS),
  );
  let first: Rect | undefined;
  for (const rect of parts) {
    const grid = await read(rect);
    const found = grid.flatMap((cells, r) => {
      const c = cells.findIndex(
        (cell, k) => filled(cell) && !written.some((w) => covers(w, rect.row + r, rect.column + k)),
      );
      return c < 0 ? [] : [{ row: rect.row + r, column: rect.column + c, rows: 1, columns: 1 }];
    })[0];
    if (found && (!first || found.row < first.row || (found.row === first.row && found.column < first.column)))
      first = found;
  }
  return first;
}

/**
 * The first cell of the user's (row by row) on a sheet Revert would delete; undefined when none. The
 * columns the Apply wrote on such a sheet (its fingerprint: RFM customers graded) are Tierwise's too.
 */
export async function userCellOnCreatedSheet(
  context: ExcelContext,
  journal: Journal,
  read: GridReader,
): Promise<{ sheet: string; address: string } | undefined> {
  const print = journal.fingerprint;
  const steps = journal
    .undoOrder()
    .flatMap((step) =>
      step.kind === 'delete-sheet' && step.written ? [{ sheet: step.sheet, written: step.written }] : [],
    );
  const usedOf = await usedRects(
    context,
    steps.map((step) => step.sheet),
  );
  for (const [k, step] of steps.entries()) {
    const used = usedOf[k];
    if (!used) continue;
    const graded =
      print && print.sheet.toLowerCase() === step.sheet.toLowerCase()
        ? [{ row: print.row, column: print.column, rows: print.rows, columns: print.keys.length }]
        : [];
    const sheet = context.workbook.worksheets.getItemOrNullObject(step.sheet);
    const first = await firstUserCell(used, [...step.written, ...graded], (rect) => read(sheet, rect, 'formulas'));
    if (first) return { sheet: step.sheet, address: rectAddress(first, step.sheet) };
  }
  return undefined;
}
