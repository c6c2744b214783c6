import { readOrderRange, type OrderRangeInput, type OrderRangeOutput } from '../commands/rfm-order-range';

/** What a job gives back: its output, and the buffers in it to hand over rather than copy. */
export interface JobResult<O> {
  output: O;
  transfer: ArrayBuffer[];
}

/** The jobs a worker thread can run (worker.ts), by name. */
export const JOBS = {
  'rfm-orders': readOrderRange,
} satisfies Record<string, (input: never) => Promise<JobResult<unknown>>>;

export type JobName = keyof typeof JOBS;
export type JobInput<N extends JobName> = Parameters<(typeof JOBS)[N]>[0];
export type JobOutput<N extends JobName> = OutputOf<Awaited<ReturnType<(typeof JOBS)[N]>>>;
type OutputOf<R> = R extends JobResult<infer O> ? O : never;

export type { OrderRangeInput, OrderRangeOutput };
