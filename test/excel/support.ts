import { compileTable, mapColumns, type Cell, type CompiledTable } from '../../src/engine';
import { getPreset } from '../../src/engine/presets';
import { buildPlan, dataColumnCount, type PlanOptions } from '../../src/excel/build-plan';
import type { WorkbookPlan } from '../../src/excel/plan-types';
import { FakeExcel, type SheetModel } from '../../src/excel/testing/fake-excel';
import type { OfficeWorkbook } from '../../src/excel/office-workbook';
import type { DataRegion, Result } from '../../src/excel/workbook';
import type { FunctionsContext } from '../../src/functions/context';
import { TableCache } from '../../src/functions/table-cache';
import { tierScore } from '../../src/functions/tier-score';

export const HEADERS = ['Customer', '月均销售额', 'Payment days', 'Revenue'];

/** Customers graded by the payment scorecard: row i has sales and days chosen so that tiers vary. */
export function customerRows(count: number): Array<Array<string | number>> {
  return Array.from({ length: count }, (_x, i) => [
    `C${String(i + 1).padStart(5, '0')}`,
    [25000, 15000, 8000, 3000][i % 4]!,
    i % 7 === 6 ? 'soon' : [10, 40, 50, 90][i % 3]!,
    1000 + i,
  ]);
}

export function customerWorkbook(count = 12): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet('Customers', [HEADERS, ...customerRows(count)]);
  fake.addSheet('Other', [['unrelated']]);
  fake.select('Customers', { row: 1, column: 1, rows: 1, columns: 1 });
  return fake;
}

export function paymentScorecard(): CompiledTable {
  const compiled = compileTable(getPreset('payment-scorecard'));
  if (!compiled.ok) throw new Error('preset does not compile');
  return compiled.compiled;
}

export const DEFAULT_OPTIONS: PlanOptions = {
  mode: 'values',
  locale: 'en-US',
  strategy: true,
  followUp: false,
  explanation: true,
  error: true,
  summary: true,
  valueColumn: 3,
};

export function planFor(region: DataRegion, rows: Cell[][], options: Partial<PlanOptions> = {}): WorkbookPlan {
  const compiled = paymentScorecard();
  const { map } = mapColumns(compiled.columns, region.headers.slice(0, dataColumnCount(region)));
  const batch = compiled.gradeRows(rows, map);
  return buildPlan(compiled, region, rows, map, batch, { ...DEFAULT_OPTIONS, ...options });
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problem)}`);
  return result.value;
}

export async function detectAndRead(workbook: OfficeWorkbook): Promise<{ region: DataRegion; rows: Cell[][] }> {
  const region = value(await workbook.detectData());
  const rows = value(await workbook.readRows(region));
  return { region, rows };
}

/** Lets the fake run =TIERWISE.TIER_SCORE (the add-in's own function), so live formulas spill as in Excel. */
export function withTierScore(fake: FakeExcel): FakeExcel {
  const ctx: FunctionsContext = {
    makeError: (code) => (code === 'notAvailable' ? '#N/A' : '#VALUE!'),
    locale: 'en-US',
    cache: new TableCache(),
  };
  fake.spills.functions.set(
    'TIERWISE.TIER_SCORE',
    ([values, table, output]) =>
      tierScore(ctx, { values: values ?? [], table: table ?? [], output: output?.[0]?.[0] }) as Array<
        Array<string | number | boolean>
      >,
  );
  return fake;
}

/** A user's sort of the data rows below the header (rows 1..rowCount), by the first column's text. */
export function sortDataRows(
  fake: FakeExcel,
  sheet: SheetModel,
  rowCount: number,
  width: number,
  descending: boolean,
): void {
  const rows = Array.from({ length: rowCount }, (_x, i) =>
    Array.from({ length: width }, (_y, c) => fake.cell(sheet, i + 1, c)),
  );
  const key = (row: (typeof rows)[number]) => String(row[0]?.value ?? '');
  rows.sort((a, b) => (descending ? key(b).localeCompare(key(a)) : key(a).localeCompare(key(b))));
  rows.forEach((row, i) => row.forEach((cell, c) => fake.setCell(sheet, i + 1, c, cell ?? { value: '' })));
}
