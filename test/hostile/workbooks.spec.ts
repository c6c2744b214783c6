/**
 * Damaged and hostile workbooks: cut short, zip bombs, rows past Excel's
 * last row, formula cells whose saved result is an error or missing. Each
 * is refused or graded as an error with a message naming the file; none ends
 * with exit 0 and nothing said, none with a stack trace.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectArchive } from '../../src/cli/xlsx/archive';
import { leftovers, tierwise, useFolder, zipArchive } from './support';

const folder = useFolder('xlsx');
const GRADE = ['--table', 'payment-scorecard'];

async function workbook(name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Customers').addRows(rows);
  const path = join(folder(), name);
  await book.xlsx.writeFile(path);
  return path;
}

async function readSheet(path: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

function expectNoStackTrace(err: string): void {
  expect(err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(err).not.toMatch(/internal error/);
}

describe('a workbook cut short', () => {
  test('given a workbook cut at 10%, 50% and 99.9%, then grade and rfm refuse it by name and write nothing', async () => {
    const rows: ExcelJS.CellValue[][] = [['id', 'monthly_sales', 'payment_days']];
    for (let i = 0; i < 8000; i++) rows.push([`C${i}`, 1000 + i, i % 90]);
    const whole = readFileSync(await workbook('whole.xlsx', rows));
    for (const share of [0.1, 0.5, 0.999]) {
      writeFileSync(join(folder(), 'cut.xlsx'), whole.subarray(0, Math.floor(whole.length * share)));
      const grade = await tierwise(folder(), 'grade', 'cut.xlsx', ...GRADE, '--out', 'out.xlsx');
      expect(grade.code).toBe(1);
      expect(grade.err).toBe(
        'tierwise: cut.xlsx is damaged or cut short (its zip directory is missing or broken); open it in Excel and save it again\n',
      );
      const rfm = await tierwise(folder(), 'rfm', 'cut.xlsx', '--out', 'out.csv', '--lang', 'zh-CN');
      expect(rfm.code).toBe(1);
      expect(rfm.err).toBe('tierwise：cut.xlsx 已损坏或不完整（zip 目录缺失或损坏）；请在 Excel 中打开并重新保存\n');
    }
    expect(leftovers(folder())).toEqual([]);
  });

  test('given a zip whose sheet is not XML, then rfm says the file is unreadable, with no stack trace', async () => {
    writeFileSync(
      join(folder(), 'junk.xlsx'),
      zipArchive([{ name: 'xl/workbook.xml', data: Buffer.from('<<<not xml') }]),
    );
    const run = await tierwise(folder(), 'rfm', 'junk.xlsx', '--out', 'out.csv');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^tierwise: junk\.xlsx: (the sheet is empty|not a readable \.xlsx file)/);
    expectNoStackTrace(run.err);
  });
});

describe('a zip bomb', () => {
  test('given a sheet that inflates 80 MB of zeros from a few kilobytes, then it is refused before inflating', async () => {
    const bomb = zipArchive([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(80 * 2 ** 20, 0x20) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships/>') },
    ]);
    expect(bomb.length).toBeLessThan(200_000);
    writeFileSync(join(folder(), 'bomb.xlsx'), bomb);
    const run = await tierwise(folder(), 'grade', 'bomb.xlsx', ...GRADE);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      `bomb.xlsx: the part xl/worksheets/sheet1.xml would inflate to ${80 * 2 ** 20} bytes, over the limit of`,
    );
  });

  test('given archives over the total limit or with a broken directory, then inspectArchive says which', async () => {
    const path = join(folder(), 'a.zip');
    writeFileSync(path, zipArchive([{ name: 'a', data: Buffer.alloc(1000) }]));
    expect(await inspectArchive(path, { maxInflated: 999, ratioFloor: 1e9, maxRatio: 1 })).toEqual({
      kind: 'too-large',
      entry: 'a',
      inflated: 1000,
      limit: 999,
    });
    expect(await inspectArchive(path, { maxInflated: 1000, ratioFloor: 1e9, maxRatio: 1 })).toBeUndefined();
    const bytes = readFileSync(path);
    bytes.writeUInt32LE(0xdeadbeef, bytes.length - 22 - 47); // the directory entry's signature
    writeFileSync(path, bytes);
    expect(await inspectArchive(path)).toEqual({ kind: 'damaged', reason: 'bad-directory' });
  });
});

describe('rows past the last row of an Excel sheet', () => {
  test('given a row numbered 1,048,577, then grade refuses the file without filling a million blank rows', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Customers');
    sheet.addRow(['id', 'monthly_sales', 'payment_days']);
    sheet.getRow(1_048_577).values = ['C1', 1000, 30];
    await book.xlsx.writeFile(join(folder(), 'long.xlsx'));
    const started = performance.now();
    const run = await tierwise(folder(), 'grade', 'long.xlsx', ...GRADE, '--out', 'out.xlsx');
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      'tierwise: long.xlsx: row 1048577 is past the last row of an Excel sheet (1048576); nothing was written\n',
    );
    expect(performance.now() - started).toBeLessThan(5000);
    expect(leftovers(folder())).toEqual([]);
  });
});

describe('formula cells', () => {
  test('given formulas whose saved result is an error, zero, empty text or missing, then each is read as saved', async () => {
    await workbook('formulas.xlsx', [
      ['id', 'monthly_sales', 'payment_days'],
      ['C1', { formula: 'VLOOKUP(A2,Z:Z,2,FALSE)', result: { error: '#N/A' } }, 30],
      ['C2', { formula: 'B9*2' } as ExcelJS.CellValue, 30],
      ['C3', { formula: '1+1', result: 6000 }, { formula: '0*1', result: 0 }],
      ['C4', { formula: 'IF(TRUE,"","")', result: '' }, 30],
    ]);
    const run = await tierwise(folder(), 'grade', 'formulas.xlsx', ...GRADE, '--out', 'out.xlsx');
    expect(run.code).toBe(1);
    const rows = await readSheet(join(folder(), 'out.xlsx'));
    const errorColumn = (rows[0] as string[]).indexOf('Error');
    const tierColumn = (rows[0] as string[]).indexOf('Tier');
    expect(rows.slice(1).map((row) => [row[0], row[tierColumn] ?? '', row[errorColumn] ?? ''])).toEqual([
      ['C1', '', 'monthly_sales: the cell holds the error #UNKNOWN!'],
      ['C2', '', 'monthly_sales: the cell holds the error #GETTING_DATA'],
      ['C3', 'B', ''],
      ['C4', '', 'monthly_sales: the cell is empty'],
    ]);
  });
});
