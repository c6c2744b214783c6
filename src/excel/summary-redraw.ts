/**
 * A summary sheet redrawn where it is (ADR 0035): only Tierwise's own cells, formats and charts are taken
 * out and drawn anew, so what the user typed around the summary (notes, their own formulas) stays, and
 * formulas elsewhere that read the sheet keep reading it. A user cell where the new summary goes stops
 * the Apply before anything is changed.
 */
import { rectAddress, type Rect } from './a1';
import type { ExcelContext, ExcelWorksheet } from './excel-api';
import type { Journal, UndoStep } from './journal';
import { draw, PARETO_CHART, SUMMARY_CHART, type SummaryAsItIs, type SummaryDrawing } from './summary-sheet';

const sizeOf = (drawing: SummaryDrawing) => ({ rows: drawing.grid.length, columns: drawing.grid[0]?.length ?? 1 });
const inside = (size: { rows: number; columns: number }, r: number, c: number) => r < size.rows && c < size.columns;
const written = (drawing: SummaryDrawing, r: number, c: number) => (drawing.grid[r]?.[c] ?? '') !== '';

/**
 * The first cell the user filled that the next summary would overwrite (with `anywhere`: that Apply
 * would lose, for a summary drawn before its charts had names, which is replaced as a whole sheet).
 */
export function userCellInTheWay(asItIs: SummaryAsItIs, next: SummaryDrawing, anywhere: boolean): string | undefined {
  const room = sizeOf(next);
  for (const [r, row] of asItIs.formulas.entries())
    for (const [c, cell] of row.entries()) {
      if (cell === '' || cell === null || written(asItIs.drawn, r, c)) continue;
      if (anywhere || inside(room, r, c)) return rectAddress({ row: r, column: c, rows: 1, columns: 1 }, asItIs.sheet);
    }
  return undefined;
}

/** The ranges `draw` formats (number formats, bold, fills, the heat map's colour scale): cleared when it is taken out. */
function formattedRects(drawing: SummaryDrawing): Rect[] {
  const width = sizeOf(drawing).columns;
  const rect = (row: number, column: number, rows: number, columns: number): Rect => ({ row, column, rows, columns });
  return [
    rect(0, 0, 1, width),
    ...drawing.numberFormats.filter((f) => f.rows > 0).map((f) => rect(1, f.column, f.rows, 1)),
    rect(drawing.legendTop, 0, 1, width),
    ...drawing.legendColours.map((_c, k) => rect(drawing.legendTop + 1 + k, 0, 1, drawing.legendWidth)),
    ...(drawing.pareto
      ? [
          rect(drawing.pareto.top - 1, 0, 1, 1),
          rect(drawing.pareto.top, drawing.pareto.left, 1, drawing.pareto.columns),
        ]
      : []),
    ...(drawing.heat ? [rect(drawing.heat.top, drawing.heat.left, drawing.heat.rows, drawing.heat.columns)] : []),
  ];
}

/** Tierwise's formats and named charts of `drawing` off the sheet; its cells stay. */
async function takeOutFormats(context: ExcelContext, sheet: ExcelWorksheet, drawing: SummaryDrawing): Promise<void> {
  for (const r of formattedRects(drawing)) sheet.getRangeByIndexes(r.row, r.column, r.rows, r.columns).clear('Formats');
  const charts = [SUMMARY_CHART, PARETO_CHART].map((name) => sheet.charts.getItemOrNullObject(name));
  await context.sync();
  for (const chart of charts) if (!chart.isNullObject) chart.delete();
  await context.sync();
}

/** Empties the cells Tierwise wrote for `drawn` that the next drawing does not cover, a run of a row at a time. */
function emptyLeftovers(sheet: ExcelWorksheet, drawn: SummaryDrawing, next: SummaryDrawing): void {
  const room = sizeOf(next);
  drawn.grid.forEach((row, r) => {
    let from = -1;
    row.forEach((_cell, c) => {
      const leftover = written(drawn, r, c) && !inside(room, r, c);
      if (leftover && from < 0) from = c;
      if (from >= 0 && (!leftover || c === row.length - 1)) {
        const to = leftover ? c + 1 : c;
        sheet.getRangeByIndexes(r, from, 1, to - from).formulas = [new Array<string>(to - from).fill('')];
        from = -1;
      }
    });
  });
}

/** Apply: the earlier summary on `sheet` replaced by `next`, around the user's cells; journalled first (undo is idempotent). */
export async function redrawInPlace(
  context: ExcelContext,
  sheet: ExcelWorksheet,
  before: SummaryAsItIs,
  next: SummaryDrawing,
  journal: Journal,
): Promise<void> {
  const { rect, formulas, numberFormat, drawing } = before;
  journal.record({ kind: 'redraw-summary', sheet: before.sheet, drawn: next, drawing, rect, formulas, numberFormat });
  await takeOutFormats(context, sheet, before.drawn);
  emptyLeftovers(sheet, before.drawn, next);
  draw(sheet, next);
  await context.sync();
}

/** Revert: the summary `drawn` taken out, the earlier `drawing` drawn again and every cell of `rect` as it was. */
export async function undoRedraw(
  context: ExcelContext,
  step: Extract<UndoStep, { kind: 'redraw-summary' }>,
): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(step.sheet);
  // Both: an Apply that failed half-way may have left the earlier drawing's charts and colour scale.
  await takeOutFormats(context, sheet, step.drawn);
  await takeOutFormats(context, sheet, step.drawing);
  draw(sheet, step.drawing);
  const range = sheet.getRangeByIndexes(step.rect.row, step.rect.column, step.rect.rows, step.rect.columns);
  range.numberFormat = step.numberFormat;
  range.formulas = step.formulas;
  await context.sync();
}
