/**
 * `tierwise presets` lists each table's sheet columns from the tables themselves (no compile, for start-up):
 * the list must be the compiled table's columns, in order, for every preset (bank-segment and
 * pharma-nine-box take another preset's result, so their sources' columns follow their own).
 */
import { compileTable } from '../../src/engine/compile';
import { getPreset, PRESETS } from '../../src/engine/presets';
import { sheetColumns } from '../../src/engine/table/sheet-columns';

test.each(PRESETS.map((table) => [table.id, table] as const))(
  'given the preset %s, then its listed columns are its compiled columns',
  (_, table) => {
    const compiled = compileTable(table, { resolve: getPreset });
    if (!compiled.ok) throw new Error(`${table.id} does not compile`);
    expect(sheetColumns(table, getPreset).map((c) => c.id)).toEqual(compiled.compiled.columns.map((c) => c.id));
  },
);
