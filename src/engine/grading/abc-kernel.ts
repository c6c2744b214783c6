import { radixSort } from './radix-order';

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
  let count = 0;
  for (let i = 0; i < n; i++) if (values[i] === values[i]) count++;
  const valid = new Uint32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (values[i] === values[i]) valid[k++] = i;
  const { order: ascending, sorted } = rankedOrder(values, valid, byCount);

  // Walks over the sorted values (sequential), largest first; each tie group is one entry of the
  // group tables, and each row only learns its group: one scattered write per row instead of four.
  // Total first, so that the running sums are the same additions as the groups below.
  let total = 0;
  let groups = 0;
  for (let j = count - 1; j >= 0;) {
    const v = sorted[j]!;
    let k = j;
    while (k > 0 && sorted[k - 1] === v) k--;
    total += byCount ? j - k + 1 : v * (j - k + 1);
    groups++;
    j = k - 1;
  }
  const groupTier = new Int32Array(groups);
  const groupBefore = new Float64Array(groups);
  const groupThrough = new Float64Array(groups);
  const groupRank = new Int32Array(groups);
  const groupOf = new Int32Array(n).fill(-1);
  const last = cuts.length; // tiers = cuts.length + 1
  let running = 0;
  let tier = 0;
  for (let j = count - 1, g = 0; j >= 0; g++) {
    const v = sorted[j]!;
    let k = j;
    while (k > 0 && sorted[k - 1] === v) k--;
    const size = j - k + 1;
    const share = running / total;
    while (tier < last && !(share < cuts[tier]!)) tier++;
    const end = running + (byCount ? size : v * size);
    groupTier[g] = tier;
    groupBefore[g] = share;
    groupThrough[g] = end / total;
    groupRank[g] = count - j;
    for (let m = k; m <= j; m++) groupOf[ascending[m]!] = g;
    running = end;
    j = k - 1;
  }
  const tiers = new Int32Array(n);
  const before = new Float64Array(n);
  const through = new Float64Array(n);
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i]!;
    if (g < 0) {
      tiers[i] = -1;
      before[i] = NaN;
      through[i] = NaN;
    } else {
      tiers[i] = groupTier[g]!;
      before[i] = groupBefore[g]!;
      through[i] = groupThrough[g]!;
      ranks[i] = groupRank[g]!;
    }
  }
  return { tiers, before, through, ranks, count, total };
}

/**
 * Valid rows in ascending order of value, with their values in that order: radix order for
 * positive values (ABC), a comparison sort otherwise.
 */
function rankedOrder(
  values: Float64Array,
  valid: Uint32Array,
  anySign: boolean,
): { order: Uint32Array; sorted: Float64Array } {
  if (!anySign) return radixSort(values, valid);
  const order = valid.sort((a, b) => values[a]! - values[b]!);
  return { order, sorted: Float64Array.from(order, (row) => values[row]!) };
}
