import type { ExplanationStep } from '../grader';
import type { ScorecardMethod } from '../model';
import { makeBandFinder } from './bands';
import { compileCondition } from './conditions';
import { cleanFloat, criterionStep, makeThresholds, type MethodContext, type MethodEvaluator } from './method';
import { fusedTail, rangeAdder, tableAdder, unrolledRange } from './points-kernels';
import { uncheckedFinite } from './block-read';
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
    const unrolled = bands.kind === 'range' ? unrolledRange(bands, points, weight, slot) : undefined;
    return { id: c.id, input, slot, weight, find, points, blankPoints, add, unrolled };
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
  // A plain table whose last one or two criteria are numeric with up to four bands: those and the tier in one pass.
  const tailSize = Math.min(2, criteria.length);
  const tail = criteria.slice(criteria.length - tailSize).map((c) => c.unrolled);
  const fused =
    plain && tailSize > 0 && tail.every((u) => u !== undefined)
      ? fusedTail(tail as NonNullable<(typeof tail)[number]>[], thresholds.tierAt)
      : undefined;
  const head = criteria.slice(0, criteria.length - tailSize);

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

  /** Scores row r exactly (its block total was NaN): a blank with blank points, or a failure. */
  const settle = (state: BlockState, r: number): void => {
    const exact = exactTotal(state, r);
    state.score[r] = exact;
    if (state.failed[r] === 0) state.tier[r] = thresholds.tierAt(exact);
  };

  return {
    hasScore: true,
    writesEveryRow: true,
    // Without earlier criteria, the fused pass checks the values it reads (a non-finite one gives a NaN total).
    ...(fused && head.length === 0 ? { checksFinite: fused.checksFinite } : {}),
    evaluate(state: BlockState, trace: ExplanationStep[] | undefined): void {
      const { failed, score } = state;
      const n = state.size;
      if (fused && !trace && state.failures === 0) {
        for (let i = 0; i < head.length; i++) head[i]!.add(state, score, i === 0);
        if (!fused(state, head.length > 0 ? score : undefined)) return;
        if (state.unchecked.length > 0 && !uncheckedFinite(state)) {
          state.nonFinite = true;
          return;
        }
        for (let r = 0; r < n; r++) if (score[r] !== score[r]) settle(state, r);
        return;
      }
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
        // Blocks where no row failed in decoding (the common case) need not look at the failed flags.
        const someFailed = state.failures !== 0;
        for (let r = 0; r < n; r++) {
          if (someFailed && failed[r] === 1) {
            score[r] = NaN;
            continue;
          }
          const t = score[r]!;
          if (t === t) tier[r] = thresholds.tierAt(t);
          else settle(state, r);
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
