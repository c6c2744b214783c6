/**
 * The Workbook over Office.js: the only code that calls Excel.run and
 * context.sync. Reads and writes go in chunks under the request budget;
 * writes suspend calculation (and screen updating once); every change is
 * journalled so Revert, a cancel or a failure half-way restores the sheet.
 */
import { listOrderSheets, readSheetGrid, writeRfmSheets, type RfmSheetsInput, type SheetGrid } from './rfm-sheets';
import type { Cell } from '../engine';
import { normalizeKey } from '../engine/values/coerce';
import { readStoredTables, type StoredBlock } from '../engine/sheet-form';
import { getPreset } from '../engine/presets';
import { TABLE_NAME_PREFIX } from '../engine/plan';
import { columnLetters } from '../engine/sheet-form/text';
import { rectAddress, type Rect } from './a1';
import { chunkRows, isPayloadTooLarge, payloadSize, REQUEST_BUDGET, rowsPerChunk, runsOf } from './chunks';
import { outputNumberFormat } from './output-formats';
import { firstMovedColumn, sameCell } from './apply-checks';
import { hostHas, officeApiSets, type ApiSetCheck } from './api-sets';
import type { ExcelContext, ExcelRange, ExcelRun, ExcelWorksheet } from './excel-api';
import { contentKey } from '../engine/table/canonical';
import { encodeJournal, Journal, JOURNAL_FORMAT_VERSION, type Fingerprint } from './journal';
import type { WorkbookPlan } from './plan-types';
import { isOwnSheet } from './own-sheets';
import { outputName } from './kept-columns';
import { placeOutputColumns } from './output-columns';
import { cellsToWrite } from './spills';
import { writeRules, type GridReader } from './rules-sheet';
import { drawingOf, keepSummaryCells, summaryAsItIs, writeSummary } from './summary-sheet';
import { undoJournal } from './undo-steps';
import { dropJournals, journalSlots, readSlot, removeSlot, writeSlot } from './journal-sheet';
import { readHistory, writeSnapshot, type HistoryReader } from './history-sheet';
import type { PlanCell, PlanFormula } from '../engine/plan';
import { JOURNAL_LIMIT, OUTPUT_NAME_PREFIX, RULES_FORMAT_VERSION, STATE_NAMESPACE, versionOfState } from './state';
import type {
  ApplyOptions,
  ApplyReport,
  DataRegion,
  NewSnapshot,
  Result,
  RunOptions,
  Snapshot,
  StoredTables,
  Workbook,
  WorkbookProblem,
  ErrorReport,
} from './workbook';
import { errorReport } from './failures';

type JournalInMemory = Extract<WorkbookProblem, { kind: 'journal-in-memory' }>;

const ADDRESS_LIMIT = 8192;

class Cancelled extends Error {}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(problem: WorkbookProblem): Result<T> => ({ ok: false, problem });
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function checkCancel(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Cancelled();
}

type Scalar = string | number | boolean | null;

/** Text that Excel would read as a formula is written with a leading apostrophe. */
function safeValue(value: Scalar): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'string' && /^[=+\-@]/.test(value)) return `'${value}`;
  return value;
}

function isFormula(value: PlanCell): value is PlanFormula {
  return typeof value === 'object' && value !== null;
}

/** A plan cell as the `formulas` property takes it. */
function cellFormula(value: PlanCell): string | number | boolean {
  return isFormula(value) ? value.formula : safeValue(value);
}

/** The Apply that Revert undoes: its journal in memory (this session), its column on the journal sheet, or both. */
interface Revertible {
  journal?: Journal;
  slot?: number;
}

export class OfficeWorkbook implements Workbook {
  private revertible: Revertible | undefined;

  private readonly budget: number;
  private readonly supports: ApiSetCheck;
  private readonly journalLimit: number;

