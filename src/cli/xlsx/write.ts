/**
 * Executes an apply plan into a new .xlsx file with ExcelJS's streaming
 * writer: the data sheet (input cells, then the plan's output columns) row by
 * row, one conditional format per tier, then the summary sheet with its
 * legend and the rules sheet with the table's defined name, as the add-in
 * writes them.
 */
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { ApplyFrame, PlanCell, PlanSummary } from '../../engine/plan';
import { sheetRef } from '../../engine/plan';
import { columnLetters } from '../../engine/sheet-form/text';
import type { Cell } from '../../engine/values/cell';

type CellValue = ExcelJS.CellValue;

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** An engine/plan cell as an ExcelJS value. */
function valueOf(cell: PlanCell | Cell): CellValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'object' && !(cell instanceof Date)) {
    if ('formula' in cell)
      return { formula: cell.formula.replace(/^=/, ''), result: cell.result ?? undefined } as CellValue;
    if ('error' in cell) return { error: cell.error } as CellValue;
  }
  if (typeof cell === 'number' && !Number.isFinite(cell)) return null;
  return cell as CellValue;
}

/** Writes one graded workbook; call the methods in order: header, rows (chunks), finishData, summary, rules, close. */
export class XlsxPlanWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly data: ExcelJS.Worksheet;

  constructor(path: string, dataSheet: string) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useStyles: true,
      useSharedStrings: false,
    });
    this.data = this.workbook.addWorksheet(dataSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  }

  /** The header row: the input's headers, then the plan's column headers. */
  writeHeader(header: readonly Cell[], frame: ApplyFrame): void {
    const width = frame.layout.columnCount;
    const values: CellValue[] = [];
    for (let c = 0; c < width; c++) values.push(valueOf(header[c]));
    for (const column of frame.columns) values.push(column.header);
    const row = this.data.addRow(values);
    row.font = { bold: true };
    row.commit();
  }

  /** Data rows: the input's cells as read, then the plan's cells. */
  writeRows(rows: readonly (readonly Cell[])[], outputs: readonly PlanCell[][], width: number): void {
    for (let i = 0; i < rows.length; i++) {
      const input = rows[i]!;
      const values: CellValue[] = new Array<CellValue>(width);
      for (let c = 0; c < width; c++) values[c] = valueOf(input[c]);
      for (const cell of outputs[i]!) values.push(valueOf(cell));
      this.data.addRow(values).commit();
    }
  }

  /** One conditional format per tier over the body, bound to the Tier column; then the data sheet is done. */
  finishData(frame: ApplyFrame): void {
    const { body } = frame;
    if (body.rows > 0 && frame.tierRules.length > 0) {
      const ref = `${columnLetters(body.left)}${body.top + 1}:${columnLetters(body.left + body.columns - 1)}${body.top + body.rows}`;
      this.data.addConditionalFormatting({
        ref,
        rules: frame.tierRules.map((rule, k) => ({
          type: 'expression',
          priority: k + 1,
          formulae: [rule.formula.replace(/^=/, '')],
          style: {
            fill: {
              type: 'pattern',
              pattern: 'solid',
              bgColor: { argb: argb(rule.fill) },
              fgColor: { argb: argb(rule.fill) },
            },
            font: { color: { argb: argb(rule.font) } },
          },
        })),
      });
    }
    this.data.commit();
  }

  /** The summary sheet: the title above the plan's `top` row, the table of counts and shares, then the legend in tier colours. */
  writeSummary(summary: PlanSummary, frame: ApplyFrame): void {
    const sheet = this.workbook.addWorksheet(summary.sheet);
    for (let r = 0; r < summary.top; r++) {
      const title = sheet.addRow(r === 0 ? [summary.title] : []);
      title.font = { bold: true };
      title.commit();
    }
    summary.cells.forEach((cells, r) => {
      const row = sheet.addRow(cells.map(valueOf));
      if (r === 0 || r === summary.legendTop) row.font = { bold: true };
      const tier = r > summary.legendTop ? frame.tierRules[r - summary.legendTop - 1] : undefined;
      if (tier) {
        row.eachCell((cell) => {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(tier.fill) } };
          cell.font = { color: { argb: argb(tier.font) } };
        });
      }
      if (r > 0 && r < summary.legendTop) {
        for (const [column, format] of Object.entries(summary.numberFormats)) {
          row.getCell(Number(column) + 1).numFmt = format;
        }
      }
      row.commit();
    });
    sheet.commit();
  }

  /** The rules sheet: the table in sheet form at A1, under the workbook-scoped defined name. */
  writeRules(frame: ApplyFrame): void {
    const { rules } = frame;
    const sheet = this.workbook.addWorksheet(rules.sheet);
    let width = 1;
    for (const cells of rules.cells) {
      width = Math.max(width, cells.length);
      sheet.addRow(cells.map(valueOf)).commit();
    }
    sheet.commit();
    const ref = `${sheetRef(rules.sheet)}!$A$1:$${columnLetters(width - 1)}$${Math.max(1, rules.cells.length)}`;
    this.workbook.definedNames.add(ref, rules.name);
  }

  async close(): Promise<void> {
    await this.workbook.commit();
  }

  /** Gives up: closes the file (opened lazily, so it may appear only now) so the caller can remove it. */
  async abort(): Promise<void> {
    const stream = (this.workbook as unknown as { stream?: Writable }).stream;
    if (!stream || stream.closed) return;
    await new Promise<void>((done) => {
      stream.once('close', done);
      stream.destroy();
    });
  }
}
