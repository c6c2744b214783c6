import fc from 'fast-check';
import { validateTable } from '../../../src/engine/compile';
import { parseSheetTable, printSheetTable } from '../../../src/engine/sheet-form';
import { arbGradingTable } from '../../arbitraries/grading-table';

describe('sheet form, property', () => {
  it('given any valid table, then parse(print(t)) deep-equals t', () => {
    fc.assert(
      fc.property(arbGradingTable(), (table) => {
        const result = parseSheetTable(printSheetTable(table));
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        expect(result.table).toStrictEqual(table);
      }),
      { numRuns: 300 },
    );
  });

  it('given any valid table, then the printed block is rectangular with no undefined cells', () => {
    fc.assert(
      fc.property(arbGradingTable(), (table) => {
        const cells = printSheetTable(table);
        const width = cells[0]?.length ?? 0;
        expect(cells.every((row) => row.length === width && row.every((cell) => cell !== undefined))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('table arbitrary', () => {
  it('given any generated table, then the engine finds no problem in it', () => {
    fc.assert(
      fc.property(arbGradingTable(), (table) => {
        expect(validateTable(table)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
