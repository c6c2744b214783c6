/**
 * Excel moves the references of formulas when columns are inserted or deleted (`=$F2="A"` becomes
 * `=$G2="A"` after a column is inserted left of F), in every formula of the workbook that points at
 * the shifted cells: on the same sheet and on other sheets (`='Data'!$F$2:$F$9`). A reference to a
 * deleted column becomes #REF!; a range that loses only some of its columns shrinks. The fake does the
 * same for the A1 references it meets outside quoted text, in conditional formats and cells. When only
 * some rows shift (a table column), only references to those rows (0-based `rows`) move.
 */
import { columnLetters } from '../../engine/sheet-form/text';
import { columnIndex } from '../a1';

const CELL = String.raw`(\$?)([A-Z]{1,3})(\$?\d+)`;
const REFERENCE = new RegExp(
  String.raw`(?<![A-Za-z0-9_.!'$])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?${CELL}(?::${CELL})?(?![A-Za-z0-9_(])`,
  'g',
);

function sheetOfPrefix(prefix: string): string {
  const name = prefix.slice(0, -1);
  return (name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name).toLowerCase();
}

/**
 * `formula` (on sheet `own`) after `count` columns were inserted (count > 0) or deleted (count < 0) at
 * `column` of sheet `shifted` (both default to the same sheet: only unqualified references move).
 */
export function shiftFormulaColumns(
  formula: string,
  column: number,
  count: number,
  rows?: { row: number; rows: number },
  sheets?: { own: string; shifted: string },
): string {
  const inRows = (row: string) => {
    const r = Number(row.replace('$', '')) - 1;
    return !rows || (r >= rows.row && r < rows.row + rows.rows);
  };
  const targets = (prefix: string | undefined) =>
    prefix
      ? !!sheets && sheetOfPrefix(prefix) === sheets.shifted.toLowerCase()
      : !sheets || sheets.own.toLowerCase() === sheets.shifted.toLowerCase();
  const deleted = (at: number) => count < 0 && at >= column && at < column - count;
  const moved = (at: number) => (at < column ? at : at + count);
  const cell = (dollar: string, at: number, row: string) => `${dollar}${columnLetters(at)}${row}`;
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            REFERENCE,
            (
              ref,
              prefix: string | undefined,
              d1: string,
              l1: string,
              r1: string,
              d2?: string,
              l2?: string,
              r2?: string,
            ) => {
              if (!targets(prefix)) return ref;
              const head = prefix ?? '';
              const start = columnIndex(l1);
              if (l2 === undefined) {
                if (!inRows(r1) || start < column) return ref;
                return deleted(start) ? `${head}#REF!` : head + cell(d1, moved(start), r1);
              }
              if (!inRows(r1) || !inRows(r2!)) return ref;
              const end = columnIndex(l2);
              if (deleted(start) && deleted(end)) return `${head}#REF!`;
              const from = deleted(start) ? column : moved(start);
              const to = deleted(end) ? column - 1 : moved(end);
              return `${head}${cell(d1, from, r1)}:${cell(d2!, to, r2!)}`;
            },
          ),
    )
    .join('"');
}
