/**
 * Grading speed of the engine (issue 2). Run: `npx tsx bench/engine.ts [rows]`.
 * Prints rows/s for the payment scorecard on numeric cells and on text cells,
 * for a 10-tier / 30-condition rules table, at 10k, 100k and 1M rows, and the
 * numpy peer's figure from the same run.
 */
import { compileTable } from '../src/engine/compile';
import type { CompiledTable, GradingTable } from '../src/engine';
import { paymentScorecard } from '../test/engine/fixtures';
import { rulesTable } from './measures/rules-table';
import { textRows } from './measures/text-rows';
import { bestOf, mib, rate, runPeer, seededRandom } from './support';

const MAX = Number(process.argv[2] ?? 1_000_000);
const SIZES = [10_000, 100_000, 1_000_000].filter((n) => n <= MAX);

function compiled(table: GradingTable): CompiledTable {
  const result = compileTable(table);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

/** Same distribution as ../shared/peers/numpy_scorecard.py: sales U(0,40000), days integer U[0,90). */
function numericRows(n: number): Array<[number, number]> {
  const random = seededRandom(1);
  return Array.from({ length: n }, () => [random() * 40000, Math.floor(random() * 90)]);
}

function measure(label: string, table: CompiledTable, all: ArrayLike<ArrayLike<unknown>>): void {
  for (const n of SIZES) {
    const rows = Array.prototype.slice.call(all, 0, n) as Array<Array<number | string>>;
    table.gradeRows(rows); // warm-up
    const before = process.memoryUsage().heapUsed;
    let graded = 0;
    const ms = bestOf(n >= 1_000_000 ? 9 : 15, () => {
      graded = table.gradeRows(rows).count;
    });
    const grown = process.memoryUsage().heapUsed - before;
    console.log(
      `${label.padEnd(34)} ${String(n).padStart(9)} rows ${ms.toFixed(1).padStart(8)} ms  ${rate(graded, ms).padStart(18)}  heap +${mib(Math.max(0, grown))}`,
    );
  }
}

const numeric = numericRows(MAX);
const scorecard = compiled(paymentScorecard);
measure('payment-scorecard, numeric cells', scorecard, numeric);
// The layout numpy gets: one typed array per column.
const columns = [Float64Array.from(numeric, (r) => r[0]), Float64Array.from(numeric, (r) => r[1])];
scorecard.gradeColumns(columns);
const best = bestOf(15, () => scorecard.gradeColumns(columns));
console.log(
  `${'payment-scorecard, numeric columns'.padEnd(34)} ${String(MAX).padStart(9)} rows ${best.toFixed(1).padStart(8)} ms  ${rate(MAX, best).padStart(18)}`,
);
measure('payment-scorecard, text cells', scorecard, textRows(numeric));

const random = seededRandom(7);
const rulesRows = Array.from({ length: MAX }, () => Array.from({ length: 5 }, () => Math.floor(random() * 100)));
measure('rules, 10 tiers / 30 conditions', compiled(rulesTable()), rulesRows);

const peer = runPeer('numpy_scorecard.py', [String(MAX)]);
if (peer && !peer.startsWith('failed')) {
  const numpyRate = Number(/rows_per_s=(\d+)/.exec(peer)?.[1]);
  const ours = MAX / (best / 1000);
  console.log(peer);
  console.log(`tierwise/numpy on ${MAX} numeric rows, both given columns: ${(ours / numpyRate).toFixed(2)}x`);
} else {
  console.log(`numpy peer not run (${peer ?? 'python3/numpy missing: apt-get install -y python3-numpy'})`);
}