  /**
   * `budget`: bytes per request (default 4 MB, under Excel on the web's 5 MB); `journalLimit`: bytes of
   * journals kept in the workbook (default 20 MB). Tests pass less.
   */
  constructor(
    private readonly run: ExcelRun,
    options: { budget?: number; journalLimit?: number } = {},
  ) {
    this.supports = run.isSetSupported ?? officeApiSets;
    this.budget = options.budget ?? REQUEST_BUDGET;
    this.journalLimit = options.journalLimit ?? JOURNAL_LIMIT;
  }

  async detectData(): Promise<Result<DataRegion>> {
    return this.guarded(async (context) => {
      const selected = context.workbook.getSelectedRange();
      const sheet = selected.worksheet.load('name');
      const tables = selected.getTables(false).load('items/name');
      const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex');
      await context.sync();
      let range: ExcelRange;
      let table: string | undefined;
      const first = tables.items[0];
      const filter = first ? first.autoFilter.load('isDataFiltered') : sheet.autoFilter.load('enabled,isDataFiltered');
      if (first) {
        table = first.name;
        range = first.getRange();
      } else {
        if (used.isNullObject) return fail({ kind: 'empty-sheet', sheet: sheet.name });
        range = selected.getSurroundingRegion();
      }
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      first?.load('showTotals');
      await context.sync();
      // A table's range ends with its totals row when shown: sums, not a customer, so neither graded nor written.
      const totalsRows = first?.showTotals ? 1 : 0;
      if (!table && range.rowCount === 1 && range.columnCount === 1) {
        // The selection is on a blank cell: take the region around the first used cell.
        range = sheet.getRangeByIndexes(used.rowIndex, used.columnIndex, 1, 1).getSurroundingRegion();
        range.load('rowIndex,columnIndex,rowCount,columnCount');
        await context.sync();
      }
      const rect: Rect = {
        row: range.rowIndex,
        column: range.columnIndex,
        rows: range.rowCount - totalsRows,
        columns: range.columnCount,
      };
      const header = sheet.getRangeByIndexes(rect.row, rect.column, 1, rect.columns).load('values');
      const merged = header.getMergedAreasOrNullObject().load('address');
      await context.sync();
      const headers = (header.values[0] ?? []) as Cell[];
      if (headers.every((h) => h === '' || h === null)) return fail({ kind: 'empty-sheet', sheet: sheet.name });
      if (!merged.isNullObject) return fail({ kind: 'merged-header', address: merged.address });
      if (rect.rows < 2) return fail({ kind: 'no-data-rows', sheet: sheet.name });
      const filtered = first ? (filter as { isDataFiltered: boolean }).isDataFiltered : sheetFiltered(filter);
      const outputs = (await this.ownColumns(context, sheet, rect.row))
        .map((o) => o.column)
        .filter((c) => c >= rect.column && c < rect.column + rect.columns)
        .sort((a, b) => a - b);
      return ok({
        sheet: sheet.name,
        address: rectAddress(rect, sheet.name),
        top: rect.row,
        left: rect.column,
        rowCount: rect.rows - 1,
        columnCount: rect.columns,
        headers,
        ...(table !== undefined ? { table } : {}),
        filtered,
        outputs,
      });
    });
  }

