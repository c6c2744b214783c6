/**
 * RFM in SQL: the whole source is one population, as the engine grades a
 * batch (side CTEs hold the type-7 quantile cut points, joined to every row),
 * then scores and the first matching segment.
 */
import type { RfmMethod } from '../model';
import { RFM_INPUT_IDS } from '../rfm/presets';
import { cutProbabilities } from '../rfm/quantile';
import { binsOf } from '../rfm/score';
import { coalesce, type LevelContext, type LevelResult, type SqlWriter } from './writer';

export type RfmDimension = 'r' | 'f' | 'm';
export const RFM_DIMENSIONS: readonly RfmDimension[] = ['r', 'f', 'm'];
export const RFM_NAMES = { r: 'recency', f: 'frequency', m: 'monetary' } as const;

/**
 * RFM over the whole source as one population, as the engine grades a
 * batch: cut points are type-7 quantiles of the rows that could be read
 * (values above a cap left out), computed from order statistics with the
 * engine's floating-point steps; scores count the cut points passed;
 * the first matching segment gives the tier. Fixed breakpoints need no
 * population.
 */
export function rfmLevel(w: SqlWriter, method: RfmMethod, ctx: LevelContext): LevelResult {
  const { p, table } = ctx;
  const binning = method.binning ?? 'quantile';
  const v = (d: RfmDimension) => ctx.value.get(RFM_INPUT_IDS[RFM_NAMES[d]])!;
  const ok = `${coalesce(ctx.errors)} IS NULL`;
  const cuts = new Map<RfmDimension, string[]>();
  const empty = new Map<RfmDimension, string>();
  let join: { name: string; columns: string[] } | undefined;
  if (binning === 'fixed') {
    for (const d of RFM_DIMENSIONS)
      cuts.set(
        d,
        (method.breakpoints?.[d] ?? []).map((c) => w.cmp(c)),
      );
  } else {
    const stats = `${p}rfm`;
    const columns: string[] = [];
    const dims = RFM_DIMENSIONS.map((d) => {
      const cap = method.caps?.[d];
      const capName = `${stats}_cap_${d}`;
      let capTest = '';
      if (cap && 'value' in cap) capTest = ` AND ${v(d)} <= ${w.cmp(cap.value)}`;
      else if (cap) capTest = ` AND ${v(d)} <= (SELECT q1 FROM ${capName})`;
      return { d, cap, capName, capTest };
    });
    const population = (d: RfmDimension, capTest: string) => (previous: string) =>
      `SELECT ${v(d)} AS v FROM ${previous} WHERE ${ok}${capTest}`;
    for (const { d, cap, capName, capTest } of dims) {
      if (cap && 'percentile' in cap) quantiles(w, capName, population(d, ''), [cap.percentile], 0);
      const name = `${stats}_${d}`;
      const bins = binsOf(method, d);
      quantiles(w, name, population(d, capTest), cutProbabilities(bins), binning === 'rfm-package' ? 1 : 0);
      cuts.set(
        d,
        Array.from({ length: bins - 1 }, (_x, k) => `${name}_q${k + 1}`),
      );
      empty.set(d, `${name}_n`);
    }
    // One row with every dimension's n and cut points, joined to each row.
    const name = `${stats}_cuts`;
    const select: string[] = [];
    const from: string[] = [];
    for (const d of RFM_DIMENSIONS) {
      const q = `${stats}_${d}`;
      from.push(q);
      select.push(`${q}.n AS ${q}_n`);
      cuts.get(d)!.forEach((c, k) => select.push(`${q}.q${k + 1} AS ${c}`));
      columns.push(`${q}_n`, ...cuts.get(d)!);
    }
    w.side(name, () => `SELECT ${select.join(', ')} FROM ${from.join(' CROSS JOIN ')}`);
    join = { name, columns };
  }
  const closed = binning === 'quantile' ? 'right' : binning === 'rfm-package' ? 'left' : (method.closed ?? 'right');
  const scores: Array<[string, string]> = RFM_DIMENSIONS.map((d) => {
    const bins = binsOf(method, d);
    const passed = cuts
      .get(d)!
      .map((c) => `CASE WHEN ${v(d)} ${closed === 'right' ? '>' : '>='} ${c} THEN 1 ELSE 0 END`);
    const bin = ['1', ...passed].join(' + ');
    const score = d === 'r' ? `${bins + 1} - (${bin})` : bin;
    const none = empty.get(d);
    return [`${p}score_${d}`, none === undefined ? score : `CASE WHEN ${none} = 0 THEN 0 ELSE ${score} END`];
  });
  w.step(scores, join);
  const [r, f, m] = scores.map(([a]) => a) as [string, string, string];
  const within = (x: string, range: [number, number] | undefined) =>
    range === undefined ? [] : [`${x} BETWEEN ${range[0]} AND ${range[1]}`];
  const tierIndex = (id: string) => table.tiers.findIndex((t) => t.id === id);
  const arms = method.segments.map((segment): [string, string] => {
    const tests = [
      ...within(r, segment.r),
      ...within(f, segment.f),
      ...within(m, segment.m),
      ...(segment.fm === undefined
        ? []
        : [`${f} > 0 AND ${m} > 0`, ...within(`floor((${f} + ${m} + 1) / 2)`, segment.fm)]),
    ];
    return [tests.length === 0 ? 'TRUE' : tests.join(' AND '), String(tierIndex(segment.tier))];
  });
  const fallback = method.default === undefined ? null : String(tierIndex(method.default));
  const wide = RFM_DIMENSIONS.some((d) => binsOf(method, d) > 9);
  const tier = `${p}tier`;
  const score = `${p}score`;
  const error = `${p}error`;
  w.step([
    [tier, w.caseOf('', arms, fallback)],
    [score, `CAST(${r} * ${wide ? 10000 : 100} + ${f} * ${wide ? 100 : 10} + ${m} AS ${w.dialect.doubleType})`],
  ]);
  w.step([[error, coalesce([...ctx.errors, `CASE WHEN ${tier} IS NULL THEN ${w.errorText('no-match')} END`])]]);
  return { score, tier, error, hasScore: true };
}

