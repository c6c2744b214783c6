import fc from 'fast-check';
import { compileTable, validateTable } from '../../../src/engine/compile';
import type { CompiledTable, GradeBatch } from '../../../src/engine/grader';
import { calibrateThresholds } from '../../../src/engine/grading/calibrate';
import type { GradingTable, Threshold } from '../../../src/engine/model';
import { parseSheetTable, printSheetTable } from '../../../src/engine/sheet-form';
import { checkProperty } from '../../support/property';
import { pointsScorecard } from './points-table';

const TOP_20_NEXT_30: Threshold[] = [{ tier: 'A', topShare: 0.2 }, { tier: 'B', topShare: 0.5 }, { tier: 'C' }];

function compile(table: GradingTable): CompiledTable {
  const result = compileTable(table);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

const byShare = compile(pointsScorecard(TOP_20_NEXT_30));

function tiersOf(compiled: CompiledTable, batch: GradeBatch): string[] {
  return Array.from(batch.tiers, (t, i) =>
    t >= 0 ? compiled.tiers[t]!.id : `error:${batch.errors.get(i)?.kind ?? '?'}`,
  );
}

const grade = (points: unknown[], compiled = byShare) => compiled.gradeRows(points.map((p) => [p as number]));

describe('tiers by share of customers (top 20% A, next 30% B, the rest C)', () => {
  it('given ten distinct scores, then exactly 2 are A, 3 B and 5 C, by rank', () => {
    const batch = grade([0, 90, 10, 80, 20, 70, 30, 60, 40, 50]);
    expect(tiersOf(byShare, batch)).toEqual(['C', 'A', 'C', 'A', 'C', 'B', 'C', 'B', 'C', 'B']);
    expect(Array.from(batch.scores)).toEqual([0, 90, 10, 80, 20, 70, 30, 60, 40, 50]);
  });

  it('given equal scores across the 20% cut, then they all take the tier of the first of them', () => {
    // 90 | 80 80 80 | ...: the 80s start at 10% (< 20%), so all three are A although A is then 40%.
    const batch = grade([90, 80, 80, 80, 50, 40, 30, 20, 10, 0]);
    expect(tiersOf(byShare, batch)).toEqual(['A', 'A', 'A', 'A', 'B', 'C', 'C', 'C', 'C', 'C']);
  });

  it('given rows with errors, then shares are of the graded rows only', () => {
    const batch = grade([90, 'x', 50, null, 10]);
    expect(tiersOf(byShare, batch)).toEqual(['A', 'error:not-a-number', 'B', 'error:blank', 'C']);
  });

  it('given one row alone, then it gets needs-batch; a bad row its own error', () => {
    expect(byShare.gradeRow([50])).toEqual({ ok: false, error: { kind: 'needs-batch', ranked: true } });
    expect(byShare.gradeRow(['x'])).toEqual({
      ok: false,
      error: { kind: 'not-a-number', input: 'points', value: 'x' },
    });
    expect(byShare.ranked).toBe(true);
    expect(compile(pointsScorecard([{ tier: 'A', gte: 50 }, { tier: 'B', gte: 20 }, { tier: 'C' }])).ranked).toBe(
      false,
    );
  });

  it('given a graded row, then its explanation gives the criteria, the rank and the cut in both languages', () => {
    const batch = grade([0, 90, 10, 80, 20, 70, 30, 60, 40, 50]);
    expect(batch.explain!(3)).toEqual({
      en: 'Points 80 → 80; total 80: rank 2 of 10, customers ranked above 10% < 20% → A',
      zh: '分数 80 → 80；合计 80：第 2 名（共 10），排在前面的客户占 10% < 20% → A类',
    });
    expect(batch.explain!(0)!.en).toBe('Points 0 → 0; total 0: rank 10 of 10, customers ranked above 90% ≥ 50% → C');
  });

  it('given the table printed as a sheet, then the "top" thresholds read back as the same table', () => {
    const table = pointsScorecard(TOP_20_NEXT_30);
    const cells = printSheetTable(table);
    const at = cells.findIndex((row) => row[0] === 'Thresholds / 分数线');
    expect(cells.slice(at + 2, at + 5).map((row) => row.slice(0, 3))).toEqual([
      ['A', 'top / 前', 0.2],
      ['B', 'top / 前', 0.5],
      ['C', 'otherwise / 其余', null],
    ]);
    const parsed = parseSheetTable(cells);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.table).toStrictEqual(table);
  });

  it.each([
    [
      'fixed and share bounds mixed',
      [{ tier: 'A', topShare: 0.2 }, { tier: 'B', gte: 50 }, { tier: 'C' }],
      [
        { code: 'bad-range', path: 'method.thresholds[1]', detail: { range: '{"tier":"B","gte":50}' } },
        { code: 'missing-field', path: 'method.thresholds[1].topShare', detail: { field: 'topShare' } },
      ],
    ],
    [
      'shares not rising',
      [{ tier: 'A', topShare: 0.5 }, { tier: 'B', topShare: 0.2 }, { tier: 'C' }],
      [{ code: 'thresholds-order', path: 'method.thresholds[1]', detail: { a: 0.2, b: 0.5 } }],
    ],
    [
      'a share of 0',
      [{ tier: 'A', topShare: 0 }, { tier: 'B', topShare: 0.5 }, { tier: 'C' }],
      [{ code: 'share-cut-range', path: 'method.thresholds[0].topShare', detail: { value: 0 } }],
    ],
    [
      'a middle tier without a share',
      [{ tier: 'A', topShare: 0.2 }, { tier: 'B' }, { tier: 'C' }],
      [{ code: 'missing-field', path: 'method.thresholds[1].topShare', detail: { field: 'topShare' } }],
    ],
  ])('given %s, then validation says where', (_name, thresholds, problems) => {
    expect(validateTable(pointsScorecard(thresholds as Threshold[]))).toEqual(problems);
  });
});

