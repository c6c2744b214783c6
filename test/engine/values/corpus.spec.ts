/**
 * The cell corpus: what real sheets and CSV files hold, each row with the value
 * it must read as. Rows are [cell, expected] as a host passes a column.
 */
import type { Cell } from '../../../src/engine/values/cell';
import {
  cellErrorCode,
  isAmbiguousDate,
  isBlank,
  parseBoolean,
  parseDate,
  parseNumber,
} from '../../../src/engine/values/coerce';

const GOOD_NUMBERS: Array<[Cell, number]> = [
  [12000, 12000],
  [-0.5, -0.5],
  ['12000', 12000],
  ['12,000', 12000],
  ['  12,000  ', 12000],
  ['1,234,567.89', 1234567.89],
  ['1.2万', 12000],
  ['1.2 万', 12000],
  ['3亿', 300000000],
  ['0.35亿元', 35000000],
  ['1.2万元', 12000],
  ['2千', 2000],
  ['1万亿', 1e12],
  ['2.5k', 2500],
  ['2.5K', 2500],
  ['¥8,000', 8000],
  ['￥8,000', 8000],
  ['$1,200.50', 1200.5],
  ['€99', 99],
  ['£7', 7],
  ['100元', 100],
  ['RMB 1,000', 1000],
  ['cny1000', 1000],
  ['1,000 USD', 1000],
  ['¥1.2万', 12000],
  ['85%', 0.85],
  ['85 %', 0.85],
  ['12.5%', 0.125],
  ['-3%', -0.03],
  ['(1,200)', -1200],
  ['($1,200)', -1200],
  ['¥(1,200)', -1200],
  ['-¥5', -5],
  ['¥-5', -5],
  ['+5', 5],
  ['−5', -5],
  ['１２，０００．５', 12000.5],
  ['１．２万', 12000],
  ['８５％', 0.85],
  ['1e5', 100000],
  ['1.5E-3', 0.0015],
  ['.5', 0.5],
  ['5.', 5],
  ["1'234'567", 1234567],
  ['1\u00a0234\u00a0567', 1234567],
  ['1\u2009234', 1234],
  ['1\u202f234', 1234],
  ['\u300042\u3000', 42],
  ['\ufeff42', 42],
  ['007', 7],
];

const BAD_NUMBERS: Cell[] = [
  null,
  undefined,
  '',
  '   ',
  '\u3000',
  true,
  false,
  new Date(Date.UTC(2024, 2, 15)),
  { error: '#N/A' },
  '#N/A',
  '#VALUE!',
  NaN,
  Infinity,
  -Infinity,
  'Infinity',
  'NaN',
  '12,34',
  '1,2345',
  '1234,567',
  '1,234 567',
  '1.234,5',
  '1.2.3',
  '3O',
  '0x10',
  '--5',
  '+-5',
  '(-5)',
  '-(5)',
  '(5',
  '5)',
  '¥',
  '$ ',
  '%',
  '.',
  '5万k',
  '¥5元',
  '$5 USD',
  '5万%',
  '5%万',
  '5元万',
  '5%%',
  '$85%',
  '1e5%',
  '1e',
  'e5',
  '100-',
  '1 000',
  '5M',
  '5mn',
  '3w',
  'abc',
  'N/A',
  '12 apples',
  '1e400',
  '元100',
  '1,,000',
  '1,000,',
];

const GOOD_BOOLEANS: Array<[Cell, 1 | 0]> = [
  [true, 1],
  [false, 0],
  [1, 1],
  [0, 0],
  ['TRUE', 1],
  ['false', 0],
  ['True', 1],
  [' yes ', 1],
  ['No', 0],
  ['Y', 1],
  ['n', 0],
  ['T', 1],
  ['f', 0],
  ['1', 1],
  ['0', 0],
  ['是', 1],
  ['否', 0],
  ['对', 1],
  ['错', 0],
  ['有', 1],
  ['无', 0],
  ['已', 1],
  ['未', 0],
  ['✓', 1],
  ['✔', 1],
  ['√', 1],
  ['✗', 0],
  ['✘', 0],
  ['×', 0],
  ['ＴＲＵＥ', 1],
  ['ｙｅｓ', 1],
  ['\u3000是\u3000', 1],
];

