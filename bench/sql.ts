/**
 * The exported payment-scorecard SQL on DuckDB next to the engine, on the same
 * rows (issue 6). Run: `npx tsx bench/sql.ts [rows]` (default 10,000,000).
 *
 * The rows are generated inside DuckDB with range() and a hash-based random
 * (same distribution as ../shared/peers/numpy_scorecard.py: sales U(0,40000),
 * days integer U[0,90)), then pulled into JS arrays chunk by chunk for the
 * engine. Timed: DuckDB's `SELECT tier, count(*) FROM (<exported SQL>)`, and
 * the engine's gradeRows calls (not the transfer). The per-tier counts of both
 * must agree, or the script exits 1.
 *
 * With --spark (issue 15): the same rows also go to partitioned Parquet files
 * (DuckDB COPY ... PARTITION_BY), read by Spark local[2] (PySpark from PyPI,
 * scripts/spark/ensure-pyspark.sh) running the exported Spark SQL; timed is
 * `SELECT tier, count(*)` over it, best of 3, ANSI on; its counts must agree too.
 * Run: `npx tsx bench/sql.ts 10000000 --spark`.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { compileTable } from '../src/engine/compile';
import type { GradingTable } from '../src/engine/model';
import { getPreset } from '../src/engine/presets';
import { exportSql } from '../src/engine/sql';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSparkJob, sparkPython } from '../test/sql/spark-session';
import { mib, rate, runPeer } from './support';

const args = process.argv.slice(2);
const ROWS = Number(args.find((a) => !a.startsWith('--')) ?? 10_000_000);
const WITH_SPARK = args.includes('--spark');
const CHUNK = 65536;

async function main(): Promise<number> {
  const table = getPreset('payment-scorecard')!;
  const exported = exportSql(table, { dialect: 'duckdb', source: 'customers' });
  if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
  const compiledResult = compileTable(table);
  if (!compiledResult.ok) throw new Error(JSON.stringify(compiledResult.problems));
  const compiled = compiledResult.compiled;

  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const threads = (await connection.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjects()[0]!.t;
  const t0 = performance.now();
  // hash() is DuckDB's 64-bit hash: its top 32 bits give a uniform fraction per row and stream.
  await connection.run(
    `CREATE TABLE customers AS SELECT i AS id,
       (hash(i * 2) >> 32)::DOUBLE / 4294967296.0 * 40000 AS monthly_sales,
       floor((hash(i * 2 + 1) >> 32)::DOUBLE / 4294967296.0 * 90)::DOUBLE AS payment_days
     FROM range(${ROWS}) t(i)`,
  );
  const generateMs = performance.now() - t0;

  const query = `SELECT tier, count(*) AS n FROM (${exported.sql}) GROUP BY tier ORDER BY tier`;
  let sqlMs = Infinity;
  let sqlCounts = new Map<string, number>();
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const rows = (await connection.runAndReadAll(query)).getRowObjects();
    sqlMs = Math.min(sqlMs, performance.now() - start);
    sqlCounts = new Map(rows.map((r) => [String(r.tier), Number(r.n)]));
  }

  const spark = WITH_SPARK ? await onSpark(connection, table) : undefined;

  // The same rows into the engine, chunk by chunk.
  const engineCounts = new Map<string, number>();
  let engineMs = 0;
  const stream = await connection.stream('SELECT monthly_sales, payment_days FROM customers ORDER BY id');
  let pending: Array<[number, number]> = [];
  const grade = (): void => {
    const start = performance.now();
    const batch = compiled.gradeRows(pending);
    engineMs += performance.now() - start;
    for (let i = 0; i < batch.count; i++) {
      const id = compiled.tiers[batch.tiers[i]!]?.id ?? 'null';
      engineCounts.set(id, (engineCounts.get(id) ?? 0) + 1);
    }
    pending = [];
  };
  for (;;) {
    const chunk = await stream.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const [sales, days] = chunk.getColumns() as [number[], number[]];
    for (let i = 0; i < sales.length; i++) pending.push([sales[i]!, days[i]!]);
    if (pending.length >= CHUNK) grade();
  }
  if (pending.length > 0) grade();
  connection.closeSync();
  instance.closeSync();

  const same =
    sqlCounts.size === engineCounts.size && [...sqlCounts].every(([tier, n]) => engineCounts.get(tier) === n);
  console.log(
    `payment-scorecard, ${ROWS.toLocaleString('en-US')} rows (generated in DuckDB in ${generateMs.toFixed(0)} ms)`,
  );
  console.log(`  DuckDB ${threads} thread(s), exported SQL: ${sqlMs.toFixed(0)} ms  ${rate(ROWS, sqlMs)} (best of 3)`);
  console.log(`  engine (gradeRows, 1 thread):  ${engineMs.toFixed(0)} ms  ${rate(ROWS, engineMs)}`);
  console.log(`  tiers SQL    ${JSON.stringify([...sqlCounts].sort())}`);
  console.log(`  tiers engine ${JSON.stringify([...engineCounts].sort())}  ${same ? 'same' : 'DIFFERENT'}`);
  if (spark) {
    const sparkSame =
      spark.counts.size === engineCounts.size && [...spark.counts].every(([t, n]) => engineCounts.get(t) === n);
    console.log(
      `  Spark ${spark.version} local[2], ANSI on, exported SQL over Parquet: ${spark.ms.toFixed(0)} ms  ${rate(ROWS, spark.ms)} (best of 3; session start ${spark.startMs.toFixed(0)} ms, Parquet written in ${spark.writeMs.toFixed(0)} ms)`,
    );
    console.log(`  tiers Spark  ${JSON.stringify([...spark.counts].sort())}  ${sparkSame ? 'same' : 'DIFFERENT'}`);
    if (!sparkSame) return 1;
  }
  console.log(`  peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}`);
  const peer = runPeer('numpy_scorecard.py', [String(Math.min(ROWS, 10_000_000))]);
  if (peer) console.log(`  peer: ${peer}`);
  return same ? 0 : 1;
}

/** The rows as Parquet partitioned in 8 buckets, graded by the exported Spark SQL in one local Spark session. */
async function onSpark(connection: DuckDBConnection, table: GradingTable) {
  const found = sparkPython();
  if ('problem' in found) throw new Error(found.problem);
  const exported = exportSql(table, { dialect: 'spark', source: 'customers' });
  if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-spark-'));
  try {
    const start = performance.now();
    const parquet = join(dir, 'customers');
    await connection.run(
      `COPY (SELECT *, id % 8 AS bucket FROM customers) TO '${parquet}' (FORMAT parquet, PARTITION_BY (bucket))`,
    );
    const writeMs = performance.now() - start;
    const query = `SELECT tier, count(*) AS n FROM (${exported.sql}) AS graded GROUP BY tier ORDER BY tier`;
    const result = await runSparkJob(found.python, {
      modes: [{ name: 'ANSI on', conf: { 'spark.sql.ansi.enabled': 'true' } }],
      cases: [{ name: 'payment-scorecard', view: 'customers', parquet, query, repeat: 3 }],
    });
    const outcome = result.cases['payment-scorecard']!['ANSI on']!;
    if ('error' in outcome) throw new Error(outcome.error);
    const counts = new Map(outcome.rows.map(([tier, n]) => [String(tier), Number(n)]));
    return { version: result.sparkVersion, startMs: result.startMs, ms: outcome.ms, writeMs, counts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
