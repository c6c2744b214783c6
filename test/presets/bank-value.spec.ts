import { compilePreset, grade } from './preset-harness';

describe('bank-value preset (grading-systems.md section 11, bank value)', () => {
  const compiled = compilePreset('bank-value');

  it.each([
    [1_000_000, 40],
    [999_999, 25],
    [200_000, 25],
    [199_999, 10],
    [50_000, 10],
    [49_999, 0],
    [-100, 0],
  ])('given deposits %p then they score %p', (deposits, score) => {
    expect(grade(compiled, { deposits })).toMatchObject({ ok: true, score });
  });

  it.each([
    [{ deposits: '100万' }, 40, 'mid'],
    [{ deposits: 1_000_000, loans: 100_000 }, 60, 'high'],
    [{ deposits: 999_999, wealth: 500_000 }, 55, 'mid'],
    [{ deposits: 50_000, loans: 1, wealth: 99_999 }, 30, 'mid'],
    [{ deposits: 49_999, loans: 0, wealth: 0 }, 0, 'low'],
    [{ deposits: '200,000', loans: '¥1,000,000', wealth: '10万' }, 75, 'high'],
  ])('given balances %p then the value score is %p (%p; high >= 60, mid >= 30)', (cells, score, tier) => {
    expect(grade(compiled, cells)).toMatchObject({ ok: true, score, tier });
  });

  it('given no balances at all then blanks count as none: 0 points, low value', () => {
    expect(grade(compiled, {})).toMatchObject({ ok: true, score: 0, tier: 'low' });
  });
});
