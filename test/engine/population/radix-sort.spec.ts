import { radixSort } from '../../../src/engine/grading/radix-order';

describe('radixSort (the ABC ranking order)', () => {
  it('given positive doubles of every size, with ties and rows left out, then rows come in ascending value order with their values beside them', () => {
    const values = Float64Array.from([5, 0.1, 1e300, 5, 3.25, 2 ** -1000, 7e6, 0.1, 12345.678, 1]);
    const rows = Uint32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8]); // row 9 left out
    const { order, sorted } = radixSort(values, rows);
    expect(Array.from(order)).toEqual([5, 1, 7, 4, 0, 3, 8, 6, 2]);
    expect(Array.from(sorted)).toEqual([2 ** -1000, 0.1, 0.1, 3.25, 5, 5, 12345.678, 7e6, 1e300]);
  });

  it('given whole amounts (low key bits all zero, passes skipped), then the values beside the order are still the sorted ones', () => {
    const values = Float64Array.from({ length: 1000 }, (_x, i) => ((i * 7919) % 997) + 1);
    const rows = Uint32Array.from({ length: 1000 }, (_x, i) => i);
    const { order, sorted } = radixSort(values, rows);
    expect(Array.from(sorted)).toEqual(Array.from(values).sort((a, b) => a - b));
    expect(Array.from(order, (row) => values[row])).toEqual(Array.from(sorted));
    // Stable: equal values keep their row order.
    for (let i = 1; i < order.length; i++)
      if (sorted[i] === sorted[i - 1]) expect(order[i]!).toBeGreaterThan(order[i - 1]!);
  });
});
