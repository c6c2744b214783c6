/**
 * Helper columns of the pane's formula mode in Apply's journal (ADR 0022): a second Apply (same or
 * another mode, same or another table) replaces them, Revert removes them and gives back what was
 * there, also after the pane was closed, and a user column named like a helper is never written
 * over without asking. Every comparison is of every cell of the workbook (the fake's snapshot).
 */
import type { Cell } from '../../src/engine';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import type { WorkbookPlan } from '../../src/excel/plan-types';
import { JOURNAL_SHEET } from '../../src/excel/state';
import type { FakeExcel } from '../../src/excel/testing/fake-excel';
import type { DataRegion } from '../../src/excel/workbook';
import { detectAndRead, value } from '../excel/support';
import { openPreset, presetFake, presetPlan } from './pane-formulas';

const ROWS = 24;
const BOTH = ['sales-pipeline', 'real-estate'];

type Step = { table: string; mode: 'native' | 'values' | 'formulas' };

/** The workbook as the user sees it: every sheet but the very hidden journal, names, formats, tables. */
function visible(fake: FakeExcel): unknown {
  const all = fake.snapshot() as { sheets: Array<{ name: string }> };
  return { ...all, sheets: all.sheets.filter((s) => s.name !== JOURNAL_SHEET) };
}

/** Detects the data again (as the pane does before each preview) and applies `step`. */
async function applyStep(workbook: OfficeWorkbook, step: Step, confirmed = false): Promise<WorkbookPlan> {
  const { region, rows } = await detectAndRead(workbook);
  const plan = presetPlan(step.table, region, rows, { mode: step.mode });
  expect(plan.problem).toBeUndefined();
  value(await workbook.apply(region, plan, { confirmed }));
  return plan;
}

/** The graded sheet: every cell, conditional format and name of it, and the tables. */
function dataSheet(fake: FakeExcel): unknown {
  const all = fake.snapshot() as { sheets: Array<{ name: string }>; tables: unknown };
  return { sheet: all.sheets.find((s) => s.name === 'Data'), tables: all.tables };
}

/** After `steps` on a fresh copy of the data: the visible workbook, and the graded sheet alone. */
async function after(steps: Step[], table: boolean): Promise<{ workbook: unknown; data: unknown }> {
  const fake = presetFake(BOTH, ROWS, 31, table);
  const workbook = new OfficeWorkbook(fake.run);
  for (const step of steps) await applyStep(workbook, step);
  return { workbook: visible(fake), data: dataSheet(fake) };
}

function headersOf(fake: FakeExcel): string[] {
  const sheet = fake.sheet('Data')!;
  return Array.from({ length: 80 }, (_x, c) => String(fake.cell(sheet, 0, c)?.value ?? '')).filter((h) => h !== '');
}

