import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { startCommand } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/command';
import { gradeXlsxFile } from '../../src/cli/xlsx/grade-xlsx';
import { compileTable } from '../../src/engine/compile';
import type { CompiledTable } from '../../src/engine/grader';
import { getPreset } from '../../src/engine/presets';
import type { Cell } from '../../src/engine/values/cell';
import { makeCase } from '../sql/sql-harness';
import { expectedGradedColumns, expectedSummaryGrid, gridDifferences } from '../support/recalculated';
import { colourRuns, libreOfficeSession, parseCsv, pdfPage, PDFTOPPM, sheetsAsCsv, SOFFICE } from './office';

if (!SOFFICE || !PDFTOPPM) {
  if (process.env.CI)
    throw new Error(
      'LibreOffice/poppler missing: apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils',
    );
  console.warn('\n*** LibreOffice or pdftoppm not found: the LibreOffice round-trip tests are SKIPPED ***\n');
}
const describeLo = SOFFICE && PDFTOPPM ? describe : describe.skip;

const lo = libreOfficeSession('tierwise-xlsx-lo-');
const { dir } = lo;

function compiled(id: string): CompiledTable {
  const result = compileTable(getPreset(id), { resolve: getPreset });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

/** Headers as users write them: the Chinese alias where there is one. */
function headersOf(c: CompiledTable): string[] {
  return c.columns.map((input) => input.aliases?.find((a) => /[\u4e00-\u9fff]/.test(a)) ?? input.id);
}

async function writeInput(path: string, sheet: string, header: string[], rows: Cell[][]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const ws = workbook.addWorksheet(sheet);
  ws.addRow(header).commit();
  for (const row of rows) ws.addRow(row.map((c) => (c === undefined ? null : c)) as ExcelJS.CellValue[]).commit();
  ws.commit();
  await workbook.commit();
}

async function grade(c: CompiledTable, input: string): Promise<{ exitCode: number; out: string }> {
  let out = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (out += t), cwd: dir };
  const context = startCommand({ name: 'grade', usage: '' }, [], io, []);
  if (typeof context === 'number') throw new Error('no context');
  const result = await gradeXlsxFile({ compiled: c, input, force: true, overrides: {} }, context);
  return { exitCode: result.exitCode, out };
}

/** Score and Tier per data row from LibreOffice's CSV of the graded sheet. */
function scoresAndTiers(csv: string, width: number, hasScore: boolean): Array<[number | null, string | null]> {
  const [header, ...rows] = parseCsv(csv);
  const scoreAt = width;
  const tierAt = width + (hasScore ? 1 : 0);
  expect(header![tierAt]).toBe('Tier');
  return rows.map((r) => [
    hasScore && r[scoreAt] !== '' && r[scoreAt] !== undefined ? Number(r[scoreAt]) : null,
    r[tierAt] ? r[tierAt]! : null,
  ]);
}

