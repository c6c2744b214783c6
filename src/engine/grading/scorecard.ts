import type { ExplanationStep } from '../grader';
import type { ScorecardMethod } from '../model';
import { bandsPassed, makeBandFinder } from './bands';
import { compileCondition } from './conditions';
import { cleanFloat, explainValue, makeThresholds, type MethodContext, type MethodEvaluator } from './method';
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
    // Numeric bands are scanned inline (no call): this is the hottest loop of the engine.
    const lookup =
      bands.kind === 'range'
        ? rangeLookup(bands.lo, bands.loInclusive, bands.hi, bands.hiInclusive, bands.band)
        : tableLookup(bands.table);
    /** Adds this criterion's weighted points to each row's total: one tight loop per criterion. */
    const add = (state: BlockState, total: Float64Array): void => {
      const values = state.values[slot]!;
      const blank = state.blank[slot]!;
      const failed = state.failed;
      lookup(values, failed, blank, state.size, state.bandOut);
      const bandOut = state.bandOut;
      for (let r = 0; r < state.size; r++) {
        if (failed[r] === 1) continue;
        if (blank[r] === 1) {
          if (Number.isNaN(blankPoints)) state.fail(r, { kind: 'blank', input: input.id });
          else total[r]! += blankPoints * weight;
          continue;
        }
        const band = bandOut[r]!;
        if (band < 0) state.fail(r, { kind: 'out-of-range', input: input.id, value: values[r]! });
        else total[r]! += points[band]! * weight;
      }
    };
    return { id: c.id, input, slot, weight, find, points, blankPoints, add };
  });
  const multipliers = (method.multipliers ?? []).map((m) => ({
    id: m.id,
    factor: m.factor,
    test: compileCondition(m.when, ctx).test,
  }));
  const tierOf = makeThresholds(method.thresholds, ctx);
  const exact =
    multipliers.length === 0 &&
    criteria.every((c) => Number.isInteger(c.weight) && c.points.every(Number.isInteger) && !(c.blankPoints % 1));
  const scale = method.round === undefined ? 0 : 10 ** method.round;
  const total = new Float64Array(BLOCK_SIZE);

  return {
    hasScore: true,
    evaluate(state: BlockState, trace: ExplanationStep[] | undefined): void {
      const n = state.size;
      total.fill(0, 0, n);
      for (let i = 0; i < criteria.length; i++) criteria[i]!.add(state, total);
      for (let i = 0; i < multipliers.length; i++) {
        const m = multipliers[i]!;
        for (let r = 0; r < n; r++) if (state.failed[r] === 0 && m.test(state, r)) total[r]! *= m.factor;
      }
      if (trace && state.failed[0] === 0) {
        // Explaining one row: its criteria and multipliers come before the total.
        for (const c of criteria) {
          const blank = state.blank[c.slot]![0] === 1;
          const band = blank ? -1 : c.find(state.values[c.slot]![0]!);
          const points = blank ? c.blankPoints : c.points[band]!;
          trace.push({
            kind: 'criterion',
            criterion: c.id,
            input: explainValue(state, c.slot, c.input),
            band,
            points,
            weight: c.weight,
          });
        }
        for (const m of multipliers)
          trace.push({ kind: 'multiplier', id: m.id, factor: m.factor, applied: m.test(state, 0) });
      }
      for (let r = 0; r < n; r++) {
        if (state.failed[r] === 1) continue;
        let score = exact ? total[r]! : cleanFloat(total[r]!);
        if (scale) score = Math.round(score * scale) / scale;
        state.score[r] = score;
        state.tier[r] = tierOf(score, trace);
      }
    },
  };
}

type BandLookup = (values: Float64Array, failed: Uint8Array, blank: Uint8Array, n: number, out: Int32Array) => void;

/** Writes each row's band for sorted contiguous numeric bands (-1 outside them). */
function rangeLookup(
  lo: number,
  loInclusive: boolean,
  hi: Float64Array,
  hiInclusive: Uint8Array,
  order: Int32Array,
): BandLookup {
  const count = hi.length;
  return (values, failed, blank, n, out) => {
    for (let r = 0; r < n; r++) {
      if ((failed[r]! | blank[r]!) === 1) continue;
      const v = values[r]!;
      if (v > lo || (v === lo && loInclusive)) {
        const k = bandsPassed(v, hi, hiInclusive);
        out[r] = k < count ? order[k]! : -1;
      } else {
        out[r] = -1;
      }
    }
  };
}

/** Writes each row's band for category and boolean bands (decoded values are indexes). */
function tableLookup(table: Int32Array): BandLookup {
  return (values, failed, blank, n, out) => {
    for (let r = 0; r < n; r++) {
      if ((failed[r]! | blank[r]!) === 1) continue;
      out[r] = table[values[r]!] ?? -1;
    }
  };
}
