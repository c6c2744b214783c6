import { HyperFormula } from 'hyperformula';
import type { Outcome } from '../sql/sql-harness';
import { value } from '../excel/support';
import { formulaCases, formulaDifferences, outcomeOf, type FormulaCase } from './formula-harness';
import { rawOf, sheetGrid } from './hyperformula-grid';
import { HELPER_PRESETS, openPreset, outputColumns, paneExpectation, presetPlan } from './pane-formulas';

/** Each row's outcome as HyperFormula computes the case's formulas. */
function evaluate(c: FormulaCase): Outcome[] {
  const sheet = c.rows.map((row, r) => [
    ...row.map(rawOf),
    ...c.columns.map((column) => column.formulaAt(r + 1, c.placement)),
  ]);
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3', smartRounding: false });
  const at = (r: number, letters: string | undefined) => {
    if (letters === undefined) return null;
    const col = c.inputs.length + c.columns.findIndex((x) => c.placement[x.output] === letters);
    const value = hf.getCellValue({ sheet: 0, row: r, col });
    if (value !== null && typeof value === 'object') throw new Error(`${c.name} row ${r}: ${JSON.stringify(value)}`);
    return value;
  };
  const out = c.rows.map((_row, r) =>
    outcomeOf(at(r, c.placement.error), at(r, c.placement.score), at(r, c.placement.tier)),
  );
  hf.destroy();
  return out;
}

describe('native formulas on HyperFormula', () => {
  describe.each(formulaCases(40).map((c) => [c.name, c] as const))('table %s', (_name, c) => {
    it('then every row shows the engine score, tier and error (an error where a cell is unreadable)', () => {
      expect(formulaDifferences(c, evaluate(c))).toEqual([]);
      expect(new Set(c.expected.map((o) => o.tier ?? o.error)).size).toBeGreaterThan(1);
    });
  });
});

describe("the pane's formula mode with helper columns, recalculated by HyperFormula", () => {
  it.each(HELPER_PRESETS.flatMap((id) => [false, true].map((table) => [id, table] as const)))(
    'given %s (an Excel table: %s) then the cells Apply wrote, helpers included, give the engine on every row',
    async (id, table) => {
      const { fake, workbook, region, rows } = await openPreset(id, 160, 71, table);
      const plan = presetPlan(id, region, rows);
      expect(plan.problem).toBeUndefined();
      value(await workbook.apply(region, plan));
      const hf = HyperFormula.buildFromArray(sheetGrid(fake, 'Data'), { licenseKey: 'gpl-v3', smartRounding: false });
      const at = outputColumns(plan);
      const read = (r: number, c: number | undefined) =>
        c === undefined ? null : hf.getCellValue({ sheet: 0, row: region.top + 1 + r, col: c });
      const outcomes = rows.map((_row, r) => outcomeOf(read(r, at.error), read(r, at.score), read(r, at.tier)));
      hf.destroy();
      const expected = paneExpectation(id, region, rows, plan);
      expect(formulaDifferences(expected, outcomes)).toEqual([]);
      expect(new Set(expected.expected.map((o) => o.tier ?? o.error)).size).toBeGreaterThan(2);
    },
  );
});
