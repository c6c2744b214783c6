/**
 * The journals kept in the workbook (ADR 0003, ADR 0009): one column per Apply on the very hidden
 * journal sheet, a header cell on top and the journal's parts below it.
 */
import type { ExcelContext } from './excel-api';
import { decodeJournal, headerText, Journal, JOURNAL_FORMAT_VERSION, parseHeader, type JournalHeader } from './journal';
import { JOURNAL_SHEET } from './state';

/** The journals on the journal sheet, left to right (the last Apply's is the last). */
export async function journalSlots(context: ExcelContext): Promise<Array<{ column: number; header: JournalHeader }>> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(JOURNAL_SHEET);
  await context.sync();
  if (sheet.isNullObject) return [];
  const used = sheet.getUsedRangeOrNullObject(true).load('columnIndex,columnCount');
  await context.sync();
  if (used.isNullObject) return [];
  const row = sheet.getRangeByIndexes(0, 0, 1, used.columnIndex + used.columnCount).load('values');
  await context.sync();
  return (row.values[0] ?? []).flatMap((cell, column) => {
    const header = parseHeader(cell);
    return header ? [{ column, header }] : [];
  });
}

export async function readSlot(context: ExcelContext, column: number, budget: number): Promise<Journal | undefined> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(JOURNAL_SHEET);
  await context.sync();
  if (sheet.isNullObject) return undefined;
  const top = sheet.getRangeByIndexes(0, column, 1, 1).load('values');
  await context.sync();
  const header = parseHeader(top.values[0]?.[0]);
  if (!header || header.version !== JOURNAL_FORMAT_VERSION) return undefined;
  const parts: unknown[] = [];
  const per = Math.max(1, Math.floor(budget / (header.maxBytes + 16)));
  for (let a = 0; a < header.parts; a += per) {
    const n = Math.min(per, header.parts - a);
    const range = sheet.getRangeByIndexes(1 + a, column, n, 1).load('values');
    await context.sync();
    for (const row of range.values) parts.push(row[0]);
  }
  return decodeJournal(parts);
}

/** Writes the parts first and the header last, so a slot cut short has no header and is never read. */
export async function writeSlot(
  context: ExcelContext,
  header: JournalHeader,
  parts: string[],
  limits: { budget: number; journalLimit: number },
): Promise<number> {
  const wb = context.workbook;
  const slots = await journalSlots(context);
  let sheet = wb.worksheets.getItemOrNullObject(JOURNAL_SHEET);
  await context.sync();
  let column = 0;
  if (sheet.isNullObject) {
    sheet = wb.worksheets.add(JOURNAL_SHEET);
    sheet.visibility = 'VeryHidden';
    await context.sync();
  } else {
    const used = sheet.getUsedRangeOrNullObject(true).load('columnIndex,columnCount');
    await context.sync();
    column = used.isNullObject ? 0 : used.columnIndex + used.columnCount;
    const kept = slots.reduce((n, s) => n + s.header.bytes, 0);
    if (column > 0 && kept + header.bytes > limits.journalLimit) {
      sheet.getRangeByIndexes(0, 0, 1, column).getEntireColumn().delete('Left');
      column = 0;
    }
  }
  const per = Math.max(1, Math.floor(limits.budget / (header.maxBytes + 16)));
  for (let a = 0; a < parts.length; a += per) {
    const slice = parts.slice(a, a + per);
    sheet.getRangeByIndexes(1 + a, column, slice.length, 1).values = slice.map((p) => [`'${p}`]);
    await context.sync();
  }
  sheet.getRangeByIndexes(0, column, 1, 1).values = [[`'${headerText(header)}`]];
  await context.sync();
  return column;
}

/** Takes a reverted Apply's journal out; the sheet goes once it holds none. */
export async function removeSlot(context: ExcelContext, column: number): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(JOURNAL_SHEET);
  await context.sync();
  if (sheet.isNullObject) return;
  sheet.getRangeByIndexes(0, column, 1, 1).getEntireColumn().delete('Left');
  const used = sheet.getUsedRangeOrNullObject(true).load('columnIndex');
  await context.sync();
  if (used.isNullObject) {
    sheet.delete();
    await context.sync();
  }
}

export async function dropJournals(context: ExcelContext): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(JOURNAL_SHEET);
  await context.sync();
  if (!sheet.isNullObject) {
    sheet.delete();
    await context.sync();
  }
}