const BAD_BOOLEANS: Cell[] = [
  null,
  undefined,
  '',
  '  ',
  2,
  -1,
  0.5,
  NaN,
  'x',
  'X',
  '☒',
  'maybe',
  'yess',
  'ok',
  '10',
  '1.0',
  '是的吧',
  '已回款',
  { error: '#N/A' },
  '#N/A',
  new Date(0),
];

const serial = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000 + 25569;

const GOOD_DATES: Array<[Cell, number]> = [
  [45366, 45366],
  [45366.75, 45366],
  [1, 1],
  [2958465, 2958465],
  [new Date(Date.UTC(2024, 2, 15)), 45366],
  [new Date(Date.UTC(2024, 2, 15, 23, 59, 59)), 45366],
  ['2024-03-15', 45366],
  ['2024-3-5', serial(2024, 3, 5)],
  ['2024/3/15', 45366],
  ['2024.3.15', 45366],
  ['2024年3月15日', 45366],
  ['2024年3月15号', 45366],
  ['2024年3月15', 45366],
  ['２０２４年３月１５日', 45366],
  ['20240315', 45366],
  ['2024-03-15T10:00', 45366],
  ['2024-03-15T10:00:00Z', 45366],
  ['2024-03-15T23:30:00+08:00', 45366],
  ['2024-03-15 10:00:30.5', 45366],
  ['2024/3/15 9:05 PM', 45366],
  ['15/03/2024', 45366],
  ['03/15/2024', 45366],
  ['15.03.2024', 45366],
  ['04/04/2024', serial(2024, 4, 4)],
  ['2024-02-29', serial(2024, 2, 29)],
  ['2000-02-29', serial(2000, 2, 29)],
  ['9999-12-31', 2958465],
  ['1900-01-01', 1],
  ['1900-02-28', 59],
  ['1900-02-29', 60],
  ['1900-03-01', 61],
  [' 2024-03-15 ', 45366],
];

const BAD_DATES: Array<[Cell, 'NaN' | 'ambiguous']> = [
  [null, 'NaN'],
  ['', 'NaN'],
  [0, 'NaN'],
  [-5, 'NaN'],
  [2958466, 'NaN'],
  [NaN, 'NaN'],
  [true, 'NaN'],
  [new Date(NaN), 'NaN'],
  [new Date(Date.UTC(1899, 11, 31)), 'NaN'],
  [{ error: '#N/A' }, 'NaN'],
  ['03/04/2024', 'ambiguous'],
  ['12/11/2024', 'ambiguous'],
  ['1-2-2024', 'ambiguous'],
  ['2023-02-29', 'NaN'],
  ['1900-02-30', 'NaN'],
  ['2024-04-31', 'NaN'],
  ['2024-13-01', 'NaN'],
  ['2024-00-10', 'NaN'],
  ['31/04/2024', 'NaN'],
  ['13/13/2024', 'NaN'],
  ['3/15/24', 'NaN'],
  ['1899-12-31', 'NaN'],
  ['45366', 'NaN'],
  ['2024', 'NaN'],
  ['2024-03', 'NaN'],
  ['2024-03-15T25:00', 'NaN'],
  ['2024-03-15 10:61', 'NaN'],
  ['2024-03-15 13:00 PM', 'NaN'],
  ['2024-03-15 tomorrow', 'NaN'],
  ['2024/03-15', 'NaN'],
  ['15 Mar 2024', 'NaN'],
  ['2024年3月', 'NaN'],
  ['20241315', 'NaN'],
  ['tomorrow', 'NaN'],
];

const BLANKS: Cell[] = [null, undefined, '', ' ', '\t', '\u3000', '\u00a0', ' \u3000\u00a0 ', '\u200b', '\r\n'];
const NOT_BLANKS: Cell[] = [0, false, 'a', ' 0 ', new Date(0), { error: '#N/A' }, '#N/A', NaN];

