/**
 * Workbook fidelity (issue 16, ADR 0020): the graded workbook is the input with Tierwise's columns,
 * formats, summary and rules sheets added. Inputs written by ExcelJS and by LibreOffice (formulas,
 * number formats, fonts, merged cells, column widths, a defined name, an Excel table, a data
 * validation, a comment); compared part by part as stored and cell by cell (value, formula, style,
 * number format); opened in LibreOffice to show the output is valid and its formulas compute; graded
 * twice to show Tierwise's own columns and sheets are replaced, not added again.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { tierwise } from '../hostile/support';
import { cellsOf, expectUntouchedPartsStored, PATCHED, readBook, sheetStructure } from './fidelity-support';
import { libreOfficeSession, parseCsv, sheetsAsCsv, SOFFICE } from './office';

const describeLo = SOFFICE ? describe : describe.skip;
const lo = libreOfficeSession('tierwise-fidelity-');
const { dir } = lo;
const GRADE = ['--table', 'payment-scorecard'];
const CUSTOMERS = [
  ['C1', 50000, 10],
  ['C2', 5000, 80],
  ['C3', 12000, 30],
] as const;

/** Score and Tier of each customer under payment-scorecard, as the engine grades them. */
const EXPECTED: Array<[number, string]> = [
  [100, 'A'],
  [30, 'C'],
  [80, 'A'],
];

/** An ExcelJS workbook with what a real one holds: styles, widths, merges, formulas, a name, a table, a validation, a comment. */
async function excelJsBook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Customers');
  ws.columns = [{ width: 14 }, { width: 20 }, { width: 9 }, { width: 12 }];
  ws.addRows([['id', 'monthly_sales', 'payment_days', 'double'], ...CUSTOMERS.map((c) => [...c])]);
  ws.getCell('A1').font = { bold: true, color: { argb: 'FFFF0000' } };
  ws.getCell('B2').numFmt = '#,##0.00';
  ws.getCell('C3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  for (let r = 2; r <= 4; r++) ws.getCell(`D${r}`).value = { formula: `B${r}*2`, result: CUSTOMERS[r - 2]![1] * 2 };
  ws.getCell('A3').note = 'a comment';
  ws.getCell('C2').dataValidation = { type: 'whole', operator: 'between', formulae: [0, 365], allowBlank: true };
  const notes = book.addWorksheet('Notes');
  notes.addRows([
    ['a', 1],
    ['b', 2],
  ]);
  notes.mergeCells('A4:B5');
  notes.getCell('A4').value = 'merged';
  notes.getCell('C1').value = { formula: 'SUM(B1:B2)+SUM(Customers!B2:B4)', result: 67003 };
  notes.getCell('C1').numFmt = '0.0';
  notes.getColumn(1).width = 30;
  notes.addTable({
    name: 'Things',
    ref: 'E1',
    columns: [{ name: 'thing' }, { name: 'n' }],
    rows: [
      ['x', 1],
      ['y', 2],
    ],
  });
  book.definedNames.add('Notes!$B$1:$B$2', 'Amounts');
  await book.xlsx.writeFile(path);
}

