import { compilePreset, tierOf } from './preset-harness';

describe('value-potential preset (grading-systems.md section 10)', () => {
  const compiled = compilePreset('value-potential');

  it.each([
    [5000.01, '高', 'A'],
    [8000, '低', 'A'],
    [5000, '高', 'B'],
    [5000, '中', 'B'],
    [5000, '低', 'C'],
    [500.01, 'medium', 'B'],
    [500, '高潜力', 'B'],
    [500, '中', 'C'],
    [0, 'low', 'C'],
  ])('given spend per order %p and potential %p then the tier is %p', (order_value, potential, tier) => {
    expect(tierOf(compiled, { order_value, potential })).toBe(tier);
  });

  it("sets A's target share to the source's 20%", () => {
    expect(compiled.tiers.map((t) => t.targetShare)).toEqual([0.2, undefined, undefined]);
  });
});