describe.each([false, true])('helper columns in the journal (an Excel table: %s)', (table) => {
  const pipeline: Step = { table: 'sales-pipeline', mode: 'native' };
  const estate: Step = { table: 'real-estate', mode: 'native' };

  it('given formula mode then Apply writes the helpers headed "Tierwise helper n" right of the outputs', async () => {
    const fake = presetFake(BOTH, ROWS, 31, table);
    const plan = await applyStep(new OfficeWorkbook(fake.run), pipeline);
    const helpers = Array.from({ length: 32 }, (_x, k) => `Tierwise helper ${k + 1}`);
    const outputs = ['Score', 'Tier', 'Strategy', 'Error', ...helpers];
    expect(plan.frame.columns.map((c) => c.header)).toEqual(outputs);
    expect(headersOf(fake).slice(-outputs.length)).toEqual(outputs);
    const sheet = fake.sheet('Data')!;
    const helper = plan.frame.columns[4]!.sheetColumn;
    expect(fake.cell(sheet, 1, helper)?.formula).toMatch(/^=/);
    expect(fake.cell(sheet, ROWS, helper + 31)?.formula).toMatch(/^=/);
    // One formula per column in R1C1 terms, so a table's calculated column filling it changes nothing.
    const rowFree = (formula: string, row: number) =>
      formula
        .split('"')
        .map((part, k) => (k % 2 === 1 ? part : part.replace(new RegExp(`([A-Z])${row}(?![0-9])`, 'g'), '$1#')))
        .join('"');
    for (const column of plan.frame.columns.filter((c) => c.kind !== 'strategy')) {
      const shapes = Array.from({ length: ROWS }, (_x, i) =>
        rowFree(fake.cell(sheet, i + 1, column.sheetColumn)!.formula!, i + 2),
      );
      expect(new Set(shapes).size).toBe(1);
    }
  });

  it.each<[string, Step[], Step[]]>([
    ['the same Apply twice', [pipeline, pipeline], [pipeline]],
    ['formula mode, then values', [pipeline, { ...pipeline, mode: 'values' }], [{ ...pipeline, mode: 'values' }]],
    ['values, then formula mode', [{ ...pipeline, mode: 'values' }, pipeline], [pipeline]],
    ['formula mode, then live formulas', [estate, { ...estate, mode: 'formulas' }], [{ ...estate, mode: 'formulas' }]],
  ])(
    'given %s then every cell of the workbook is as after the last Apply alone: helpers replaced, never stacked',
    async (_name, steps, last) => {
      expect((await after(steps, table)).workbook).toEqual((await after(last, table)).workbook);
    },
  );

  it.each<[string, Step[], Step[]]>([
    ['32 helpers, then another table with 5', [pipeline, estate], [estate]],
    ['5 helpers, then another table with 32', [estate, pipeline], [pipeline]],
  ])(
    'given %s then every cell of the graded sheet is as after the last Apply alone (the rules sheet keeps both tables)',
    async (_name, steps, last) => {
      expect((await after(steps, table)).data).toEqual((await after(last, table)).data);
    },
  );

  it('given two Applies then each Revert gives back the workbook as it was before that Apply, every cell', async () => {
    const fake = presetFake(BOTH, ROWS, 31, table);
    const workbook = new OfficeWorkbook(fake.run);
    const original = fake.snapshot();
    await applyStep(workbook, pipeline);
    const first = fake.snapshot();
    await applyStep(workbook, estate);
    expect(headersOf(fake).filter((h) => h.startsWith('Tierwise helper'))).toHaveLength(5);
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(first);
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(original);
  });

  it('given the pane closed and opened again then Revert, from the journal in the workbook, removes the helpers', async () => {
    const fake = presetFake(BOTH, ROWS, 31, table);
    const original = fake.snapshot();
    await applyStep(new OfficeWorkbook(fake.run), { ...pipeline, mode: 'values' });
    const first = fake.snapshot();
    await applyStep(new OfficeWorkbook(fake.run), pipeline);
    const reopened = new OfficeWorkbook(fake.run);
    expect(value(await reopened.findRevert())).toEqual({ revertible: true });
    value(await reopened.revert());
    expect(fake.snapshot()).toEqual(first);
    const again = new OfficeWorkbook(fake.run);
    value(await again.findRevert());
    value(await again.revert());
    expect(fake.snapshot()).toEqual(original);
  });

  it('given a user column named like a helper then Apply asks first, and when confirmed writes around it and Revert restores all', async () => {
    const fake = presetFake(BOTH, ROWS, 31, table);
    const sheet = fake.sheet('Data')!;
    // The user's own column at the data's right edge, headed like Tierwise's first and last helpers.
    const width = headersOf(fake).length;
    const own: Array<[number, string]> = [
      [width - 2, 'Tierwise helper 1'],
      [width - 1, 'tierwise HELPER 32'],
    ];
    for (const [column, header] of own) {
      fake.setCell(sheet, 0, column, { value: header });
      for (let r = 1; r <= ROWS; r++) fake.setCell(sheet, r, column, { value: `note ${r}` });
    }
    const original = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const plan = presetPlan('sales-pipeline', region, rows as Cell[][]);
    const refused = await workbook.apply(region, plan);
    expect(refused).toEqual({ ok: false, problem: { kind: 'user-columns', headers: own.map(([, h]) => h) } });
    expect(fake.snapshot()).toEqual(original);

    value(await workbook.apply(region, plan, { confirmed: true }));
    for (const [column, header] of own) {
      expect(fake.cell(sheet, 0, column)?.value).toBe(header);
      for (let r = 1; r <= ROWS; r++) expect(fake.cell(sheet, r, column)?.value).toBe(`note ${r}`);
    }
    expect(headersOf(fake).filter((h) => h === 'Tierwise helper 1')).toHaveLength(table ? 1 : 2);
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(original);
  });
});

describe('a region detected before an earlier formula-mode Apply', () => {
  it('given the pane keeps its region then a second Apply still replaces the helpers the first one wrote', async () => {
    const { fake, workbook, region, rows } = await openPreset(BOTH, ROWS, 31);
    const plan = (r: DataRegion) => presetPlan('sales-pipeline', r, rows);
    value(await workbook.apply(region, plan(region)));
    const once = visible(fake);
    value(await workbook.apply(region, plan(region)));
    expect(visible(fake)).toEqual(once);
  });
});
