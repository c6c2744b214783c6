/**
 * What a manager does month after month, on the strict fake: Apply, Apply
 * again (same table, another table, an edited rule), Apply on a second
 * sheet, close and reopen, Revert after each step. After every step the
 * whole workbook is checked, and every Revert must give back the workbook
 * exactly as it was before the step.
 */
import { compileTable, mapColumns, type Cell, type GradingTable } from '../../src/engine';
import { getPreset } from '../../src/engine/presets';
import { buildPlan, dataColumnCount } from '../../src/excel/build-plan';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import type { Result } from '../../src/excel/workbook';
import { customerRows, DEFAULT_OPTIONS, HEADERS } from './support';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problem)}`);
  return result.value;
}

const RULES = 'Tierwise Rules';

function twoSheetWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet('Customers', [HEADERS, ...customerRows(10)]);
  fake.addSheet('Other', [['unrelated']]);
  fake.addSheet('East', [HEADERS, ...customerRows(6).map((r) => [`E${String(r[0])}`, ...r.slice(1)])]);
  fake.select('Customers', { row: 1, column: 1, rows: 1, columns: 1 });
  return fake;
}

/** A second table: the payment scorecard under another id and name. */
function strictScorecard(): GradingTable {
  const base = getPreset('payment-scorecard')!;
  return { ...base, id: 'strict-payment', name: { en: 'Strict payment', zh: '严格回款' } };
}

/** Applies `table` to the data around the selection (a test selects the sheet first, as a user would). */
async function applyTable(workbook: OfficeWorkbook, table: GradingTable) {
  const region = value(await workbook.detectData());
  const rows = value(await workbook.readRows(region));
  const compiled = compileTable(table);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const { map } = mapColumns(compiled.compiled.columns, region.headers.slice(0, dataColumnCount(region)));
  const batch = compiled.compiled.gradeRows(rows as Cell[][], map);
  const plan = buildPlan(compiled.compiled, region, rows, map, batch, DEFAULT_OPTIONS);
  return { region, report: value(await workbook.apply(region, plan)) };
}

type Rect = { row: number; column: number; rows: number; columns: number };

/** The checks every step must pass, on the fake's own model. */
async function checkWorkbook(fake: FakeExcel, graded: string[]): Promise<void> {
  // One defined name per table, each on the rules sheet, none overlapping; every rules cell under one of them.
  const tableNames = [...fake.names.values()].filter((n) => /^TW_/i.test(n.name));
  const blocks: Rect[] = tableNames.map((n) => {
    if (!n.ref || n.ref === 'ref-error') throw new Error(`${n.name} points nowhere`);
    expect(n.ref.sheet.name).toBe(RULES);
    return n.ref.rect;
  });
  const inside = (b: Rect, r: number, c: number) =>
    r >= b.row && r < b.row + b.rows && c >= b.column && c < b.column + b.columns;
  const rules = fake.sheet(RULES);
  if (rules) {
    for (const [k, cell] of rules.cells) {
      if (cell.value === '' && cell.formula === undefined) continue;
      const r = Math.floor(k / 16384);
      const c = k % 16384;
      const owners = blocks.filter((b) => inside(b, r, c)).length;
      if (owners !== 1) throw new Error(`rules cell R${r + 1}C${c + 1} is under ${owners} names`);
    }
  }
  // Each stored table reads back whole.
  const stored = value(await new OfficeWorkbook(fake.run).readTables());
  expect(stored.broken).toEqual([]);
  expect(stored.tables.map((t) => t.name).sort()).toEqual(tableNames.map((n) => n.name).sort());
  // One summary per graded sheet, counting that sheet's Tier column.
  const summaries = fake.sheets.filter((s) => s.name.startsWith('Tierwise Summary'));
  const sources = summaries.map((s) => /^=SUMPRODUCT\(--\('([^']+)'!/.exec(String(fake.cell(s, 1, 1)?.formula))?.[1]);
  expect(sources.sort()).toEqual([...graded].sort());
}

/** Runs a step, checks, reverts (the workbook must be what it was), runs it again and checks again. */
async function step(fake: FakeExcel, workbook: OfficeWorkbook, graded: string[], run: () => Promise<unknown>) {
  const before = fake.snapshot();
  await run();
  await checkWorkbook(fake, graded);
  const after = fake.snapshot();
  value(await workbook.revert());
  expect(fake.snapshot()).toEqual(before);
  await run();
  expect(fake.snapshot()).toEqual(after);
}

describe('re-grading scenarios', () => {
  it('Apply, Apply again, another table, an edited rule, a second sheet, reopen: one rules block per table, one summary per sheet, every Revert exact', async () => {
    const fake = twoSheetWorkbook();
    const start = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const payment = getPreset('payment-scorecard')!;

    await step(fake, workbook, ['Customers'], () => applyTable(workbook, payment));
    await step(fake, workbook, ['Customers'], () => applyTable(workbook, payment));
    await step(fake, workbook, ['Customers'], () => applyTable(workbook, strictScorecard()));

    // Edit a rule cell of the first table's block by hand, then Apply what the workbook now holds.
    const name = fake.names.get('tw_payment_scorecard')!;
    const block = (name.ref as { rect: Rect }).rect;
    const rules = fake.sheet(RULES)!;
    fake.setCell(rules, block.row + 2, 1, { value: 'Payment scorecard (edited)' });
    const edited = value(await workbook.readTables()).tables.find((t) => t.name === 'TW_payment_scorecard')!.table;
    expect(edited.name.en).toBe('Payment scorecard (edited)');
    await step(fake, workbook, ['Customers'], () => applyTable(workbook, edited));
    expect((fake.names.get('tw_payment_scorecard')!.ref as { rect: Rect }).rect).toEqual(block);
    expect(fake.cell(rules, block.row + 2, 1)?.value).toBe('Payment scorecard (edited)');

    fake.select('East', { row: 1, column: 1, rows: 1, columns: 1 });
    await step(fake, workbook, ['Customers', 'East'], () => applyTable(workbook, payment));
    await step(fake, workbook, ['Customers', 'East'], () => applyTable(workbook, strictScorecard()));
    expect(fake.sheets.map((s) => s.name)).toEqual([
      'Customers',
      'Other',
      'East',
      RULES,
      'Tierwise Summary',
      'Tierwise Journal',
      'Tierwise Summary (2)',
    ]);

    // Close and reopen: the journals in the workbook undo every Apply, last first, back to the start.
    const reopened = new OfficeWorkbook(fake.run);
    value(await reopened.findRevert());
    let reverts = 0;
    while (reopened.canRevert()) {
      value(await reopened.revert());
      reverts++;
    }
    expect(reverts).toBe(6);
    fake.select('Customers', { row: 1, column: 1, rows: 1, columns: 1 });
    expect(fake.snapshot()).toEqual(start);
  });
});
