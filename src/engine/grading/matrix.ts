import type { ExplanationStep } from '../grader';
import type { MatrixMethod } from '../model';
import { makeBandFinder } from './bands';
import { explainValue, makeThresholds, type MethodContext, type MethodEvaluator } from './method';
import type { BlockState } from './row-state';

/** Two banded axes -> a cell: a tier, or points that thresholds turn into a tier. */
export function compileMatrix(method: MatrixMethod, ctx: MethodContext): MethodEvaluator {
  const axis = (a: MatrixMethod['rows']) => {
    const input = ctx.inputOf(a.input);
    return {
      input,
      slot: ctx.slotOf(a.input),
      bands: a.bands,
      find: makeBandFinder(
        input,
        a.bands.map((b) => b.match),
      ).find,
    };
  };
  const rows = axis(method.rows);
  const columns = axis(method.columns);
  const width = method.columns.bands.length;
  const flat = method.cells.flat();
  const byScore = method.output === 'score';
  const values = Float64Array.from(flat, (cell) => (byScore ? Number(cell) : ctx.tierIndex(String(cell))));
  const thresholds = byScore && method.thresholds ? makeThresholds(method.thresholds, ctx) : undefined;

  /** The band of row r on one axis, or -1 with the row failed. */
  const locate = (state: BlockState, r: number, a: typeof rows): number => {
    if (state.blank[a.slot]![r] === 1) {
      state.fail(r, { kind: 'blank', input: a.input.id });
      return -1;
    }
    const value = state.values[a.slot]![r]!;
    const band = a.find(value);
    if (band < 0) state.fail(r, { kind: 'out-of-range', input: a.input.id, value });
    return band;
  };

  return {
    hasScore: byScore,
    evaluate(state: BlockState, trace: ExplanationStep[] | undefined): void {
      for (let r = 0; r < state.size; r++) {
        if (state.failed[r] === 1) continue;
        const row = locate(state, r, rows);
        if (row < 0) continue;
        const column = locate(state, r, columns);
        if (column < 0) continue;
        const cell = values[row * width + column]!;
        if (trace) {
          trace.push({
            kind: 'matrix',
            row: explainValue(state, rows.slot, rows.input),
            rowBand: rows.bands[row]!.id,
            column: explainValue(state, columns.slot, columns.input),
            columnBand: columns.bands[column]!.id,
            cell: flat[row * width + column]!,
          });
        }
        if (thresholds) {
          state.score[r] = cell;
          state.tier[r] = thresholds.tierOf(cell, trace);
        } else {
          state.tier[r] = cell;
        }
      }
    },
  };
}
