/**
 * ABC / Pareto over 1,000,000 customers (issue 12): the engine next to DuckDB
 * in the same run. Run: `npx tsx bench/abc.ts [rows] [runs]` (default
 * 1,000,000 and 7).
 *
 * The values are whole amounts from a Pareto distribution (alpha 1.16, the
 * "80/20" shape, capped at 1e6 times the smallest; many ties at the small end), generated in DuckDB with a
 * hash-based random and pulled into a Float64Array. Timed, interleaved run
 * by run (engine, exported SQL, hand-written SQL), median of the runs:
 *   - engine: compiled abc preset, gradeColumns on the Float64Array;
 *   - exported SQL: `SELECT tier, count(*) FROM (<tierwise sql --table abc>)`;
 *   - baseline: the plainest ORDER BY + window ABC a DuckDB user would write
 *     (cumulative share before each customer by SUM() OVER (ORDER BY value DESC),
 *     ties by RANGE), grouped by tier.
 * The per-tier counts of all three must agree, or the script exits 1.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { compileTable } from '../src/engine/compile';
import { getPreset } from '../src/engine/presets';
import { exportSql } from '../src/engine/sql';
import { mib, rate } from './support';

const args = process.argv.slice(2);
const ROWS = Number(args[0] ?? 1_000_000);
const RUNS = Math.max(5, Number(args[1] ?? 7));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main(): Promise<number> {
  const table = getPreset('abc')!;
  const compiledResult = compileTable(table);
  if (!compiledResult.ok) throw new Error(JSON.stringify(compiledResult.problems));
  const compiled = compiledResult.compiled;
  const exported = exportSql(table, { dialect: 'duckdb', source: 'customers' });
  if (!exported.ok) throw new Error(JSON.stringify(exported.problems));

  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const threads = (await connection.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjects()[0]!.t;
  await connection.run(
    `CREATE TABLE customers AS SELECT i AS id,
       floor(100 / pow(greatest(((hash(i) >> 32)::DOUBLE + 1) / 4294967296.0, 1e-6), 1 / 1.16)) AS value
     FROM range(${ROWS}) t(i)`,
  );
  const values = new Float64Array(ROWS);
  let at = 0;
  const stream = await connection.stream('SELECT value FROM customers ORDER BY id');
  for (;;) {
    const chunk = await stream.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (const v of chunk.getColumns()[0] as number[]) values[at++] = v;
  }

  const baseline = `SELECT CASE WHEN before < 0.8 THEN 'A' WHEN before < 0.95 THEN 'B' ELSE 'C' END AS tier, count(*) AS n
    FROM (SELECT (SUM(value) OVER (ORDER BY value DESC) - SUM(value) OVER (PARTITION BY value)) / SUM(value) OVER () AS before
          FROM customers) GROUP BY tier ORDER BY tier`;
  const exportedQuery = `SELECT tier, count(*) AS n FROM (${exported.sql}) GROUP BY tier ORDER BY tier`;
  const sqlCounts = async (query: string) =>
    new Map((await connection.runAndReadAll(query)).getRowObjects().map((r) => [String(r.tier), Number(r.n)]));

  const times = { engine: [] as number[], exported: [] as number[], baseline: [] as number[] };
  let engineCounts = new Map<string, number>();
  let exportedCounts = new Map<string, number>();
  let baselineCounts = new Map<string, number>();
  for (let run = 0; run < RUNS; run++) {
    let start = performance.now();
    const batch = compiled.gradeColumns([values]);
    times.engine.push(performance.now() - start);
    engineCounts = new Map();
    for (let i = 0; i < batch.count; i++) {
      const id = compiled.tiers[batch.tiers[i]!]?.id ?? 'error';
      engineCounts.set(id, (engineCounts.get(id) ?? 0) + 1);
    }
    start = performance.now();
    exportedCounts = await sqlCounts(exportedQuery);
    times.exported.push(performance.now() - start);
    start = performance.now();
    baselineCounts = await sqlCounts(baseline);
    times.baseline.push(performance.now() - start);
  }
  connection.closeSync();
  instance.closeSync();

  const same = (a: Map<string, number>, b: Map<string, number>) =>
    a.size === b.size && [...a].every(([k, n]) => b.get(k) === n);
  const agree = same(engineCounts, exportedCounts) && same(engineCounts, baselineCounts);
  const line = (name: string, ms: number[]) =>
    `  ${name.padEnd(34)} median ${median(ms).toFixed(0).padStart(5)} ms  ${rate(ROWS, median(ms))}  (runs: ${ms.map((t) => t.toFixed(0)).join(', ')})`;
  console.log(`abc, ${ROWS.toLocaleString('en-US')} customers, ${RUNS} interleaved runs, DuckDB ${threads} thread(s)`);
  console.log(line('engine (gradeColumns, 1 thread)', times.engine));
  console.log(line('exported SQL on DuckDB', times.exported));
  console.log(line('ORDER BY + window SQL on DuckDB', times.baseline));
  console.log(`  tiers engine   ${JSON.stringify([...engineCounts].sort())}`);
  console.log(`  tiers exported ${JSON.stringify([...exportedCounts].sort())}`);
  console.log(
    `  tiers baseline ${JSON.stringify([...baselineCounts].sort())}  ${agree ? 'all the same' : 'DIFFERENT'}`,
  );
  console.log(`  peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}`);
  return agree ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
