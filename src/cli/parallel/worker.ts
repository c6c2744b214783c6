/**
 * A worker thread's entry (dist/tierwise-worker.js when built): runs the job
 * named in workerData on its input and posts the output back, handing over the
 * output's buffers instead of copying them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { JOBS, type JobName } from './jobs';

const { job, input } = workerData as { job: JobName; input: never };
Promise.resolve()
  .then(() => JOBS[job](input))
  .then(
    ({ output, transfer }) => parentPort!.postMessage({ output }, transfer),
    (error: unknown) =>
      parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
