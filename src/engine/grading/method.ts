import type { ExplainedValue, ExplanationStep } from '../grader';
import type { InputDef, Threshold } from '../model';
import { formatThresholdBound } from '../table/ranges';
import { nextDown } from './bands';
import { displayCell, serialToIsoDate } from '../values/coerce';
import type { SlotResolver } from './conditions';
import type { BlockState } from './row-state';

/** What a method needs from the table it belongs to. */
export interface MethodContext extends SlotResolver {
  tierIndex(tierId: string): number;
}

/**
 * A compiled method. `evaluate` reads the decoded inputs of a block of rows
 * and sets each row's tier (and score), or fails the row with the reason;
 * rows already failed are skipped. With a trace (a block of one row, while
 * explaining) it also records the steps an explanation shows.
 */
export interface MethodEvaluator {
  readonly hasScore: boolean;
  /**
   * True when `evaluate` sets every row's score and tier itself, failed rows
   * included (NaN and -1), so the block need not fill them first.
   */
  readonly writesEveryRow?: boolean;
  /**
   * Slots whose values `evaluate` checks for finiteness itself: such a slot
   * may be read in place from a caller's column of doubles unchecked
   * (`state.unchecked`), and then only in a block where no row has failed
   * and no trace is kept. Finding a non-finite value there, `evaluate` sets
   * `state.nonFinite` (its results are then dropped and the block graded
   * again with every value checked).
   */
  readonly checksFinite?: readonly number[];
  evaluate(state: BlockState, trace: ExplanationStep[] | undefined): void;
}

/** Score -> tier, for one score or for every graded row of a block. */
export interface Thresholds {
  /** The tier index of a score; with a trace, records the total and the bound it met. */
  tierOf(score: number, trace: ExplanationStep[] | undefined): number;
  /** The tier index of a score, for hot loops (no trace). */
  tierAt(score: number): number;
  /** Sets state.tier from state.score for every row not failed. */
  assign(state: BlockState, trace: ExplanationStep[] | undefined): void;
}

/**
 * Score -> tier index, best tier first; validation guarantees the last
 * threshold is open. Bounds go down, so the bounds a score misses are the
 * first k: they are counted without branches, each as one strict test
 * ("s < b" is "s <= the double just below b").
 */
export function makeThresholds(thresholds: readonly Threshold[], ctx: MethodContext): Thresholds {
  const last = thresholds.length - 1;
  // Thresholds by share are never missed here: the tier comes later, from the rank (share-tiers.ts).
  const missAtOrBelow = Float64Array.from(thresholds.slice(0, last), (t) =>
    t.topShare !== undefined ? -Infinity : t.gte !== undefined ? nextDown(t.gte) : t.gt!,
  );
  const tier = Int32Array.from(thresholds, (t) => ctx.tierIndex(t.tier));
  // Up to four tiers (most tables): the tests unrolled; a bound that is not there (NaN) is never missed.
  const [m0 = NaN, m1 = NaN, m2 = NaN] = missAtOrBelow;
  const position =
    last <= 3
      ? (score: number): number => +(score <= m0) + +(score <= m1) + +(score <= m2)
      : (score: number): number => {
          let k = 0;
          for (let j = 0; j < last; j++) k += +(score <= missAtOrBelow[j]!);
          return k;
        };
  const tierAt = (score: number): number => tier[position(score)]!;
  return {
    tierAt,
    tierOf(score, trace) {
      const k = position(score);
      if (trace) {
        trace.push({ kind: 'total', score });
        trace.push({ kind: 'threshold', tier: thresholds[k]!.tier, bound: formatThresholdBound(thresholds, k) });
      }
      return tier[k]!;
    },
    assign(state, trace) {
      if (trace) {
        if (state.failed[0] === 0) state.tier[0] = this.tierOf(state.score[0]!, trace);
        return;
      }
      const { score, failed } = state;
      for (let r = 0; r < state.size; r++) if (failed[r] === 0) state.tier[r] = tierAt(score[r]!);
    },
  };
}

/** A decoded slot as explanations show it: the cell as given and the value it was read as. */
/** A scorecard criterion's explanation step for the row being explained (plain and time-aware scorecards). */
export function criterionStep(
  state: BlockState,
  c: { id: string; slot: number; input: InputDef; weight: number },
  band: number,
  points: number,
): Extract<ExplanationStep, { kind: 'criterion' }> {
  return {
    kind: 'criterion',
    criterion: c.id,
    input: explainValue(state, c.slot, c.input),
    band,
    points,
    weight: c.weight,
  };
}

export function explainValue(state: BlockState, slot: number, input: InputDef): ExplainedValue {
  const raw = displayCell(state.raw[slot]);
  if (state.blank[slot]![0] === 1) return { input: input.id, raw, value: null };
  const v = state.values[slot]![0]!;
  switch (input.type) {
    case 'number':
      return { input: input.id, raw, value: v };
    case 'boolean':
      return { input: input.id, raw, value: v === 1 };
    case 'date':
      return { input: input.id, raw, value: serialToIsoDate(v) };
    case 'category':
      return { input: input.id, raw, value: input.values?.[v]?.id ?? null };
    case 'text':
      return { input: input.id, raw, value: raw };
  }
}

/** Removes binary floating-point noise (80 × 1.05 = 84.00000000000001) before thresholds. */
export function cleanFloat(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
