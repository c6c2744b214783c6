import { cellAddress, joinList, parseRange, printRange, splitList } from '../../../src/engine/sheet-form/text';

describe('sheet form range notation', () => {
  it.each([
    ['x >= 20000', { gte: 20000 }],
    ['10000 < x < 20000', { gt: 10000, lt: 20000 }],
    ['5000 < x <= 10000', { gt: 5000, lte: 10000 }],
    ['x <= 5000', { lte: 5000 }],
    ['(5000, 10000]', { gt: 5000, lte: 10000 }],
    ['[20000, +∞)', { gte: 20000 }],
    ['(-∞, 5000]', { lte: 5000 }],
    ['(5,000, 10,000]', { gt: 5000, lte: 10000 }],
    ['[1.2万, 2万)', { gte: 12000, lt: 20000 }],
    ['≥ 20,000', { gte: 20000 }],
    ['５０００ ＜ ｘ ≤ １００００', { gt: 5000, lte: 10000 }],
    ['20000 > x >= 10000', { gte: 10000, lt: 20000 }],
    ['x = 5', { gte: 5, lte: 5 }],
    ['1e-7 < x <= 0.1', { gt: 1e-7, lte: 0.1 }],
    ['-5 <= 金额 < 1234567.891', { gte: -5, lt: 1234567.891 }],
    ['any', {}],
  ])('given "%s", then %j', (text, range) => {
    expect(parseRange(text)).toStrictEqual(range);
  });

  it.each(['x', '10000 <> x', '5000 < x > 10000', '(5000 10000]', 'x >= abc', '[5, 6', 'x < 5 < y < 6', ''])(
    'given "%s", then not a range',
    (text) => {
      expect(parseRange(text)).toBeUndefined();
    },
  );

  it('given any printed range, then it parses back exactly', () => {
    for (const range of [
      { gte: 0.1 },
      { gt: -1e-7, lt: 5e-324 },
      { lte: 1e21 },
      {},
      { gt: 1234567.891, lte: 1234567.892 },
    ]) {
      expect(parseRange(printRange(range))).toStrictEqual(range);
    }
  });
});

describe('sheet form lists and addresses', () => {
  it('given items with ; and backslashes, then they survive join and split', () => {
    const items = ['a;b', 'c\\d', '全；角', 'plain'];
    expect(joinList(items)).toBe('a\\;b; c\\\\d; 全\\；角; plain');
    expect(splitList(joinList(items))).toEqual(items);
    expect(splitList(' x ;y；z ;; ')).toEqual(['x', 'y', 'z']);
  });

  it('given sheets and columns, then Excel-style addresses', () => {
    expect(cellAddress(0, 0)).toBe('A1');
    expect(cellAddress(11, 27, 'Rules')).toBe('Rules!AB12');
    expect(cellAddress(11, 1, 'My Rules')).toBe("'My Rules'!B12");
    expect(cellAddress(0, 0, "Bob's")).toBe("'Bob''s'!A1");
    expect(cellAddress(0, 0, '规则')).toBe("'规则'!A1");
  });
});
