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
 * values, then a binary search per row (no index sort), so a million rows
 * take one Float64Array sort.
 */
export function rankByShare(values: Float64Array, cuts: ArrayLike<number>, by: 'value' | 'count'): AbcRanking {
  const byCount = by === 'count';
  const n = values.length;
  const sorted = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v === v) sorted[count++] = v;
  }
  const ascending = sorted.subarray(0, count).sort();

  // Distinct values, largest first, with what each group needs.
  const distinct: number[] = [];
  const groupBefore: number[] = [];
  const groupRank: number[] = [];
  const groupEnd: number[] = [];
  let running = 0;
  for (let j = count - 1; j >= 0;) {
    const v = ascending[j]!;
    let k = j;
    while (k > 0 && ascending[k - 1] === v) k--;
    const size = j - k + 1;
    distinct.push(v);
    groupBefore.push(running);
    groupRank.push(count - j);
    running += byCount ? size : v * size;
    groupEnd.push(running);
    j = k - 1;
  }
  const total = running;
  const groups = distinct.length;
  const groupTier = new Int32Array(groups);
  const last = cuts.length; // tiers = cuts.length + 1
  for (let g = 0, tier = 0; g < groups; g++) {
    const share = groupBefore[g]! / total;
    while (tier < last && !(share < cuts[tier]!)) tier++;
    groupTier[g] = tier;
  }

  const tiers = new Int32Array(n);
  const before = new Float64Array(n);
  const through = new Float64Array(n);
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) {
      tiers[i] = -1;
      before[i] = NaN;
      through[i] = NaN;
      continue;
    }
    // distinct is descending: find the group whose value is v.
    let lo = 0;
    let hi = groups - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid]! > v) lo = mid + 1;
      else hi = mid;
    }
    tiers[i] = groupTier[lo]!;
    before[i] = groupBefore[lo]! / total;
    through[i] = groupEnd[lo]! / total;
    ranks[i] = groupRank[lo]!;
  }
  return { tiers, before, through, ranks, count, total };
}
