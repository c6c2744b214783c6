import { HyperFormula, type RawCellContent } from 'hyperformula';
import type { Cell } from '../../src/engine/values/cell';
import type { Outcome } from '../sql/sql-harness';
import { formulaCases, formulaDifferences, outcomeOf, type FormulaCase } from './formula-harness';

/** A cell as HyperFormula takes it: texts stay texts (a leading apostrophe), error values are NA(). */
function rawOf(cell: Cell): RawCellContent {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return `'${cell}`;
  if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
  if (cell instanceof Date) throw new Error('dates are written as serials');
  return '=NA()';
}

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
