import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import { customerRows, customerWorkbook, detectAndRead, HEADERS, planFor, value } from './support';

/** A workbook applied once, then previewed again (region and rows read) as the pane does before a second Apply. */
async function appliedAndPreviewed(fake: FakeExcel) {
  const workbook = new OfficeWorkbook(fake.run);
  const first = await detectAndRead(workbook);
  value(await workbook.apply(first.region, planFor(first.region, first.rows, { summary: false })));
  const { region, rows } = await detectAndRead(workbook);
  return { workbook, region, rows, plan: planFor(region, rows, { summary: false }) };
}

function tableWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet('T', [HEADERS, ...customerRows(6)]);
  fake.addTable('Clients', 'T', { row: 0, column: 0, rows: 7, columns: 4 });
  fake.select('T', { row: 1, column: 1, rows: 1, columns: 1 });
  return fake;
}

/** Apply refuses with `sheet-changed` naming the header cell `address`, and the workbook is as it was. */
async function expectRefused(fake: FakeExcel, apply: () => Promise<unknown>, address: string): Promise<void> {
  const before = fake.snapshot();
  expect(await apply()).toEqual({ ok: false, problem: { kind: 'sheet-changed', address, part: 'columns' } });
  expect(fake.snapshot()).toEqual(before);
}

describe('Apply re-reads the output columns by header and position', () => {
  it('given Tierwise\'s "Tier" renamed by the user after the preview, then Apply refuses naming it and changes nothing', async () => {
    const fake = customerWorkbook(6);
    const { workbook, region, rows, plan } = await appliedAndPreviewed(fake);
    const sheet = fake.sheet('Customers')!;
    expect(fake.cell(sheet, 0, 5)?.value).toBe('Tier');
    fake.setCell(sheet, 0, 5, { ...fake.cell(sheet, 0, 5)!, value: 'Grade (mine)' });
    await expectRefused(fake, () => workbook.apply(region, plan, { rows }), 'Customers!F1');
  });

  it('given a user column inserted inside the data after the preview, then Apply refuses naming its header and changes nothing', async () => {
    const fake = customerWorkbook(6);
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const plan = planFor(region, rows, { summary: false });
    const sheet = fake.sheet('Customers')!;
    fake.shiftColumns(sheet, 2, 1);
    fake.setCell(sheet, 0, 2, { value: 'Region' });
    for (let r = 1; r <= 6; r++) fake.setCell(sheet, r, 2, { value: `north ${r}` });
    await expectRefused(fake, () => workbook.apply(region, plan, { rows }), 'Customers!C1');
  });

  it("given Tierwise's Score column deleted from the table after the preview, then Apply refuses and changes nothing", async () => {
    const fake = tableWorkbook();
    const { workbook, region, rows, plan } = await appliedAndPreviewed(fake);
    expect(region.outputs).toEqual([4, 5, 6, 7, 8]);
    await fake.run(async (context) => {
      context.workbook.worksheets
        .getItemOrNullObject('T')
        .tables.getItemOrNullObject('Clients')
        .columns.getItemAt(4)
        .delete();
      await context.sync();
    });
    await expectRefused(fake, () => workbook.apply(region, plan, { rows }), 'T!E1');
  });

  it('given the columns as previewed, then the second Apply succeeds and Revert gives back the first', async () => {
    const fake = tableWorkbook();
    const { workbook, region, rows, plan } = await appliedAndPreviewed(fake);
    const afterFirst = fake.snapshot();
    value(await workbook.apply(region, plan, { rows }));
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(afterFirst);
  });
});
