import { compilePreset, grade, gradeSheet, tierOf } from './preset-harness';

describe('order-volume preset (grading-systems.md section 4)', () => {
  const compiled = compilePreset('order-volume');

  it.each([
    [6, 100_001, 'A'],
    [6, '10万', 'B'],
    [5, 100_001, 'error:no-match'],
    [4, 100_000, 'B'],
    [4, 10_000, 'B'],
    ['20', '50,000', 'B'],
    [4, 9_999, 'error:no-match'],
    [3, 9_999, 'C'],
    [1, 0, 'C'],
    [3, 10_000, 'error:no-match'],
    [0, 0, 'error:no-match'],
    [2, 500_000, 'error:no-match'],
  ])('given %p orders and volume %p then the result is %p', (orders, volume, expected) => {
    expect(tierOf(compiled, { order_count: orders, volume })).toBe(expected);
  });

  it('given a customer matching none of A/B/C then it is ungraded with no-match, never a silent C', () => {
    expect(grade(compiled, { order_count: 5, volume: 200_000 })).toEqual({ ok: false, error: { kind: 'no-match' } });
  });

  it('carries the process class without changing the grade, Chinese or English', () => {
    expect(tierOf(compiled, { order_count: 6, volume: 200_000, process: '曾经有过交易' })).toBe('A');
    expect(tierOf(compiled, { order_count: 6, volume: 200_000, process: '正在进行交易' })).toBe('A');
    expect(tierOf(compiled, { order_count: 6, volume: 200_000, process: 'upcoming' })).toBe('A');
    expect(tierOf(compiled, { order_count: 6, volume: 200_000, process: null })).toBe('A');
  });

  it('given a process class outside the list then the row names the allowed values', () => {
    expect(grade(compiled, { order_count: 6, volume: 200_000, process: '已倒闭' })).toMatchObject({
      ok: false,
      error: { kind: 'unknown-category', input: 'process', value: '已倒闭' },
    });
  });

  it('happy path: a sheet with Chinese headers', () => {
    const sheet = [
      ['客户', '累计订单数', '累计数量', '交易进程'],
      ['甲', 12, '25万', '正在进行交易'],
      ['乙', 4, '8.5万', '即将进行交易'],
      ['丙', 2, 3000, '曾经有过交易'],
      ['丁', 5, 300000, '正在进行交易'],
    ];
    expect(gradeSheet(compiled, sheet)).toEqual(['A', 'B', 'C', 'error:no-match']);
  });
});
