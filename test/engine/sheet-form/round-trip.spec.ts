import { parseSheetTable, printSheetTable } from '../../../src/engine/sheet-form';
import { ALL_FIXTURES } from './fixtures';

describe('sheet form round trip', () => {
  it.each(Object.entries(ALL_FIXTURES))('given %s, then parse(print(t)) deep-equals t', (_, table) => {
    const result = parseSheetTable(printSheetTable(table));
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.table).toStrictEqual(table);
  });

  it.each(Object.entries(ALL_FIXTURES))(
    'given %s printed, then the block is rectangular and holds no undefined',
    (_, table) => {
      const cells = printSheetTable(table);
      const width = cells[0]?.length ?? 0;
      expect(width).toBeGreaterThan(2);
      for (const row of cells) {
        expect(row).toHaveLength(width);
        for (const cell of row) expect(cell).not.toBeUndefined();
      }
    },
  );

  it('given a block passed through JSON (as a CSV or Office.js copy would), then it still parses to the same table', () => {
    const table = ALL_FIXTURES.salesPipeline;
    const copy = JSON.parse(JSON.stringify(printSheetTable(table))) as ReturnType<typeof printSheetTable>;
    const result = parseSheetTable(copy);
    expect(result.ok && result.table).toStrictEqual(table);
  });

  it('given texts Excel would change (leading =, digits, TRUE, #N/A), then they print with an apostrophe and read back', () => {
    const table = structuredClone(ALL_FIXTURES.paymentScorecard);
    table.tiers[0]!.label = { en: '=SUM(A1)', zh: '007' };
    table.tiers[1]!.label = { en: 'TRUE', zh: '#N/A' };
    table.tiers[2]!.strategy = { en: "'quoted" };
    const cells = printSheetTable(table);
    const flat = cells.flat();
    expect(flat).toContain("'=SUM(A1)");
    expect(flat).toContain("'007");
    expect(flat).toContain("'TRUE");
    expect(flat).toContain("'#N/A");
    expect(flat).not.toContain('=SUM(A1)');
    const result = parseSheetTable(cells);
    expect(result.ok && result.table).toStrictEqual(table);
    // As Excel hands it back: the apostrophe prefix is not part of the value.
    const fromExcel = cells.map((row) =>
      row.map((cell) => (typeof cell === 'string' && /^'[=0#T]/.test(cell) ? cell.slice(1) : cell)),
    );
    const again = parseSheetTable(fromExcel);
    expect(again.ok && again.table.tiers.map((t) => t.label)).toEqual(table.tiers.map((t) => t.label));
  });
});
