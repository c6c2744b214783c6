/**
 * Streaming .xlsx reading with ExcelJS: one sheet, header row first, rows in
 * chunks, cells as the engine takes them (numbers, text, booleans, Dates,
 * { error }), formulas as their cached results.
 */
import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import type { Cell } from '../../engine/values/cell';
import { XLSX_LIMITS, type ArchiveLimits, type ArchiveProblem } from './archive';
import { openOrderedArchive } from './archive-stream';

export interface XlsxSheetRows {
  /** The sheet's name as the workbook names it. */
  sheet: string;
  header: Cell[];
  /** The header's 1-based row number in the sheet (the first row that holds anything). */
  headerRow: number;
  /** Data rows in chunks (rows below the header; fully empty rows kept as empty rows). */
  chunks: AsyncGenerator<Cell[][]>;
}

export type XlsxProblem =
  | { kind: 'no-sheet'; sheet: string; sheets: string[] }
  /** The workbook lists the sheet, but the part its relationship names is not in the archive. */
  | { kind: 'missing-sheet-part'; sheet: string; part: string }
  | { kind: 'empty' }
  | { kind: 'not-found' }
  | { kind: 'unreadable'; reason: string }
  | ArchiveProblem;

export type XlsxOpen = { ok: true; rows: XlsxSheetRows } | { ok: false; problem: XlsxProblem };

/** Rows in one Excel sheet, header included: a row numbered past it is not from Excel. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** Thrown while reading rows when the file turns out to be damaged half way, or longer than a sheet can be. */
export class XlsxReadError extends Error {
  constructor(
    readonly reason: string,
    readonly kind: 'damaged' | 'too-many-rows' = 'damaged',
  ) {
    super(reason);
  }
}

/** One ExcelJS cell value as an engine cell. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('error' in v) return { error: String(v.error) };
    if ('result' in v) return toCell(v.result);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if (Array.isArray(v.richText))
      return (v.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? '')).join('');
    if ('text' in v) return toCell(v.text);
  }
  return String(value as string);
}

/**
 * Opens `path` and finds the sheet (by name, else the first). Rows are read
 * lazily: iterate `chunks` once. The file is only read.
 */
export async function openXlsxSheet(
  path: string,
  sheetName: string | undefined,
  chunkRows: number,
  limits: ArchiveLimits = XLSX_LIMITS,
): Promise<XlsxOpen> {
  try {
    const opened = await openOrderedArchive(path, limits);
    if (!opened.ok) return opened;
    const wanted = sheetName ?? opened.sheets[0]?.name;
    const missing = opened.sheets.find((s) => s.name === wanted && s.entry === undefined);
    if (missing) {
      opened.stream.destroy();
      return { ok: false, problem: { kind: 'missing-sheet-part', sheet: missing.name, part: missing.part } };
    }
    return await openChecked(opened.stream, sheetName, chunkRows);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return { ok: false, problem: { kind: 'not-found' } };
    return { ok: false, problem: { kind: 'unreadable', reason: (error as Error).message } };
  }
}

async function openChecked(input: Readable, sheetName: string | undefined, chunkRows: number): Promise<XlsxOpen> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  const seen: string[] = [];
  for (;;) {
    const next = await sheets.next();
    if (next.done) {
      return sheetName === undefined
        ? { ok: false, problem: { kind: 'empty' } }
        : { ok: false, problem: { kind: 'no-sheet', sheet: sheetName, sheets: seen } };
    }
    const worksheet = next.value as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
    seen.push(worksheet.name);
    if (sheetName !== undefined && worksheet.name !== sheetName) {
      for await (const _row of worksheet) void _row; // skip its rows to reach the next sheet
      continue;
    }
    const rowIterator = worksheet[Symbol.asyncIterator]();
    const first = await rowIterator.next();
    if (first.done) return { ok: false, problem: { kind: 'empty' } };
    const headerRow = first.value;
    const header = rowCells(headerRow);
    let last = headerRow.number;
    async function* chunks(): AsyncGenerator<Cell[][]> {
      try {
        yield* readChunks();
      } catch (error) {
        throw error instanceof XlsxReadError ? error : new XlsxReadError((error as Error).message);
      }
    }
    async function* readChunks(): AsyncGenerator<Cell[][]> {
      let chunk: Cell[][] = [];
      for (;;) {
        const r = await rowIterator.next();
        if (r.done) break;
        if (r.value.number > EXCEL_MAX_ROWS) throw new XlsxReadError(String(r.value.number), 'too-many-rows');
        // Rows that hold nothing are absent from the file: keep the row numbers in step.
        for (let gap = last + 1; gap < r.value.number; gap++) chunk.push([]);
        last = r.value.number;
        chunk.push(rowCells(r.value));
        if (chunk.length >= chunkRows) {
          yield chunk;
          chunk = [];
        }
      }
      if (chunk.length > 0) yield chunk;
      // Drain the other sheets so the zip stream ends cleanly.
      for (;;) {
        const other = await sheets.next();
        if (other.done) break;
        for await (const _row of other.value as unknown as AsyncIterable<unknown>) void _row;
      }
    }
    return { ok: true, rows: { sheet: worksheet.name, header, headerRow: headerRow.number, chunks: chunks() } };
  }
}

/**
 * A formula cell stands for its saved result. The reader drops falsy results
 * from the value it hands out (0, "", a cached error read as NaN), so the
 * cell's own model is asked. A cached error whose text the reader lost, and a
 * formula never calculated (no saved result), are errors, never blanks.
 */
export const FORMULA_ERROR_LOST = '#UNKNOWN!';
export const FORMULA_NOT_CALCULATED = '#GETTING_DATA';

function formulaCell(row: ExcelJS.Row, column: number): Cell {
  const result = (row.getCell(column).model as { result?: unknown }).result;
  if (result === undefined) return { error: FORMULA_NOT_CALCULATED };
  if (typeof result === 'number' && Number.isNaN(result)) return { error: FORMULA_ERROR_LOST };
  return toCell(result);
}

function rowCells(row: ExcelJS.Row): Cell[] {
  const values = row.values as unknown[];
  const out: Cell[] = [];
  for (let i = 1; i < values.length; i++) {
    const value = values[i];
    const isFormula = typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
    out.push(isFormula ? formulaCell(row, i) : toCell(value));
  }
  return out;
}
