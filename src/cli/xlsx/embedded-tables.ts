/**
 * The grading tables an .xlsx workbook carries: every defined name starting
 * with TW_ points at a sheet-form block on its rules sheet, as the add-in and
 * `tierwise grade` store them. The blocks are read here and handed to the
 * engine's readStoredTables, so a table means in the command line exactly
 * what it means in the add-in.
 */
import ExcelJS from 'exceljs';
import { TABLE_NAME_PREFIX } from '../../engine/plan';
import { readStoredTables, type StoredBlock } from '../../engine/sheet-form';
import { cellAddress } from '../../engine/sheet-form/text';
import type { BrokenTableEntry, StoredTableEntry } from '../../engine/sheet-form/stored';
import { getPreset } from '../../engine/presets';
import type { Cell } from '../../engine/values/cell';
import { SHEET_LIMITS } from '../../engine/sheet-form/layout';
import { openOrderedArchive } from './archive-stream';
import { toCell, type XlsxProblem } from './read';

export type WorkbookTables =
  | { ok: true; names: string[]; tables: StoredTableEntry[]; broken: BrokenTableEntry[] }
  | { ok: false; problem: XlsxProblem };

/** A defined name's reference: the sheet and the 0-based rectangle. */
interface NamedRange {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const REFERENCE = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "'My rules'!$A$1:$F$40" as a sheet and rectangle; undefined for anything else (#REF!, several areas). */
export function parseReference(reference: string): NamedRange | undefined {
  const match = REFERENCE.exec(reference.trim());
  if (!match) return undefined;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
  const top = Number(match[4]) - 1;
  const left = columnIndex(match[3]!);
  const bottom = match[6] === undefined ? top : Number(match[6]) - 1;
  const right = match[5] === undefined ? left : columnIndex(match[5]);
  return {
    sheet,
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** Reads the workbook at `path` (with the archive limits of every .xlsx input) and its stored tables. */
export async function readWorkbookTables(path: string): Promise<WorkbookTables> {
  let book: ExcelJS.Workbook;
  try {
    const opened = await openOrderedArchive(path);
    if (!opened.ok) return opened;
    const bytes: Buffer[] = [];
    for await (const chunk of opened.stream) bytes.push(chunk as Buffer);
    book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return { ok: false, problem: { kind: 'not-found' } };
    return { ok: false, problem: { kind: 'unreadable', reason: (error as Error).message } };
  }
  const names = (book.definedNames.model as Array<{ name: string; ranges: string[] }>).filter((n) =>
    n.name.startsWith(TABLE_NAME_PREFIX),
  );
  const blocks = names.map((n): StoredBlock => {
    const range = n.ranges.length === 1 ? parseReference(n.ranges[0]!) : undefined;
    const sheet = range ? book.getWorksheet(range.sheet) : undefined;
    if (!range || !sheet) return { name: n.name, address: n.ranges.join(',') || n.name };
    const cells: Cell[][] = [];
    // A name over more rows than a table may have is read only as far as the parser needs to refuse it.
    const bottom = Math.min(range.bottom, range.top + SHEET_LIMITS.rows * 4);
    for (let r = range.top; r <= bottom; r++) {
      const row = sheet.getRow(r + 1);
      const cellsOfRow: Cell[] = [];
      for (let c = range.left; c <= range.right; c++) cellsOfRow.push(toCell(row.getCell(c + 1).value));
      cells.push(cellsOfRow);
    }
    const address = `${cellAddress(range.top, range.left, range.sheet)}:${cellAddress(range.bottom, range.right)}`;
    return { name: n.name, address, cells, origin: { sheet: range.sheet, row: range.top, column: range.left } };
  });
  return { ok: true, names: names.map((n) => n.name), ...readStoredTables(blocks, getPreset) };
}
