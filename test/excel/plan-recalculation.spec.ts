/**
 * The add-in's plan, recalculated by a real spreadsheet engine: Apply runs on
 * the strict fake, the fake's cells (values and formulas, no cached results)
 * go to an .xlsx, LibreOffice recalculates it (one conversion per workbook),
 * and every formula cell must show the engine's figure; the summary sheet is
 * compared cell by cell with figures computed from the engine's batch alone.
 * TIERWISE.TIER_SCORE calls, which only Excel can run, and the cells they
 * spill into stand in as the engine's value (the functions' own tests and
 * live-spills.spec.ts check them); the formulas that read them (SWITCH
 * strategy and follow-up columns, the summary) are recalculated.
 */
import { join } from 'node:path';
import { mapColumns, type Cell } from '../../src/engine';
import type { PlanCell } from '../../src/engine/plan';
import { parseNumber } from '../../src/engine/values/coerce';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import type { WorkbookPlan } from '../../src/excel/plan-types';
import type { Result } from '../../src/excel/workbook';
import { writeFakeWorkbook, type FormulaCell } from '../support/fake-to-xlsx';
import { expectedSummaryGrid, gridDifferences, sameCell } from '../support/recalculated';
import { libreOfficeSession, parseCsv, sheetsAsCsv, SOFFICE } from '../xlsx/office';
import { customerWorkbook, paymentScorecard, planFor, withTierScore } from './support';

const describeLo = SOFFICE ? describe : describe.skip;
if (!SOFFICE && process.env.CI) throw new Error('LibreOffice missing: apt-get install -y libreoffice-calc-nogui');

const lo = libreOfficeSession('tierwise-plan-lo-');

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problem)}`);
  return result.value;
}

const at = (sheet: string, row: number, column: number) => `${sheet}!${row}:${column}`;

/** Every cell the plan decided, by sheet position, with the engine's value (a formula's expected result). */
function engineValues(
  plan: WorkbookPlan,
  dataSheet: string,
  dataTop: number,
  summarySheet: string,
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const valueOf = (cell: PlanCell) => (cell !== null && typeof cell === 'object' ? cell.result : cell);
  plan.cells.forEach((row, i) =>
    row.forEach((cell, c) =>
      out.set(at(dataSheet, dataTop + 1 + i, plan.frame.columns[c]!.sheetColumn), valueOf(cell)),
    ),
  );
  plan.summary?.cells.forEach((row, r) =>
    row.forEach((cell, c) => out.set(at(summarySheet, plan.summary!.top + r, c), valueOf(cell))),
  );
  return out;
}

describeLo("the add-in's plan recalculated by LibreOffice", () => {
  it.each(['values', 'formulas'] as const)(
    'given Apply in %s mode then every formula cell, and every summary cell, recalculates to the engine figure',
    async (mode) => {
      const fake = withTierScore(customerWorkbook(40));
      const workbook = new OfficeWorkbook(fake.run);
      const region = value(await workbook.detectData());
      const rows = value(await workbook.readRows(region)) as Cell[][];
      const plan = planFor(region, rows, { mode, followUp: true });
      value(await workbook.apply(region, plan));
      const summarySheet = fake.sheets.find((s) => s.name.startsWith(plan.summary!.sheet))!.name;
      const expected = engineValues(plan, region.sheet, region.top, summarySheet);
      const standIn = (cell: FormulaCell) => {
        const v = expected.get(at(cell.sheet, cell.row, cell.column));
        if (v === undefined) throw new Error(`no engine value for ${cell.formula}`);
        return v as string | number | null;
      };
      const file = join(lo.dir, `${mode}.xlsx`);
      const formulas = await writeFakeWorkbook(fake, file, standIn);
      const sheets = sheetsAsCsv(lo.profile, file);
      const grids = new Map([...sheets].map(([name, csv]) => [name, parseCsv(csv)]));

      const wrong = formulas.flatMap((cell) => {
        const want = expected.get(at(cell.sheet, cell.row, cell.column));
        const got = grids.get(cell.sheet)?.[cell.row]?.[cell.column];
        if (want === undefined)
          return [`${cell.sheet} R${cell.row + 1}C${cell.column + 1} ${cell.formula}: no engine value`];
        return sameCell(got, want as string | number | null)
          ? []
          : [`${cell.sheet} R${cell.row + 1}C${cell.column + 1} ${cell.formula}: got ${got}, engine says ${want}`];
      });
      expect(wrong).toEqual([]);
      // The summary's formulas and the SWITCH columns were really there to check.
      expect(formulas.filter((f) => f.sheet === summarySheet).length).toBeGreaterThanOrEqual(3 * 4);
      if (mode === 'formulas') expect(formulas.filter((f) => f.formula.startsWith('=SWITCH(')).length).toBe(2 * 40);

      const compiled = paymentScorecard();
      const { map } = mapColumns(compiled.columns, region.headers.slice(0, 4));
      const batch = compiled.gradeRows(rows, map);
      const perRow = Float64Array.from(rows, (row) => parseNumber(row[3]));
      const summary = expectedSummaryGrid(compiled, batch, { locale: 'en-US', values: { column: 'Revenue', perRow } });
      expect(gridDifferences(grids.get(summarySheet)!, summary)).toEqual([]);
    },
    120000,
  );
});
