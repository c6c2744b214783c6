/**
 * Formula mode in the repeat-use property: the cells Apply wrote on the data sheet (helpers included),
 * recalculated by HyperFormula, give each row the engine's score, tier and error.
 */
import { HyperFormula } from 'hyperformula';
import type { Cell } from '../../src/engine';
import type { WorkbookPlan } from '../../src/excel/plan-types';
import type { FakeExcel } from '../../src/excel/testing/fake-excel';
import type { DataRegion } from '../../src/excel/workbook';
import { formulaDifferences, outcomeOf } from '../formula/formula-harness';
import { sheetGrid } from '../formula/hyperformula-grid';
import { outputColumns, paneExpectation } from '../formula/pane-formulas';

/** Rows whose recalculated outcome is not the engine's (empty: all agree). */
export function recalculatedDifferences(
  fake: FakeExcel,
  preset: string,
  region: DataRegion,
  rows: Cell[][],
  plan: WorkbookPlan,
): string[] {
  const hf = HyperFormula.buildFromArray(sheetGrid(fake, region.sheet), { licenseKey: 'gpl-v3', smartRounding: false });
  const at = outputColumns(plan);
  const read = (r: number, c: number | undefined) =>
    c === undefined ? null : hf.getCellValue({ sheet: 0, row: region.top + 1 + r, col: c });
  const outcomes = rows.map((_row, r) => outcomeOf(read(r, at.error), read(r, at.score), read(r, at.tier)));
  hf.destroy();
  return formulaDifferences(paneExpectation(preset, region, rows, plan), outcomes);
}
