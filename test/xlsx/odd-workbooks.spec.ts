/**
 * Workbooks not written by Excel still come out whole: no styles.xml and inline strings (Tierwise
 * adds a styles part for its formats), a sheet whose part has an unusual number and an absolute
 * relationship target, a calculation chain (dropped: Excel rebuilds it, a stale one reads as damage).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tierwise, unzipArchive, useFolder } from '../hostile/support';
import { readBook } from './fidelity-support';
import { MAIN, rawWorkbook, REL, xml } from './raw-workbook';

const folder = useFolder('odd-workbooks');
const ROWS = [
  ['id', 'monthly_sales', 'payment_days'],
  ['C1', 50000, 10],
  ['C2', 5000, 80],
];

/** One sheet, Customers, at `part` named by `target`. */
function oneSheet(part: string, target: string, extra: Array<{ name: string; data: Buffer }> = []): Buffer {
  return rawWorkbook([{ name: 'Customers', part, target, rows: ROWS }], extra);
}

async function gradedRows(file: string): Promise<unknown[][]> {
  const book = await readBook(join(folder(), file));
  const rows: unknown[][] = [];
  book.getWorksheet('Customers')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const GRADED = [
  ['id', 'monthly_sales', 'payment_days', 'Score', 'Tier', 'Error'],
  ['C1', 50000, 10, 100, 'A'],
  ['C2', 5000, 80, 30, 'C'],
];

test('given no styles.xml and inline strings, then a styles part is added for the tier formats and every cell is read back', async () => {
  writeFileSync(join(folder(), 'in.xlsx'), oneSheet('xl/worksheets/sheet1.xml', 'worksheets/sheet1.xml'));
  const run = await tierwise(folder(), 'grade', 'in.xlsx', '--table', 'payment-scorecard', '--out', 'out.xlsx');
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  expect(await gradedRows('out.xlsx')).toEqual(GRADED);
  const parts = unzipArchive(readFileSync(join(folder(), 'out.xlsx')));
  const names = parts.map((p) => p.name);
  expect(names).toContain('xl/styles.xml');
  const rels = parts.find((p) => p.name === 'xl/_rels/workbook.xml.rels')!.data.toString('utf8');
  expect(rels).toContain(`Type="${REL}/styles" Target="styles.xml"`);
  const book = await readBook(join(folder(), 'out.xlsx'));
  const formats = (book.getWorksheet('Customers')!.model as unknown as { conditionalFormattings: unknown[] })
    .conditionalFormattings;
  expect(formats).toHaveLength(1);
});

test('given a sheet at an unusual part named by an absolute target, and a calculation chain, then that part is graded and the chain dropped', async () => {
  const chain = { name: 'xl/calcChain.xml', data: xml(`<calcChain xmlns="${MAIN}"><c r="A1" i="1"/></calcChain>`) };
  writeFileSync(join(folder(), 'in.xlsx'), oneSheet('xl/worksheets/sheet7.xml', '/xl/worksheets/sheet7.xml', [chain]));
  const run = await tierwise(folder(), 'grade', 'in.xlsx', '--table', 'payment-scorecard', '--out', 'out.xlsx');
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  expect(await gradedRows('out.xlsx')).toEqual(GRADED);
  const parts = unzipArchive(readFileSync(join(folder(), 'out.xlsx')));
  expect(parts.map((p) => p.name).sort()).toEqual([
    '[Content_Types].xml',
    '_rels/.rels',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
    'xl/workbook.xml',
    'xl/worksheets/sheet1.xml',
    'xl/worksheets/sheet2.xml',
    'xl/worksheets/sheet7.xml',
  ]);
  const types = parts.find((p) => p.name === '[Content_Types].xml')!.data.toString('utf8');
  expect(types).not.toContain('calcChain');
});
