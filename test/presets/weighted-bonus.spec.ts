import { compilePreset, grade, rowOf } from './preset-harness';

describe('weighted-bonus preset (grading-systems.md section 2)', () => {
  const compiled = compilePreset('weighted-bonus');

  it("reproduces the source's worked example: (90 x 50% + 70 x 50%) x 1.05 = 84", () => {
    const row = {
      historical_sales: '150万',
      expected_sales: '400万',
      margin_below_requirement: '是',
      two_year_share_reached: '是',
    };
    expect(grade(compiled, row)).toMatchObject({ ok: true, score: 84, tier: 'A' });
    const explained = compiled.explainRow(rowOf(compiled, row));
    if (!explained.ok) throw new Error('expected a graded row');
    const points = explained.explanation.steps.flatMap((s) =>
      s.kind === 'criterion' ? [[s.criterion, s.points]] : [],
    );
    // 400万 scores 90 on the bands and 90 - 20 = 70 once the low margin is counted.
    expect(points).toEqual([
      ['historical', 90],
      ['expected', 90],
      ['margin', -20],
    ]);
    expect(explained.explanation.steps).toContainEqual({
      kind: 'multiplier',
      id: 'bonus',
      factor: 1.05,
      applied: true,
    });
  });

  it('given no bonus then the factor is 1.0: (90 + 70) / 2 = 80', () => {
    expect(
      grade(compiled, { historical_sales: 1_500_000, expected_sales: 4_000_000, margin_below_requirement: true }),
    ).toMatchObject({ ok: true, score: 80, tier: 'A' });
  });

  it('given a margin that meets the requirement then 400万 keeps its 90: (90 + 90) / 2 x 1.05 = 94.5', () => {
    expect(
      grade(compiled, {
        historical_sales: 1_500_000,
        expected_sales: 4_000_000,
        margin_below_requirement: '否',
        two_year_share_reached: 'yes',
      }),
    ).toMatchObject({ ok: true, score: 94.5, tier: 'A' });
  });

  it.each([
    [5_000_000, 100],
    [4_999_999, 90],
    [1_000_000, 90],
    [999_999, 80],
    [500_000, 80],
    [499_999, 70],
    [200_000, 70],
    [199_999, 60],
    [0, 60],
  ])('given both periods at %p CNY then each scores %p (lower band ends inclusive)', (sales, points) => {
    expect(grade(compiled, { historical_sales: sales, expected_sales: sales })).toMatchObject({
      ok: true,
      score: points,
    });
  });

  it.each([
    [{ historical_sales: 500_000, expected_sales: 200_000 }, 75, 'B'],
    [{ historical_sales: 200_000, expected_sales: 200_000 }, 70, 'B'],
    [{ historical_sales: 200_000, expected_sales: 0 }, 65, 'C'],
    [{ historical_sales: 0, expected_sales: 0 }, 60, 'C'],
    [{ historical_sales: 0, expected_sales: 0, margin_below_requirement: 'Y' }, 50, 'D'],
    [{ historical_sales: 1_000_000, expected_sales: 500_000, two_year_share_reached: '否' }, 85, 'A'],
  ])('given %p then the score %p gives grade %p (A >= 80, B >= 70, C >= 60)', (cells, score, tier) => {
    expect(grade(compiled, cells)).toMatchObject({ ok: true, score, tier });
  });

  it('given a bonus flag that is not yes/no then the row names the input', () => {
    expect(grade(compiled, { historical_sales: 1, expected_sales: 1, two_year_share_reached: 'maybe' })).toMatchObject({
      ok: false,
      error: { kind: 'not-a-boolean', input: 'two_year_share_reached' },
    });
  });
});