/** The same kind of workbook as LibreOffice writes it: a flat ODS converted to .xlsx by soffice. */
function libreOfficeBook(path: string): void {
  const cell = (v: string | number, style = '') =>
    typeof v === 'number'
      ? `<table:table-cell${style} office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`
      : `<table:table-cell${style} office:value-type="string"><text:p>${v}</text:p></table:table-cell>`;
  const rows = CUSTOMERS.map(
    (c, i) =>
      `<table:table-row>${cell(c[0])}${cell(c[1], ' table:style-name="ce1"')}${cell(c[2])}` +
      `<table:table-cell table:formula="of:=[.B${i + 2}]*2" office:value-type="float" office:value="0"/></table:table-row>`,
  ).join('');
  const fods = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="3.5cm"/></style:style>
<style:style style:name="co2" style:family="table-column"><style:table-column-properties style:column-width="6cm"/></style:style>
<number:number-style style:name="N1"><number:number number:decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
<style:style style:name="ce2" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Customers"><table:table-column table:style-name="co1"/><table:table-column table:style-name="co2"/><table:table-column table:style-name="co1" table:number-columns-repeated="2"/>
<table:table-row>${['id', 'monthly_sales', 'payment_days', 'double'].map((h) => cell(h, ' table:style-name="ce2"')).join('')}</table:table-row>
${rows}
</table:table>
<table:table table:name="Totals"><table:table-column table:style-name="co2" table:number-columns-repeated="3"/>
<table:table-row>${cell('total')}<table:table-cell table:formula="of:=SUM([$Customers.B2:.B4])" office:value-type="float" office:value="0" table:style-name="ce1"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="1" office:value-type="string"><text:p>merged</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
</table:table>
<table:named-expressions><table:named-range table:name="Sales" table:base-cell-address="$Customers.$B$2" table:cell-range-address="$Customers.$B$2:.$B$4"/></table:named-expressions>
</office:spreadsheet></office:body></office:document>`;
  const fodsPath = path.replace(/\.xlsx$/, '.fods');
  writeFileSync(fodsPath, fods);
  const run = spawnSync(
    SOFFICE!,
    [
      `-env:UserInstallation=file://${lo.profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx',
      '--outdir',
      dir,
      fodsPath,
    ],
    { encoding: 'utf8', timeout: 240_000 },
  );
  if (run.status !== 0 || !existsSync(path)) throw new Error(`soffice failed: ${run.stderr}`);
}

/** Everything of the input other than Tierwise's columns is in the output as it was. */
async function expectInputKept(input: string, output: string, graded: string, ownFrom: number): Promise<void> {
  const before = await readBook(input);
  const after = await readBook(output);
  expect(after.worksheets.map((s) => s.name)).toEqual([
    ...before.worksheets.map((s) => s.name),
    'Tierwise Summary',
    'Tierwise Rules',
  ]);
  for (const sheet of before.worksheets) {
    const copy = after.getWorksheet(sheet.name)!;
    const own = sheet.name === graded ? ownFrom : undefined;
    expect(cellsOf(copy, own)).toEqual(cellsOf(sheet, own));
    expect(sheetStructure(copy, (own ?? 10) - 1)).toEqual(sheetStructure(sheet, (own ?? 10) - 1));
  }
  const names = (book: ExcelJS.Workbook) => (book.definedNames as unknown as { model: Array<{ name: string }> }).model;
  expect(names(after).filter((n) => !n.name.startsWith('TW_'))).toEqual(names(before));
  expect(names(after).map((n) => n.name)).toContain('TW_payment_scorecard');
}

/** Tierwise's cells of the graded sheet, from column `from` (1-based). */
async function ownCells(output: string, sheet: string, from: number): Promise<unknown[][]> {
  const book = await readBook(output);
  const rows: unknown[][] = [];
  book.getWorksheet(sheet)!.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as unknown[];
    rows.push([0, 1, 2].map((k) => values[from + k] ?? null));
  });
  return rows;
}

async function grade(input: string, output: string, ...extra: string[]): Promise<void> {
  const run = await tierwise(dir, 'grade', input, ...GRADE, '--out', output, '--force', ...extra);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
}

