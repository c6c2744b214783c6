/**
 * Several grading tables in sheet form in one block, one after another: the
 * way a composed table travels with its sources in one function argument
 * (=TIER_SCORE(values, VSTACK(TW_nine_box, TW_my_potential)), or a range over
 * adjacent blocks of the rules sheet). See docs/adr/0005.
 */
import type { GradingTable, TableProblem } from '../index';
import type { Cell } from '../values/cell';
import { MARKER, MARKER_ZH } from './layout';
import { parseSheetTable, type SheetOrigin } from './parse';
import { normalizeWord } from './text';

export interface SheetTable {
  table: GradingTable;
  cellOf: (jsonPath: string) => string | undefined;
}

export type SheetBundleResult =
  | {
      ok: true;
      /** The table graded: the one no other table of the block takes as a source. */
      main: SheetTable;
      /** The others, by id: the main table's sources (and theirs). */
      sources: ReadonlyMap<string, GradingTable>;
    }
  | { ok: false; problems: TableProblem[] };

const MARKERS = new Set([normalizeWord(MARKER), normalizeWord(MARKER_ZH)]);

function startsTable(row: ArrayLike<Cell> | undefined): boolean {
  const first = row?.[0];
  return typeof first === 'string' && MARKERS.has(normalizeWord(first));
}

/** VSTACK pads narrower blocks with #N/A; inside a stack those cells are blank. */
function withoutPadding(row: ArrayLike<Cell>): Cell[] {
  return Array.from(row, (cell) =>
    cell !== null && typeof cell === 'object' && !(cell instanceof Date) && cell.error === '#N/A' ? null : cell,
  );
}

/**
 * Reads one table, or several stacked ones (each starting with the marker row
 * in column A). With several, exactly one may be used by none of the others as
 * a source: that is the table graded; two or more such tables are a problem.
 */
export function parseSheetTables(cells: ArrayLike<ArrayLike<Cell>>, origin?: SheetOrigin): SheetBundleResult {
  const starts: number[] = [];
  for (let r = 0; r < cells.length; r++) if (startsTable(cells[r])) starts.push(r);
  if (starts.length <= 1) {
    const parsed = parseSheetTable(cells, origin);
    return parsed.ok ? { ok: true, main: parsed, sources: new Map() } : parsed;
  }
  const place = origin ?? { row: 0, column: 0 };
  const tables: SheetTable[] = [];
  for (let k = 0; k < starts.length; k++) {
    const rows = Array.from({ length: (starts[k + 1] ?? cells.length) - starts[k]! }, (_x, i) =>
      withoutPadding(cells[starts[k]! + i]!),
    );
    const parsed = parseSheetTable(rows, { ...place, row: place.row + starts[k]! });
    if (!parsed.ok) return parsed;
    tables.push(parsed);
  }
  const used = new Set(tables.flatMap((t) => t.table.inputs.flatMap((input) => input.source?.table ?? [])));
  const roots = tables.filter((t) => !used.has(t.table.id));
  if (roots.length !== 1) {
    const ids = (roots.length ? roots : tables).map((t) => t.table.id).join(', ');
    return { ok: false, problems: [{ code: 'bundle-roots', path: '', detail: { tables: ids } }] };
  }
  const main = roots[0]!;
  const sources = new Map(tables.filter((t) => t !== main).map((t) => [t.table.id, t.table]));
  return { ok: true, main, sources };
}
