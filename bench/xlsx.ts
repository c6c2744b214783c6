/**
 * Grading .xlsx files end to end (issue 6). Run: `npx tsx bench/xlsx.ts [rows ...]`
 * (default 100000 and 1048575, i.e. Excel's 1,048,576 rows with the header).
 *
 * For each size it writes an input workbook of 6 columns (name, sales,
 * days as text for a third of the rows, region, signing date, note), then
 * grades it with the payment scorecard in a child process, as the CLI does
 * (read, grade, write Score/Tier/Error, colour rules, summary, rules sheet),
 * and prints wall time and the child's peak RSS. Targets: 100k rows under
 * 10 s; 1,048,575 rows under 60 s and 2 GB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { startCommand } from '../src/cli/args';
import type { CliIo } from '../src/cli/command';
import { gradeXlsxFile } from '../src/cli/xlsx/grade-xlsx';
import { compileTable } from '../src/engine/compile';
import { getPreset } from '../src/engine/presets';
import { mib, rate, seededRandom } from './support';

async function writeInput(path: string, rows: number): Promise<void> {
  const random = seededRandom(1);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const ws = workbook.addWorksheet('客户');
  ws.addRow(['客户名称', '月均销售额', '回款天数', '区域', '签约日期', '备注']).commit();
  const regions = ['华东', '华南', '华北', '西部'];
  for (let i = 0; i < rows; i++) {
    const days = Math.floor(random() * 90);
    ws.addRow([
      `客户${i}`,
      Math.round(random() * 40000),
      i % 3 === 0 ? String(days) : days,
      regions[i % 4],
      new Date(Date.UTC(2020, 0, 1 + (i % 1500))),
      i % 10 === 0 ? '重点跟进' : null,
    ]).commit();
  }
  ws.commit();
  await workbook.commit();
}

/** Child mode: grade one file and print {ms, rss} as JSON. */
async function gradeChild(dir: string, file: string): Promise<void> {
  const compiled = compileTable(getPreset('payment-scorecard'));
  if (!compiled.ok) throw new Error('invalid preset');
  let out = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (out += t), cwd: dir };
  const context = startCommand({ name: 'grade', usage: '' }, [], io, []);
  if (typeof context === 'number') throw new Error('no context');
  const start = performance.now();
  const result = await gradeXlsxFile({ compiled: compiled.compiled, input: file, force: true, overrides: {} }, context);
  const ms = performance.now() - start;
  process.stdout.write(
    JSON.stringify({ ms, rss: process.resourceUsage().maxRSS * 1024, exit: result.exitCode, out }) + '\n',
  );
}

async function main(): Promise<void> {
  if (process.argv[2] === '--grade') return gradeChild(process.argv[3]!, process.argv[4]!);
  const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [100_000, 1_048_575];
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-xlsx-'));
  try {
    for (const rows of sizes) {
      const file = `in-${rows}.xlsx`;
      const t0 = performance.now();
      await writeInput(join(dir, file), rows);
      const writeMs = performance.now() - t0;
      const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--grade', dir, file], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      if (child.status !== 0) throw new Error(child.stderr);
      const { ms, rss, out } = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
        ms: number;
        rss: number;
        out: string;
      };
      const size = statSync(join(dir, file)).size;
      const graded = statSync(join(dir, file.replace('.xlsx', '.graded.xlsx'))).size;
      console.log(
        `${rows.toLocaleString('en-US')} rows x 6 columns (${mib(size)} in, ${mib(graded)} out; input written in ${(writeMs / 1000).toFixed(1)} s)`,
      );
      console.log(`  graded end to end: ${(ms / 1000).toFixed(1)} s  ${rate(rows, ms)}  peak RSS ${mib(rss)}`);
      if (!out.includes(`Wrote ${rows} row(s)`)) console.log(`  unexpected output: ${out}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
