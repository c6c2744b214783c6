/**
 * Sheet names Excel refuses, read from a stranger's workbook and written
 * into the graded one: grade renames the sheet so Excel can open the result,
 * and says what it changed and why.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { rawWorkbook } from '../xlsx/raw-workbook';
import { leftovers, tierwise, useFolder } from './support';

const folder = useFolder('sheet-names');
const GRADE = ['--table', 'payment-scorecard'];

/** A minimal .xlsx whose one sheet has `name` as written in workbook.xml (so names Excel itself would refuse too). */
function workbookWithSheet(name: string): Buffer {
  const rows = [
    ['id', 'monthly_sales', 'payment_days'],
    ['C1', 25000, 10],
    ['C2', 3000, 90],
  ];
  return rawWorkbook([{ name, part: 'xl/worksheets/sheet1.xml', target: 'worksheets/sheet1.xml', rows }]);
}

async function sheetNames(path: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.worksheets.map((s) => s.name);
}

describe('a sheet name Excel refuses', () => {
  test.each([
    ['Tierwise Rules', 'Tierwise Rules (2)', "Tierwise writes its own sheet 'Tierwise Rules' into the same workbook"],
    [
      'tierwise summary',
      'tierwise summary (2)',
      "Tierwise writes its own sheet 'Tierwise Summary' into the same workbook",
    ],
    ['Q1/Q2 [draft]', 'Q1_Q2 _draft_', 'Excel does not allow / in a sheet name'],
    ['C'.repeat(40), 'C'.repeat(31), 'Excel allows at most 31 characters in a sheet name (this one has 40)'],
    ['History', 'History (2)', "Excel keeps the name 'History' for itself"],
  ])(
    'given an input sheet named %j, then the graded workbook names it %j and says why',
    async (name, usable, reason) => {
      writeFileSync(join(folder(), 'in.xlsx'), workbookWithSheet(name));
      const run = await tierwise(folder(), 'grade', 'in.xlsx', ...GRADE, '--out', 'out.xlsx');
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out.split('\n')[0]).toBe(`The sheet '${name}' is written as '${usable}': ${reason}`);
      expect(await sheetNames(join(folder(), 'out.xlsx'))).toEqual([usable, 'Tierwise Summary', 'Tierwise Rules']);
      expect(leftovers(folder())).toEqual([]);
    },
  );

  test('given the same in Chinese, then the note is in Chinese', async () => {
    writeFileSync(join(folder(), 'in.xlsx'), workbookWithSheet('a:b'));
    const run = await tierwise(folder(), 'grade', 'in.xlsx', ...GRADE, '--out', 'out.xlsx', '--lang', 'zh-CN');
    expect(run.code).toBe(0);
    expect(run.out.split('\n')[0]).toBe('工作表“a:b”写为“a_b”：Excel 的工作表名称不能包含 :');
  });
});
