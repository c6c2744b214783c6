/**
 * Custom function speed (issue 4). Run: `npx tsx bench/functions.ts`.
 * Calls the functions as Excel does: fresh 2-D arrays, the table as a block
 * of sheet cells. Prints the best of a few runs (the machine is shared).
 *  1. One spilled =TIER_SCORE over 100,000 rows, table parsed and compiled (cold cache): target < 50 ms.
 *  2. 100,000 single-row calls, each with its own copy of the table's cells: target < 300 ms in total.
 *  3. =RFM over 100,000 customers: target < 100 ms.
 */
import { getPreset } from '../src/engine/presets';
import { printSheetTable } from '../src/engine/sheet-form';
import type { FunctionsContext } from '../src/functions/context';
import { rfm, rfmTable } from '../src/functions/rfm';
import { TableCache } from '../src/functions/table-cache';
import { tierScore } from '../src/functions/tier-score';
import { bestOf, rate, seededRandom } from './support';

const N = 100_000;
const context = (): FunctionsContext => ({
  makeError: (code, message) => ({ code, message }),
  locale: 'en-US',
  cache: new TableCache(),
});

/** The sheet form as Excel passes it, with every text a fresh string (as deserialized per call). */
function tableCopy(): unknown[][] {
  return printSheetTable(getPreset('payment-scorecard')!).map((row) =>
    row.map((v) => (typeof v === 'string' ? [...v].join('') : v)),
  );
}

const random = seededRandom(4);
const rows = Array.from({ length: N }, () => [Math.round(random() * 40000), Math.floor(random() * 90)]);

function check(label: string, ms: number, target: number, extra = ''): void {
  console.log(`${label}: ${ms.toFixed(1)} ms (target < ${target} ms) ${ms < target ? 'ok' : 'OVER'}${extra}`);
}

// 1. One spilled call, cold cache: parse + validate + compile + grade + build the result.
const spilled = bestOf(5, () => {
  const result = tierScore(context(), { values: rows, table: tableCopy() });
  if (result.length !== N) throw new Error('wrong result length');
});
check(`1. TIER_SCORE, one spilled call over ${N.toLocaleString('en-US')} rows`, spilled, 50, ` (${rate(N, spilled)})`);

// 2. Single-row calls sharing one cache; each call gets its own copy of the table's cells.
const copies = Array.from({ length: 256 }, tableCopy);
const singles = Array.from({ length: N }, (_v, i) => [rows[i]!]);
let builds = 0;
const single = bestOf(3, () => {
  const ctx = context();
  for (let i = 0; i < N; i++) tierScore(ctx, { values: singles[i]!, table: copies[i & 255]! });
  builds = ctx.cache.builds;
});
check(
  `2. TIER_SCORE, ${N.toLocaleString('en-US')} single-row calls`,
  single,
  300,
  ` (${((single * 1000) / N).toFixed(2)} µs/call; table compiled ${builds}x)`,
);

// 3. RFM over customer-level columns.
const recency = Array.from({ length: N }, () => [Math.floor(random() * 720)]);
const frequency = Array.from({ length: N }, () => [1 + Math.floor(-Math.log(1 - random()) * 4)]);
const monetary = Array.from({ length: N }, () => [Math.round(random() * random() * 20000)]);
const rfmMs = bestOf(5, () => {
  const result = rfm(context(), { recency, frequency, monetary, output: 'segment' });
  if (result.length !== N) throw new Error('wrong result length');
});
check(`3. RFM over ${N.toLocaleString('en-US')} customers (segments)`, rfmMs, 100, ` (${rate(N, rfmMs)})`);

// For information: RFM_TABLE over 500,000 raw orders.
const orders = 500_000;
const ids = Array.from({ length: orders }, () => [Math.floor(random() * N)]);
const dates = Array.from({ length: orders }, () => [45000 + Math.floor(random() * 720)]);
const amounts = Array.from({ length: orders }, () => [Math.round(random() * 500)]);
const tableMs = bestOf(3, () => {
  rfmTable(context(), { customerIds: ids, dates, amounts, asOf: 45720 });
});
console.log(
  `   RFM_TABLE over ${orders.toLocaleString('en-US')} orders: ${tableMs.toFixed(1)} ms (${rate(orders, tableMs)})`,
);
