/**
 * RFM from orders on the strict fake: the orders read from the active sheet,
 * the customer sheet and the segment report written cell by cell as the
 * engine decided them, the customer sheet graded by the normal Apply, and
 * Revert removing every sheet the flow created.
 */
import { compileTable, mapColumns, type Cell } from '../../src/engine';
import {
  analyzeRfm,
  aggregateOrders,
  readOrders,
  rfmReportLayout,
  segmentReport,
  RFM_PRESETS,
  type RfmMethodSpec,
} from '../../src/engine/rfm';
import { parseDate } from '../../src/engine/values/coerce';
import { buildPlan } from '../../src/excel/build-plan';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import { buildRfmSheets, guessOrderColumns } from '../../src/taskpane/rfm-orders/build-rfm-sheets';
import { DEFAULT_OPTIONS, value } from './support';

const table = RFM_PRESETS.find((p) => p.id === 'rfm')!;
const AS_OF = parseDate('2024-03-31');

/** 30 orders of 9 customers over three months; customer k orders k+1 times, amounts vary. */
function orderRows(): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  for (let k = 0; k < 9; k++)
    for (let n = 0; n <= k % 4; n++)
      rows.push([`客户${k}`, parseDate('2024-01-01') + k * 7 + n * 3, 100 * (k + 1) + n]);
  return rows;
}

function ordersWorkbook(rows: Array<Array<string | number>>): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet('Other', [['unrelated']]);
  fake.addSheet('订单', [['客户', '日期', '金额'], ...rows], { row: 1, column: 1 });
  fake.select('订单', { row: 1, column: 1, rows: 1, columns: 1 });
  return fake;
}

function cellsOf(fake: FakeExcel, sheet: string, top: number, rows: number, columns: number) {
  const model = fake.sheet(sheet)!;
  return Array.from({ length: rows }, (_x, r) =>
    Array.from({ length: columns }, (_y, c) => fake.cell(model, top + r, c)?.value ?? ''),
  );
}

