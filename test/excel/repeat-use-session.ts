/**
 * A model of a user working with Tierwise again and again on the strict fake, for the repeat-use
 * property (repeat-use-property.spec.ts): one data sheet holding the inputs of a scorecard, a rules
 * preset, sales-pipeline (helper columns in formula mode), ABC and RFM side by side, on a plain range or
 * in an Excel table; Apply with any of them in any output mode, user edits, Revert, reopen, Snapshot.
 * Every step checks the invariants on the whole workbook (every cell, name, conditional format, chart).
 */
import { compileTable, mapColumns, type Cell, type GradingTable } from '../../src/engine';
import { getPreset } from '../../src/engine/presets';
import { buildPlan, dataColumnCount, type PlanOptions } from '../../src/excel/build-plan';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import type { WorkbookPlan } from '../../src/excel/plan-types';
import { cellsToWrite } from '../../src/excel/spills';
import { JOURNAL_SHEET, OUTPUT_NAME_PREFIX } from '../../src/excel/state';
import { FakeExcel, type SheetModel } from '../../src/excel/testing/fake-excel';
import type { DataRegion } from '../../src/excel/workbook';
import { makeCase } from '../sql/sql-harness';
import { recalculatedDifferences } from './repeat-use-recalc';
import { DEFAULT_OPTIONS, sortDataRows, value, withTierScore } from './support';
import { UserColumnEdits, type ColumnEdit } from './user-column-edits';

export const REPEAT_PRESETS = ['payment-scorecard', 'star-levels', 'sales-pipeline', 'abc', 'rfm'] as const;
export type RepeatPreset = (typeof REPEAT_PRESETS)[number];
export const OUTPUT_MODES = ['values', 'formulas', 'native'] as const;
export type OutputMode = (typeof OUTPUT_MODES)[number];

export const ROWS = 8;

/** What the sequences did, by outcome ("apply ok values rfm", "revert exact", ...): printed, so a run shows its reach. */
export const outcomes = new Map<string, number>();
function count(outcome: string): void {
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}
const MAX_COLUMNS = 16384;
const SHEET = 'Data';

export type Edit =
  | ColumnEdit
  | { kind: 'edit-cell'; row: number; column: number }
  | { kind: 'sort'; descending: boolean }
  | { kind: 'add-row' };
export type Step =
  | Edit
  | { kind: 'apply'; preset: RepeatPreset; mode: OutputMode; summary: boolean }
  | { kind: 'revert'; times: number }
  | { kind: 'reopen' }
  | { kind: 'snapshot' };

/** The sheet's columns: a unique customer key, then every input of the presets, headed by input id (first one wins). */
function dataRows(seed: number): Array<Array<string | number | boolean>> {
  const headers: string[] = ['Customer'];
  const columns: Cell[][] = [];
  REPEAT_PRESETS.forEach((id, k) => {
    const harness = makeCase(id, getPreset(id)!, true, seed + k, ROWS);
    harness.compiled.columns.forEach((input, i) => {
      if (headers.includes(input.id)) return;
      headers.push(input.id);
      columns.push(harness.rows.map((row) => row[i] ?? null));
    });
  });
  const rows = Array.from({ length: ROWS }, (_x, r) => [
    `C${String(r + 1).padStart(3, '0')}`,
    ...columns.map((column) => {
      const cell = column[r];
      return cell === null || cell === undefined ? '' : typeof cell === 'object' ? '#N/A' : cell;
    }),
  ]);
  return [headers, ...rows];
}

function compiledOf(id: RepeatPreset) {
  const result = compileTable(getPreset(id) as GradingTable, { resolve: getPreset });
  if (!result.ok) throw new Error(`${id} does not compile`);
  return result.compiled;
}

/** The plan the pane builds for `preset` in `mode` over `region` and `rows`. */
export function repeatPlan(
  preset: RepeatPreset,
  mode: OutputMode,
  region: DataRegion,
  rows: Cell[][],
  summary = true,
): WorkbookPlan {
  const compiled = compiledOf(preset);
  const { map } = mapColumns(compiled.columns, region.headers.slice(0, dataColumnCount(region)));
  const batch = compiled.gradeRows(rows, map);
  const options: PlanOptions = { ...DEFAULT_OPTIONS, explanation: false, valueColumn: undefined, mode, summary };
  return buildPlan(compiled, region, rows, map, batch, options);
}

/** The sheet-scoped names Tierwise owns (Tierwise_<kind>) and the one column each points at. */
function ownColumns(sheet: SheetModel): Map<string, number> {
  const columns = new Map<string, number>();
  for (const name of sheet.names.values()) {
    if (!name.name.startsWith(OUTPUT_NAME_PREFIX)) continue;
    if (!name.ref || name.ref === 'ref-error') throw new Error(`${name.name} points nowhere`);
    if (name.ref.rect.columns !== 1) throw new Error(`${name.name} covers ${name.ref.rect.columns} columns`);
    columns.set(name.name, name.ref.rect.column);
  }
  return columns;
}

