import fc from 'fast-check';
import { checkProperty } from '../support/property';
import { makeBandFinder, nextDown } from '../../src/engine/grading/bands';
import type { InputDef } from '../../src/engine/model';

describe('nextDown', () => {
  it('given any finite double, then it returns the largest double below it', () => {
    checkProperty(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (x) => {
        const d = nextDown(x);
        expect(d).toBeLessThan(x);
        // Nothing lies strictly between: the midpoint rounds to one of the two.
        const mid = d / 2 + x / 2;
        expect(mid === d || mid === x).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles zero, the smallest subnormal and infinity', () => {
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
    expect(nextDown(Number.MIN_VALUE)).toBe(0);
    expect(nextDown(Infinity)).toBe(Number.MAX_VALUE);
    expect(nextDown(-Infinity)).toBe(-Infinity);
  });
});

describe('makeBandFinder', () => {
  const number: InputDef = { id: 'x', type: 'number', label: { en: 'x' } };

  it('given bands listed in any order, then each value finds its band by inclusive and exclusive ends', () => {
    const bands = makeBandFinder(number, [
      { range: { gte: 20000 } },
      { range: { gt: 10000, lt: 20000 } },
      { range: { gt: 5000, lte: 10000 } },
      { range: { gte: 0, lte: 5000 } },
    ]);
    expect([-1, 0, 5000, 5000.01, 10000, 10000.5, 19999.99, 20000, 1e12].map(bands.find)).toEqual([
      -1, 3, 3, 2, 2, 1, 1, 0, 0,
    ]);
    expect(bands.find(Number.NaN)).toBe(-1);
  });

  it('given category bands, then the decoded value index maps to its band', () => {
    const category: InputDef = {
      id: 'c',
      type: 'category',
      label: { en: 'c' },
      values: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    };
    const bands = makeBandFinder(category, [{ values: ['c'] }, { values: ['a', 'b'] }]);
    expect([0, 1, 2, 3].map(bands.find)).toEqual([1, 1, 0, -1]);
  });
});
