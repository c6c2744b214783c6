/**
 * Live mode outside Excel tables: one spilled =TIERWISE.TIER_SCORE per output
 * column, not one per row. The fake runs the add-in's own function and spills
 * its result like Excel (src/excel/testing/fake-spills.ts), so every shown
 * cell is compared with the engine's value.
 */
import type { Cell } from '../../src/engine';
import type { PlanCell } from '../../src/engine/plan';
import { spillRanges } from '../../src/excel/live-formulas';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import type { WorkbookPlan } from '../../src/excel/plan-types';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import type { DataRegion } from '../../src/excel/workbook';
import { TableCache } from '../../src/functions/table-cache';
import { tierScore } from '../../src/functions/tier-score';

const PRESET = [['payment-scorecard']];
import { customerWorkbook, detectAndRead, HEADERS, customerRows, planFor, value, withTierScore } from './support';

/** What a function cell shows for a plan cell: its value, or the function's #VALUE! for a row that cannot be graded. */
const shownValue = (cell: PlanCell) => (cell !== null && typeof cell === 'object' ? cell.result : cell) ?? '#VALUE!';

/** The plan's cells of the frame columns the function computes (score, tier, explanation), row by row. */
function functionCells(plan: WorkbookPlan): unknown[][] {
  const columns = plan.frame.columns.flatMap((c, i) => (['score', 'tier', 'explanation'].includes(c.kind) ? [i] : []));
  return plan.cells.map((row) => columns.map((c) => shownValue(row[c]!)));
}

async function liveApply(fake: FakeExcel, options = {}) {
  const workbook = new OfficeWorkbook(fake.run);
  const { region, rows } = await detectAndRead(workbook);
  const plan = planFor(region, rows, { mode: 'formulas', summary: false, ...options });
  value(await workbook.apply(region, plan));
  return { workbook, region, plan };
}

/** Every cell of the sheet's columns `from`..`to`, rows 1..rows, as `values` reads them. */
async function shown(fake: FakeExcel, sheet: string, address: string): Promise<unknown[][]> {
  return fake.run(async (context) => {
    const range = context.workbook.worksheets.getItemOrNullObject(sheet).getRange(address).load('values');
    await context.sync();
    return range.values;
  });
}

describe('live mode on a plain range', () => {
  it('given 40 customers, then each function column holds one spilled formula whose cells show the engine values', async () => {
    const fake = withTierScore(customerWorkbook(40));
    const { plan } = await liveApply(fake, { followUp: true });
    const sheet = fake.sheet('Customers')!;
    const calls = [...sheet.cells].filter(([, c]) => c.formula?.startsWith('=TIERWISE.')).map(([, c]) => c.formula);
    expect(calls).toEqual([
      '=TIERWISE.TIER_SCORE($B$2:$C$41,TW_payment_scorecard,"score")',
      '=TIERWISE.TIER_SCORE($B$2:$C$41,TW_payment_scorecard,"tier")',
      '=TIERWISE.TIER_SCORE($B$2:$C$41,TW_payment_scorecard,"explain")',
    ]);
    expect(plan.frame.columns.map((c) => c.kind)).toEqual(['score', 'tier', 'strategy', 'follow-up', 'explanation']);
    const cells = (await shown(fake, 'Customers', 'E2:I41')).map(([score, tier, , , explanation]) => [
      score,
      tier,
      explanation,
    ]);
    expect(cells).toEqual(functionCells(plan));
    expect(cells.filter(([, tier]) => tier === '#VALUE!')).toHaveLength(5);
  });

  it('given the inputs in another order than the table, then the spill takes them through CHOOSE', async () => {
    const fake = new FakeExcel();
    const rows = customerRows(5).map(([id, sales, days, revenue]) => [id!, days!, revenue!, sales!]);
    fake.addSheet('S', [[HEADERS[0]!, HEADERS[2]!, HEADERS[3]!, HEADERS[1]!], ...rows]);
    withTierScore(fake);
    const { plan } = await liveApply(fake, { strategy: false, explanation: false });
    expect(fake.cell(fake.sheet('S')!, 1, 5)?.formula).toBe(
      '=TIERWISE.TIER_SCORE(CHOOSE({1,2},$D$2:$D$6,$B$2:$B$6),TW_payment_scorecard,"tier")',
    );
    expect(await shown(fake, 'S', 'E2:F6')).toEqual(functionCells(plan));
  });

  it('given a value typed into a spilled cell, then the formula shows #SPILL! as in Excel', async () => {
    const fake = withTierScore(customerWorkbook(6));
    await liveApply(fake, { strategy: false, explanation: false });
    const sheet = fake.sheet('Customers')!;
    fake.setCell(sheet, 4, 5, { value: 'typed' });
    expect(await shown(fake, 'Customers', 'F2:F7')).toEqual([['#SPILL!'], [''], [''], ['typed'], [''], ['']]);
  });

  it('given Revert, then the spilled formulas and their values are gone and the sheet is as before', async () => {
    const fake = withTierScore(customerWorkbook(12));
    const before = fake.snapshot();
    const { workbook } = await liveApply(fake);
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(before);
    expect(await shown(fake, 'Customers', 'E1:H13')).toEqual(Array.from({ length: 13 }, () => ['', '', '', '']));
  });

  it('given a second live Apply and its Revert, then the first spill is back whole, not blocked by its own values', async () => {
    const fake = withTierScore(customerWorkbook(8));
    const { plan } = await liveApply(fake, { strategy: false, explanation: false });
    const first = fake.snapshot();
    const { workbook } = await liveApply(fake, { strategy: false, explanation: false });
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(first);
    expect(await shown(fake, 'Customers', 'E2:F9')).toEqual(functionCells(plan));
  });
});

