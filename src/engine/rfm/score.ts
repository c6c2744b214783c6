import { TierwiseUsageError, assertNever } from '../errors';
import { cutProbabilities, quantilesOf } from './quantile';
import type {
  CustomerColumns,
  DimensionCuts,
  RfmBinning,
  RfmCap,
  RfmClosed,
  RfmDimension,
  RfmScores,
  RfmScoringOptions,
} from './types';

export const DEFAULT_BINS = 5;
export const MIN_BINS = 2;
export const MAX_BINS = 10;

/** The number of scores of a dimension under the given options. */
export function binsOf(options: RfmScoringOptions, dimension: RfmDimension): number {
  const fixed = options.binning === 'fixed' ? options.breakpoints?.[dimension] : undefined;
  return fixed ? fixed.length + 1 : (options.bins?.[dimension] ?? DEFAULT_BINS);
}

/**
 * Computes one dimension's cut points over a population of values (NaN
 * values are left out). Recency is the reversed dimension.
 *
 * @throws TierwiseUsageError for bins outside 2..10 or fixed breakpoints missing.
 */
export function computeCuts(
  values: ArrayLike<number>,
  count: number,
  dimension: RfmDimension,
  options: RfmScoringOptions,
): DimensionCuts {
  const binning: RfmBinning = options.binning ?? 'quantile';
  const bins = binsOf(options, dimension);
  if (!Number.isInteger(bins) || bins < MIN_BINS || bins > MAX_BINS) {
    throw new TierwiseUsageError(`RFM bins for ${dimension} must be 2..10, got ${bins}`);
  }
  const reversed = dimension === 'r';
  if (binning === 'fixed') {
    const breakpoints = options.breakpoints?.[dimension];
    if (!breakpoints) throw new TierwiseUsageError(`RFM binning 'fixed' needs breakpoints for ${dimension}`);
    const { min, max } = finiteExtent(values, count);
    return {
      dimension,
      bins,
      binning,
      cuts: [...breakpoints],
      closed: options.closed ?? 'right',
      reversed,
      population: countFinite(values, count),
      min,
      max,
    };
  }
  const cap = capValue(values, count, options.caps?.[dimension]);
  const { quantiles, population: n, min, max } = quantilesOf(values, count, cutProbabilities(bins), cap ?? Infinity);
  const base = { dimension, bins, binning, reversed, population: n, min, max, ...(cap === undefined ? {} : { cap }) };
  switch (binning) {
    case 'quantile':
      return { ...base, cuts: quantiles, closed: 'right' };
    case 'rfm-package':
      return { ...base, cuts: quantiles.map((q) => q + 1), closed: 'left' };
    default:
      return assertNever(binning, 'RFM binning');
  }
}

function capValue(values: ArrayLike<number>, count: number, cap: RfmCap | undefined): number | undefined {
  if (!cap) return undefined;
  if ('value' in cap) return cap.value;
  return quantilesOf(values, count, [cap.percentile]).quantiles[0];
}

function finiteExtent(values: ArrayLike<number>, count: number): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min > max ? { min: NaN, max: NaN } : { min, max };
}

function countFinite(values: ArrayLike<number>, count: number): number {
  let n = 0;
  for (let i = 0; i < count; i++) if (values[i] === values[i]) n++;
  return n;
}

/**
 * The score of one value under computed cuts: 1..bins, or 0 when the value
 * is NaN. Cut points that are not ascending (user input) follow R rfm's rule:
 * bins are tried in order and the last one containing the value wins.
 */
export function scoreValue(value: number, cuts: DimensionCuts): number {
  if (value !== value) return 0;
  const bin = binOf(value, cuts.cuts, cuts.closed, isAscending(cuts.cuts));
  if (bin === 0) return 0;
  return cuts.reversed ? cuts.bins + 1 - bin : bin;
}

function isAscending(cuts: readonly number[]): boolean {
  for (let k = 1; k < cuts.length; k++) if (!(cuts[k]! >= cuts[k - 1]!)) return false;
  return true;
}

function binOf(v: number, cuts: readonly number[], closed: RfmClosed, ascending: boolean): number {
  const k = cuts.length;
  if (ascending) {
    let below = 0;
    if (closed === 'right') {
      while (below < k && v > cuts[below]!) below++;
    } else {
      while (below < k && v >= cuts[below]!) below++;
    }
    return below + 1;
  }
  // R rfm's loop over [lower_i, upper_i) with lower = (-inf, cuts), upper = (cuts, +inf).
  let bin = 0;
  for (let i = 0; i <= k; i++) {
    const lo = i === 0 ? -Infinity : cuts[i - 1]!;
    const hi = i === k ? Infinity : cuts[i]!;
    const inside = closed === 'left' ? v >= lo && v < hi : v > lo && v <= hi;
    if (inside) bin = i + 1;
  }
  return bin;
}

/** Scores a column of values under computed cuts. */
export function scoreColumn(values: ArrayLike<number>, count: number, cuts: DimensionCuts): Uint8Array {
  const out = new Uint8Array(count);
  const c = cuts.cuts;
  const k = c.length;
  if (!isAscending(c)) {
    for (let i = 0; i < count; i++) out[i] = scoreValue(values[i]!, cuts);
    return out;
  }
  // Hot loop: count the cut points below the value.
  const top = cuts.bins + 1;
  const rev = cuts.reversed;
  const right = cuts.closed === 'right';
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    let below = 0;
    if (right) {
      while (below < k && v > c[below]!) below++;
    } else {
      while (below < k && v >= c[below]!) below++;
    }
    out[i] = rev ? top - (below + 1) : below + 1;
  }
  return out;
}

/** Computes the cut points of all three dimensions over the customers and scores them. */
export function scoreCustomers(customers: CustomerColumns, options: RfmScoringOptions): RfmScores {
  const { count } = customers;
  const r = computeCuts(customers.recency, count, 'r', options);
  const f = computeCuts(customers.frequency, count, 'f', options);
  const m = computeCuts(customers.monetary, count, 'm', options);
  return {
    count,
    r: scoreColumn(customers.recency, count, r),
    f: scoreColumn(customers.frequency, count, f),
    m: scoreColumn(customers.monetary, count, m),
    cuts: { r, f, m },
  };
}
