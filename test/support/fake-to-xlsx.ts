/**
 * The strict fake's workbook as an .xlsx file, so a real spreadsheet engine
 * (LibreOffice) can recalculate the formulas Apply wrote there. Values are
 * written as they are; formulas without a cached result, so nothing but a
 * recalculation can give them a value. Custom-function calls (TIERWISE.*),
 * which no engine here can run, are written as the value `standIn` gives, and
 * so are the cells their results spill into.
 */
import ExcelJS from 'exceljs';
import { MAX_COLUMNS } from '../../src/excel/a1';
import type { FakeExcel } from '../../src/excel/testing/fake-excel';

export interface FormulaCell {
  sheet: string;
  row: number;
  column: number;
  formula: string;
}

export type StandIn = (cell: FormulaCell) => string | number | null;

/**
 * A formula as Excel saves it in a file: functions newer than Excel 2007 carry
 * the _xlfn. prefix there (Office.js takes and shows them without it).
 */
function fileFormula(formula: string): string {
  return formula.replace(/^=/, '').replace(/\b(SWITCH|IFS|XLOOKUP|TEXTJOIN|CONCAT|MAXIFS|MINIFS)\(/g, '_xlfn.$1(');
}

/** Writes every sheet's cells; returns the formula cells written as formulas (custom-function calls left out). */
export async function writeFakeWorkbook(fake: FakeExcel, path: string, standIn: StandIn): Promise<FormulaCell[]> {
  const workbook = new ExcelJS.Workbook();
  const formulas: FormulaCell[] = [];
  for (const sheet of fake.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const [key, data] of sheet.cells) {
      const row = Math.floor(key / MAX_COLUMNS);
      const column = key % MAX_COLUMNS;
      const cell = ws.getCell(row + 1, column + 1);
      if (data.formula === undefined) {
        cell.value = data.value;
      } else if (/\bTIERWISE\./i.test(data.formula)) {
        cell.value = standIn({ sheet: sheet.name, row, column, formula: data.formula });
      } else {
        cell.value = { formula: fileFormula(data.formula) } as ExcelJS.CellValue;
        formulas.push({ sheet: sheet.name, row, column, formula: data.formula });
      }
    }
    // Cells a live formula spilled into hold nothing of their own in the fake: they show the formula's result.
    for (const key of fake.spills.shown(sheet).keys()) {
      if (sheet.cells.has(key)) continue;
      const row = Math.floor(key / MAX_COLUMNS);
      const column = key % MAX_COLUMNS;
      ws.getCell(row + 1, column + 1).value = standIn({ sheet: sheet.name, row, column, formula: '(spilled)' });
    }
  }
  await workbook.xlsx.writeFile(path);
  return formulas;
}
