/**
 * Revert and the workbook's defined names and conditional formats: every name Revert adds back fixes its
 * cells with absolute references (a relative one points relative to the cell that uses it, KB Q49276),
 * and the user's names defined by a formula move with the columns Apply inserts and Revert deletes.
 */
import type { ExcelContext } from '../../src/excel/excel-api';
import { Journal } from '../../src/excel/journal';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { addUserConditionalFormat } from '../../src/excel/testing/fake-conditional-formats';
import type { FakeExcel } from '../../src/excel/testing/fake-excel';
import { undoJournal } from '../../src/excel/undo-steps';
import { customerWorkbook, detectAndRead, planFor, value } from './support';

/** Customers with a user column far right (K), names on it (by range and by formula) and a format of the user's. */
function workbookWithUserNames(): FakeExcel {
  const fake = customerWorkbook(6);
  const sheet = fake.sheet('Customers')!;
  ['Notes', 'a', 'b', 'c', 'd', 'e', 'f'].forEach((v, r) => fake.setCell(sheet, r, 10, { value: v }));
  fake.names.set('notes', { name: 'Notes', ref: { sheet, rect: { row: 1, column: 10, rows: 6, columns: 1 } } });
  fake.names.set('notecount', { name: 'NoteCount', formula: '=COUNTA(Customers!$K$2:$K$7)+Other!$A$1' });
  addUserConditionalFormat(fake, 'Customers', 'B2:B7', 'ColorScale');
  return fake;
}

async function apply(workbook: OfficeWorkbook): Promise<void> {
  const { region, rows } = await detectAndRead(workbook);
  value(await workbook.apply(region, planFor(region, rows)));
}

const names = (fake: FakeExcel) => (fake.snapshot() as { names: unknown[] }).names;

describe('Revert gives back every name and conditional format', () => {
  it('given a name defined by a formula, then inserted columns move its references as they move a cell formula', async () => {
    const fake = workbookWithUserNames();
    await apply(new OfficeWorkbook(fake.run));
    // Score, Tier, Strategy, Explanation and Error inserted at E: K is now P.
    expect(fake.names.get('notecount')!.formula).toBe('=COUNTA(Customers!$P$2:$P$7)+Other!$A$1');
    expect(fake.names.get('notes')!.ref).toMatchObject({ rect: { column: 15 } });
  });

  it('Apply twice, then Revert twice: each Revert gives back every cell, name and format as they were', async () => {
    const fake = workbookWithUserNames();
    const start = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    await apply(workbook);
    const once = fake.snapshot();
    await apply(workbook);
    const twice = fake.snapshot();
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(once);
    // Tierwise's column names are absolute again, so a third Apply finds and replaces its columns.
    expect(names(fake)).toEqual((once as { names: unknown[] }).names);
    await apply(workbook);
    expect(fake.snapshot()).toEqual(twice);
    value(await workbook.revert());
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(start);
  });

  it('Apply, Revert, close and reopen: the workbook is as it was and nothing is left to revert', async () => {
    const fake = workbookWithUserNames();
    const start = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    await apply(workbook);
    await apply(workbook);
    value(await workbook.revert());
    const reopened = new OfficeWorkbook(fake.run);
    value(await reopened.findRevert());
    value(await reopened.revert());
    expect(fake.snapshot()).toEqual(start);
    expect(value(await new OfficeWorkbook(fake.run).findRevert())).toEqual({ revertible: false });
  });

  it('given a journal an older version stored with a relative name formula, then Revert adds the name back absolute', async () => {
    const fake = customerWorkbook(6);
    const journal = new Journal();
    journal.record({ kind: 'restore-name', sheet: 'Customers', name: 'Tierwise_tier', formula: '=Customers!F1:F7' });
    await fake.run((context: ExcelContext) => undoJournal(context, journal, 1_000_000));
    const tier = fake.sheet('Customers')!.names.get('tierwise_tier')!;
    expect(fake.nameData(tier)).toEqual({
      name: 'Tierwise_tier',
      ref: 'Customers!F1:F7',
      formula: undefined,
      comment: undefined,
    });
  });
});
