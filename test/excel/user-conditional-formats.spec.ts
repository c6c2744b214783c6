import type { Cell } from '../../src/engine';
import type { ExcelContext } from '../../src/excel/excel-api';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { addUserConditionalFormat } from '../../src/excel/testing/fake-conditional-formats';
import type { DataRegion, Result } from '../../src/excel/workbook';
import { customerWorkbook, planFor } from './support';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.value;
}

async function detectAndRead(workbook: OfficeWorkbook): Promise<{ region: DataRegion; rows: Cell[][] }> {
  const region = value(await workbook.detectData());
  return { region, rows: value(await workbook.readRows(region)) };
}

/** A sheet whose data already carries the user's colour scale, data bar, icon set and cell-value rule. */
function sheetWithUserFormats() {
  const fake = customerWorkbook(6);
  addUserConditionalFormat(fake, 'Customers', 'B2:B7', 'ColorScale');
  addUserConditionalFormat(fake, 'Customers', 'D2:D7', 'DataBar');
  addUserConditionalFormat(fake, 'Customers', 'C2:C7', 'IconSet');
  addUserConditionalFormat(fake, 'Customers', 'A2:A7', 'CellValue');
  return fake;
}

const userFormats = [
  { type: 'ColorScale', rect: 'B2:B7' },
  { type: 'DataBar', rect: 'D2:D7' },
  { type: 'IconSet', rect: 'C2:C7' },
  { type: 'CellValue', rect: 'A2:A7' },
];

describe("conditional formats of every type: the user's own beside Tierwise's", () => {
  it('loading custom/rule/formula on a data bar fails at sync, as in Excel (OfficeDev/office-js#2180)', async () => {
    const fake = sheetWithUserFormats();
    const failed = fake.run(async (context: ExcelContext) => {
      const cfs = context.workbook.worksheets
        .getItemOrNullObject('Customers')
        .getRange('A2:D7')
        .conditionalFormats.load('items/id,items/custom/rule/formula');
      await context.sync();
      return cfs.items.length;
    });
    await expect(failed).rejects.toMatchObject({
      code: 'InvalidOperation',
      message: 'This operation is not permitted for the current object.',
    });
    const types = await fake.run(async (context: ExcelContext) => {
      const cfs = context.workbook.worksheets
        .getItemOrNullObject('Customers')
        .getRange('A2:D7')
        .conditionalFormats.load('items/type,items/customOrNullObject/rule/formula');
      await context.sync();
      return cfs.items.map((cf) => [cf.type, cf.customOrNullObject.isNullObject]);
    });
    expect(types).toEqual([
      ['ColorScale', true],
      ['DataBar', true],
      ['IconSet', true],
      ['CellValue', true],
    ]);
  });

  it('Apply, a second Apply and Revert work, and the user formats keep their place and priority', async () => {
    const fake = sheetWithUserFormats();
    const before = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const options = { summary: false, strategy: false, explanation: false, error: false };
    value(await workbook.apply(region, planFor(region, rows, options)));
    const afterFirst = fake.snapshot();
    value(await workbook.apply(region, planFor(region, rows, options)));
    const sheet = fake.sheet('Customers')!;
    const shown = () =>
      sheet.cfs.map((cf) => ({
        type: cf.type,
        rect: `${String.fromCharCode(65 + cf.rect.column)}${cf.rect.row + 1}:${String.fromCharCode(64 + cf.rect.column + cf.rect.columns)}${cf.rect.row + cf.rect.rows}`,
        ...(cf.type === 'Custom' ? { formula: cf.formula } : {}),
      }));
    expect(shown()).toEqual([
      ...userFormats,
      { type: 'Custom', rect: 'A2:F7', formula: '=$F2="A"' },
      { type: 'Custom', rect: 'A2:F7', formula: '=$F2="B"' },
      { type: 'Custom', rect: 'A2:F7', formula: '=$F2="C"' },
    ]);
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(afterFirst);
    const fresh = sheetWithUserFormats();
    const once = new OfficeWorkbook(fresh.run);
    const read = await detectAndRead(once);
    value(await once.apply(read.region, planFor(read.region, read.rows, options)));
    value(await once.revert());
    expect(fresh.snapshot()).toEqual(before);
    expect(fresh.sheet('Customers')!.cfs.map((cf) => cf.type)).toEqual(userFormats.map((f) => f.type));
  });
});
