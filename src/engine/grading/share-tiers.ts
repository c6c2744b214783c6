import type { GradeBatch } from '../grader';
import { formatNumber, formatPercent } from '../explain';
import { localize, translate } from '../../i18n';
import type { Locale, Method, Threshold, Tier } from '../model';
import { rankByShare } from './abc-kernel';

/** A method's thresholds when they are by share of customers (topShare), else undefined. */
export function shareThresholdsOf(method: Method): readonly Threshold[] | undefined {
  const thresholds = method.kind === 'scorecard' || method.kind === 'matrix' ? method.thresholds : undefined;
  return thresholds?.some((t) => t.topShare !== undefined) ? thresholds : undefined;
}

/**
 * Re-tiers a graded batch by rank of the score (ADR 0016): the best
 * `topShare` of the graded rows, equal scores in the tier of the first of
 * them. `explainScore(i)` gives the text of row i's score (criteria and
 * total); the batch's explain adds the rank and the cut.
 */
export function tierByShare(
  batch: GradeBatch,
  thresholds: readonly Threshold[],
  tiers: readonly Tier[],
  explainScore: (row: number) => { en: string; zh: string },
): GradeBatch {
  const count = batch.count;
  const scores = new Float64Array(count);
  for (let i = 0; i < count; i++) scores[i] = batch.tiers[i]! < 0 ? NaN : batch.scores[i]!;
  const cuts = thresholds.slice(0, -1).map((t) => t.topShare!);
  const tierIndex = thresholds.map((t) => tiers.findIndex((tier) => tier.id === t.tier));
  const ranking = rankByShare(scores, cuts, 'count');
  const ranked = new Int32Array(count);
  for (let i = 0; i < count; i++) ranked[i] = ranking.tiers[i]! < 0 ? -1 : tierIndex[ranking.tiers[i]!]!;
  const sentence = (row: number, locale: Locale): string => {
    const k = ranking.tiers[row]!;
    const own = thresholds[k]?.topShare;
    const [op, bound] = own !== undefined ? ['<', own] : ['≥', thresholds[k - 1]?.topShare ?? 0];
    const tier = tiers[ranked[row]!];
    return translate(locale, 'explain.share', {
      score: formatNumber(batch.scores[row]!),
      rank: formatNumber(ranking.ranks[row]!),
      count: formatNumber(ranking.count),
      before: formatPercent(ranking.before[row]!),
      op,
      cut: formatPercent(bound),
      tier: localize(tier?.label, locale) || (tier?.id ?? ''),
    });
  };
  return {
    count,
    scores: batch.scores,
    tiers: ranked,
    errors: batch.errors,
    explain: (row) => {
      if (!(row >= 0 && row < count) || ranked[row]! < 0) return undefined;
      const own = explainScore(row);
      const join = (text: string, tail: string, separator: string) => (text ? `${text}${separator}${tail}` : tail);
      return { en: join(own.en, sentence(row, 'en-US'), '; '), zh: join(own.zh, sentence(row, 'zh-CN'), '；') };
    },
  };
}