describeLo('a graded workbook is its input with Tierwise added', () => {
  const expected = EXPECTED;
  const sources: Array<[string, (path: string) => Promise<void> | void, string]> = [
    ['ExcelJS', excelJsBook, 'exceljs.xlsx'],
    ['LibreOffice', libreOfficeBook, 'libreoffice.xlsx'],
  ];

  test.each(sources)(
    'given a workbook written by %s, then every part, sheet and cell outside Tierwise columns is unchanged, LibreOffice opens and recalculates it, and grading it again replaces Tierwise own',
    async (_, write, name) => {
      const input = join(dir, name);
      await write(input);
      // The input holds what the comparison is about.
      const source = await readBook(input);
      const customers = source.getWorksheet('Customers')!;
      expect(customers.getCell('D2').formula).toBe('B2*2');
      expect(customers.getCell('B2').numFmt).toBe('#,##0.00');
      expect(customers.getCell('A1').font?.bold).toBe(true);
      expect(source.worksheets.flatMap((s) => (s.model as unknown as { merges: string[] }).merges)).toHaveLength(1);
      expect((source.definedNames as unknown as { model: unknown[] }).model).toHaveLength(1);
      const output = join(dir, `graded-${name}`);
      await grade(input, output);

      const added = await expectUntouchedPartsStored(input, output, [...PATCHED, 'xl/worksheets/sheet1.xml']);
      expect(added).toHaveLength(2);
      await expectInputKept(input, output, 'Customers', 5);
      expect(await ownCells(output, 'Customers', 5)).toEqual([
        ['Score', 'Tier', 'Error'],
        ...expected.map(([score, tier]) => [score, tier, null]),
      ]);

      // LibreOffice opens it, recalculates the input's formulas, and reads Tierwise's cells.
      const before = sheetsAsCsv(lo.profile, input);
      const after = sheetsAsCsv(lo.profile, output);
      for (const [sheet, csv] of before) {
        if (sheet === 'Customers') continue;
        expect(after.get(sheet)).toEqual(csv);
      }
      const graded = parseCsv(after.get('Customers')!);
      expect(graded.map((row) => row.slice(0, 4))).toEqual(
        parseCsv(before.get('Customers')!).map((r) => r.slice(0, 4)),
      );
      expect(graded.slice(1).map((row) => [row[3], row[4], row[5]])).toEqual(
        CUSTOMERS.map((c, i) => [String(c[1] * 2), String(expected[i]![0]), expected[i]![1]]),
      );
      expect(after.get('Tierwise Summary')).toContain('Tier');

      // Graded again: the same workbook, not a second set of columns, sheets or formats.
      const twice = join(dir, `twice-${name}`);
      await grade(output, twice);
      const first = await readBook(output);
      const second = await readBook(twice);
      expect(second.worksheets.map((s) => s.name)).toEqual(first.worksheets.map((s) => s.name));
      for (const sheet of first.worksheets) expect(cellsOf(second.getWorksheet(sheet.name)!)).toEqual(cellsOf(sheet));
      const formats = (book: ExcelJS.Workbook) =>
        (book.getWorksheet('Customers')!.model as unknown as { conditionalFormattings: unknown[] })
          .conditionalFormattings;
      expect(formats(second)).toEqual(formats(first));
      await expectUntouchedPartsStored(output, twice, [
        ...PATCHED,
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet3.xml',
        'xl/worksheets/sheet4.xml',
      ]);
    },
    300_000,
  );

  test('given --formulas, then Score, Tier and Error are formulas LibreOffice computes to the engine grades, and grading again without them replaces them', async () => {
    const input = join(dir, 'formulas.xlsx');
    await excelJsBook(input);
    const output = join(dir, 'graded-formulas.xlsx');
    await grade(input, output, '--formulas');
    await expectInputKept(input, output, 'Customers', 5);
    const book = await readBook(output);
    const score = book.getWorksheet('Customers')!.getCell('E2').value as { formula?: string };
    expect(typeof score.formula).toBe('string');
    const graded = parseCsv(sheetsAsCsv(lo.profile, output).get('Customers')!);
    expect(graded.slice(1).map((row) => [row[4], row[5]])).toEqual(expected.map(([s, t]) => [String(s), t]));

    const plain = join(dir, 'plain-again.xlsx');
    copyFileSync(output, join(dir, 'formulas-copy.xlsx'));
    await grade(join(dir, 'formulas-copy.xlsx'), plain);
    const header: unknown[] = [];
    (await readBook(plain))
      .getWorksheet('Customers')!
      .getRow(1)
      .eachCell((cell) => header.push(cell.value));
    expect(header).toEqual(['id', 'monthly_sales', 'payment_days', 'double', 'Score', 'Tier', 'Error']);
    expect(await ownCells(plain, 'Customers', 5)).toEqual([
      ['Score', 'Tier', 'Error'],
      ...expected.map(([score, tier]) => [score, tier, null]),
    ]);
  }, 300_000);
});
