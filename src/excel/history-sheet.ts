/**
 * The history sheet: one row per customer per snapshot (ADR 0006). Each
 * snapshot is keyed by a number, one more than the last, so any number of
 * snapshots on one day stay apart. Text columns are formatted as text ("@")
 * before they are written, so Excel keeps dates and keys such as 00123 as typed.
 */
import { MAX_ROWS, type Rect } from './a1';
import { chunkRows, payloadSize } from './chunks';
import type { ExcelContext, ExcelWorksheet } from './excel-api';
import { safeText } from './rules-sheet';
import { HISTORY_SHEET } from './state';
import type { NewSnapshot, Snapshot } from './workbook';

/** Date, Table, Key, Score, Tier as Tierwise wrote them before snapshots were numbered; Snapshot added since. */
export const HISTORY_HEADERS = ['Date', 'Table', 'Key', 'Score', 'Tier', 'Snapshot'];
const TEXT_COLUMNS = [0, 1, 2, 4];
const SNAPSHOT_COLUMN = 5;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export type HistoryReader = (sheet: ExcelWorksheet, rect: Rect, property: 'values') => Promise<unknown[][]>;

/** A date Excel turned into a serial number (older workbooks wrote dates as values): back to ISO text. */
function dateText(cell: unknown): string {
  if (typeof cell === 'number' && Number.isFinite(cell)) {
    const iso = new Date(EXCEL_EPOCH + Math.round(cell * 86_400_000)).toISOString();
    return Number.isInteger(cell) ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  return String(cell);
}

/** The rows below the header, as read. */
async function historyRows(context: ExcelContext, read: HistoryReader): Promise<unknown[][]> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(HISTORY_SHEET);
  await context.sync();
  if (sheet.isNullObject) return [];
  const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
  await context.sync();
  if (used.isNullObject || used.rowIndex + used.rowCount < 2) return [];
  const rect = { row: 1, column: 0, rows: used.rowIndex + used.rowCount - 1, columns: HISTORY_HEADERS.length };
  return read(sheet, rect, 'values');
}

/** Every snapshot in the order taken; rows of an older Tierwise (no number) grouped by date and table. */
export async function readHistory(context: ExcelContext, read: HistoryReader): Promise<Snapshot[]> {
  const snapshots = new Map<string, Snapshot>();
  for (const [date, table, key, score, tier, number] of await historyRows(context, read)) {
    if (date === '' && table === '' && key === '') continue;
    const taken = dateText(date);
    const id = typeof number === 'number' ? `#${number}` : `${taken}\u0000${String(table)}`;
    let s = snapshots.get(id);
    if (!s) {
      s = { id, date: taken, table: String(table), entries: [] };
      snapshots.set(id, s);
    }
    s.entries.push({ key: String(key), score: typeof score === 'number' ? score : null, tier: String(tier) });
  }
  return [...snapshots.values()];
}

/** Appends the snapshot under the next number; returns its id. */
export async function writeSnapshot(
  context: ExcelContext,
  snapshot: NewSnapshot,
  budget: number,
  read: HistoryReader,
): Promise<{ id: string; rows: number }> {
  const wb = context.workbook;
  let sheet = wb.worksheets.getItemOrNullObject(HISTORY_SHEET);
  await context.sync();
  const existing = sheet.isNullObject ? [] : await historyRows(context, read);
  if (sheet.isNullObject) {
    sheet = wb.worksheets.add(HISTORY_SHEET);
    await context.sync();
  }
  const header = sheet.getRangeByIndexes(0, 0, 1, HISTORY_HEADERS.length);
  header.values = [HISTORY_HEADERS];
  header.format.font.bold = true;
  let last = existing.length;
  while (last > 0 && existing[last - 1]!.every((cell) => cell === '')) last--;
  const next = 1 + last;
  const number = 1 + Math.max(0, ...existing.map((row) => row[SNAPSHOT_COLUMN]).filter((n) => typeof n === 'number'));
  const rows = snapshot.entries.map((e) => [
    snapshot.date,
    snapshot.table,
    safeText(e.key),
    e.score ?? '',
    e.tier,
    number,
  ]);
  if (next + rows.length > MAX_ROWS) throw new Error(`${HISTORY_SHEET} is full`);
  for (const [a, b] of chunkRows(rows.length, (i) => payloadSize(rows[i]) + 16, budget)) {
    for (const column of TEXT_COLUMNS)
      sheet.getRangeByIndexes(next + a, column, b - a, 1).numberFormat = Array.from({ length: b - a }, () => ['@']);
    sheet.getRangeByIndexes(next + a, 0, b - a, HISTORY_HEADERS.length).values = rows.slice(a, b);
    context.application.suspendApiCalculationUntilNextSync();
    await context.sync();
  }
  return { id: `#${number}`, rows: rows.length };
}
