import { compilePreset, grade } from './preset-harness';

describe('star-levels preset (grading-systems.md section 11, star levels by loyalty points)', () => {
  const compiled = compilePreset('star-levels');

  it.each([
    [10_000, 'star5', 5],
    ['1万', 'star5', 5],
    [9_999, 'star4', 4],
    [5_000, 'star4', 4],
    [2_000, 'star3', 3],
    [500, 'star2', 2],
    [499, 'star1', 1],
    [0, 'star1', 1],
  ])('given %p points then the level is %p with %p stars as the score', (loyalty_points, tier, score) => {
    expect(grade(compiled, { loyalty_points })).toMatchObject({ ok: true, tier, score });
  });

  it('given a negative balance then the row is ungraded', () => {
    expect(grade(compiled, { loyalty_points: -1 })).toEqual({ ok: false, error: { kind: 'no-match' } });
  });
});
