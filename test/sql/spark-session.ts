/**
 * One local Spark session (PySpark from PyPI, in a cached virtual environment)
 * fed a whole job of statements as a JSON file, so the JVM starts once.
 * Used by spark.spec.ts and bench/sql-spark.ts.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqlDialect } from '../../src/engine/sql';

const SCRIPTS = join(__dirname, '..', '..', 'scripts', 'spark');

export interface SparkColumn {
  name: string;
  type: 'STRING' | 'DOUBLE' | 'DATE' | 'INTEGER';
}

export type SparkValue = string | number | null;

export interface SparkCase {
  name: string;
  view: string;
  columns?: SparkColumn[];
  /** Cells as JSON: DATE cells as 'YYYY-MM-DD'. Shipped inside the SQL as a VALUES view. */
  rows?: SparkValue[][];
  /** Instead of columns and rows: Parquet files (a file or a folder) to read as the view. */
  parquet?: string;
  query: string;
  /** Names of the modes to run the query in; default all. */
  modes?: string[];
  repeat?: number;
}

export interface SparkJob {
  modes: Array<{ name: string; conf: Record<string, string> }>;
  cases: SparkCase[];
}

/** What run-statements.py reads: the rows become setup statements. */
interface SparkWireCase extends Omit<SparkCase, 'columns' | 'rows'> {
  setup?: string[];
}

export type SparkCell = string | number | boolean | null;
export type SparkOutcome = { rows: SparkCell[][]; ms: number; setupMs: number; analyseMs: number } | { error: string };

export interface SparkResult {
  sparkVersion: string;
  startMs: number;
  cases: Record<string, Record<string, SparkOutcome>>;
}

/** The python of a virtual environment with PySpark, installed on first use; or why there is none. */
export function sparkPython(): { python: string } | { problem: string } {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    return { problem: 'no java on PATH (Spark needs OpenJDK 17+)' };
  }
  try {
    const out = execFileSync('bash', [join(SCRIPTS, 'ensure-pyspark.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 15 * 60 * 1000,
    });
    return { python: out.trim().split('\n').pop()! };
  } catch (error) {
    return { problem: `PySpark could not be installed: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}` };
  }
}

/** The PySpark version ensure-pyspark.sh installs: TIERWISE_PYSPARK_VERSION, else the script's pinned default. */
export function requestedSparkVersion(): string {
  const script = readFileSync(join(SCRIPTS, 'ensure-pyspark.sh'), 'utf8');
  const pinned = /version="\$\{TIERWISE_PYSPARK_VERSION:-([^}]+)\}"/.exec(script)?.[1];
  if (!pinned) throw new Error('ensure-pyspark.sh no longer pins a default PySpark version');
  return process.env.TIERWISE_PYSPARK_VERSION || pinned;
}

const SPARK = sqlDialect('spark');

function sparkLiteral(value: SparkValue, type: SparkColumn['type']): string {
  if (value === null) return `CAST(NULL AS ${type})`;
  switch (type) {
    case 'DOUBLE':
      return `CAST('${String(value)}' AS DOUBLE)`;
    case 'INTEGER':
      return String(Math.trunc(Number(value)));
    case 'DATE':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(String(value))) throw new Error(`not a DATE cell: ${String(value)}`);
      return `DATE '${String(value)}'`;
    case 'STRING': {
      const text = SPARK.text(String(value));
      if (text === undefined) throw new Error(`a text Spark cannot hold: ${JSON.stringify(value)}`);
      return text;
    }
  }
}

/**
 * A temporary view of the rows as one VALUES literal, written with the export's own Spark literals
 * (no backslash: the same in every escapedStringLiterals mode). Spark holds it as a LocalRelation.
 */
export function sparkValuesView(view: string, columns: readonly SparkColumn[], rows: readonly SparkValue[][]): string {
  const names = columns.map((c) => SPARK.ident(c.name)!).join(', ');
  const nulls = `(${columns.map((c) => sparkLiteral(null, c.type)).join(', ')})`;
  // An empty view still needs its column types: one row of NULLs, filtered out.
  const body = rows.length
    ? rows.map((row) => `(${row.map((v, i) => sparkLiteral(v, columns[i]!.type)).join(', ')})`).join(',\n')
    : nulls;
  const where = rows.length ? '' : ' WHERE FALSE';
  return `CREATE OR REPLACE TEMPORARY VIEW ${SPARK.ident(view)!} AS SELECT * FROM VALUES\n${body}\nAS t(${names})${where}`;
}

function wireCase({ columns, rows, ...rest }: SparkCase): SparkWireCase {
  if (!columns || !rows) return rest;
  return { ...rest, setup: [sparkValuesView(rest.view, columns, rows)] };
}

/** Runs a job in one Spark session; rejects with Spark's output when the session fails. */
export async function runSparkJob(python: string, job: SparkJob): Promise<SparkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-spark-'));
  try {
    const jobPath = join(dir, 'job.json');
    const resultPath = join(dir, 'result.json');
    writeFileSync(jobPath, JSON.stringify({ modes: job.modes, cases: job.cases.map(wireCase) }));
    const log: string[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(python, [join(SCRIPTS, 'run-statements.py'), jobPath, resultPath], {
        env: { ...process.env, SPARK_LOCAL_IP: '127.0.0.1', PYSPARK_PYTHON: python },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const keep = (chunk: Buffer) => {
        log.push(chunk.toString('utf8'));
        if (process.env.TIERWISE_SPARK_LOG) process.stderr.write(chunk);
        if (log.length > 400) log.splice(0, log.length - 400);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (process.env.TIERWISE_SPARK_LOG) process.stderr.write(log.join(''));
    if (code !== 0) throw new Error(`Spark exited with ${code}:\n${log.join('').slice(-4000)}`);
    return JSON.parse(readFileSync(resultPath, 'utf8')) as SparkResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A double from Spark's JSON (Infinity and NaN travel as strings). */
export function sparkNumber(cell: SparkCell): number | null {
  return cell === null ? null : Number(cell);
}
