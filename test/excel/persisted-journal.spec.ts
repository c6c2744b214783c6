import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { JOURNAL_SHEET } from '../../src/excel/state';
import { FakeExcel, REQUEST_LIMIT } from '../../src/excel/testing/fake-excel';
import type { Result } from '../../src/excel/workbook';
import { customerWorkbook, planFor } from './support';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problem)}`);
  return result.value;
}

async function applyOnce(fake: FakeExcel, options: Parameters<typeof planFor>[2] = {}, workbook?: OfficeWorkbook) {
  const session = workbook ?? new OfficeWorkbook(fake.run);
  const region = value(await session.detectData());
  const rows = value(await session.readRows(region));
  const report = value(await session.apply(region, planFor(region, rows, options)));
  return { session, report };
}

/** A new pane over the same workbook: nothing in memory, only what the workbook holds. */
/** A workbook snapshot without the journal sheet. */
function withoutJournals(snapshot: unknown): unknown {
  const s = snapshot as { sheets: Array<{ name: string }> };
  return { ...s, sheets: s.sheets.filter((sheet) => sheet.name !== JOURNAL_SHEET) };
}

async function reopen(fake: FakeExcel): Promise<OfficeWorkbook> {
  const workbook = new OfficeWorkbook(fake.run);
  expect(workbook.canRevert()).toBe(false);
  value(await workbook.findRevert());
  return workbook;
}

describe('the journal of the last Apply, kept in the workbook', () => {
  it('happy path: a new session reverts the Apply of an earlier one and the workbook is as before', async () => {
    const fake = customerWorkbook(12);
    const before = fake.snapshot();
    const { report } = await applyOnce(fake);
    expect(report.journal).toBe('workbook');
    expect(fake.sheet(JOURNAL_SHEET)?.visibility).toBe('VeryHidden');
    expect(fake.active).toBe('Customers');

    const later = await reopen(fake);
    expect(later.canRevert()).toBe(true);
    value(await later.revert());
    expect(fake.snapshot()).toEqual(before);
    expect(fake.sheet(JOURNAL_SHEET)).toBeUndefined();
    expect(later.canRevert()).toBe(false);
    expect((await reopen(fake)).canRevert()).toBe(false);
  });

  it('given a workbook never applied, then there is nothing to revert', async () => {
    const fake = customerWorkbook(3);
    const workbook = new OfficeWorkbook(fake.run);
    expect(value(await workbook.findRevert())).toEqual({ revertible: false });
    expect(await workbook.revert()).toEqual({ ok: false, problem: { kind: 'nothing-to-revert' } });
  });

  it('given a graded cell edited after Apply, then Revert refuses with its column and changes nothing', async () => {
    const fake = customerWorkbook(12);
    await applyOnce(fake);
    const sheet = fake.sheet('Customers')!;
    fake.setCell(sheet, 3, 5, { value: 'A+' }); // F4, the Tier column
    const edited = fake.snapshot();
    const later = await reopen(fake);
    expect(await later.revert()).toEqual({
      ok: false,
      problem: { kind: 'revert-refused', reason: 'changed', address: 'Customers!F1:F13' },
    });
    expect(fake.snapshot()).toEqual(edited);
    expect(later.canRevert()).toBe(true);
  });

  it('given a graded cell edited while the pane is still open, then Revert refuses too', async () => {
    const fake = customerWorkbook(6);
    const { session } = await applyOnce(fake, { summary: false });
    fake.setCell(fake.sheet('Customers')!, 2, 4, { value: 1 }); // E3, a score
    expect(await session.revert()).toEqual({
      ok: false,
      problem: { kind: 'revert-refused', reason: 'changed', address: 'Customers!E1:E7' },
    });
  });

  it('given the Tier column deleted by the user, then Revert refuses instead of deleting their columns', async () => {
    const fake = customerWorkbook(8);
    await applyOnce(fake, { summary: false });
    fake.shiftColumns(fake.sheet('Customers')!, 5, -1);
    const edited = fake.snapshot();
    const result = await (await reopen(fake)).revert();
    expect(result).toMatchObject({ ok: false, problem: { kind: 'revert-refused', reason: 'changed' } });
    expect(fake.snapshot()).toEqual(edited);
  });

  it('given a journal edited by hand, then Revert refuses it as unreadable', async () => {
    const fake = customerWorkbook(4);
    await applyOnce(fake, { summary: false });
    const journal = fake.sheet(JOURNAL_SHEET)!;
    fake.setCell(journal, 1, 0, { value: '{"version":1,"steps":[{"kind":"del' });
    expect(await (await reopen(fake)).revert()).toEqual({
      ok: false,
      problem: { kind: 'revert-refused', reason: 'unreadable' },
    });
  });

  it('given a journal of a newer Tierwise, then the pane is told rather than reverting it', async () => {
    const fake = customerWorkbook(4);
    await applyOnce(fake, { summary: false });
    const cell = fake.cell(fake.sheet(JOURNAL_SHEET)!, 0, 0)!;
    cell.value = String(cell.value).replace(/"tierwise-journal":1,"version":1/, '"tierwise-journal":9,"version":9');
    expect(await new OfficeWorkbook(fake.run).findRevert()).toEqual({
      ok: false,
      problem: { kind: 'newer-workbook', found: 9, supported: 1 },
    });
  });

  it('given two Applies, then two later Reverts undo them last first, each to the workbook as it was', async () => {
    const fake = customerWorkbook(8);
    const before = fake.snapshot();
    await applyOnce(fake, { summary: false });
    const afterFirst = fake.snapshot();
    await applyOnce(fake, { summary: true, strategy: false });

    const later = await reopen(fake);
    value(await later.revert());
    expect(fake.snapshot()).toEqual(afterFirst);
    expect(later.canRevert()).toBe(true);
    value(await later.revert());
    expect(fake.snapshot()).toEqual(before);
    expect(later.canRevert()).toBe(false);
  });

  it('given a journal over the limit, then it stays in memory, Revert still works in this session, and no stale journal is left', async () => {
    const fake = customerWorkbook(200);
    const before = fake.snapshot();
    await applyOnce(fake, { summary: false });
    const afterFirst = withoutJournals(fake.snapshot());
    const session = new OfficeWorkbook(fake.run, { journalLimit: 4 * 1024 });
    // The second Apply takes out the first one's columns: its journal holds their 200 rows.
    const { report } = await applyOnce(fake, { summary: false }, session);
    expect(report.journal).toBe('memory');
    expect(fake.sheet(JOURNAL_SHEET)).toBeUndefined();
    expect((await reopen(fake)).canRevert()).toBe(false);
    const afterSecond = fake.snapshot();
    expect(session.canRevert()).toBe(true);
    value(await session.revert());
    // The same plan twice: the workbook after the first Apply is the one after the second, less the dropped journal.
    expect(afterSecond).toEqual(afterFirst);
    expect(fake.snapshot()).toEqual(afterFirst);
    expect(fake.snapshot()).not.toEqual(before);
  });

  it('given Excel refusing the journal sheet, then Apply succeeds, its Revert stays in memory and no stale journal is left', async () => {
    const fake = customerWorkbook(5);
    fake.addSheet(JOURNAL_SHEET).protected = true;
    const { session, report } = await applyOnce(fake, { summary: false });
    expect(report.journal).toBe('memory');
    expect(fake.sheet(JOURNAL_SHEET)).toBeUndefined();
    expect(session.canRevert()).toBe(true);
    expect((await reopen(fake)).canRevert()).toBe(false);
  });

  it('given a journal that does not fit one request, then it is written and read in chunks under the limit', async () => {
    const fake = customerWorkbook(3000);
    await applyOnce(fake, { summary: false });
    const afterFirst = fake.snapshot();
    const budget = 64 * 1024;
    const session = new OfficeWorkbook(fake.run, { budget });
    const second = fake.syncs.length;
    await applyOnce(fake, { summary: false }, session);
    const journal = fake.sheet(JOURNAL_SHEET)!;
    expect(journal.cells.size).toBeGreaterThan(10); // two slots, the second of many parts
    for (const sync of fake.syncs.slice(second)) expect(sync.requestBytes).toBeLessThan(budget + 8 * 1024);

    const start = fake.syncs.length;
    const later = new OfficeWorkbook(fake.run, { budget });
    value(await later.findRevert());
    value(await later.revert());
    expect(fake.snapshot()).toEqual(afterFirst);
    for (const sync of fake.syncs.slice(start)) expect(sync.responseBytes).toBeLessThan(budget + 8 * 1024);
  });
});

describe('the journal of a large Apply', () => {
  it('given 100,000 rows x 10 columns applied twice, then the second journal persists under 5 MB per request and a new session reverts it', async () => {
    const rows = 100_000;
    const fake = new FakeExcel();
    const headers = ['Customer', '月均销售额', 'Payment days', 'Revenue', 'E', 'F', 'G', 'H', 'I', 'J'];
    const data: Array<Array<string | number>> = [headers];
    for (let i = 0; i < rows; i++) {
      data.push([
        `C${i}`,
        [25000, 15000, 8000, 3000][i % 4]!,
        [10, 40, 50, 90][i % 3]!,
        1000 + i,
        i,
        `r${i % 13}`,
        i * 2,
        'x',
        i % 7,
        'y',
      ]);
    }
    fake.addSheet('Customers', data);
    await applyOnce(fake, { summary: false, explanation: false });
    const afterFirst = JSON.stringify(fake.snapshot());
    const { report } = await applyOnce(fake, { summary: false, explanation: false });
    expect(report.journal).toBe('workbook');
    const parts = [...fake.sheet(JOURNAL_SHEET)!.cells.keys()].filter((k) => k % 16384 === 1).length;
    expect(parts).toBeGreaterThan(20); // the second journal holds the first Apply's 4 x 100,001 cells

    const start = fake.syncs.length;
    const later = await reopen(fake);
    value(await later.revert());
    // Compared as text: a deep toEqual over 1.4 million cells takes longer than the Apply.
    const after = JSON.stringify(fake.snapshot());
    expect(after.length).toBe(afterFirst.length);
    expect(after === afterFirst).toBe(true);
    const max = fake.maxPayload();
    expect(max.request).toBeLessThanOrEqual(REQUEST_LIMIT);
    expect(max.response).toBeLessThanOrEqual(REQUEST_LIMIT);
    expect(fake.syncs.length - start).toBeLessThan(100);
  }, 120_000);
});
