import { compilePreset, tierOf } from './preset-harness';

describe('importance-3 preset (grading-systems.md section 11, 重要/核心/普通)', () => {
  const compiled = compilePreset('importance-3');

  it.each([
    ['100万', 'key'],
    [1_000_000, 'key'],
    [999_999, 'core'],
    ['20万', 'core'],
    [199_999.99, 'ordinary'],
    [0, 'ordinary'],
  ])('given annual sales %p then the level is %p', (annual_sales, tier) => {
    expect(tierOf(compiled, { annual_sales })).toBe(tier);
  });

  it('labels the levels with the source terms', () => {
    expect(compiled.tiers.map((t) => t.label.zh)).toEqual(['重要客户', '核心客户', '普通客户']);
  });

  it('given no sales then the row is a blank error, not an ordinary customer', () => {
    expect(tierOf(compiled, {})).toBe('error:blank');
  });
});
