/**
 * Same-run comparisons (issue 14): a Tierwise measure and its peer run as
 * separate processes, interleaved A B A B, so both see the same load. Each
 * process either prints `ms=T` (its own timing of the measured step) or is
 * timed end to end by wall clock; its peak memory (max RSS) comes from
 * /usr/bin/time. The ratio is peer time / Tierwise time per pair: above 1,
 * Tierwise is faster.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Contender {
  label: string;
  command: string;
  args: string[];
}

export interface Sample {
  ms: number;
  /** Max resident set size in bytes, NaN when /usr/bin/time is missing. */
  peakBytes: number;
  /** One-minute load average when the run started. */
  load: number;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface Comparison {
  name: string;
  ours: Sample[];
  peer: Sample[];
  /** Peer time / Tierwise time, pair by pair. */
  ratio: Spread;
}

const TIME = '/usr/bin/time';

/** Runs one contender once; throws with its stderr when it fails. */
export function runOnce(contender: Contender): Sample {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-compare-'));
  const rss = join(dir, 'rss');
  const load = loadavg()[0]!;
  const withTime = existsSync(TIME);
  const [command, args] = withTime
    ? [TIME, ['-f', '%M', '-o', rss, contender.command, ...contender.args]]
    : [contender.command, contender.args];
  const t0 = process.hrtime.bigint();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  try {
    if (run.status !== 0) {
      throw new Error(`${contender.label} exited ${run.status}: ${(run.stderr || run.stdout).slice(-2000)}`);
    }
    const reported = /\bms=([\d.]+)/.exec(run.stdout);
    const peakKiB = withTime ? Number(readFileSync(rss, 'utf8').trim().split('\n').pop()) : NaN;
    return { ms: reported ? Number(reported[1]) : wall, peakBytes: peakKiB * 1024, load };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Runs ours and the peer `runs` times each, interleaved, and prints the ratio and both sides' figures. */
export function compare(name: string, ours: Contender, peer: Contender, runs = 5): Comparison {
  const mine: Sample[] = [];
  const theirs: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    mine.push(runOnce(ours));
    theirs.push(runOnce(peer));
  }
  const ratio = spread(mine.map((s, i) => theirs[i]!.ms / s.ms));
  const result = { name, ours: mine, peer: theirs, ratio };
  console.log(formatComparison(result, ours.label, peer.label));
  return result;
}

/** Runs one measure alone `runs` times (a target with no peer, such as rows/s). */
export function repeat(name: string, contender: Contender, runs = 5): Sample[] {
  const samples = Array.from({ length: runs }, () => runOnce(contender));
  console.log(`${name}\n  ${formatSide(contender.label, samples)}`);
  return samples;
}

function formatComparison(c: Comparison, oursLabel: string, peerLabel: string): string {
  const { median, min, max } = c.ratio;
  return [
    `${c.name}: ${peerLabel} time / ${oursLabel} time = ${median.toFixed(2)}x median ` +
      `(min ${min.toFixed(2)}x, max ${max.toFixed(2)}x, ${c.ours.length} interleaved pairs; above 1: Tierwise faster)`,
    `  ${formatSide(oursLabel, c.ours)}`,
    `  ${formatSide(peerLabel, c.peer)}`,
  ].join('\n');
}

export function formatSide(label: string, samples: Sample[]): string {
  const ms = spread(samples.map((s) => s.ms));
  const peak = spread(samples.map((s) => s.peakBytes / 1048576));
  const load = spread(samples.map((s) => s.load));
  return (
    `${label}: ${ms.median.toFixed(1)} ms median (${ms.min.toFixed(1)}..${ms.max.toFixed(1)}), ` +
    `peak ${peak.max.toFixed(0)} MiB, load ${load.min.toFixed(2)}..${load.max.toFixed(2)}`
  );
}
