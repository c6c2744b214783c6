import ExcelJS from 'exceljs';
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCommand } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/command';
import { gradeCommand } from '../../src/cli/commands/grade';
import { gradeXlsxFile } from '../../src/cli/xlsx/grade-xlsx';
import { compileTable } from '../../src/engine/compile';
import type { CompiledTable } from '../../src/engine/grader';
import { formulaErrorText } from '../../src/engine/formula';
import { getPreset } from '../../src/engine/presets';
import type { Cell } from '../../src/engine/values/cell';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-formulas-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function compiled(id: string): CompiledTable {
  const result = compileTable(getPreset(id), { resolve: getPreset });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

async function writeInput(name: string, rows: Cell[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Customers');
  for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]);
  await workbook.xlsx.writeFile(join(dir, name));
  return name;
}

async function grade(c: CompiledTable, input: string, out: string) {
  let text = '';
  const io: CliIo = { stdout: (t) => (text += t), stderr: (t) => (text += t), cwd: dir };
  const context = startCommand({ name: 'grade', usage: '' }, [], io, []);
  if (typeof context === 'number') throw new Error('no context');
  const result = await gradeXlsxFile({ compiled: c, input, out, force: true, overrides: {}, formulas: true }, context);
  return { ...result, text };
}

/** The graded sheet as HyperFormula takes it (formulas without the file's _xlfn. prefixes), and its cached results. */
async function readGraded(name: string): Promise<{ raw: RawCellContent[][]; cached: unknown[][]; header: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, name));
  const sheet = workbook.getWorksheet('Customers')!;
  const raw: RawCellContent[][] = [];
  const cached: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    raw[r - 1] = [];
    cached[r - 1] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      const value = cell.value;
      if (value !== null && typeof value === 'object' && 'formula' in value) {
        raw[r - 1]![c - 1] = `=${String(value.formula).replace(/_xlfn\./g, '')}`;
        cached[r - 1]![c - 1] = (cell.model as { result?: unknown }).result ?? null;
      } else {
        raw[r - 1]![c - 1] = typeof value === 'string' ? `'${value}` : (value as RawCellContent);
        cached[r - 1]![c - 1] = value;
      }
    }
  });
  return { raw, cached, header: (raw[0] ?? []).map((h) => String(h).replace(/^'/, '')) };
}

function outputsOf(c: CompiledTable, rows: Cell[][]): Array<Array<string | number | null>> {
  const batch = c.gradeRows(rows);
  const errorText = formulaErrorText('en-US');
  return rows.map((_r, i) => {
    const error = batch.errors.get(i);
    const k = batch.tiers[i]!;
    const input = error && 'input' in error ? c.columns.find((x) => x.id === error.input) : undefined;
    const out: Array<string | number | null> = [];
    if (c.hasScore) out.push(error ? null : batch.scores[i]!);
    out.push(k < 0 ? null : c.tiers[k]!.id);
    out.push(error ? errorText(error.kind as never, input) : null);
    return out;
  });
}

describe('tierwise grade FILE.xlsx --formulas', () => {
  it('given the payment scorecard then Score, Tier and Error are formulas whose cached results and recalculation are the engine values, and they follow edits', async () => {
    const table = compiled('payment-scorecard');
    const rows: Cell[][] = [
      [25000, 20],
      [5000, 60],
      [20000, 45.5],
      [null, 10],
      [12000, -1],
    ];
    const input = await writeInput('pay.xlsx', [['monthly_sales', 'payment_days'], ...rows]);
    const result = await grade(table, input, 'pay.graded.xlsx');
    expect(result.exitCode).toBe(1); // one row is ungraded (blank sales)
    const { raw, cached, header } = await readGraded('pay.graded.xlsx');
    expect(header).toEqual(['monthly_sales', 'payment_days', 'Score', 'Tier', 'Error']);
    const expected = outputsOf(table, rows);
    expect(cached.slice(1).map((r) => r.slice(2).map((x) => (x === '' ? null : x)))).toEqual(expected);
    expect(raw[1]![3]).toMatch(/^=IF\(E2<>"","",IFS\(C2>=80,"A"/);

    const hf = HyperFormula.buildFromArray(raw, { licenseKey: 'gpl-v3', smartRounding: false });
    const recalculated = () =>
      rows.map((_r, i) =>
        [2, 3, 4].map((c) => hf.getCellValue({ sheet: 0, row: i + 1, col: c })).map((x) => (x === '' ? null : x)),
      );
    expect(recalculated()).toEqual(expected);
    // An edit: the blank sales cell gets a figure, and the second row pays late.
    hf.setCellContents({ sheet: 0, row: 4, col: 0 }, 30000);
    hf.setCellContents({ sheet: 0, row: 2, col: 1 }, 90);
    const edited: Cell[][] = rows.map((r) => [...r]);
    edited[3]![0] = 30000;
    edited[1]![1] = 90;
    expect(recalculated()).toEqual(outputsOf(table, edited));
    hf.destroy();
  });

  it('given a large rules table then helper columns are written with headers and the tiers recalculate', async () => {
    const table = compiled('sales-pipeline');
    const headers = table.columns.map((c) => c.id);
    const rows: Cell[][] = [0, 1, 2, 3].map((k) =>
      table.columns.map((c, i) => (c.type === 'boolean' ? (i + k) % 3 === 0 : c.type === 'number' ? 10 ** k : null)),
    );
    const input = await writeInput('pipeline.xlsx', [headers, ...rows]);
    await grade(table, input, 'pipeline.graded.xlsx');
    const { raw, header } = await readGraded('pipeline.graded.xlsx');
    expect(header.slice(headers.length, headers.length + 3)).toEqual(['Score', 'Tier', 'Error']);
    expect(header.slice(headers.length + 3).every((h, k) => h === `Tierwise helper ${k + 1}`)).toBe(true);
    expect(header.length).toBeGreaterThan(headers.length + 3);
    const hf = HyperFormula.buildFromArray(raw, { licenseKey: 'gpl-v3', smartRounding: false });
    const got = rows.map((_r, i) =>
      [0, 1, 2]
        .map((k) => hf.getCellValue({ sheet: 0, row: i + 1, col: headers.length + k }))
        .map((x) => (x === '' ? null : x)),
    );
    hf.destroy();
    expect(got).toEqual(outputsOf(table, rows));
  });

  it('given numbers typed as text then the row is an error, cached and recalculated, with a warning', async () => {
    const table = compiled('payment-scorecard');
    const input = await writeInput('text.xlsx', [
      ['monthly_sales', 'payment_days'],
      ['1.2万', 20],
      [25000, 20],
    ]);
    const result = await grade(table, input, 'text.graded.xlsx');
    expect(result.text).toContain('1 row(s) hold numbers or dates typed as text');
    const { raw, cached } = await readGraded('text.graded.xlsx');
    const unread = formulaErrorText('en-US')('unread-text', table.columns[0]);
    expect(cached[1]!.slice(2, 4)).toEqual([null, null]);
    const hf = HyperFormula.buildFromArray(raw, { licenseKey: 'gpl-v3', smartRounding: false });
    expect([2, 3, 4].map((c) => hf.getCellValue({ sheet: 0, row: 1, col: c }))).toEqual(['', '', unread]);
    expect([2, 3, 4].map((c) => hf.getCellValue({ sheet: 0, row: 2, col: c }))).toEqual([100, 'A', '']);
    hf.destroy();
  });

  it('given an RFM table or a CSV input then it refuses with the reason', async () => {
    const input = await writeInput('rfm.xlsx', [
      ['recency', 'frequency', 'monetary'],
      [3, 4, 500],
    ]);
    const rfm = await grade(compiled('rfm'), input, 'rfm.graded.xlsx');
    expect(rfm.exitCode).toBe(1);
    expect(rfm.text).toContain('RFM scores depend on the whole population');
    let text = '';
    const io: CliIo = { stdout: (t) => (text += t), stderr: (t) => (text += t), cwd: dir };
    const code = await gradeCommand.run(['a.csv', '--table', 'payment-scorecard', '--formulas'], io);
    expect(code).toBe(2);
    expect(text).toContain('--formulas writes Excel formulas, so the input must be an .xlsx workbook');
  });
});
