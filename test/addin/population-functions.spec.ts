import type { Locale } from '../../src/engine';
import type { ExcelErrorCode } from '../../src/excel/error-mapping';
import type { FunctionsContext } from '../../src/functions/context';
import { TableCache } from '../../src/functions/table-cache';
import { tierScore } from '../../src/functions/tier-score';

function context(locale: Locale = 'en-US'): FunctionsContext {
  return {
    makeError: (code: ExcelErrorCode, message: string) => ({ code, message }),
    locale,
    cache: new TableCache(),
  };
}

const ABC = [['abc']];

describe('TIER_SCORE with the abc preset (ranked against the column)', () => {
  it('given the whole column (spilled form), then every row gets its ABC tier', () => {
    const values = [[50], [30], [20], [-1]];
    expect(tierScore(context(), { values, table: ABC })).toEqual([
      ['A'],
      ['A'],
      ['B'],
      [
        {
          code: 'invalidValue',
          message:
            'value: -1 is not above zero, so it has no share of the total; ABC analysis reports it instead of calling it C',
        },
      ],
    ]);
  });

  it('given one row, then the result is #VALUE! asking for the whole column', () => {
    expect(tierScore(context(), { values: [[50]], table: ABC })).toEqual([
      [
        {
          code: 'invalidValue',
          message:
            'this table ranks customers against each other (ABC shares, tiers by share of customers): grade the whole column, not one row',
        },
      ],
    ]);
  });

  it('given output "explain" on the column, then each row is explained by its rank in both languages', () => {
    const values = [[50], [30], [20]];
    expect(tierScore(context(), { values, table: ABC, output: 'explain' })).toEqual([
      ['Value 50: rank 1 of 3, share before 0% < 80% → A (cumulative 50%)'],
      ['Value 30: rank 2 of 3, share before 50% < 80% → A (cumulative 80%)'],
      ['Value 20: rank 3 of 3, share before 80% < 95% → B (cumulative 100%)'],
    ]);
    expect(tierScore(context(), { values: [[50], [30]], table: ABC, output: '说明' })).toEqual([
      ['价值 50：第 1 名（共 2），之前累计占比 0% < 80% → A类客户（含本客户累计 62.5%）'],
      ['价值 30：第 2 名（共 2），之前累计占比 62.5% < 80% → A类客户（含本客户累计 100%）'],
    ]);
  });
});
