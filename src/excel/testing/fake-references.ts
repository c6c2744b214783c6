/**
 * Excel moves the references in a conditional format's formula when columns are inserted or deleted
 * (`=$F2="A"` becomes `=$G2="A"` after a column is inserted left of F); a reference to a deleted column
 * becomes #REF!. The fake does the same for the A1 cell references it meets outside quoted text.
 */
import { columnLetters } from '../../engine/sheet-form/text';
import { columnIndex } from '../a1';

export function shiftFormulaColumns(formula: string, column: number, count: number): string {
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(\$?)([A-Z]{1,3})(\$?\d+)\b/g, (_ref, dollar: string, letters: string, row: string) => {
            const at = columnIndex(letters);
            if (at < column) return `${dollar}${letters}${row}`;
            if (count < 0 && at < column - count) return '#REF!';
            return `${dollar}${columnLetters(at + count)}${row}`;
          }),
    )
    .join('"');
}
