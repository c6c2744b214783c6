import type { Cell } from '../values/cell';
import type { Decoder } from './decode';
import type { BlockState } from './row-state';

/**
 * Fast reads of number inputs into a block, for the common case of finite
 * numbers. Each leaves what it could not read (blanks, texts, errors,
 * non-finite numbers) to the input's decoder, so results equal decoding
 * every cell.
 */

/**
 * Rows start .. start+size of a caller's column of doubles into `slot`: read
 * in place when all are finite (the caller's array is never written), else
 * copied and the non-finite values sent through the decoder. With `check`
 * false the rows are read in place unchecked, for a method that checks them
 * itself (`MethodEvaluator.checksFinite`).
 */
export function readDoubles(
  column: Float64Array,
  start: number,
  size: number,
  state: BlockState,
  slot: number,
  decode: Decoder,
  check: boolean,
): void {
  const view = column.subarray(start, start + size);
  state.blank[slot]!.fill(0, 0, size);
  if (!check) return state.borrow(slot, view, false);
  if (allFinite(view, size)) return state.borrow(slot, view);
  const values = state.values[slot]!;
  values.set(view);
  const failed = state.failed;
  for (let r = 0; r < size; r++) {
    const v = values[r]!;
    if (v - v !== 0 && failed[r] === 0) decode(v, state, r);
  }
}

/** Whether the first `size` values are all finite. */
export function allFinite(values: Float64Array, size: number): boolean {
  // x - x is 0 for every finite x and NaN for NaN and ±Infinity: the sum is 0 only when all are finite.
  let sum = 0;
  for (let r = 0; r < size; r++) sum += values[r]! - values[r]!;
  return sum === 0;
}

/** Whether every slot read unchecked holds finite values only; if so they count as checked from now on. */
export function uncheckedFinite(state: BlockState): boolean {
  for (const slot of state.unchecked) if (!allFinite(state.values[slot]!, state.size)) return false;
  state.unchecked.length = 0;
  return true;
}

/** The number inputs of a table read from rows of cells: where each sits in a row and its slot. */
export interface NumberCells {
  readonly columns: Int32Array;
  readonly slots: Int32Array;
}

/**
 * One pass over rows start .. start+size for every number input at once:
 * finite numbers go to their slots (blank flags cleared), up to the first row
 * holding anything else. Returns that row's index (size when every row was
 * read), from where the per-input pass decodes; columns of texts thus cost
 * no extra pass.
 */
export function readNumberCells(
  rows: ArrayLike<ArrayLike<Cell>>,
  start: number,
  size: number,
  state: BlockState,
  inputs: NumberCells,
): number {
  const { columns, slots } = inputs;
  for (let j = 0; j < slots.length; j++) state.blank[slots[j]!]!.fill(0, 0, size);
  if (slots.length === 2) {
    // Two number inputs (the most common scorecard) without the inner loop.
    const c0 = columns[0]!;
    const c1 = columns[1]!;
    const v0 = state.values[slots[0]!]!;
    const v1 = state.values[slots[1]!]!;
    for (let r = 0; r < size; r++) {
      const row = rows[start + r]!;
      const a = row[c0];
      const b = row[c1];
      if (typeof a !== 'number' || a - a !== 0 || typeof b !== 'number' || b - b !== 0) return r;
      v0[r] = a;
      v1[r] = b;
    }
    return size;
  }
  const values = Array.from(slots, (slot) => state.values[slot]!);
  for (let r = 0; r < size; r++) {
    const row = rows[start + r]!;
    for (let j = 0; j < values.length; j++) {
      const cell = row[columns[j]!];
      if (typeof cell !== 'number' || cell - cell !== 0) return r;
      values[j]![r] = cell;
    }
  }
  return size;
}
