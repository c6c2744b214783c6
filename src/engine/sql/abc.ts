/**
 * SQL for ABC / Pareto tables (ADR 0016) with window functions: the share
 * before a row is the sum of the strictly larger values (all values at least
 * as large, minus the row's own tie group) over the total, so equal values
 * share the tier of the first of them. Exact where the sums are exact in
 * doubles (whole numbers and cents-as-integers below 2^53); for other
 * fractions the database may add in another order than the engine and differ
 * in the last bit (docs/methods-population-time.md).
 */
import type { AbcMethod, GradingTable } from '../model';
import type { LevelContext, SqlWriter } from './writer';

/** The steps of an ABC level; returns the score (share before), tier index and error columns. */
export function abcLevel(
  method: AbcMethod,
  level: LevelContext,
  host: SqlWriter,
): { score: string; tier: string; error: string; hasScore: true } {
  const { p, table } = level;
  const v = level.value.get(method.input)!;
  const error = `${p}error`;
  const ranked = `${p}w`;
  // Blanks are reported even when the input is optional: a customer with no value is missing, not C.
  const own = `CASE WHEN ${v} IS NULL THEN ${host.errorText('blank', method.input)} WHEN NOT (${v} > 0) THEN ${host.errorText('not-positive', method.input)} END`;
  host.step([[error, level.errors.length === 0 ? own : `COALESCE(${[...level.errors, own].join(', ')})`]]);
  host.step([[ranked, `CASE WHEN ${error} IS NULL THEN ${v} END`]]);
  const atLeast = `${p}ge`;
  const group = `${p}grp`;
  const total = `${p}tot`;
  host.step([
    // ORDER BY's default frame takes every peer: the sum of the values at least as large.
    [atLeast, `SUM(${ranked}) OVER (ORDER BY ${ranked} DESC)`],
    [group, `SUM(${ranked}) OVER (PARTITION BY ${ranked})`],
    [total, `SUM(${ranked}) OVER ()`],
  ]);
  const score = `${p}score`;
  host.step([[score, `CASE WHEN ${error} IS NULL THEN (${atLeast} - ${group}) / ${total} END`]]);
  const tierIndex = (id: string) => table.tiers.findIndex((t) => t.id === id);
  const arms = method.cuts
    .slice(0, -1)
    .map((cut) => `WHEN ${score} < ${host.num(cut.upTo!)} THEN ${tierIndex(cut.tier)}`);
  const tier = `${p}tier`;
  const last = tierIndex(method.cuts[method.cuts.length - 1]!.tier);
  host.step([[tier, `CASE WHEN ${error} IS NULL THEN CASE ${arms.join(' ')} ELSE ${last} END END`]]);
  return { score, tier, error, hasScore: true };
}

/** Features of population and time tables the SQL export does not write yet. */
export type PopulationSqlFeature = 'abc-source' | 'share-thresholds' | 'decay' | 'point-caps' | 'days-since';

/** The first such feature of a table (`root`: the table exported, not a source of another), or undefined. */
export function unsupportedPopulationFeature(table: GradingTable, root: boolean): PopulationSqlFeature | undefined {
  const m = table.method;
  if (m.kind === 'abc' && !root) return 'abc-source';
  if ((m.kind === 'scorecard' || m.kind === 'matrix') && m.thresholds?.some((t) => t.topShare !== undefined))
    return 'share-thresholds';
  if (m.kind === 'scorecard' && m.criteria.some((c) => c.decay)) return 'decay';
  if (m.kind === 'scorecard' && (m.maxTotal !== undefined || (m.groupCaps?.length ?? 0) > 0)) return 'point-caps';
  if (table.inputs.some((i) => i.daysSince)) return 'days-since';
  return undefined;
}
