import fc from 'fast-check';
import { checkProperty } from '../../support/property';
import { validateTable } from '../../../src/engine/compile';
import { parseSheetTable, printSheetTable } from '../../../src/engine/sheet-form';
import { arbGradingTable } from '../../arbitraries/grading-table';

describe('sheet form, property', () => {
  it('given any valid table, then parse(print(t)) deep-equals t', () => {
    checkProperty(
      fc.property(arbGradingTable(), (table) => {
        const result = parseSheetTable(printSheetTable(table));
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        expect(result.table).toStrictEqual(table);
      }),
      { numRuns: 300 },
    );
  });

  it('given any valid table, then the printed block is rectangular with no undefined cells', () => {
    checkProperty(
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
  it('given a sample of generated tables, then every method kind and the rfm options appear', () => {
    const tables = fc.sample(arbGradingTable(), { numRuns: 400, seed: 7 });
    const kinds = new Set(tables.map((t) => t.method.kind));
    expect([...kinds].sort()).toEqual(['matrix', 'rfm', 'rules', 'scorecard']);
    const rfm = tables.flatMap((t) => (t.method.kind === 'rfm' ? [t.method] : []));
    expect(rfm.some((m) => m.binning === 'fixed' && m.closed === 'left')).toBe(true);
    expect(rfm.some((m) => m.caps?.r !== undefined && m.asOf !== undefined && m.default !== undefined)).toBe(true);
    expect(rfm.some((m) => m.segments.some((s) => s.fm !== undefined && s.r === undefined))).toBe(true);
  });

  it('given any generated table, then the engine finds no problem in it', () => {
    checkProperty(
      fc.property(arbGradingTable(), (table) => {
        expect(validateTable(table)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