describeLo('graded .xlsx opened in LibreOffice (recalculating)', () => {
  it('given a formula with a stale cached result then the test profile recalculates it (else the summary checks prove nothing)', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('S');
    ws.addRow([2, 3, { formula: 'A1*B1', result: 999 }]);
    await workbook.xlsx.writeFile(join(dir, 'stale.xlsx'));
    expect(parseCsv(sheetsAsCsv(lo.profile, join(dir, 'stale.xlsx')).get('S')!)[0]).toEqual(['2', '3', '6']);
  }, 120000);

  it.each(['payment-scorecard', 'weighted-bonus', 'pharma-nine-box', 'sales-pipeline'])(
    'given %s with numbers, text numbers, blanks and junk then every graded cell, and every summary and legend cell once recalculated, matches the engine',
    async (id) => {
      const c = compiled(id);
      const data = makeCase(id, getPreset(id)!, false, 77, 300);
      const rows = data.rows.map((row) =>
        row.map((cell, i) =>
          c.columns[i]!.type === 'number' && typeof cell === 'string' && /^-?\d+$/.test(cell) ? Number(cell) : cell,
        ),
      );
      const input = join(dir, `${id}.xlsx`);
      await writeInput(input, '客户', headersOf(c), rows);
      const { out } = await grade(c, `${id}.xlsx`);
      expect(out).toContain(`${id}.graded.xlsx`);
      const sheets = sheetsAsCsv(lo.profile, join(dir, `${id}.graded.xlsx`));
      expect([...sheets.keys()].sort()).toEqual(['Tierwise Rules', 'Tierwise Summary', '客户'].sort());
      const batch = c.gradeRows(rows);
      const expected = rows.map((_r, i): [number | null, string | null] => [
        batch.errors.has(i) || Number.isNaN(batch.scores[i]!) ? null : batch.scores[i]!,
        batch.tiers[i]! < 0 ? null : c.tiers[batch.tiers[i]!]!.id,
      ]);
      expect(scoresAndTiers(sheets.get('客户')!, c.columns.length, c.hasScore)).toEqual(expected);
      // The graded columns (Score, Tier, Error) of every row, and every cell of the summary sheet and its
      // legend, as LibreOffice recalculated them, against the engine's own figures.
      const graded = parseCsv(sheets.get('客户')!).slice(1, rows.length + 1);
      const outputs = graded.map((r) => r.slice(c.columns.length));
      expect(
        gridDifferences(outputs, expectedGradedColumns(c, batch, 'en-US', headersOf(c)), 1, c.columns.length),
      ).toEqual([]);
      const summary = parseCsv(sheets.get('Tierwise Summary')!);
      expect(gridDifferences(summary, expectedSummaryGrid(c, batch, { locale: 'en-US', title: true }))).toEqual([]);
    },
    180000,
  );

  it('given rows of alternating tiers then the printed page shows each row in its tier colour, in order', async () => {
    const c = compiled('payment-scorecard');
    // sales, days -> A (100), C (60 -> B?) ... chosen by the engine below; a blank row in between.
    const rows: Cell[][] = [
      [25000, 10],
      [3000, 90],
      [15000, 40],
      [null, 5],
      [25000, 10],
      [12000, 50],
      [4000, 70],
      [21000, 35],
      [3000, 61],
    ];
    await writeInput(join(dir, 'colours.xlsx'), 'Customers', ['monthly_sales', 'payment_days'], rows);
    await grade(c, 'colours.xlsx');
    const batch = c.gradeRows(rows);
    const tiers = rows.map((_r, i) => (batch.tiers[i]! < 0 ? '' : c.tiers[batch.tiers[i]!]!.id));
    expect(new Set(tiers)).toEqual(new Set(['A', 'B', 'C', '']));
    const expected: string[] = [];
    let previous = '';
    for (const t of tiers) {
      if (t !== previous && t !== '') expected.push(t);
      previous = t;
    }
    const fills = Object.fromEntries(c.tiers.map((t) => [t.id, t.fill]));
    const image = pdfPage(lo.profile, join(dir, 'colours.graded.xlsx'), 1);
    expect(colourRuns(image, fills)).toEqual(expected);
  }, 120000);

  it('given 100,000 rows then the LibreOffice round trip still gives the engine tier for every row (slow)', async () => {
    const c = compiled('payment-scorecard');
    const rows: Cell[][] = [];
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let i = 0; i < 100_000; i++) rows.push([Math.round(next() * 40000), Math.floor(next() * 90)]);
    await writeInput(join(dir, 'big.xlsx'), 'Customers', ['月均销售额', '回款天数'], rows);
    await grade(c, 'big.xlsx');
    const sheets = sheetsAsCsv(lo.profile, join(dir, 'big.graded.xlsx'));
    const got = scoresAndTiers(sheets.get('Customers')!, 2, true);
    const batch = c.gradeRows(rows);
    expect(got.length).toBe(rows.length);
    let mismatches = 0;
    got.forEach(([score, tier], i) => {
      if (score !== batch.scores[i] || tier !== c.tiers[batch.tiers[i]!]!.id) mismatches++;
    });
    // Speed is measured in bench/, not here: a timed assertion fails with the machine's load.
    expect(mismatches).toBe(0);
  }, 300000);
});
