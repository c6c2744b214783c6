/**
 * What the graded workbook does not carry of its input (other sheets, charts,
 * pivot tables, Excel tables, pictures, macros) is named on stderr, never
 * dropped silently. ADR 0020: carrying them is the next step.
 */
import ExcelJS from 'exceljs';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tierwise, unzipArchive, useFolder, zipArchive } from '../hostile/support';

const folder = useFolder('uncarried');

test('given a workbook with another sheet, an Excel table, a chart and macros, then grade names each on stderr', async () => {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Customers').addRows([
    ['id', 'monthly_sales', 'payment_days'],
    ['C1', 50000, 10],
  ]);
  const other = book.addWorksheet('Notes');
  other.addTable({ name: 'Notes', ref: 'A1', columns: [{ name: 'note' }], rows: [['keep me']] });
  const parts = unzipArchive(Buffer.from(await book.xlsx.writeBuffer()));
  parts.push({ name: 'xl/charts/chart1.xml', data: Buffer.from('<c:chartSpace/>') });
  parts.push({ name: 'xl/vbaProject.bin', data: Buffer.from('not really VBA') });
  writeFileSync(join(folder(), 'book.xlsx'), zipArchive(parts));
  const run = await tierwise(folder(), 'grade', 'book.xlsx', '--table', 'payment-scorecard', '--out', 'out.xlsx');
  expect(run.code).toBe(0);
  expect(run.err).toBe(
    "tierwise: note: book.xlsx: the graded workbook holds only the graded sheet and Tierwise's own; not carried: 1 other sheet(s), 1 chart(s), 1 Excel table(s), macros (they stay in book.xlsx)\n",
  );
  const zh = await tierwise(
    folder(),
    'grade',
    'book.xlsx',
    '--table',
    'payment-scorecard',
    '--out',
    'zh.xlsx',
    '--lang',
    'zh-CN',
  );
  expect(zh.err).toContain('未带入：其他 1 张工作表, 1 个图表, 1 个 Excel 表格, 宏（它们仍在 book.xlsx 中）');
});

test('given a workbook of one plain sheet, then grade warns of nothing', async () => {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Customers').addRows([
    ['id', 'monthly_sales', 'payment_days'],
    ['C1', 50000, 10],
  ]);
  await book.xlsx.writeFile(join(folder(), 'plain.xlsx'));
  const run = await tierwise(folder(), 'grade', 'plain.xlsx', '--table', 'payment-scorecard', '--out', 'out.xlsx');
  expect(run.err).toBe('');
});

test('given an .xlsm, then it is graded as a workbook into .xlsx with its macros named, and never written as .xlsm', async () => {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Customers').addRows([
    ['id', 'monthly_sales', 'payment_days'],
    ['C1', 50000, 10],
  ]);
  const parts = unzipArchive(Buffer.from(await book.xlsx.writeBuffer()));
  parts.push({ name: 'xl/vbaProject.bin', data: Buffer.from('not really VBA') });
  writeFileSync(join(folder(), 'book.xlsm'), zipArchive(parts));
  const refused = await tierwise(folder(), 'grade', 'book.xlsm', '--table', 'payment-scorecard', '--out', 'out.xlsm');
  expect(refused.code).toBe(2);
  expect(refused.err).toContain(
    'tierwise: --out out.xlsm: the graded workbook carries no macros, so it is written as .xlsx; choose a name ending in .xlsx\n',
  );
  expect(existsSync(join(folder(), 'out.xlsm'))).toBe(false);
  const run = await tierwise(folder(), 'grade', 'book.xlsm', '--table', 'payment-scorecard');
  expect(run.code).toBe(0);
  expect(run.err).toBe(
    "tierwise: note: book.xlsm: the graded workbook holds only the graded sheet and Tierwise's own; not carried: macros (they stay in book.xlsm)\n",
  );
  const graded = new ExcelJS.Workbook();
  await graded.xlsx.readFile(join(folder(), 'book.graded.xlsx'));
  expect(graded.worksheets[0]!.getRow(2).values).toEqual([undefined, 'C1', 50000, 10, 100, 'A']);
});
