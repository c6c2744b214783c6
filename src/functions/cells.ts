/**
 * Arguments as Excel hands them to custom functions: ranges are 2-D arrays
 * of numbers, strings, booleans, null or "" (empty cells) and
 * CustomFunctions.Error objects ({ code: "#N/A" }); a scalar passed to a
 * range parameter arrives as [[value]]; an omitted optional argument is
 * undefined or null.
 */
import type { Cell } from '../engine';
import { isBlank } from '../engine/values/coerce';

/** Converts an Excel error object to the engine's `{ error }`; other values pass through. */
export function toCell(value: unknown): Cell {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value as Cell;
  const code = (value as { code?: unknown; error?: unknown }).code ?? (value as { error?: unknown }).error;
  return typeof code === 'string' ? { error: code } : '#VALUE!';
}

/** Rows with error objects converted (rows without objects are reused as they are). */
export function toRows(values: readonly (readonly unknown[])[]): Cell[][] {
  const rows = values as Cell[][];
  let copy: Cell[][] | undefined;
  for (let i = 0; i < values.length; i++) {
    const row = values[i]!;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v !== null && typeof v === 'object') {
        copy ??= rows.slice();
        copy[i] = row.map(toCell);
        break;
      }
    }
  }
  return copy ?? rows;
}

export function isBlankRow(row: ArrayLike<Cell>): boolean {
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (v !== null && v !== '' && v !== undefined && !isBlank(v)) return false;
  }
  return true;
}

/**
 * How many rows count: trailing rows whose cells are all blank are left out,
 * so a whole-column reference (A:B) does not spill a million results.
 */
export function usedRowCount(rows: readonly ArrayLike<Cell>[]): number {
  let n = rows.length;
  while (n > 0 && isBlankRow(rows[n - 1]!)) n--;
  return n;
}

/** Whether an optional argument was left out (Excel passes undefined or null, a range of one empty cell [[null]] or [[""]]). */
export function isOmitted(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 1 && Array.isArray(value[0]) && isOmitted(value[0][0]);
  return false;
}

/** The single value of a scalar-or-1x1 argument. */
export function scalarOf(value: unknown): unknown {
  let v = value;
  while (Array.isArray(v)) v = v[0];
  return v;
}
