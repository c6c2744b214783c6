import fc from 'fast-check';
import { checkProperty } from '../support/property';
import { seededRandom } from '../support/seeded-random';
import { compileTable } from '../../src/engine/compile';
import type { CompiledTable, GradeBatch, GradingTable, NumericRange } from '../../src/engine';
import type { Cell } from '../../src/engine/values/cell';
import { nextDown } from '../../src/engine/grading/bands';
import { kindInput, numberInputs, tiers } from './fixtures';

/**
 * Columns of doubles read in place without a finiteness scan: a plain
 * scorecard's fused pass checks the values itself and sends a block holding
 * NaN or ±Infinity back to be decoded. Against each row explained alone (the
 * per-cell path), on random plain scorecards whose outer bands are open (so
 * ±Infinity would land in a band if unchecked) or closed, with non-finite
 * values rare or common, a category input before or after the numbers with
 * its criterion first or last (rows failing on an earlier or a later input
 * before the fused pass, or no fused pass), -0, band ends and the doubles
 * beside them, in batches of 1 to 4,097 rows.
 */

const nextUp = (x: number): number => -nextDown(-x);
const NON_FINITE = [NaN, Infinity, -Infinity];

interface Criterion {
  cuts: number[];
  openBelow: boolean;
  openAbove: boolean;
  required: boolean;
  weight: number;
}

interface Case {
  criteria: Criterion[];
  /** -1: no category input; 0: before the numbers; 1: after them. */
  category: -1 | 0 | 1;
  /** Whether the category's criterion comes first (the numbers' criteria then end the table, fused). */
  categoryCriterionFirst: boolean;
  count: number;
  /** Share of non-finite cells: NaN or ±Infinity, ±Infinity only, or +Infinity only. */
  nonFinite: number;
  nonFiniteKinds: 'all' | 'infinities' | 'plus-infinity';
  /** The last number input given as an array of cells: rows fail while decoding beside columns read unchecked. */
  lastAsCells: boolean;
  /** Values outside every band now and then (rows scored exactly), or never. */
  outside: boolean;
  seed: number;
}

function rangesOf(c: Criterion): NumericRange[] {
  // Cut j belongs to the band above it when j is even, else to the band below.
  return Array.from({ length: c.cuts.length + 1 }, (_v, k) => {
    const range: NumericRange = {};
    if (k > 0) {
      if ((k - 1) % 2 === 0) range.gte = c.cuts[k - 1]!;
      else range.gt = c.cuts[k - 1]!;
    } else if (!c.openBelow) range.gte = -1000;
    if (k < c.cuts.length) {
      if (k % 2 === 0) range.lt = c.cuts[k]!;
      else range.lte = c.cuts[k]!;
    } else if (!c.openAbove) range.lte = 1000;
    return range;
  });
}

function tableOf(c: Case): GradingTable {
  const numbers = numberInputs(c.criteria);
  const category = kindInput(['a', 'b'], true);
  const criteria = c.criteria.map((n, i) => ({
    id: `c${i}`,
    input: `x${i}`,
    weight: n.weight,
    ...(n.required ? {} : { blankPoints: 2 }),
    bands: rangesOf(n).map((range, k) => ({ match: { range }, points: (k * 5 + i) % 9 })),
  }));
  const kindCriterion = {
    id: 'ck',
    input: 'kind',
    bands: [
      { match: { values: ['a'] }, points: 3 },
      { match: { values: ['b'] }, points: 0 },
    ],
  };
  return {
    format: 'tierwise/grading-table',
    version: 1,
    id: 'unchecked-doubles',
    name: { en: 'Unchecked doubles' },
    inputs: c.category === 0 ? [category, ...numbers] : c.category === 1 ? [...numbers, category] : numbers,
    method: {
      kind: 'scorecard',
      criteria:
        c.category < 0
          ? criteria
          : c.categoryCriterionFirst
            ? [kindCriterion, ...criteria]
            : [...criteria, kindCriterion],
      thresholds: [{ tier: 'A', gte: 10 }, { tier: 'B', gt: 4 }, { tier: 'C' }],
    } as never,
    tiers: tiers('A', 'B', 'C'),
  };
}

