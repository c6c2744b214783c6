/**
 * `--sheet NAME` finds the sheet wherever the workbook keeps its part: an absolute relationship target,
 * a part name with a space, a part not named sheetN.xml, a target going up a folder. A sheet whose part
 * is missing is named in the error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tierwise, useFolder } from '../hostile/support';
import type { Cell } from '../../src/engine';
import { openXlsxSheet } from '../../src/cli/xlsx/read';
import { rawWorkbook, type RawSheet } from './raw-workbook';

const folder = useFolder('sheet-parts');

const NOTES = [['note'], ['not the data']];
const CUSTOMERS = [
  ['id', 'monthly_sales', 'payment_days'],
  ['C1', 50000, 10],
  ['C2', 5000, 80],
  ['C3', 15000, 40],
];
const ORDERS = [
  ['customer', 'date', 'revenue'],
  ['C1', '2024-01-05', 120],
  ['C1', '2024-03-02', 80],
  ['C2', '2023-11-20', 40],
  ['C3', '2024-02-14', 300],
  ['C3', '2024-03-01', 10],
];

/** A workbook whose first sheet is Notes (at the usual part) and whose second, `name`, sits at `part` under `target`. */
function workbook(name: string, part: string | undefined, target: string, rows: RawSheet['rows']): Buffer {
  return rawWorkbook([
    { name: 'Notes', part: 'xl/worksheets/sheet1.xml', target: 'worksheets/sheet1.xml', rows: NOTES },
    { name, part, target, rows },
  ]);
}

const ODD_PARTS: Array<[string, string, string]> = [
  ['an absolute target', 'xl/worksheets/sheet2.xml', '/xl/worksheets/sheet2.xml'],
  ['a part name with a space', 'xl/worksheets/Sheet One.xml', 'worksheets/Sheet One.xml'],
  ['a target with %-escapes', 'xl/worksheets/Sheet One.xml', 'worksheets/Sheet%20One.xml'],
  ['a target with %-escaped Chinese', 'xl/worksheets/客户.xml', 'worksheets/%E5%AE%A2%E6%88%B7.xml'],
  ['a part not named sheetN.xml', 'xl/data/customers.xml', 'data/customers.xml'],
  ['a target that goes up a folder', 'xl/worksheets/sheet2.xml', '../xl/worksheets/sheet2.xml'],
  ['a part numbered before the first sheet', 'xl/worksheets/sheet0.xml', 'worksheets/sheet0.xml'],
];

const gradeCustomers = (...more: string[]) =>
  tierwise(
    folder(),
    'grade',
    'in.xlsx',
    '--sheet',
    'Customers',
    '--table',
    'payment-scorecard',
    '--out',
    'out.xlsx',
    ...more,
  );

describe('--sheet on a sheet at an unusual part', () => {
  test.each(ODD_PARTS)('given %s, then grade --sheet grades that sheet', async (_case, part, target) => {
    writeFileSync(join(folder(), 'in.xlsx'), workbook('Customers', part, target, CUSTOMERS));
    const run = await gradeCustomers();
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    // Read back through the relationships, as Excel does (ExcelJS's whole-file reader knows only sheetN.xml parts).
    const opened = await openXlsxSheet(join(folder(), 'out.xlsx'), 'Customers', 100);
    if (!opened.ok) throw new Error(JSON.stringify(opened.problem));
    const rows: Cell[][] = [opened.rows.header];
    for await (const chunk of opened.rows.chunks) rows.push(...chunk);
    expect(rows).toEqual([
      ['id', 'monthly_sales', 'payment_days', 'Score', 'Tier', 'Error'],
      ['C1', 50000, 10, 100, 'A'],
      ['C2', 5000, 80, 30, 'C'],
      ['C3', 15000, 40, 70, 'B'],
    ]);
  });

  test.each(ODD_PARTS)('given %s, then rfm --sheet reads the orders as from a CSV', async (_case, part, target) => {
    writeFileSync(join(folder(), 'orders.xlsx'), workbook('Orders', part, target, ORDERS));
    writeFileSync(join(folder(), 'orders.csv'), ORDERS.map((r) => r.join(',')).join('\n') + '\n');
    const common = ['--as-of', '2024-03-31'];
    const fromCsv = await tierwise(folder(), 'rfm', 'orders.csv', ...common, '--out', 'a.csv');
    const fromXlsx = await tierwise(folder(), 'rfm', 'orders.xlsx', '--sheet', 'Orders', ...common, '--out', 'b.csv');
    expect([fromCsv.err, fromXlsx.err]).toEqual(['', '']);
    expect([fromCsv.code, fromXlsx.code]).toEqual([0, 0]);
    expect(readFileSync(join(folder(), 'b.csv'), 'utf8')).toBe(readFileSync(join(folder(), 'a.csv'), 'utf8'));
  });

  test.each([
    ['en-US', "tierwise: in.xlsx: the sheet 'Customers' has no part in the file (xl/worksheets/sheet9.xml is missing)"],
    ['zh-CN', 'tierwise：in.xlsx：工作表“Customers”在文件中没有对应的部件（缺少 xl/worksheets/sheet9.xml）'],
  ])('given the part of the sheet asked for is missing, then the error names the sheet (%s)', async (lang, message) => {
    writeFileSync(join(folder(), 'in.xlsx'), workbook('Customers', undefined, 'worksheets/sheet9.xml', CUSTOMERS));
    const run = await gradeCustomers('--lang', lang);
    expect(run.code).toBe(1);
    expect(run.err.trim()).toBe(message);
  });
});
