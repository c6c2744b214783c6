/** A fake's sheet as HyperFormula takes it, for recalculating the formulas Apply wrote. */
import type { RawCellContent } from 'hyperformula';
import type { Cell } from '../../src/engine/values/cell';
import type { FakeExcel } from '../../src/excel/testing/fake-excel';
import { sheetCells } from './pane-formulas';

/** A cell as HyperFormula takes it: texts stay texts (a leading apostrophe), error values are NA(). */
export function rawOf(cell: Cell): RawCellContent {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return `'${cell}`;
  if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
  if (cell instanceof Date) throw new Error('dates are written as serials');
  return '=NA()';
}

/** The fake's sheet as HyperFormula takes it: each cell's formula where it holds one, else its value (texts stay texts). */
export function sheetGrid(fake: FakeExcel, name: string): RawCellContent[][] {
  return sheetCells(fake, name).map((row) =>
    row.map((cell) => (cell !== null && typeof cell === 'object' ? cell.formula : rawOf(cell))),
  );
}
