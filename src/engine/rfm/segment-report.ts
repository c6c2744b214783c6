import type { RfmAnalysis } from './analyze';
import { rfGrid, scoreDistribution, type RfGrid } from './summary';
import type { CustomerColumns, DimensionCuts, RfmDimension, RfmMethodSpec, RfmScores, SegmentFigures } from './types';

/** One segment of the report: a tier of the table, or `tier: undefined` for customers no rule and no default grades. */
export interface SegmentReportRow extends SegmentFigures {
  tier: string | undefined;
}

/** The values one score covers: `lower` / `upper` undefined for an open end; the closed side from the cuts. */
export interface ScoreBin {
  score: number;
  lower?: number;
  upper?: number;
  /** Whether a value equal to `lower` (`upper`) is inside. */
  lowerInclusive: boolean;
  upperInclusive: boolean;
  customers: number;
}

/** The cut points used for one dimension and the bins they make, highest score first. */
export interface DimensionReport {
  cuts: DimensionCuts;
  bins: ScoreBin[];
  /** Customers left unscored (score 0: no value). */
  unscored: number;
}

export interface SegmentReport {
  /** One row per tier the table can give, in the table's tier order, then the ungraded (only when any). */
  segments: SegmentReportRow[];
  total: SegmentFigures;
  /** Customers per R score (rows) and F score (columns). */
  heatmap: RfGrid;
  dimensions: Record<RfmDimension, DimensionReport>;
}

export const RFM_DIMENSIONS: readonly RfmDimension[] = ['r', 'f', 'm'];

/**
 * The segment report of an RFM analysis: per segment (tier) customers,
 * orders, revenue, AOV, share of customers and share of revenue; the R x F
 * heatmap; the cut points used per dimension with the customers of each
 * score. Segments are the table's tiers: two rules giving one tier are one
 * segment. Tiers no rule or default gives are left out.
 */
export function segmentReport(
  customers: CustomerColumns,
  analysis: RfmAnalysis,
  method: Pick<RfmMethodSpec, 'segments' | 'default'>,
  tierOrder: readonly string[],
): SegmentReport {
  const given = new Set<string>(method.segments.map((s) => s.tier));
  if (method.default !== undefined) given.add(method.default);
  const order = tierOrder.filter((id) => given.has(id));
  for (const id of given) if (!order.includes(id)) order.push(id);
  const slotOfTier = new Map(order.map((id, k) => [id, k]));
  const ungradedSlot = order.length;
  const ruleSlot = method.segments.map((s) => slotOfTier.get(s.tier)!);
  const otherSlot = method.default === undefined ? ungradedSlot : slotOfTier.get(method.default)!;

  const count = new Float64Array(order.length + 1);
  const orders = new Float64Array(order.length + 1);
  const revenue = new Float64Array(order.length + 1);
  let totalOrders = 0;
  let totalRevenue = 0;
  for (let i = 0; i < customers.count; i++) {
    const rule = analysis.segments[i]!;
    const slot = rule < 0 ? otherSlot : ruleSlot[rule]!;
    count[slot]!++;
    orders[slot]! += customers.frequency[i]!;
    revenue[slot]! += customers.monetary[i]!;
    totalOrders += customers.frequency[i]!;
    totalRevenue += customers.monetary[i]!;
  }
  const figures = (c: number, o: number, r: number): SegmentFigures => ({
    customers: c,
    orders: o,
    revenue: r,
    aov: o > 0 ? r / o : NaN,
    customerShare: customers.count > 0 ? c / customers.count : 0,
    revenueShare: totalRevenue !== 0 ? r / totalRevenue : 0,
  });
  const segments: SegmentReportRow[] = order.map((tier, k) => ({
    tier,
    ...figures(count[k]!, orders[k]!, revenue[k]!),
  }));
  if (count[ungradedSlot]! > 0) {
    segments.push({ tier: undefined, ...figures(count[ungradedSlot]!, orders[ungradedSlot]!, revenue[ungradedSlot]!) });
  }
  return {
    segments,
    total: figures(customers.count, totalOrders, totalRevenue),
    heatmap: rfGrid(analysis.scores, customers.monetary),
    dimensions: dimensionReports(analysis.scores),
  };
}

/** Per dimension: the cut points used, the bins they make with the customers of each score, the unscored. */
export function dimensionReports(scores: RfmScores): Record<RfmDimension, DimensionReport> {
  const distribution = scoreDistribution(scores);
  const dimension = (d: RfmDimension): DimensionReport => ({
    cuts: scores.cuts[d],
    bins: scoreBins(scores.cuts[d], distribution[d]),
    unscored: distribution[d][0]!,
  });
  return { r: dimension('r'), f: dimension('f'), m: dimension('m') };
}

/**
 * The values each score covers under a dimension's cut points, highest score
 * first; `counts[s]` is the customers with score s (index 0: unscored).
 */
export function scoreBins(cuts: DimensionCuts, counts: readonly number[] = []): ScoreBin[] {
  const out: ScoreBin[] = [];
  const right = cuts.closed === 'right';
  for (let score = cuts.bins; score >= 1; score--) {
    const bin = cuts.reversed ? cuts.bins + 1 - score : score;
    const lower = bin === 1 ? undefined : cuts.cuts[bin - 2];
    const upper = bin === cuts.bins ? undefined : cuts.cuts[bin - 1];
    out.push({
      score,
      ...(lower === undefined ? {} : { lower }),
      ...(upper === undefined ? {} : { upper }),
      lowerInclusive: !right,
      upperInclusive: right,
      customers: counts[score] ?? 0,
    });
  }
  return out;
}

/** A bin as text, e.g. "> 114, <= 180", "<= 114", ">= 482"; numbers through `format`. */
export function scoreBinText(bin: ScoreBin, format: (n: number) => string): string {
  const lower = bin.lower === undefined ? '' : `${bin.lowerInclusive ? '>=' : '>'} ${format(bin.lower)}`;
  const upper = bin.upper === undefined ? '' : `${bin.upperInclusive ? '<=' : '<'} ${format(bin.upper)}`;
  return lower && upper ? `${lower}, ${upper}` : lower || upper;
}
