import { compilePreset, grade, gradeSheet, rowOf } from './preset-harness';

describe('payment-scorecard preset (grading-systems.md section 1)', () => {
  const compiled = compilePreset('payment-scorecard');

  it('reads monthly_sales and payment_days, in that order', () => {
    expect(compiled.columns.map((c) => c.id)).toEqual(['monthly_sales', 'payment_days']);
    expect(compiled.hasScore).toBe(true);
  });

  // Days 0 scores 30, so the total is the sales points + 30.
  it.each([
    [20000, 70],
    ['20,000', 70],
    [25000, 70],
    [19999.99, 50],
    [15000, 50],
    [10000.01, 50],
    [10000, 40],
    ['1万', 40],
    [9999.99, 40],
    [5000.01, 40],
    [5000, 30],
    [4999.99, 30],
    [0, 30],
    [-800, 30],
    ['1.2万', 50],
    ['¥8,000', 40],
  ])('given monthly sales %p then the sales criterion scores %p', (sales, points) => {
    expect(grade(compiled, { monthly_sales: sales, payment_days: 0 })).toMatchObject({ ok: true, score: points + 30 });
  });

  // Sales 20,000 scores 70, so the total is 70 + the payment points.
  it.each([
    [0, 30],
    [29.99, 30],
    [30, 30],
    ['30', 30],
    [30.5, 20],
    [45, 20],
    [45.01, 10],
    [60, 10],
    [60.01, 0],
    [365, 0],
  ])('given %p days to collect then the payment criterion scores %p', (days, points) => {
    expect(grade(compiled, { monthly_sales: 20000, payment_days: days })).toMatchObject({
      ok: true,
      score: 70 + points,
    });
  });

  it('given a negative number of days then the row is out of range, not graded as prompt payment', () => {
    expect(grade(compiled, { monthly_sales: 20000, payment_days: -1 })).toEqual({
      ok: false,
      error: { kind: 'out-of-range', input: 'payment_days', value: -1 },
    });
  });

  it.each([
    [{ monthly_sales: 15000, payment_days: 10 }, 80, 'A'],
    [{ monthly_sales: 20000, payment_days: 60.01 }, 70, 'B'],
    [{ monthly_sales: 15000, payment_days: 50 }, 60, 'B'],
    [{ monthly_sales: 5000, payment_days: 40 }, 50, 'C'],
    [{ monthly_sales: 5000, payment_days: 90 }, 30, 'C'],
    [{ monthly_sales: 20000, payment_days: 30 }, 100, 'A'],
  ])('given %p then the total %p gives tier %p (A >= 80, B >= 60)', (cells, score, tier) => {
    expect(grade(compiled, cells)).toMatchObject({ ok: true, score, tier });
  });

  it('given unreadable cells then each row gets a typed error naming the input', () => {
    expect(grade(compiled, { payment_days: 10 })).toEqual({
      ok: false,
      error: { kind: 'blank', input: 'monthly_sales' },
    });
    expect(grade(compiled, { monthly_sales: 'abc', payment_days: 10 })).toMatchObject({
      ok: false,
      error: { kind: 'not-a-number', input: 'monthly_sales', value: 'abc' },
    });
    expect(grade(compiled, { monthly_sales: 20000, payment_days: { error: '#N/A' } })).toMatchObject({
      ok: false,
      error: { kind: 'cell-error', input: 'payment_days', value: '#N/A' },
    });
  });

  it('happy path: a sheet with Chinese headers is graded row by row', () => {
    const sheet = [
      ['客户', '回款周期', '月均销售额'],
      ['甲公司', 35, 20000],
      ['乙公司', '45', '1.2万'],
      ['丙公司', 61, '5,000'],
      ['丁公司', null, 8000],
    ];
    expect(gradeSheet(compiled, sheet)).toEqual(['A', 'B', 'C', 'error:blank']);
  });

  it('explains a row in one line per language', () => {
    const explained = compiled.explainRow(rowOf(compiled, { monthly_sales: 20000, payment_days: 35 }));
    expect(explained.ok && explained.explanation.text).toEqual({
      zh: '月均销售额 20,000 → 70; 回款天数 35 → 20; 合计 90 ≥ 80 → A级客户',
      en: 'Monthly average sales 20,000 → 70; Days to collect 35 → 20; total 90 ≥ 80 → Grade A',
    });
  });
});
