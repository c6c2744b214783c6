/**
 * One timed grading measure, run as its own process by bench/targets.ts.
 * Usage: npx tsx bench/measures/grading.ts columns|columns-into|rows|rows-into|text|hand|hand-branchy|rules|rules-spread [N]
 * (hand: the branch-free hand-written loop, the floor, writing into arrays it is given; hand-branchy: the same
 * with a branch per band; columns-into / rows-into: Tierwise writing into the previous call's result arrays,
 * `{ into }`, the hand loop's condition; columns / rows: fresh result arrays per call, as users call it by default).
 * Prints `ms=T rows=N` (best of 5 after a warm-up, as the numpy peer does).
 * Same data as ../shared/peers/numpy_scorecard.py's distribution: sales U(0,40000), days integer U[0,90).
 */
import { compileTable } from '../../src/engine/compile';
import type { CompiledTable, GradeBatch, GradeOptions, GradingTable } from '../../src/engine';
import { getPreset } from '../../src/engine/presets';
import { bestOf, seededRandom } from '../support';
import { rulesTable } from './rules-table';
import { handGradePayment, handGradePaymentBranchy } from './hand-loop';
import { textRows } from './text-rows';

const [mode = 'columns', size = '1000000'] = process.argv.slice(2);
const N = Number(size);

function compiled(table: GradingTable): CompiledTable {
  const result = compileTable(table);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

function paymentColumns(n: number): [Float64Array, Float64Array] {
  const random = seededRandom(1);
  const sales = new Float64Array(n);
  const days = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sales[i] = random() * 40000;
    days[i] = Math.floor(random() * 90);
  }
  return [sales, days];
}

function timed(run: () => unknown): number {
  run();
  return bestOf(Number(process.env.BENCH_REPS ?? 5), run);
}

let ms: number;
if (mode === 'rules' || mode === 'rules-spread') {
  const random = seededRandom(7);
  const rows = Array.from({ length: N }, () => Array.from({ length: 5 }, () => Math.floor(random() * 100)));
  const table = compiled(rulesTable(mode === 'rules-spread'));
  ms = timed(() => table.gradeRows(rows));
} else {
  const [sales, days] = paymentColumns(N);
  const table = compiled(getPreset('payment-scorecard')!);
  let previous: GradeBatch | undefined;
  const into = (): GradeOptions | undefined => (previous ? { into: previous } : undefined);
  if (mode === 'columns') {
    ms = timed(() => table.gradeColumns([sales, days]));
  } else if (mode === 'columns-into') {
    ms = timed(() => (previous = table.gradeColumns([sales, days], undefined, into())));
  } else if (mode === 'rows' || mode === 'rows-into') {
    // As Excel passes a range: one array of cells per row.
    const rows = Array.from({ length: N }, (_, i) => [sales[i]!, days[i]!]);
    ms =
      mode === 'rows'
        ? timed(() => table.gradeRows(rows))
        : timed(() => (previous = table.gradeRows(rows, undefined, into())));
  } else if (mode === 'text') {
    const rows = textRows(Array.from({ length: N }, (_, i): [number, number] => [sales[i]!, days[i]!]));
    ms = timed(() => table.gradeRows(rows));
  } else if (mode === 'hand' || mode === 'hand-branchy') {
    const scores = new Float64Array(N);
    const tiers = new Int32Array(N);
    const hand = mode === 'hand' ? handGradePayment : handGradePaymentBranchy;
    ms = timed(() => hand(sales, days, scores, tiers));
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}
console.log(`ms=${ms.toFixed(2)} rows=${N}`);
