/**
 * What the task pane may ask of a workbook. Components receive a Workbook and
 * never call Excel; office-workbook.ts implements it with Office.js, tests and
 * the browser check hand in the same implementation over a fake Excel.
 */
import type { Cell, GradingTable, TableProblem } from '../engine';
import type { WorkbookPlan } from './plan-types';
import type { RfmSheetsInput, SheetGrid } from './rfm-sheets';

export type Result<T> = { ok: true; value: T } | { ok: false; problem: WorkbookProblem };

export type WorkbookProblem =
  | { kind: 'empty-sheet'; sheet: string }
  | { kind: 'no-data-rows'; sheet: string }
  | { kind: 'protected-sheet'; sheet: string }
  /** The data sits on a sheet named like one Tierwise writes (own-sheets.ts). */
  | { kind: 'own-sheet'; sheet: string }
  | { kind: 'merged-header'; address: string }
  | { kind: 'no-room'; sheet: string }
  /** Columns named like Tierwise's outputs (Score, Tier ...) that Tierwise did not write: Apply asks first. */
  | { kind: 'user-columns'; headers: string[] }
  /** rollbackError: undoing what was written failed too (then rolledBack is false and Revert is offered). */
  | { kind: 'cancelled'; rolledBack: boolean; rollbackError?: ErrorReport }
  | { kind: 'nothing-to-revert' }
  /**
   * Revert would overwrite newer work: `address` (a column Apply wrote) changed since Apply, or
   * the stored journal cannot be read ('unreadable'). Nothing was changed.
   */
  | { kind: 'revert-refused'; reason: 'changed'; address: string }
  | { kind: 'revert-refused'; reason: 'unreadable' }
  | { kind: 'newer-workbook'; found: number; supported: number }
  /**
   * The data changed since the preview, so Apply wrote nothing: rows sorted, added or removed (`address`: the first
   * key cell that differs), or columns inserted, deleted, moved or renamed (`address`: the first header that differs).
   */
  | { kind: 'sheet-changed'; address: string; part: 'rows' | 'columns' }
  /**
   * Excel (or the add-in) raised `cause`. rolledBack: whether Apply's partial changes were undone (absent when
   * nothing was written); rollbackError: why undoing them failed.
   */
  | { kind: 'failed'; message: string; cause?: unknown; rolledBack?: boolean; rollbackError?: ErrorReport }
  /**
   * Apply succeeded but its journal stays in memory (Revert works until the pane closes): it was over the
   * limit of journal bytes kept in the workbook, or Excel refused to write it (`error`). Earlier journals
   * were removed, unless that failed too (`cleanupError`).
   */
  | { kind: 'journal-in-memory'; reason: 'too-large'; bytes: number; limit: number; cleanupError?: ErrorReport }
  | { kind: 'journal-in-memory'; reason: 'refused'; error: ErrorReport; cleanupError?: ErrorReport }
  /**
   * The graded sheet's summary sheet holds the user's own cell `address` where this Apply would write
   * its summary (or, for a summary from an older Tierwise, anywhere on it): nothing was changed.
   */
  | { kind: 'summary-user-cells'; sheet: string; address: string }
  /** The workbook's index of summary sheets could not be read: this Apply's summary went to a new `sheet`. */
  | { kind: 'summary-index-unreadable'; reason: string; sheet: string };

/** An error as it was raised: its message for the user, Excel's error code if any, the Error itself. */
export interface ErrorReport {
  message: string;
  code?: string;
  cause: unknown;
}

/** The customer data the pane grades: a header row and the rows under it. */
export interface DataRegion {
  sheet: string;
  /** A1 address of header + rows, e.g. "Customers!A1:F201". */
  address: string;
  /** 0-based sheet row / column of the header's first cell. */
  top: number;
  left: number;
  /** Data rows, without the header. */
  rowCount: number;
  columnCount: number;
  headers: Cell[];
  /** The Excel table the data sits in, if any. */
  table?: string;
  /** Rows hidden by a filter: they are graded too (the pane says so). */
  filtered: boolean;
  /** Sheet columns in the region that an earlier Apply wrote (Score, Tier ...): not data. */
  outputs: number[];
}

