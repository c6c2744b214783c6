import { compilePreset, tierOf } from './preset-harness';

describe('lifecycle preset (grading-systems.md section 11, lifecycle)', () => {
  const compiled = compilePreset('lifecycle');

  it.each([
    [{ order_count: 0 }, 'potential'],
    [{ order_count: 3, days_since_first_purchase: 400, days_since_last_purchase: 366 }, 'churned'],
    [{ order_count: 20, days_since_first_purchase: 1_000, days_since_last_purchase: 400 }, 'churned'],
    [{ order_count: 1, days_since_first_purchase: 90, days_since_last_purchase: 90 }, 'new'],
    [{ order_count: 10, days_since_first_purchase: 91, days_since_last_purchase: 365 }, 'loyal'],
    [{ order_count: 9, days_since_first_purchase: 200, days_since_last_purchase: 30 }, 'active'],
    [{ order_count: 9 }, 'active'],
  ])('given %p then the stage is %p', (cells, tier) => {
    expect(tierOf(compiled, cells)).toBe(tier);
  });
});
