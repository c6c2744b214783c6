/**
 * Counterexamples the repeat-use property (repeat-use-property.spec.ts) found, each as a plain named
 * test: it failed on the code before its fix.
 */
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { customerWorkbook, detectAndRead, planFor, value } from './support';
import { visible } from './repeat-use-session';

describe('Repeat use: regressions', () => {
  it('given a column inserted left of the graded data after Apply, then Apply again and Revert give back the summary counting the Tier column', async () => {
    const fake = customerWorkbook(6);
    const workbook = new OfficeWorkbook(fake.run);
    const first = await detectAndRead(workbook);
    value(await workbook.apply(first.region, planFor(first.region, first.rows)));
    // The user inserts a column B: Excel moves the summary's references with the Tier column (F to G).
    fake.shiftColumns(fake.sheet('Customers')!, 1, 1);
    const summary = fake.sheet('Tierwise Summary')!;
    expect(fake.cell(summary, 1, 1)?.formula).toBe(`=SUMPRODUCT(--('Customers'!$G$2:$G$7="A"))`);
    const beforeSecond = visible(fake);

    const second = await detectAndRead(workbook);
    value(await workbook.apply(second.region, planFor(second.region, second.rows)));
    value(await workbook.revert());
    expect(fake.cell(fake.sheet('Tierwise Summary')!, 1, 1)?.formula).toBe(
      `=SUMPRODUCT(--('Customers'!$G$2:$G$7="A"))`,
    );
    expect(visible(fake)).toEqual(beforeSecond);
  });
});

describe('Repeat use: an Apply without the summary after one with it', () => {
  it('given Apply with the summary, then Apply without it and Revert, then the workbook is as before the second Apply', async () => {
    const fake = customerWorkbook(6);
    const workbook = new OfficeWorkbook(fake.run);
    const first = await detectAndRead(workbook);
    value(await workbook.apply(first.region, planFor(first.region, first.rows)));
    const beforeSecond = visible(fake);
    const second = await detectAndRead(workbook);
    value(await workbook.apply(second.region, planFor(second.region, second.rows, { summary: false })));
    value(await workbook.revert());
    expect(visible(fake)).toEqual(beforeSecond);
  });
});
