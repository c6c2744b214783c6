import { compilePreset, grade, tierOf } from './preset-harness';

describe('potential-time-amount preset (grading-systems.md section 6)', () => {
  const compiled = compilePreset('potential-time-amount');

  it.each([
    [100_000, 'A'],
    ['10万', 'A'],
    [99_999.99, 'B'],
    [50_000, 'B'],
    [49_999, 'C'],
    [20_000, 'C'],
    [19_999, 'D'],
    [0, 'D'],
  ])('given only the monthly amount %p then the grade is %p', (amount, tier) => {
    expect(tierOf(compiled, { monthly_amount: amount })).toBe(tier);
  });

  it.each([
    [0, 'A'],
    [3, 'A'],
    [3.5, 'B'],
    [4, 'B'],
    [6, 'B'],
    [7, 'C'],
    [12, 'C'],
    [12.5, 'D'],
    [24, 'D'],
  ])('given only %p months to close then the grade is %p', (months, tier) => {
    expect(tierOf(compiled, { months_to_close: months })).toBe(tier);
  });

  it('a short time to close lifts the grade, and the higher grade wins', () => {
    expect(tierOf(compiled, { months_to_close: 2, monthly_amount: 10_000 })).toBe('A');
    expect(tierOf(compiled, { months_to_close: 5, monthly_amount: 30_000 })).toBe('B');
    expect(tierOf(compiled, { months_to_close: 24, monthly_amount: 60_000 })).toBe('B');
    expect(tierOf(compiled, { months_to_close: 10, monthly_amount: 150_000 })).toBe('A');
  });

  it('given neither time nor amount then the row is ungraded', () => {
    expect(grade(compiled, {})).toEqual({ ok: false, error: { kind: 'no-match' } });
  });
});
