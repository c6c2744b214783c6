import type { CustomerColumns, RfmScores, SegmentFigures } from './types';

/** One segment's line of the summary; `segment` is the rule index, or `segments.length` for "Others". */
export interface SegmentSummaryRow extends SegmentFigures {
  segment: number;
}

/**
 * Per segment: customers, orders, revenue, average order value, and the share
 * of customers against the share of revenue. `assigned[i]` is a segment index
 * or -1 ("Others", reported as index `segmentCount`). Every segment is listed,
 * empty ones too, in rule order, "Others" last.
 */
export function summarizeSegments(
  customers: CustomerColumns,
  assigned: Int32Array,
  segmentCount: number,
): SegmentSummaryRow[] {
  const size = segmentCount + 1;
  const count = new Float64Array(size);
  const orders = new Float64Array(size);
  const revenue = new Float64Array(size);
  let totalRevenue = 0;
  for (let i = 0; i < customers.count; i++) {
    const s = assigned[i]! < 0 ? segmentCount : assigned[i]!;
    count[s] = count[s]! + 1;
    orders[s] = orders[s]! + customers.frequency[i]!;
    revenue[s] = revenue[s]! + customers.monetary[i]!;
    totalRevenue += customers.monetary[i]!;
  }
  const rows: SegmentSummaryRow[] = [];
  for (let s = 0; s < size; s++) {
    rows.push({
      segment: s,
      customers: count[s]!,
      orders: orders[s]!,
      revenue: revenue[s]!,
      aov: orders[s]! > 0 ? revenue[s]! / orders[s]! : NaN,
      customerShare: customers.count > 0 ? count[s]! / customers.count : 0,
      revenueShare: totalRevenue !== 0 ? revenue[s]! / totalRevenue : 0,
    });
  }
  return rows;
}

/** The R x F grid (the heatmap's data): `count[r-1][f-1]` customers and their mean monetary value. */
export interface RfGrid {
  rBins: number;
  fBins: number;
  count: number[][];
  /** NaN where a cell has no customers. */
  meanMonetary: number[][];
}

export function rfGrid(scores: RfmScores, monetary: ArrayLike<number>): RfGrid {
  const rBins = scores.cuts.r.bins;
  const fBins = scores.cuts.f.bins;
  const count = Array.from({ length: rBins }, () => new Array<number>(fBins).fill(0));
  const sum = Array.from({ length: rBins }, () => new Array<number>(fBins).fill(0));
  for (let i = 0; i < scores.count; i++) {
    const r = scores.r[i]!;
    const f = scores.f[i]!;
    if (r === 0 || f === 0) continue;
    count[r - 1]![f - 1]!++;
    sum[r - 1]![f - 1]! += monetary[i]!;
  }
  const meanMonetary = sum.map((row, r) => row.map((s, f) => (count[r]![f]! > 0 ? s / count[r]![f]! : NaN)));
  return { rBins, fBins, count, meanMonetary };
}

/** How many customers got each score: `r[k]` customers have R = k (index 0: unscored). */
export interface ScoreDistribution {
  r: number[];
  f: number[];
  m: number[];
}

export function scoreDistribution(scores: RfmScores): ScoreDistribution {
  const tally = (column: Uint8Array, bins: number): number[] => {
    const out = new Array<number>(bins + 1).fill(0);
    for (let i = 0; i < scores.count; i++) out[column[i]!]!++;
    return out;
  };
  return {
    r: tally(scores.r, scores.cuts.r.bins),
    f: tally(scores.f, scores.cuts.f.bins),
    m: tally(scores.m, scores.cuts.m.bins),
  };
}
