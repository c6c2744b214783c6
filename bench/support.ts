/** Shared helpers for the benchmark scripts: seeded random numbers, timing, peers. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export { seededRandom } from '../test/support/seeded-random';

/** Best wall time of `runs` runs, in milliseconds (the machine is shared; the best is the least disturbed). */
export function bestOf(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

export function rate(rows: number, ms: number): string {
  return `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;
}

export function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(0)} MiB`;
}

/** Runs a Python peer from ../shared/peers with Debian's python3; undefined when it cannot run here. */
export function runPeer(script: string, args: string[]): string | undefined {
  const path = `${__dirname}/../../shared/peers/${script}`;
  if (!existsSync(path) || !existsSync('/usr/bin/python3')) return undefined;
  try {
    return execFileSync('/usr/bin/python3', [path, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (error) {
    return `failed: ${(error as Error).message.split('\n')[0]}`;
  }
}
