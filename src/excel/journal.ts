/**
 * What Apply changed, as the steps that undo it. A step is recorded only once
 * the change it undoes has been synced (or is idempotent when the change did
 * not happen), so a failure half-way can be rolled back with the steps so far.
 */
import type { Rect } from './a1';
import type { SummaryDrawing } from './summary-sheet';

export type UndoStep =
  | { kind: 'delete-columns'; sheet: string; column: number; count: number }
  /**
   * A table column Tierwise added, found again by its id (journals before ids: by header); when a Revert of
   * a later Apply put it back under a new id, by its `index` and header (ADR 0031).
   */
  | { kind: 'delete-table-column'; sheet: string; table: string; header: string; id?: number; index?: number }
  | { kind: 'restore-cells'; sheet: string; rect: Rect; formulas: unknown[][]; numberFormat: unknown[][] }
  /**
   * A column Tierwise wrote earlier and took out, back in place, empty (a whole column, or a table column
   * at `index`); its cells are a separate `restore-cells` entry, undone once every such column is back.
   */
  | {
      kind: 'insert-column';
      sheet: string;
      column: number;
      headerRow: number;
      header: string;
      table?: string;
      index?: number;
      bold?: boolean;
    }
  /** Journals written before `insert-column`: the column back in place, then its cells at once. */
  | {
      kind: 'reinsert-column';
      sheet: string;
      rect: Rect;
      formulas: unknown[][];
      numberFormat: unknown[][];
      table?: string;
      index?: number;
      bold?: boolean;
    }
  | { kind: 'delete-cfs'; sheet: string; rect: Rect; formulas: string[] }
  | { kind: 'restore-cf'; sheet: string; address: string; formula: string; fill: string; font: string }
  | { kind: 'delete-sheet'; sheet: string }
  | { kind: 'delete-name'; sheet?: string; name: string }
  | { kind: 'restore-name'; sheet?: string; name: string; formula: string }
  /** The custom XML part of `namespace` (default: the rules stamp) as it was; null: none. */
  | { kind: 'restore-xml'; namespace?: string; xml: string | null }
  /** A summary sheet Apply replaced: added again at its tab position and drawn. */
  | { kind: 'restore-summary'; sheet: string; position: number; drawing: SummaryDrawing }
  /**
   * A summary Apply redrew on its sheet (ADR 0035): `drawn` taken out, `drawing` drawn again, then the cells
   * of `rect` (both drawings and the user's cells between them) written back as they were.
   */
  | {
      kind: 'redraw-summary';
      sheet: string;
      drawn: SummaryDrawing;
      drawing: SummaryDrawing;
      rect: Rect;
      formulas: unknown[][];
      numberFormat: unknown[][];
    };

/**
 * What Apply wrote, one content key per output column (header and rows as
 * their formulas read back after Apply): Revert refuses when any changed.
 */
export interface Fingerprint {
  sheet: string;
  row: number;
  rows: number;
  column: number;
  keys: string[];
}

/**
 * Cells as a `restore-cells` entry keeps them: `formulas` read back, where a text that Excel would
 * take for a formula when written back ("=", "-5", "+1" as text; Range.formulas returns a text cell's
 * value) gets the apostrophe that keeps it text.
 */
export function keptAsText(formulas: unknown[][], values: unknown[][]): unknown[][] {
  return formulas.map((row, i) =>
    row.map((cell, j) =>
      typeof cell === 'string' && cell === values[i]?.[j] && /^[=+\-@]/.test(cell) ? `'${cell}` : cell,
    ),
  );
}

export class Journal {
  readonly steps: UndoStep[] = [];
  fingerprint?: Fingerprint;

  record(step: UndoStep): void {
    this.steps.push(step);
  }

  /** The steps in the order they must run: last change first. */
  undoOrder(): UndoStep[] {
    return [...this.steps].reverse();
  }
}

/**
 * The journal as stored in the workbook (see ADR 0003): a header cell, then
 * the JSON of `JournalRecord` cut into parts that fit a cell (Excel holds at
 * most 32,767 characters per cell).
 */
