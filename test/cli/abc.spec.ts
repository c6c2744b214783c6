/**
 * `tierwise grade --table abc` on CSV and .xlsx files bigger than one grading
 * chunk: an ABC table ranks every row against every other, so the file must
 * be graded as one population (chunk by chunk, the first chunk's small values
 * would all be A).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/command';
import { GRADE_CHUNK_ROWS, gradeCommand } from '../../src/cli/commands/grade';
import { CsvParser } from '../../src/cli/csv';
import { XLSX_CHUNK_ROWS } from '../../src/cli/xlsx/grade-xlsx';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-abc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function grade(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir };
  const code = await gradeCommand.run(argv, io);
  return { code, out, err };
}

function readCsv(name: string): string[][] {
  const parser = new CsvParser();
  return [...parser.push(readFileSync(join(dir, name), 'utf8')), ...parser.end().rows].map((row) => row.cells);
}

/**
 * `small` customers worth 1 first, then 1,000 worth 1,000 (98% of the total),
 * then one bad value. Expected: the big ones A (a tie group starting at 0%),
 * the small ones C (they start at 98.4%), the bad one an error.
 */
function population(small: number): { ids: string[]; values: Array<number | string>; tiers: string[] } {
  const ids: string[] = [];
  const values: Array<number | string> = [];
  const tiers: string[] = [];
  for (let i = 0; i < small; i++) {
    ids.push(`s${i}`);
    values.push(1);
    tiers.push('C');
  }
  for (let i = 0; i < 1000; i++) {
    ids.push(`b${i}`);
    values.push(1000);
    tiers.push('A');
  }
  ids.push('bad');
  values.push(-20);
  tiers.push('');
  return { ids, values, tiers };
}

describe('tierwise grade with an ABC table', () => {
  it('given a CSV larger than one chunk, then every row is ranked against the whole file', async () => {
    // 16,394 rows (the figures below are of this population): more than one grading chunk.
    const count = 16_394;
    expect(count).toBeGreaterThan(GRADE_CHUNK_ROWS);
    const { ids, values, tiers } = population(count);
    const lines = ['customer,销售额', ...ids.map((id, i) => `${id},${values[i]}`)];
    writeFileSync(join(dir, 'customers.csv'), lines.join('\n') + '\n');
    const run = await grade('customers.csv', '--table', 'abc', '--explain');
    expect(run.code).toBe(1); // one row ungraded
    const rows = readCsv('customers.graded.csv');
    expect(rows[0]).toEqual(['customer', '销售额', 'Score', 'Tier', 'Error', 'Explanation']);
    const total = count + 1_000_000;
    const smallBefore = 1_000_000 / total;
    for (let i = 0; i < ids.length; i++) {
      const row = rows[i + 1]!;
      expect(row[3]).toBe(tiers[i]);
      if (tiers[i] === 'A') expect(row.slice(2)).toEqual(['0', 'A', '', expect.stringContaining('rank 1 of')]);
      if (tiers[i] === 'C') expect(Number(row[2])).toBeCloseTo(smallBefore, 14);
    }
    const bad = rows[ids.length]!;
    expect(bad.slice(2)).toEqual([
      '',
      '',
      '销售额: -20 is not above zero, so it has no share of the total; ABC analysis reports it instead of calling it C',
      '',
    ]);
    expect(rows[1]![5]).toBe(
      `Value 1: rank 1,001 of ${(total - 1_000_000 + 1000).toLocaleString('en-US')}, share before 98.39% ≥ 95% → C (cumulative 100%)`,
    );
    // The summary has the value share column: A is 1,000 of 17,394 customers and 98.4% of the value.
    expect(run.out).toMatch(/Tier\s+Label\s+Count\s+Share\s+Value share\s+Target/);
    expect(run.out).toMatch(/A\s+A\s+1000\s+5\.7%\s+98\.4%/);
    expect(run.out).toMatch(/C\s+C\s+16394\s+94\.3%\s+1\.6%/);
    expect(run.out).toMatch(/Ungraded\s+1/);
  });

  it('given an .xlsx larger than one chunk, then every row is ranked against the whole sheet', async () => {
    const { ids, values, tiers } = population(XLSX_CHUNK_ROWS + 10);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['customer', 'Revenue']);
    ids.forEach((id, i) => sheet.addRow([id, values[i]]));
    await workbook.xlsx.writeFile(join(dir, 'customers.xlsx'));
    const run = await grade('customers.xlsx', '--table', 'abc');
    expect(run.code).toBe(1);
    const graded = new ExcelJS.Workbook();
    await graded.xlsx.readFile(join(dir, 'customers.graded.xlsx'));
    const out = graded.getWorksheet('客户')!;
    expect((out.getRow(1).values as unknown[]).slice(1)).toEqual(['customer', 'Revenue', 'Score', 'Tier', 'Error']);
    for (let i = 0; i < ids.length; i++) {
      const tier = out.getRow(i + 2).getCell(4).value;
      expect(tier ?? '').toBe(tiers[i]);
    }
    expect(out.getRow(ids.length + 1).getCell(5).value).toBe(
      'Revenue: -20 is not above zero, so it has no share of the total; ABC analysis reports it instead of calling it C',
    );
  });
});
