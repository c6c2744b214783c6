import { compilePreset, tierOf } from './preset-harness';

describe('spend-abcd preset (grading-systems.md section 11, D = long inactive)', () => {
  const compiled = compilePreset('spend-abcd');

  it.each([
    [100_000, 10, 'A'],
    [99_999, 10, 'B'],
    ['2万', 365, 'B'],
    [19_999, 0, 'C'],
    [500_000, 366, 'D'],
    [0, 1_000, 'D'],
  ])('given spend %p and %p days since the last purchase then the tier is %p', (annual_spend, days, tier) => {
    expect(tierOf(compiled, { annual_spend, days_since_last_purchase: days })).toBe(tier);
  });
});
