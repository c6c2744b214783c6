/**
 * The payment scorecard written by hand for its own bands: the floor under
 * what a general engine can reach on the same columns (no blanks, no errors,
 * no decoding). Scores and tier indexes (0 = A) go into the arrays given.
 *
 * Branch-free, as the engine's kernels are: on random data a branch per band
 * is mispredicted often enough to cost more than the arithmetic (the branchy
 * loop below takes about 2.5x the time on this data).
 */
export function handGradePayment(
  sales: Float64Array,
  days: Float64Array,
  scores: Float64Array,
  tiers: Int32Array,
): void {
  for (let i = 0; i < sales.length; i++) {
    const s = sales[i]!;
    const d = days[i]!;
    const sp = 30 + 10 * +(s > 5000) + 10 * +(s > 10000) + 20 * +(s >= 20000);
    const dp = 10 * +(d <= 60) + 10 * +(d <= 45) + 10 * +(d <= 30);
    const total = sp + dp;
    scores[i] = total;
    tiers[i] = 2 - +(total >= 60) - +(total >= 80);
  }
}

/** The same loop written the obvious way, a branch per band (the floor reported before; kept for comparison). */
export function handGradePaymentBranchy(
  sales: Float64Array,
  days: Float64Array,
  scores: Float64Array,
  tiers: Int32Array,
): void {
  for (let i = 0; i < sales.length; i++) {
    const s = sales[i]!;
    const d = days[i]!;
    const sp = s >= 20000 ? 70 : s > 10000 ? 50 : s > 5000 ? 40 : 30;
    const dp = d <= 30 ? 30 : d <= 45 ? 20 : d <= 60 ? 10 : 0;
    const total = sp + dp;
    scores[i] = total;
    tiers[i] = total >= 80 ? 0 : total >= 60 ? 1 : 2;
  }
}
