import type { Threshold } from '../model';
import { rankByShare } from './abc-kernel';

/** Fixed thresholds proposed for target shares, and the shares they reach on the data. */
export interface Calibration {
  /** Best tier first; the last has no bound. */
  thresholds: Threshold[];
  /** Per tier, the share of the scored rows it gets with these thresholds (0..1). */
  shares: number[];
  /** Rows with a score (NaN scores are left out). */
  scored: number;
}

/**
 * Proposes fixed thresholds (`gte`) that reach target shares of customers on
 * the given scores, so a manager can freeze them: the tiers the share rule
 * of ADR 0016 gives (best `cumulative[k]` of rows, equal scores together),
 * each tier's bound its lowest score. Graded with these thresholds, the same
 * scores get exactly those tiers. A tier the rule leaves empty (ties swallow
 * it) gets a bound between its neighbours, so it stays empty on this data.
 * `tiers`: tier ids, best first; `cumulative`: one share per tier but the
 * last, rising, in (0, 1).
 */
export function calibrateThresholds(
  scores: ArrayLike<number>,
  tiers: readonly string[],
  cumulative: readonly number[],
): Calibration {
  const values = Float64Array.from(scores);
  const ranking = rankByShare(values, cumulative, 'count');
  const lowest = new Float64Array(tiers.length).fill(Infinity);
  const counts = new Float64Array(tiers.length);
  for (let i = 0; i < values.length; i++) {
    const k = ranking.tiers[i]!;
    if (k < 0) continue;
    counts[k]!++;
    if (values[i]! < lowest[k]!) lowest[k] = values[i]!;
  }
  const thresholds: Threshold[] = [];
  let previous = Infinity;
  for (let k = 0; k < tiers.length - 1; k++) {
    let bound = lowest[k]!;
    if (bound === Infinity) {
      // Empty tier: above every lower score, below the tier above.
      let below = -Infinity;
      for (let j = k + 1; j < tiers.length; j++)
        if (counts[j]! > 0) below = Math.max(below, highest(values, ranking.tiers, j));
      bound =
        below === -Infinity
          ? previous === Infinity
            ? 0
            : previous - 1
          : previous === Infinity
            ? below + 1
            : (below + previous) / 2;
    }
    thresholds.push({ tier: tiers[k]!, gte: bound });
    previous = bound;
  }
  thresholds.push({ tier: tiers[tiers.length - 1]! });
  const scored = ranking.count;
  return { thresholds, shares: Array.from(counts, (c) => (scored ? c / scored : 0)), scored };
}

function highest(values: Float64Array, tiers: Int32Array, k: number): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (tiers[i] === k && values[i]! > max) max = values[i]!;
  return max;
}
