import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { JobName, JobInput, JobOutput } from './jobs';

/**
 * What a worker runs: the bundle's second file next to dist/tierwise.js
 * (scripts/build-cli.mjs), or, when the command runs from its TypeScript
 * sources (tests, bin/tierwise.js), the entry loaded through tsx's require hook.
 */
function workerScript(): { script: string; eval: boolean } {
  if (!__filename.endsWith('.ts')) return { script: join(__dirname, 'tierwise-worker.js'), eval: false };
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  const entry = join(__dirname, 'worker.ts');
  return { script: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, eval: true };
}

/** Threads a command may use: TIERWISE_THREADS when set (tests), else the cores Node reports. */
export function threadBudget(): number {
  const forced = Number(process.env.TIERWISE_THREADS);
  if (Number.isInteger(forced) && forced >= 1) return forced;
  return availableParallelism();
}

/** Jobs running on worker threads, one job per thread; results in the order of the inputs. */
export interface RunningJobs<N extends JobName> {
  readonly results: ReadonlyArray<Promise<JobOutput<N>>>;
  /** Stops the threads still running (their results then never settle as values). */
  stop(): Promise<void>;
}

/** Starts one worker per input, each running the named job (jobs.ts) on its input. */
export function startJobs<N extends JobName>(job: N, inputs: ReadonlyArray<JobInput<N>>): RunningJobs<N> {
  const { script, eval: evaluated } = workerScript();
  const workers: Worker[] = [];
  const results = inputs.map(
    (input) =>
      new Promise<JobOutput<N>>((resolve, reject) => {
        const worker = new Worker(script, { eval: evaluated, workerData: { job, input } });
        workers.push(worker);
        let settled = false;
        worker.once('message', (message: { output: JobOutput<N> } | { error: string }) => {
          settled = true;
          if ('output' in message) resolve(message.output);
          else reject(new Error(`worker job ${job} failed: ${message.error}`));
        });
        worker.once('error', (error) => {
          settled = true;
          reject(error);
        });
        worker.once('exit', (code) => {
          if (!settled) reject(new Error(`worker job ${job} exited with code ${code} before answering`));
        });
      }),
  );
  // A result nobody waits for after stop() must not become an unhandled rejection.
  for (const result of results) result.catch(() => undefined);
  return {
    results,
    async stop() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
