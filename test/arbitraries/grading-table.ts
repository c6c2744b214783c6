/**
 * fast-check arbitraries for VALID grading tables (scorecard, rules, matrix):
 * unique ids per kind, existing tiers and inputs, sorted contiguous numeric
 * bands, category bands covering each value once, boolean bands true+false,
 * strictly decreasing thresholds ending unbounded, #RRGGBB colours, target
 * shares summing to at most 1, matrix cells rows x columns; rfm tables with
 * the recency / frequency / monetary inputs, bins 2..10, fixed cut points
 * matching the bins, caps, as-of days and segment ranges within the bins.
 * Texts include the awkward ones a sheet must survive ("=SUM(A1)", "a;b", "007", "TRUE").
 */
import fc from 'fast-check';
import type {
  AxisBand,
  BandMatch,
  CategoryValue,
  ConditionNode,
  Criterion,
  GradingTable,
  InputDef,
  LocalizedText,
  MatrixAxis,
  Method,
  Multiplier,
  NumericRange,
  RfmCap,
  RfmMethod,
  RfmSegment,
  Rule,
  ScoreBand,
  Threshold,
  Tier,
} from '../../src/engine/model';
import { TABLE_FORMAT, TABLE_FORMAT_VERSION, TABLE_LIMITS } from '../../src/engine/model';
import { RFM_INPUT_IDS } from '../../src/engine/rfm/presets';
import { segmentOf } from '../../src/engine/rfm/segments';
import { normalizeKey } from '../../src/engine/values/coerce';

const TRICKY_IDS = ['TRUE', 'ALL', 'ANY', 'NOT', 'Tiers', 'Matrix', 'x', 'any', 'otherwise', 'R', 'Inputs'];

/** An id matching /^[A-Za-z][A-Za-z0-9_-]{0,63}$/ (short most of the time). */
export function arbId(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,11}$/) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{60,63}$/) },
    { weight: 2, arbitrary: fc.constantFrom(...TRICKY_IDS) },
  );
}

function uniqueIds(min: number, max: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(arbId(), { minLength: min, maxLength: max, selector: (id) => normalizeKey(id) });
}

const TRICKY_TEXTS = [
  '=SUM(A1)',
  'a;b',
  "'quoted",
  '007',
  'TRUE',
  'false',
  '#N/A',
  '+1',
  '-x',
  '@me',
  'back\\slash',
  '全；角',
  ' padded ',
  '3 months',
];
const CHINESE = fc
  .array(fc.constantFrom(...'客户分级标准月均销售额回款天数等级策略跟进频率类别金额时间潜在'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((chars) => chars.join(''));

/** Free text (labels, strategy ...). */
export function arbText(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 16 }) },
    { weight: 3, arbitrary: CHINESE },
    { weight: 2, arbitrary: fc.constantFrom(...TRICKY_TEXTS) },
  );
}

/** A list item: trimmed, not empty (lists are trimmed per item). */
function arbItem(): fc.Arbitrary<string> {
  return arbText()
    .map((text) => text.trim())
    .filter((text) => text !== '');
}

export function arbLocalized(): fc.Arbitrary<LocalizedText> {
  return fc.record({ en: arbText(), zh: CHINESE }, { requiredKeys: ['en'] });
}

/** Finite doubles without -0, including values that are hard to print exactly. */
export function arbNumber(): fc.Arbitrary<number> {
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.integer({ min: -100000, max: 100000 }) },
      { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }) },
      { weight: 1, arbitrary: fc.constantFrom(0.1, 1e-7, 1234567.891, 0.30000000000000004, 5e-324, 1e21) },
    )
    .map((n) => (n === 0 ? 0 : n));
}

