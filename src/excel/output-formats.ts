/**
 * The number format Apply gives each output column. Excel formats an inserted column like the column to
 * its left (a Score next to a date column would show as a date), so every output column gets its format
 * written explicitly: Score General, text columns Text ("@", so a tier "1" or an explanation stays text),
 * and General where the column holds live formulas (Excel does not calculate a formula typed into Text).
 */
import type { PlanCell, PlanColumn } from '../engine/plan';

export const GENERAL = 'General';
export const TEXT = '@';

export function outputNumberFormat(column: PlanColumn, cells: readonly PlanCell[]): string {
  if (column.numberFormat) return column.numberFormat;
  if (column.kind === 'score') return GENERAL;
  return cells.some((cell) => typeof cell === 'object' && cell !== null) ? GENERAL : TEXT;
}
