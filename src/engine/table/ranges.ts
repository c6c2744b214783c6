import type { NumericRange, Threshold } from '../model';

/** A range's two ends as numbers (±Infinity when unbounded) with their inclusivity. */
export interface Ends {
  lo: number;
  loInclusive: boolean;
  hi: number;
  hiInclusive: boolean;
}

export function rangeEnds(range: NumericRange): Ends {
  return {
    lo: range.gte ?? range.gt ?? -Infinity,
    loInclusive: range.gte !== undefined,
    hi: range.lte ?? range.lt ?? Infinity,
    hiInclusive: range.lte !== undefined,
  };
}

/** Whether a range is well formed: one key per side, and not empty. */
export function isValidRange(range: NumericRange): boolean {
  if (range.gt !== undefined && range.gte !== undefined) return false;
  if (range.lt !== undefined && range.lte !== undefined) return false;
  const e = rangeEnds(range);
  if (e.lo < e.hi) return true;
  return e.lo === e.hi && e.loInclusive && e.hiInclusive;
}

export function inRange(e: Ends, v: number): boolean {
  return (v > e.lo || (e.loInclusive && v === e.lo)) && (v < e.hi || (e.hiInclusive && v === e.hi));
}

/**
 * The readable notation used in explanations, messages and the sheet form:
 * "x >= 20000", "10000 < x < 20000", "5000 < x <= 10000", "x <= 5000", "any x".
 */
export function formatRange(range: NumericRange, variable = 'x'): string {
  const e = rangeEnds(range);
  const lower = e.lo === -Infinity ? '' : `${formatBound(e.lo)} ${e.loInclusive ? '<=' : '<'} `;
  const upper = e.hi === Infinity ? '' : ` ${e.hiInclusive ? '<=' : '<'} ${formatBound(e.hi)}`;
  if (!lower && !upper) return `any ${variable}`;
  if (!lower) return `${variable}${upper}`;
  if (!upper) return `${variable} ${e.loInclusive ? '>=' : '>'} ${formatBound(e.lo)}`;
  return `${lower}${variable}${upper}`;
}

function formatBound(n: number): string {
  return String(n);
}

export type RangeGap =
  { kind: 'gap'; a: number; b: number; after: number } | { kind: 'overlap'; a: number; b: number; at: number };

/**
 * Checks that ranges, taken in order of their lower ends, meet exactly: each
 * one starts where the previous ends with exactly one side inclusive. Returns
 * the first gap or overlap found (indexes into the given list), or undefined.
 */
export function findGapOrOverlap(ranges: readonly NumericRange[]): RangeGap | undefined {
  const order = ranges
    .map((range, index) => ({ index, e: rangeEnds(range) }))
    .sort((x, y) => x.e.lo - y.e.lo || Number(y.e.loInclusive) - Number(x.e.loInclusive));
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]!;
    const next = order[k]!;
    const { hi, hiInclusive } = prev.e;
    const { lo, loInclusive } = next.e;
    if (hi < lo || (hi === lo && !hiInclusive && !loInclusive)) {
      return { kind: 'gap', a: prev.index, b: next.index, after: hi };
    }
    if (hi > lo || (hiInclusive && loInclusive)) {
      return { kind: 'overlap', a: prev.index, b: next.index, at: hi > lo ? Math.max(lo, prev.e.lo) : lo };
    }
  }
  return undefined;
}

/** "≥ 80", "> 80", or for the open last threshold "< 60" / "<= 60" from the one above it. */
export function formatThresholdBound(thresholds: readonly Threshold[], index: number): string {
  const own = thresholds[index];
  if (own?.topShare !== undefined) return `top ${Math.round(own.topShare * 10000) / 100}%`;
  if (own?.gte !== undefined) return `≥ ${own.gte}`;
  if (own?.gt !== undefined) return `> ${own.gt}`;
  const above = thresholds[index - 1];
  if (above?.gte !== undefined) return `< ${above.gte}`;
  if (above?.gt !== undefined) return `≤ ${above.gt}`;
  return '';
}