describe('calibrateThresholds', () => {
  it('given scores and target shares 20% / 30% / 50%, then it proposes the lowest score of each tier', () => {
    const calibration = calibrateThresholds([0, 90, 10, 80, 20, 70, 30, 60, 40, 50], ['A', 'B', 'C'], [0.2, 0.5]);
    expect(calibration).toEqual({
      thresholds: [{ tier: 'A', gte: 80 }, { tier: 'B', gte: 50 }, { tier: 'C' }],
      shares: [0.2, 0.3, 0.5],
      scored: 10,
    });
  });

  it('given ties that swallow a tier, then the empty tier gets a bound between its neighbours', () => {
    const calibration = calibrateThresholds([90, 90, 90, 90, 10, NaN], ['A', 'B', 'C'], [0.5, 0.6]);
    // The 90s start at 0% (A, 80% of rows); 10 starts at 80% (>= 60%: C); B is empty.
    expect(calibration).toEqual({
      thresholds: [{ tier: 'A', gte: 90 }, { tier: 'B', gte: 50 }, { tier: 'C' }],
      shares: [0.8, 0, 0.2],
      scored: 5,
    });
  });

  it('property: graded with the proposed fixed thresholds, the same data gets the share-based tiers', () => {
    const fixedOf = (thresholds: Threshold[]) => compile(pointsScorecard(thresholds));
    checkProperty(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 49 }),
        fc.integer({ min: 1, max: 49 }),
        (points, a, b) => {
          const cuts = [a / 100, (a + b) / 100];
          const shared = compile(
            pointsScorecard([{ tier: 'A', topShare: cuts[0] }, { tier: 'B', topShare: cuts[1] }, { tier: 'C' }]),
          );
          const expected = grade(points, shared);
          const calibration = calibrateThresholds(expected.scores, ['A', 'B', 'C'], cuts);
          const fixed = fixedOf(calibration.thresholds);
          expect(Array.from(grade(points, fixed).tiers)).toEqual(Array.from(expected.tiers));
          expect(calibration.shares.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
        },
      ),
    );
  });
});
