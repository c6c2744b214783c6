import {
  cellErrorCode,
  displayCell,
  normalizeKey,
  parseBoolean,
  parseDate,
  parseNumber,
} from '../../../src/engine/values/coerce';

describe('parseNumber', () => {
  it('happy path: a column as Excel and CSV pass it', () => {
    const column = [[12000], ['12,000'], ['1.2万'], ['¥8,000'], ['85%'], [''], [{ error: '#N/A' }]];
    expect(column.map(([cell]) => parseNumber(cell))).toEqual([12000, 12000, 12000, 8000, 0.85, NaN, NaN]);
  });

  it('given Chinese magnitudes then the value is exact, without float noise', () => {
    expect(4.35 * 1e8).not.toBe(435000000); // what naive scaling gives
    expect(parseNumber('4.35亿')).toBe(435000000);
    expect(parseNumber('1.005万')).toBe(10050);
    expect(parseNumber('1.2万')).toBe(12000);
    expect(parseNumber('0.07亿')).toBe(7000000);
    expect(parseNumber('4.35万元')).toBe(43500);
    expect(parseNumber('1.005k')).toBe(1005);
    expect(parseNumber('0.1%')).toBe(0.001);
  });

  it('given more than 15 significant digits then the value is rounded like Number()', () => {
    expect(parseNumber('0.30000000000000004')).toBe(0.1 + 0.2);
    expect(parseNumber('123,456,789,012,345,678')).toBe(Number('123456789012345678'));
    expect(parseNumber('9007199254740993')).toBe(Number('9007199254740993'));
    expect(parseNumber('1.00000000000000000001万')).toBe(10000);
  });

  it('given extreme exponents then underflow is 0 and overflow is NaN', () => {
    expect(parseNumber('1e-400')).toBe(0);
    expect(parseNumber('1e400')).toBeNaN();
    expect(parseNumber('1.7976931348623157e308')).toBe(Number.MAX_VALUE);
    expect(parseNumber('5e-324')).toBe(Number.MIN_VALUE);
  });

  it('given a decimal comma or a badly grouped comma then NaN rather than a guess', () => {
    expect(parseNumber('12,34')).toBeNaN();
    expect(parseNumber('1,2345')).toBeNaN();
    expect(parseNumber('1.234,56')).toBeNaN();
    expect(parseNumber('1,234')).toBe(1234);
  });

  it('given M for million or an ASCII-space group then NaN (decided: only k and the Chinese units)', () => {
    expect(parseNumber('5M')).toBeNaN();
    expect(parseNumber('5m')).toBeNaN();
    expect(parseNumber('5k')).toBe(5000);
    expect(parseNumber('1 000')).toBeNaN();
    expect(parseNumber('1\u00a0000')).toBe(1000);
  });

  it('given negative zero text then negative zero', () => {
    expect(Object.is(parseNumber('-0'), -0)).toBe(true);
    expect(Object.is(parseNumber('(0)'), -0)).toBe(true);
  });
});

describe('parseBoolean', () => {
  it('happy path: a checklist column', () => {
    const column = [[true], ['FALSE'], ['yes'], ['否'], ['✓'], ['×'], [1], [0]];
    expect(column.map(([cell]) => parseBoolean(cell))).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
  });

  it('given the letter x then not a boolean (decided: checked box or cross, a guess either way)', () => {
    expect(parseBoolean('x')).toBe(-1);
    expect(parseBoolean('X')).toBe(-1);
    expect(parseBoolean('×')).toBe(0);
  });

  it('given a blank cell then -1, the caller checks isBlank first', () => {
    expect(parseBoolean('')).toBe(-1);
    expect(parseBoolean(null)).toBe(-1);
  });
});

