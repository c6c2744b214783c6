/**
 * What Apply changed, as the steps that undo it. A step is recorded only once
 * the change it undoes has been synced (or is idempotent when the change did
 * not happen), so a failure half-way can be rolled back with the steps so far.
 */
import type { Rect } from './a1';

export type UndoStep =
  | { kind: 'delete-columns'; sheet: string; column: number; count: number }
  | { kind: 'delete-table-column'; sheet: string; table: string; header: string }
  | { kind: 'restore-cells'; sheet: string; rect: Rect; formulas: unknown[][]; numberFormat: unknown[][] }
  /** A column Tierwise wrote earlier and took out: back in place (a whole column, or a table column at index), then its cells. */
  | {
      kind: 'reinsert-column';
      sheet: string;
      rect: Rect;
      formulas: unknown[][];
      numberFormat: unknown[][];
      table?: string;
      index?: number;
      bold?: boolean;
    }
  | { kind: 'delete-cfs'; sheet: string; rect: Rect; formulas: string[] }
  | { kind: 'restore-cf'; sheet: string; address: string; formula: string; fill: string; font: string }
  | { kind: 'delete-sheet'; sheet: string }
  | { kind: 'delete-name'; sheet?: string; name: string }
  | { kind: 'restore-name'; sheet?: string; name: string; formula: string }
  | { kind: 'restore-xml'; xml: string | null };

export class Journal {
  readonly steps: UndoStep[] = [];

  record(step: UndoStep): void {
    this.steps.push(step);
  }

  /** The steps in the order they must run: last change first. */
  undoOrder(): UndoStep[] {
    return [...this.steps].reverse();
  }
}
