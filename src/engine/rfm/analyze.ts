import { scoreCustomers } from './score';
import { assignSegments } from './segments';
import { summarizeSegments, type SegmentSummaryRow } from './summary';
import type { CustomerColumns, RfmScores, RfmScoringOptions, RfmSegmentRule } from './types';

export interface RfmAnalysis {
  scores: RfmScores;
  /** Per customer: the index of the first matching segment rule, -1 for "Others". */
  segments: Int32Array;
  /** One row per rule, then "Others". */
  summary: SegmentSummaryRow[];
}

/**
 * Scores customer-level values (cut points over this population) and
 * assigns segments: the whole RFM table in one call.
 */
export function analyzeRfm(
  customers: CustomerColumns,
  options: RfmScoringOptions & { segments: readonly RfmSegmentRule[] },
): RfmAnalysis {
  const scores = scoreCustomers(customers, options);
  const segments = assignSegments(scores, options.segments);
  return { scores, segments, summary: summarizeSegments(customers, segments, options.segments.length) };
}

/** The RFM code as analysts write it: "543"; with 10 bins the scores are joined with '-' ("10-4-3"). */
export function rfmCode(r: number, f: number, m: number): string {
  if (r === 0 || f === 0 || m === 0) return '';
  return r < 10 && f < 10 && m < 10 ? `${r}${f}${m}` : `${r}-${f}-${m}`;
}
