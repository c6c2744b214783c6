import type { Decay } from '../model';

/**
 * The factor points are multiplied by at an age in days (ADR 0017): a
 * half-life halves them every `halfLife` days (1 at age 0, 0.5 at the
 * half-life); a step table gives the factor of the last step whose
 * `fromDays` the age has reached, 1 before the first step. Never above 1:
 * a date after the as-of date does not add points.
 */
export function decayFactor(decay: Decay, age: number): number {
  if (decay.halfLife !== undefined) return Math.min(1, 0.5 ** (age / decay.halfLife));
  let factor = 1;
  for (const step of decay.steps ?? []) {
    if (age >= step.fromDays) factor = step.factor;
    else break;
  }
  return Math.min(1, factor);
}