function arbColour(): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).toUpperCase().padStart(6, '0')}`);
}

/** Contiguous numeric ranges: optional outer bounds, cut points each inclusive on exactly one side. */
export function arbNumericRanges(maxCuts = 4): fc.Arbitrary<NumericRange[]> {
  return fc
    .record({
      points: fc.uniqueArray(arbNumber(), { minLength: 1, maxLength: maxCuts + 2 }),
      sides: fc.array(fc.boolean(), { minLength: maxCuts + 2, maxLength: maxCuts + 2 }),
      boundedBelow: fc.boolean(),
      boundedAbove: fc.boolean(),
    })
    .map(({ points, sides, boundedBelow, boundedAbove }) => {
      const sorted = [...points].sort((a, b) => a - b);
      const low = boundedBelow && sorted.length > 1 ? sorted.shift() : undefined;
      const high = boundedAbove && sorted.length > 1 ? sorted.pop() : undefined;
      const ranges: NumericRange[] = [];
      let lower: NumericRange = low === undefined ? {} : { gte: low };
      sorted.forEach((cut, i) => {
        const upperInclusive = sides[i] ?? true;
        ranges.push({ ...lower, ...(upperInclusive ? { lte: cut } : { lt: cut }) });
        lower = upperInclusive ? { gt: cut } : { gte: cut };
      });
      ranges.push({ ...lower, ...(high === undefined ? {} : { lte: high }) });
      return ranges;
    });
}

/** Category values split into 1..n non-empty groups, each value in exactly one. */
function arbPartition(values: string[]): fc.Arbitrary<string[][]> {
  return fc
    .tuple(
      fc.shuffledSubarray(values, { minLength: values.length, maxLength: values.length }),
      fc.array(fc.boolean(), { minLength: values.length, maxLength: values.length }),
    )
    .map(([shuffled, breaks]) => {
      const groups: string[][] = [];
      shuffled.forEach((value, i) => {
        if (i === 0 || breaks[i]) groups.push([value]);
        else (groups[groups.length - 1] as string[]).push(value);
      });
      return groups;
    });
}

/** Band matches covering the input's domain once. */
function arbMatches(input: InputDef): fc.Arbitrary<BandMatch[]> {
  if (input.type === 'boolean') return fc.boolean().map((first) => [{ is: first }, { is: !first }]);
  if (input.type === 'category')
    return arbPartition((input.values ?? []).map((v) => v.id)).map((groups) => groups.map((values) => ({ values })));
  return arbNumericRanges().map((ranges) => ranges.map((range) => ({ range })));
}

function arbInputs(): fc.Arbitrary<InputDef[]> {
  return fc
    .record({
      ids: uniqueIds(3, 7),
      types: fc.array(fc.constantFrom('number', 'number', 'category', 'boolean'), { minLength: 7, maxLength: 7 }),
    })
    .chain(({ ids, types }) =>
      fc.tuple(
        ...ids.map((id, i) => {
          // The first input is always a number, the second a category, so every method has both.
          const type = i === 0 ? 'number' : i === 1 ? 'category' : (types[i] as InputDef['type']);
          return fc
            .record(
              {
                label: arbLocalized(),
                aliases: fc.array(arbItem(), { minLength: 1, maxLength: 3 }),
                required: fc.boolean(),
                description: arbLocalized(),
                values: uniqueIds(2, 5).chain((valueIds) =>
                  fc.tuple(
                    ...valueIds.map((valueId) =>
                      fc.record(
                        {
                          id: fc.constant(valueId),
                          label: arbLocalized(),
                          aliases: fc.array(arbItem(), { minLength: 1, maxLength: 3 }),
                        },
                        { requiredKeys: ['id'] },
                      ),
                    ),
                  ),
                ),
              },
              { requiredKeys: ['label', 'values'] },
            )
            .map(({ values, ...rest }): InputDef => {
              const input: InputDef = { id, type, ...rest };
              if (type === 'category') input.values = values as CategoryValue[];
              return input;
            });
        }),
      ),
    );
}

/** A condition leaf valid for the input's type. */
function arbLeaf(inputs: InputDef[]): fc.Arbitrary<ConditionNode> {
  return fc.constantFrom(...inputs).chain((input): fc.Arbitrary<ConditionNode> => {
    const id = input.id;
    if (input.type === 'boolean') {
      return fc.oneof(
        fc.record({ input: fc.constant(id), op: fc.constantFrom('=' as const, '<>' as const), value: fc.boolean() }),
        fc.record({ input: fc.constant(id), op: fc.constantFrom('blank' as const, 'not_blank' as const) }),
      );
    }
    if (input.type === 'category') {
      const ids = (input.values ?? []).map((v) => v.id);
      return fc.oneof(
        fc.record({
          input: fc.constant(id),
          op: fc.constantFrom('=' as const, '<>' as const),
          value: fc.constantFrom(...ids),
        }),
        fc.record({
          input: fc.constant(id),
          op: fc.constant('in' as const),
          values: fc.subarray(ids, { minLength: 1 }),
        }),
        fc.record({ input: fc.constant(id), op: fc.constant('contains' as const), value: arbText() }),
        fc.record({ input: fc.constant(id), op: fc.constantFrom('blank' as const, 'not_blank' as const) }),
      );
    }
    return fc.oneof(
      fc.record({
        input: fc.constant(id),
        op: fc.constantFrom('=' as const, '<>' as const, '<' as const, '<=' as const, '>' as const, '>=' as const),
        value: arbNumber(),
      }),
      fc.record({
        input: fc.constant(id),
        op: fc.constant('between' as const),
        range: arbNumericRanges(1).map((ranges) => ranges[Math.floor(ranges.length / 2)] as NumericRange),
      }),
      fc.record({
        input: fc.constant(id),
        op: fc.constant('in' as const),
        values: fc.uniqueArray(arbNumber(), { minLength: 1, maxLength: 4 }),
      }),
      fc.record({ input: fc.constant(id), op: fc.constantFrom('blank' as const, 'not_blank' as const) }),
    );
  });
}

/** Condition trees up to depth 4 with ALL / ANY / NOT. */
export function arbCondition(inputs: InputDef[]): fc.Arbitrary<ConditionNode> {
  const { node } = fc.letrec<{ node: ConditionNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      { weight: 3, arbitrary: arbLeaf(inputs) },
      { weight: 1, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
      { weight: 1, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
      { weight: 1, arbitrary: tie('node').map((not) => ({ not })) },
    ),
  }));
  return node;
}

function arbTiers(): fc.Arbitrary<Tier[]> {
  return uniqueIds(2, 5).chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc
          .record(
            {
              label: arbLocalized(),
              fill: arbColour(),
              font: arbColour(),
              strategy: arbLocalized(),
              cadence: arbLocalized(),
              targetShare: fc.integer({ min: 0, max: Math.floor(100 / ids.length) }).map((n) => n / 100),
              score: fc.integer({ min: 0, max: 100 }),
            },
            { requiredKeys: ['label', 'fill', 'font'] },
          )
          .map((rest): Tier => ({ id, ...rest })),
      ),
    ),
  );
}

/** Thresholds over all tiers, best first, strictly decreasing bounds, the last unbounded. */
function arbThresholds(tiers: Tier[]): fc.Arbitrary<Threshold[]> {
  return fc
    .tuple(
      fc.uniqueArray(arbNumber(), { minLength: tiers.length - 1, maxLength: tiers.length - 1 }),
      fc.array(fc.boolean(), { minLength: tiers.length, maxLength: tiers.length }),
    )
    .map(([bounds, inclusive]) => {
      const sorted = [...bounds].sort((a, b) => b - a);
      return tiers.map((tier, i): Threshold => {
        const bound = sorted[i];
        if (bound === undefined) return { tier: tier.id };
        return inclusive[i] ? { tier: tier.id, gte: bound } : { tier: tier.id, gt: bound };
      });
    });
}

function arbScorecard(inputs: InputDef[], tiers: Tier[]): fc.Arbitrary<Method> {
  const criterion = (id: string): fc.Arbitrary<Criterion> =>
    fc.constantFrom(...inputs).chain((input) =>
      fc
        .record(
          {
            matches: arbMatches(input),
            // Points are bounded by TABLE_LIMITS.magnitude.
            points: fc.array(
              arbNumber().filter((n) => Math.abs(n) <= TABLE_LIMITS.magnitude),
              { minLength: 8, maxLength: 8 },
            ),
            label: arbLocalized(),
            weight: fc.constantFrom(0.5, 0.3, 2, 1.05),
            blankPoints: fc.integer({ min: 0, max: 50 }),
          },
          { requiredKeys: ['matches', 'points'] },
        )
        .map(({ matches, points, ...rest }): Criterion => ({
          id,
          input: input.id,
          ...rest,
          bands: matches.map((match, i): ScoreBand => ({ match, points: points[i % points.length] as number })),
        })),
    );
  const multiplier = (id: string): fc.Arbitrary<Multiplier> =>
    fc
      .record(
        { factor: fc.constantFrom(1.05, 0.9, 1.2, 2), when: arbCondition(inputs), label: arbLocalized() },
        { requiredKeys: ['factor', 'when'] },
      )
      .map((rest) => ({ id, ...rest }));
  return fc
    .record(
      {
        criteria: uniqueIds(1, 3).chain((ids) => fc.tuple(...ids.map(criterion))),
        multipliers: uniqueIds(1, 2).chain((ids) => fc.tuple(...ids.map(multiplier))),
        thresholds: arbThresholds(tiers),
        round: fc.integer({ min: 0, max: 4 }),
      },
      { requiredKeys: ['criteria', 'thresholds'] },
    )
    .map((rest) => ({ kind: 'scorecard' as const, ...rest }));
}

function arbRules(inputs: InputDef[], tiers: Tier[]): fc.Arbitrary<Method> {
  const tierIds = tiers.map((t) => t.id);
  const rule: fc.Arbitrary<Rule> = fc.record(
    { tier: fc.constantFrom(...tierIds), when: arbCondition(inputs), label: arbLocalized() },
    { requiredKeys: ['tier', 'when'] },
  );
  return fc
    .record(
      { rules: fc.array(rule, { minLength: 1, maxLength: 5 }), default: fc.constantFrom(...tierIds) },
      { requiredKeys: ['rules'] },
    )
    .map((rest) => ({ kind: 'rules' as const, ...rest }));
}

function arbAxis(inputs: InputDef[]): fc.Arbitrary<MatrixAxis> {
  return fc.constantFrom(...inputs).chain((input) =>
    arbMatches(input).chain((matches) =>
      fc
        .tuple(
          fc.uniqueArray(arbId(), {
            minLength: matches.length,
            maxLength: matches.length,
            selector: (id) => id.toLowerCase(),
          }),
          fc.array(fc.option(arbLocalized(), { nil: undefined }), {
            minLength: matches.length,
            maxLength: matches.length,
          }),
        )
        .map(([ids, labels]) => ({
          input: input.id,
          bands: matches.map((match, i): AxisBand => {
            const band: AxisBand = { id: ids[i] as string, match };
            const label = labels[i];
            if (label !== undefined) band.label = label;
            return band;
          }),
        })),
    ),
  );
}

function arbMatrix(inputs: InputDef[], tiers: Tier[]): fc.Arbitrary<Method> {
  const tierIds = tiers.map((t) => t.id);
  return fc
    .tuple(arbAxis(inputs), arbAxis(inputs), fc.boolean())
    .chain(([rows, columns, score]): fc.Arbitrary<Method> => {
      const cell: fc.Arbitrary<string | number> = score ? arbNumber() : fc.constantFrom(...tierIds);
      const cells = fc.array(fc.array(cell, { minLength: columns.bands.length, maxLength: columns.bands.length }), {
        minLength: rows.bands.length,
        maxLength: rows.bands.length,
      });
      return score
        ? fc.tuple(cells, arbThresholds(tiers)).map(([c, thresholds]) => ({
            kind: 'matrix' as const,
            rows,
            columns,
            cells: c,
            output: 'score' as const,
            thresholds,
          }))
        : cells.map((c) => ({ kind: 'matrix' as const, rows, columns, cells: c, output: 'tier' as const }));
    });
}

const RFM_DIMENSIONS = ['r', 'f', 'm'] as const;

/** The bins an rfm method scores with: its bins, else its fixed cut points + 1, else 5. */
function rfmBins(method: RfmMethod): Record<'r' | 'f' | 'm', number> {
  const bins = { r: 5, f: 5, m: 5 };
  for (const d of RFM_DIMENSIONS) {
    const points = method.binning === 'fixed' ? method.breakpoints?.[d] : undefined;
    bins[d] = method.bins?.[d] ?? (points === undefined ? 5 : points.length + 1);
  }
  return bins;
}

/** The three inputs an rfm table reads (recency a number of days or a date), then other inputs. */
function arbRfmInputs(others: InputDef[]): fc.Arbitrary<InputDef[]> {
  const ids = [RFM_INPUT_IDS.recency, RFM_INPUT_IDS.frequency, RFM_INPUT_IDS.monetary];
  const taken = new Set(ids.map(normalizeKey));
  return fc
    .tuple(
      fc.constantFrom('number' as const, 'date' as const),
      fc.tuple(
        ...ids.map((id) =>
          fc
            .record(
              {
                label: arbLocalized(),
                aliases: fc.array(arbItem(), { minLength: 1, maxLength: 3 }),
                required: fc.boolean(),
                description: arbLocalized(),
              },
              { requiredKeys: ['label'] },
            )
            .map((rest): InputDef => ({ id, type: 'number', ...rest })),
        ),
      ),
    )
    .map(([recencyType, rfm]) => {
      (rfm[0] as InputDef).type = recencyType;
      return [...rfm, ...others.filter((input) => !taken.has(normalizeKey(input.id)))];
    });
}

/** A score range [low, high] within 1..bins. */
function arbScoreRange(bins: number): fc.Arbitrary<[number, number]> {
  return fc
    .tuple(fc.integer({ min: 1, max: bins }), fc.integer({ min: 1, max: bins }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)]);
}

function arbRfm(tiers: Tier[]): fc.Arbitrary<Method> {
  const binCount = fc.integer({ min: 2, max: 10 });
  const cap: fc.Arbitrary<RfmCap> = fc.oneof(
    fc.integer({ min: 1, max: 1000 }).map((n) => ({ percentile: n / 1000 })),
    fc.double({ min: 0, max: 1, minExcluded: true, noNaN: true }).map((percentile) => ({ percentile })),
    arbNumber().map((value) => ({ value })),
  );
  const options = fc.record(
    {
      binning: fc.constantFrom('quantile' as const, 'rfm-package' as const, 'fixed' as const),
      bins: fc.record({ r: binCount, f: binCount, m: binCount }, { requiredKeys: [] }),
      closed: fc.constantFrom('right' as const, 'left' as const),
      caps: fc.record({ r: cap, f: cap, m: cap }, { requiredKeys: [] }),
      asOf: fc.integer({ min: 1, max: 2958465 }),
      default: fc.constantFrom(...tiers.map((t) => t.id)),
      // Cut points per dimension: used as the fixed ones (bins = count + 1), else kept as written.
      cuts: fc.record(
        {
          r: fc.uniqueArray(arbNumber(), { minLength: 1, maxLength: 9 }),
          f: fc.uniqueArray(arbNumber(), { minLength: 1, maxLength: 9 }),
          m: fc.uniqueArray(arbNumber(), { minLength: 1, maxLength: 9 }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['cuts'] },
  );
  return options.chain(({ cuts, ...rest }) => {
    const method: RfmMethod = { kind: 'rfm', ...rest, segments: [] };
    const sorted = (points: number[]): number[] => [...points].sort((a, b) => a - b);
    if (method.binning === 'fixed') {
      const breakpoints: NonNullable<RfmMethod['breakpoints']> = {};
      for (const d of RFM_DIMENSIONS) {
        const bins = method.bins?.[d] ?? (cuts[d] ? cuts[d].length + 1 : 5);
        const points = sorted([...(cuts[d] ?? []), ...Array.from({ length: 10 }, (_, i) => 1e13 + i)]);
        breakpoints[d] = [...new Set(points)].slice(0, bins - 1).sort((a, b) => a - b);
      }
      method.breakpoints = breakpoints;
    } else if (Object.keys(cuts).length > 0) {
      const breakpoints: NonNullable<RfmMethod['breakpoints']> = {};
      for (const d of RFM_DIMENSIONS) {
        const points = cuts[d];
        if (points !== undefined) breakpoints[d] = sorted(points);
      }
      method.breakpoints = breakpoints;
    }
    const bins = rfmBins(method);
    const segment: fc.Arbitrary<RfmSegment> = fc.record(
      {
        tier: fc.constantFrom(...tiers.map((t) => t.id)),
        r: arbScoreRange(bins.r),
        f: arbScoreRange(bins.f),
        m: arbScoreRange(bins.m),
        fm: arbScoreRange(Math.max(bins.f, bins.m)),
      },
      { requiredKeys: ['tier'] },
    );
    return fc.array(segment, { minLength: 1, maxLength: 6 }).map((segments) => ({ ...method, segments }));
  });
}

/** Drops the segments no score combination reaches first (always keeping one), so every tier left is reached. */
function reachableSegments(method: RfmMethod): void {
  const bins = rfmBins(method);
  const first = new Set<number>();
  for (let r = 1; r <= bins.r; r++)
    for (let f = 1; f <= bins.f; f++) for (let m = 1; m <= bins.m; m++) first.add(segmentOf(method.segments, r, f, m));
  const kept = method.segments.filter((_, s) => first.has(s));
  method.segments = kept.length > 0 ? kept : [{ tier: (method.segments[0] as RfmSegment).tier }];
}

/**
 * What is easier to repair than to generate: category aliases that answer for
 * two values are dropped, duplicate tier labels get a suffix, tiers no rule,
 * cell or threshold reaches are removed, rfm segments shadowed by earlier ones are removed.
 */
function makeConsistent(table: GradingTable): GradingTable {
  for (const input of table.inputs) {
    const owner = new Map<string, string>();
    for (const value of input.values ?? []) owner.set(normalizeKey(value.id), value.id);
    for (const value of input.values ?? []) {
      if (value.aliases === undefined) continue;
      value.aliases = value.aliases.filter((alias) => {
        const key = normalizeKey(alias);
        const other = owner.get(key);
        if (other !== undefined && other !== value.id) return false;
        owner.set(key, value.id);
        return true;
      });
      if (value.aliases.length === 0) delete value.aliases;
    }
  }
  const method = table.method;
  const reached = new Set<string>();
  if (method.kind === 'rules') {
    method.rules.forEach((rule) => reached.add(rule.tier));
    if (method.default !== undefined) reached.add(method.default);
  } else if (method.kind === 'matrix' && method.output === 'tier') {
    method.cells.flat().forEach((cell) => reached.add(String(cell)));
  } else if (method.kind === 'rfm') {
    reachableSegments(method);
    method.segments.forEach((segment) => reached.add(segment.tier));
    if (method.default !== undefined) reached.add(method.default);
  } else {
    table.tiers.forEach((tier) => reached.add(tier.id));
  }
  table.tiers = table.tiers.filter((tier) => reached.has(tier.id));
  for (const lang of ['en', 'zh'] as const) {
    const seen = new Set<string>();
    table.tiers.forEach((tier, i) => {
      let label = tier.label[lang];
      if (label === undefined) return;
      if (seen.has(label)) label = `${label} ${i}`;
      tier.label[lang] = label;
      seen.add(label);
    });
  }
  return table;
}

/** A valid grading table using the scorecard, rules, matrix or rfm method. */
export function arbGradingTable(): fc.Arbitrary<GradingTable> {
  const methodAndInputs = (inputs: InputDef[], tiers: Tier[]): fc.Arbitrary<[Method, InputDef[]]> =>
    // One table in four is rfm, as each of the other methods.
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .oneof(arbScorecard(inputs, tiers), arbRules(inputs, tiers), arbMatrix(inputs, tiers))
          .map((method): [Method, InputDef[]] => [method, inputs]),
      },
      { weight: 1, arbitrary: fc.tuple(arbRfm(tiers), arbRfmInputs(inputs)) },
    );
  return fc.tuple(arbInputs(), arbTiers()).chain(([generated, tiers]) =>
    fc
      .record(
        {
          id: arbId(),
          name: arbLocalized(),
          description: arbLocalized(),
          category: fc.constantFrom('scorecard', 'pipeline', 'matrix', 'rfm'),
          methodAndInputs: methodAndInputs(generated, tiers),
        },
        { requiredKeys: ['id', 'name', 'methodAndInputs'] },
      )
      .map(({ methodAndInputs: [method, inputs], ...rest }): GradingTable => ({
        format: TABLE_FORMAT,
        version: TABLE_FORMAT_VERSION,
        ...rest,
        inputs,
        method,
        tiers,
      }))
      // Plain objects, as a table read from JSON is (fast-check records have a null prototype).
      .map((table) => makeConsistent(JSON.parse(JSON.stringify(table)) as GradingTable)),
  );
}
