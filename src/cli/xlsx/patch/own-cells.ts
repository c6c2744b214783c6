/**
 * Tierwise's cells of the graded sheet, held as XML per row until the sheet is rewritten: the header
 * cells (bold) on the header row, then each data row's plan cells in the plan's columns, styled with the
 * columns' number formats.
 */
import type { ApplyFrame, PlanCell } from '../../../engine/plan';
import { cellXml } from './cell-xml';
import type { SheetPatch } from './sheet-patch';
import type { StylesPatch } from './styles-patch';

export class OwnCells {
  private readonly rows: string[] = [];
  private readonly columns: number[];
  private readonly styles: number[];

  /** `frame`: the header frame (its columns in the order rows give their cells); `headerRow` 1-based. */
  constructor(
    frame: ApplyFrame,
    private readonly headerRow: number,
    styles: StylesPatch,
  ) {
    this.columns = frame.columns.map((c) => c.sheetColumn);
    this.styles = frame.columns.map((c) => (c.numberFormat ? styles.cell({ numberFormat: c.numberFormat }) : 0));
    const bold = styles.cell({ bold: true });
    this.rows.push(frame.columns.map((c) => cellXml(c.sheetColumn, headerRow, c.header, bold)).join(''));
  }

  /** The next data rows' plan cells, in the frame's column order. */
  addRows(planned: readonly PlanCell[][]): void {
    for (const cells of planned) {
      const row = this.headerRow + this.rows.length;
      const xml: string[] = [];
      for (let k = 0; k < cells.length; k++) {
        xml.push(cellXml(this.columns[k] ?? this.columns.length + k, row, cells[k] ?? null, this.styles[k] ?? 0));
      }
      // Joined, not concatenated: one flat string per row, not a rope of pieces (a million rows are held).
      this.rows.push(xml.join(''));
    }
  }

  /** The sheet patch for these cells: `replacedTo` the last 1-based column of a previous grading, if any. */
  patch(replacedTo: number, conditionalFormats: string): SheetPatch {
    const firstColumn = Math.min(...this.columns) + 1;
    const lastColumn = Math.max(...this.columns) + 1;
    return {
      cellsOf: (row) => this.rows[row - this.headerRow],
      firstRow: this.headerRow,
      lastRow: this.headerRow + this.rows.length - 1,
      firstColumn,
      lastColumn,
      replacedTo: Math.max(replacedTo, firstColumn - 1),
      conditionalFormats,
    };
  }
}
