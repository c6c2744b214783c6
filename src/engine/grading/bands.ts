import type { BandMatch, InputDef } from '../model';
import { rangeEnds } from '../table/ranges';

/**
 * The bands of a criterion or matrix axis, ready for lookups from a decoded
 * slot value (number, category index, 0/1) to the band's index (-1 when no
 * band holds the value). Numeric bands keep their sorted upper ends so hot
 * loops can scan them inline; categories and booleans are a direct table.
 */
export type BandFinder =
  | {
      kind: 'range';
      find: (value: number) => number;
      lo: number;
      loInclusive: boolean;
      hi: Float64Array;
      hiInclusive: Uint8Array;
      band: Int32Array;
    }
  | { kind: 'table'; find: (value: number) => number; table: Int32Array };

/** Validation has already proved the bands are of one kind, matching the input's type, and contiguous. */
export function makeBandFinder(input: InputDef, matches: readonly BandMatch[]): BandFinder {
  const first = matches[0];
  if (first && 'range' in first) {
    // Sorted by their lower ends, a value is in the first band whose upper end
    // it does not pass, provided it is not below the lowest end.
    const order = matches
      .map((m, index) => ({ index, e: rangeEnds('range' in m ? m.range : {}) }))
      .sort((x, y) => x.e.lo - y.e.lo);
    const n = order.length;
    const hi = Float64Array.from(order, (b) => b.e.hi);
    const hiInclusive = Uint8Array.from(order, (b) => (b.e.hiInclusive ? 1 : 0));
    const band = Int32Array.from(order, (b) => b.index);
    const lo = order[0]!.e.lo;
    const loInclusive = order[0]!.e.loInclusive;
    const find = (v: number): number => {
      if (v < lo || (v === lo && !loInclusive) || v !== v) return -1;
      const k = bandsPassed(v, hi, hiInclusive);
      return k < n ? band[k]! : -1;
    };
    return { kind: 'range', find, lo, loInclusive, hi, hiInclusive, band };
  }
  const size = first && 'is' in first ? 2 : (input.values ?? []).length;
  const table = new Int32Array(size).fill(-1);
  const ids = (input.values ?? []).map((v) => v.id);
  matches.forEach((m, k) => {
    if ('is' in m) table[m.is ? 1 : 0] = k;
    else if ('values' in m) for (const id of m.values) table[ids.indexOf(id)] = k;
  });
  return { kind: 'table', find: (v) => table[v] ?? -1, table };
}

/**
 * How many of the sorted upper ends a value has passed: the position of its
 * band. Counted without branches, because on real data the band of the next
 * row is unpredictable and a mispredicted early exit costs more than the scan.
 */
export function bandsPassed(v: number, hi: Float64Array, hiInclusive: Uint8Array): number {
  let k = 0;
  for (let j = 0; j < hi.length; j++) {
    const h = hi[j]!;
    k += +(v > h) + (+(v === h) & (hiInclusive[j]! ^ 1));
  }
  return k;
}

const bits = new DataView(new ArrayBuffer(8));

/** The largest double below x (for finite x and +Infinity; -Infinity stays). */
export function nextDown(x: number): number {
  if (x === -Infinity || x !== x) return x;
  if (x === 0) return -Number.MIN_VALUE;
  bits.setFloat64(0, x);
  const high = bits.getUint32(0);
  const low = bits.getUint32(4);
  // Positive numbers shrink toward zero by decrementing the bit pattern; negative ones grow away from it.
  const delta = x > 0 ? -1 : 1;
  const nextLow = (low + delta) >>> 0;
  const carry = x > 0 ? (low === 0 ? -1 : 0) : low === 0xffffffff ? 1 : 0;
  bits.setUint32(0, high + carry);
  bits.setUint32(4, nextLow);
  return bits.getFloat64(0);
}
