import type { ExplanationStep } from '../grader';
import { makeBandFinder } from '../grading/bands';
import { compileCondition } from '../grading/conditions';
import {
  cleanFloat,
  criterionStep,
  explainValue,
  makeThresholds,
  type MethodContext,
  type MethodEvaluator,
} from '../grading/method';
import type { BlockState } from '../grading/row-state';
import type { ScorecardMethod } from '../model';
import { decayFactor } from './decay';

/** Whether a scorecard decays points by age or caps them (then it is graded here, row by row). */
export function isTimedScorecard(method: ScorecardMethod): boolean {
  return method.maxTotal !== undefined || (method.groupCaps?.length ?? 0) > 0 || method.criteria.some((c) => c.decay);
}

/**
 * A scorecard with decay and caps (ADR 0017): each criterion's band points ×
 * weight × its decay factor; points of a capped group summed and cut to the
 * group's cap; multipliers; the total cut to maxTotal; thresholds. Graded
 * row by row: the plain scorecard kernel stays branch-free.
 */
export function compileTimedScorecard(method: ScorecardMethod, ctx: MethodContext): MethodEvaluator {
  const groups = [...new Set(method.criteria.flatMap((c) => (c.group === undefined ? [] : [c.group])))];
  const capOf = new Map((method.groupCaps ?? []).map((cap) => [cap.group, cap.max]));
  const groupMax = Float64Array.from(groups, (g) => capOf.get(g) ?? Infinity);
  const criteria = method.criteria.map((c) => {
    const input = ctx.inputOf(c.input);
    const bands = makeBandFinder(
      input,
      c.bands.map((b) => b.match),
    );
    return {
      id: c.id,
      input,
      slot: ctx.slotOf(c.input),
      weight: c.weight ?? 1,
      find: bands.find,
      points: Float64Array.from(c.bands, (b) => b.points),
      blankPoints: c.blankPoints ?? NaN,
      decay: c.decay,
      ageInput: c.decay ? ctx.inputOf(c.decay.age) : undefined,
      ageSlot: c.decay ? ctx.slotOf(c.decay.age) : -1,
      group: c.group === undefined ? -1 : groups.indexOf(c.group),
    };
  });
  const multipliers = (method.multipliers ?? []).map((m) => ({
    id: m.id,
    factor: m.factor,
    test: compileCondition(m.when, ctx).test,
  }));
  const thresholds = makeThresholds(method.thresholds, ctx);
  const scale = method.round === undefined ? 0 : 10 ** method.round;
  const maxTotal = method.maxTotal ?? Infinity;
  const groupSum = new Float64Array(groups.length);

  /** Row r's total, or NaN after failing the row; with a trace, the steps of row 0. */
  const rowTotal = (state: BlockState, r: number, trace: ExplanationStep[] | undefined): number => {
    let total = 0;
    groupSum.fill(0);
    for (const c of criteria) {
      let points: number;
      let band = -1;
      if (state.blank[c.slot]![r] === 1) {
        if (Number.isNaN(c.blankPoints)) {
          state.fail(r, { kind: 'blank', input: c.input.id });
          return NaN;
        }
        points = c.blankPoints;
      } else {
        const value = state.values[c.slot]![r]!;
        band = c.find(value);
        if (band < 0) {
          state.fail(r, { kind: 'out-of-range', input: c.input.id, value });
          return NaN;
        }
        points = c.points[band]!;
      }
      // An unknown age (an optional input left blank) does not decay.
      const knownAge = c.decay !== undefined && state.blank[c.ageSlot]![r] !== 1;
      const factor = knownAge ? decayFactor(c.decay!, state.values[c.ageSlot]![r]!) : 1;
      const earned = points * c.weight * factor;
      if (c.group >= 0) groupSum[c.group]! += earned;
      else total += earned;
      if (trace) {
        trace.push({
          ...criterionStep(state, c, band, points),
          ...(knownAge ? { decay: { factor, age: explainValue(state, c.ageSlot, c.ageInput!) } } : {}),
        });
      }
    }
    for (let g = 0; g < groups.length; g++) {
      const sum = groupSum[g]!;
      const max = groupMax[g]!;
      if (trace && sum > max) trace.push({ kind: 'cap', group: groups[g]!, max, before: cleanFloat(sum) });
      total += Math.min(sum, max);
    }
    for (const m of multipliers) {
      const applied = m.test(state, r);
      if (applied) total *= m.factor;
      if (trace) trace.push({ kind: 'multiplier', id: m.id, factor: m.factor, applied });
    }
    if (trace && total > maxTotal) trace.push({ kind: 'cap', max: maxTotal, before: cleanFloat(total) });
    total = cleanFloat(Math.min(total, maxTotal));
    return scale ? Math.round(total * scale) / scale : total;
  };

  return {
    hasScore: true,
    evaluate(state: BlockState, trace: ExplanationStep[] | undefined): void {
      for (let r = 0; r < state.size; r++) {
        if (state.failed[r] === 1) continue;
        const total = rowTotal(state, r, trace);
        if (state.failed[r] === 0) state.score[r] = total;
      }
      thresholds.assign(state, trace);
    },
  };
}