/** Columns as given to gradeColumns: doubles for the numbers, cells for the category (now and then an unknown one). */
function columnsOf(c: Case, table: GradingTable): Array<Float64Array | Cell[]> {
  const random = seededRandom(c.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  return table.inputs.map((input) => {
    if (input.type === 'category')
      return Array.from({ length: c.count }, () => (random() < 0.01 ? 'z' : pick(['a', 'b'])));
    const criterion = c.criteria[Number(input.id.slice(1))]!;
    const edges = [-1000, 1000, ...criterion.cuts].flatMap((e) => [e, nextDown(e), nextUp(e)]).concat(-0, 0);
    const nonFinite = NON_FINITE.slice(
      c.nonFiniteKinds === 'all' ? 0 : 1,
      c.nonFiniteKinds === 'plus-infinity' ? 2 : 3,
    );
    const [low, high] = c.outside ? [-1200, 1200] : [-1000, 1000];
    const inside = edges.filter((e) => e >= low && e <= high);
    const doubles = Float64Array.from({ length: c.count }, () =>
      random() < c.nonFinite ? pick(nonFinite) : random() < 0.5 ? pick(inside) : low + random() * (high - low),
    );
    // The last number column as cells, now and then a text (the row fails while decoding) or a blank.
    if (!c.lastAsCells || input.id !== `x${c.criteria.length - 1}`) return doubles;
    return Array.from(doubles, (v): Cell => (random() < 0.02 ? pick(['abc', null]) : v));
  });
}

/** Each row's outcome as the per-cell path gives it: the row explained alone. */
function explained(table: CompiledTable, columns: ArrayLike<Cell>[], count: number) {
  const outcomes = Array.from({ length: count }, (_v, r) => table.explainRow(columns.map((column) => column[r])));
  return {
    tiers: outcomes.map((one) => (one.ok ? one.tierIndex : -1)),
    scores: outcomes.map((one) => (one.ok ? (one.score ?? NaN) : NaN)),
    zeros: outcomes.map((one) => one.ok && Object.is(one.score, 0)),
    errors: outcomes.flatMap((one, r) => (one.ok ? [] : [[r, one.error]])),
  };
}

function outcomesOf(batch: GradeBatch) {
  return {
    tiers: Array.from(batch.tiers),
    scores: Array.from(batch.scores),
    zeros: Array.from(batch.scores, (s) => Object.is(s, 0)),
    errors: [...batch.errors],
  };
}

const arbCriterion: fc.Arbitrary<Criterion> = fc.record({
  cuts: fc
    .uniqueArray(fc.integer({ min: -900, max: 900 }), { minLength: 0, maxLength: 3 })
    .map((cuts) => [...cuts].sort((a, b) => a - b)),
  // Open outer ends often: there ±Infinity lands in a band unless checked.
  openBelow: fc.constantFrom(true, true, false),
  openAbove: fc.constantFrom(true, true, false),
  required: fc.boolean(),
  weight: fc.constantFrom(1, 2, -1),
});

const arbCase: fc.Arbitrary<Case> = fc.record({
  // Two number criteria and nothing before them: the fused pass that checks the values it reads.
  criteria: fc.oneof(
    { weight: 2, arbitrary: fc.array(arbCriterion, { minLength: 2, maxLength: 2 }) },
    { weight: 1, arbitrary: fc.array(arbCriterion, { minLength: 1, maxLength: 3 }) },
  ),
  category: fc.constantFrom(-1 as const, -1 as const, -1 as const, 0 as const, 1 as const),
  lastAsCells: fc.boolean(),
  // With the category's input after the numbers and its criterion first, a row can fail on a later input.
  categoryCriterionFirst: fc.boolean(),
  count: fc.oneof(fc.constantFrom(1, 2, 2047, 2048, 2049, 4097), fc.integer({ min: 0, max: 300 })),
  nonFinite: fc.constantFrom(0, 0.0003, 0.01, 0.3),
  // NaN and -Infinity always score NaN; +Infinity alone is what a missing check lets through an open top.
  nonFiniteKinds: fc.constantFrom(
    'all' as const,
    'infinities' as const,
    'plus-infinity' as const,
    'plus-infinity' as const,
  ),
  outside: fc.boolean(),
  seed: fc.nat(),
});

describe('columns of doubles read in place unchecked', () => {
  it('given random plain scorecards and doubles with NaN and ±Infinity, then every row grades as explained alone', () => {
    checkProperty(
      fc.property(arbCase, (c) => {
        const definition = tableOf(c);
        const result = compileTable(definition);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        const table = result.compiled;
        const columns = columnsOf(c, definition);
        const before = columns.map((column) => Array.from(column));
        const expected = explained(table, columns, c.count);
        expect(outcomesOf(table.gradeColumns(columns))).toEqual(expected);
        // The same columns again into that batch, and the caller's columns left as given.
        const first = table.gradeColumns(columns);
        expect(outcomesOf(table.gradeColumns(columns, undefined, { into: first }))).toEqual(expected);
        expect(columns.map((column) => Array.from(column))).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it('given ±Infinity inside open outer bands, then those rows fail as not a number, in every block', () => {
    const result = compileTable(
      tableOf({
        criteria: [
          { cuts: [0], openBelow: true, openAbove: true, required: true, weight: 1 },
          { cuts: [], openBelow: true, openAbove: true, required: true, weight: 1 },
        ],
        category: -1,
        categoryCriterionFirst: false,
        count: 0,
        nonFinite: 0,
        nonFiniteKinds: 'all',
        lastAsCells: false,
        outside: false,
        seed: 0,
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const values = new Float64Array(4097).fill(5);
    for (const [r, v] of [
      [0, Infinity],
      [2047, -Infinity],
      [2048, Infinity],
      [4096, -Infinity],
    ] as const)
      values[r] = v;
    const batch = result.compiled.gradeColumns([values, new Float64Array(4097).fill(1)]);
    expect([...batch.errors].map(([r, error]) => [r, error.kind])).toEqual([
      [0, 'not-a-number'],
      [2047, 'not-a-number'],
      [2048, 'not-a-number'],
      [4096, 'not-a-number'],
    ]);
    expect(Array.from(batch.tiers).filter((t) => t !== -1).length).toBe(4093);
  });
});