describe('RFM from orders in the workbook', () => {
  test('happy path: customer and report sheets written cell by cell, graded by Apply, removed by Revert', async () => {
    const rows = orderRows();
    const fake = ordersWorkbook(rows);
    const before = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const grid = value(await workbook.readSheet());
    expect([grid.sheet, grid.top, grid.left, grid.cells.length]).toEqual(['订单', 1, 1, rows.length + 1]);
    const columns = guessOrderColumns(grid);
    expect(columns).toEqual({ customer: 0, date: 1, amount: 2 });
    const outcome = await buildRfmSheets(workbook, { grid, columns, asOf: AS_OF, table, locale: 'en-US' });
    if (outcome.kind !== 'written') throw new Error(JSON.stringify(outcome));
    expect(outcome.sheets).toEqual({ customers: 'RFM customers', report: 'RFM segments' });

    // The customer sheet against a plain per-customer sum of the order rows.
    const byCustomer = new Map<string, number[][]>();
    for (const [c, d, a] of rows)
      byCustomer.set(c as string, [...(byCustomer.get(c as string) ?? []), [d as number, a as number]]);
    const expected = [
      ['客户', 'recency_days', 'frequency', 'monetary', 'first_order', 'last_order', 'aov'],
      ...[...byCustomer].map(([c, orders]) => {
        const dates = orders.map((o) => o[0]!);
        const sum = orders.reduce((s, o) => s + o[1]!, 0);
        return [
          c,
          AS_OF - Math.max(...dates),
          orders.length,
          sum,
          Math.min(...dates),
          Math.max(...dates),
          sum / orders.length,
        ];
      }),
    ];
    expect(cellsOf(fake, 'RFM customers', 0, expected.length + 1, 8)).toEqual([
      ...expected.map((r) => [...r, '']),
      ['', '', '', '', '', '', '', ''],
    ]);
    const customers = fake.sheet('RFM customers')!;
    expect(fake.cell(customers, 1, 4)?.numberFormat).toBe('yyyy-mm-dd');
    expect(fake.cell(customers, 9, 3)?.numberFormat).toBe('#,##0.00');
    expect(fake.cell(customers, 0, 0)?.bold).toBe(true);

    // The report sheet: the engine's blocks at their places, the chart over the shares.
    const read = readOrders(rows, { customer: 0, date: 1, amount: 2 });
    const { customers: table9 } = aggregateOrders(read.orders, { asOf: AS_OF });
    const method = table.method as RfmMethodSpec;
    const analysis = analyzeRfm(table9, { ...method, segments: method.segments });
    const layout = rfmReportLayout(
      segmentReport(
        table9,
        analysis,
        method,
        table.tiers.map((t) => t.id),
      ),
      table,
      'en-US',
    );
    const report = fake.sheet('RFM segments')!;
    expect(cellsOf(fake, 'RFM segments', 0, 2, 2)).toEqual([
      [layout.segments.title, ''],
      ['As of', AS_OF],
    ]);
    const blank = (v: unknown) => (v === null ? '' : v);
    const segmentsTop = 3;
    expect(cellsOf(fake, 'RFM segments', segmentsTop, layout.segments.cells.length, 7)).toEqual(
      layout.segments.cells.map((r) => r.map(blank)),
    );
    const cutsTop = segmentsTop + layout.segments.cells.length + 1;
    expect(cellsOf(fake, 'RFM segments', cutsTop, 1, 1)).toEqual([[layout.cuts.title]]);
    expect(cellsOf(fake, 'RFM segments', cutsTop + 1, layout.cuts.cells.length, 7)).toEqual(
      layout.cuts.cells.map((r) => r.map(blank)),
    );
    const heatTop = cutsTop + layout.cuts.cells.length + 2;
    expect(cellsOf(fake, 'RFM segments', heatTop + 1, layout.heatmap.cells.length, 6)).toEqual(
      layout.heatmap.cells.map((r) => r.map(blank)),
    );
    for (const colour of layout.segments.colours) {
      const cell = fake.cell(report, segmentsTop + colour.row, colour.column);
      expect([cell?.fill, cell?.fontColor]).toEqual([colour.fill, colour.font]);
    }
    expect(fake.cell(report, segmentsTop + 1, 1)?.numberFormat).toBe('0.0%');
    expect(report.charts).toEqual([
      {
        type: 'BarClustered/Columns',
        rect: { row: segmentsTop, column: 0, rows: layout.segments.chart.rows, columns: 3 },
        title: 'Share of customers vs share of revenue',
      },
    ]);
    expect(outcome.cuts[0]).toEqual(['Recency (days)', 5, expect.any(String), layout.cuts.cells[1]![5]]);

    // The normal Apply grades the new sheet (it is active, A1 selected); Revert removes both sheets.
    const region = value(await workbook.detectData());
    expect(region.sheet).toBe('RFM customers');
    const data = value(await workbook.readRows(region));
    const compiled = compileTable(table);
    if (!compiled.ok) throw new Error('rfm preset');
    const { map } = mapColumns(compiled.compiled.columns, region.headers);
    const batch = compiled.compiled.gradeRows(data, map);
    const plan = buildPlan(compiled.compiled, region, data, map, batch, { ...DEFAULT_OPTIONS, valueColumn: undefined });
    value(
      await workbook.apply(region, plan, {
        rows: data,
        createdSheets: [outcome.sheets.customers, outcome.sheets.report],
      }),
    );
    const tiers = cellsOf(fake, 'RFM customers', 1, data.length, 10).map((r) => r[8]);
    expect(tiers).toEqual(Array.from(analysis.segments, (s) => (s >= 0 ? method.segments[s]!.tier : method.default!)));
    value(await workbook.revert());
    // Every sheet and cell as before; Excel leaves another sheet active when the active one is deleted.
    const after = fake.snapshot() as { active: string };
    expect({ ...after, active: '' }).toEqual({ ...(before as { active: string }), active: '' });
    expect(['Other', '订单']).toContain(after.active);
  });

  test('given a non-date, a text amount and an empty customer, then each is listed with sheet, cell, value and reason, and nothing is written', async () => {
    const rows: Cell[][] = orderRows();
    rows[2] = ['客户1', 'yesterday', 5];
    rows[4] = ['客户2', 45300, 'twelve'];
    rows[6] = ['', 45300, 12];
    const fake = ordersWorkbook(rows as Array<Array<string | number>>);
    const before = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const grid = value(await workbook.readSheet());
    const outcome = await buildRfmSheets(workbook, {
      grid,
      columns: guessOrderColumns(grid),
      asOf: AS_OF,
      table,
      locale: 'en-US',
    });
    expect(outcome).toEqual({
      kind: 'bad-cells',
      count: 3,
      lines: [
        "订单!C5: 日期: 'yesterday' is not a date (use 2024-03-15 or an Excel date)",
        "订单!D7: 金额: 'twelve' is not a number",
        '订单!B9: 客户: the cell is empty',
      ],
    });
    expect(fake.snapshot()).toEqual(before);
  });

  test('given a sheet already named RFM customers and a customer id like a formula, then a new sheet is added and the id stays text', async () => {
    const rows = orderRows();
    const fake = ordersWorkbook(rows);
    // Text that looks like a formula (as typed after an apostrophe, or imported).
    fake.setCell(fake.sheet('订单')!, 2, 1, { value: '=HYPERLINK("http://x","click")' });
    fake.addSheet('RFM customers', [['mine']]);
    fake.select('订单', { row: 1, column: 1, rows: 1, columns: 1 });
    const workbook = new OfficeWorkbook(fake.run);
    const grid = value(await workbook.readSheet());
    const outcome = await buildRfmSheets(workbook, {
      grid,
      columns: guessOrderColumns(grid),
      asOf: AS_OF,
      table,
      locale: 'zh-CN',
    });
    if (outcome.kind !== 'written') throw new Error(JSON.stringify(outcome));
    expect(outcome.sheets).toEqual({ customers: 'RFM 客户', report: 'RFM 分群' });
    const again = await buildRfmSheets(workbook, {
      grid,
      columns: guessOrderColumns(grid),
      asOf: AS_OF,
      table,
      locale: 'en-US',
    });
    if (again.kind !== 'written') throw new Error(JSON.stringify(again));
    expect(again.sheets).toEqual({ customers: 'RFM customers (2)', report: 'RFM segments' });
    expect(cellsOf(fake, 'RFM customers', 0, 1, 2)).toEqual([['mine', '']]);
    const first = fake.cell(fake.sheet('RFM customers (2)')!, 1, 0);
    expect(first?.formula).toBeUndefined();
    expect(first?.value).toBe('=HYPERLINK("http://x","click")');
  });
});
