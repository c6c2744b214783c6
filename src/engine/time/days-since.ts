import { makeDecoder, type Decoder } from '../grading/decode';
import type { InputDef } from '../model';

/**
 * Reads a date column into a daysSince input: whole days from the date to
 * the table's as-of date (ADR 0017). Blanks and bad dates fail as for a
 * date input; a date after the as-of date gives a negative age.
 */
export function makeDaysSinceDecoder(input: InputDef, slot: number, asOf: number): Decoder {
  const readDate = makeDecoder({ ...input, type: 'date' }, slot);
  return (cell, state, r) => {
    readDate(cell, state, r);
    if (state.failed[r] === 1 || state.blank[slot]![r] === 1) return;
    state.values[slot]![r] = Math.floor(asOf) - state.values[slot]![r]!;
  };
}
