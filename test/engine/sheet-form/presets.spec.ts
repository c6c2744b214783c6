import { validateTable } from '../../../src/engine/compile';
import { PRESETS } from '../../../src/engine/presets';
import { parseSheetTable, printSheetTable } from '../../../src/engine/sheet-form';
import type { Cell } from '../../../src/engine/values/cell';
import { paymentScorecard } from './fixtures';

describe('sheet form and the rest of the engine', () => {
  it.each(PRESETS.map((preset) => [preset.id, preset] as const))(
    'given the preset %s, then parse(print(t)) deep-equals t',
    (_, preset) => {
      const result = parseSheetTable(printSheetTable(preset));
      if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
      expect(result.table).toStrictEqual(preset);
    },
  );

  it('given a band gap typed on the sheet, then the validation problem is placed at its cell through cellOf', () => {
    const cells = printSheetTable(paymentScorecard).map((row) => [...row]);
    const r = cells.findIndex((row) => row[2] === '5000 < x <= 10000');
    (cells[r] as Cell[])[2] = '6000 < x <= 10000';
    const result = parseSheetTable(cells, { sheet: 'Rules', row: 0, column: 0 });
    if (!result.ok) throw new Error('the sheet itself is well formed');
    const problems = validateTable(result.table);
    const gap = problems.find((p) => p.code === 'band-gap');
    expect(gap).toBeDefined();
    const cell = result.cellOf(gap?.path ?? '');
    expect(cell).toMatch(new RegExp(`^Rules!C(${r}|${r + 1})$`));
  });
});