const ERRORS: Array<[Cell, string]> = [
  [{ error: '#N/A' }, '#N/A'],
  [{ error: '#DIV/0!' }, '#DIV/0!'],
  [{ error: '#value!' }, '#VALUE!'],
  ['#N/A', '#N/A'],
  ['#n/a', '#N/A'],
  [' #REF! ', '#REF!'],
  ['#NAME?', '#NAME?'],
  ['#NUM!', '#NUM!'],
  ['#NULL!', '#NULL!'],
  ['#SPILL!', '#SPILL!'],
  ['#CALC!', '#CALC!'],
  ['#BUSY!', '#BUSY!'],
  ['＃Ｎ／Ａ', '#N/A'],
];
const NOT_ERRORS: Cell[] = ['N/A', '#N/A!', '#', '#123', 'abc #N/A', 0, null, '', new Date(0), true];

const show = (cell: Cell): string =>
  cell instanceof Date ? `Date(${cell.getTime()})` : typeof cell === 'string' ? JSON.stringify(cell) : String(cell);

describe('cell corpus', () => {
  it('has at least 40 bad and as many good cells', () => {
    const bad = BAD_NUMBERS.length + BAD_BOOLEANS.length + BAD_DATES.length;
    const good = GOOD_NUMBERS.length + GOOD_BOOLEANS.length + GOOD_DATES.length;
    expect(bad).toBeGreaterThanOrEqual(40);
    expect(good).toBeGreaterThanOrEqual(bad);
  });

  describe('numbers', () => {
    it.each(GOOD_NUMBERS.map(([cell, value]) => [show(cell), value, cell]))(
      'given %s then reads %p',
      (_name, value, cell) => {
        expect(parseNumber(cell as Cell)).toBe(value);
      },
    );
    it.each(BAD_NUMBERS.map((cell) => [show(cell), cell]))('given %s then NaN', (_name, cell) => {
      expect(parseNumber(cell as Cell)).toBeNaN();
    });
  });

  describe('booleans', () => {
    it.each(GOOD_BOOLEANS.map(([cell, value]) => [show(cell), value, cell]))(
      'given %s then reads %p',
      (_name, value, cell) => {
        expect(parseBoolean(cell as Cell)).toBe(value);
      },
    );
    it.each(BAD_BOOLEANS.map((cell) => [show(cell), cell]))('given %s then -1', (_name, cell) => {
      expect(parseBoolean(cell as Cell)).toBe(-1);
    });
  });

  describe('dates', () => {
    it.each(GOOD_DATES.map(([cell, value]) => [show(cell), value, cell]))(
      'given %s then serial %p',
      (_name, value, cell) => {
        expect(parseDate(cell as Cell)).toBe(value);
        expect(isAmbiguousDate(cell as Cell)).toBe(false);
      },
    );
    it.each(BAD_DATES.map(([cell, why]) => [show(cell), why, cell]))('given %s then %s', (_name, why, cell) => {
      expect(parseDate(cell as Cell)).toBeNaN();
      expect(isAmbiguousDate(cell as Cell)).toBe(why === 'ambiguous');
    });
  });

  describe('blanks', () => {
    it.each(BLANKS.map((cell) => [show(cell), cell]))('given %s then blank', (_name, cell) => {
      expect(isBlank(cell as Cell)).toBe(true);
    });
    it.each(NOT_BLANKS.map((cell) => [show(cell), cell]))('given %s then not blank', (_name, cell) => {
      expect(isBlank(cell as Cell)).toBe(false);
    });
  });

  describe('Excel error values', () => {
    it.each(ERRORS.map(([cell, code]) => [show(cell), code, cell]))('given %s then %s', (_name, code, cell) => {
      expect(cellErrorCode(cell as Cell)).toBe(code);
    });
    it.each(NOT_ERRORS.map((cell) => [show(cell), cell]))('given %s then no error', (_name, cell) => {
      expect(cellErrorCode(cell as Cell)).toBeUndefined();
    });
  });
});
