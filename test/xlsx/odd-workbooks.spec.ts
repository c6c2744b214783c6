/**
 * Workbooks not written by Excel still come out whole: no styles.xml and inline strings (Tierwise
 * adds a styles part for its formats), a sheet whose part has an unusual number and an absolute
 * relationship target, a calculation chain (dropped: Excel rebuilds it, a stale one reads as damage).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tierwise, unzipArchive, useFolder, zipArchive } from '../hostile/support';
import { readBook } from './fidelity-support';

const folder = useFolder('odd-workbooks');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006';
const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`);

/** A workbook of raw parts: one sheet with inline strings at `sheetPart`, named by `target`; no styles.xml. */
function rawWorkbook(sheetPart: string, target: string, extra: Array<{ name: string; data: Buffer }> = []): Buffer {
  const cell = (ref: string, v: string | number) =>
    typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const rows = [
    ['id', 'monthly_sales', 'payment_days'],
    ['C1', 50000, 10],
    ['C2', 5000, 80],
  ]
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(`${'ABC'[c]}${r + 1}`, v)).join('')}</row>`)
    .join('');
  const calc = extra.some((p) => p.name === 'xl/calcChain.xml');
  return zipArchive([
    {
      name: '[Content_Types].xml',
      data: xml(
        `<Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/${sheetPart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${calc ? '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' : ''}</Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Customers" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="${target}"/>${calc ? `<Relationship Id="rId2" Type="${REL}/calcChain" Target="calcChain.xml"/>` : ''}</Relationships>`,
      ),
    },
    { name: sheetPart, data: xml(`<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`) },
    ...extra,
  ]);
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
  writeFileSync(join(folder(), 'in.xlsx'), rawWorkbook('xl/worksheets/sheet1.xml', 'worksheets/sheet1.xml'));
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
  writeFileSync(
    join(folder(), 'in.xlsx'),
    rawWorkbook('xl/worksheets/sheet7.xml', '/xl/worksheets/sheet7.xml', [chain]),
  );
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
