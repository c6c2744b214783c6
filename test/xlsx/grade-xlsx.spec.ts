import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCommand } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/command';
import { gradeXlsxFile, type GradeXlsxRequest } from '../../src/cli/xlsx/grade-xlsx';
import { compileTable } from '../../src/engine/compile';
import { canonicalJson } from '../../src/engine/table/canonical';
import { getPreset } from '../../src/engine/presets';
import { parseSheetTable } from '../../src/engine/sheet-form';
import type { Cell } from '../../src/engine/values/cell';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scorecard() {
  const result = compileTable(getPreset('payment-scorecard'));
  if (!result.ok) throw new Error('invalid');
  return result.compiled;
}

async function run(request: Partial<GradeXlsxRequest> & { input: string }, lang: string[] = []) {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir };
  const context = startCommand({ name: 'grade', usage: '' }, lang, io, []);
  if (typeof context === 'number') throw new Error('no context');
  const result = await gradeXlsxFile({ compiled: scorecard(), force: false, overrides: {}, ...request }, context);
  return { ...result, out, err };
}

async function input(name: string, rows: Cell[][], sheets: string[] = ['客户']): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet);
    for (const row of rows) ws.addRow(row as ExcelJS.CellValue[]);
  }
  await workbook.xlsx.writeFile(join(dir, name));
  return name;
}

async function open(name: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, name));
  return workbook;
}

const ROWS: Cell[][] = [
  ['客户名称', '月均销售额', '回款天数', '签约日期'],
  ['甲公司', 25000, 20, new Date(Date.UTC(2024, 2, 15))],
  ['乙公司', '1.2万', '50', new Date(Date.UTC(2024, 2, 16))],
  ['丙公司', null, 10, null],
  ['丁公司', '12,000', 31, null],
];

describe('grading an .xlsx file', () => {
  it('happy path: Chinese headers, text numbers and dates read; Score, Tier and Error written; input untouched', async () => {
    const name = await input('a.xlsx', ROWS);
    const before = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex');
    const result = await run({ input: name });
    expect(result.exitCode).toBe(1); // one row ungraded
    expect(result.out).toContain('Wrote 4 row(s) to a.graded.xlsx');
    expect(
      createHash('sha256')
        .update(readFileSync(join(dir, name)))
        .digest('hex'),
    ).toBe(before);
    const sheet = (await open('a.graded.xlsx')).getWorksheet('客户')!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['客户名称', '月均销售额', '回款天数', '签约日期', 'Score', 'Tier', 'Error']);
    expect(values(2)).toEqual(['甲公司', 25000, 20, new Date(Date.UTC(2024, 2, 15)), 100, 'A']);
    expect(values(3)).toEqual(['乙公司', '1.2万', '50', new Date(Date.UTC(2024, 2, 16)), 60, 'B']);
    // The error names the column as the sheet shows it, not the table's input id.
    expect(values(4)[6]).toBe('月均销售额: the cell is empty');
  });

  it('given the graded file then there is one conditional format per tier bound to the Tier column', async () => {
    await run({ input: await input('b.xlsx', ROWS) });
    const sheet = (await open('b.graded.xlsx')).getWorksheet('客户')!;
    const cfs = (
      sheet as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae: string[] }> }> }
    ).conditionalFormattings;
    expect(cfs).toHaveLength(1);
    expect(cfs[0]!.ref).toBe('A2:G5');
    expect(cfs[0]!.rules.map((r) => r.formulae[0])).toEqual(['$F2="A"', '$F2="B"', '$F2="C"']);
  });

  it('given the rules sheet then its block under TW_<id> parses back to the same table, as the add-in stores it', async () => {
    await run({ input: await input('c.xlsx', ROWS) });
    const workbook = await open('c.graded.xlsx');
    const names = workbook.definedNames.model as Array<{ name: string; ranges: string[] }>;
    expect(names).toEqual([
      { name: 'TW_payment_scorecard', ranges: [expect.stringMatching(/^'Tierwise Rules'!\$A\$1:\$[A-Z]+\$\d+$/)] },
    ]);
    const rules = workbook.getWorksheet('Tierwise Rules')!;
    const cells: Cell[][] = [];
    rules.eachRow({ includeEmpty: true }, (row) => cells.push((row.values as Cell[]).slice(1)));
    const parsed = parseSheetTable(cells);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(canonicalJson(parsed.table)).toBe(canonicalJson(getPreset('payment-scorecard')));
  });

  it('given the summary sheet then it has per-tier counts as formulas and the legend in tier colours', async () => {
    await run({ input: await input('d.xlsx', ROWS) });
    const summary = (await open('d.graded.xlsx')).getWorksheet('Tierwise Summary')!;
    const a = summary.getRow(3);
    expect(a.getCell(1).value).toBe('A');
    expect(a.getCell(2).value).toEqual({ formula: `SUMPRODUCT(--('客户'!$F$2:$F$5="A"))`, result: 1 });
    let legend = 0;
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'Legend') legend = row.number;
    });
    expect(legend).toBeGreaterThan(0);
    const fill = summary.getRow(legend + 1).getCell(1).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe('FF' + getPreset('payment-scorecard')!.tiers[0]!.fill.slice(1).toUpperCase());
  });

  it('given --sheet then that sheet is graded; an unknown sheet names the sheets there are', async () => {
    const name = await input('e.xlsx', ROWS, ['Notes', '客户']);
    expect((await run({ input: name, sheet: '客户', force: true })).out).toContain('Wrote 4 row(s)');
    const missing = await run({ input: name, sheet: 'Nope', out: 'e2.xlsx' });
    expect(missing.exitCode).toBe(1);
    expect(missing.err).toContain("has no sheet 'Nope'; its sheets are: Notes, 客户");
  });

  it('given an existing output without --force, or the input as output, then nothing is written (exit 2)', async () => {
    const name = await input('f.xlsx', ROWS);
    writeFileSync(join(dir, 'f.graded.xlsx'), 'keep');
    const exists = await run({ input: name });
    expect(exists.exitCode).toBe(2);
    expect(readFileSync(join(dir, 'f.graded.xlsx'), 'utf8')).toBe('keep');
    const same = await run({ input: name, out: name, force: true });
    expect(same.exitCode).toBe(2);
    expect(same.err).toContain('never writes over its input');
  });

  it('given a sheet without the required columns then it lists what is missing (exit 1)', async () => {
    const result = await run({
      input: await input('g.xlsx', [
        ['name', 'city'],
        ['x', 'y'],
      ]),
    });
    expect(result.exitCode).toBe(1);
    expect(result.err).toContain('no column for 2 required input(s)');
  });
});