export interface Progress {
  done: number;
  total: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export interface StoredTable {
  name: string;
  address: string;
  table: GradingTable;
}

export interface BrokenTable {
  name: string;
  address: string;
  problems: TableProblem[];
}

export interface StoredTables {
  tables: StoredTable[];
  broken: BrokenTable[];
  /** The rules format version the workbook was written with (0: never written). */
  version: number;
}

export interface ApplyOptions extends RunOptions {
  /** The user agreed to add Tierwise's columns although columns of the same names exist. */
  confirmed?: boolean;
  /** The rows the plan was built from: Apply re-reads their key column (the first) and refuses when it changed. */
  rows?: readonly Cell[][];
  /** Sheets the pane created for this Apply (RFM from orders): Revert deletes them after undoing the rest. */
  createdSheets?: readonly string[];
}

export interface ApplyReport {
  /** A1 addresses of the written columns. */
  columns: string[];
  rulesName?: string;
  summarySheet?: string;
  requests: number;
  /** Where Revert's journal is kept: in the workbook (Revert survives closing the pane) or in memory only. */
  journal: 'workbook' | 'memory';
  /** Why the journal is in memory only: what failed and what was done instead, for the pane to say. */
  journalProblem?: Extract<WorkbookProblem, { kind: 'journal-in-memory' }>;
  /** Why the summary went to a new sheet instead of over the earlier one, for the pane to say. */
  summaryProblem?: Extract<WorkbookProblem, { kind: 'summary-index-unreadable' }>;
}

export interface SnapshotEntry {
  key: string;
  score: number | null;
  tier: string;
}

export interface Snapshot {
  /** What the snapshot is keyed by (ADR 0006): "#" and its number, one more than the last snapshot's. */
  id: string;
  /** When it was taken, as text: "2026-11-28 14:05" (UTC); older workbooks hold a day only. */
  date: string;
  table: string;
  entries: SnapshotEntry[];
}

/** A snapshot before the workbook numbers it. */
export type NewSnapshot = Omit<Snapshot, 'id'>;

export interface SelectedRows {
  selected: number;
  firstAreaOnly?: true;
}

export interface Workbook {
  /** The Excel table or current region around the selection, with its header row. */
  detectData(): Promise<Result<DataRegion>>;
  /** The data rows, read in chunks under the request size limit. */
  readRows(region: DataRegion, options?: RunOptions): Promise<Result<Cell[][]>>;
  /** Grading tables stored on the rules sheet, each validated; broken ones are reported with their cells. */
  readTables(): Promise<Result<StoredTables>>;
  /** Executes a plan next to the data; on cancel or failure rolls back what was written. */
  apply(region: DataRegion, plan: WorkbookPlan, options?: ApplyOptions): Promise<Result<ApplyReport>>;
  /**
   * Looks in the workbook for the journal of the last Apply (of this or an earlier session);
   * afterwards canRevert() says whether there is one. The pane calls it when it opens.
   */
  findRevert(): Promise<Result<{ revertible: boolean }>>;
  /** Whether there is an Apply to undo: of this session, or found by findRevert. */
  canRevert(): boolean;
  /** Undoes the last Apply unless the cells it wrote changed since (then `revert-refused`); removes its journal. */
  revert(): Promise<Result<void>>;
  /**
   * Selects data rows (0-based, below the header); returns how many fit in one selection, and `firstAreaOnly`
   * when this Excel selects one block at a time (no ExcelApi 1.18) so only the first run of rows was selected.
   */
  selectRows(region: DataRegion, rows: readonly number[]): Promise<Result<SelectedRows>>;
  /** Appends a snapshot to the history; any number a day stay apart. */
  snapshot(snapshot: NewSnapshot): Promise<Result<{ id: string; rows: number }>>;
  readHistory(): Promise<Result<Snapshot[]>>;
  /** The used cells of sheet `name` (default: the active one), header row first (RFM from orders); `empty-sheet` when it has none. */
  readSheet(name?: string): Promise<Result<SheetGrid>>;
  /** The visible sheets that may hold orders (not Tierwise's own), in tab order, and the active sheet. */
  listSheets(): Promise<Result<{ sheets: string[]; active: string }>>;
  /** Adds the RFM customer sheet and segment report sheet, never over an existing sheet; returns their names. */
  writeRfmSheets(input: RfmSheetsInput): Promise<Result<{ customers: string; report: string }>>;
}
