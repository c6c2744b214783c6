/**
 * What the user types on a summary sheet survives a re-Apply (ADR 0035): the summary is redrawn on its
 * sheet, Tierwise's own cells, formats and charts only; a user cell where the new summary goes stops the
 * Apply before anything changes. Before, Apply deleted the sheet and drew a new one: every note was lost.
 * Every comparison is of every cell (the fake's snapshot; the very hidden journal sheet aside).
 */
import { SUMMARY_SHEET } from '../../src/engine/plan/build';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { JOURNAL_SHEET } from '../../src/excel/state';
import { SUMMARIES_NAMESPACE } from '../../src/excel/summary-sheet';
import type { FakeExcel } from '../../src/excel/testing/fake-excel';
import type { WorkbookPlan } from '../../src/excel/plan-types';
import { formatWorkbookProblem } from '../../src/taskpane/text';
import { presetFake, presetPlan } from '../formula/pane-formulas';
import { detectAndRead, value } from './support';

const ROWS = 24;
/** Ten tiers, then three: the summary shrinks and grows under the user's cells. */
const MANY = 'sales-pipeline';
const FEW = 'payment-scorecard';

function visible(fake: FakeExcel): unknown {
  const all = fake.snapshot() as { sheets: Array<{ name: string }> };
  return { ...all, sheets: all.sheets.filter((s) => s.name !== JOURNAL_SHEET) };
}

function summarySheet(fake: FakeExcel): unknown {
  return (fake.snapshot() as { sheets: Array<{ name: string }> }).sheets.find((s) => s.name === SUMMARY_SHEET);
}

async function planOf(workbook: OfficeWorkbook, preset: string): Promise<WorkbookPlan> {
  const { region, rows } = await detectAndRead(workbook);
  const plan = presetPlan(preset, region, rows, { mode: 'values' });
  expect(plan.problem).toBeUndefined();
  return plan;
}

async function applyPreset(workbook: OfficeWorkbook, preset: string): Promise<void> {
  const { region } = await detectAndRead(workbook);
  value(await workbook.apply(region, await planOf(workbook, preset)));
}

/** Notes and formulas right of and below the widest, longest summary: one reads the summary's counts. */
function typeNotes(fake: FakeExcel): void {
  const sheet = fake.sheet(SUMMARY_SHEET)!;
  fake.setCell(sheet, 0, 10, { value: 'My notes' });
  fake.setCell(sheet, 1, 10, { value: 0, formula: '=B2+B3' });
  fake.setCell(sheet, 2, 10, { value: 0, formula: '=COUNTA(Data!A:A)' });
  fake.setCell(sheet, 40, 0, { value: 'Checked by Li Wei', bold: true });
  fake.setCell(sheet, 40, 1, { value: 46000, numberFormat: 'yyyy-mm-dd' });
}

/** The summary sheet of a workbook where only `preset` was applied, with the same notes typed. */
async function aloneWithNotes(preset: string): Promise<unknown> {
  const fake = presetFake([MANY, FEW], ROWS, 31);
  await applyPreset(new OfficeWorkbook(fake.run), preset);
  typeNotes(fake);
  return summarySheet(fake);
}

describe('the user cells on a summary sheet', () => {
  it('given notes typed around the summary then Apply again (same table, fewer tiers, more tiers) keeps them, and Revert after reopening restores every cell', async () => {
    const fake = presetFake([MANY, FEW], ROWS, 31);
    const workbook = new OfficeWorkbook(fake.run);
    const initial = visible(fake);
    await applyPreset(workbook, MANY);
    typeNotes(fake);
    const typed = visible(fake);

    await applyPreset(workbook, MANY);
    expect(visible(fake)).toEqual(typed);

    await applyPreset(workbook, FEW);
    expect(summarySheet(fake)).toEqual(await aloneWithNotes(FEW));
    const few = visible(fake);

    await applyPreset(workbook, MANY);
    expect(summarySheet(fake)).toEqual(await aloneWithNotes(MANY));

    const reopened = new OfficeWorkbook(fake.run);
    value(await reopened.findRevert());
    value(await reopened.revert());
    expect(visible(fake)).toEqual(few);
    value(await reopened.revert());
    expect(visible(fake)).toEqual(typed);
    value(await reopened.revert());
    expect(visible(fake)).toEqual(typed);
    // The first Apply made the sheet: its Revert takes it out, as before that Apply.
    value(await reopened.revert());
    expect(visible(fake)).toEqual(initial);
  });

  it('given a note where the larger summary goes then Apply stops, names the cell in both languages and changes nothing', async () => {
    const fake = presetFake([MANY, FEW], ROWS, 31);
    const workbook = new OfficeWorkbook(fake.run);
    await applyPreset(workbook, FEW);
    // Row 12 of the sheet: below the three-tier summary and its legend, inside the ten-tier one.
    fake.setCell(fake.sheet(SUMMARY_SHEET)!, 11, 1, { value: 'keep me' });
    const before = visible(fake);

    const { region } = await detectAndRead(workbook);
    const result = await workbook.apply(region, await planOf(workbook, MANY));
    const problem = { kind: 'summary-user-cells', sheet: SUMMARY_SHEET, address: `'${SUMMARY_SHEET}'!B12` } as const;
    expect(result).toEqual({ ok: false, problem });
    expect(visible(fake)).toEqual(before);
    expect(formatWorkbookProblem(problem, 'en-US')).toBe(
      `The summary sheet ${SUMMARY_SHEET} holds your own entry at '${SUMMARY_SHEET}'!B12, where this Apply would draw its summary. Nothing was changed: move your entry (or rename the sheet, so the summary goes on a new one) and apply again.`,
    );
    expect(formatWorkbookProblem(problem, 'zh-CN')).toBe(
      `汇总表 ${SUMMARY_SHEET} 的 '${SUMMARY_SHEET}'!B12 处有您自己输入的内容，而本次应用要在此处绘制汇总。未做任何更改：请移走该内容（或重命名该工作表，汇总将绘制在新工作表上）后再应用。`,
    );
  });

  it('given a summary drawn before its charts had names then a note anywhere on it stops Apply, and without one the sheet is replaced as before', async () => {
    const olderTierwise = (fake: FakeExcel) => {
      const part = fake.xmlParts.find((p) => p.namespace === SUMMARIES_NAMESPACE)!;
      part.xml = part.xml.replace(/,"namedCharts":true/g, '');
      for (const chart of fake.sheet(SUMMARY_SHEET)!.charts) delete chart.name;
    };
    const fake = presetFake([MANY, FEW], ROWS, 31);
    const workbook = new OfficeWorkbook(fake.run);
    await applyPreset(workbook, FEW);
    olderTierwise(fake);
    fake.setCell(fake.sheet(SUMMARY_SHEET)!, 60, 20, { value: 'far away' });
    const before = visible(fake);
    const { region } = await detectAndRead(workbook);
    const result = await workbook.apply(region, await planOf(workbook, FEW));
    expect(result).toMatchObject({ ok: false, problem: { kind: 'summary-user-cells', sheet: SUMMARY_SHEET } });
    expect(visible(fake)).toEqual(before);

    fake.setCell(fake.sheet(SUMMARY_SHEET)!, 60, 20, { value: '' });
    const cleared = visible(fake);
    await applyPreset(workbook, MANY);
    expect(summarySheet(fake)).toEqual(
      await (async () => {
        const alone = presetFake([MANY, FEW], ROWS, 31);
        await applyPreset(new OfficeWorkbook(alone.run), MANY);
        return summarySheet(alone);
      })(),
    );
    value(await workbook.revert());
    expect(visible(fake)).toEqual(cleared);
  });
});
