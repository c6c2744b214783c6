/**
 * Which of an earlier Apply's columns a new Apply overwrites in place (ADR 0031, 0035): deleting a column
 * turns every reference to it into #REF! (the user's `=COUNTIF('Customers'!$F$2:$F$7,"A")` on the
 * Tier column), so a column that stays the same kind at the same place keeps its cells' identity,
 * whatever its header (Tier or 等级) and however many rows the data has now.
 */
import type { ExcelWorksheet } from './excel-api';
import { OUTPUT_NAME_PREFIX } from './state';

/** The sheet-scoped name that marks a Tierwise column of `kind` (`helper-3` -> `Tierwise_helper_3`). */
export function outputName(kind: string): string {
  return OUTPUT_NAME_PREFIX + kind.replace('-', '_');
}

export interface OldColumn {
  name: string;
  column: number;
  rows: number;
}

export interface NewColumn {
  kind: string;
  sheetColumn: number;
}

/**
 * The old columns the new ones take over, by index into `columns` (undefined: a new column): the longest
 * run in order of new columns whose old column has the same name (kind). Those are overwritten in place
 * (header renamed, rows extended or emptied below the data); the other old columns go and the other new
 * ones are inserted at their places.
 */
export function keptColumns<O extends OldColumn>(
  old: readonly O[],
  columns: readonly NewColumn[],
): Array<O | undefined> {
  const before = [...old].sort((a, b) => a.column - b.column);
  const same = (o: OldColumn, c: NewColumn) => o.name.toLowerCase() === outputName(c.kind).toLowerCase();
  // Longest common subsequence: a few dozen columns at most.
  const length = Array.from({ length: before.length + 1 }, () => new Array<number>(columns.length + 1).fill(0));
  for (let i = before.length - 1; i >= 0; i--)
    for (let j = columns.length - 1; j >= 0; j--)
      length[i]![j] = same(before[i]!, columns[j]!)
        ? length[i + 1]![j + 1]! + 1
        : Math.max(length[i + 1]![j]!, length[i]![j + 1]!);
  const kept: Array<O | undefined> = columns.map(() => undefined);
  for (let i = 0, j = 0; i < before.length && j < columns.length;) {
    if (same(before[i]!, columns[j]!)) kept[j++] = before[i++];
    else if (length[i + 1]![j]! >= length[i]![j + 1]!) i++;
    else j++;
  }
  return kept;
}

/** The runs [from, to) of indexes whose column is new (no old column kept for it), left to right. */
export function runsOfNew(kept: ReadonlyArray<OldColumn | undefined>): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  kept.forEach((o, j) => {
    if (o) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === j) last[1] = j + 1;
    else runs.push([j, j + 1]);
  });
  return runs;
}

/**
 * Kept columns made the shape of the new ones: a table column renamed (a range's headers are all written
 * with the outputs), and the cells below the data's last row that the earlier Apply wrote emptied.
 */
export function reshapeKept(
  sheet: ExcelWorksheet,
  region: { top: number; rowCount: number; table?: string },
  kept: ReadonlyArray<(OldColumn & { header: string }) | undefined>,
  columns: ReadonlyArray<NewColumn & { header: string }>,
): void {
  const rows = region.rowCount + 1;
  kept.forEach((old, j) => {
    if (!old) return;
    const { sheetColumn, header } = columns[j]!;
    if (region.table && old.header !== header)
      sheet.getRangeByIndexes(region.top, sheetColumn, 1, 1).values = [[header]];
    if (old.rows > rows) {
      const below = sheet.getRangeByIndexes(region.top + rows, sheetColumn, old.rows - rows, 1);
      below.values = Array.from({ length: old.rows - rows }, () => ['']);
      below.numberFormat = Array.from({ length: old.rows - rows }, () => ['General']);
    }
  });
}
