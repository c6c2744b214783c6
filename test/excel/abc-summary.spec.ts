import { compileTable, mapColumns } from '../../src/engine';
import { getPreset } from '../../src/engine/presets';
import { buildPlan, dataColumnCount } from '../../src/excel/build-plan';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import { EXCEL_HOSTS } from '../../src/excel/testing/fake-hosts';
import type { DataRegion } from '../../src/excel/workbook';
import type { Cell } from '../../src/engine';
import { DEFAULT_OPTIONS, detectAndRead, value } from './support';

// 1,000 in all: A takes the customers before 80% (500, 200, 100), B before 95% (80, 50, 30), C the rest.
const REVENUE = [500, 200, 100, 80, 50, 30, 20, 10, 5, 5];

function abcWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet('Customers', [['Customer', 'Revenue'], ...REVENUE.map((v, i) => [`C${i + 1}`, v])]);
  fake.select('Customers', { row: 1, column: 0, rows: 1, columns: 1 });
  return fake;
}

function abcPlan(region: DataRegion, rows: Cell[][]) {
  const compiled = compileTable(getPreset('abc'));
  if (!compiled.ok) throw new Error('abc does not compile');
  const { map } = mapColumns(compiled.compiled.columns, region.headers.slice(0, dataColumnCount(region)));
  const batch = compiled.compiled.gradeRows(rows, map);
  return buildPlan(compiled.compiled, region, rows, map, batch, { ...DEFAULT_OPTIONS, valueColumn: undefined });
}

/** Every cell of a sheet as [row][column]: its formula, else its value (the fake does not calculate). */
function grid(fake: FakeExcel, name: string): string[][] {
  const sheet = fake.sheet(name)!;
  const rows = Math.max(...[...sheet.cells.keys()].map((key) => Math.floor(key / 16384))) + 1;
  return Array.from({ length: rows }, (_x, r) => {
    const line: string[] = [];
    for (let c = 0; c < 8; c++) {
      const cell = fake.cell(sheet, r, c);
      line.push(cell === undefined ? '' : (cell.formula ?? String(cell.value)));
    }
    while (line.length > 0 && line[line.length - 1] === '') line.pop();
    return line;
  });
}

describe('the ABC summary', () => {
  it('happy path: per tier customers, share of customers, sum and share of value, and a native Pareto chart', async () => {
    const fake = abcWorkbook();
    const before = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const plan = abcPlan(region, rows);
    // The engine's figures, which the formulas are written with as their expected results.
    const results = plan
      .summary!.cells.slice(1, 4)
      .map((row) => row.map((c) => (c && typeof c === 'object' ? c.result : c)));
    expect(results).toEqual([
      ['A', 3, 0.3, null, 800, 0.8],
      ['B', 3, 0.3, null, 160, 0.16],
      ['C', 4, 0.4, null, 40, 0.04],
    ]);
    value(await workbook.apply(region, plan));
    // Customer, Revenue, then Tierwise's Score (the running share before the customer) and Tier.
    const tiers = "'Customers'!$D$2:$D$11";
    const values = "'Customers'!$B$2:$B$11";
    expect(grid(fake, 'Tierwise Summary').slice(0, 6)).toEqual([
      ['Tier', 'Count', 'Share', 'Target share', 'Sum of Revenue', 'Share of Revenue'],
      ...(
        [
          ['A', 2],
          ['B', 3],
          ['C', 4],
        ] as const
      ).map(([tier, r]) => [
        tier,
        `=SUMPRODUCT(--(${tiers}="${tier}"))`,
        `=IF(SUM($B$2:$B$4)=0,0,B${r}/SUM($B$2:$B$4))`,
        '',
        `=SUMPRODUCT((${tiers}="${tier}")*ISNUMBER(${values}),${values})`,
        `=IF(SUM($E$2:$E$4)=0,0,E${r}/SUM($E$2:$E$4))`,
      ]),
      ['Ungraded', '=10-SUM($B$2:$B$4)'],
      ['Total', '10'],
    ]);
    const summary = fake.sheet('Tierwise Summary')!;
    const paretoTop = grid(fake, 'Tierwise Summary').findIndex(
      (row) => row[0] === 'Pareto: value per tier and cumulative share',
    );
    expect(grid(fake, 'Tierwise Summary').slice(paretoTop)).toEqual([
      ['Pareto: value per tier and cumulative share'],
      ['Tier', 'Sum of Revenue'],
      ['=A2', '=E2'],
      ['=A3', '=E3'],
      ['=A4', '=E4'],
    ]);
    expect(summary.charts).toEqual([
      {
        type: 'ColumnClustered/Columns',
        rect: { row: 0, column: 0, rows: 4, columns: 2 },
        title: expect.any(String),
        name: 'Tierwise summary',
      },
      {
        type: 'Pareto/Columns',
        rect: { row: paretoTop + 1, column: 0, rows: 4, columns: 2 },
        title: '',
        name: 'Tierwise Pareto',
      },
    ]);
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(before);
    expect(fake.sheet('Tierwise Summary')).toBeUndefined();
  });

  it('given Apply twice, then Revert brings back the first summary with its Pareto chart, exactly as after the first Apply', async () => {
    const fake = abcWorkbook();
    const workbook = new OfficeWorkbook(fake.run);
    const first = await detectAndRead(workbook);
    value(await workbook.apply(first.region, abcPlan(first.region, first.rows)));
    const afterFirst = fake.snapshot();
    const again = await detectAndRead(workbook);
    value(await workbook.apply(again.region, abcPlan(again.region, again.rows)));
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(afterFirst);
    expect(fake.sheet('Tierwise Summary')!.charts.map((c) => c.type)).toEqual([
      'ColumnClustered/Columns',
      'Pareto/Columns',
    ]);
  });

  it('given an Excel older than the Pareto chart type (ExcelApi 1.8), then Apply fails at the chart and rolls everything back', async () => {
    const fake = abcWorkbook();
    fake.host = { ...EXCEL_HOSTS['Excel 2021'], ExcelApi: '1.8' };
    const before = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const result = await workbook.apply(region, abcPlan(region, rows));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toMatch(/Pareto needs ExcelApi 1\.9/);
    expect(fake.snapshot()).toEqual(before);
  });
});
