import { compileTable } from '../../src/engine/compile';
import { mapColumns } from '../../src/engine/columns';
import { formatGradeError } from '../../src/engine/messages';
import { mergeSummaries, summarize } from '../../src/engine/summary';
import type { GradeError } from '../../src/engine/errors';
import { paymentScorecard } from './fixtures';

const compiled = (() => {
  const r = compileTable({
    ...paymentScorecard,
    tiers: paymentScorecard.tiers.map((t, i) => ({ ...t, targetShare: [0.2, 0.3, 0.5][i] })),
  });
  if (!r.ok) throw new Error('invalid');
  return r.compiled;
})();

describe('mapColumns', () => {
  it('happy path: Chinese headers map through aliases, in any order and with extra columns', () => {
    const m = mapColumns(compiled.columns, ['客户名称', '回款天数', '月均销售额']);
    expect(Array.from(m.map)).toEqual([2, 1]);
    expect(m.unmapped).toEqual([]);
    expect(m.matched).toEqual([
      { input: 'monthly_sales', header: '月均销售额', column: 2, by: 'alias' },
      { input: 'payment_days', header: '回款天数', column: 1, by: 'alias' },
    ]);
  });

  it('given headers differing in case, spaces, underscores and width, then they still match', () => {
    expect(Array.from(mapColumns(compiled.columns, ['Monthly Sales', 'ＰＡＹＭＥＮＴ＿ＤＡＹＳ']).map)).toEqual([0, 1]);
    expect(Array.from(mapColumns(compiled.columns, [' 月均 销售额 ', 'payment-days']).map)).toEqual([0, 1]);
  });

  it('given a header equal to the input id, then it wins over an alias elsewhere', () => {
    expect(Array.from(mapColumns(compiled.columns, ['月均销售额', 'monthly_sales', '回款天数']).map)).toEqual([1, 2]);
  });

  it('given overrides, then they are used, and an override naming no header is reported', () => {
    const m = mapColumns(compiled.columns, ['Sales 2024', 'Days'], {
      monthly_sales: 'sales 2024',
      payment_days: 'Collect days',
    });
    expect(Array.from(m.map)).toEqual([0, -1]);
    expect(m.badOverrides).toEqual([{ input: 'payment_days', header: 'Collect days' }]);
    expect(m.missingRequired).toEqual(['payment_days']);
  });

  it('given a missing column, then the required input is listed, never silently read as blank', () => {
    const m = mapColumns(compiled.columns, ['月均销售额', null, '']);
    expect(m.missingRequired).toEqual(['payment_days']);
  });
});

describe('summarize', () => {
  it('counts tiers against target shares and sums a value column per tier', () => {
    const batch = compiled.gradeRows([
      [30000, 10],
      [30000, 40],
      [12000, 50],
      [100, 90],
      ['bad', 1],
    ]);
    const s = summarize(compiled, batch, [300, 200, 100, 400, 999]);
    expect(s).toMatchObject({ total: 5, graded: 4, ungraded: 1, valueTotal: 1000 });
    expect(s.tiers).toEqual([
      { id: 'A', count: 2, share: 0.5, targetShare: 0.2, valueSum: 500, valueShare: 0.5 },
      { id: 'B', count: 1, share: 0.25, targetShare: 0.3, valueSum: 100, valueShare: 0.1 },
      { id: 'C', count: 1, share: 0.25, targetShare: 0.5, valueSum: 400, valueShare: 0.4 },
    ]);
  });

  it('given chunks, then merged summaries equal the summary of the whole', () => {
    const rows = [
      [30000, 10],
      [30000, 40],
      [12000, 50],
      [100, 90],
      ['bad', 1],
    ];
    const whole = summarize(compiled, compiled.gradeRows(rows), [1, 2, 3, 4, 5]);
    const merged = mergeSummaries(
      summarize(compiled, compiled.gradeRows(rows.slice(0, 2)), [1, 2]),
      summarize(compiled, compiled.gradeRows(rows.slice(2)), [3, 4, 5]),
    );
    expect(merged).toEqual(whole);
  });
});

describe('formatGradeError', () => {
  const cases: Array<[GradeError, string, string]> = [
    [
      { kind: 'not-a-number', input: 'payment_days', value: '3O' },
      "payment_days: '3O' is not a number",
      'payment_days：“3O”不是数字',
    ],
    [{ kind: 'blank', input: 'monthly_sales' }, 'monthly_sales: the cell is empty', 'monthly_sales：单元格为空'],
    [
      { kind: 'no-match' },
      'ungraded: no rule matched and the table has no default tier',
      '未分级：没有匹配的规则，且分级表没有默认等级',
    ],
    [
      { kind: 'unknown-category', input: 'need', value: 'maybe', allowed: ['clear', 'latent'] },
      "need: 'maybe' is not one of clear, latent",
      'need：“maybe”不在可选值 clear, latent 之中',
    ],
    [
      { kind: 'not-a-date', input: 'since', value: '03/04/2024', ambiguous: true },
      "since: '03/04/2024' could be day/month or month/day; write it as 2024-03-15",
      'since：“03/04/2024”无法判断是日/月还是月/日，请写成 2024-03-15',
    ],
  ];
  it.each(cases)('words %j in both languages', (error, en, zh) => {
    expect(formatGradeError(error, 'en-US')).toBe(en);
    expect(formatGradeError(error, 'zh-CN')).toBe(zh);
  });

  it('names inputs as the user knows them when asked', () => {
    expect(formatGradeError({ kind: 'blank', input: 'payment_days' }, 'zh-CN', () => '回款天数')).toBe(
      '回款天数：单元格为空',
    );
  });
});
