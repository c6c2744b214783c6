/**
 * Excel moves the references of formulas when columns are inserted or deleted (`=$F2="A"` becomes
 * `=$G2="A"` after a column is inserted left of F); a reference to a deleted column becomes #REF!. The
 * fake does the same for the A1 cell references it meets outside quoted text and not after a sheet
 * name (`'Other'!F2` points at another sheet), in conditional formats and in the sheet's cells. When
 * only some rows shift (a table column), only references to those rows (0-based `rows`) move.
 */
import { columnLetters } from '../../engine/sheet-form/text';
import { columnIndex } from '../a1';

export function shiftFormulaColumns(
  formula: string,
  column: number,
  count: number,
  rows?: { row: number; rows: number },
): string {
  const shifts = (row: string) => {
    const r = Number(row.replace('$', '')) - 1;
    return !rows || (r >= rows.row && r < rows.row + rows.rows);
  };
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?<![A-Za-z0-9_.!])(\$?)([A-Z]{1,3})(\$?\d+)\b/g,
            (ref, dollar: string, letters: string, row: string) => {
              const at = columnIndex(letters);
              if (at < column || !shifts(row)) return ref;
              if (count < 0 && at < column - count) return '#REF!';
              return `${dollar}${columnLetters(at + count)}${row}`;
            },
          ),
    )
    .join('"');
}
