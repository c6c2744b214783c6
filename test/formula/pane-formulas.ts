/**
 * The pane's formula mode on the strict fake, for presets whose formulas need helper columns
 * (sales-pipeline, real-estate): the formula harness's rows (every band boundary and its
 * neighbours, blanks, junk, numbers typed as text) on a sheet, the plan the pane builds, and
 * what each row must show, so a real engine can recalculate the cells read back from the fake.
 */
import { compileTable, mapColumns, type Cell, type CompiledTable } from '../../src/engine';
import { formulaErrorText, formulaReadsLikeEngine, type FormulaErrorKind } from '../../src/engine/formula';
import { getPreset } from '../../src/engine/presets';
import { buildPlan, dataColumnCount, type PlanOptions } from '../../src/excel/build-plan';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import type { WorkbookPlan } from '../../src/excel/plan-types';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import type { DataRegion } from '../../src/excel/workbook';
import type { Outcome } from '../sql/sql-harness';
import { makeCase } from '../sql/sql-harness';
import { detectAndRead, DEFAULT_OPTIONS } from '../excel/support';
import { formulaCase, type FormulaCase } from './formula-harness';

export const HELPER_PRESETS = ['sales-pipeline', 'real-estate'] as const;

export function compiledPreset(id: string): CompiledTable {
  const result = compileTable(getPreset(id), { resolve: getPreset });
  if (!result.ok) throw new Error(`${id} does not compile`);
  return result.compiled;
}

/**
 * A sheet "Data" holding the inputs of each preset in `ids` side by side (headed by input id) and
 * `count` harness rows; an Excel table "Deals" when asked.
 */
export function presetFake(ids: string | readonly string[], count: number, seed: number, table = false): FakeExcel {
  const harnesses = [ids]
    .flat()
    .map((id, k) => formulaCase(makeCase(id, getPreset(id)!, true, seed + k, count), seed + k)!);
  // The fake holds no error values: an error cell becomes its text, which the formulas cannot read either.
  const cells = Array.from({ length: count }, (_x, r) =>
    harnesses.flatMap((h) =>
      h.rows[r]!.map((cell) => (cell === null || cell === undefined ? '' : typeof cell === 'object' ? '#N/A' : cell)),
    ),
  ) as Array<Array<string | number | boolean>>;
  const headers = harnesses.flatMap((h) => h.inputs.map((input) => input.id));
  const fake = new FakeExcel();
  fake.addSheet('Data', [headers, ...cells]);
  fake.addSheet('Other', [['unrelated', 42]]);
  if (table) fake.addTable('Deals', 'Data', { row: 0, column: 0, rows: count + 1, columns: headers.length });
  fake.select('Data', { row: 1, column: 0, rows: 1, columns: 1 });
  return fake;
}

/** The plan the pane builds for `id` over the region it detected (formula mode unless asked otherwise). */
export function presetPlan(
  id: string,
  region: DataRegion,
  rows: Cell[][],
  options: Partial<PlanOptions> = {},
): WorkbookPlan {
  const compiled = compiledPreset(id);
  const { map } = mapColumns(compiled.columns, region.headers.slice(0, dataColumnCount(region)));
  const batch = compiled.gradeRows(rows, map);
  return buildPlan(compiled, region, rows, map, batch, {
    ...DEFAULT_OPTIONS,
    explanation: false,
    valueColumn: undefined,
    mode: 'native',
    ...options,
  });
}

export async function openPreset(
  id: string | readonly string[],
  count: number,
  seed: number,
  table = false,
): Promise<{ fake: FakeExcel; workbook: OfficeWorkbook; region: DataRegion; rows: Cell[][] }> {
  const fake = presetFake(id, count, seed, table);
  const workbook = new OfficeWorkbook(fake.run);
  return { fake, workbook, ...(await detectAndRead(workbook)) };
}

/**
 * What the pane's formulas must show on each row, as a FormulaCase for formulaDifferences: the
 * engine's score and tier, the pane's error text, and whether the formulas read every cell as the
 * engine does (else the row must show an error).
 */
export function paneExpectation(id: string, region: DataRegion, rows: Cell[][], plan: WorkbookPlan): FormulaCase {
  const compiled = compiledPreset(id);
  const { map } = mapColumns(compiled.columns, region.headers.slice(0, dataColumnCount(region)));
  if ([...map].some((c) => c < 0)) throw new Error(`${id}: an input has no column`);
  const batch = compiled.gradeRows(rows, map);
  const errorText = formulaErrorText('en-US', plan.frame.inputHeaders);
  const expected = rows.map((_row, i): Outcome => {
    const error = batch.errors.get(i);
    if (error) {
      const input = 'input' in error ? compiled.columns.find((c) => c.id === error.input) : undefined;
      return { score: null, tier: null, error: errorText(error.kind as FormulaErrorKind, input) };
    }
    const score = batch.scores[i]!;
    return { score: Number.isNaN(score) ? null : score, tier: compiled.tiers[batch.tiers[i]!]!.id, error: null };
  });
  const readable = rows.map((row) => compiled.columns.every((input, k) => formulaReadsLikeEngine(input, row[map[k]!])));
  return { name: id, inputs: compiled.columns, rows, expected, readable, columns: [], placement: {} as never };
}

/** Sheet column (0-based) of each output the formulas compute. */
export function outputColumns(plan: WorkbookPlan): { score?: number; tier: number; error: number } {
  const at = (kind: string) => plan.frame.columns.find((c) => c.kind === kind)?.sheetColumn;
  const score = at('score');
  return { ...(score !== undefined ? { score } : {}), tier: at('tier')!, error: at('error')! };
}

/** Every cell of a fake's sheet up to its last used row and column: `{ formula }` where it holds one, else its value (blank: null). */
export function sheetCells(
  fake: FakeExcel,
  name: string,
): Array<Array<{ formula: string } | string | number | boolean | null>> {
  const sheet = fake.sheet(name)!;
  let rows = 0;
  let columns = 0;
  for (const key of sheet.cells.keys()) {
    rows = Math.max(rows, Math.floor(key / 16384) + 1);
    columns = Math.max(columns, (key % 16384) + 1);
  }
  return Array.from({ length: rows }, (_x, r) =>
    Array.from({ length: columns }, (_y, c) => {
      const cell = fake.cell(sheet, r, c);
      if (cell?.formula) return { formula: cell.formula };
      return cell === undefined || cell.value === '' ? null : cell.value;
    }),
  );
}
