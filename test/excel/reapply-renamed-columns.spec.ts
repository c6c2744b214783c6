/**
 * A re-Apply keeps its columns in place when their header changes (another language: Tier -> 等级,
 * Score -> 分数) or the data has more rows (ADR 0035): before, such a column was deleted and inserted
 * again, and a user formula reading it became #REF!. Every comparison is of every cell of the workbook.
 */
import { MAX_COLUMNS } from '../../src/excel/a1';
import { columnLetters } from '../../src/engine/sheet-form/text';
import type { Locale } from '../../src/engine';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { JOURNAL_SHEET } from '../../src/excel/state';
import type { FakeExcel } from '../../src/excel/testing/fake-excel';
import { presetFake, presetPlan } from '../formula/pane-formulas';
import { detectAndRead, value, withTierScore } from './support';

const ROWS = 24;
const ADDED = 3;
const PRESET = 'sales-pipeline';
type Mode = 'values' | 'native';

function visible(fake: FakeExcel, only?: readonly string[]): unknown {
  const all = fake.snapshot() as { sheets: Array<{ name: string }>; tables: unknown };
  if (only) return { sheets: all.sheets.filter((s) => only.includes(s.name)), tables: all.tables };
  return { ...all, sheets: all.sheets.filter((s) => s.name !== JOURNAL_SHEET) };
}

async function applyPreset(workbook: OfficeWorkbook, mode: Mode, locale: Locale = 'en-US'): Promise<number> {
  const { region, rows } = await detectAndRead(workbook);
  const plan = presetPlan(PRESET, region, rows, { mode, locale });
  expect(plan.problem).toBeUndefined();
  value(await workbook.apply(region, plan));
  return plan.frame.columns.find((c) => c.kind === 'tier')!.sheetColumn;
}

/** The user's report on the Tier column, on the sheet "Other": the cell and the formula it must keep. */
function typeReport(fake: FakeExcel, tier: number): { read: () => string | undefined; formula: string } {
  const letter = columnLetters(tier);
  const formula = `=COUNTIF('Data'!$${letter}$2:$${letter}$${ROWS + 1},"A")`;
  const sheet = fake.sheet('Other')!;
  fake.setCell(sheet, 2, 0, { value: 0, formula });
  return { read: () => fake.cell(sheet, 2, 0)?.formula, formula };
}

/** Rows typed below the data (the first rows' inputs again); a table grows over them, as Excel's does. */
function addRows(fake: FakeExcel, inputs: number): void {
  const sheet = fake.sheet('Data')!;
  for (let i = 0; i < ADDED; i++)
    for (let c = 0; c < inputs; c++) fake.setCell(sheet, ROWS + 1 + i, c, { ...fake.cell(sheet, 1 + i, c)! });
  const table = fake.tables[0];
  if (table) table.rect = { ...table.rect, rows: table.rect.rows + ADDED };
}

/**
 * The last rows emptied as the Delete key does (values go, number formats stay), the graded columns
 * too: the data ends higher, while Tierwise's names still reach the old last row.
 */
function clearLastRows(fake: FakeExcel): void {
  const sheet = fake.sheet('Data')!;
  for (let r = ROWS + 1 - ADDED; r <= ROWS; r++)
    for (let c = 0; c < 200; c++) {
      const cell = fake.cell(sheet, r, c);
      if (cell)
        fake.setCell(sheet, r, c, { value: '', ...(cell.numberFormat ? { numberFormat: cell.numberFormat } : {}) });
    }
}

const fresh = (table: boolean) => withTierScore(presetFake(PRESET, ROWS, 31, table));
/** The data's columns, before any Apply. */
const inputCount = (fake: FakeExcel) => [...fake.sheet('Data')!.cells.keys()].filter((k) => k < MAX_COLUMNS).length;

describe.each([false, true])('a re-Apply keeps its columns in place (an Excel table: %s)', (table) => {
  it.each<Mode>(['values', 'native'])(
    'given the table applied in English then in Chinese (%s) then the report on the Tier column survives, and Revert restores every cell',
    async (mode) => {
      const alone = fresh(table);
      typeReport(alone, await applyPreset(new OfficeWorkbook(alone.run), mode, 'zh-CN'));

      const fake = fresh(table);
      const workbook = new OfficeWorkbook(fake.run);
      const report = typeReport(fake, await applyPreset(workbook, mode));
      const english = visible(fake);

      await applyPreset(workbook, mode, 'zh-CN');
      expect(report.read()).toBe(report.formula);
      expect(visible(fake, ['Data', 'Other', 'Tierwise Summary'])).toEqual(
        visible(alone, ['Data', 'Other', 'Tierwise Summary']),
      );

      value(await workbook.revert());
      expect(visible(fake)).toEqual(english);
    },
  );

  it.each<Mode>(['values', 'native'])(
    'given rows added below the data after Apply (%s) then Apply again keeps the Tier column the report reads, and Revert restores every cell',
    async (mode) => {
      const alone = fresh(table);
      addRows(alone, inputCount(alone));
      typeReport(alone, await applyPreset(new OfficeWorkbook(alone.run), mode));

      const fake = fresh(table);
      const inputs = inputCount(fake);
      const workbook = new OfficeWorkbook(fake.run);
      const tier = await applyPreset(workbook, mode);
      const report = typeReport(fake, tier);
      addRows(fake, inputs);
      const grown = visible(fake);

      expect(await applyPreset(workbook, mode)).toBe(tier);
      expect(report.read()).toBe(report.formula);
      expect(visible(fake, ['Data', 'Other', 'Tierwise Summary'])).toEqual(
        visible(alone, ['Data', 'Other', 'Tierwise Summary']),
      );

      value(await workbook.revert());
      expect(visible(fake)).toEqual(grown);
    },
  );
});

describe('a re-Apply over fewer rows keeps its columns in place', () => {
  it.each<Mode>(['values', 'native'])(
    'given the last rows emptied after Apply (%s) then Apply again empties the graded cells below the data, the report survives, and Revert restores every cell',
    async (mode) => {
      const alone = fresh(false);
      clearLastRows(alone);
      typeReport(alone, await applyPreset(new OfficeWorkbook(alone.run), mode));

      const fake = fresh(false);
      const workbook = new OfficeWorkbook(fake.run);
      const report = typeReport(fake, await applyPreset(workbook, mode));
      clearLastRows(fake);
      const shrunk = visible(fake);

      await applyPreset(workbook, mode);
      expect(report.read()).toBe(report.formula);
      expect(visible(fake, ['Data', 'Other', 'Tierwise Summary'])).toEqual(
        visible(alone, ['Data', 'Other', 'Tierwise Summary']),
      );

      value(await workbook.revert());
      expect(visible(fake)).toEqual(shrunk);
    },
  );
});
