/**
 * Revert of the first Apply deletes the sheets that Apply created (the summary, the rules sheet, the RFM
 * sheets of the pane). When the user has typed on one of them since, Revert stops, names the sheet and the
 * cell in both languages and changes nothing; without such a cell it deletes them as before. Every
 * comparison is of every cell (the fake's snapshot; the very hidden journal sheet aside).
 */
import { compileTable, mapColumns } from '../../src/engine';
import { SUMMARY_SHEET } from '../../src/engine/plan/build';
import { RULES_SHEET } from '../../src/engine/plan';
import { RFM_PRESETS } from '../../src/engine/rfm';
import { parseDate } from '../../src/engine/values/coerce';
import { buildPlan } from '../../src/excel/build-plan';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { parseSummariesXml, SUMMARIES_NAMESPACE } from '../../src/excel/summary-sheet';
import { JOURNAL_SHEET } from '../../src/excel/state';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import type { WorkbookProblem } from '../../src/excel/workbook';
import { buildRfmSheets, guessOrderColumns } from '../../src/taskpane/rfm-orders/build-rfm-sheets';
import { formatWorkbookProblem } from '../../src/taskpane/text';
import { presetFake, presetPlan } from '../formula/pane-formulas';
import { DEFAULT_OPTIONS, detectAndRead, value } from './support';

const PRESET = 'sales-pipeline';

function visible(fake: FakeExcel): unknown {
  const all = fake.snapshot() as { sheets: Array<{ name: string }> };
  return { ...all, sheets: all.sheets.filter((s) => s.name !== JOURNAL_SHEET) };
}

/** First Apply: summary on, formula mode (so the rules sheet is created too). */
async function firstApply(): Promise<{ fake: FakeExcel; workbook: OfficeWorkbook; initial: unknown }> {
  const fake = presetFake(PRESET, 24, 31);
  const initial = visible(fake);
  const workbook = new OfficeWorkbook(fake.run);
  const { region, rows } = await detectAndRead(workbook);
  value(await workbook.apply(region, presetPlan(PRESET, region, rows, { mode: 'formulas' })));
  expect(fake.sheet(SUMMARY_SHEET)).toBeDefined();
  expect(fake.sheet(RULES_SHEET)).toBeDefined();
  return { fake, workbook, initial };
}

const refused = (sheet: string, cell: string): WorkbookProblem => ({
  kind: 'revert-refused',
  reason: 'user-cells',
  sheet,
  address: `'${sheet}'!${cell}`,
});

describe('Revert of the first Apply and the sheets it created', () => {
  it.each([
    [SUMMARY_SHEET, 40, 0, 'A41'],
    [SUMMARY_SHEET, 0, 12, 'M1'],
    [RULES_SHEET, 0, 20, 'U1'],
    [RULES_SHEET, 200, 1, 'B201'],
    [RULES_SHEET, 20_000, 5, 'F20001'],
    // The blank row between the rules block's header and its inputs: inside the block, written empty.
    [RULES_SHEET, 7, 0, 'A8'],
  ])(
    'given a note typed on %s (row %i, column %i) then Revert stops naming %s, changes nothing, and goes ahead once the note is gone',
    async (sheet, row, column, cell) => {
      const { fake, workbook, initial } = await firstApply();
      fake.setCell(fake.sheet(sheet)!, row, column, { value: 'Checked by Li Wei' });
      const typed = visible(fake);

      expect(await workbook.revert()).toEqual({ ok: false, problem: refused(sheet, cell) });
      expect(visible(fake)).toEqual(typed);
      // After reopening: the journal read from the workbook holds what Tierwise wrote there too.
      const reopened = new OfficeWorkbook(fake.run);
      value(await reopened.findRevert());
      expect(await reopened.revert()).toEqual({ ok: false, problem: refused(sheet, cell) });
      expect(visible(fake)).toEqual(typed);

      fake.setCell(fake.sheet(sheet)!, row, column, { value: '' });
      value(await reopened.revert());
      expect(visible(fake)).toEqual(initial);
    },
  );

  it('given a formula typed inside the summary rectangle where Tierwise wrote nothing then Revert stops there', async () => {
    const { fake, workbook } = await firstApply();
    const part = fake.xmlParts.find((p) => p.namespace === SUMMARIES_NAMESPACE)!;
    const { grid } = parseSummariesXml(part.xml).entries[0]!.drawing;
    // D2: the Target share column, empty for this table, inside the drawing's rectangle (five columns).
    const [row, column] = [1, 3];
    expect([grid[0]![column], grid[row]![column], grid[0]!.length]).toEqual(['Target share', '', 5]);
    fake.setCell(fake.sheet(SUMMARY_SHEET)!, row, column, { value: 0, formula: '=B2*2' });
    const typed = visible(fake);
    expect(await workbook.revert()).toEqual({ ok: false, problem: refused(SUMMARY_SHEET, 'D2') });
    expect(visible(fake)).toEqual(typed);
  });

  /** Revert fails once, half-way: the summary sheet deleted, the rules sheet and the columns not yet. */
  async function revertFailingHalfWay(fake: FakeExcel, workbook: OfficeWorkbook): Promise<void> {
    let failed = false;
    fake.beforeSync = () => {
      if (!failed && !fake.sheet(SUMMARY_SHEET)) {
        failed = true;
        throw new Error('The network connection was lost.');
      }
    };
    expect((await workbook.revert()).ok).toBe(false);
    fake.beforeSync = undefined;
    expect([failed, fake.sheet(RULES_SHEET) !== undefined]).toEqual([true, true]);
  }

  it('given no note then Revert deletes both sheets as before; a Revert failing half-way is finished by a retry', async () => {
    const { fake, workbook, initial } = await firstApply();
    await revertFailingHalfWay(fake, workbook);
    value(await workbook.revert());
    expect(visible(fake)).toEqual(initial);
  });

  it('given a note typed after a Revert failed half-way then the retry stops and keeps it, and goes ahead once it is gone', async () => {
    const { fake, workbook, initial } = await firstApply();
    await revertFailingHalfWay(fake, workbook);
    fake.setCell(fake.sheet(RULES_SHEET)!, 250, 3, { value: 'mine' });
    const typed = visible(fake);
    expect(await workbook.revert()).toEqual({ ok: false, problem: refused(RULES_SHEET, 'D251') });
    expect(visible(fake)).toEqual(typed);
    fake.setCell(fake.sheet(RULES_SHEET)!, 250, 3, { value: '' });
    value(await workbook.revert());
    expect(visible(fake)).toEqual(initial);
  });

  it('names the sheet and the cell in both languages', () => {
    const problem = refused(SUMMARY_SHEET, 'A41');
    expect(formatWorkbookProblem(problem, 'en-US')).toBe(
      `Revert stopped: the last Apply created the sheet ${SUMMARY_SHEET}, and Revert would delete it, but it now holds your own entry at '${SUMMARY_SHEET}'!A41. Nothing was changed: move your entries to another sheet (or delete them) and revert again.`,
    );
    expect(formatWorkbookProblem(problem, 'zh-CN')).toBe(
      `撤销已停止：工作表 ${SUMMARY_SHEET} 由上次应用创建，撤销会删除它，但它的 '${SUMMARY_SHEET}'!A41 处现有您自己输入的内容。未作任何更改：请将您的内容移到其他工作表（或删除）后再撤销。`,
    );
  });

  it('given a journal written before the rectangles were kept then Revert deletes the sheets as before', async () => {
    const { fake, workbook, initial } = await firstApply();
    const journal = (workbook as unknown as { revertible: { journal: { steps: Array<{ written?: unknown }> } } })
      .revertible.journal;
    for (const step of journal.steps) delete step.written;
    fake.setCell(fake.sheet(SUMMARY_SHEET)!, 40, 0, { value: 'typed' });
    value(await workbook.revert());
    expect(visible(fake)).toEqual(initial);
  });
});

