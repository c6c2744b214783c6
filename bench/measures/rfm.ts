/**
 * One timed RFM measure, run as its own process by bench/targets.ts: N
 * in-memory orders to scores and segments, as ../shared/peers/pandas_rfm.py.
 * Usage: npx tsx bench/measures/rfm.ts [N]. Prints `ms=T` (best of 3 after a warm-up, as the peer does).
 */
import { aggregateOrders, analyzeRfm, internKeys, RFM_PACKAGE_SEGMENTS } from '../../src/engine/rfm';
import { bestOf } from '../support';
import { orders } from './orders-data';

const N = Number(process.argv[2] ?? 5_000_000);
const data = orders(N);
const run = (): void => {
  const { index, ids } = internKeys(data.customer);
  const { customers } = aggregateOrders({ count: N, customer: index, date: data.date, amount: data.amount, ids });
  analyzeRfm(customers, { segments: RFM_PACKAGE_SEGMENTS });
};
run();
console.log(`ms=${bestOf(Number(process.env.BENCH_REPS ?? 3), run).toFixed(2)} orders=${N}`);
