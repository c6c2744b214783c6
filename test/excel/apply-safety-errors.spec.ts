import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { JOURNAL_SHEET } from '../../src/excel/state';
import { FakeExcel, FakeExcelError } from '../../src/excel/testing/fake-excel';
import { formatWorkbookProblem } from '../../src/taskpane/text';
import { customerWorkbook, detectAndRead, planFor, value } from './support';

const PROTECTED_MESSAGE =
  "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.";

/** A journal sheet Excel refuses to write to; `onRefused` runs when Excel refuses. */
function refusingJournalSheet(fake: FakeExcel, onRefused: () => void = () => undefined): void {
  const sheet = fake.addSheet(JOURNAL_SHEET);
  Object.defineProperty(sheet, 'protected', {
    get() {
      onRefused();
      return true;
    },
  });
}

describe('Keeping the journal: a fallback to memory says which error and what was done', () => {
  it('given Excel refusing to write the journal, then Apply succeeds, keeps Revert in memory, and reports the error itself', async () => {
    const fake = customerWorkbook(4);
    refusingJournalSheet(fake);
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const report = value(await workbook.apply(region, planFor(region, rows, { summary: false })));
    expect(report.journal).toBe('memory');
    expect(report.journalProblem).toEqual({
      kind: 'journal-in-memory',
      reason: 'refused',
      error: { message: PROTECTED_MESSAGE, code: 'AccessDenied', cause: expect.any(FakeExcelError) },
    });
    expect(fake.sheet(JOURNAL_SHEET)).toBeUndefined();
    expect(formatWorkbookProblem(report.journalProblem!, 'en-US')).toBe(
      `Revert for this Apply could not be kept in the workbook: Excel refused to write it (${PROTECTED_MESSAGE}), so Revert works only until this pane is closed. The records of earlier Applies were removed, as they would no longer match the sheet.`,
    );
    expect(formatWorkbookProblem(report.journalProblem!, 'zh-CN')).toBe(
      `本次应用的还原记录无法保存在工作簿中：Excel 拒绝写入（${PROTECTED_MESSAGE}），因此只能在关闭此窗格之前还原。 之前几次应用的记录已删除，因为它们已与工作表不再对应。`,
    );
    expect(workbook.canRevert()).toBe(true);
  });

  it('given removing the old journals failing too, then both errors are reported', async () => {
    const fake = customerWorkbook(4);
    const lost = new Error('The network connection was lost.');
    let refused = false;
    refusingJournalSheet(fake, () => (refused = true));
    fake.beforeSync = () => {
      if (refused) throw lost;
    };
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const report = value(await workbook.apply(region, planFor(region, rows, { summary: false })));
    fake.beforeSync = undefined;
    expect(report.journalProblem).toEqual({
      kind: 'journal-in-memory',
      reason: 'refused',
      error: { message: PROTECTED_MESSAGE, code: 'AccessDenied', cause: expect.any(FakeExcelError) },
      cleanupError: { message: lost.message, cause: lost },
    });
    expect(formatWorkbookProblem(report.journalProblem!, 'en-US')).toContain(
      'Removing the records of earlier Applies failed too (The network connection was lost.)',
    );
  });

  it('given a journal over the limit, then the sizes are reported', async () => {
    const fake = customerWorkbook(4);
    const workbook = new OfficeWorkbook(fake.run, { journalLimit: 512 });
    const { region, rows } = await detectAndRead(workbook);
    const report = value(await workbook.apply(region, planFor(region, rows)));
    expect(report.journalProblem).toEqual({
      kind: 'journal-in-memory',
      reason: 'too-large',
      bytes: expect.any(Number),
      limit: 512,
    });
    const bytes = (report.journalProblem as { bytes: number }).bytes;
    expect(bytes).toBeGreaterThan(512);
    expect(formatWorkbookProblem(report.journalProblem!, 'zh-CN')).toBe(
      `本次应用的还原记录无法保存在工作簿中：记录大小 ${Math.ceil(bytes / 1024)} KB，超过 Tierwise 在工作簿中保存的上限 1 KB，因此只能在关闭此窗格之前还原。 之前几次应用的记录已删除，因为它们已与工作表不再对应。`,
    );
  });
});

describe('A failed rollback: both errors reach the caller', () => {
  it('given Excel failing during Apply and again while undoing it, then the first error and the rollback error are both reported', async () => {
    const fake = customerWorkbook(12);
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const first = new Error('The request failed.');
    const second = new Error('The network connection was lost.');
    const start = fake.syncs.length;
    fake.beforeSync = (index) => {
      if (index === start + 12) throw first;
      if (index > start + 12) throw second;
    };
    const result = await workbook.apply(region, planFor(region, rows, { summary: false }));
    fake.beforeSync = undefined;
    expect(result).toEqual({
      ok: false,
      problem: {
        kind: 'failed',
        message: first.message,
        cause: first,
        rolledBack: false,
        rollbackError: { message: second.message, cause: second },
      },
    });
    if (result.ok) return;
    expect(formatWorkbookProblem(result.problem, 'en-US')).toBe(
      'Excel reported an error: The request failed.. Undoing the partial changes failed too (The network connection was lost.): press Revert.',
    );
    expect(workbook.canRevert()).toBe(true);
  });

  it('given a read failing, then the error object travels with its message', async () => {
    const fake = customerWorkbook(4);
    const workbook = new OfficeWorkbook(fake.run);
    const region = value(await workbook.detectData());
    const error = new FakeExcelError('GeneralException', 'An internal error has occurred.');
    fake.beforeSync = () => {
      throw error;
    };
    const result = await workbook.readRows(region);
    fake.beforeSync = undefined;
    expect(result).toEqual({ ok: false, problem: { kind: 'failed', message: error.message, cause: error } });
  });
});
