import type { CompiledTable, GradeBatch } from './grader';

export interface TierSummary {
  id: string;
  count: number;
  /** Share of graded rows, 0..1. */
  share: number;
  targetShare?: number;
  /** Sum of the chosen value column over the tier's rows (NaN cells skipped). */
  valueSum: number;
  /** valueSum over the sum for all graded rows, 0..1 (NaN without values). */
  valueShare: number;
}

export interface GradeSummary {
  total: number;
  graded: number;
  ungraded: number;
  tiers: TierSummary[];
  valueTotal: number;
}

/**
 * How many rows sit in each tier, against the tier's target share, with an
 * optional value column summed per tier (does 20% of customers bring 70% of
 * revenue?). Shares are of graded rows; ungraded rows are counted apart. A
 * ranked table's batch (ABC) brings its own value column.
 */
export function summarize(
  compiled: CompiledTable,
  batch: GradeBatch,
  values: ArrayLike<number> | undefined = batch.rankedValues,
): GradeSummary {
  const counts = new Float64Array(compiled.tiers.length);
  const sums = new Float64Array(compiled.tiers.length);
  let graded = 0;
  for (let i = 0; i < batch.count; i++) {
    const tier = batch.tiers[i]!;
    if (tier < 0) continue;
    graded++;
    counts[tier]!++;
    const v = values ? values[i]! : NaN;
    if (Number.isFinite(v)) sums[tier]! += v;
  }
  const valueTotal = sums.reduce((a, b) => a + b, 0);
  return {
    total: batch.count,
    graded,
    ungraded: batch.count - graded,
    valueTotal: values ? valueTotal : NaN,
    tiers: compiled.tiers.map((tier, k) => ({
      id: tier.id,
      count: counts[k]!,
      share: graded ? counts[k]! / graded : 0,
      ...(tier.targetShare !== undefined ? { targetShare: tier.targetShare } : {}),
      valueSum: values ? sums[k]! : NaN,
      valueShare: values && valueTotal ? sums[k]! / valueTotal : NaN,
    })),
  };
}

/** Adds one batch's summary to another (for files graded in chunks). */
export function mergeSummaries(a: GradeSummary, b: GradeSummary): GradeSummary {
  const tiers = a.tiers.map((t, k) => {
    const u = b.tiers[k]!;
    return { ...t, count: t.count + u.count, valueSum: t.valueSum + u.valueSum };
  });
  const graded = a.graded + b.graded;
  const valueTotal = a.valueTotal + b.valueTotal;
  return {
    total: a.total + b.total,
    graded,
    ungraded: a.ungraded + b.ungraded,
    valueTotal,
    tiers: tiers.map((t) => ({
      ...t,
      share: graded ? t.count / graded : 0,
      valueShare: valueTotal ? t.valueSum / valueTotal : NaN,
    })),
  };
}
