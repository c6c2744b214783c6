/**
 * Order statistics for cut points. Quantiles are R's `stats::quantile` type 7
 * (also Excel's PERCENTILE.INC and numpy's default), computed with the same
 * floating-point steps as R so that cut points compare exactly as R's do.
 * Only the order statistics a quantile needs are found, not a full sort: a
 * histogram pass locates their buckets, and only those buckets' values are
 * selected (quickselect). A million values cost three linear passes.
 */

/**
 * The probabilities R's `seq(0, 1, length.out = n + 1)` yields without its
 * ends: k * (1 / n) for k = 1..n-1 (so 3/5 is 0.6000000000000001, as in R).
 */
export function cutProbabilities(n: number): number[] {
  const by = 1 / n;
  const out: number[] = [];
  for (let k = 1; k < n; k++) out.push(k * by);
  return out;
}

/**
 * Type-7 quantiles of `values[0..count)` at `probs`. The array is reordered
 * in place (pass a scratch copy). Returns NaN for each prob when count is 0.
 */
export function quantilesInPlace(values: Float64Array, count: number, probs: readonly number[]): number[] {
  return quantilesWith(probs, count, (positions) => {
    selectPositions(values, count, positions);
    return (position) => values[position]!;
  });
}

/**
 * Type-7 quantiles of the values of `values[0..count)` that are not NaN and
 * not above `cap`, without copying or reordering them.
 */
export function quantilesOf(
  values: ArrayLike<number>,
  count: number,
  probs: readonly number[],
  cap = Infinity,
): { quantiles: number[]; population: number; min: number; max: number } {
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (!(v <= cap)) continue;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const quantiles = quantilesWith(probs, n, (positions) => orderStatistics(values, count, cap, n, min, max, positions));
  return n === 0 ? { quantiles, population: 0, min: NaN, max: NaN } : { quantiles, population: n, min, max };
}

/**
 * The order statistics at `positions` (0-based, ascending) of the n kept
 * values: count them into buckets by value, then select within the few
 * buckets that hold a wanted position.
 */
function orderStatistics(
  values: ArrayLike<number>,
  count: number,
  cap: number,
  n: number,
  min: number,
  max: number,
  positions: readonly number[],
): (position: number) => number {
  if (min === max) return () => min;
  const buckets = Math.max(1, Math.min(65536, n >> 4));
  const scale = buckets / (max - min);
  const top = buckets - 1;
  const bucketOf = (v: number): number => {
    const b = Math.floor((v - min) * scale);
    return b > top ? top : b;
  };
  const counts = new Int32Array(buckets);
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (v <= cap) {
      const b = bucketOf(v);
      counts[b] = counts[b]! + 1;
    }
  }
  // For each wanted position: its bucket and the rank inside it.
  const start = new Int32Array(buckets);
  for (let b = 1; b < buckets; b++) start[b] = start[b - 1]! + counts[b - 1]!;
  const slotOf = new Int32Array(buckets).fill(-1);
  const inside: Float64Array[] = [];
  const where = positions.map((p) => {
    let lo = 0;
    let hi = top;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (start[mid]! <= p) lo = mid;
      else hi = mid - 1;
    }
    if (slotOf[lo] === -1) {
      slotOf[lo] = inside.length;
      inside.push(new Float64Array(counts[lo]!));
    }
    return { bucket: lo, rank: p - start[lo]! };
  });
  const filled = new Int32Array(inside.length);
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (!(v <= cap)) continue;
    const slot = slotOf[bucketOf(v)]!;
    if (slot < 0) continue;
    inside[slot]![filled[slot]!] = v;
    filled[slot] = filled[slot]! + 1;
  }
  const result = new Map<number, number>();
  const ranksByBucket = new Map<number, number[]>();
  for (const { bucket, rank } of where) ranksByBucket.set(bucket, [...(ranksByBucket.get(bucket) ?? []), rank]);
  for (const [bucket, ranks] of ranksByBucket) {
    const values = inside[slotOf[bucket]!]!;
    const sorted = [...new Set(ranks)].sort((a, b) => a - b);
    selectPositions(values, values.length, sorted);
    for (const rank of sorted) result.set(start[bucket]! + rank, values[rank]!);
  }
  return (position) => result.get(position)!;
}

/** The type-7 formula over order statistics supplied by `select` (1-based ranks lo, hi of n). */
function quantilesWith(
  probs: readonly number[],
  count: number,
  select: (positions: number[]) => (position: number) => number,
): number[] {
  if (count === 0) return probs.map(() => NaN);
  const lows: number[] = [];
  const highs: number[] = [];
  const wanted = new Set<number>();
  for (const p of probs) {
    const index = 1 + (count - 1) * p;
    const lo = Math.floor(index);
    const hi = Math.ceil(index);
    lows.push(lo);
    highs.push(hi);
    wanted.add(lo - 1);
    wanted.add(hi - 1);
  }
  const at = select([...wanted].sort((a, b) => a - b));
  return probs.map((p, k) => {
    const index = 1 + (count - 1) * p;
    const lo = lows[k]!;
    const hi = highs[k]!;
    const xLo = at(lo - 1);
    const xHi = at(hi - 1);
    if (!(index > lo) || xHi === xLo) return xLo;
    const h = index - lo;
    return (1 - h) * xLo + h * xHi;
  });
}

/**
 * Reorders `a[0..count)` so that each listed position (0-based, ascending)
 * holds the value a full sort would put there.
 */
export function selectPositions(a: Float64Array, count: number, positions: readonly number[]): void {
  const stack: Array<[number, number, number, number]> = [[0, count - 1, 0, positions.length - 1]];
  while (stack.length > 0) {
    const [left, right, p0, p1] = stack.pop()!;
    if (p0 > p1 || left >= right) continue;
    if (right - left < 32) {
      insertionSort(a, left, right);
      continue;
    }
    // Median of three as pivot, then a three-way partition (ties are common: F, R).
    const mid = (left + right) >>> 1;
    const x = a[left]!;
    const y = a[mid]!;
    const z = a[right]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let lt = left;
    let gt = right;
    let i = left;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) {
        a[i] = a[lt]!;
        a[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        a[i] = a[gt]!;
        a[gt] = v;
        gt--;
      } else {
        i++;
      }
    }
    // [left, lt) < pivot, [lt, gt] == pivot, (gt, right] > pivot
    let q = p0;
    while (q <= p1 && positions[q]! < lt) q++;
    let r = q;
    while (r <= p1 && positions[r]! <= gt) r++;
    if (q > p0) stack.push([left, lt - 1, p0, q - 1]);
    if (r <= p1) stack.push([gt + 1, right, r, p1]);
  }
}

function insertionSort(a: Float64Array, left: number, right: number): void {
  for (let i = left + 1; i <= right; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= left && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}
