import type { GradingTable, Threshold } from '../../engine';
import { calibrateThresholds, type Calibration } from '../../engine/grading/calibrate';
import { compileDraft, mappingFor } from '../session';
import type { SheetData } from './sheet-data';

/** The thresholds calibration replaces: a scorecard's, or a score matrix's. */
export function calibratedThresholds(table: GradingTable): Threshold[] | undefined {
  const method = table.method;
  if (method.kind === 'scorecard') return method.thresholds;
  if (method.kind === 'matrix' && method.output === 'score') return method.thresholds;
  return undefined;
}

/**
 * Target share of customers per tier (0..1), best first: the thresholds' own shares when they are by
 * share, else the tiers' target shares, else equal shares.
 */
export function targetSharesOf(table: GradingTable): number[] {
  const n = table.tiers.length;
  const thresholds = calibratedThresholds(table) ?? [];
  const byTier = new Map(thresholds.map((t) => [t.tier, t.topShare]));
  const cumulative = table.tiers.slice(0, -1).map((tier) => byTier.get(tier.id));
  if (cumulative.length > 0 && cumulative.every((c) => c !== undefined)) {
    const rising = [...(cumulative as number[]), 1];
    return rising.map((c, k) => c - (k > 0 ? rising[k - 1]! : 0));
  }
  const targets = table.tiers.map((tier) => tier.targetShare);
  if (targets.every((s) => s !== undefined)) return targets as number[];
  return table.tiers.map(() => 1 / n);
}

export type Proposal =
  { ok: true; calibration: Calibration } | { ok: false; reason: 'table-problems' | 'no-scores' | 'bad-targets' };

/**
 * Grades the sheet with the draft and proposes fixed thresholds reaching `shares` (per tier, best
 * first) on its scores (the engine's calibrateThresholds).
 */
export function proposeThresholds(table: GradingTable, data: SheetData, shares: readonly number[]): Proposal {
  const sum = shares.reduce((a, b) => a + b, 0);
  if (shares.length !== table.tiers.length || shares.some((s) => !(s >= 0)) || Math.abs(sum - 1) > 1e-9)
    return { ok: false, reason: 'bad-targets' };
  const compiled = compileDraft(table, data.stored);
  if (!compiled.ok) return { ok: false, reason: 'table-problems' };
  const mapping = mappingFor(compiled.compiled, data.region, data.overrides);
  const batch = compiled.compiled.gradeRows(data.rows, mapping.map);
  const scores = Float64Array.from(batch.scores, (s, i) => (batch.tiers[i]! < 0 ? NaN : s));
  let running = 0;
  const cumulative = shares.slice(0, -1).map((s) => (running += s));
  const calibration = calibrateThresholds(
    scores,
    table.tiers.map((t) => t.id),
    cumulative,
  );
  return calibration.scored === 0 ? { ok: false, reason: 'no-scores' } : { ok: true, calibration };
}