/** The user's cells of the data sheet (every column Tierwise does not own) and every cell of the sheet "Other". */
function userCells(fake: FakeExcel): unknown {
  const sheet = fake.sheet(SHEET)!;
  const ours = new Set(ownColumns(sheet).values());
  const columns = new Map<number, Array<[number, unknown]>>();
  for (const [key, cell] of [...sheet.cells.entries()].sort((a, b) => a[0] - b[0])) {
    const column = key % MAX_COLUMNS;
    if (ours.has(column)) continue;
    const kept = { value: cell.value, formula: cell.formula, numberFormat: cell.numberFormat, fill: cell.fill };
    columns.set(column, [...(columns.get(column) ?? []), [Math.floor(key / MAX_COLUMNS), kept]]);
  }
  const other = fake.snapshot() as { sheets: Array<{ name: string }> };
  return {
    columns: [...columns.keys()].sort((a, b) => a - b).map((c) => columns.get(c)),
    other: other.sheets.find((s) => s.name === 'Other'),
  };
}

/** The workbook as the user sees it: every sheet but the very hidden journal. */
export function visible(fake: FakeExcel): unknown {
  const all = fake.snapshot() as { sheets: Array<{ name: string }> };
  return { ...all, sheets: all.sheets.filter((s) => s.name !== JOURNAL_SHEET) };
}

export class RepeatSession {
  readonly fake = withTierScore(new FakeExcel());
  private workbook: OfficeWorkbook;
  /** One entry per Apply not yet reverted: the workbook before it, and whether anything changed since. */
  private readonly applied: Array<{ before: unknown; touched: boolean }> = [];
  private readonly columns: UserColumnEdits;
  private addedRows = 0;
  readonly log: string[] = [];

  constructor(
    readonly table: boolean,
    seed: number,
  ) {
    const rows = dataRows(seed);
    this.fake.addSheet(SHEET, rows);
    this.fake.addSheet('Other', [['unrelated', 42]]);
    if (table) this.fake.addTable('Clients', SHEET, { row: 0, column: 0, rows: ROWS + 1, columns: rows[0]!.length });
    this.fake.select(SHEET, { row: 1, column: 0, rows: 1, columns: 1 });
    this.workbook = new OfficeWorkbook(this.fake.run);
    this.columns = new UserColumnEdits(
      this.fake,
      SHEET,
      (sheet) => ownColumns(sheet).values(),
      () => this.columns.height() - 1,
    );
  }

  private get sheet(): SheetModel {
    return this.columns.sheet;
  }

  edit(step: Edit): void {
    const { fake, sheet, columns } = this;
    const table = fake.tables[0];
    const rows = columns.height() - 1;
    switch (step.kind) {
      case 'insert-column':
      case 'delete-column':
      case 'rename-header':
        if (!columns.edit(step)) return;
        break;
      case 'edit-cell': {
        // Never the key column: the pane would read the rows again anyway (ADR 0008).
        const column = 1 + (step.column % (columns.width() - 1));
        const old = fake.cell(sheet, 1 + (step.row % rows), column);
        fake.setCell(sheet, 1 + (step.row % rows), column, { ...old, value: `edited ${step.row}`, formula: undefined });
        break;
      }
      case 'sort':
        sortDataRows(fake, sheet, rows, columns.width(), step.descending);
        break;
      case 'add-row': {
        // A new customer typed below the last row: its inputs copied from the first row, a new key.
        const row = rows + 1;
        const n = ++this.addedRows;
        const ours = new Set(ownColumns(sheet).values());
        for (let c = 0; c < columns.width(); c++) {
          if (ours.has(c)) continue;
          const source = fake.cell(sheet, 1, c);
          if (source) fake.setCell(sheet, row, c, { ...source, value: c === 0 ? `N${n}` : source.value });
        }
        if (table) table.rect = { ...table.rect, rows: table.rect.rows + 1 };
        break;
      }
    }
    for (const entry of this.applied) entry.touched = true;
  }

  async step(step: Step): Promise<void> {
    this.log.push(JSON.stringify(step));
    if (step.kind === 'reopen') {
      // The workbook saved and opened again: a new pane, nothing in memory but what the workbook holds.
      this.workbook = new OfficeWorkbook(this.fake.run);
      value(await this.workbook.findRevert());
      if (!this.workbook.canRevert()) this.applied.length = 0;
      return;
    }
    if (step.kind !== 'apply' && step.kind !== 'snapshot' && step.kind !== 'revert') {
      this.edit(step);
      await this.checkNames();
      return;
    }
    const users = userCells(this.fake);
    if (step.kind === 'apply') await this.apply(step.preset, step.mode, step.summary);
    else if (step.kind === 'snapshot') await this.snapshot();
    else for (let k = 0; k < step.times; k++) await this.revert();
    // Tierwise wrote only its own columns, the rules, summary, journal and history sheets.
    expect(userCells(this.fake)).toEqual(users);
    await this.checkNames();
  }

