/**
 * The ABC boundary cases of ADR 0016 (a share before of exactly 80% and 95%, the customer crossing a
 * cut, ties across a cut, all equal, one customer, bad values) and the engine's rows for them:
 * shared by the DuckDB, PostgreSQL and Spark tests of the ABC SQL export.
 */
import { compileTable } from '../../src/engine/compile';
import type { GradeBatch } from '../../src/engine/grader';
import { ABC } from '../../src/engine/presets/abc';
import type { Cell } from '../../src/engine/values/cell';

export const ABC_DATA_SETS: Array<[string, Cell[]]> = [
  ['a share before of exactly 80%', [50, 30, 20]],
  ['the customer crossing 80%', [60, 30, 10]],
  ['a share before of exactly 95%', [80, 15, 5]],
  ['crossing 95%', [80, 10, 6, 4]],
  ['ties across the 80% cut', [10, 70, 10, 10]],
  ['all equal', [5, 5, 5, 5]],
  ['one customer', [42]],
  ['zero, negative, blank and text values', [0, 60, -5, null, 'lots', 30, ' 10 ', 2.5, 0.25]],
];

export type AbcRow = [score: number | null, tier: string | null, error: string | null];

export function abcEngineRows(values: Cell[]): AbcRow[] {
  const compiled = compileTable(ABC);
  if (!compiled.ok) throw new Error('abc compiles');
  const batch: GradeBatch = compiled.compiled.gradeRows(values.map((v) => [v]));
  return values.map((_v, i) => {
    const error = batch.errors.get(i);
    if (error) return [null, null, 'input' in error ? `${error.kind}:${error.input}` : error.kind];
    return [batch.scores[i]!, ABC.tiers[batch.tiers[i]!]!.id, null];
  });
}
