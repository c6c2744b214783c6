/**
 * RFM speed against the pandas peer, on the same generated data in the same run:
 * N orders of N/10 customers (ids U[0, N/10), dates 2020-01-01 + U[0, 1000) days,
 * amounts gamma(2, 50) rounded to cents, as ../shared/peers/pandas_rfm.py).
 * Run: npx tsx bench/rfm.ts [N]   (default 5,000,000; add --cli to also time
 * `tierwise rfm` on an N-row CSV written to a temporary folder)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rfmCommand } from '../src/cli/commands/rfm';
import {
  aggregateOrders,
  analyzeRfm,
  internKeys,
  RFM_PACKAGE_SEGMENTS,
  type CustomerColumns,
  type RfmAnalysis,
} from '../src/engine/rfm';
import { gamma, orders, writeOrdersCsv } from './measures/orders-data';
import { bestOf, mib, runPeer, seededRandom } from './support';

const args = process.argv.slice(2);
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 5_000_000);
const withCli = args.includes('--cli');
const CUSTOMER_LEVEL = 1_000_000;

function customerLevel(n: number): CustomerColumns {
  const random = seededRandom(2);
  const amountOf = gamma(2, 50, random);
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    recency[i] = 1 + Math.floor(random() * 1000);
    frequency[i] = 1 + Math.floor(-Math.log(1 - random()) * 5);
    monetary[i] = Math.round(amountOf() * frequency[i]! * 100) / 100;
  }
  return { count: n, recency, frequency, monetary };
}

function main(): void {
  console.log(
    `RFM benchmark: ${N.toLocaleString('en-US')} orders of ${Math.floor(N / 10).toLocaleString('en-US')} customers`,
  );
  const data = orders(N);
  let last: RfmAnalysis | undefined;
  let customerCount = 0;
  const rssBefore = process.memoryUsage().rss;
  const ordersMs = bestOf(3, () => {
    const { index, ids } = internKeys(data.customer);
    const { customers } = aggregateOrders({ count: N, customer: index, date: data.date, amount: data.amount, ids });
    last = analyzeRfm(customers, { segments: RFM_PACKAGE_SEGMENTS });
    customerCount = customers.count;
  });
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `tierwise orders->scores+segments: ${ordersMs.toFixed(1)} ms for ${N.toLocaleString('en-US')} orders, ` +
      `${customerCount.toLocaleString('en-US')} customers (target < 1000 ms); ` +
      `peak RSS ${mib(peak)} (target < 2048 MiB; ${mib(rssBefore)} before grading, data included)`,
  );
  console.log(`  cut points R ${last!.scores.cuts.r.cuts.join(', ')}; F ${last!.scores.cuts.f.cuts.join(', ')}`);

  const peer = runPeer('pandas_rfm.py', [String(N)]);
  const peerMs = peer ? Number(/ms=([\d.]+)/.exec(peer)?.[1]) : NaN;
  if (peer && Number.isFinite(peerMs)) {
    console.log(`${peer}`);
    console.log(`  ratio pandas / tierwise: ${(peerMs / ordersMs).toFixed(2)}x (above 1: tierwise is faster)`);
  } else {
    console.log(`pandas peer: ${peer ?? 'not available (needs ../shared/peers and /usr/bin/python3 with pandas)'}`);
  }

  const level = customerLevel(CUSTOMER_LEVEL);
  const levelMs = bestOf(3, () => {
    analyzeRfm(level, { segments: RFM_PACKAGE_SEGMENTS });
  });
  console.log(
    `tierwise customer-level scores+segments: ${levelMs.toFixed(1)} ms for ${CUSTOMER_LEVEL.toLocaleString('en-US')} customers (target < 500 ms)`,
  );

  if (withCli) void cliRun(data);
}

async function cliRun(data: { customer: Int32Array; date: Float64Array; amount: Float64Array }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-rfm-bench-'));
  try {
    const file = join(dir, 'orders.csv');
    writeOrdersCsv(file, data);
    let out = '';
    const code = await rfmCommand.run([file, '--out', join(dir, 'customers.csv')], {
      stdout: (t) => (out += t),
      stderr: (t) => process.stderr.write(t),
      cwd: dir,
    });
    const timing = /Time: .*/.exec(out)?.[0] ?? '(no timing line)';
    console.log(`tierwise rfm CLI on a ${N.toLocaleString('en-US')}-row CSV (exit ${code}): ${timing}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
