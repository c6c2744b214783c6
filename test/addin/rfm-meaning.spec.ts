/**
 * =TIERWISE.RFM and RFM_TABLE refuse inputs whose scores would be plausible
 * but wrong (issue 18 item 6): one case per refusal, in both languages.
 */
import type { Locale } from '../../src/engine';
import type { ExcelErrorCode } from '../../src/excel/error-mapping';
import type { FunctionsContext } from '../../src/functions/context';
import { rfm, rfmTable, RFM_TABLE_HEADER } from '../../src/functions/rfm';
import { TableCache } from '../../src/functions/table-cache';

function context(locale: Locale = 'en-US'): FunctionsContext {
  return { makeError: (code, message) => ({ code, message }), locale, cache: new TableCache() };
}
const err = (message: string, code: ExcelErrorCode = 'invalidValue') => ({ code, message });

const recency = [[1], [30], [200], [5], [90], [400]];
const frequency = [[10], [3], [1], [8], [2], [1]];
const monetary = [[1000], [300], [50], [900], [100], [20]];

describe('RFM refuses what its scores would not mean', () => {
  it('given bins 3 with the default segments (made for 5), then segment output is refused, scores are not', () => {
    expect(rfm(context(), { recency, frequency, monetary, bins: 3, output: 'segment' })).toEqual([
      [
        err(
          'bins r=3,f=3,m=3 do not fit the segments of \'rfm\': 22 score range(s) lie outside them (method.segments[0].r: the segment range 5-5 must be within 1..3, low to high); pass segments made for these bins, or ask for "code" or "scores"',
        ),
      ],
    ]);
    expect(rfm(context('zh-CN'), { recency, frequency, monetary, bins: 4, output: '分群' })).toEqual([
      [err(expect.stringMatching(/^分档数 r=4,f=4,m=4 与“rfm”的细分不匹配：有 \d+ 个分数区间超出这些分档/) as never)],
    ]);
    const scores = rfm(context(), { recency, frequency, monetary, bins: 3, output: 'scores' });
    expect(scores.flat().every((s) => typeof s === 'number' && s >= 1 && s <= 3)).toBe(true);
  });

  it('given a last purchase after as_of, then that customer is refused and the others score as without it', () => {
    const asOf = 45658; // 2025-01-01
    const dates = recency.map(([days]) => [asOf - (days as number)]);
    const without = rfm(context(), { recency: dates, frequency, monetary, asOf });
    const result = rfm(context(), {
      recency: [...dates, [asOf + 3]],
      frequency: [...frequency, [4]],
      monetary: [...monetary, [400]],
      asOf,
    });
    expect(result).toEqual([
      ...without,
      [
        err(
          'recency: the last purchase 2025-01-04 is after as_of 2025-01-01; choose an as_of on or after every last purchase',
        ),
      ],
    ]);
    const zh = rfm(context('zh-CN'), { recency: [[asOf + 3]], frequency: [[1]], monetary: [[1]], asOf });
    expect(zh).toEqual([
      [err('recency：最近一次购买 2025-01-04 晚于分析日期 2025-01-01；请选择不早于每位客户最近一次购买的分析日期')],
    ]);
  });

  it.each([
    ['recency', -5, 0],
    ['frequency', -1, 1],
    ['monetary', -250, 2],
  ] as const)(
    'given a negative %s, then that row is refused and the others score as without it',
    (input, value, at) => {
      const columns = [recency, frequency, monetary].map((column, k) => [...column, [k === at ? value : 10]]);
      const result = rfm(context(), {
        recency: columns[0]!,
        frequency: columns[1]!,
        monetary: columns[2]!,
        output: 'code,segment',
      });
      expect(result.slice(0, 6)).toEqual(rfm(context(), { recency, frequency, monetary, output: 'code,segment' }));
      const message = `${input}: ${value} is negative; RFM reads days, order counts and amounts of 0 or more`;
      expect(result[6]).toEqual([err(message), err(message)]);
      const zh = rfm(context('zh-CN'), { recency: columns[0]!, frequency: columns[1]!, monetary: columns[2]! });
      expect(zh[6]).toEqual([err(`${input}：${value} 是负数；RFM 只接受 0 或以上的天数、订单数和金额`)]);
    },
  );
});

describe('RFM_TABLE refuses what its table would not mean', () => {
  const orders = {
    customerIds: [[1], [1], [2]],
    dates: [[45300], [45310], [45305]],
    amounts: [[10], [20], [5]],
  };

  it('given an as_of before every order, then it says so instead of returning a bare header', () => {
    expect(rfmTable(context(), { ...orders, asOf: 45200 })).toEqual([
      [err('as_of 2023-10-01 is before every order (the first is on 2024-01-09): there is no customer to analyse')],
    ]);
    expect(rfmTable(context('zh-CN'), { ...orders, asOf: 45200 })).toEqual([
      [err('分析日期 2023-10-01 早于所有订单（最早一笔在 2024-01-09）：没有可分析的客户')],
    ]);
  });

  it('given amounts that add up past what Excel holds, then it names the customer instead of an empty M=1', () => {
    const result = rfmTable(context(), { ...orders, amounts: [[1e308], [1e308], [5]] });
    expect(result).toEqual([
      [err('the amounts of customer 1 add up past the largest number Excel holds (about 1.8E+308)')],
    ]);
    expect(rfmTable(context('zh-CN'), { ...orders, amounts: [[1e308], [1e308], [5]] })).toEqual([
      [err('客户 1 的金额合计超出了 Excel 能保存的最大数（约 1.8E+308）')],
    ]);
  });

  it('given bins 4 (the segments are made for 5), then it refuses instead of labelling the best customer', () => {
    expect(rfmTable(context(), { ...orders, bins: 4 })).toEqual([
      [err(expect.stringMatching(/^bins r=4,f=4,m=4 do not fit the segments of 'rfm': \d+ score range\(s\)/) as never)],
    ]);
    expect(rfmTable(context(), { ...orders, bins: 5 })[0]).toEqual(RFM_TABLE_HEADER);
  });
});
