import fc from 'fast-check';
import { checkProperty } from '../support/property';
import { compileTable } from '../../src/engine/compile';
import type { GradingTable, NumericRange } from '../../src/engine';
import { nextDown } from '../../src/engine/grading/bands';
import { tiers } from './fixtures';

/**
 * The block kernels (unrolled band scans, the fused total -> tier pass, bulk
 * copies out of a block) against a reference written from the table's text:
 * every row's score, tier and error must match, on columns of doubles and on
 * rows of cells, for 1 to 6 bands with every mix of open and closed ends and
 * values on, just below and just above every end.
 */

/** Contiguous bands over sorted cut points; each cut is closed on one side chosen at random. */
function bandsFrom(cuts: number[], closedBelow: boolean[], bottomOpen: boolean, topOpen: boolean): NumericRange[] {
  const ranges: NumericRange[] = [];
  for (let k = 0; k <= cuts.length; k++) {
    const range: NumericRange = {};
    if (k > 0) {
      if (closedBelow[k - 1]) range.gte = cuts[k - 1]!;
      else range.gt = cuts[k - 1]!;
    } else if (!bottomOpen) range.gte = -1000;
    if (k < cuts.length) {
      if (closedBelow[k]) range.lt = cuts[k]!;
      else range.lte = cuts[k]!;
    } else if (!topOpen) range.lte = 1000;
    ranges.push(range);
  }
  return ranges;
}

function inRange(v: number, r: NumericRange): boolean {
  return (
    (r.gte === undefined || v >= r.gte) &&
    (r.gt === undefined || v > r.gt) &&
    (r.lte === undefined || v <= r.lte) &&
    (r.lt === undefined || v < r.lt)
  );
}

interface Case {
  criteria: Array<{ ranges: NumericRange[]; points: number[]; order: number[] }>;
  bounds: [number, number];
  rows: number[][];
}

const arbCriterion = fc
  .uniqueArray(fc.integer({ min: -900, max: 900 }), { minLength: 0, maxLength: 5 })
  .chain((raw) => {
    const cuts = [...raw].sort((a, b) => a - b);
    return fc.record({
      cuts: fc.constant(cuts),
      closedBelow: fc.array(fc.boolean(), { minLength: cuts.length, maxLength: cuts.length }),
      bottomOpen: fc.boolean(),
      topOpen: fc.boolean(),
      points: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: cuts.length + 1, maxLength: cuts.length + 1 }),
      shuffle: fc.array(fc.nat(), { minLength: cuts.length + 1, maxLength: cuts.length + 1 }),
    });
  });

/** Values on every edge, the doubles beside them, beyond the ends, and non-finite ones. */
function edgeValues(ranges: NumericRange[]): number[] {
  const ends = ranges.flatMap((r) => [r.gte, r.gt, r.lte, r.lt]).filter((e): e is number => e !== undefined);
  return [...ends.flatMap((e) => [e, nextDown(e), -nextDown(-e)]), -1e9, 1e9, 0, Number.NaN, Infinity, -Infinity];
}

const arbCase: fc.Arbitrary<Case> = fc
  .record({
    criteria: fc.array(arbCriterion, { minLength: 1, maxLength: 3 }),
    lower: fc.integer({ min: 0, max: 60 }),
    gap: fc.integer({ min: 1, max: 60 }),
    picks: fc.array(fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 300 }),
  })
  .map(({ criteria, lower, gap, picks }) => {
    const built = criteria.map((c) => {
      const ranges = bandsFrom(c.cuts, c.closedBelow, c.bottomOpen, c.topOpen);
      // Bands listed in any order: the kernel must sort them.
      const order = ranges.map((_r, k) => k).sort((a, b) => c.shuffle[a]! - c.shuffle[b]! || a - b);
      return { ranges, points: c.points, order };
    });
    const edges = built.map((c) => edgeValues(c.ranges));
    const rows = picks.map((pick) => built.map((_c, i) => edges[i]![pick[i % 3]! % edges[i]!.length]!));
    return { criteria: built, bounds: [lower + gap, lower] as [number, number], rows };
  });

function tableOf(c: Case): GradingTable {
  return {
    format: 'tierwise/grading-table',
    version: 1,
    id: 'kernel-check',
    name: { en: 'Kernel check' },
    inputs: c.criteria.map((_c, i) => ({ id: `x${i}`, type: 'number' as const, label: { en: `x${i}` } })),
    method: {
      kind: 'scorecard',
      criteria: c.criteria.map((crit, i) => ({
        id: `c${i}`,
        input: `x${i}`,
        bands: crit.order.map((k) => ({ match: { range: crit.ranges[k]! }, points: crit.points[k]! })),
      })),
      thresholds: [{ tier: 'A', gte: c.bounds[0] }, { tier: 'B', gt: c.bounds[1] }, { tier: 'C' }],
    },
    tiers: tiers('A', 'B', 'C'),
  };
}

/** The expected outcome of a row, read straight off the table's bands and thresholds. */
function reference(c: Case, row: number[]): { score: number; tier: number; error?: string } {
  let total = 0;
  for (let i = 0; i < c.criteria.length; i++) {
    const v = row[i]!;
    const { ranges, points } = c.criteria[i]!;
    if (!Number.isFinite(v)) return { score: Number.NaN, tier: -1, error: 'not finite' };
    const band = ranges.findIndex((r) => inRange(v, r));
    if (band < 0) return { score: Number.NaN, tier: -1, error: 'out-of-range' };
    total += points[band]!;
  }
  return { score: total, tier: total >= c.bounds[0] ? 0 : total > c.bounds[1] ? 1 : 2 };
}

describe('grading kernels', () => {
  it('given scorecards of 1 to 6 bands per criterion, then columns and rows grade every edge value as the bands say', () => {
    checkProperty(
      fc.property(arbCase, (c) => {
        const result = compileTable(tableOf(c));
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        const table = result.compiled;
        const columns = c.criteria.map((_c, i) => Float64Array.from(c.rows, (row) => row[i]!));
        for (const batch of [table.gradeColumns(columns), table.gradeRows(c.rows)]) {
          c.rows.forEach((row, r) => {
            const want = reference(c, row);
            const error = batch.errors.get(r);
            expect({ r, error: error !== undefined }).toEqual({ r, error: want.error !== undefined });
            expect(batch.tiers[r]).toBe(want.tier);
            expect(batch.scores[r]).toBe(want.score);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('given more rows than one block, then rows after the first block keep their own scores, tiers and errors', () => {
    const c: Case = {
      criteria: [
        {
          ranges: bandsFrom([10, 20, 30], [true, false, true], false, true),
          points: [1, 2, 3, 4],
          order: [3, 2, 1, 0],
        },
      ],
      bounds: [4, 2],
      rows: Array.from({ length: 5000 }, (_v, r) => [r % 7 === 0 ? -2000 : (r * 37) % 41]),
    };
    const result = compileTable(tableOf(c));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const batch = result.compiled.gradeColumns([Float64Array.from(c.rows, (row) => row[0]!)]);
    const expected = c.rows.map((row) => reference(c, row));
    expect(Array.from(batch.scores)).toEqual(expected.map((e) => e.score));
    expect(Array.from(batch.tiers)).toEqual(expected.map((e) => e.tier));
    expect([...batch.errors.keys()]).toEqual(expected.flatMap((e, r) => (e.error ? [r] : [])));
  });
});
