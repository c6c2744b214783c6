/**
 * The grading tables a workbook stores: one sheet-form block per defined name
 * (TW_<id>), each parsed where it stands and compiled with the other stored
 * tables as its possible sources (then the presets). The add-in reads a
 * workbook's tables this way, and so does the command line from an .xlsx file.
 */
import { compileTable } from '../compile';
import type { TableProblem } from '../errors';
import type { GradingTable } from '../model';
import type { Cell } from '../values/cell';
import { parseSheetTable, type SheetOrigin } from './parse';

/** One defined name's block as read from the workbook; no cells when the name points nowhere. */
export interface StoredBlock {
  name: string;
  /** Where the name points, as the workbook says it ("Rules!A1:F40"); the name itself when nowhere. */
  address: string;
  cells?: ArrayLike<ArrayLike<Cell>>;
  origin?: SheetOrigin;
}

export interface StoredTableEntry {
  name: string;
  address: string;
  table: GradingTable;
  /** The cell a JSON path of the table came from. */
  cellOf: (jsonPath: string) => string | undefined;
}

export interface BrokenTableEntry {
  name: string;
  address: string;
  /** Each with the cell it concerns where there is one. */
  problems: TableProblem[];
}

/** Parses and checks every block: the valid tables, and the broken ones with their problems' cells. */
export function readStoredTables(
  blocks: readonly StoredBlock[],
  preset: (id: string) => GradingTable | undefined,
): { tables: StoredTableEntry[]; broken: BrokenTableEntry[] } {
  const parsed = blocks.map((block) => ({
    block,
    parse: block.cells ? parseSheetTable(block.cells, block.origin) : undefined,
  }));
  const found = new Map<string, GradingTable>();
  for (const { parse } of parsed) if (parse?.ok) found.set(parse.table.id, parse.table);
  const resolve = (id: string): GradingTable | undefined => found.get(id) ?? preset(id);
  const tables: StoredTableEntry[] = [];
  const broken: BrokenTableEntry[] = [];
  for (const { block, parse } of parsed) {
    const { name, address } = block;
    if (!parse) {
      broken.push({ name, address, problems: [{ code: 'empty', path: '', cell: name }] });
      continue;
    }
    if (!parse.ok) {
      broken.push({ name, address, problems: parse.problems });
      continue;
    }
    const { table, cellOf } = parse;
    const compiled = compileTable(table, { resolve });
    if (compiled.ok) tables.push({ name, address, table, cellOf });
    else {
      const problems = compiled.problems.map((problem) => {
        const cell = cellOf(problem.path);
        return cell ? { ...problem, cell } : problem;
      });
      broken.push({ name, address, problems });
    }
  }
  return { tables, broken };
}