/**
 * Side CTEs `name` with one row: n (the population) and q1..qk, type-7
 * quantiles at `probs` of the values `population` selects, plus `offset`
 * (rfm-package cuts are quantile + 1), exactly as the engine computes them:
 * index = 1 + (n - 1) p, order statistics at floor and ceil of it, then
 * (1 - h) lo + h hi unless the index is whole or both are equal.
 */
function quantiles(
  w: SqlWriter,
  name: string,
  population: (previous: string) => string,
  probs: readonly number[],
  offset: number,
): void {
  const ranked = `${name}_rank`;
  w.side(ranked, (previous) => `SELECT v, row_number() OVER (ORDER BY v) AS rn FROM (${population(previous)}) AS pop`);
  const at = (k: number) => `i${k + 1}`;
  const indexes = probs.map((prob, k) => `1 + (n - 1) * ${w.num(prob)} AS ${at(k)}`);
  // Order statistics picked by an aggregate over the ranked values, not by scalar subqueries
  // correlated on the index (which older Spark analyzers reject); one row even when empty.
  const stats = probs.map(
    (_p, k) =>
      `max(CASE WHEN rn = floor(${at(k)}) THEN v END) AS lo${k + 1}, ` +
      `max(CASE WHEN rn = ceil(${at(k)}) THEN v END) AS hi${k + 1}`,
  );
  const quantile = probs.map((_p, k) => {
    const i = at(k);
    const h = `(${i} - floor(${i}))`;
    const lo = `lo${k + 1}`;
    const hi = `hi${k + 1}`;
    const q = `CASE WHEN NOT (${i} > floor(${i})) OR ${hi} = ${lo} THEN ${lo} ELSE (1 - ${h}) * ${lo} + ${h} * ${hi} END`;
    return `${offset === 0 ? q : `${q} + ${offset}`} AS q${k + 1}`;
  });
  w.side(
    name,
    () =>
      `SELECT n, ${quantile.join(', ')} FROM (SELECT n, ${indexes.join(', ')}, ${probs.map((_p, k) => `lo${k + 1}, hi${k + 1}`).join(', ')} ` +
      `FROM (SELECT count(*) AS n, ${stats.join(', ')} ` +
      `FROM (SELECT v, rn, ${indexes.join(', ')} FROM (SELECT v, rn, count(*) OVER () AS n FROM ${ranked}) AS w) AS r) AS a) AS x`,
  );
}
