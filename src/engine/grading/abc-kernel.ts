import { radixOrder } from './radix-order';

/**
 * Ranking by cumulative share (ADR 0016), for ABC / Pareto (share of the
 * value) and for tiers by share of customers (share of the count). Sorted
 * largest first; each group of equal keys takes the tier of its first
 * member; a group is in the first tier whose cut the running share *before*
 * it has not yet reached (share before < cut). Rows whose key is NaN are
 * left out (they are row errors).
 */
export interface AbcRanking {
  /** Per row: tier index, -1 for left-out rows. */
  tiers: Int32Array;
  /** Per row: the share of the total held by larger values (0..1); NaN for left-out rows. */
  before: Float64Array;
  /** Per row: 1 + the number of rows with a larger value; 0 for left-out rows. */
  ranks: Int32Array;
  /** Per row: the share held by values at least as large (its own tie group included); NaN for left-out rows. */
  through: Float64Array;
  /** The rows ranked and the sum of their values (their number, when ranked by count). */
  count: number;
  total: number;
}

/**
 * Ranks `values` against cuts (cumulative shares, rising; the last tier has
 * none). `by`: the share is of the sum of the values (ABC) or of the number
 * of rows (top 20% of customers by score). Cost: one sort of the valid
 * rows (a radix sort for the positive values of ABC), then two walks from
 * the largest value.
 */
export function rankByShare(values: Float64Array, cuts: ArrayLike<number>, by: 'value' | 'count'): AbcRanking {
  const byCount = by === 'count';
  const n = values.length;
  const tiers = new Int32Array(n).fill(-1);
  const before = new Float64Array(n).fill(NaN);
  const through = new Float64Array(n).fill(NaN);
  const ranks = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (values[i] === values[i]) count++;
  const valid = new Uint32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (values[i] === values[i]) valid[k++] = i;
  const ascending = rankedOrder(values, valid, byCount);

  // Total first, largest first, so that the running sums are the same additions as the groups below.
  let total = 0;
  for (let j = count - 1; j >= 0;) {
    const v = values[ascending[j]!]!;
    let k = j;
    while (k > 0 && values[ascending[k - 1]!] === v) k--;
    total += byCount ? j - k + 1 : v * (j - k + 1);
    j = k - 1;
  }
  const last = cuts.length; // tiers = cuts.length + 1
  let running = 0;
  let tier = 0;
  for (let j = count - 1; j >= 0;) {
    const v = values[ascending[j]!]!;
    let k = j;
    while (k > 0 && values[ascending[k - 1]!] === v) k--;
    const size = j - k + 1;
    const share = running / total;
    while (tier < last && !(share < cuts[tier]!)) tier++;
    const end = running + (byCount ? size : v * size);
    const rank = count - j;
    for (let m = k; m <= j; m++) {
      const row = ascending[m]!;
      tiers[row] = tier;
      before[row] = share;
      through[row] = end / total;
      ranks[row] = rank;
    }
    running = end;
    j = k - 1;
  }
  return { tiers, before, through, ranks, count, total };
}

/** Valid rows in ascending order of value: radix order for positive values (ABC), a comparison sort otherwise. */
function rankedOrder(values: Float64Array, valid: Uint32Array, anySign: boolean): Uint32Array {
  if (!anySign) return radixOrder(values, valid);
  return valid.sort((a, b) => values[a]! - values[b]!);
}
