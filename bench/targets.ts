/**
 * Issue 14's targets, each measured against its peer in the same run,
 * interleaved (A B A B), median of `--runs` pairs (default 5) with min, max,
 * peak memory and load. Run: `npx tsx bench/targets.ts [--runs 5] [--only scorecard,rows,rules,rfm,grade,rfm-cli] [--grade-rows 1000000,5000000]`.
 * Peers: Debian's /usr/bin/python3 with python3-numpy and python3-pandas; DuckDB through @duckdb/node-api.
 * Generated CSVs go to a temporary folder, removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getPreset } from '../src/engine/presets';
import { exportSql } from '../src/engine/sql';
import { compare, repeat, spread, type Contender } from './compare';
import { orders, writeOrdersCsv } from './measures/orders-data';
import { seededRandom } from './support';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
};
const RUNS = Number(option('runs') ?? 5);
const ONLY = option('only')?.split(',');
const wanted = (name: string): boolean => !ONLY || ONLY.includes(name);

const ROOT = resolve(__dirname, '..');
// The shared peers sit beside the checkout (../shared/peers), or one level further up from a git worktree.
const PEERS =
  process.env.TIERWISE_PEERS ??
  ['../shared/peers', '../../shared/peers'].map((dir) => resolve(ROOT, dir)).find((dir) => existsSync(dir)) ??
  resolve(ROOT, '../shared/peers');
const PYTHON = '/usr/bin/python3';
const node = (script: string, ...args: string[]): string[] => ['--import', 'tsx', join(ROOT, script), ...args];
// The command as users run it: the built dist/tierwise.js (ADR 0021), rebuilt from the sources first,
// so no run pays tsx's TypeScript transform.
const builtCli = (): string => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
  return join(ROOT, 'dist/tierwise.js');
};
let cli: string | undefined;
const tierwise = (...args: string[]): Contender => ({
  label: 'tierwise',
  command: process.execPath,
  args: [(cli ??= builtCli()), ...args],
});

/** Customers as `id,monthly_sales,payment_days`: sales U(0,40000) in cents, days integer U[0,90). */
function writeCustomersCsv(file: string, n: number): void {
  const random = seededRandom(1);
  const fd = openSync(file, 'w');
  let chunk = 'id,monthly_sales,payment_days\n';
  for (let i = 0; i < n; i++) {
    chunk += `${i + 1},${(random() * 40000).toFixed(2)},${Math.floor(random() * 90)}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

function gradingTargets(): void {
  const n = '1000000';
  const grading = (mode: string): Contender => ({
    label: `tierwise ${mode}`,
    command: process.execPath,
    args: node('bench/measures/grading.ts', mode, n),
  });
  const numpy: Contender = { label: 'numpy', command: PYTHON, args: [join(PEERS, 'numpy_scorecard.py'), n] };
  if (wanted('scorecard')) {
    compare('Scorecard, 1M numeric rows as columns (target >= 1.5x)', grading('columns'), numpy, RUNS);
    compare(
      'Scorecard columns vs a hand-written loop (target: hand / tierwise >= 0.33)',
      grading('columns'),
      { ...grading('hand'), label: 'hand loop' },
      RUNS,
    );
    // The hand loop writes into arrays it is given; `{ into }` puts Tierwise in the same condition.
    const reusing = { ...grading('columns-into'), label: 'tierwise columns, results into the previous batch' };
    compare('Scorecard columns reusing result arrays vs numpy (same condition as the hand loop)', reusing, numpy, RUNS);
    compare(
      'Scorecard columns reusing result arrays vs the hand loop',
      reusing,
      { ...grading('hand'), label: 'hand loop' },
      RUNS,
    );
  }
  if (wanted('rows'))
    compare('Scorecard, 1M rows of cells as Excel passes them (target >= 1.2x)', grading('rows'), numpy, RUNS);
  if (wanted('rules')) {
    // The same rules as every earlier round, then a spread variant where most rows test several rules.
    for (const [mode, title] of [
      ['rules', 'Rules, 10 tiers / 30 conditions, 1M rows (target >= 10 M rows/s)'],
      ['rules-spread', 'Rules, same table with every rule an all of three conditions (rows over all ten tiers)'],
    ] as const) {
      const samples = repeat(title, grading(mode), RUNS);
      const rate = spread(samples.map((s) => 1e6 / s.ms / 1000));
      console.log(`  ${rate.median.toFixed(1)} M rows/s median (${rate.min.toFixed(1)}..${rate.max.toFixed(1)})`);
    }
  }
  if (wanted('rfm')) {
    compare(
      'RFM, 5M in-memory orders to scores + segments (target >= 1.5x, peak < 1 GB)',
      { label: 'tierwise rfm', command: process.execPath, args: node('bench/measures/rfm.ts', '5000000') },
      { label: 'pandas', command: PYTHON, args: [join(PEERS, 'pandas_rfm.py'), '5000000'] },
      RUNS,
    );
  }
}

function cliTargets(dir: string): void {
  if (wanted('grade')) {
    const sql = join(dir, 'grade.sql');
    for (const rows of (option('grade-rows') ?? '1000000,5000000').split(',').map(Number)) {
      const input = join(dir, `customers-${rows}.csv`);
      writeCustomersCsv(input, rows);
      const exported = exportSql(getPreset('payment-scorecard')!, {
        dialect: 'duckdb',
        source: `read_csv('${input}')`,
      });
      if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
      writeFileSync(sql, exported.sql);
      const out = join(dir, 'graded.csv');
      const ours = tierwise('grade', input, '--table', 'payment-scorecard', '--out', out, '--force');
      const label = `${rows / 1e6}M-row customers CSV -> graded CSV, end to end`;
      compare(
        `${label} (target > 1x pandas)`,
        ours,
        {
          label: 'pandas',
          command: PYTHON,
          args: [join(ROOT, 'bench/peers/pandas_grade_csv.py'), input, join(dir, 'pandas.csv')],
        },
        RUNS,
      );
      compare(
        `${label} (target >= 0.5x DuckDB)`,
        ours,
        {
          label: 'duckdb',
          command: process.execPath,
          args: [join(ROOT, 'bench/peers/duckdb-grade-csv.mjs'), sql, join(dir, 'duckdb.csv')],
        },
        RUNS,
      );
      rmSync(input);
    }
  }
  if (wanted('rfm-cli')) {
    const input = join(dir, 'orders.csv');
    writeOrdersCsv(input, orders(5_000_000));
    compare(
      '`tierwise rfm` on a 5M-row orders CSV, end to end (target < 3 s and >= 1x pandas)',
      tierwise('rfm', input, '--out', join(dir, 'rfm.csv'), '--force'),
      {
        label: 'pandas',
        command: PYTHON,
        args: [join(ROOT, 'bench/peers/pandas_rfm_csv.py'), input, join(dir, 'pandas-rfm.csv')],
      },
      RUNS,
    );
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tierwise-targets-'));
try {
  gradingTargets();
  cliTargets(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