  async readRows(region: DataRegion, options: RunOptions = {}): Promise<Result<Cell[][]>> {
    return this.guarded(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(region.sheet);
      const rect = { row: region.top + 1, column: region.left, rows: region.rowCount, columns: region.columnCount };
      return ok((await this.readChunked(context, sheet, rect, 'values', options)) as Cell[][]);
    });
  }

  async readTables(): Promise<Result<StoredTables>> {
    return this.guarded(async (context) => {
      const names = context.workbook.names.load('items/name');
      const part = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).getOnlyItemOrNullObject();
      await context.sync();
      const xml = part.isNullObject ? null : part.getXml();
      const ours = names.items.filter((n) => n.name.startsWith(TABLE_NAME_PREFIX));
      const ranges = ours.map((n) => n.getRangeOrNullObject().load('values,address,rowIndex,columnIndex'));
      await context.sync();
      // A name whose sheet was deleted has no range, and so no worksheet: ask only the others, or the sync fails.
      const sheets = ranges.map((r) => (r.isNullObject ? undefined : r.worksheet.load('name')));
      await context.sync();
      const version = versionOfState(xml ? xml.value : null);
      if (version > RULES_FORMAT_VERSION) {
        return fail({ kind: 'newer-workbook', found: version, supported: RULES_FORMAT_VERSION });
      }
      const blocks = ours.map((n, i): StoredBlock => {
        const range = ranges[i]!;
        if (range.isNullObject) return { name: n.name, address: n.name };
        const origin = { sheet: sheets[i]!.name, row: range.rowIndex, column: range.columnIndex };
        return { name: n.name, address: range.address, cells: range.values as Cell[][], origin };
      });
      const stored = readStoredTables(blocks, getPreset);
      const result: StoredTables = {
        tables: stored.tables.map(({ name, address, table }) => ({ name, address, table })),
        broken: stored.broken,
        version,
      };
      return ok(result);
    });
  }

  async findRevert(): Promise<Result<{ revertible: boolean }>> {
    if (this.revertible) return ok({ revertible: true });
    return this.guarded(async (context) => {
      const top = (await journalSlots(context)).at(-1);
      if (top && top.header.version > JOURNAL_FORMAT_VERSION) {
        return fail({ kind: 'newer-workbook', found: top.header.version, supported: JOURNAL_FORMAT_VERSION });
      }
      this.revertible = top ? { slot: top.column } : undefined;
      return ok({ revertible: top !== undefined });
    });
  }

  canRevert(): boolean {
    const target = this.revertible;
    return target !== undefined && (target.slot !== undefined || (target.journal?.steps.length ?? 0) > 0);
  }

  async revert(): Promise<Result<void>> {
    const target = this.revertible;
    if (!target || !this.canRevert()) return fail({ kind: 'nothing-to-revert' });
    const result = await this.guarded(async (context): Promise<Result<void>> => {
      const journal = target.journal ?? (await readSlot(context, target.slot!, this.budget));
      if (!journal) return fail({ kind: 'revert-refused', reason: 'unreadable' });
      // Kept, so that a retry after a failure half-way resumes with the steps not yet undone.
      target.journal = journal;
      const changed = await this.changedSince(context, journal.fingerprint);
      if (changed) return fail({ kind: 'revert-refused', reason: 'changed', address: changed });
      await undoJournal(context, journal, this.budget);
      if (target.slot !== undefined) await removeSlot(context, target.slot);
      return ok(undefined);
    });
    if (result.ok) {
      this.revertible = undefined;
      // The Apply before it may have left its journal too: Revert can go on.
      await this.findRevert();
    }
    return result;
  }

  async apply(region: DataRegion, plan: WorkbookPlan, options: ApplyOptions = {}): Promise<Result<ApplyReport>> {
    const journal = new Journal();
    for (const sheet of options.createdSheets ?? []) journal.record({ kind: 'delete-sheet', sheet });
    const before = this.syncCounter;
    try {
      const report = await this.run(async (context) => {
        const counted = this.counting(context);
        const outcome = await this.execute(counted, region, plan, options, journal);
        if (!outcome.ok) return outcome;
        const kept = await this.keep(counted, region, plan, journal);
        this.revertible = { journal, ...('slot' in kept ? { slot: kept.slot } : {}) };
        return ok({
          ...outcome.value,
          requests: this.syncCounter - before,
          ...('slot' in kept ? { journal: 'workbook' as const } : { journal: 'memory' as const, journalProblem: kept }),
        });
      });
      return report;
    } catch (error) {
      let rollbackError: ErrorReport | undefined;
      if (journal.steps.length > 0) {
        try {
          await this.run((context) => undoJournal(context, journal, this.budget));
        } catch (undoError) {
          // The rollback failed too: keep the journal so the pane offers Revert, and say why.
          this.revertible = { journal };
          rollbackError = errorReport(undoError);
        }
      }
      const rolledBack = rollbackError === undefined;
      const rollback = rollbackError ? { rollbackError } : {};
      if (error instanceof Cancelled) return fail({ kind: 'cancelled', rolledBack, ...rollback });
      return fail({ kind: 'failed', message: messageOf(error), cause: error, rolledBack, ...rollback });
    }
  }

  /**
   * Fingerprints what Apply wrote and stores the journal in the next column of
   * the very hidden journal sheet; returns that column, or, when the journal
   * stays in memory only, why (too large, or the error Excel raised).
   */
  private async keep(
    context: ExcelContext,
    region: DataRegion,
    plan: WorkbookPlan,
    journal: Journal,
  ): Promise<{ slot: number } | JournalInMemory> {
    const columns = plan.frame.columns.map((c) => c.sheetColumn);
    const left = Math.min(...columns);
    const rect = {
      row: region.top,
      column: left,
      rows: region.rowCount + 1,
      columns: Math.max(...columns) - left + 1,
    };
    try {
      journal.fingerprint = {
        sheet: region.sheet,
        row: rect.row,
        rows: rect.rows,
        column: rect.column,
        keys: await this.columnKeys(context, region.sheet, rect),
      };
      const { header, parts } = encodeJournal(journal);
      if (header.bytes > this.journalLimit) {
        // Older journals would no longer match what Revert restores: none is better than a wrong one.
        const cleanup = await this.dropJournalsReporting(context);
        return {
          kind: 'journal-in-memory',
          reason: 'too-large',
          bytes: header.bytes,
          limit: this.journalLimit,
          ...cleanup,
        };
      }
      return {
        slot: await writeSlot(context, header, parts, { budget: this.budget, journalLimit: this.journalLimit }),
      };
    } catch (error) {
      // Excel refused (a protected workbook structure ...): Revert works in this session only.
      const cleanup = await this.dropJournalsReporting(context);
      return { kind: 'journal-in-memory', reason: 'refused', error: errorReport(error), ...cleanup };
    }
  }

  /** dropJournals, with its failure as data: the journal is already in memory, so that error is reported, not thrown. */
  private async dropJournalsReporting(context: ExcelContext): Promise<{ cleanupError?: ErrorReport }> {
    try {
      await dropJournals(context);
      return {};
    } catch (error) {
      return { cleanupError: errorReport(error) };
    }
  }

  /** One content key per column of `rect`, from the formulas as Excel reads them back. */
  private async columnKeys(context: ExcelContext, sheetName: string, rect: Rect): Promise<string[]> {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (sheet.isNullObject) return [];
    const grid = await this.readChunked(context, sheet, rect, 'formulas', {});
    return Array.from({ length: rect.columns }, (_x, j) => contentKey(grid.map((row) => row[j] ?? '')));
  }

  /** The address of the first column Apply wrote that changed since; undefined when none did. */
  private async changedSince(context: ExcelContext, print: Fingerprint | undefined): Promise<string | undefined> {
    if (!print) return undefined;
    const rect = { row: print.row, column: print.column, rows: print.rows, columns: print.keys.length };
    const keys = await this.columnKeys(context, print.sheet, rect);
    const j = print.keys.findIndex((key, i) => keys[i] !== key);
    return j < 0 ? undefined : rectAddress({ ...rect, column: rect.column + j, columns: 1 }, print.sheet);
  }

  async selectRows(region: DataRegion, rows: readonly number[]): Promise<Result<{ selected: number }>> {
    return this.guarded(async (context) => {
      const last = columnLetters(region.left + region.columnCount - 1);
      const first = columnLetters(region.left);
      const parts: string[] = [];
      let length = 0;
      let selected = 0;
      for (const [a, b] of runsOf(rows)) {
        const top = region.top + 2 + a;
        const bottom = region.top + 2 + b;
        const part = a === b ? `${first}${top}:${last}${top}` : `${first}${top}:${last}${bottom}`;
        if (length + part.length + 1 > ADDRESS_LIMIT) break;
        parts.push(part);
        length += part.length + 1;
        selected += b - a + 1;
      }
      if (parts.length === 0) return ok({ selected: 0 });
      const sheet = context.workbook.worksheets.getItemOrNullObject(region.sheet);
      sheet.activate();
      if (!hostHas(this.supports, 'RangeAreas.select')) {
        sheet.getRange(parts[0]!).select();
        await context.sync();
        const [a, b] = runsOf(rows)[0]!;
        return ok({ selected: b - a + 1, firstAreaOnly: true });
      }
      sheet.getRanges(parts.join(',')).select();
      await context.sync();
      return ok({ selected });
    });
  }

  async snapshot(snapshot: NewSnapshot): Promise<Result<{ id: string; rows: number }>> {
    return this.guarded(async (context) =>
      ok(await writeSnapshot(context, snapshot, this.budget, this.gridReader(context))),
    );
  }

  async readHistory(): Promise<Result<Snapshot[]>> {
    return this.guarded(async (context) => ok(await readHistory(context, this.gridReader(context))));
  }

  private syncCounter = 0;

  /** The context with its syncs counted (for the report of round trips). */
  private counting(context: ExcelContext): ExcelContext {
    const sync = context.sync.bind(context);
    return {
      workbook: context.workbook,
      application: context.application,
      sync: () => {
        this.syncCounter++;
        return sync();
      },
    };
  }

  async readSheet(name?: string): Promise<Result<SheetGrid>> {
    return this.guarded(async (context) => {
      const grid = await readSheetGrid(context, name);
      if (grid) return ok(grid);
      if (name !== undefined) return fail({ kind: 'empty-sheet', sheet: name });
      const sheet = context.workbook.worksheets.getActiveWorksheet().load('name');
      await context.sync();
      return fail({ kind: 'empty-sheet', sheet: sheet.name });
    });
  }

  async listSheets(): Promise<Result<{ sheets: string[]; active: string }>> {
    return this.guarded(async (context) => ok(await listOrderSheets(context)));
  }

  async writeRfmSheets(input: RfmSheetsInput): Promise<Result<{ customers: string; report: string }>> {
    return this.guarded(async (context) => ok(await writeRfmSheets(context, input)));
  }

  private async guarded<T>(body: (context: ExcelContext) => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await this.run((context) => body(this.counting(context)));
    } catch (error) {
      if (error instanceof Cancelled) return fail({ kind: 'cancelled', rolledBack: true });
      return fail({ kind: 'failed', message: messageOf(error), cause: error });
    }
  }

  /** Reads a rectangle in chunks that stay under the budget; a chunk that is still too big is halved. */
  private async readChunked(
    context: ExcelContext,
    sheet: ExcelWorksheet,
    rect: Rect,
    property: 'values' | 'formulas' | 'numberFormat',
    options: RunOptions,
  ): Promise<unknown[][]> {
    const out: unknown[][] = [];
    let step = Math.min(rect.rows, 256);
    let done = 0;
    let probed = false;
    while (done < rect.rows) {
      checkCancel(options.signal);
      const n = Math.min(step, rect.rows - done);
      const range = sheet.getRangeByIndexes(rect.row + done, rect.column, n, rect.columns).load(property);
      try {
        await context.sync();
      } catch (error) {
        if (isPayloadTooLarge(error) && n > 1) {
          step = Math.max(1, Math.floor(n / 2));
          continue;
        }
        throw error;
      }
      const values = range[property];
      for (const row of values) out.push(row);
      done += n;
      if (!probed) {
        step = rowsPerChunk(payloadSize(values), n, this.budget);
        probed = true;
      }
      options.onProgress?.({ done, total: rect.rows });
    }
    return out;
  }

  /** Tierwise's columns on a sheet: worksheet names Tierwise_<kind> whose range starts on the header row `top`. */
  private async ownColumns(
    context: ExcelContext,
    sheet: ExcelWorksheet,
    top: number,
  ): Promise<Array<{ name: string; column: number; rows: number }>> {
    const names = sheet.names.load('items/name');
    await context.sync();
    const ours = names.items.filter((n) => n.name.startsWith(OUTPUT_NAME_PREFIX));
    const ranges = ours.map((n) => n.getRangeOrNullObject().load('rowIndex,columnIndex,rowCount'));
    await context.sync();
    return ours.flatMap((n, i) => {
      const r = ranges[i]!;
      return !r.isNullObject && r.rowIndex === top ? [{ name: n.name, column: r.columnIndex, rows: r.rowCount }] : [];
    });
  }

  private async execute(
    context: ExcelContext,
    region: DataRegion,
    plan: WorkbookPlan,
    options: ApplyOptions,
    journal: Journal,
  ): Promise<Result<Omit<ApplyReport, 'requests' | 'journal'>>> {
    const { frame } = plan;
    const wb = context.workbook;
    const sheet = wb.worksheets.getItemOrNullObject(region.sheet);
    const protection = sheet.protection.load('protected');
    const header = sheet.getRangeByIndexes(region.top, region.left, 1, frame.layout.columnCount).load('values');
    const headerRow = sheet.getRangeByIndexes(region.top, region.left, 1, region.columnCount).load('values');
    await context.sync();
    if (sheet.isNullObject) return fail({ kind: 'failed', message: region.sheet });
    if (protection.protected) return fail({ kind: 'protected-sheet', sheet: region.sheet });
    if (isOwnSheet(region.sheet)) return fail({ kind: 'own-sheet', sheet: region.sheet });

    // Columns inserted, deleted, moved or renamed since the preview: the plan's positions no longer hold.
    const own = await this.ownColumns(context, sheet, region.top);
    const moved = firstMovedColumn(
      region,
      (headerRow.values[0] ?? []) as Cell[],
      own.map((o) => o.column),
    );
    if (moved !== undefined) {
      const at = { row: region.top, column: moved, rows: 1, columns: 1 };
      return fail({ kind: 'sheet-changed', address: rectAddress(at, region.sheet), part: 'columns' });
    }

    // Data columns named like an output (Score, Tier, 等级 ...) that Tierwise did not write: ask first.
    const wanted = new Set(frame.columns.map((c) => normalizeKey(c.header)));
    const conflicts = (header.values[0] ?? []).map((h) => String(h)).filter((h) => wanted.has(normalizeKey(h)));
    if (conflicts.length > 0 && !options.confirmed) return fail({ kind: 'user-columns', headers: conflicts });

    // Rows sorted, added or removed since the preview would give one customer another's grade: refuse.
    if (options.rows) {
      const rect = { row: region.top + 1, column: region.left, rows: region.rowCount, columns: 1 };
      const keys = await this.readChunked(context, sheet, rect, 'values', { signal: options.signal });
      const differs =
        options.rows.length !== region.rowCount
          ? Math.min(options.rows.length, region.rowCount)
          : keys.findIndex((row, i) => !sameCell(row[0] as Cell, options.rows![i]?.[0]));
      if (differs >= 0) {
        const at = { row: rect.row + differs, column: rect.column, rows: 1, columns: 1 };
        return fail({ kind: 'sheet-changed', address: rectAddress(at, region.sheet), part: 'rows' });
      }
    }

    const summaryBefore = await summaryAsItIs(context, region.sheet, plan.summary ? drawingOf(plan) : undefined);
    if (summaryBefore?.inTheWay)
      return fail({ kind: 'summary-user-cells', sheet: summaryBefore.sheet, address: summaryBefore.inTheWay });
    if (summaryBefore && !plan.summary) keepSummaryCells(journal, summaryBefore);
    // 1-2. The earlier Apply's columns taken out or kept, the new ones inserted (all journalled).
    const read: GridReader = (at, rect, property) =>
      this.readChunked(context, at, rect, property, { signal: options.signal });
    await placeOutputColumns(context, sheet, region, frame, own, journal, read);

    // 3. The cells, in chunks under the budget; calculation suspended, the screen once.
    const total = plan.cells.length;
    let firstWrite = true;
    // Explicit for every column: an inserted column has taken the number format of its left neighbour.
    const formats = frame.columns.map((column, c) =>
      outputNumberFormat(
        column,
        plan.cells.map((row) => row[c] ?? null),
      ),
    );
    const formatBytes = formats.reduce((n, f) => n + payloadSize(f) + 4, 0);
    const writeRows = async (a: number, b: number): Promise<void> => {
      checkCancel(options.signal);
      frame.columns.forEach((column, c) => {
        const slice = cellsToWrite(plan, c, a, b);
        const range = sheet.getRangeByIndexes(region.top + 1 + a, column.sheetColumn, b - a, 1);
        range.numberFormat = slice.map(() => [formats[c]]);
        if (slice.some((v) => isFormula(v))) range.formulas = slice.map((v) => [cellFormula(v)]);
        else range.values = slice.map((v) => [safeValue(v as Scalar)]);
      });
      context.application.suspendApiCalculationUntilNextSync();
      if (firstWrite) context.application.suspendScreenUpdatingUntilNextSync();
      try {
        await context.sync();
      } catch (error) {
        // Excel refused the whole request for its size, so nothing of it was written: halve and retry.
        if (!isPayloadTooLarge(error) || b - a < 2) throw error;
        const middle = a + Math.floor((b - a) / 2);
        await writeRows(a, middle);
        await writeRows(middle, b);
        return;
      }
      firstWrite = false;
      options.onProgress?.({ done: b, total });
    };
    for (const [a, b] of chunkRows(total, (i) => payloadSize(plan.cells[i]) + formatBytes, this.budget)) {
      await writeRows(a, b);
    }
    checkCancel(options.signal);

    // 4. One conditional format per tier over the body, bound to the Tier column.
    const body = frame.body;
    if (frame.tierRules.length > 0 && body.rows > 0) {
      const formulas = frame.tierRules.map((rule) => rule.formula);
      const rect = { row: body.top, column: body.left, rows: body.rows, columns: body.columns };
      journal.record({ kind: 'delete-cfs', sheet: region.sheet, rect, formulas });
      const range = sheet.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns);
      for (const rule of frame.tierRules) {
        const cf = range.conditionalFormats.add('Custom');
        cf.custom.rule.formula = rule.formula;
        cf.custom.format.fill.color = rule.fill;
        cf.custom.format.font.color = rule.font;
      }
      await context.sync();
    }

    // 5. Names of the output columns, so the next Apply knows they are Tierwise's.
    for (const column of frame.columns) {
      const name = outputName(column.kind);
      journal.record({ kind: 'delete-name', sheet: region.sheet, name });
      sheet.names.add(name, sheet.getRangeByIndexes(region.top, column.sheetColumn, region.rowCount + 1, 1));
    }
    await context.sync();

    // 6. The rules sheet, its defined name and the workbook's stamp.
    await writeRules(context, frame.rules, journal, this.gridReader(context));

    // 7. The summary sheet: counts and shares, the legend in tier colours, a native chart.
    const summary = plan.summary ? await writeSummary(context, plan, region.sheet, journal, summaryBefore) : undefined;

    return ok({
      columns: frame.columns.map((c) =>
        rectAddress({ row: region.top, column: c.sheetColumn, rows: region.rowCount + 1, columns: 1 }, region.sheet),
      ),
      rulesName: frame.rules.name,
      ...(summary ? { summarySheet: summary.sheet } : {}),
      ...(summary?.problem ? { summaryProblem: summary.problem } : {}),
    });
  }

  private gridReader(context: ExcelContext): GridReader & HistoryReader {
    return (sheet: ExcelWorksheet, rect: Rect, property: 'formulas' | 'numberFormat' | 'values') =>
      this.readChunked(context, sheet, rect, property, {});
  }
}

function sheetFiltered(filter: unknown): boolean {
  const f = filter as { enabled: boolean; isDataFiltered: boolean };
  return f.enabled && f.isDataFiltered;
}

export { REQUEST_BUDGET };
