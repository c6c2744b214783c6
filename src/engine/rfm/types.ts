/**
 * RFM types. `RfmMethodSpec` is the method shape this module implements; it
 * is a superset of model.ts's first sketch (`RfmMethod`), which it accepts
 * unchanged (see the report for the proposed model change).
 */
import type { GradeError } from '../errors';
import type { LocalizedText, RfmMethod, RfmSegment } from '../model';

export type RfmDimension = 'r' | 'f' | 'm';

/**
 * How scores are cut from the values:
 * - `quantile`: cut points are the type-7 quantiles (Excel PERCENTILE.INC) at
 *   1/n, 2/n, ... of the customers' values; a value equal to a cut point gets
 *   the lower bin. A score depends only on the value, so equal values always
 *   get equal scores; repeated cut points leave a score unused.
 * - `rfm-package`: exactly what R's rfm package (rfm_table_order) computes:
 *   thresholds are those quantiles plus 1, a value v gets bin i when
 *   lower[i] <= v < upper[i] (lower = min, thresholds; upper = thresholds,
 *   max + 1), later bins overwriting earlier ones. Repeated thresholds leave a
 *   score unused, as in R.
 * - `fixed`: the user's ascending breakpoints per dimension (n - 1 of them).
 * Recency is reversed everywhere: the fewest days get the highest score.
 */
export type RfmBinning = 'quantile' | 'rfm-package' | 'fixed';

/**
 * Which side of a breakpoint a value equal to it falls on: `right` bins are
 * (a, b] (the value goes to the lower bin), `left` bins are [a, b) (the upper
 * bin; R rfm's custom thresholds behave this way).
 */
export type RfmClosed = 'right' | 'left';

/**
 * An outlier cap: values above it are left out when cut points are computed,
 * and still scored (they land in the top bin). `percentile` is 0..1 (type 7).
 */
export type { RfmCap } from '../model';

/** A closed range of scores, [low, high]. */
export type ScoreRange = [number, number];

/** One segment rule of an RFM table (the model's RfmSegment). */
export type RfmSegmentRule = RfmSegment;

/** The RFM method as this module implements it: the model's RfmMethod. */
export type RfmMethodSpec = RfmMethod;

/** The scoring part of a method (everything but the segments). */
export type RfmScoringOptions = Pick<RfmMethodSpec, 'bins' | 'binning' | 'breakpoints' | 'closed' | 'caps'>;

/** How one dimension was cut: enough to show the user and to re-apply to a new value. */
export interface DimensionCuts {
  dimension: RfmDimension;
  bins: number;
  binning: RfmBinning;
  /** Ascending; a value is compared with these (see `closed`). Length bins - 1. */
  cuts: number[];
  closed: RfmClosed;
  /** Whether the scores run downwards (recency). */
  reversed: boolean;
  /** The cap applied before cutting, if any: values above it were left out. */
  cap?: number;
  /** Values the cut points were computed from. */
  population: number;
  min: number;
  max: number;
}

/** Customer-level values, columnar: index i is one customer. */
export interface CustomerColumns {
  count: number;
  /** Days since the last order (as of the as-of date). */
  recency: Float64Array;
  /** Number of orders. */
  frequency: Float64Array;
  /** Total amount. */
  monetary: Float64Array;
}

/** What aggregation of raw orders yields per customer, beyond the R/F/M values. */
export interface CustomerTable extends CustomerColumns {
  /** Customer ids in first-seen order. */
  ids: Array<string | number>;
  /** Excel serial day of the first and the last order. */
  firstOrder: Float64Array;
  lastOrder: Float64Array;
  /** Average order value: monetary / frequency. */
  aov: Float64Array;
  /** The as-of date used (Excel serial day). */
  asOf: number;
}

/** Scores per customer, 1..n; 0 where a value could not be scored. */
export interface RfmScores {
  count: number;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  cuts: { r: DimensionCuts; f: DimensionCuts; m: DimensionCuts };
}

/** A segment as users see it: a tier with its rule, label, action and colours. */
export interface RfmSegmentDef extends RfmSegmentRule {
  name: Required<LocalizedText>;
  action: Required<LocalizedText>;
  description?: Required<LocalizedText>;
  /** #RRGGBB */
  fill: string;
  /** #RRGGBB */
  font: string;
}

/** An order row that could not be used, with its 0-based row index in the input. */
export interface OrderRowError {
  row: number;
  error: GradeError;
}

/** Customers, orders and revenue of one group of customers, with their shares of the whole. */
export interface SegmentFigures {
  customers: number;
  orders: number;
  revenue: number;
  /** Average order value: revenue / orders (NaN without orders). */
  aov: number;
  customerShare: number;
  /** 0 when the total revenue is 0. */
  revenueShare: number;
}
