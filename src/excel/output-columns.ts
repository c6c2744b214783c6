/**
 * Where Apply's output columns go (ADR 0008, 0022, 0031, 0035): the columns of an earlier Apply are
 * kept in place (same kind) or taken out, the new ones inserted at the plan's places between those kept,
 * and every step journalled so Revert puts the sheet back. The cells are written afterwards by the caller.
 */
import { absoluteReference, type Rect } from './a1';
import { columnLetters } from '../engine/sheet-form/text';
import { customRules, loadCustomRules } from './conditional-formats';
import type { ExcelContext, ExcelWorksheet } from './excel-api';
import type { Journal } from './journal';
import { keptColumns, reshapeKept, runsOfNew } from './kept-columns';
import type { WorkbookPlan } from './plan-types';
import type { GridReader } from './rules-sheet';
import { withoutSpilledCells } from './spills';
import { OUTPUT_NAME_PREFIX } from './state';
import type { DataRegion } from './workbook';

/** A column an earlier Apply wrote: its `Tierwise_<kind>` name, where it is, how many rows (header included). */
export interface OwnColumn {
  name: string;
  column: number;
  rows: number;
}

/**
 * Takes out or keeps the earlier columns `own` and inserts the new ones of `frame`, headers written.
 * `read` reads cells in chunks under the request budget.
 */
export async function placeOutputColumns(
  context: ExcelContext,
  sheet: ExcelWorksheet,
  region: DataRegion,
  frame: WorkbookPlan['frame'],
  own: readonly OwnColumn[],
  journal: Journal,
  read: GridReader,
): Promise<void> {
  // 1. Take out the columns of an earlier Apply (journalled, so Revert puts them back), rightmost first.
  const old = [...own].sort((a, b) => b.column - a.column);
  const oldTier = old.find((o) => o.name.toLowerCase() === `${OUTPUT_NAME_PREFIX}tier`.toLowerCase());
  if (oldTier) {
    const tierRef = `$${columnLetters(oldTier.column)}${region.top + 2}`;
    const body = {
      row: region.top + 1,
      column: region.left,
      rows: Math.max(1, oldTier.rows - 1),
      columns: oldTier.column - region.left + old.length,
    };
    await removeOldRules(context, sheet, region.sheet, body, tierRef, journal);
  }
  // Their cells first: Revert writes them back only once every column is in place again, since Excel moves
  // the references of a formula already written (Score reads Error) when a column is inserted left of them.
  const headers: string[] = [];
  for (const o of old) {
    // Down to the data's last row too: a kept column is written there (rows added since), so Revert empties it.
    const rect = { row: region.top, column: o.column, rows: Math.max(o.rows, region.rowCount + 1), columns: 1 };
    const formulas = await withoutSpilledCells(context, sheet, rect, await read(sheet, rect, 'formulas'));
    const numberFormat = await read(sheet, rect, 'numberFormat');
    journal.record({ kind: 'restore-cells', sheet: region.sheet, rect, formulas, numberFormat });
    headers.push(String(formulas[0]?.[0] ?? ''));
  }
  // Columns that stay (same kind) are overwritten, not replaced: references to them survive.
  const first = frame.columns[0]!.sheetColumn;
  const contiguous = old.every((o) => o.column >= first && o.column < first + old.length);
  const kept = contiguous
    ? keptColumns(
        old.map((o, k) => ({ ...o, header: headers[k]! })),
        frame.columns,
      )
    : frame.columns.map(() => undefined);
  const stays = new Set(kept.flatMap((o) => (o ? [o.name] : [])));
  for (const [k, o] of old.entries()) {
    const rect = { row: region.top, column: o.column, rows: o.rows, columns: 1 };
    sheet.names.getItemOrNullObject(o.name).delete();
    await context.sync();
    journal.record({
      kind: 'restore-name',
      sheet: region.sheet,
      name: o.name,
      formula: absoluteReference(rect, region.sheet),
    });
    if (stays.has(o.name)) continue;
    if (region.table) {
      // By position, where Tierwise's name says its column is: a user column may have the same header.
      sheet.tables
        .getItemOrNullObject(region.table)
        .columns.getItemAt(o.column - region.left)
        .delete();
    } else {
      sheet.getRangeByIndexes(0, o.column, 1, 1).getEntireColumn().delete('Left');
    }
    await context.sync();
    journal.record({
      kind: 'insert-column',
      sheet: region.sheet,
      column: o.column,
      headerRow: region.top,
      header: headers[k]!,
      ...(region.table ? { table: region.table, index: o.column - region.left } : { bold: true }),
    });
  }

  // 2. Add the output columns right of the data, at the plan's places between those kept.
  const count = frame.columns.length;
  const added = runsOfNew(kept).map(([from, to]) => ({ column: frame.columns[from]!.sheetColumn, count: to - from }));
  for (const run of added) {
    if (region.table) {
      const table = sheet.tables.getItemOrNullObject(region.table);
      for (const column of frame.columns.filter(
        (c) => c.sheetColumn >= run.column && c.sheetColumn < run.column + run.count,
      )) {
        // At the plan's position, not the table's end: a column the user added after Tierwise's stays right of it.
        const inserted = table.columns.add(column.sheetColumn - region.left, undefined, column.header).load('id,name');
        await context.sync();
        // By id: Excel renames a taken header ("Tier" -> "Tier2"), and the user may own a "Tier" of their own.
        journal.record({
          kind: 'delete-table-column',
          sheet: region.sheet,
          table: region.table,
          header: inserted.name,
          id: inserted.id,
          index: column.sheetColumn - region.left,
        });
      }
    } else {
      sheet.getRangeByIndexes(0, run.column, 1, run.count).getEntireColumn().insert('Right');
      await context.sync();
      journal.record({ kind: 'delete-columns', sheet: region.sheet, column: run.column, count: run.count });
    }
  }

  // Every cell Apply writes is journalled as it was (formula or value, number format) before it is written:
  // the kept columns' cells above, the inserted columns' here.
  for (const run of added) {
    const fresh = { row: region.top, column: run.column, rows: region.rowCount + 1, columns: run.count };
    journal.record({
      kind: 'restore-cells',
      sheet: region.sheet,
      rect: fresh,
      formulas: await read(sheet, fresh, 'formulas'),
      numberFormat: await read(sheet, fresh, 'numberFormat'),
    });
  }
  if (!region.table) {
    const head = sheet.getRangeByIndexes(region.top, first, 1, count);
    head.values = [frame.columns.map((c) => c.header)];
    head.format.font.bold = true;
  }
  reshapeKept(sheet, region, kept, frame.columns);
}

/** Tierwise's conditional formats from an earlier Apply on the same Tier column, journalled and deleted. */
async function removeOldRules(
  context: ExcelContext,
  sheet: ExcelWorksheet,
  sheetName: string,
  body: Rect,
  tierRef: string,
  journal: Journal,
): Promise<void> {
  const cfs = loadCustomRules(
    sheet.getRangeByIndexes(body.row, body.column, body.rows, body.columns).conditionalFormats,
  );
  await context.sync();
  const old = customRules(cfs, (formula) => formula.startsWith(`=${tierRef}="`));
  if (old.length === 0) return;
  const ranges = old.map((rule) => rule.format.getRange().load('address'));
  await context.sync();
  // Recorded last-first, so that undoing (last step first) adds them back in their order.
  [...old.keys()].reverse().forEach((i) => {
    const { formula, fill, font } = old[i]!;
    journal.record({ kind: 'restore-cf', sheet: sheetName, address: ranges[i]!.address, formula, fill, font });
  });
  for (const rule of old) rule.format.delete();
  await context.sync();
}
