import { nextDown, type BandFinder } from './bands';
import { BLOCK_SIZE, type BlockState } from './row-state';

/**
 * The scorecard's block kernels: a criterion's weighted points set or added
 * to every row's total in one branch-free pass, and for plain scorecards the
 * last one or two criteria fused with the tier.
 */

/** Sets (first criterion) or adds a criterion's weighted points to every row's total of a block. */
export type Adder = (state: BlockState, total: Float64Array, first: boolean) => void;

/**
 * Adds a numeric criterion's weighted points to every row's total in one
 * branch-free pass. A value's position is 1 if it is inside the lowest end,
 * plus the number of sorted upper ends it has passed; positions 0 (below) and
 * count + 1 (above) hold NaN, as does a blank (NaN) value, for the exact path.
 * Every end is turned into a strict `>` test: "v >= h" is "v > the double just
 * below h", which is exact for doubles and halves the work per band.
 */
export function rangeAdder(
  bands: Extract<BandFinder, { kind: 'range' }>,
  points: Float64Array,
  weight: number,
  slot: number,
): Adder {
  const unrolled = unrolledRange(bands, points, weight, slot);
  if (unrolled) {
    const { byPosition, above, p0, p1, p2 } = unrolled;
    return (state, total, first) => {
      const values = state.values[slot]!;
      const n = state.size;
      if (first) for (let r = 0; r < n; r++) total[r] = byPosition[bandsBelow4(values[r]!, above, p0, p1, p2)]!;
      else for (let r = 0; r < n; r++) total[r]! += byPosition[bandsBelow4(values[r]!, above, p0, p1, p2)]!;
    };
  }
  const { byPosition, above, passed } = rangeTests(bands, points, weight);
  const position = (v: number): number => {
    let k = +(v > above);
    for (let j = 0; j < passed.length; j++) k += +(v > passed[j]!);
    return k;
  };
  return (state, total, first) => {
    const values = state.values[slot]!;
    const n = state.size;
    if (first) for (let r = 0; r < n; r++) total[r] = byPosition[position(values[r]!)]!;
    else for (let r = 0; r < n; r++) total[r]! += byPosition[position(values[r]!)]!;
  };
}

/** A numeric criterion's points by position and the strict tests that count its position. */
function rangeTests(
  bands: Extract<BandFinder, { kind: 'range' }>,
  points: Float64Array,
  weight: number,
): { byPosition: Float64Array; above: number; passed: Float64Array } {
  const count = bands.hi.length;
  const byPosition = new Float64Array(count + 2).fill(NaN);
  // + 0 turns -0 into 0: totals start from 0, so a criterion that sets its points must not give -0.
  bands.band.forEach((band, k) => (byPosition[k + 1] = points[band]! * weight + 0));
  const above = bands.loInclusive ? nextDown(bands.lo) : bands.lo;
  // An open top end (+∞) is never passed by a finite value: leave it out of the scan.
  const ends = bands.hi[count - 1] === Infinity ? count - 1 : count;
  const passed = Float64Array.from(bands.hi.subarray(0, ends), (h, j) =>
    bands.hiInclusive[j] === 1 ? h : nextDown(h),
  );
  return { byPosition, above, passed };
}

/** A numeric criterion of up to four bands (most scorecards), its tests unrolled; an end not there is never passed. */
export interface UnrolledRange {
  slot: number;
  byPosition: Float64Array;
  above: number;
  p0: number;
  p1: number;
  p2: number;
}

export function unrolledRange(
  bands: Extract<BandFinder, { kind: 'range' }>,
  points: Float64Array,
  weight: number,
  slot: number,
): UnrolledRange | undefined {
  const { byPosition, above, passed } = rangeTests(bands, points, weight);
  if (passed.length > 3) return undefined;
  const [p0 = Infinity, p1 = Infinity, p2 = Infinity] = passed;
  return { slot, byPosition, above, p0, p1, p2 };
}

