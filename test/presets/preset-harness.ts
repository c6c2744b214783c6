import { mapColumns } from '../../src/engine/columns';
import { compileTable } from '../../src/engine/compile';
import type { CompiledTable, Graded } from '../../src/engine/grader';
import { getPreset } from '../../src/engine/presets';
import type { Cell } from '../../src/engine/values/cell';

/** Compiles a built-in table the way hosts do (presets resolve each other); fails loudly when invalid. */
export function compilePreset(id: string): CompiledTable {
  const table = getPreset(id);
  if (!table) throw new Error(`no preset '${id}'`);
  const result = compileTable(table, { resolve: getPreset });
  if (!result.ok) throw new Error(`preset '${id}' does not compile: ${JSON.stringify(result.problems)}`);
  return result.compiled;
}

/** A row in the compiled table's column order; inputs left out are blank. */
export function rowOf(compiled: CompiledTable, cells: Record<string, Cell>): Cell[] {
  const ids = compiled.columns.map((c) => c.id);
  for (const key of Object.keys(cells)) {
    if (!ids.includes(key))
      throw new Error(`'${key}' is not a column input of ${compiled.table.id} (${ids.join(', ')})`);
  }
  return ids.map((id) => cells[id] ?? null);
}

export function grade(compiled: CompiledTable, cells: Record<string, Cell>): Graded {
  return compiled.gradeRow(rowOf(compiled, cells));
}

/** The tier id of a row, or "error:<kind>" when it cannot be graded. */
export function tierOf(compiled: CompiledTable, cells: Record<string, Cell>): string {
  const graded = grade(compiled, cells);
  return graded.ok ? graded.tier : `error:${graded.error.kind}`;
}

/**
 * Grades a sheet the way Excel hands it over: a header row followed by data
 * rows, columns found by their headers. Returns one tier id (or "error:<kind>") per data row.
 */
export function gradeSheet(compiled: CompiledTable, sheet: Cell[][]): string[] {
  const [headers = [], ...rows] = sheet;
  const mapping = mapColumns(compiled.columns, headers);
  if (mapping.missingRequired.length > 0)
    throw new Error(`unmapped required inputs: ${mapping.missingRequired.join(', ')}`);
  const batch = compiled.gradeRows(rows, mapping.map);
  return rows.map((_row, i) => {
    const error = batch.errors.get(i);
    if (error) return `error:${error.kind}`;
    return compiled.tiers[batch.tiers[i]!]!.id;
  });
}
