/**
 * Native Excel formulas (issue 11). Run: `npx tsx bench/formula.ts [rows]` (default 100,000).
 *
 * 1. Per preset: the length and nesting depth of each formula column (Score,
 *    Tier, Error, helpers), against Excel's 8,192 characters and 64 levels.
 * 2. LibreOffice recalculation: `tierwise grade` writes the payment scorecard
 *    for `rows` customers once with values and once with --formulas; timed is
 *    soffice loading each workbook with recalculation on load and saving it as
 *    CSV (the same command, so the difference is the formulas' work). The Tier
 *    counts LibreOffice computes in formula mode must equal the engine's, or
 *    the script exits 1. A report, no target.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCommand } from '../src/cli/args';
import type { CliIo } from '../src/cli/command';
import { gradeXlsxFile } from '../src/cli/xlsx/grade-xlsx';
import { columnInputs } from '../src/engine/backends/table-walk';
import { compileTable } from '../src/engine/compile';
import { compileToFormulas } from '../src/engine/formula';
import { getPreset, PRESETS } from '../src/engine/presets';
import { columnLetters } from '../src/engine/sheet-form/text';
import { makeProfile, parseCsv, sheetsAsCsv } from '../test/xlsx/office';
import { seededRandom } from './support';

const ROWS = Number(process.argv[2] ?? 100_000);

function formulaLengths(): void {
  console.log('Formula length per preset (characters / nesting levels; Excel: 8,192 / 64)');
  for (const preset of PRESETS) {
    const columns: Record<string, string> = {};
    columnInputs(preset, getPreset).forEach((input, k) => (columns[input.id] = columnLetters(k)));
    const result = compileToFormulas(preset, { columns, resolve: getPreset });
    if (!result.ok) {
      console.log(`  ${preset.id.padEnd(24)} refused: ${result.problems.map((p) => p.kind).join(', ')}`);
      continue;
    }
    const outputs = result.columns.filter((c) => !c.output.startsWith('helper-'));
    const helpers = result.columns.filter((c) => c.output.startsWith('helper-'));
    const shown = outputs.map((c) => `${c.output} ${c.length}/${c.nesting}`).join(', ');
    const longest = Math.max(0, ...helpers.map((c) => c.length));
    const helperText = helpers.length ? `; ${helpers.length} helper columns, longest ${longest}` : '';
    console.log(`  ${preset.id.padEnd(24)} ${shown}${helperText}`);
  }
}

async function writeInput(path: string): Promise<void> {
  const rnd = seededRandom(11);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Customers');
  sheet.addRow(['monthly_sales', 'payment_days']).commit();
  for (let i = 0; i < ROWS; i++) sheet.addRow([Math.round(rnd() * 4000000) / 100, Math.floor(rnd() * 90)]).commit();
  sheet.commit();
  await workbook.commit();
}

async function grade(dir: string, out: string, formulas: boolean): Promise<Map<string, number>> {
  const compiled = compileTable(getPreset('payment-scorecard'));
  if (!compiled.ok) throw new Error('preset');
  const io: CliIo = { stdout: () => undefined, stderr: (t) => process.stderr.write(t), cwd: dir };
  const context = startCommand({ name: 'grade', usage: '' }, [], io, []);
  if (typeof context === 'number') throw new Error('no context');
  const result = await gradeXlsxFile(
    { compiled: compiled.compiled, input: 'in.xlsx', out, force: true, overrides: {}, formulas, quiet: true },
    context,
  );
  if (!result.written) throw new Error(`grade failed (${result.exitCode})`);
  return new Map(result.written.summary.tiers.map((t) => [t.id, t.count]));
}

function tierCounts(csv: string): Map<string, number> {
  const [header, ...rows] = parseCsv(csv);
  const at = header!.indexOf('Tier');
  const counts = new Map<string, number>();
  for (const row of rows) if (row[at]) counts.set(row[at]!, (counts.get(row[at]!) ?? 0) + 1);
  return counts;
}

async function main(): Promise<number> {
  formulaLengths();
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-formula-'));
  const profile = makeProfile();
  try {
    await writeInput(join(dir, 'in.xlsx'));
    const engine = await grade(dir, 'values.xlsx', false);
    await grade(dir, 'formulas.xlsx', true);
    // A first run warms LibreOffice's profile so neither timing pays for it.
    sheetsAsCsv(profile, join(dir, 'values.xlsx'));
    const timings: Array<[string, number]> = [];
    let formulaCounts = new Map<string, number>();
    for (const name of ['values', 'formulas']) {
      const t0 = performance.now();
      const sheets = sheetsAsCsv(profile, join(dir, `${name}.xlsx`));
      timings.push([name, performance.now() - t0]);
      if (name === 'formulas') formulaCounts = tierCounts(sheets.get('Customers')!);
    }
    console.log(`\nLibreOffice load with recalculation + save as CSV, payment scorecard, ${ROWS} rows`);
    for (const [name, ms] of timings) console.log(`  ${name.padEnd(9)} ${(ms / 1000).toFixed(1)} s`);
    const same = [...engine].every(([tier, n]) => formulaCounts.get(tier) === n);
    console.log(
      `  tier counts (engine / LibreOffice formulas): ${JSON.stringify([...engine])} / ${JSON.stringify([...formulaCounts])}`,
    );
    return same ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