/**
 * A plain scorecard's last one or two criteria and its tier in one pass:
 * each row's total is `prior` (the earlier criteria's sum, or zeros when
 * undefined) plus their points, written to the score, and its tier from the
 * thresholds. True when some total is NaN (a blank or out-of-range value),
 * for the caller to score those rows exactly.
 *
 * Two criteria without earlier ones check unchecked slots
 * (`state.unchecked`) as they go: each value's `v - v` (0 when finite, NaN for
 * NaN and ±Infinity) is added to the total, so a non-finite value never
 * passes for a band's points; totals are never -0, so adding 0 changes none.
 * `checksFinite` says which slots that covers.
 */
export interface FusedTail {
  (state: BlockState, prior: Float64Array | undefined): boolean;
  readonly checksFinite: readonly number[];
}

export function fusedTail(last: readonly UnrolledRange[], tierAt: (score: number) => number): FusedTail {
  const a = last[0]!;
  const b = last[1];
  const zeros = new Float64Array(BLOCK_SIZE);
  if (!b)
    return Object.assign(
      (state: BlockState, prior: Float64Array = zeros) => {
        const { score, tier } = state;
        const va = state.values[a.slot]!;
        let nan = 0;
        for (let r = 0; r < state.size; r++) {
          const t = prior[r]! + a.byPosition[bandsBelow4(va[r]!, a.above, a.p0, a.p1, a.p2)]!;
          score[r] = t;
          tier[r] = tierAt(t);
          nan |= +(t !== t);
        }
        return nan === 1;
      },
      { checksFinite: [] },
    );
  // The ends and points as locals of the loops.
  const { slot: sa, byPosition: pa, above: la, p0: a0, p1: a1, p2: a2 } = a;
  const { slot: sb, byPosition: pb, above: lb, p0: b0, p1: b1, p2: b2 } = b;
  const fused = (state: BlockState, prior: Float64Array | undefined): boolean => {
    const { score, tier } = state;
    const va = state.values[sa]!;
    const vb = state.values[sb]!;
    const n = state.size;
    let nan = 0;
    if (prior === undefined && state.unchecked.length > 0) {
      // Columns read in place unchecked: no totals to read, each value checked.
      for (let r = 0; r < n; r++) {
        const x = va[r]!;
        const y = vb[r]!;
        const t = pa[bandsBelow4(x, la, a0, a1, a2)]! + pb[bandsBelow4(y, lb, b0, b1, b2)]! + (x - x + (y - y));
        score[r] = t;
        tier[r] = tierAt(t);
        nan |= +(t !== t);
      }
      return nan === 1;
    }
    const before = prior ?? zeros;
    for (let r = 0; r < n; r++) {
      const t = before[r]! + pa[bandsBelow4(va[r]!, la, a0, a1, a2)]! + pb[bandsBelow4(vb[r]!, lb, b0, b1, b2)]!;
      score[r] = t;
      tier[r] = tierAt(t);
      nan |= +(t !== t);
    }
    return nan === 1;
  };
  return Object.assign(fused, { checksFinite: [sa, sb] });
}

/** Adds a category or boolean criterion's points: the decoded value is an index into a table. */
export function tableAdder(table: Int32Array, points: Float64Array, weight: number, slot: number): Adder {
  const byValue = Float64Array.from(table, (band) => (band < 0 ? NaN : points[band]! * weight + 0));
  return (state, total, first) => {
    const values = state.values[slot]!;
    const n = state.size;
    if (first) for (let r = 0; r < n; r++) total[r] = byValue[values[r]!] ?? NaN;
    else for (let r = 0; r < n; r++) total[r]! += byValue[values[r]!] ?? NaN;
  };
}

/** The position of v among an unrolled lowest end and up to three upper ends (a missing end is +Infinity). */
function bandsBelow4(v: number, above: number, p0: number, p1: number, p2: number): number {
  return +(v > above) + +(v > p0) + +(v > p1) + +(v > p2);
}
