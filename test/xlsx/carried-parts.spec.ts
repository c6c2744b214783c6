/**
 * The parts of an input workbook the command does not understand (other sheets, an Excel table, a
 * chart, a picture, comments, macros) arrive in the graded workbook as stored, byte for byte (ADR 0020),
 * and nothing is named as lost. An .xlsm keeps its macros and stays .xlsm; it is never written away
 * under an .xlsx name.
 */
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tierwise, unzipArchive, useFolder, zipArchive } from '../hostile/support';
import { expectUntouchedPartsStored, PATCHED } from './fidelity-support';

const folder = useFolder('carried');
const GRADE = ['--table', 'payment-scorecard'];
const MACRO_WORKBOOK = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

async function customerBook(): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Customers').addRows([
    ['id', 'monthly_sales', 'payment_days'],
    ['C1', 50000, 10],
  ]);
  return book;
}

test('given a workbook with another sheet, an Excel table, a chart, a picture, a comment and macros, then each arrives as stored and nothing is named lost', async () => {
  const book = await customerBook();
  const other = book.addWorksheet('Notes');
  other.addTable({ name: 'Notes', ref: 'A1', columns: [{ name: 'note' }], rows: [['keep me']] });
  other.getCell('C3').note = 'a comment';
  const parts = unzipArchive(Buffer.from(await book.xlsx.writeBuffer()));
  parts.push({ name: 'xl/charts/chart1.xml', data: Buffer.from('<c:chartSpace/>') });
  parts.push({ name: 'xl/media/image1.png', data: Buffer.from('not really a PNG') });
  parts.push({ name: 'xl/vbaProject.bin', data: Buffer.from('not really VBA') });
  writeFileSync(join(folder(), 'book.xlsx'), zipArchive(parts));
  const run = await tierwise(folder(), 'grade', 'book.xlsx', ...GRADE, '--out', 'out.xlsx');
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  const added = await expectUntouchedPartsStored(join(folder(), 'book.xlsx'), join(folder(), 'out.xlsx'), [
    ...PATCHED,
    'xl/worksheets/sheet1.xml',
  ]);
  expect(added.sort()).toEqual(['xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml']);
  expect(parts.map((p) => p.name)).toEqual(
    expect.arrayContaining([
      'xl/tables/table1.xml',
      'xl/comments2.xml',
      'xl/drawings/vmlDrawing2.vml',
      'xl/worksheets/sheet2.xml',
    ]),
  );
});

async function macroBook(): Promise<void> {
  const parts = unzipArchive(Buffer.from(await (await customerBook()).xlsx.writeBuffer()));
  const types = parts.find((p) => p.name === '[Content_Types].xml')!;
  types.data = Buffer.from(
    types.data
      .toString('utf8')
      .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', MACRO_WORKBOOK),
  );
  parts.push({ name: 'xl/vbaProject.bin', data: Buffer.from('not really VBA') });
  writeFileSync(join(folder(), 'book.xlsm'), zipArchive(parts));
}

test('given an .xlsm, then its graded copy is .xlsm with the macros and the macro-enabled workbook kept', async () => {
  await macroBook();
  const run = await tierwise(folder(), 'grade', 'book.xlsm', ...GRADE);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  await expectUntouchedPartsStored(join(folder(), 'book.xlsm'), join(folder(), 'book.graded.xlsm'), [
    ...PATCHED,
    'xl/worksheets/sheet1.xml',
  ]);
  const types = unzipArchive(readFileSync(join(folder(), 'book.graded.xlsm'))).find(
    (p) => p.name === '[Content_Types].xml',
  )!;
  expect(types.data.toString('utf8')).toContain(`ContentType="${MACRO_WORKBOOK}"`);
  const graded = new ExcelJS.Workbook();
  await graded.xlsx.readFile(join(folder(), 'book.graded.xlsm'));
  expect(graded.worksheets[0]!.getRow(2).values).toEqual([undefined, 'C1', 50000, 10, 100, 'A']);
});

test('given an .xlsm and --out x.xlsx, then it is refused: the macros are never written away under an .xlsx name', async () => {
  await macroBook();
  const run = await tierwise(folder(), 'grade', 'book.xlsm', ...GRADE, '--out', 'out.xlsx');
  expect(run.code).toBe(2);
  expect(run.err).toContain(
    'tierwise: --out out.xlsx: book.xlsm holds macros and its graded copy keeps them, so it is an .xlsm workbook, which Excel opens only under a name ending in .xlsm; choose one\n',
  );
  expect(existsSync(join(folder(), 'out.xlsx'))).toBe(false);
  const zh = await tierwise(folder(), 'grade', 'book.xlsm', ...GRADE, '--out', 'out.xlsx', '--lang', 'zh-CN');
  expect(zh.err).toContain('--out out.xlsx：book.xlsm 含有宏，分级后的副本会保留宏，是 .xlsm 工作簿');
});

test('given an .xlsx and --out x.xlsm, then it is refused: a workbook without macros is not .xlsm', async () => {
  writeFileSync(join(folder(), 'book.xlsx'), Buffer.from(await (await customerBook()).xlsx.writeBuffer()));
  const run = await tierwise(folder(), 'grade', 'book.xlsx', ...GRADE, '--out', 'out.xlsm');
  expect(run.code).toBe(2);
  expect(run.err).toContain(
    'tierwise: --out out.xlsm: book.xlsx has no macros, so its graded copy is an .xlsx workbook, which Excel opens only under a name ending in .xlsx; choose one\n',
  );
  expect(existsSync(join(folder(), 'out.xlsm'))).toBe(false);
});