describe('Revert of an Apply on the RFM sheets the pane created', () => {
  const table = RFM_PRESETS.find((p) => p.id === 'rfm')!;

  async function rfmApplied(
    mode: 'values' | 'formulas',
    customers: number,
  ): Promise<{ fake: FakeExcel; workbook: OfficeWorkbook; initial: unknown }> {
    const fake = new FakeExcel();
    const orders: Array<Array<string | number>> = [];
    for (let k = 0; k < customers; k++)
      for (let n = 0; n <= k % 4; n++)
        orders.push([`客户${k}`, parseDate('2024-01-01') + k * 7 + n * 3, 100 * (k + 1) + n]);
    fake.addSheet('订单', [['客户', '日期', '金额'], ...orders]);
    fake.select('订单', { row: 1, column: 1, rows: 1, columns: 1 });
    const initial = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const grid = value(await workbook.readSheet());
    const columns = guessOrderColumns(grid);
    const outcome = await buildRfmSheets(workbook, {
      grid,
      columns,
      asOf: parseDate('2024-03-31'),
      table,
      locale: 'en-US',
    });
    if (outcome.kind !== 'written') throw new Error(JSON.stringify(outcome));
    const { region, rows } = await detectAndRead(workbook);
    const compiled = compileTable(table);
    if (!compiled.ok) throw new Error('rfm preset');
    const { map } = mapColumns(compiled.compiled.columns, region.headers);
    const batch = compiled.compiled.gradeRows(rows, map);
    const plan = buildPlan(compiled.compiled, region, rows, map, batch, {
      ...DEFAULT_OPTIONS,
      mode,
      valueColumn: undefined,
    });
    value(
      await workbook.apply(region, plan, { rows, createdSheets: [outcome.sheets.customers, outcome.sheets.report] }),
    );
    return { fake, workbook, initial };
  }

  const withoutActive = (snapshot: unknown) => ({ ...(snapshot as object), active: '' });

  it.each([
    ['RFM customers', 30, 0, 'A31', 'values', 9],
    ['RFM customers', 0, 14, 'O1', 'formulas', 9],
    ['RFM segments', 60, 2, 'C61', 'values', 9],
    ['RFM segments', 0, 9, 'J1', 'formulas', 9],
    // 1,500 customers: the customer sheet and its graded columns are not read back, only the rest.
    ['RFM customers', 1600, 2, 'C1601', 'values', 1500],
  ] as Array<[string, number, number, string, 'values' | 'formulas', number]>)(
    'given a note on %s (row %i, column %i: %s, %s mode) then Revert stops naming it, and without it every sheet is as before',
    async (sheet, row, column, cell, mode, customers) => {
      const { fake, workbook, initial } = await rfmApplied(mode, customers);
      fake.setCell(fake.sheet(sheet)!, row, column, { value: 'call back in May' });
      const typed = visible(fake);
      expect(await workbook.revert()).toEqual({ ok: false, problem: refused(sheet, cell) });
      expect(visible(fake)).toEqual(typed);

      fake.setCell(fake.sheet(sheet)!, row, column, { value: '' });
      value(await workbook.revert());
      expect(withoutActive(fake.snapshot())).toEqual(withoutActive(initial));
    },
  );
});
