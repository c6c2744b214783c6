import type { ExplanationStep } from '../grader';
import type { ScorecardMethod } from '../model';
import { makeBandFinder, nextDown, type BandFinder } from './bands';
import { compileCondition } from './conditions';
import { cleanFloat, criterionStep, makeThresholds, type MethodContext, type MethodEvaluator } from './method';
import { BLOCK_SIZE, type BlockState } from './row-state';

/** Banded criteria -> points (weighted), optional multipliers, total -> tier by thresholds. */
export function compileScorecard(method: ScorecardMethod, ctx: MethodContext): MethodEvaluator {
  const criteria = method.criteria.map((c) => {
    const input = ctx.inputOf(c.input);
    const slot = ctx.slotOf(c.input);
    const weight = c.weight ?? 1;
    const bands = makeBandFinder(
      input,
      c.bands.map((b) => b.match),
    );
    const find = bands.find;
    const points = Float64Array.from(c.bands, (b) => b.points);
    const blankPoints = c.blankPoints ?? NaN;
    const add =
      bands.kind === 'range' ? rangeAdder(bands, points, weight, slot) : tableAdder(bands.table, points, weight, slot);
    return { id: c.id, input, slot, weight, find, points, blankPoints, add };
  });
  const multipliers = (method.multipliers ?? []).map((m) => ({
    id: m.id,
    factor: m.factor,
    test: compileCondition(m.when, ctx).test,
  }));
  const thresholds = makeThresholds(method.thresholds, ctx);
  const exact =
    multipliers.length === 0 &&
    criteria.every((c) => Number.isInteger(c.weight) && c.points.every(Number.isInteger) && !(c.blankPoints % 1));
  const scale = method.round === undefined ? 0 : 10 ** method.round;
  /** No multipliers, whole points, no rounding: the total is the score as it is. */
  const plain = exact && multipliers.length === 0 && scale === 0;
  const total = new Float64Array(BLOCK_SIZE);

  /** One row's total, criterion by criterion, failing the row on a blank without blank points or a value outside the bands. */
  const exactTotal = (state: BlockState, r: number): number => {
    let sum = 0;
    for (const c of criteria) {
      if (state.blank[c.slot]![r] === 1) {
        if (Number.isNaN(c.blankPoints)) {
          state.fail(r, { kind: 'blank', input: c.input.id });
          return NaN;
        }
        sum += c.blankPoints * c.weight;
        continue;
      }
      const value = state.values[c.slot]![r]!;
      const band = c.find(value);
      if (band < 0) {
        state.fail(r, { kind: 'out-of-range', input: c.input.id, value });
        return NaN;
      }
      sum += c.points[band]! * c.weight;
    }
    return sum;
  };

  return {
    hasScore: true,
    writesEveryRow: true,
    evaluate(state: BlockState, trace: ExplanationStep[] | undefined): void {
      const { failed, score } = state;
      const n = state.size;
      // Plain tables total straight into the scores; the first criterion sets, the others add.
      const sums = plain && !trace ? score : total;
      for (let i = 0; i < criteria.length; i++) criteria[i]!.add(state, sums, i === 0);
      if (criteria.length === 0) sums.fill(0, 0, n);
      if (trace && failed[0] === 0) {
        // Explaining one row: its criteria and multipliers come before the total.
        for (const c of criteria) {
          const blank = state.blank[c.slot]![0] === 1;
          const band = blank ? -1 : c.find(state.values[c.slot]![0]!);
          const points = blank ? c.blankPoints : c.points[band]!;
          trace.push(criterionStep(state, c, band, points));
        }
        for (const m of multipliers)
          trace.push({ kind: 'multiplier', id: m.id, factor: m.factor, applied: m.test(state, 0) });
      }
      // One pass per row: a NaN total means a blank or out-of-range value somewhere in the row, scored exactly.
      if (sums === score) {
        const tier = state.tier;
        for (let r = 0; r < n; r++) {
          if (failed[r] === 1) {
            score[r] = NaN;
            continue;
          }
          const t = score[r]!;
          if (t === t) {
            tier[r] = thresholds.tierAt(t);
            continue;
          }
          const exact = exactTotal(state, r);
          score[r] = exact;
          if (failed[r] === 0) tier[r] = thresholds.tierAt(exact);
        }
        return;
      }
      for (let r = 0; r < n; r++) {
        let t = failed[r] === 1 ? NaN : total[r]!;
        if (t !== t && failed[r] === 0) t = exactTotal(state, r);
        if (failed[r] === 1) {
          score[r] = NaN;
          continue;
        }
        for (let i = 0; i < multipliers.length; i++) if (multipliers[i]!.test(state, r)) t *= multipliers[i]!.factor;
        if (!exact) t = cleanFloat(t);
        if (scale) t = Math.round(t * scale) / scale;
        score[r] = t;
      }
      thresholds.assign(state, trace);
    },
  };
}

/** Sets (first criterion) or adds a criterion's weighted points to every row's total of a block. */
type Adder = (state: BlockState, total: Float64Array, first: boolean) => void;

/**
 * Adds a numeric criterion's weighted points to every row's total in one
 * branch-free pass. A value's position is 1 if it is inside the lowest end,
 * plus the number of sorted upper ends it has passed; positions 0 (below) and
 * count + 1 (above) hold NaN, as does a blank (NaN) value, for the exact path.
 * Every end is turned into a strict `>` test: "v >= h" is "v > the double just
 * below h", which is exact for doubles and halves the work per band.
 */
function rangeAdder(
  bands: Extract<BandFinder, { kind: 'range' }>,
  points: Float64Array,
  weight: number,
  slot: number,
): Adder {
  const count = bands.hi.length;
  const byPosition = new Float64Array(count + 2).fill(NaN);
  bands.band.forEach((band, k) => (byPosition[k + 1] = points[band]! * weight));
  const above = bands.loInclusive ? nextDown(bands.lo) : bands.lo;
  // An open top end (+∞) is never passed by a finite value: leave it out of the scan.
  const ends = bands.hi[count - 1] === Infinity ? count - 1 : count;
  const passed = Float64Array.from(bands.hi.subarray(0, ends), (h, j) =>
    bands.hiInclusive[j] === 1 ? h : nextDown(h),
  );
  if (ends <= 3) {
    // Up to four bands (most scorecards): the tests unrolled, an end that is not there never passed.
    const [p0 = Infinity, p1 = Infinity, p2 = Infinity] = passed;
    return (state, total, first) => {
      const values = state.values[slot]!;
      const n = state.size;
      if (first) for (let r = 0; r < n; r++) total[r] = byPosition[bandsBelow4(values[r]!, above, p0, p1, p2)]!;
      else for (let r = 0; r < n; r++) total[r]! += byPosition[bandsBelow4(values[r]!, above, p0, p1, p2)]!;
    };
  }
  const position = (v: number): number => {
    let k = +(v > above);
    for (let j = 0; j < ends; j++) k += +(v > passed[j]!);
    return k;
  };
  return (state, total, first) => {
    const values = state.values[slot]!;
    const n = state.size;
    if (first) for (let r = 0; r < n; r++) total[r] = byPosition[position(values[r]!)]!;
    else for (let r = 0; r < n; r++) total[r]! += byPosition[position(values[r]!)]!;
  };
}

/** Adds a category or boolean criterion's points: the decoded value is an index into a table. */
function tableAdder(table: Int32Array, points: Float64Array, weight: number, slot: number): Adder {
  const byValue = Float64Array.from(table, (band) => (band < 0 ? NaN : points[band]! * weight));
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
