import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import type { WorkbookPlan } from '../../src/excel/plan-types';
import { customerRows, detectAndRead, HEADERS, planFor, value } from './support';

const CURRENCY = '"$"#,##0.00';
const DATE = 'yyyy-mm-dd';

/** Customers with a formatted Revenue column (the one left of Tierwise's), as a plain range or an Excel table. */
function formattedWorkbook(format: string, table: boolean): FakeExcel {
  const fake = new FakeExcel();
  const sheet = fake.addSheet('Customers', [HEADERS, ...customerRows(8)]);
  for (let r = 0; r <= 8; r++) fake.setCell(sheet, r, 3, { ...fake.cell(sheet, r, 3)!, numberFormat: format });
  if (table) fake.addTable('Clients', 'Customers', { row: 0, column: 0, rows: 9, columns: 4 });
  fake.select('Customers', { row: 1, column: 1, rows: 1, columns: 1 });
  return fake;
}

/** The number format of every output body cell, column by column. */
function outputFormats(fake: FakeExcel, plan: WorkbookPlan): Array<Array<string | undefined>> {
  const sheet = fake.sheet('Customers')!;
  return plan.frame.columns.map((c) =>
    Array.from({ length: 8 }, (_x, i) => fake.cell(sheet, i + 1, c.sheetColumn)?.numberFormat),
  );
}

describe('The fake: inserted columns take the format of their left neighbour, like Excel', () => {
  it('given a currency column, then a whole column inserted right of it and a table column added right of it are currency', async () => {
    for (const table of [false, true]) {
      const fake = formattedWorkbook(CURRENCY, table);
      await fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject('Customers');
        if (table) sheet.tables.getItemOrNullObject('Clients').columns.add(4, undefined, 'New');
        else sheet.getRangeByIndexes(0, 4, 1, 1).getEntireColumn().insert('Right');
        await context.sync();
      });
      const sheet = fake.sheet('Customers')!;
      expect(Array.from({ length: 9 }, (_x, r) => fake.cell(sheet, r, 4)?.numberFormat)).toEqual(
        Array.from({ length: 9 }, () => CURRENCY),
      );
    }
  });
});

describe('Apply sets the number format of every output column', () => {
  for (const [format, table] of [
    [DATE, false],
    [CURRENCY, false],
    [DATE, true],
    [CURRENCY, true],
  ] as const) {
    it(`given the column left of the outputs formatted ${format} (${table ? 'table' : 'range'}), then Score is General and the text columns are Text`, async () => {
      const fake = formattedWorkbook(format, table);
      const workbook = new OfficeWorkbook(fake.run);
      const { region, rows } = await detectAndRead(workbook);
      const plan = planFor(region, rows, { summary: false });
      value(await workbook.apply(region, plan));
      expect(outputFormats(fake, plan)).toEqual(
        plan.frame.columns.map((c) => Array.from({ length: 8 }, () => (c.kind === 'score' ? undefined : '@'))),
      );
    });
  }

  it('given live formulas, then the text columns are General, so Excel calculates them', async () => {
    const fake = formattedWorkbook(DATE, false);
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const plan = planFor(region, rows, { summary: false, mode: 'formulas' });
    const live = plan.frame.columns.map((_c, j) => plan.cells.some((row) => typeof row[j] === 'object'));
    expect(live).toContain(true);
    value(await workbook.apply(region, plan));
    expect(outputFormats(fake, plan)).toEqual(
      plan.frame.columns.map((c, j) =>
        Array.from({ length: 8 }, () => (c.kind === 'score' || live[j] ? undefined : '@')),
      ),
    );
  });
});
