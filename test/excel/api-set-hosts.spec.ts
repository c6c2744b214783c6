import type { ExcelContext } from '../../src/excel/excel-api';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { EXCEL_HOSTS } from '../../src/excel/testing/fake-hosts';
import type { Result } from '../../src/excel/workbook';
import { customerWorkbook } from './support';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.value;
}

describe('the fake as Excel 2021 (ExcelApi 1.14) and as current Microsoft 365', () => {
  it('as Excel 2021, RangeAreas.select (ExcelApi 1.18) queues and then fails at sync with ApiNotFound', async () => {
    const fake = customerWorkbook(10);
    fake.host = EXCEL_HOSTS['Excel 2021'];
    const before = fake.snapshot();
    const failed = fake.run(async (context: ExcelContext) => {
      context.workbook.worksheets.getItemOrNullObject('Customers').getRanges('A2:D2,A4:D4').select();
      await context.sync();
    });
    await expect(failed).rejects.toMatchObject({
      code: 'ApiNotFound',
      message: /RangeAreas.select needs ExcelApi 1.18/,
    });
    expect(fake.snapshot()).toEqual(before);
    expect(fake.run.isSetSupported?.('ExcelApi', '1.14')).toBe(true);
    expect(fake.run.isSetSupported?.('ExcelApi', '1.15')).toBe(false);
  });

  it('as Excel 2021, "select these rows" selects the first run of rows and says so', async () => {
    const fake = customerWorkbook(10);
    fake.host = EXCEL_HOSTS['Excel 2021'];
    const workbook = new OfficeWorkbook(fake.run);
    const region = value(await workbook.detectData());
    expect(value(await workbook.selectRows(region, [3, 4, 5, 8]))).toEqual({ selected: 3, firstAreaOnly: true });
    expect(fake.selection).toEqual({ sheet: 'Customers', rects: [{ row: 4, column: 0, rows: 3, columns: 4 }] });
  });

  it('as Microsoft 365, the same rows are selected as two areas', async () => {
    const fake = customerWorkbook(10);
    fake.host = EXCEL_HOSTS['Microsoft 365'];
    const workbook = new OfficeWorkbook(fake.run);
    const region = value(await workbook.detectData());
    expect(value(await workbook.selectRows(region, [3, 4, 5, 8]))).toEqual({ selected: 4 });
    expect(fake.selection).toEqual({
      sheet: 'Customers',
      rects: [
        { row: 4, column: 0, rows: 3, columns: 4 },
        { row: 9, column: 0, rows: 1, columns: 4 },
      ],
    });
  });
});