  private async apply(preset: RepeatPreset, mode: OutputMode, summary: boolean): Promise<void> {
    this.fake.select(SHEET, { row: 1, column: 0, rows: 1, columns: 1 });
    const region = value(await this.workbook.detectData());
    const rows = value(await this.workbook.readRows(region));
    const plan = repeatPlan(preset, mode, region, rows, summary);
    if (plan.problem) return count(`apply not offered ${mode} ${preset}`); // the pane does not offer it
    const before = this.fake.snapshot();
    const result = await this.workbook.apply(region, plan, { rows, confirmed: true });
    if (!result.ok) {
      expect(result.problem).toMatchObject({ kind: 'sheet-changed' });
      expect(this.fake.snapshot()).toEqual(before);
      return count('apply refused');
    }
    count(`apply ok ${mode} ${preset}`);
    this.applied.push({ before, touched: false });
    await this.checkGrades(preset, mode, plan, summary);
  }

  /**
   * Invariant 1: each written cell is what the engine gives for the sheet as it holds it now (the data
   * read back after Apply), values graded, formulas for the current layout; live spills leave their cells empty.
   */
  private async checkGrades(
    preset: RepeatPreset,
    mode: OutputMode,
    written: WorkbookPlan,
    summary: boolean,
  ): Promise<void> {
    const region = value(await this.workbook.detectData());
    const rows = value(await this.workbook.readRows(region));
    const fresh = repeatPlan(preset, mode, region, rows, summary);
    expect(fresh.frame.columns.map((c) => [c.kind, c.header])).toEqual(
      written.frame.columns.map((c) => [c.kind, c.header]),
    );
    // Formula mode: the formulas, recalculated by HyperFormula, give the engine's grading of every row.
    if (mode === 'native') expect(recalculatedDifferences(this.fake, preset, region, rows, written)).toEqual([]);
    // Invariant 4: one sheet name per output column, pointing at the column Apply wrote.
    const named = [...ownColumns(this.sheet)].map(([name, column]) => [name.toLowerCase(), column]).sort();
    const wanted = written.frame.columns.map((c) => [
      `${OUTPUT_NAME_PREFIX}${c.kind.replace('-', '_')}`.toLowerCase(),
      c.sheetColumn,
    ]);
    expect(named).toEqual(wanted.sort());
    written.frame.columns.forEach((column, k) => {
      const expected = cellsToWrite(fresh, k, 0, rows.length);
      const actual = expected.map((_cell, i) => {
        const cell = this.fake.cell(this.sheet, region.top + 1 + i, column.sheetColumn);
        return cell?.formula !== undefined ? { formula: cell.formula } : (cell?.value ?? '');
      });
      const wanted = expected.map((cell) =>
        cell !== null && typeof cell === 'object' ? { formula: cell.formula } : (cell ?? ''),
      );
      expect({ column: column.header, cells: actual }).toEqual({ column: column.header, cells: wanted });
    });
  }

  private async revert(): Promise<void> {
    if (!this.workbook.canRevert()) {
      expect(this.applied).toEqual([]);
      return;
    }
    const before = this.fake.snapshot();
    const result = await this.workbook.revert();
    if (!result.ok) {
      expect(result.problem).toMatchObject({ kind: 'revert-refused' });
      expect(this.fake.snapshot()).toEqual(before);
      return count('revert refused');
    }
    const last = this.applied.pop();
    // Invariant 2: right after its Apply (nothing else changed), Revert gives back the workbook exactly.
    if (last && !last.touched) expect(visible(this.fake)).toEqual(visibleOf(last.before));
    count(last && !last.touched ? 'revert exact' : 'revert after edits');
  }

  private async snapshot(): Promise<void> {
    // Two snapshots on one day stay apart (ADR 0006): each its own number.
    const count = value(await this.workbook.readHistory()).length;
    const entries = [{ key: 'C001', score: 1, tier: 'A' }];
    value(await this.workbook.snapshot({ date: '2026-11-29 10:00', table: 'payment-scorecard', entries }));
    expect(value(await this.workbook.readHistory())).toHaveLength(count + 1);
    for (const entry of this.applied) entry.touched = true;
  }

  /** Invariant 4: Tierwise's names point at one column each (Tierwise_*), at the rules sheet's blocks (TW_*). */
  private async checkNames(): Promise<void> {
    const own = ownColumns(this.sheet);
    expect(new Set(own.values()).size).toBe(own.size);
    const stored = value(await new OfficeWorkbook(this.fake.run).readTables());
    expect(stored.broken).toEqual([]);
    const tableNames = [...this.fake.names.values()].filter((n) => /^TW_/i.test(n.name));
    for (const name of tableNames) {
      if (!name.ref || name.ref === 'ref-error') throw new Error(`${name.name} points nowhere`);
    }
    expect(stored.tables.map((t) => t.name.toLowerCase()).sort()).toEqual(
      tableNames.map((n) => n.name.toLowerCase()).sort(),
    );
  }
}

function visibleOf(snapshot: unknown): unknown {
  const all = snapshot as { sheets: Array<{ name: string }> };
  return { ...all, sheets: all.sheets.filter((s) => s.name !== JOURNAL_SHEET) };
}
