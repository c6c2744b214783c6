import { compilePreset, tierOf } from './preset-harness';

describe('business-class preset (grading-systems.md section 11, 优质/核心/潜力/普通/低价值)', () => {
  const compiled = compilePreset('business-class');

  it.each([
    [{ annual_spend: '50万', years_as_customer: 3 }, 'premium'],
    [{ annual_spend: 500_000, years_as_customer: 2 }, 'core'],
    [{ annual_spend: 500_000 }, 'core'],
    [{ annual_spend: 100_000, years_as_customer: 5 }, 'core'],
    [{ annual_spend: 100_000, years_as_customer: 2, potential: '高' }, 'potential'],
    [{ annual_spend: 5_000, potential: 'high' }, 'potential'],
    [{ annual_spend: 20_000, potential: '中' }, 'ordinary'],
    [{ annual_spend: 19_999, years_as_customer: 10, potential: '低' }, 'low_value'],
  ])('given %p then the class is %p', (cells, tier) => {
    expect(tierOf(compiled, cells)).toBe(tier);
  });

  it('labels the classes with the source terms', () => {
    expect(compiled.tiers.map((t) => t.label.zh)).toEqual([
      '优质客户',
      '核心客户',
      '潜力客户',
      '普通客户',
      '低价值客户',
    ]);
  });
});
