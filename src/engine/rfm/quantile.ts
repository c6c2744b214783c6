/**
 * Order statistics for cut points. Quantiles are R's `stats::quantile` type 7
 * (also Excel's PERCENTILE.INC and numpy's default), computed with the same
 * floating-point steps as R so that cut points compare exactly as R's do.
 * Only the order statistics a quantile needs are selected (quickselect), not
 * a full sort: a million values cost a few linear passes.
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
  selectPositions(
    values,
    count,
    [...wanted].sort((a, b) => a - b),
  );
  return probs.map((p, k) => {
    const index = 1 + (count - 1) * p;
    const lo = lows[k]!;
    const hi = highs[k]!;
    const xLo = values[lo - 1]!;
    const xHi = values[hi - 1]!;
    if (!(index > lo) || xHi === xLo) return xLo;
    const h = index - lo;
    return (1 - h) * xLo + h * xHi;
  });
}

/** Minimum and maximum of `values[0..count)`, NaN when empty. */
export function extent(values: ArrayLike<number>, count: number): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return count === 0 ? { min: NaN, max: NaN } : { min, max };
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
