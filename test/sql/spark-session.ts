/**
 * One local Spark session (PySpark from PyPI, in a cached virtual environment)
 * fed a whole job of statements as a JSON file, so the JVM starts once.
 * Used by spark.spec.ts and bench/sql-spark.ts.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPTS = join(__dirname, '..', '..', 'scripts', 'spark');

export interface SparkColumn {
  name: string;
  type: 'STRING' | 'DOUBLE' | 'DATE' | 'INTEGER';
}

export interface SparkCase {
  name: string;
  view: string;
  columns?: SparkColumn[];
  /** Cells as JSON: DATE cells as 'YYYY-MM-DD'. */
  rows?: Array<Array<string | number | null>>;
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

export type SparkCell = string | number | boolean | null;
export type SparkOutcome = { rows: SparkCell[][]; ms: number } | { error: string };

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

/** Runs a job in one Spark session; rejects with Spark's output when the session fails. */
export async function runSparkJob(python: string, job: SparkJob): Promise<SparkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-spark-'));
  try {
    const jobPath = join(dir, 'job.json');
    const resultPath = join(dir, 'result.json');
    writeFileSync(jobPath, JSON.stringify(job));
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
