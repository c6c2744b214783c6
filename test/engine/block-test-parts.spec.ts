import { ChildOrder } from '../../src/engine/grading/child-order';
import { inclusiveEnds } from '../../src/engine/grading/condition-block';
import { nextDown } from '../../src/engine/grading/bands';
import { inRange } from '../../src/engine/table/ranges';

const nextUp = (x: number): number => -nextDown(-x);

describe('inclusiveEnds: an interval tested as lo <= v <= hi', () => {
  const ENDS = [-Infinity, -Number.MAX_VALUE, -1, -0, 0, Number.MIN_VALUE, 1, 2.5, Number.MAX_VALUE, Infinity, NaN];
  const PROBES = [...new Set(ENDS.flatMap((x) => [x, nextDown(x), nextUp(x)]))];

  it('given every pair of ends, open or closed, then each value on and beside them is inside exactly when inRange says so', () => {
    const mismatches: string[] = [];
    for (const lo of ENDS)
      for (const hi of ENDS)
        for (const loInclusive of [true, false])
          for (const hiInclusive of [true, false]) {
            const ends = inclusiveEnds({ lo, loInclusive, hi, hiInclusive, negate: false });
            for (const v of PROBES) {
              const want = inRange({ lo, loInclusive, hi, hiInclusive }, v);
              if (v >= ends.lo && v <= ends.hi) {
                if (!want) mismatches.push(`${v} in ${loInclusive ? '[' : '('}${lo}, ${hi}${hiInclusive ? ']' : ')'}`);
              } else if (want)
                mismatches.push(`${v} not in ${loInclusive ? '[' : '('}${lo}, ${hi}${hiInclusive ? ']' : ')'}`);
            }
          }
    expect(mismatches).toEqual([]);
  });
});

describe('ChildOrder: the order an all/any tests its children in', () => {
  it('given no counts yet, then the children keep the table order', () => {
    const order = new ChildOrder([1, 1, 1], 'all');
    order.reorder();
    expect(Array.from(order.order)).toEqual([0, 1, 2]);
  });

  it('given an all whose third child rejects most rows, then that child is tested first', () => {
    const order = new ChildOrder([1, 1, 1], 'all');
    order.record(0, 1000, 900);
    order.record(1, 900, 500);
    order.record(2, 500, 20);
    order.reorder();
    expect(Array.from(order.order)).toEqual([2, 1, 0]);
  });

  it('given an any whose last child accepts most rows, then that child is tested first', () => {
    const order = new ChildOrder([1, 1], 'any');
    order.record(0, 1000, 10);
    order.record(1, 990, 980);
    order.reorder();
    expect(Array.from(order.order)).toEqual([1, 0]);
  });

  it('given two children that reject alike, then the one with fewer leaves goes first', () => {
    const order = new ChildOrder([3, 1], 'all');
    order.record(0, 1000, 500);
    order.record(1, 500, 250);
    order.reorder();
    expect(Array.from(order.order)).toEqual([1, 0]);
  });

  it('given rows whose mix changes, then old counts fade and the order follows the recent rows', () => {
    const order = new ChildOrder([1, 1], 'all');
    order.record(0, 100_000, 1_000);
    order.record(1, 1_000, 900);
    order.reorder();
    expect(Array.from(order.order)).toEqual([0, 1]);
    for (let block = 0; block < 200; block++) {
      order.record(0, 2_048, 2_000);
      order.record(1, 2_048, 20);
    }
    order.reorder();
    expect(Array.from(order.order)).toEqual([1, 0]);
  });
});
