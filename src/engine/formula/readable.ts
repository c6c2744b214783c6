import { booleanKeys, categoryKeys } from '../backends/table-walk';
import { categoryLookup } from '../grading/decode';
import type { InputDef } from '../model';
import type { Cell } from '../values/cell';
import { cellErrorCode, isBlank, normalizeKey, parseBoolean } from '../values/coerce';
import { excelTrim } from './generate';

/**
 * Whether the formulas read a cell exactly as the engine does. Numbers and
 * dates typed as text, white space other than spaces, and names the engine
 * finds only through its wider folding (full width, underscores) are not:
 * there the formulas give the row an error, never another tier.
 */
export function formulaReadsLikeEngine(input: InputDef, cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'string') {
    if (/^ *$/.test(cell)) return true;
    if (isBlank(cell) || cellErrorCode(cell) !== undefined) return false;
    const key = excelTrim(cell).toLowerCase();
    if (input.type === 'category') {
      const formula = new Map(categoryKeys(input, excelTrim)).get(key) ?? -1;
      return formula === (categoryLookup(input).get(normalizeKey(cell)) ?? -1);
    }
    if (input.type === 'boolean') return (new Map(booleanKeys()).get(key) ?? -1) === parseBoolean(cell);
    return false;
  }
  if (typeof cell === 'number') return input.type !== 'category';
  if (typeof cell === 'boolean') return input.type === 'boolean';
  return cellErrorCode(cell) !== undefined && !(cell instanceof Date);
}
