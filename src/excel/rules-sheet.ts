/**
 * The rules sheet: one sheet-form block per grading table, each under its
 * defined name (TW_<id>). Apply rewrites a table's block where its name points
 * (ADR 0007), so a user always edits the one block the name and the next Apply use.
 */
import type { Cell } from '../engine';
import { TABLE_NAME_PREFIX } from '../engine/plan';
import type { Rect } from './a1';
import { writtenRects } from './created-sheets';
import type { ExcelContext, ExcelWorksheet } from './excel-api';
import { keptAsText, type Journal } from './journal';
import { RULES_FORMAT_VERSION, STATE_NAMESPACE, stateXml } from './state';

/** Reads one property of a rectangle in chunks (OfficeWorkbook's reader). */
export type GridReader = (
  sheet: ExcelWorksheet,
  rect: Rect,
  property: 'formulas' | 'numberFormat' | 'values',
) => Promise<unknown[][]>;

export interface RulesBlock {
  sheet: string;
  name: string;
  cells: Cell[][];
}

/** Text that Excel would read as a formula is written with a leading apostrophe. */
export function safeText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

function safeCell(cell: Cell): string | number | boolean {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return safeText(cell);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') return cell.error;
  return cell;
}

/** Rows (0-based) of the other tables' blocks on the rules sheet, each as [top, bottom). */
async function otherBlocks(context: ExcelContext, rulesSheet: string, name: string): Promise<Array<[number, number]>> {
  const names = context.workbook.names.load('items/name');
  await context.sync();
  const others = names.items.filter((n) => n.name.startsWith(TABLE_NAME_PREFIX) && n.name !== name);
  const ranges = others.map((n) => n.getRangeOrNullObject().load('rowIndex,rowCount'));
  const sheets = ranges.map((r) => r.worksheet.load('name'));
  await context.sync();
  return ranges.flatMap((r, i) =>
    !r.isNullObject && sheets[i]!.name.toLowerCase() === rulesSheet.toLowerCase()
      ? [[r.rowIndex, r.rowIndex + r.rowCount] as [number, number]]
      : [],
  );
}

/**
 * Writes the table's block: over its old block when the new one fits above the next
 * table's block (one blank row between), else below everything with the old block cleared.
 * Every cell overwritten, the old name and the workbook's stamp are journalled.
 */
export async function writeRules(
  context: ExcelContext,
  block: RulesBlock,
  journal: Journal,
  read: GridReader,
): Promise<void> {
  const wb = context.workbook;
  const { sheet: rulesSheet, name, cells } = block;
  let sheet = wb.worksheets.getItemOrNullObject(rulesSheet);
  const old = wb.names.getItemOrNullObject(name).load('formula');
  const part = wb.customXmlParts.getByNamespace(STATE_NAMESPACE).getOnlyItemOrNullObject();
  await context.sync();
  const oldXml = part.isNullObject ? null : part.getXml();
  const rows = cells.length;
  const width = Math.max(1, ...cells.map((r) => r.length));
  let top = 0;
  let stale: Rect | undefined;
  if (sheet.isNullObject) {
    sheet = wb.worksheets.add(rulesSheet);
    await context.sync();
    // The block goes at the top of a new sheet: its filled cells are Tierwise's, any other the user's.
    const written = writtenRects(cells.map((row) => row.map(safeCell)));
    journal.record({ kind: 'delete-sheet', sheet: rulesSheet, written });
  } else {
    const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
    const oldRange = old.isNullObject ? undefined : old.getRangeOrNullObject().load('rowIndex,rowCount,columnCount');
    const oldSheet = oldRange?.worksheet.load('name');
    await context.sync();
    const end = used.isNullObject ? 0 : used.rowIndex + used.rowCount + 1;
    top = end;
    if (oldRange && !oldRange.isNullObject && oldSheet!.name.toLowerCase() === rulesSheet.toLowerCase()) {
      stale = { row: oldRange.rowIndex, column: 0, rows: oldRange.rowCount, columns: oldRange.columnCount };
      const below = (await otherBlocks(context, rulesSheet, name))
        .map(([start]) => start)
        .filter((start) => start > stale!.row);
      const next = Math.min(Infinity, ...below);
      if (stale.row + rows < next) top = stale.row;
    }
  }
  if (!old.isNullObject) {
    old.delete();
    await context.sync();
    journal.record({ kind: 'restore-name', name, formula: old.formula });
  }
  const target = { row: top, column: 0, rows, columns: width };
  const writes: Array<{ rect: Rect; grid: Array<Array<string | number | boolean>> }> = [];
  const blank = (rect: Rect) => Array.from({ length: rect.rows }, () => Array.from({ length: rect.columns }, () => ''));
  if (stale && stale.row === top) {
    // In place: one rectangle covering the old block and the new, the rest blanked.
    const rect = { row: top, column: 0, rows: Math.max(rows, stale.rows), columns: Math.max(width, stale.columns) };
    const grid = blank(rect) as Array<Array<string | number | boolean>>;
    cells.forEach((r, i) => r.forEach((cell, j) => (grid[i]![j] = safeCell(cell))));
    writes.push({ rect, grid });
  } else {
    if (stale) writes.push({ rect: stale, grid: blank(stale) });
    writes.push({ rect: target, grid: cells.map((r) => Array.from({ length: width }, (_x, j) => safeCell(r[j]))) });
  }
  for (const { rect, grid } of writes) {
    const formulas = keptAsText(await read(sheet, rect, 'formulas'), await read(sheet, rect, 'values'));
    const numberFormat = await read(sheet, rect, 'numberFormat');
    journal.record({ kind: 'restore-cells', sheet: rulesSheet, rect, formulas, numberFormat });
    sheet.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns).values = grid;
  }
  journal.record({ kind: 'delete-name', name });
  wb.names.add(name, sheet.getRangeByIndexes(top, 0, rows, width));
  await context.sync();
  journal.record({ kind: 'restore-xml', xml: oldXml ? oldXml.value : null });
  if (part.isNullObject) wb.customXmlParts.add(stateXml(RULES_FORMAT_VERSION));
  else part.setXml(stateXml(RULES_FORMAT_VERSION));
  await context.sync();
}
