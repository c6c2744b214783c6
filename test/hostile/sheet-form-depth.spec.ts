/** A hand-made sheet form nested thousands of levels deep is a problem on its cell, never a stack overflow. */
import { getPreset } from '../../src/engine/presets';
import { parseSheetTable, printSheetTable } from '../../src/engine/sheet-form';
import type { Cell } from '../../src/engine/values/cell';
import { TABLE_LIMITS } from '../../src/engine/model';

test('given a condition nested 4,800 levels deep, then parsing reports too-deep at the first level past the limit', () => {
  const rows = printSheetTable(getPreset('sales-pipeline')!).map((row) => [...row] as Cell[]);
  const first = rows.findIndex((row) => row[0] === 'A01') + 1; // the group's first child: level 2
  const leaf = rows[first]!;
  const chain: Cell[][] = [];
  for (let level = 2; level < 4800; level++) chain.push([null, level, 'NOT', null, null, null, null, null]);
  chain.push([null, 4800, leaf[2]!, leaf[3]!, leaf[4]!, null, null, null]);
  rows.splice(first, 1, ...chain);
  const result = parseSheetTable(rows);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  const tooDeep = result.problems.filter((p) => p.code === 'too-deep');
  expect(tooDeep).toEqual([
    expect.objectContaining({
      code: 'too-deep',
      cell: `B${first + TABLE_LIMITS.conditionDepth}`, // level 17, one past the limit
      detail: { limit: TABLE_LIMITS.conditionDepth },
    }),
  ]);
});