describe('parseDate', () => {
  it('happy path: serials, Dates and text in one column', () => {
    const column = [[45366], [new Date(Date.UTC(2024, 2, 15))], ['2024-03-15'], ['2024年3月15日'], ['15/03/2024']];
    expect(column.map(([cell]) => parseDate(cell))).toEqual([45366, 45366, 45366, 45366, 45366]);
  });

  it('given a date-time with an offset then the day as written is taken', () => {
    expect(parseDate('2024-03-15T23:30:00-05:00')).toBe(45366);
    expect(parseDate('2024-03-15T00:30:00+0800')).toBe(45366);
  });
});

describe('cellErrorCode', () => {
  it('given an error object with unknown or missing text then still an error', () => {
    expect(cellErrorCode({ error: '#FOO!' })).toBe('#FOO!');
    expect(cellErrorCode({ error: '' })).toBe('#VALUE!');
    expect(cellErrorCode({ error: 42 } as unknown as { error: string })).toBe('#VALUE!');
  });

  it('given an object without error then no error code', () => {
    expect(cellErrorCode({} as unknown as { error: string })).toBeUndefined();
  });
});

describe('normalizeKey', () => {
  it('happy path: the spellings of one header meet', () => {
    const headers = [
      'Monthly Sales',
      'monthly_sales',
      'monthly-sales',
      'MonthlySales',
      ' MONTHLY  SALES ',
      'Ｍｏｎｔｈｌｙ Ｓａｌｅｓ',
    ];
    expect(new Set(headers.map(normalizeKey))).toEqual(new Set(['monthlysales']));
  });

  it('given Chinese headers with spaces, full-width space or full-width brackets then they meet', () => {
    expect(normalizeKey('回款 天数')).toBe(normalizeKey('回款天数'));
    expect(normalizeKey('回款\u3000天数')).toBe('回款天数');
    expect(normalizeKey('销售额（万元）')).toBe(normalizeKey('销售额(万元)'));
    expect(normalizeKey('\ufeffcustomer')).toBe('customer');
  });

  it('given dashes that carry meaning then they are kept', () => {
    expect(normalizeKey('A-')).toBe('a-');
    expect(normalizeKey('A-')).not.toBe(normalizeKey('A'));
    expect(normalizeKey('3-5年')).not.toBe(normalizeKey('35年'));
    expect(normalizeKey('-5')).toBe('-5');
    expect(normalizeKey('tier-3')).toBe('tier3');
    expect(normalizeKey('1.5')).not.toBe(normalizeKey('15'));
  });
});

describe('displayCell', () => {
  it('happy path: every kind of cell as an error message quotes it', () => {
    const row = [
      ['abc', 12000, 0.1 + 0.2, true, false, new Date(Date.UTC(2024, 2, 15)), { error: '#N/A' }, null, undefined],
    ];
    expect(row[0]!.map(displayCell)).toEqual(['abc', '12000', '0.3', 'TRUE', 'FALSE', '2024-03-15', '#N/A', '', '']);
  });

  it('given numbers that String() writes with an exponent then plain digits', () => {
    expect(displayCell(1e21)).toBe('1000000000000000000000');
    expect(displayCell(-1.5e-7)).toBe('-0.00000015');
    expect(displayCell(Number('123456789.123456789'))).toBe('123456789.123457');
    expect(displayCell(-0)).toBe('0');
    expect(displayCell(NaN)).toBe('NaN');
    expect(parseNumber(displayCell(Number.MAX_VALUE))).toBe(Number.MAX_VALUE);
  });

  it('given long text then 60 characters and an ellipsis, never half a surrogate pair', () => {
    expect(displayCell('x'.repeat(61))).toBe(`${'x'.repeat(60)}…`);
    expect(displayCell('x'.repeat(60))).toBe('x'.repeat(60));
    const shown = displayCell(`${'x'.repeat(59)}😀tail`);
    expect(shown).toBe(`${'x'.repeat(59)}…`);
  });

  it('given line breaks then one line', () => {
    expect(displayCell('a\r\nb\tc')).toBe('a b c');
  });

  it('given an invalid Date then empty text', () => {
    expect(displayCell(new Date(NaN))).toBe('');
  });
});