describe('live mode in an Excel table', () => {
  it('given a spilling formula typed in a table, then the fake shows #SPILL! (Excel refuses spills in tables)', async () => {
    const fake = withTierScore(new FakeExcel());
    fake.addSheet('T', [HEADERS, ...customerRows(3)]);
    fake.addTable('Clients', 'T', { row: 0, column: 0, rows: 4, columns: 4 });
    fake.setCell(fake.sheet('T')!, 1, 3, { value: 0, formula: '=TIERWISE.TIER_SCORE(B2:C4,"payment-scorecard")' });
    expect(await shown(fake, 'T', 'D2:D4')).toEqual([['#SPILL!'], [1001], [1002]]);
  });
});

describe('spill blocks', () => {
  it('given 100,000 rows, then score and tier spill in one formula each, explanations in blocks under 5 MB', () => {
    const rows = customerRows(100_000) as Cell[][];
    const region: DataRegion = {
      sheet: 'Customers',
      address: 'Customers!A1:D100001',
      top: 0,
      left: 0,
      rowCount: rows.length,
      columnCount: 4,
      headers: HEADERS,
      filtered: false,
      outputs: [],
    };
    const plan = planFor(region, rows, { mode: 'formulas', summary: false, strategy: false });
    const kinds = plan.frame.columns.map((c) => c.kind);
    const blocks = (kind: string) =>
      (plan.spills ?? []).filter((b) => kinds[b.column] === kind).map((b) => [b.row, b.rows]);
    expect(blocks('score')).toEqual([[0, 100_000]]);
    expect(blocks('tier')).toEqual([[0, 100_000]]);
    const explanation = blocks('explanation');
    expect(explanation.length).toBeGreaterThan(1);
    // Contiguous, covering every row, each block's results within one function result.
    expect(explanation.map(([row]) => row)).toEqual(
      explanation.map((_b, i) => explanation.slice(0, i).reduce((n, [, count]) => n + count!, 0)),
    );
    expect(explanation.reduce((n, [, count]) => n + count!, 0)).toBe(100_000);
    // The largest block's formula, run as Excel would run it, returns every row (not the 1 x 1 payload error).
    const [row, count] = explanation.reduce((a, b) => (b[1]! > a[1]! ? b : a));
    const values = rows.slice(row, row! + count!).map((r) => [r[1], r[2]]);
    const ctx = { makeError: (code: string, message: string) => ({ code, message }), locale: 'en-US' as const };
    const result = tierScore({ ...ctx, cache: new TableCache() }, { values, table: PRESET, output: 'explain' });
    expect(result).toHaveLength(count!);
  });

  it('given results past the 5 MB a custom function may return, then the rows are split into blocks that fit', () => {
    const text = 'x'.repeat(1000);
    const cells: PlanCell[][] = Array.from({ length: 12000 }, () => ['A', text]);
    // A row of the text column counts 1,008 bytes as JSON: 4,960 rows make 4,999,680.
    expect(spillRanges(cells, [0, 1])).toEqual([
      [0, 4960],
      [4960, 9920],
      [9920, 12000],
    ]);
    expect(spillRanges(cells, [0])).toEqual([[0, 12000]]);
    // Rows the function answers with an error count as the error's message, not as the plan's empty cell.
    const ungraded: PlanCell[][] = Array.from({ length: 12000 }, () => [null]);
    expect(spillRanges(ungraded, [0])).toEqual([[0, 12000]]);
    // An error with a 1,000-character message counts 1,046 bytes: 4,780 rows make 4,999,880.
    expect(spillRanges(ungraded, [0], () => text)).toEqual([
      [0, 4780],
      [4780, 9560],
      [9560, 12000],
    ]);
  });
});
