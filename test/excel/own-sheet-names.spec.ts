/**
 * Data on a sheet named like one Tierwise writes ("Tierwise Rules",
 * "Tierwise Summary (2)", ...): Apply refuses it, naming the sheet, and
 * changes nothing; the pane says it in both languages.
 */
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import { formatWorkbookProblem } from '../../src/taskpane/text';
import { customerRows, detectAndRead, HEADERS, planFor } from './support';

describe('a data sheet named like one of Tierwise', () => {
  it.each(['Tierwise Rules', 'tierwise history', 'Tierwise Journal', 'Tierwise Summary', 'Tierwise Summary (3)'])(
    'given the data on a sheet named %j, then Apply refuses it and the workbook is unchanged',
    async (name) => {
      const fake = new FakeExcel();
      fake.addSheet(name, [HEADERS, ...customerRows(5)]);
      fake.select(name, { row: 1, column: 1, rows: 1, columns: 1 });
      const before = fake.snapshot();
      const workbook = new OfficeWorkbook(fake.run);
      const { region, rows } = await detectAndRead(workbook);
      expect(await workbook.apply(region, planFor(region, rows))).toEqual({
        ok: false,
        problem: { kind: 'own-sheet', sheet: name },
      });
      expect(fake.snapshot()).toEqual(before);
    },
  );

  it('given a name that only starts like one of Tierwise, then Apply grades it', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Tierwise Rules 2024', [HEADERS, ...customerRows(5)]);
    fake.select('Tierwise Rules 2024', { row: 1, column: 1, rows: 1, columns: 1 });
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    expect((await workbook.apply(region, planFor(region, rows))).ok).toBe(true);
  });

  it('the pane names the sheet and the way out, in either language', () => {
    const problem = { kind: 'own-sheet', sheet: 'Tierwise Rules' } as const;
    expect(formatWorkbookProblem(problem, 'en-US')).toBe(
      'The sheet Tierwise Rules has the name of a sheet Tierwise writes, so grading it would write over your data. Rename the sheet (right-click its tab > Rename) and apply again.',
    );
    expect(formatWorkbookProblem(problem, 'zh-CN')).toBe(
      '工作表 Tierwise Rules 与 Tierwise 写入的工作表同名，分级会覆盖你的数据。请重命名该工作表（右键单击工作表标签 > 重命名），再应用。',
    );
  });
});
