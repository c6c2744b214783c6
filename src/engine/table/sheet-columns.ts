import type { GradingTable, InputDef } from '../model';

/**
 * The columns a sheet needs for a table: its own inputs first (those not taken from another table's
 * result), then the columns its source tables need that it does not have. Read from the tables alone,
 * so a listing needs no compile; compile builds its column order with the same merge.
 */
export function sheetColumns(
  table: GradingTable,
  resolve: (id: string) => GradingTable | undefined,
  trail: readonly string[] = [],
): InputDef[] {
  const sources = table.inputs
    .map((input) => input.source?.table)
    .filter((id): id is string => id !== undefined && id !== table.id && !trail.includes(id))
    .map((id) => resolve(id))
    .filter((source): source is GradingTable => source !== undefined)
    .map((source) => sheetColumns(source, resolve, [...trail, table.id]));
  return mergeSourceColumns(table, sources);
}

/** A table's own inputs, then each source's columns not already there. */
export function mergeSourceColumns(table: GradingTable, sourceColumns: readonly (readonly InputDef[])[]): InputDef[] {
  const columns: InputDef[] = table.inputs.filter((input) => !input.source);
  for (const source of sourceColumns) {
    for (const column of source) {
      if (!columns.some((c) => c.id === column.id)) columns.push(column);
    }
  }
  return columns;
}