export const JOURNAL_FORMAT_VERSION = 1;
export const JOURNAL_PART_CHARS = 30_000;
const HEADER_TAG = 'tierwise-journal';

export interface JournalRecord {
  version: number;
  fingerprint?: Fingerprint;
  steps: UndoStep[];
}

export interface JournalHeader {
  version: number;
  parts: number;
  /** UTF-8 bytes of all parts, and of the largest part as it travels in a request. */
  bytes: number;
  maxBytes: number;
}

/** Bytes of the text in UTF-8 (what a request carries); jsdom has no TextEncoder. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A grid whose every column holds one value (number formats mostly): stored as one row and a count. */
interface UniformGrid {
  rows: number;
  each: unknown[];
}

function packGrid(grid: unknown[][]): unknown[][] | UniformGrid {
  const first = grid[0];
  if (
    !first ||
    grid.length < 2 ||
    !grid.every((row) => row.length === first.length && row.every((v, j) => v === first[j]))
  )
    return grid;
  return { rows: grid.length, each: first };
}

function unpackGrid(grid: unknown): unknown[][] {
  if (Array.isArray(grid)) return grid as unknown[][];
  const { rows, each } = grid as UniformGrid;
  return Array.from({ length: rows }, () => [...each]);
}

function mapGrids(step: UndoStep, map: (grid: never) => unknown): UndoStep {
  if (step.kind !== 'restore-cells' && step.kind !== 'reinsert-column') return step;
  return { ...step, formulas: map(step.formulas as never), numberFormat: map(step.numberFormat as never) } as UndoStep;
}

export function encodeJournal(journal: Journal): { header: JournalHeader; parts: string[] } {
  const record: JournalRecord = {
    version: JOURNAL_FORMAT_VERSION,
    ...(journal.fingerprint ? { fingerprint: journal.fingerprint } : {}),
    steps: journal.steps.map((step) => mapGrids(step, packGrid)),
  };
  const text = JSON.stringify(record);
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += JOURNAL_PART_CHARS) parts.push(text.slice(i, i + JOURNAL_PART_CHARS));
  let bytes = 0;
  let maxBytes = 0;
  for (const part of parts) {
    const size = utf8Length(JSON.stringify(part));
    bytes += size;
    maxBytes = Math.max(maxBytes, size);
  }
  return { header: { version: JOURNAL_FORMAT_VERSION, parts: parts.length, bytes, maxBytes }, parts };
}

export function headerText(header: JournalHeader): string {
  return JSON.stringify({ [HEADER_TAG]: header.version, ...header });
}

/** A header cell's journal header; undefined for anything else (an empty cell, a half-written slot). */
export function parseHeader(cell: unknown): JournalHeader | undefined {
  if (typeof cell !== 'string' || !cell.includes(HEADER_TAG)) return undefined;
  try {
    const h = JSON.parse(cell) as Partial<JournalHeader> & Record<string, unknown>;
    const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
    if (h[HEADER_TAG] !== h.version || !whole(h.version) || !whole(h.parts) || !whole(h.bytes) || !whole(h.maxBytes))
      return undefined;
    return { version: h.version, parts: h.parts, bytes: h.bytes, maxBytes: h.maxBytes };
  } catch {
    return undefined;
  }
}

/** The journal from its parts; undefined when they do not make one (cut short, edited by hand). */
export function decodeJournal(parts: readonly unknown[]): Journal | undefined {
  if (!parts.every((p) => typeof p === 'string')) return undefined;
  let record: JournalRecord;
  try {
    record = JSON.parse(parts.join('')) as JournalRecord;
  } catch {
    return undefined;
  }
  if (record?.version !== JOURNAL_FORMAT_VERSION || !Array.isArray(record.steps)) return undefined;
  const journal = new Journal();
  for (const step of record.steps) journal.record(mapGrids(step, unpackGrid));
  if (record.fingerprint) journal.fingerprint = record.fingerprint;
  return journal;
}
